/**
 * One error vocabulary for the whole platform (CONVENTIONS §7): a small code set that maps to HTTP,
 * plus a detail code that says exactly what went wrong and selects the localised message.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'PRECONDITION_FAILED',
  'VALIDATION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PRECONDITION_FAILED: 412,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Detail codes; each has a message in every locale (see i18n/messages). */
export const ERROR_DETAILS = [
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'TOO_MANY_ATTEMPTS',
  'SESSION_EXPIRED',
  'NOT_SIGNED_IN',
  'ROLE_REQUIRED',
  'NO_SUCH_MEMBERSHIP',
  'WRONG_CURRENT_PASSWORD',
  'PASSWORD_REUSED',
  'EMAIL_TAKEN',
  'ORG_NOT_FOUND',
  'ROLE_NOT_ALLOWED_FOR_ORG',
  'USER_NOT_FOUND',
  'STALE_VERSION',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'INTERNAL_ERROR',
  'NOT_OWN_HOSPITAL',
  'DATE_IN_FUTURE',
  'DUPLICATE_SPECIALTY',
  'DUPLICATE_INVESTIGATOR',
  'UNKNOWN_SPECIALTY',
  'SPECIALTY_NOT_IN_HOSPITAL',
  'SPECIALTY_NOT_FOUND',
  'INVESTIGATOR_NOT_FOUND',
  'ALREADY_RETIRED',
  'HAS_ACTIVE_TRIALS',
  'ALREADY_ON_SHORTLIST',
  'SITE_STEP_NOT_ALLOWED',
  'MILESTONE_ORDER',
  'ENROLMENT_DECREASE_NEEDS_REASON',
  'ENROLMENT_NOT_STARTED',
  'MONTH_BEFORE_FPI',
  'MONTH_IN_FUTURE',
  'SITE_ALREADY_ON_TRIAL',
  'INVESTIGATOR_NOT_IN_SPECIALTY',
  'INQUIRY_ALREADY_ANSWERED',
  'REPLY_BY_IN_PAST',
  'REGISTRY_ID_TAKEN',
  'TRIAL_TYPE_NOT_ALLOWED',
  'NOT_A_HOSPITAL',
  'NOT_A_CRO',
  'SUBMISSION_STEP_NOT_ALLOWED',
  'NOT_OWN_COMMITTEE',
  'NO_COMMITTEE_FOR_SITE',
  'HIGH_RISK_NOT_EXPEDITED',
  'OPEN_SUBMISSION_EXISTS',
  'PREVIOUS_SUBMISSION_MISMATCH',
  'SITE_NOT_READY_FOR_ETHICS',
] as const;
export type ErrorDetail = (typeof ERROR_DETAILS)[number];

/** The shape every API error carries in `error.data.ctp` (tRPC) or the JSON body (REST). */
export type ApiErrorData = {
  code: ErrorCode;
  detail: ErrorDetail;
  message: string;
  requestId?: string;
  fieldErrors?: { path: string; message: string }[];
  retryAfterSeconds?: number;
};
