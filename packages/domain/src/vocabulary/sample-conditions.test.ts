import { describe, expect, it } from 'vitest';
import { resolveCondition } from './condition-vocabulary.ts';
import samples from './sample-conditions.json' with { type: 'json' };

/**
 * The conditions of the shared registry samples (ClinicalTrials.gov NSCLC studies, CTR indications), and which of
 * them the vocabulary places. The report is printed so the gaps are visible; the floors keep coverage from slipping.
 */
describe('the registry samples against the vocabulary', () => {
  const report = (label: string, texts: string[]) => {
    const placed = texts.map((t) => ({ text: t, id: resolveCondition(t)?.entry.id ?? null }));
    const missing = placed.filter((p) => !p.id);
    const share = (placed.length - missing.length) / placed.length;
    console.log(
      `${label}: ${placed.length - missing.length}/${placed.length} placed (${(share * 100).toFixed(1)}%)` +
        (missing.length ? `; not placed: ${missing.map((m) => JSON.stringify(m.text.slice(0, 40))).join(', ')}` : ''),
    );
    return { placed, share };
  };

  it('places every CT.gov condition of the NSCLC sample as NSCLC', () => {
    const { placed, share } = report('CT.gov conditions', samples.ctgovConditions);
    expect(share).toBe(1);
    expect(new Set(placed.map((p) => p.id))).toEqual(new Set(['nsclc']));
  });

  it('places the MeSH condition terms that name a disease', () => {
    const { placed, share } = report('CT.gov MeSH terms', samples.ctgovMeshTerms);
    expect(share).toBeGreaterThanOrEqual(0.75);
    expect(placed.find((p) => p.text === 'Carcinoma, Non-Small-Cell Lung')?.id).toBe('nsclc');
    expect(placed.find((p) => p.text === 'Lung Neoplasms')?.id).toBe('lung_cancer');
  });

  it('places at least 90% of the CTR indications', () => {
    const { placed, share } = report(
      'CTR indications',
      samples.ctrIndications.map((r) => r.indication),
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
    const byNo = new Map(samples.ctrIndications.map((r, i) => [r.ctrNo, placed[i]!.id]));
    expect(byNo.get('CTR20230401')).toBe('nsclc');
    expect(byNo.get('CTR20230380')).toBe('copd');
    expect(byNo.get('CTR20230362')).toBe('crpc');
  });
});
