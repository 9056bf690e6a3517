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
  'TOO_MANY_REQUESTS',
  'BATCH_TOO_LARGE',
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
  'APPROVAL_EXPIRED',
  'SITE_STEP_NOT_ALLOWED',
  'MILESTONE_ORDER',
  'ENROLMENT_DECREASE_NEEDS_REASON',
  'ENROLMENT_NOT_STARTED',
  'STAGE_NOT_DELAYED',
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
  'EXPEDITED_TYPE_NOT_ALLOWED',
  'EXPEDITED_RISK_TOO_HIGH',
  'CHECKLIST_MISMATCH',
  'OPEN_SUBMISSION_EXISTS',
  'PREVIOUS_SUBMISSION_MISMATCH',
  'SITE_NOT_READY_FOR_ETHICS',
  'QUORUM_NOT_MET',
  'MEMBER_CONFLICTED',
  'MEMBER_NOT_PRESENT',
  'MEMBER_NOT_FOUND',
  'MEMBER_EXISTS',
  'USER_NOT_IN_COMMITTEE',
  'NOT_ON_AGENDA',
  'NOT_CONVENED_PATH',
  'NOT_EXPEDITED_PATH',
  'NO_MAJORITY',
  'DECISION_NOT_MAJORITY',
  'CHAIR_MUST_SIGN',
  'NO_EXPEDITED_REVIEW',
  'NOT_EXPEDITED_REVIEWER',
  'NOT_A_VOTER',
  // Mutual recognition (issue 6).
  'NOT_INVITED',
  'ALREADY_JOINED',
  'NOT_JOINED',
  'AGREEMENT_ENDED',
  'UNKNOWN_COMMITTEE',
  'RECOGNITION_STEP_NOT_ALLOWED',
  'CHECKLIST_INCOMPLETE',
  'CHECKLIST_HAS_ISSUES',
  'OBJECTION_RESOLVED',
  'ACK_DONE',
  'NOT_LEAD_COMMITTEE',
  'FILE_TOO_LARGE',
  'FILE_EMPTY',
  'FILE_TYPE_NOT_ALLOWED',
  'DOCUMENTS_LOCKED',
  'COMPARE_OTHER_SITE',
  'LETTER_NOT_ISSUED',
  // Primary reviewers, worksheets, verification of modifications, minutes (issue 5, reviews slice).
  'CONFLICT_DECLARATION_REQUIRED',
  'NOT_A_REVIEWER',
  'REVIEWER_EXISTS',
  'REVIEWER_LIMIT',
  'ALREADY_DECLARED',
  'WORKSHEET_SUBMITTED',
  'WORKSHEET_INCOMPLETE',
  'NO_MODIFICATIONS_REQUIRED',
  'MODIFICATIONS_NOT_SUBMITTED',
  'MODIFICATIONS_NOT_VERIFIED',
  'MODIFICATIONS_VERIFIED',
  'AGENDA_ITEM_DECIDED',
  'NOT_READY_FOR_AGENDA',
  'MINUTES_LOCKED',
  'MINUTES_NOT_DRAFTED',
  // The commission's view (issue 7).
  'KEY_PROJECT_UNCHANGED',
  // The working-day calendar (issue 11).
  'CALENDAR_FILE_INVALID',
  'CALENDAR_YEAR_BUNDLED',
  'CALENDAR_YEAR_COMPLETE',
  'CALENDAR_YEAR_EMPTY',
  'CALENDAR_MAKEUP_NOT_WEEKEND',
  // Registry imports and the name review queue (issue 13).
  'QUEUE_ITEM_DECIDED',
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

/**
 * Most procedure calls in one tRPC batch request. The server refuses a larger batch (400, BATCH_TOO_LARGE) and the
 * web client splits its batches at this size: a batch of heavy queries runs on one event loop turn after another.
 */
export const MAX_BATCH_CALLS = 20;
