import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { Role } from './roles.ts';

/** Ethics review vocabularies (DESIGN §3, §4.1; issue 5). */
export const SUBMISSION_TYPES = [
  'initial',
  'amendment',
  'continuing',
  'sae',
  'deviation',
  'suspension',
  'closure',
  'resubmission',
] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

/** The submission state machine of DESIGN §4.1. */
export const SUBMISSION_STATES = [
  'draft',
  'submitted',
  'screening',
  'returned',
  'accepted',
  'in_review',
  'info_requested',
  'scheduled',
  'decided',
  'letter_issued',
  'withdrawn',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const REVIEW_PATHS = ['convened', 'expedited', 'recognition'] as const;
export type ReviewPath = (typeof REVIEW_PATHS)[number];
/** Paths the secretary chooses at triage; `recognition` is set by the recognition workflow (DESIGN §4.2). */
export const TRIAGE_PATHS = ['convened', 'expedited'] as const;

/** Why a submission's clock is stopped: returned for correction (退回补正) or waiting for information (待补充). */
export const CLOCK_STOP_KINDS = ['returned', 'info_requested'] as const;
export type ClockStopKind = (typeof CLOCK_STOP_KINDS)[number];

export const COMMITTEE_MEMBER_ROLES = ['member', 'chair', 'vice_chair', 'secretary'] as const;
export const MEMBER_EXPERTISE = ['medical', 'pharmacy', 'nursing', 'ethics', 'law', 'lay'] as const;
export type MemberExpertise = (typeof MEMBER_EXPERTISE)[number];
/** Expertise that counts as "non-medical" for the quorum rule (DESIGN §4.1). */
export const NON_MEDICAL_EXPERTISE = ['ethics', 'law', 'lay'] as const satisfies readonly MemberExpertise[];
export const MEMBER_GENDERS = ['female', 'male', 'other'] as const;

/** Default review clock (DESIGN §4.4): the lead EC decides within 15 working days of acceptance. */
export const DEFAULT_REVIEW_LIMIT_DAYS = 15;

/**
 * Who takes a step on a submission. `applicant`: the trial office (site_admin) of the site's hospital or the site's
 * PI (investigator); `sponsor`: the trial's sponsor or CRO (prepares drafts); `secretary`: the ec_secretary of the
 * committee the submission is addressed to.
 */
export type SubmissionSide = 'applicant' | 'sponsor' | 'secretary';
export const SUBMISSION_SIDE_ROLES: Record<SubmissionSide, readonly Role[]> = {
  applicant: ['site_admin', 'investigator'],
  sponsor: ['sponsor'],
  secretary: ['ec_secretary'],
};

/** States from which a submission can be withdrawn: anything before a decision. */
export const WITHDRAWABLE_STATES = [
  'draft',
  'submitted',
  'screening',
  'returned',
  'accepted',
  'in_review',
  'info_requested',
  'scheduled',
] as const satisfies readonly SubmissionState[];

/**
 * The submission state machine as data (CONVENTIONS §5). `decide`, `schedule` and `issue_letter` are listed so the
 * table is the whole machine; their use-cases come with meetings and letters (issue 5, later slice).
 */
export const SUBMISSION_TRANSITIONS = [
  { step: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'] },
  { step: 'start_screening', from: ['submitted'], to: 'screening', by: ['secretary'] },
  { step: 'accept', from: ['submitted', 'screening'], to: 'accepted', by: ['secretary'] },
  { step: 'return', from: ['submitted', 'screening'], to: 'returned', by: ['secretary'] },
  { step: 'resubmit', from: ['returned'], to: 'screening', by: ['applicant'] },
  { step: 'triage', from: ['accepted'], to: 'in_review', by: ['secretary'] },
  { step: 'request_info', from: ['in_review', 'scheduled'], to: 'info_requested', by: ['secretary'] },
  { step: 'respond', from: ['info_requested'], to: 'in_review', by: ['applicant'] },
  { step: 'schedule', from: ['in_review'], to: 'scheduled', by: ['secretary'] },
  { step: 'decide', from: ['in_review', 'scheduled'], to: 'decided', by: ['secretary'] },
  { step: 'issue_letter', from: ['decided'], to: 'letter_issued', by: ['secretary'] },
  { step: 'withdraw', from: WITHDRAWABLE_STATES, to: 'withdrawn', by: ['applicant', 'sponsor'] },
] as const satisfies readonly {
  step: string;
  from: readonly SubmissionState[];
  to: SubmissionState;
  by: readonly SubmissionSide[];
}[];
export type SubmissionStep = (typeof SUBMISSION_TRANSITIONS)[number]['step'];

/** Pure: the transition of a step, if `side` may take it from `state`; otherwise why not. */
export function checkSubmissionTransition(
  step: SubmissionStep,
  state: SubmissionState,
  side: SubmissionSide | null,
): { ok: true; to: SubmissionState } | { ok: false; reason: 'role' | 'state' } {
  const t = SUBMISSION_TRANSITIONS.find((x) => x.step === step)!;
  if (!side || !(t.by as readonly SubmissionSide[]).includes(side)) return { ok: false, reason: 'role' };
  if (!(t.from as readonly SubmissionState[]).includes(state)) return { ok: false, reason: 'state' };
  return { ok: true, to: t.to };
}

/** Steps the side can take now (for the web to show buttons). */
export function availableSubmissionSteps(state: SubmissionState, side: SubmissionSide | null): SubmissionStep[] {
  return SUBMISSION_TRANSITIONS.filter((t) => checkSubmissionTransition(t.step, state, side).ok).map((t) => t.step);
}

/** States the EC's clock counts in (accepted until decided). */
export const CLOCK_RUNNING_STATES = [
  'accepted',
  'in_review',
  'info_requested',
  'scheduled',
] as const satisfies readonly SubmissionState[];

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  screening: { zh: '形式审查', en: 'screening' },
  returned: { zh: '退回补正', en: 'returned for correction' },
  accepted: { zh: '已受理', en: 'accepted' },
  in_review: { zh: '审查中', en: 'in review' },
  info_requested: { zh: '待补充', en: 'information requested' },
  scheduled: { zh: '已排会', en: 'scheduled' },
  decided: { zh: '已决定', en: 'decided' },
  letter_issued: { zh: '批件已签发', en: 'letter issued' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

const id = z.string().min(1).max(64);
const comment = z.string().trim().min(2).max(2000);
/** The version the client last saw: a stale one is refused with CONFLICT instead of acting on changed data. */
const version = z.number().int().min(1).optional();

export const createSubmissionInput = z
  .object({
    trialSiteId: id,
    type: z.enum(SUBMISSION_TYPES),
    title: z.string().trim().min(2).max(300).optional(),
    previousSubmissionId: id.optional(),
  })
  .refine((s) => s.type !== 'resubmission' || s.previousSubmissionId, {
    path: ['previousSubmissionId'],
    message: bi('修改后再审须关联原送审', 'A resubmission must name the submission it follows'),
  });
export type CreateSubmissionInput = z.input<typeof createSubmissionInput>;

export const submissionIdInput = z.object({ id });
export const submitSubmissionInput = z.object({ id, version, comment: comment.optional() });

export const screenSubmissionInput = z
  .object({ id, version, accept: z.boolean(), reasons: z.array(z.string().trim().min(2).max(500)).max(30).optional() })
  .refine((s) => s.accept || (s.reasons?.length ?? 0) > 0, {
    path: ['reasons'],
    message: bi('退回补正须写明理由', 'Give the reasons for returning the submission'),
  });
export type ScreenSubmissionInput = z.input<typeof screenSubmissionInput>;

export const triageSubmissionInput = z.object({
  id,
  version,
  path: z.enum(TRIAGE_PATHS),
  comment: comment.optional(),
});
export const requestInfoInput = z.object({ id, version, questions: comment });
export const respondSubmissionInput = z.object({ id, version, answer: comment });
export const withdrawSubmissionInput = z.object({ id, version, reason: comment });

export const submissionsListInput = z
  .object({
    state: z.enum(SUBMISSION_STATES).optional(),
    trialId: id.optional(),
    trialSiteId: id.optional(),
  })
  .default({});
export type SubmissionsListInput = z.input<typeof submissionsListInput>;
