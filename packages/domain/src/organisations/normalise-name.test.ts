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

describe('normaliseInstitutionName, registry forms (issue 13)', () => {
  it('strips a trailing " - Site 012" or ", Site No. 3" but keeps a number that is part of the name', () => {
    expect(normalise('Jiangsu Province Hospital - Site 012')).toBe(normalise('Jiangsu Province Hospital'));
    expect(normalise('Jiangsu Province Hospital, Research Site No. 3')).toBe(normalise('Jiangsu Province Hospital'));
    expect(normalise('Local Institution - 0266')).toBe('localinstitution0266');
  });

  it('folds 医学院附属 and 医学部附属 to 附属 but keeps 医科大学 apart', () => {
    expect(normalise('南京大学医学院附属鼓楼医院')).toBe(normalise('南京大学附属鼓楼医院'));
    expect(normalise('北京大学医学部附属某医院')).toBe(normalise('北京大学附属某医院'));
    expect(normalise('南京医科大学附属逸夫医院')).toBe('南京医科大学附属逸夫医院');
  });

  it('folds full-width parentheses of a site suffix', () => {
    expect(normalise('Nanjing Drum Tower Hospital /ID# 253042')).toBe('nanjingdrumtowerhospital');
    expect(normalise('江苏省人民医院（Site 3）')).toBe('江苏省人民医院');
  });
});
