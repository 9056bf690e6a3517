import { describe, expect, it } from 'vitest';
import { inquiryQuestions } from './inquiry-questions.ts';

describe('inquiryQuestions', () => {
  it('numbers each line and drops the sponsor’s own numbering', () => {
    expect(inquiryQuestions('1. 每月可入组几例？\n2、是否有 CRC？\n\n(3) 竞争试验？\n一、药房？\n- 冷链？')).toEqual([
      '每月可入组几例？',
      '是否有 CRC？',
      '竞争试验？',
      '药房？',
      '冷链？',
    ]);
  });
  it('splits one line numbered inline, keeps a plain line whole, and has none for no text', () => {
    expect(inquiryQuestions('1. 入组速度？ 2. CRC 配置？')).toEqual(['入组速度？', 'CRC 配置？']);
    expect(inquiryQuestions('贵中心近 3 年同类试验数量？')).toEqual(['贵中心近 3 年同类试验数量？']);
    expect(inquiryQuestions('  ')).toEqual([]);
    expect(inquiryQuestions(null)).toEqual([]);
  });
});
