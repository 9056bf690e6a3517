/**
 * The check behind the English walk (test/e2e/english-walk.e2e.test.ts): every run of Chinese characters or Chinese
 * punctuation in the given texts, except a proper name shown as the web's `properName` shows one with no English
 * form on record — the Chinese followed by its own pinyin in brackets, `南京鼓楼医院 (Nan Jing Gu Lou Yi Yuan)`,
 * exactly as `withPinyin` (domain) and `lib/proper-name.ts` (web) write it. That is the whole allow-list.
 */
import { withPinyin } from '@ctp/domain';

const CHINESE_RUN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+/g;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
/** The run's own pinyin, as a person's name or syllable by syllable (the two shapes `properName` makes). */
const withItsPinyin = (run: string) => [withPinyin(run), withPinyin(run, true)];

export function chineseLeftIn(texts: string[]): string[] {
  const left = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(CHINESE_RUN)) {
      const from = text.slice(m.index);
      if (HAN_ONLY.test(m[0]) && withItsPinyin(m[0]).some((shown) => from.startsWith(shown))) continue;
      const start = Math.max(0, m.index - 20);
      left.add(`${m[0]}  «${text.slice(start, m.index + m[0].length + 20).replace(/\s+/g, ' ')}»`);
    }
  }
  return [...left];
}
