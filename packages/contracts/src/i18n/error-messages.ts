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
    ALREADY_ON_SHORTLIST: '该机构已在此候选清单中。',
    INTERNAL_ERROR: '系统出现意外错误，请稍后再试。如问题持续，请联系平台管理员并提供请求编号 {requestId}。',
    NOT_OWN_HOSPITAL: '只能维护本机构的资源信息。',
    DATE_IN_FUTURE: '日期不能晚于今天。',
    DUPLICATE_SPECIALTY: '本机构已备案该专业，请编辑已有专业，不要重复添加。',
    DUPLICATE_INVESTIGATOR: '本机构已有同名研究者，请编辑已有记录。',
    UNKNOWN_SPECIALTY: '专业不在国家专业目录中，请从列表中选择。',
    SPECIALTY_NOT_IN_HOSPITAL: '请选择本机构已备案的专业。',
    SPECIALTY_NOT_FOUND: '该备案专业不存在。',
    INVESTIGATOR_NOT_FOUND: '该研究者不存在。',
    ALREADY_RETIRED: '该记录已停用，不能再修改。',
    HAS_ACTIVE_TRIALS: '仍有 {count} 项在研试验，暂不能停用。',
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
    ALREADY_ON_SHORTLIST: 'This hospital is already on the shortlist.',
    INTERNAL_ERROR:
      'Something went wrong on our side. Please try again later; if it persists, contact the platform administrator with request id {requestId}.',
    NOT_OWN_HOSPITAL: 'You can only maintain the profile of your own hospital.',
    DATE_IN_FUTURE: 'The date cannot be later than today.',
    DUPLICATE_SPECIALTY:
      'Your hospital already has this specialty on file. Edit the existing one instead of adding it again.',
    DUPLICATE_INVESTIGATOR: 'Your hospital already has an investigator with this name. Edit the existing record.',
    UNKNOWN_SPECIALTY: 'This specialty is not in the national catalogue. Choose one from the list.',
    SPECIALTY_NOT_IN_HOSPITAL: 'Choose specialties your hospital has on file.',
    SPECIALTY_NOT_FOUND: 'This specialty record does not exist.',
    INVESTIGATOR_NOT_FOUND: 'This investigator does not exist.',
    ALREADY_RETIRED: 'This record has been retired and can no longer be changed.',
    HAS_ACTIVE_TRIALS: '{count} active trials still use it; it cannot be retired yet.',
  },
};

export function formatMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function errorMessage(locale: Locale, detail: ErrorDetail, params: Params = {}): string {
  return formatMessage(ERROR_MESSAGES[locale][detail], params);
}
