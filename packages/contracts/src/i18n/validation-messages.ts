import type { Locale } from './locale.ts';

/**
 * Field-level validation text. Zod reports an issue code plus facts (minimum, format…); we render those facts
 * in the user's language here instead of shipping zod's English sentences.
 */
export type ValidationIssue = {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  message?: string;
  values?: unknown[];
};

const T = {
  'zh-CN': {
    required: '此项必填',
    invalid_type: '格式不正确',
    too_small_string: '至少 {n} 个字符',
    too_big_string: '最多 {n} 个字符',
    too_small_number: '不能小于 {n}',
    too_big_number: '不能大于 {n}',
    too_small_array: '至少选择 {n} 项',
    too_big_array: '最多选择 {n} 项',
    email: '请输入有效的邮箱地址',
    date: '请输入有效的日期（YYYY-MM-DD）',
    invalid_value: '请选择有效的选项',
    format: '格式不正确',
    custom: '内容无效',
  },
  en: {
    required: 'This field is required',
    invalid_type: 'Invalid format',
    too_small_string: 'At least {n} characters',
    too_big_string: 'At most {n} characters',
    too_small_number: 'Must be at least {n}',
    too_big_number: 'Must be at most {n}',
    too_small_array: 'Choose at least {n}',
    too_big_array: 'Choose at most {n}',
    email: 'Enter a valid e-mail address',
    date: 'Enter a valid date (YYYY-MM-DD)',
    invalid_value: 'Choose a valid option',
    format: 'Invalid format',
    custom: 'Invalid value',
  },
} as const;

/** Custom refinements put a message key `i18n:<zh>|<en>` in the issue to carry both languages. */
function bilingual(message: string | undefined, locale: Locale): string | undefined {
  if (!message?.startsWith('i18n:')) return undefined;
  const [zh, en] = message.slice(5).split('|');
  return locale === 'en' ? (en ?? zh) : zh;
}

export function validationMessage(issue: ValidationIssue, locale: Locale): string {
  const t = T[locale];
  const own = bilingual(issue.message, locale);
  if (own) return own;
  const n = String(issue.minimum ?? issue.maximum ?? '');
  const kind =
    issue.origin === 'string' ? 'string' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'number';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message?.includes('received undefined') ? t.required : t.invalid_type;
    case 'too_small':
      if (kind === 'string' && Number(issue.minimum) === 1) return t.required;
      return t[`too_small_${kind}`].replace('{n}', n);
    case 'too_big':
      return t[`too_big_${kind}`].replace('{n}', n);
    case 'invalid_format':
      if (issue.format === 'email') return t.email;
      if (issue.format === 'date') return t.date;
      return t.format;
    case 'invalid_value':
      return t.invalid_value;
    default:
      return t.custom;
  }
}

/** A helper for refinements: `z.string().refine(f, { message: bi('中文', 'English') })`. */
export function bi(zh: string, en: string): string {
  return `i18n:${zh}|${en}`;
}
