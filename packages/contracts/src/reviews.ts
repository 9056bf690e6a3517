import { z } from 'zod';
import {
  MEMBER_EXPERTISE,
  MEMBER_GENDERS,
  SUBMISSION_OUTCOMES,
  SUBMISSION_TYPES,
  type SubmissionType,
  VOTING_MEMBER_ROLES,
} from './ethics.ts';
import { bi } from './i18n/validation-messages.ts';

/**
 * Primary reviewers (主审), structured review worksheets (审查工作表), verification of modifications and meeting
 * minutes (会议纪要) — issue 5, DESIGN §4.1. Everything here except the verification of modifications is EC-only.
 */

/** The items of a review worksheet, in the order the form shows them. */
export const WORKSHEET_ITEMS = [
  'scientific_design',
  'risk_benefit',
  'participant_selection',
  'informed_consent',
  'privacy',
  'compensation',
  'vulnerable_groups',
] as const;
export type WorksheetItem = (typeof WORKSHEET_ITEMS)[number];

export const WORKSHEET_ASSESSMENTS = ['acceptable', 'needs_change', 'unacceptable', 'not_applicable'] as const;
export type WorksheetAssessment = (typeof WORKSHEET_ASSESSMENTS)[number];
export const WORKSHEET_STATUSES = ['draft', 'submitted'] as const;
export type WorksheetStatus = (typeof WORKSHEET_STATUSES)[number];

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** The secretary's verdict on submitted modifications: conditions met, or asked again. */
export const MODIFICATION_VERDICTS = ['verified', 'more_requested'] as const;
export type ModificationVerdict = (typeof MODIFICATION_VERDICTS)[number];

/** Where an approval with modifications stands (shown to the applicant and sponsor too). */
export const MODIFICATION_STATUSES = ['awaiting_submission', 'submitted', 'verified'] as const;
export type ModificationStatus = (typeof MODIFICATION_STATUSES)[number];

/** An expedited review has 1–2 primary reviewers (DESIGN §4.1); a convened one at least one, at most this many. */
export const EXPEDITED_MAX_REVIEWERS = 2;
export const CONVENED_MAX_REVIEWERS = 5;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export const assignReviewerInput = z.object({ submissionId: id, memberId: id });
export const unassignReviewerInput = z.object({ submissionId: id, memberId: id });
export const declareReviewConflictInput = z
  .object({
    submissionId: id,
    /** Omitted: the actor's own member record; the secretary may record a member's declaration for them. */
    memberId: id.optional(),
    /** For an attendee of a meeting (not a reviewer): the meeting at which they declare. */
    meetingId: id.optional(),
    hasConflict: z.boolean(),
    statement: text(2000).optional(),
  })
  .refine((d) => !d.hasConflict || (d.statement?.length ?? 0) >= 2, {
    path: ['statement'],
    message: bi('声明存在利益冲突时须说明原因', 'Say what the conflict of interest is'),
  });
export type DeclareReviewConflictInput = z.input<typeof declareReviewConflictInput>;

const worksheetItem = z.object({
  assessment: z.enum(WORKSHEET_ASSESSMENTS).nullable().default(null),
  comment: text(4000).default(''),
});
export const saveWorksheetInput = z.object({
  submissionId: id,
  items: z.object(
    Object.fromEntries(WORKSHEET_ITEMS.map((k) => [k, worksheetItem])) as {
      [K in WorksheetItem]: typeof worksheetItem;
    },
  ),
  recommendedOutcome: z.enum(SUBMISSION_OUTCOMES).nullable().default(null),
  opinion: text(8000).default(''),
  /** True: submit and lock the worksheet; false: save a draft. */
  submit: z.boolean().default(false),
  version: z.number().int().min(1).optional(),
});
export type SaveWorksheetInput = z.input<typeof saveWorksheetInput>;
export type WorksheetItems = z.output<typeof saveWorksheetInput>['items'];

export const reviewSubmissionInput = z.object({ submissionId: id });
export const reviewsMineInput = z.object({ includeDone: z.boolean().default(false) }).default({ includeDone: false });

export const submitModificationsInput = z.object({
  id,
  version: z.number().int().min(1).optional(),
  response: z.string().trim().min(2, bi('请说明所作的修改', 'Describe the modifications made')).max(8000),
});
export const verifyModificationsInput = z
  .object({
    id,
    version: z.number().int().min(1).optional(),
    verdict: z.enum(MODIFICATION_VERDICTS),
    comment: text(4000).optional(),
  })
  .refine((v) => v.verdict === 'verified' || (v.comment?.length ?? 0) >= 2, {
    path: ['comment'],
    message: bi('要求再次修改时须写明理由', 'Say what still needs to change'),
  });

export const updateAgendaInput = z.object({
  meetingId: id,
  submissionId: id,
  version: z.number().int().min(1).optional(),
});

export const saveMinutesInput = z.object({
  meetingId: id,
  summary: text(8000).default(''),
  /** Per agenda item: the discussion summary (the decision and votes are taken from the record). */
  items: z
    .array(z.object({ submissionId: id, discussion: text(8000) }))
    .max(50)
    .default([]),
  version: z.number().int().min(1).optional(),
});
export type SaveMinutesInput = z.input<typeof saveMinutesInput>;
export const approveMinutesInput = z.object({ meetingId: id, version: z.number().int().min(1).optional() });

/** SOP procedures beyond the quorum (委员会设置): which submissions may be expedited, and the screening checklists. */
export const EXPEDITED_RISK_CEILINGS = ['low', 'medium'] as const;
export type CommitteeProcedures = {
  expedited: { types: SubmissionType[]; maxRisk: (typeof EXPEDITED_RISK_CEILINGS)[number]; reviewers: 1 | 2 };
  checklists: Partial<Record<SubmissionType, string[]>>;
};
/**
 * Platform defaults while a committee has saved none: amendments, continuing reviews, deviations and closures of
 * low/medium-risk trials may be expedited (DESIGN §4.1), and an initial review (or a resubmission) only of a low-risk
 * study — 涉及人的生命科学和医学研究伦理审查办法 (2023) 第三十一条: 研究风险不大于最小风险的研究.
 */
export const DEFAULT_COMMITTEE_PROCEDURES: CommitteeProcedures = {
  expedited: {
    types: ['initial', 'amendment', 'continuing', 'deviation', 'closure', 'resubmission'],
    maxRisk: 'medium',
    reviewers: 2,
  },
  checklists: {},
};
/** Types whose expedited review is limited to low-risk (minimal-risk) studies whatever the committee's ceiling. */
export const LOW_RISK_ONLY_EXPEDITED_TYPES = ['initial', 'resubmission'] as const satisfies readonly SubmissionType[];

/** Submission types and risk levels as the server's localised messages name them. */
export const SUBMISSION_TYPE_TEXT: Record<SubmissionType, { zh: string; en: string }> = {
  initial: { zh: '初始审查', en: 'initial review' },
  amendment: { zh: '修正案审查', en: 'amendment' },
  continuing: { zh: '跟踪（年度/定期）审查', en: 'continuing review' },
  sae: { zh: '严重不良事件/SUSAR 报告', en: 'SAE/SUSAR report' },
  deviation: { zh: '偏离方案报告', en: 'deviation report' },
  suspension: { zh: '暂停/终止研究报告', en: 'suspension/termination report' },
  closure: { zh: '结题报告', en: 'closure report' },
  resubmission: { zh: '修改后再审', en: 'resubmission' },
};
export const RISK_TEXT = {
  low: { zh: '低', en: 'low' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
} as const;

/** Why the expedited procedure is not open to a submission (null: it is). */
export type ExpeditedRefusal = 'HIGH_RISK_NOT_EXPEDITED' | 'EXPEDITED_TYPE_NOT_ALLOWED' | 'EXPEDITED_RISK_TOO_HIGH';
const RISK_RANK = { low: 0, medium: 1, high: 2 } as const;

/**
 * Pure, shared by the server (refusal at triage) and the web (why the option is unavailable): may a submission of
 * this type, on a trial of this risk, take the expedited path under the committee's rules? High risk never may.
 */
export function expeditedRefusal(
  rules: CommitteeProcedures['expedited'],
  type: SubmissionType,
  risk: keyof typeof RISK_RANK,
): ExpeditedRefusal | null {
  if (risk === 'high') return 'HIGH_RISK_NOT_EXPEDITED';
  if (!rules.types.includes(type)) return 'EXPEDITED_TYPE_NOT_ALLOWED';
  if (RISK_RANK[risk] > RISK_RANK[expeditedRiskCeiling(rules, type)]) return 'EXPEDITED_RISK_TOO_HIGH';
  return null;
}

/** The highest trial risk at which this type may be expedited under the rules. */
export function expeditedRiskCeiling(
  rules: CommitteeProcedures['expedited'],
  type: SubmissionType,
): (typeof EXPEDITED_RISK_CEILINGS)[number] {
  return (LOW_RISK_ONLY_EXPEDITED_TYPES as readonly string[]).includes(type) ? 'low' : rules.maxRisk;
}

/** One screening checklist item as the secretary ticked it (形式审查清单). */
export type ScreeningChecklistItem = { item: string; ok: boolean };
export const updateCommitteeProceduresInput = z.object({
  committeeId: id,
  expedited: z.object({
    types: z.array(z.enum(SUBMISSION_TYPES)).max(SUBMISSION_TYPES.length),
    maxRisk: z.enum(EXPEDITED_RISK_CEILINGS),
    reviewers: z.union([z.literal(1), z.literal(2)]),
  }),
  checklists: z.partialRecord(z.enum(SUBMISSION_TYPES), z.array(z.string().trim().min(2).max(200)).max(40)),
});
/** `committees.updateMember`: a roster entry's role, expertise, affiliation, gender and term (name/user stay). */
export const updateCommitteeMemberInput = z
  .object({
    committeeId: id,
    memberId: id,
    version: z.number().int().min(1),
    role: z.enum(VOTING_MEMBER_ROLES),
    expertise: z.enum(MEMBER_EXPERTISE),
    isAffiliated: z.boolean(),
    gender: z.enum(MEMBER_GENDERS).nullable(),
    termStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD')),
    termEnd: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'))
      .nullable(),
  })
  .refine((m) => !m.termEnd || m.termEnd >= m.termStart, {
    path: ['termEnd'],
    message: bi('任期结束不能早于开始', 'The term cannot end before it starts'),
  });
export type UpdateCommitteeMemberInput = z.input<typeof updateCommitteeMemberInput>;
export const endMemberTermInput = z.object({
  committeeId: id,
  memberId: id,
  termEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD')),
});

/**
 * Where a meeting stands, for the meetings list (issue 14): to come, today, held with agenda items still undecided,
 * held without minutes, minutes drafted, closed (minutes approved).
 */
export const MEETING_STATUSES = [
  'upcoming',
  'today',
  'awaiting_decisions',
  'awaiting_minutes',
  'minutes_draft',
  'closed',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Pure: dates are Beijing `YYYY-MM-DD`, compared as strings. */
export function meetingStatusOf(m: {
  meetingDate: string;
  today: string;
  undecidedItems: number;
  minutesStatus: MinutesStatus | null;
}): MeetingStatus {
  if (m.minutesStatus === 'approved') return 'closed';
  if (m.meetingDate > m.today) return 'upcoming';
  if (m.undecidedItems > 0) return m.meetingDate === m.today ? 'today' : 'awaiting_decisions';
  if (m.minutesStatus === 'draft') return 'minutes_draft';
  return 'awaiting_minutes';
}
