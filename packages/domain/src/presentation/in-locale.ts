import type { Locale } from '@ctp/contracts';
import { withPinyin } from '../names/with-pinyin.ts';

/**
 * The one domain folder that branches on the reader's language (issue 15: presentation out of the use-cases). Use-cases
 * return codes and data; where a public contract carries a label (search reasons, a shortlist's query in words) or a
 * file is written for a reader (XLSX, PDF), the words are picked here from the catalogues. A structure test
 * (`presentation-rule.test.ts`) fails on a locale branch anywhere else in the domain.
 */
export type Bilingual = { zh: string; en: string };

/** A catalogue entry (or a record's Chinese and English names) in the reader's language. */
export const inLocale = (locale: Locale, pair: Bilingual): string => (locale === 'en' ? pair.en : pair.zh);

/** Is the reader's language English: such readers get English lines beside the Chinese in a filed document. */
export const readsEnglish = (locale: Locale): boolean => locale === 'en';

const JOINERS = {
  'zh-CN': { names: '、', more: '等' },
  en: { names: ', ', more: ', …' },
} satisfies Record<Locale, Record<string, string>>;

/** Names listed the language's way, at most `max` of them ("肿瘤科、呼吸科等", "Oncology, Respiratory, …"). */
export function joinNames(locale: Locale, values: string[], max = Number.POSITIVE_INFINITY): string {
  const unique = [...new Set(values)];
  const j = JOINERS[locale];
  const shown = unique.slice(0, max).join(j.names);
  return unique.length > max ? `${shown}${j.more}` : shown;
}

/** A name in the locale: the English form on record, else in English the Chinese with its pinyin. */
export function nameIn(locale: string, zh: string, en?: string | null): string {
  if (locale !== 'en') return zh;
  return en || withPinyin(zh);
}

/** A person's name in the locale: in English the Chinese with its pinyin as a person's name (`王秀英 (Wang Xiuying)`). */
export const personIn = (locale: string, name: string): string => (locale === 'en' ? withPinyin(name, true) : name);
