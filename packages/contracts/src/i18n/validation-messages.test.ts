import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { changePasswordInput, loginInput } from '../auth.ts';
import { createUserInput } from '../users.ts';
import type { Locale } from './locale.ts';
import { bi, validationMessage } from './validation-messages.ts';

/** The localised message of each failing field, as the API reports them (path → message). */
function messagesOf(schema: z.ZodType, value: unknown, locale: Locale): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), validationMessage(i, locale)]));
}

describe('validationMessage on real zod issues', () => {
  const badUser = { email: 'not-an-email', name: '', password: 'short', memberships: [] };

  it('renders each field in Chinese', () => {
    expect(messagesOf(createUserInput, badUser, 'zh-CN')).toEqual({
      email: '请输入有效的邮箱地址',
      name: '此项必填',
      password: '至少 10 个字符',
      memberships: '至少选择 1 项',
    });
  });

  it('renders each field in English', () => {
    expect(messagesOf(createUserInput, badUser, 'en')).toEqual({
      email: 'Enter a valid e-mail address',
      name: 'This field is required',
      password: 'At least 10 characters',
      memberships: 'Choose at least 1',
    });
  });

  it('calls a missing field required and a wrong type a format error', () => {
    expect(messagesOf(loginInput, { password: 'x' }, 'zh-CN')).toEqual({ email: '此项必填' });
    expect(messagesOf(loginInput, { email: 42, password: 'x' }, 'en')).toEqual({ email: 'Invalid format' });
  });

  it('reports maxima and nested paths', () => {
    const tooLong = 'x'.repeat(101);
    expect(
      messagesOf(
        createUserInput,
        { ...badUser, email: 'a@b.cn', name: tooLong, password: 'long enough pw', memberships: [{ orgId: 'o' }] },
        'zh-CN',
      ),
    ).toEqual({ name: '最多 100 个字符', 'memberships.0.role': '请选择有效的选项' });
  });

  it('uses the bilingual text of a custom refinement', () => {
    const value = { currentPassword: 'old', newPassword: 'aaaaaaaaaaaa' };
    expect(messagesOf(changePasswordInput, value, 'zh-CN')).toEqual({ newPassword: '密码不能由同一个字符组成' });
    expect(messagesOf(changePasswordInput, value, 'en')).toEqual({
      newPassword: 'The password cannot be one repeated character',
    });
  });

  it('never leaks zod’s English sentence into the Chinese text', () => {
    for (const message of Object.values(messagesOf(createUserInput, badUser, 'zh-CN'))) {
      expect(message).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe('bilingual messages', () => {
  it('picks the language of a bi() message whatever the issue code', () => {
    const issue = { code: 'too_small', origin: 'string', minimum: 3, path: ['x'], message: bi('太短了', 'Too short') };
    expect(validationMessage(issue, 'zh-CN')).toBe('太短了');
    expect(validationMessage(issue, 'en')).toBe('Too short');
  });

  it('falls back to the Chinese text when a message carries no English', () => {
    expect(validationMessage({ code: 'custom', path: [], message: 'i18n:只有中文' }, 'en')).toBe('只有中文');
  });
});
