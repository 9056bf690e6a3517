import { describe, expect, it } from 'vitest';
import { normaliseInstitutionName as normalise } from './normalise-name.ts';

describe('normaliseInstitutionName', () => {
  const base = normalise('Nanjing Drum Tower Hospital');

  it.each([
    'Nanjing Drum Tower Hospital /ID# 253042',
    'Nanjing Drum Tower Hospital/ID#253042',
    'The Nanjing Drum Tower Hospital',
    'the nanjing drum tower hospital',
    'Nanjing Drum Tower Hospital (Site 12)',
    'Nanjing Drum Tower Hospital （Site 12）',
    'Nanjing Drum Tower Hospital (site CN-003)',
    'NANJING  DRUM-TOWER  HOSPITAL.',
    '  Nanjing Drum Tower Hospital  ',
  ])('matches %j with the plain name', (variant) => {
    expect(normalise(variant)).toBe(base);
  });

  it('keeps the words that tell institutions apart', () => {
    expect(base).toBe('nanjingdrumtowerhospital');
    expect(normalise('Nanjing Drum Tower Hospital Group')).not.toBe(base);
    expect(normalise('Jiangsu Province Hospital')).not.toBe(base);
  });

  it('strips "The" only as a whole leading word', () => {
    expect(normalise('Theodore Hospital')).toBe('theodorehospital');
  });

  it('strips the registry suffixes only at the end of the name', () => {
    expect(normalise('Site 12 Hospital')).toBe('site12hospital');
    expect(normalise('Hospital (Site 12) of Nanjing')).not.toBe(normalise('Hospital of Nanjing'));
  });

  it('ignores Chinese full-width punctuation and spaces', () => {
    const plain = normalise('南京鼓楼医院南京大学医学院附属鼓楼医院');
    expect(normalise('南京鼓楼医院（南京大学医学院附属鼓楼医院）')).toBe(plain);
    expect(normalise('南京鼓楼医院(南京大学医学院附属鼓楼医院)')).toBe(plain);
    expect(normalise('南京鼓楼医院，南京大学·医学院　附属鼓楼医院。')).toBe(plain);
    expect(normalise('“江苏省人民医院”')).toBe(normalise('江苏省人民医院'));
  });

  it('folds full-width letters and digits to ASCII', () => {
    expect(normalise('ＪＳＰＨ　１')).toBe('jsph1');
  });
});
