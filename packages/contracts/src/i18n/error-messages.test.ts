import { describe, expect, it } from 'vitest';
import { ERROR_DETAILS } from '../errors.ts';
import { ERROR_MESSAGES, errorMessage, formatMessage } from './error-messages.ts';
import { LOCALES } from './locale.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('errorMessage', () => {
  it('fills placeholders from the params, in each language', () => {
    expect(errorMessage('zh-CN', 'TOO_MANY_ATTEMPTS', { seconds: 16 })).toBe('密码错误次数过多，请 16 秒后再试。');
    expect(errorMessage('en', 'TOO_MANY_ATTEMPTS', { seconds: 16 })).toBe(
      'Too many wrong passwords. Please try again in 16 seconds.',
    );
    expect(errorMessage('en', 'INTERNAL_ERROR', { requestId: 'req-42' })).toContain('request id req-42');
    expect(errorMessage('zh-CN', 'HAS_ACTIVE_TRIALS', { count: 3 })).toBe('仍有 3 项在研试验，暂不能停用。');
  });

  it('leaves a placeholder visible when its param is missing, rather than printing "undefined"', () => {
    expect(errorMessage('en', 'TOO_MANY_ATTEMPTS')).toContain('{seconds}');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('replaces every occurrence and ignores extra params', () => {
    expect(formatMessage('{x}-{x}', { x: 'y', unused: 1 })).toBe('y-y');
  });

  it('does not tell a wrong password from an unknown or disabled account', () => {
    for (const locale of LOCALES) {
      expect(errorMessage(locale, 'ACCOUNT_DISABLED')).toBe(errorMessage(locale, 'INVALID_CREDENTIALS'));
    }
  });
});

describe('ERROR_MESSAGES', () => {
  it.each(ERROR_DETAILS)('%s has a non-empty message with the same placeholders in every locale', (detail) => {
    const zh = ERROR_MESSAGES['zh-CN'][detail];
    const en = ERROR_MESSAGES.en[detail];
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it('has Chinese text in the Chinese messages', () => {
    for (const detail of ERROR_DETAILS) expect(ERROR_MESSAGES['zh-CN'][detail]).toMatch(/\p{Script=Han}/u);
  });
});
