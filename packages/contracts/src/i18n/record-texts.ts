import type { Locale } from './locale.ts';

/** Texts the server writes into records on the reader's behalf, in the language of the person acting. */
const RECORD_TEXTS = {
  'zh-CN': {
    fallbackSubmissionTitle: '互认不认可后的完整审查',
  },
  en: {
    fallbackSubmissionTitle: 'Full review after recognition was declined',
  },
} satisfies Record<Locale, Record<string, string>>;
export type RecordTextKey = keyof (typeof RECORD_TEXTS)['en'];

export const recordText = (locale: Locale, key: RecordTextKey): string => RECORD_TEXTS[locale][key];
