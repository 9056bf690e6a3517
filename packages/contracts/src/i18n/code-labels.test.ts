import { describe, expect, it } from 'vitest';
import { DELAY_ATTRIBUTION_LABELS, DELAY_REASON_LABELS } from '../delays.ts';
import { delayCodeLabel, metricRecordLabel } from './code-labels.ts';

describe('delay codes in words (the drill-down page and the XLSX share one builder)', () => {
  it('names a reason or an attribution in the reader’s language', () => {
    expect(delayCodeLabel('zh-CN', DELAY_REASON_LABELS, 'contract')).toBe('合同');
    expect(delayCodeLabel('en', DELAY_REASON_LABELS, 'contract')).toBe('Contract');
    expect(delayCodeLabel('en', DELAY_ATTRIBUTION_LABELS, 'both')).toBe('Both');
  });

  it('says "not recorded" for a delay without one, and keeps an unknown code as it is', () => {
    expect(delayCodeLabel('zh-CN', DELAY_ATTRIBUTION_LABELS, 'unrecorded')).toBe('未登记');
    expect(delayCodeLabel('en', DELAY_REASON_LABELS, 'unrecorded')).toBe('Not recorded');
    expect(delayCodeLabel('en', DELAY_REASON_LABELS, 'weather')).toBe('weather');
  });

  it('reads a delay record’s label (stage · reason · attribution) with it', () => {
    expect(metricRecordLabel('en', 'delay', 'siv · contract · unrecorded')).toMatch(/ · Contract · Not recorded$/);
  });
});
