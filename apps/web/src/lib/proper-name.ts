/**
 * Proper names on English pages (issue 14). A name with an English form on record shows that form; a Chinese name
 * without one shows the Chinese followed by its pinyin, `南京鼓楼医院 (Nan Jing Gu Lou Yi Yuan)`, so an English reader can
 * say it and still match it to Chinese documents. That exact shape is the only Chinese the English walk
 * (test/e2e/english-walk.e2e.test.ts) allows on an English page.
 *
 * pinyin-pro (the library the server's search uses) is ~300 KB: it is loaded in its own chunk, before the first
 * English render (main.tsx) and before switching to English (i18n/index.ts), so `properName` stays synchronous.
 */
type Romanise = (han: string, person: boolean) => string;
let romanise: Romanise | null = null;
/** The UI language, kept in step by i18n/index.ts, so call sites outside a component need not pass it. */
let uiLanguage = 'zh-CN';
export function setNameLanguage(lang: string) {
  uiLanguage = lang;
}

export async function loadPinyin(): Promise<void> {
  if (romanise) return;
  const { pinyin } = await import('pinyin-pro');
  romanise = (han, person) => {
    const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: person ? 'head' : 'off' }).map((s) =>
      s.replace(/ü/g, 'u').replace(/v/g, 'u'),
    );
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    // A person's name reads surname, given name ("Wang Xiuying"); other names syllable by syllable.
    if (person && syllables.length >= 2 && syllables.length <= 4) {
      const surnameLength = syllables.length === 4 ? 2 : 1;
      return `${cap(syllables.slice(0, surnameLength).join(''))} ${cap(syllables.slice(surnameLength).join(''))}`;
    }
    return syllables.map(cap).join(' ');
  };
}

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
  '—': '-',
  '《': '"',
  '》': '"',
  '“': '"',
  '”': '"',
};

/** `text` with every Chinese run followed by its pinyin and Chinese punctuation made ASCII. */
export function withPinyin(text: string, person = false): string {
  if (!romanise) return text;
  const r = romanise;
  const ascii = text.replace(/[（），、：；。·—《》“”]/g, (c) => FULL_WIDTH[c] ?? c);
  return ascii
    .replace(HAN_RUN, (run) => `${run} (${r(run, person)})`)
    .replace(/ {2,}/g, ' ')
    .replace(/\( /g, '(')
    .trim();
}

/** A name in the UI language: the English form when there is one, else (in English) the Chinese with its pinyin. */
export function properName(
  zh: string | null | undefined,
  en: string | null | undefined,
  lang: string = uiLanguage,
): string {
  if (lang !== 'en') return zh ?? en ?? '';
  if (en) return en;
  return withPinyin(zh ?? '');
}

/** The avatar letter of a name: its first character, or in English the first letter of its pinyin. */
export function nameInitial(name: string, lang: string = uiLanguage): string {
  const romanised = lang === 'en' ? withPinyin(name, true) : name;
  const latin = lang === 'en' ? /\(([A-Za-z])/.exec(romanised)?.[1] : undefined;
  return latin ?? name.slice(0, 1);
}

/** A person's name: in English the Chinese with the pinyin as surname and given name (王秀英 (Wang Xiuying)). */
export function personName(name: string | null | undefined, lang: string = uiLanguage): string {
  if (!name) return '';
  return lang === 'en' ? withPinyin(name, true) : name;
}
