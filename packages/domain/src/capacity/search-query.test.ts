import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.ts';

const ids = (q: string) => parseSearchQuery(q).conditions.map((c) => c.entry.id);

describe('parseSearchQuery', () => {
  it('reads English condition names as phrases, not word by word', () => {
    expect(parseSearchQuery('lung cancer')).toMatchObject({ text: '', conditions: [{ text: 'lung cancer' }] });
    expect(ids('lung cancer')).toEqual(['lung_cancer']);
    expect(ids('Carcinoma, Non-Small-Cell Lung')).toEqual(['nsclc']);
    expect(ids('Non-small cell lung cancer')).toEqual(['nsclc']);
  });

  it('reads abbreviations and Chinese names, with qualifiers around them', () => {
    expect(ids('NSCLC')).toEqual(['nsclc']);
    expect(ids('非小细胞肺癌')).toEqual(['nsclc']);
    expect(parseSearchQuery('Advanced NSCLC Stage IV')).toMatchObject({ text: '', conditions: [{ text: 'NSCLC' }] });
    expect(parseSearchQuery('晚期非小细胞肺癌患者')).toMatchObject({ text: '' });
    expect(ids('晚期非小细胞肺癌患者')).toEqual(['nsclc']);
  });

  it('keeps hospital names and other words as free text', () => {
    expect(parseSearchQuery('江苏省肿瘤医院')).toEqual({
      cleaned: '江苏省肿瘤医院',
      conditions: [],
      text: '江苏省肿瘤医院',
    });
    expect(parseSearchQuery('Drum Tower').text).toBe('Drum Tower');
    const mixed = parseSearchQuery('乳腺癌 PET-CT');
    expect(mixed.text).toBe('PET-CT');
    expect(mixed.conditions.map((c) => c.entry.id)).toEqual(['breast_cancer']);
    // A qualifier alone is an ordinary word.
    expect(parseSearchQuery('advanced')).toMatchObject({ conditions: [], text: 'advanced' });
  });

  it('drops registry site suffixes', () => {
    expect(parseSearchQuery('Nanjing Drum Tower Hospital /ID# 253042').cleaned).toBe('Nanjing Drum Tower Hospital');
  });
});
