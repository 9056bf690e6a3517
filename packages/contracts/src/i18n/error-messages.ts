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
    SITE_STEP_NOT_ALLOWED: '当前状态（{state}）下不能执行此步骤。',
    MILESTONE_ORDER: '{milestone}日期不能早于{previous}日期（{date}）。',
    ENROLMENT_DECREASE_NEEDS_REASON: '数字比上次登记的少，请填写更正原因。',
    ENROLMENT_NOT_STARTED: '首例入组（FPI）之前不能登记入组数。',
    MONTH_BEFORE_FPI: '登记月份不能早于首例入组月份（{month}）。',
    MONTH_IN_FUTURE: '不能登记未来月份。',
    SITE_ALREADY_ON_TRIAL: '该专业已是本试验的中心。',
    INVESTIGATOR_NOT_IN_SPECIALTY: '该研究者不属于所选专业。',
    INQUIRY_ALREADY_ANSWERED: '该调研已答复，不能重复答复。',
    REPLY_BY_IN_PAST: '答复截止日期不能早于今天。',
    REGISTRY_ID_TAKEN: '该登记号已被另一项试验使用。',
    TRIAL_TYPE_NOT_ALLOWED: '申办方创建药物/器械试验；研究者发起的试验由医院机构办创建。',
    NOT_A_HOSPITAL: '所选机构不是医院。',
    NOT_A_CRO: '所选机构不是 CRO。',
    SUBMISSION_STEP_NOT_ALLOWED: '送审当前状态（{state}）下不能执行此操作。',
    NOT_OWN_COMMITTEE: '您只能处理本伦理委员会的送审。',
    NO_COMMITTEE_FOR_SITE: '该中心所在医院尚未设立伦理委员会，无法送审。',
    HIGH_RISK_NOT_EXPEDITED: '高风险研究不能走简易程序，请安排会议审查。',
    OPEN_SUBMISSION_EXISTS: '该中心已有一份未结束的初始审查送审，请在原送审上继续。',
    PREVIOUS_SUBMISSION_MISMATCH: '关联的原送审不属于同一中心。',
    SITE_NOT_READY_FOR_ETHICS:
      '该中心当前状态（{state}）下不能提交此类送审（初始审查须先选定中心；其他类型须已获伦理批准）。',
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
    SITE_STEP_NOT_ALLOWED: 'This step is not possible while the site is {state}.',
    MILESTONE_ORDER: 'The {milestone} date cannot be before the {previous} date ({date}).',
    ENROLMENT_DECREASE_NEEDS_REASON: 'The numbers are lower than last recorded: give a correction reason.',
    ENROLMENT_NOT_STARTED: 'Enrolment cannot be recorded before the first patient in.',
    MONTH_BEFORE_FPI: 'The month cannot be before the first patient in ({month}).',
    MONTH_IN_FUTURE: 'The month cannot be in the future.',
    SITE_ALREADY_ON_TRIAL: 'This specialty is already a site of the trial.',
    INVESTIGATOR_NOT_IN_SPECIALTY: 'This investigator does not belong to the chosen specialty.',
    INQUIRY_ALREADY_ANSWERED: 'This inquiry has already been answered.',
    REPLY_BY_IN_PAST: 'The reply deadline cannot be before today.',
    REGISTRY_ID_TAKEN: 'This registry id is already used by another trial.',
    TRIAL_TYPE_NOT_ALLOWED:
      'Sponsors create drug and device trials; investigator-initiated trials are created by the hospital trial office.',
    NOT_A_HOSPITAL: 'The chosen organisation is not a hospital.',
    NOT_A_CRO: 'The chosen organisation is not a CRO.',
    SUBMISSION_STEP_NOT_ALLOWED: 'This cannot be done while the submission is {state}.',
    NOT_OWN_COMMITTEE: 'You can only act on submissions to your own ethics committee.',
    NO_COMMITTEE_FOR_SITE:
      "The site's hospital has no ethics committee on the platform, so nothing can be submitted to it.",
    HIGH_RISK_NOT_EXPEDITED:
      'High-risk studies cannot be reviewed by the expedited procedure; schedule a convened review.',
    OPEN_SUBMISSION_EXISTS: 'This site already has an initial submission in progress; continue with that one.',
    PREVIOUS_SUBMISSION_MISMATCH: 'The earlier submission named does not belong to the same site.',
    SITE_NOT_READY_FOR_ETHICS:
      'This kind of submission is not possible while the site is {state} (an initial review needs a selected site; other kinds need an ethics approval).',
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
