import { describe, expect, it } from 'vitest';
import { chineseLeftIn } from './han-runs.ts';

describe('the English walk allow-list: Chinese only as a proper name followed by its pinyin', () => {
  it('allows a name with its pinyin and nothing else Chinese', () => {
    expect(chineseLeftIn(['PI: 王秀英 (Wang Xiuying), Chief Physician'])).toEqual([]);
    expect(chineseLeftIn(['南京鼓楼医院 (Nan Jing Gu Lou Yi Yuan) · Gulou'])).toEqual([]);
    expect(chineseLeftIn(['Lung cancer', ''])).toEqual([]);
  });
  it('names each untranslated run: a bare name, a UI word, Chinese punctuation, a full-width bracket', () => {
    expect(chineseLeftIn(['PI: 王秀英'])).toHaveLength(1);
    expect(chineseLeftIn(['Members：none'])).toHaveLength(1);
    expect(chineseLeftIn(['Phase I、Phase II'])).toHaveLength(1);
    expect(chineseLeftIn(['王秀英（Wang Xiuying）']).length).toBeGreaterThan(0);
    // Brackets after a word are not enough: they must hold that word's own pinyin.
    expect(chineseLeftIn(['主任医师 (Chief Physician)'])).toHaveLength(1);
  });
});

describe("the web's and the server's pinyin agree, so both pass the walk", () => {
  it('writes the same `中文 (Pinyin)` for people, organisations and mixed text', async () => {
    const web = await import('../../apps/web/src/lib/proper-name.ts');
    const { withPinyin } = await import('@ctp/domain');
    await web.loadPinyin();
    for (const [text, person] of [
      ['王秀英', true],
      ['欧阳娜娜', true],
      ['南京鼓楼医院', false],
      ['江苏省人民医院（南京医科大学第一附属医院）', false],
      ['2型糖尿病', false],
    ] as const) {
      expect(web.withPinyin(text, person)).toBe(withPinyin(text, person));
      expect(chineseLeftIn([web.withPinyin(text, person)])).toEqual([]);
    }
    expect(web.personName('王秀英', 'en')).toBe('王秀英 (Wang Xiuying)');
    expect(web.properName('南京鼓楼医院', 'Nanjing Drum Tower Hospital', 'en')).toBe('Nanjing Drum Tower Hospital');
    expect(web.properName('南京鼓楼医院', null, 'zh-CN')).toBe('南京鼓楼医院');
  });
});
