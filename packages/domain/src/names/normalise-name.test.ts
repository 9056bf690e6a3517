import { describe, expect, it } from 'vitest';
import { normaliseName, stripSiteSuffix } from './normalise-name.ts';

describe('normaliseName (search)', () => {
  const base = normaliseName('Nanjing Drum Tower Hospital');

  it.each([
    'Nanjing Drum Tower Hospital /ID# 253042',
    'Nanjing Drum Tower Hospital/ID#253042',
    'The Nanjing Drum Tower Hospital',
    'NANJING  DRUM-TOWER  HOSPITAL.',
    'Nanjing Drum Tower Hospital (Site 12)',
    'Nanjing Drum Tower Hospital - Site 0266',
    'Nanjing Drum Tower Hospital Site 3',
    'Ｎａｎｊｉｎｇ　Ｄｒｕｍ　Ｔｏｗｅｒ　Ｈｏｓｐｉｔａｌ',
  ])('reads %j as the plain name', (variant) => {
    expect(normaliseName(variant)).toBe(base);
  });

  it('keeps the words that tell hospitals apart', () => {
    expect(base).toBe('nanjingdrumtowerhospital');
    expect(normaliseName('Jiangsu Province Hospital')).not.toBe(normaliseName('Jiangsu Province Cancer Hospital'));
    expect(normaliseName('Theodore Hospital')).toBe('theodorehospital');
    expect(normaliseName('Site 12 Hospital')).toBe('site12hospital');
  });

  it('reads 医学院附属 and 附属 as one form, and ignores Chinese punctuation', () => {
    expect(normaliseName('南京大学医学院附属鼓楼医院')).toBe(normaliseName('南京大学附属鼓楼医院'));
    expect(normaliseName('江苏省人民医院（南京医科大学第一附属医院）')).toBe(
      normaliseName('江苏省人民医院南京医科大学第一附属医院'),
    );
    expect(normaliseName('南京医科大学第一附属医院')).not.toBe(normaliseName('南京医科大学第二附属医院'));
  });

  it('strips only the registry suffix, keeping the name as written', () => {
    expect(stripSiteSuffix('Nanjing Drum Tower Hospital /ID# 253042')).toBe('Nanjing Drum Tower Hospital');
    expect(stripSiteSuffix('Jiangsu Province Hospital')).toBe('Jiangsu Province Hospital');
  });
});
