import { MINUTES_STATUSES, MODIFICATION_VERDICTS, SUBMISSION_OUTCOMES, WORKSHEET_STATUSES } from '@ctp/contracts';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { committeeMembers, meetings, submissions } from './ethics.ts';
import { users } from './identity.ts';

/**
 * Primary reviewers (主审) of a submission (EC-only). A reviewer opens the file only after declaring no conflict;
 * a declared conflict ends the assignment (`removed_at`) and recuses the member (member_conflicts). Rows are kept.
 */
export const submissionReviewers = sqliteTable(
  'submission_reviewers',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    assignedBy: text('assigned_by').references(() => users.id),
    assignedAt: integer('assigned_at').notNull(),
    /** Null until the reviewer declares. */
    hasConflict: integer('has_conflict', { mode: 'boolean' }),
    conflictStatement: text('conflict_statement'),
    declaredAt: integer('declared_at'),
    /** Set when the assignment ends (a declared conflict or the secretary's unassignment). */
    removedAt: integer('removed_at'),
    removedReason: text('removed_reason', { enum: ['conflict', 'unassigned'] }),
  },
  (t) => [
    index('submission_reviewers_submission_idx').on(t.submissionId),
    index('submission_reviewers_member_idx').on(t.memberId),
  ],
);

/**
 * Conflict-of-interest declarations for one submission, either way (EC-only): one per member per submission. "No
 * conflict" lets a reviewer or a present meeting member open the file; "conflict" goes with a recusal row in
 * member_conflicts.
 */
export const submissionDeclarations = sqliteTable(
  'submission_declarations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    meetingId: text('meeting_id').references(() => meetings.id),
    hasConflict: integer('has_conflict', { mode: 'boolean' }).notNull(),
    statement: text('statement'),
    declaredBy: text('declared_by').references(() => users.id),
    declaredAt: integer('declared_at').notNull(),
  },
  (t) => [uniqueIndex('submission_declarations_uq').on(t.submissionId, t.memberId)],
);

/** A reviewer's structured worksheet (审查工作表) on a submission (EC-only); `submitted` locks it. */
export const reviewWorksheets = sqliteTable(
  'review_worksheets',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    /** JSON: per worksheet item, `{assessment, comment}`. */
    itemsJson: text('items_json').notNull(),
    recommendedOutcome: text('recommended_outcome', { enum: SUBMISSION_OUTCOMES }),
    opinion: text('opinion').notNull().default(''),
    status: text('status', { enum: WORKSHEET_STATUSES }).notNull(),
    submittedAt: integer('submitted_at'),
    updatedBy: text('updated_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('review_worksheets_uq').on(t.submissionId, t.memberId)],
);

/**
 * Rounds of modifications after "approved with modifications" (必要的修改后同意): the applicant's response, then the
 * secretary's verdict (conditions met, or asked again). Visible to the applicant and sponsor.
 */
export const submissionModifications = sqliteTable(
  'submission_modifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    round: integer('round').notNull(),
    response: text('response').notNull(),
    submittedBy: text('submitted_by').references(() => users.id),
    submittedAt: integer('submitted_at').notNull(),
    verdict: text('verdict', { enum: MODIFICATION_VERDICTS }),
    verdictComment: text('verdict_comment'),
    verifiedBy: text('verified_by').references(() => users.id),
    verifiedAt: integer('verified_at'),
  },
  (t) => [uniqueIndex('submission_modifications_uq').on(t.submissionId, t.round)],
);

/**
 * Minutes of a meeting (会议纪要, EC-only): drafted by the secretary, approved and locked by the chair. At approval
 * the attendance, each item's quorum, votes, recusals and decision are frozen into `record_json`.
 */
export const meetingMinutes = sqliteTable('meeting_minutes', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  status: text('status', { enum: MINUTES_STATUSES }).notNull(),
  summary: text('summary').notNull().default(''),
  /** JSON: `[{submissionId, discussion}]`. */
  itemsJson: text('items_json').notNull().default('[]'),
  /** JSON frozen at approval (see above); null while a draft. */
  recordJson: text('record_json'),
  draftedBy: text('drafted_by').references(() => users.id),
  approvedBy: text('approved_by').references(() => users.id),
  approvedAt: integer('approved_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});
