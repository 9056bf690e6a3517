/**
 * The check behind the English walk (test/e2e/english-walk.e2e.test.ts): every run of Chinese characters or Chinese
 * punctuation in the given texts, except a proper name shown as the web's `properName` shows one with no English
 * form on record — the Chinese followed by its pinyin in brackets, `南京鼓楼医院 (Nanjing Gulou Yiyuan)`. That
 * pattern is the whole allow-list: nothing else Chinese may appear on an English page.
 */
const CHINESE_RUN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+/g;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·]+$/;
/** What properName appends: a space and the pinyin (Latin letters with tone marks, spaces, apostrophes, hyphens). */
const PINYIN_AFTER = /^ \([A-Za-z\u00c0-\u024f' -]+\)/;

export function chineseLeftIn(texts: string[]): string[] {
  const left = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(CHINESE_RUN)) {
      const after = text.slice(m.index + m[0].length);
      if (HAN_ONLY.test(m[0]) && PINYIN_AFTER.test(after)) continue;
      const start = Math.max(0, m.index - 20);
      left.add(`${m[0]}  «${text.slice(start, m.index + m[0].length + 20).replace(/\s+/g, ' ')}»`);
    }
  }
  return [...left];
}
