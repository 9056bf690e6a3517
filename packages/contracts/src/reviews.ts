import { z } from 'zod';
import { SUBMISSION_OUTCOMES, SUBMISSION_TYPES, type SubmissionType } from './ethics.ts';
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
export const DEFAULT_COMMITTEE_PROCEDURES: CommitteeProcedures = {
  expedited: { types: ['amendment', 'continuing', 'deviation', 'closure'], maxRisk: 'medium', reviewers: 2 },
  checklists: {},
};
export const updateCommitteeProceduresInput = z.object({
  committeeId: id,
  expedited: z.object({
    types: z.array(z.enum(SUBMISSION_TYPES)).max(SUBMISSION_TYPES.length),
    maxRisk: z.enum(EXPEDITED_RISK_CEILINGS),
    reviewers: z.union([z.literal(1), z.literal(2)]),
  }),
  checklists: z.partialRecord(z.enum(SUBMISSION_TYPES), z.array(z.string().trim().min(2).max(200)).max(40)),
});
export const endMemberTermInput = z.object({
  committeeId: id,
  memberId: id,
  termEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD')),
});
