import type { ErrorDetail } from '../errors.ts';
import type { Locale } from './locale.ts';

type Params = Record<string, string | number>;

/** Localised text of each error detail code. `{name}` placeholders are filled from the error's params. */
export const ERROR_MESSAGES: Record<Locale, Record<ErrorDetail, string>> = {
  'zh-CN': {
    INVALID_CREDENTIALS: '邮箱或密码不正确。',
    ACCOUNT_DISABLED: '邮箱或密码不正确。',
    TOO_MANY_ATTEMPTS: '登录失败次数过多，请 {minutes} 分钟后再试。',
    SESSION_EXPIRED: '登录已过期，请重新登录。',
    NOT_SIGNED_IN: '请先登录。',
    ROLE_REQUIRED: '当前角色无权执行此操作。',
    NO_SUCH_MEMBERSHIP: '您在该机构没有此角色。',
    WRONG_CURRENT_PASSWORD: '当前密码不正确。',
    PASSWORD_REUSED: '新密码不能与当前密码相同。',
    EMAIL_TAKEN: '该邮箱已被使用。',
    ORG_NOT_FOUND: '机构不存在。',
    ROLE_NOT_ALLOWED_FOR_ORG: '该角色不能属于此类机构。',
    USER_NOT_FOUND: '用户不存在。',
    STALE_VERSION: '该记录已被他人修改，请刷新后重试。',
    VALIDATION_FAILED: '提交的内容有误，请检查标出的字段。',
    NOT_FOUND: '记录不存在或您无权查看。',
    FORBIDDEN: '您无权执行此操作。',
    INTERNAL_ERROR: '系统出现意外错误，请稍后再试。如问题持续，请联系平台管理员并提供请求编号 {requestId}。',
  },
  en: {
    INVALID_CREDENTIALS: 'The e-mail or password is not correct.',
    ACCOUNT_DISABLED: 'The e-mail or password is not correct.',
    TOO_MANY_ATTEMPTS: 'Too many failed sign-ins. Please try again in {minutes} minutes.',
    SESSION_EXPIRED: 'Your session has expired. Please sign in again.',
    NOT_SIGNED_IN: 'Please sign in first.',
    ROLE_REQUIRED: 'Your current role is not allowed to do this.',
    NO_SUCH_MEMBERSHIP: 'You do not hold this role in that organisation.',
    WRONG_CURRENT_PASSWORD: 'The current password is not correct.',
    PASSWORD_REUSED: 'The new password must differ from the current one.',
    EMAIL_TAKEN: 'This e-mail is already in use.',
    ORG_NOT_FOUND: 'The organisation does not exist.',
    ROLE_NOT_ALLOWED_FOR_ORG: 'This role cannot belong to this kind of organisation.',
    USER_NOT_FOUND: 'The user does not exist.',
    STALE_VERSION: 'Someone else changed this record. Please reload and try again.',
    VALIDATION_FAILED: 'Some fields are not valid. Please check the marked fields.',
    NOT_FOUND: 'The record does not exist or you may not see it.',
    FORBIDDEN: 'You are not allowed to do this.',
    INTERNAL_ERROR:
      'Something went wrong on our side. Please try again later; if it persists, contact the platform administrator with request id {requestId}.',
  },
};

export function formatMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function errorMessage(locale: Locale, detail: ErrorDetail, params: Params = {}): string {
  return formatMessage(ERROR_MESSAGES[locale][detail], params);
}
