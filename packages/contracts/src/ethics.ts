import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { Role } from './roles.ts';
import { availableSteps, checkTransition } from './workflow.ts';

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
export type SubmissionSide = 'applicant' | 'sponsor' | 'secretary' | 'chair';
export const SUBMISSION_SIDE_ROLES: Record<SubmissionSide, readonly Role[]> = {
  applicant: ['site_admin', 'investigator'],
  sponsor: ['sponsor'],
  secretary: ['ec_secretary'],
  /** The committee's chair (主任委员): signs expedited decisions and may record a meeting's decision. */
  chair: ['ec_chair'],
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
 * The submission state machine as data (CONVENTIONS §5). `issue_letter` is listed so the table is the whole
 * machine; its use-case comes with letters (issue 5, later slice).
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
  // Put on a meeting's agenda; an accepted submission not yet triaged goes to the convened path by this.
  { step: 'schedule', from: ['accepted', 'in_review'], to: 'scheduled', by: ['secretary', 'chair'] },
  // An expedited reviewer's "no" sends the submission to a convened meeting (DESIGN §4.1); taken by the vote.
  { step: 'refer_to_meeting', from: ['in_review'], to: 'in_review', by: ['secretary', 'chair'] },
  { step: 'decide', from: ['in_review', 'scheduled'], to: 'decided', by: ['secretary', 'chair'] },
  // Taken off a meeting's agenda before a decision: back to the convened review queue.
  { step: 'unschedule', from: ['scheduled'], to: 'in_review', by: ['secretary', 'chair'] },
  // After 必要的修改后同意 only (checked by the use-case): the applicant submits the modifications, the secretary
  // verifies them (conditions met) or asks again. The state stays `decided`; the timeline records each round.
  { step: 'submit_modifications', from: ['decided'], to: 'decided', by: ['applicant'] },
  { step: 'verify_modifications', from: ['decided'], to: 'decided', by: ['secretary'] },
  { step: 'issue_letter', from: ['decided'], to: 'letter_issued', by: ['secretary'] },
  { step: 'withdraw', from: WITHDRAWABLE_STATES, to: 'withdrawn', by: ['applicant', 'sponsor'] },
] as const satisfies readonly {
  step: string;
  from: readonly SubmissionState[];
  to: SubmissionState;
  by: readonly SubmissionSide[];
}[];
export type SubmissionStep = (typeof SUBMISSION_TRANSITIONS)[number]['step'];

/** Pure: the transition of a step, if `side` may take it from `state`; otherwise why not (the kernel over this table). */
export function checkSubmissionTransition(
  step: SubmissionStep,
  state: SubmissionState,
  side: SubmissionSide | null,
): { ok: true; to: SubmissionState } | { ok: false; reason: 'role' | 'state' } {
  const check = checkTransition(SUBMISSION_TRANSITIONS, step, state, side);
  return check.ok ? { ok: true, to: check.to } : check;
}

/** Steps that are consequences of another act (an expedited reviewer's "no"), never a button of their own. */
const CONSEQUENTIAL_STEPS: readonly SubmissionStep[] = ['refer_to_meeting'];

/** Steps the side can take now (for the web to show buttons). */
export function availableSubmissionSteps(state: SubmissionState, side: SubmissionSide | null): SubmissionStep[] {
  return availableSteps(SUBMISSION_TRANSITIONS, state, side, CONSEQUENTIAL_STEPS);
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
  .object({
    id,
    version,
    accept: z.boolean(),
    reasons: z.array(z.string().trim().min(2).max(500)).max(30).optional(),
    /** The committee's screening checklist for the type as ticked (形式审查清单); recorded on the timeline. */
    checklist: z
      .array(z.object({ item: z.string().trim().min(1).max(200), ok: z.boolean() }))
      .max(40)
      .optional(),
    /** Why the file is accepted although a checklist item is not met. */
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((s) => s.accept || (s.reasons?.length ?? 0) > 0, {
    path: ['reasons'],
    message: bi('退回补正须写明理由', 'Give the reasons for returning the submission'),
  })
  .refine((s) => !s.accept || (s.checklist ?? []).every((c) => c.ok) || (s.comment?.length ?? 0) >= 2, {
    path: ['comment'],
    message: bi(
      '清单中有未满足的项目，受理须说明理由',
      'A checklist item is not met: say why the submission is accepted anyway',
    ),
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
/** The secretary opens formal screening (形式审查) of a submitted file; accept or return follows from screening. */
export const startScreeningInput = z.object({ id, version });

export const submissionsListInput = z
  .object({
    state: z.enum(SUBMISSION_STATES).optional(),
    trialId: id.optional(),
    trialSiteId: id.optional(),
  })
  .default({});
export type SubmissionsListInput = z.input<typeof submissionsListInput>;

/** Decisions of GCP 2020 (DESIGN §4.1): 同意 / 必要的修改后同意 / 修改后再审 / 不同意 / 暂停 / 终止. */
export const SUBMISSION_OUTCOMES = [
  'approved',
  'approved_with_modifications',
  'resubmit',
  'disapproved',
  'suspended',
  'terminated',
] as const;
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number];
export const APPROVAL_OUTCOMES = [
  'approved',
  'approved_with_modifications',
] as const satisfies readonly SubmissionOutcome[];
export const SUBMISSION_OUTCOME_LABELS: Record<SubmissionOutcome, { zh: string; en: string }> = {
  approved: { zh: '同意', en: 'approved' },
  approved_with_modifications: { zh: '必要的修改后同意', en: 'approved with modifications' },
  resubmit: { zh: '修改后再审', en: 'resubmit after modification' },
  disapproved: { zh: '不同意', en: 'disapproved' },
  suspended: { zh: '暂停', en: 'suspended' },
  terminated: { zh: '终止', en: 'terminated' },
};

/** A member's vote: one per outcome, or an abstention. */
export const VOTE_CHOICES = [
  'approve',
  'approve_with_modifications',
  'resubmit',
  'disapprove',
  'suspend',
  'terminate',
  'abstain',
] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VOTE_OUTCOME: Record<Exclude<VoteChoice, 'abstain'>, SubmissionOutcome> = {
  approve: 'approved',
  approve_with_modifications: 'approved_with_modifications',
  resubmit: 'resubmit',
  disapprove: 'disapproved',
  suspend: 'suspended',
  terminate: 'terminated',
};
/** What an expedited review may decide; any other view from a reviewer or the chair sends it to a meeting. */
export const EXPEDITED_OUTCOMES = APPROVAL_OUTCOMES;

/** Months to the next follow-up (continuing) review after an approval, by the trial's risk (DESIGN §4.1). */
export const FOLLOW_UP_MONTHS_BY_RISK = { high: 3, medium: 6, low: 12 } as const;
export const MAX_FOLLOW_UP_MONTHS = 12;

/** Why a quorum is not met (see `quorumOf` in the domain), for messages and the live quorum display. */
export const QUORUM_REASON_LABELS = {
  TOO_FEW_PRESENT: { zh: '出席委员人数不足', en: 'too few members present' },
  NO_NON_MEDICAL: { zh: '无非医药专业背景的委员出席', en: 'no non-medical member present' },
  NO_UNAFFILIATED: { zh: '无独立于本机构的委员出席', en: 'no unaffiliated member present' },
} as const;

/** Roles a member holds on the committee roster (the secretary is staff, not a voting member). */
export const VOTING_MEMBER_ROLES = ['member', 'chair', 'vice_chair'] as const;

/**
 * The legal quorum (涉及人的生命科学和医学研究伦理审查办法): more than half of the members present, and no fewer than
 * five. A committee's SOP may ask for more, never for less (issue 14).
 */
export const LEGAL_QUORUM = { minPercent: 50, minCount: 5 } as const;

/**
 * Platform SOP defaults (DESIGN §4.1/§4.4), used when a committee has not saved its own settings. Quorum: more than
 * half of the members, at least one non-medical and one unaffiliated member present. The floor of five is enforced
 * when a committee saves its SOP; the meeting quorum does not apply it yet (the demo rosters and tests hold fewer).
 */
export const DEFAULT_COMMITTEE_SOP = {
  quorumMinPercent: LEGAL_QUORUM.minPercent,
  quorumMinCount: 1,
  quorumNeedsNonMedical: true,
  quorumNeedsUnaffiliated: true,
  reviewLimitDays: DEFAULT_REVIEW_LIMIT_DAYS,
  defaultFollowUpMonths: MAX_FOLLOW_UP_MONTHS,
} as const;
export type CommitteeSop = {
  -readonly [K in keyof typeof DEFAULT_COMMITTEE_SOP]: (typeof DEFAULT_COMMITTEE_SOP)[K] extends boolean
    ? boolean
    : number;
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));

export const addCommitteeMemberInput = z
  .object({
    committeeId: id,
    /** A platform user holding an EC membership of this committee; omit for an external member. */
    userId: id.optional(),
    name: z.string().trim().min(2).max(100).optional(),
    role: z.enum(VOTING_MEMBER_ROLES),
    expertise: z.enum(MEMBER_EXPERTISE),
    isAffiliated: z.boolean(),
    gender: z.enum(MEMBER_GENDERS).optional(),
    termStart: isoDate,
    termEnd: isoDate.optional(),
  })
  .refine((m) => m.userId || m.name, {
    path: ['name'],
    message: bi('外部委员须填写姓名', 'Give the name of an external member'),
  })
  .refine((m) => !m.termEnd || m.termEnd >= m.termStart, {
    path: ['termEnd'],
    message: bi('任期结束不能早于开始', 'The term cannot end before it starts'),
  });
export type AddCommitteeMemberInput = z.input<typeof addCommitteeMemberInput>;

export const updateCommitteeSettingsInput = z.object({
  committeeId: id,
  quorumMinPercent: z
    .number()
    .int()
    .min(
      LEGAL_QUORUM.minPercent,
      bi(
        `出席比例不能低于法定的超过 ${LEGAL_QUORUM.minPercent}%`,
        `The attendance share cannot be below the legal more than ${LEGAL_QUORUM.minPercent}%`,
      ),
    )
    .max(100)
    .optional(),
  quorumMinCount: z
    .number()
    .int()
    .min(
      LEGAL_QUORUM.minCount,
      bi(
        `最少出席人数不能低于法定的 ${LEGAL_QUORUM.minCount} 人`,
        `At least ${LEGAL_QUORUM.minCount} members must be present by law: the minimum cannot be lower`,
      ),
    )
    .max(50)
    .optional(),
  quorumNeedsNonMedical: z.boolean().optional(),
  quorumNeedsUnaffiliated: z.boolean().optional(),
  reviewLimitDays: z.number().int().min(1).max(60).optional(),
  defaultFollowUpMonths: z.number().int().min(1).max(MAX_FOLLOW_UP_MONTHS).optional(),
});
export const committeeIdInput = z.object({ committeeId: id });

export const createMeetingInput = z.object({
  committeeId: id,
  date: isoDate,
  title: z.string().trim().min(2).max(200).optional(),
  submissionIds: z.array(id).max(50).default([]),
});
export const meetingIdInput = z.object({ meetingId: id });
export const recordAttendanceInput = z.object({ meetingId: id, memberId: id, present: z.boolean() });
export const declareConflictInput = z
  .object({
    meetingId: id.optional(),
    submissionId: id.optional(),
    /** Omitted: the actor's own member record. */
    memberId: id.optional(),
    reason: comment,
  })
  .refine((c) => c.meetingId || c.submissionId, {
    path: ['submissionId'],
    message: bi('请指明会议或送审', 'Name the meeting or the submission'),
  });
export const voteInput = z.object({
  /** Omitted: an expedited reviewer's view (简易程序), outside a meeting. */
  meetingId: id.optional(),
  submissionId: id,
  /** Omitted: the actor's own member record. */
  memberId: id.optional(),
  choice: z.enum(VOTE_CHOICES),
});

export const decideSubmissionInput = z
  .object({
    id,
    version,
    outcome: z.enum(SUBMISSION_OUTCOMES),
    conditions: z.string().trim().min(2).max(4000).optional(),
    followUpMonths: z.number().int().min(1).max(MAX_FOLLOW_UP_MONTHS).optional(),
  })
  .refine((d) => d.outcome !== 'approved_with_modifications' || d.conditions, {
    path: ['conditions'],
    message: bi('必要的修改后同意须写明修改要求', 'State the modifications required'),
  });
export type DecideSubmissionInput = z.input<typeof decideSubmissionInput>;
