import { pinyin } from 'pinyin-pro';

/**
 * The server's side of the web's `lib/proper-name.ts` (issue 14): a Chinese proper name with no English form on
 * record, for an English reader, is the Chinese followed by its pinyin — `王秀英 (Wang Xiuying)` for a person,
 * `南京鼓楼医院 (Nan Jing Gu Lou Yi Yuan)` otherwise. Both sides must produce the same shape: the English walk
 * (test/e2e/english-walk.e2e.test.ts) allows only that.
 */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const FULL_WIDTH: Record<string, string> = {
  '（': ' (',
  '）': ')',
  '，': ', ',
  '、': ', ',
  '：': ': ',
  '；': '; ',
  '。': '. ',
  '·': ' ',
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function romanise(han: string, person: boolean): string {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: person ? 'head' : 'off' }).map((s) =>
    s.replace(/ü|v/g, 'u'),
  );
  if (person && syllables.length >= 2 && syllables.length <= 4) {
    const surname = syllables.length === 4 ? 2 : 1;
    return `${cap(syllables.slice(0, surname).join(''))} ${cap(syllables.slice(surname).join(''))}`;
  }
  return syllables.map(cap).join(' ');
}

export function withPinyin(text: string, person = false): string {
  return text
    .replace(/[（），、：；。·]/g, (c) => FULL_WIDTH[c] ?? c)
    .replace(HAN_RUN, (run) => `${run} (${romanise(run, person)})`)
    .replace(/ {2,}/g, ' ')
    .replace(/\( /g, '(')
    .trim();
}
