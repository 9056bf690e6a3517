import {
  CLOCK_STOP_KINDS,
  COMMITTEE_MEMBER_ROLES,
  MEMBER_EXPERTISE,
  MEMBER_GENDERS,
  REVIEW_PATHS,
  SUBMISSION_OUTCOMES,
  SUBMISSION_STATES,
  SUBMISSION_TYPES,
  VOTE_CHOICES,
} from '@ctp/contracts';
import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { ethicsCommittees } from './organisations.ts';
import { trialSites, trials } from './trials.ts';

/**
 * The members of an ethics committee (DESIGN §3): a platform user or, for external members without an account
 * (lay members, lawyers), a name only. Ended terms are kept (regulated record), never deleted.
 */
export const committeeMembers = sqliteTable(
  'committee_members',
  {
    id: text('id').primaryKey(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    userId: text('user_id').references(() => users.id),
    /** Name as it appears on minutes and letters; required for external members. */
    name: text('name').notNull(),
    role: text('role', { enum: COMMITTEE_MEMBER_ROLES }).notNull(),
    expertise: text('expertise', { enum: MEMBER_EXPERTISE }).notNull(),
    /** Employed by the hospital the committee belongs to; the quorum needs an unaffiliated member present. */
    isAffiliated: integer('is_affiliated', { mode: 'boolean' }).notNull(),
    gender: text('gender', { enum: MEMBER_GENDERS }),
    termStart: text('term_start').notNull(),
    termEnd: text('term_end'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('committee_members_committee_idx').on(t.committeeId), index('committee_members_user_idx').on(t.userId)],
);

/** A committee's SOP settings (one row per committee; absent means the platform defaults of DESIGN §4.1/§4.4). */
export const committeeSettings = sqliteTable('committee_settings', {
  committeeId: text('committee_id')
    .primaryKey()
    .references(() => ethicsCommittees.id),
  /** Quorum: more than this percentage of members present (default 50 = "more than half")… */
  quorumMinPercent: integer('quorum_min_percent').notNull().default(50),
  /** …and at least this many members present. */
  quorumMinCount: integer('quorum_min_count').notNull().default(5),
  quorumNeedsNonMedical: integer('quorum_needs_non_medical', { mode: 'boolean' }).notNull().default(true),
  quorumNeedsUnaffiliated: integer('quorum_needs_unaffiliated', { mode: 'boolean' }).notNull().default(true),
  /** JSON: which submission types and risk levels may be expedited, and by how many reviewers (1–2). */
  expeditedRulesJson: text('expedited_rules_json').notNull().default('{}'),
  /** Working days from acceptance to decision (DESIGN §4.4 default 15). */
  reviewLimitDays: integer('review_limit_days').notNull().default(15),
  defaultFollowUpMonths: integer('default_follow_up_months').notNull().default(12),
  /** JSON: per submission type, the documents the secretary screens against. */
  checklistsJson: text('checklists_json').notNull().default('{}'),
  updatedBy: text('updated_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** One review event on a trial site at one committee (送审, DESIGN §4.1). */
export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    type: text('type', { enum: SUBMISSION_TYPES }).notNull(),
    title: text('title'),
    previousSubmissionId: text('previous_submission_id').references((): AnySQLiteColumn => submissions.id),
    state: text('state', { enum: SUBMISSION_STATES }).notNull(),
    reviewPath: text('review_path', { enum: REVIEW_PATHS }),
    /** 受理号, e.g. `JSPH-2026-0001`: given at acceptance, unique per committee. */
    acceptanceNo: text('acceptance_no'),
    acceptedDate: text('accepted_date'),
    decidedDate: text('decided_date'),
    /** The meeting whose agenda it is on (convened path). */
    meetingId: text('meeting_id').references((): AnySQLiteColumn => meetings.id),
    outcome: text('outcome', { enum: SUBMISSION_OUTCOMES }),
    /** The decision's conditions or required modifications: shown to the applicant and sponsor. */
    conditions: text('conditions'),
    /** Next continuing (follow-up) review after an approval, ≤ 12 months by risk. */
    followUpDate: text('follow_up_date'),
    submittedAt: integer('submitted_at'),
    /** The secretary's internal notes: EC-only, never in the applicant's or sponsor's view. */
    ecNotes: text('ec_notes'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('submissions_acceptance_no_uq').on(t.committeeId, t.acceptanceNo),
    index('submissions_committee_state_idx').on(t.committeeId, t.state),
    index('submissions_trial_site_idx').on(t.trialSiteId),
    index('submissions_trial_idx').on(t.trialId),
  ],
);

/** Intervals in which a submission's clock is stopped (DESIGN §4.4); `to_date` null while it lasts. */
export const submissionClockStops = sqliteTable(
  'submission_clock_stops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    kind: text('kind', { enum: CLOCK_STOP_KINDS }).notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('submission_clock_stops_submission_idx').on(t.submissionId)],
);

/**
 * The submission's visible timeline (who, when, what, comment). Kept apart from the audit log, which is
 * admin-only and holds before/after of every record; `ec_only` rows are never shown to the applicant or sponsor.
 */
export const submissionEvents = sqliteTable(
  'submission_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    step: text('step').notNull(),
    fromState: text('from_state', { enum: SUBMISSION_STATES }),
    toState: text('to_state', { enum: SUBMISSION_STATES }).notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    actorRole: text('actor_role'),
    comment: text('comment'),
    /** JSON details (reasons list, review path, acceptance number). */
    detailJson: text('detail_json'),
    isEcOnly: integer('is_ec_only', { mode: 'boolean' }).notNull().default(false),
    at: integer('at').notNull(),
  },
  (t) => [index('submission_events_submission_idx').on(t.submissionId, t.at)],
);

/** A convened review meeting (会议审查) of one committee; its agenda is the submissions whose `meeting_id` names it. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    meetingDate: text('meeting_date').notNull(),
    title: text('title'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meetings_committee_idx').on(t.committeeId, t.meetingDate)],
);

/** Who is present at a meeting (EC-only). One row per member, updated as people arrive and leave. */
export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    isPresent: integer('is_present', { mode: 'boolean' }).notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('meeting_attendance_uq').on(t.meetingId, t.memberId)],
);

/**
 * Conflict-of-interest declarations (EC-only): for one submission, or for a whole meeting (then for every
 * submission on its agenda). A declared conflict recuses the member; declarations are never deleted.
 */
export const memberConflicts = sqliteTable(
  'member_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    meetingId: text('meeting_id').references(() => meetings.id),
    submissionId: text('submission_id').references(() => submissions.id),
    reason: text('reason').notNull(),
    declaredBy: text('declared_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('member_conflicts_member_idx').on(t.memberId),
    index('member_conflicts_submission_idx').on(t.submissionId),
  ],
);

/**
 * Votes (EC-only): at a meeting, or — `meeting_id` null — an expedited reviewer's view. A member's later vote on the
 * same submission at the same sitting replaces the earlier one (the audit keeps both).
 */
export const submissionVotes = sqliteTable(
  'submission_votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    meetingId: text('meeting_id').references(() => meetings.id),
    memberId: text('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
    /** JSON: a meeting vote's quorum as it stood when the vote was cast (frozen for the minutes); null if expedited. */
    quorumJson: text('quorum_json'),
    recordedBy: text('recorded_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /**
     * Random, rewritten with each vote: salts the row checksum kept in the vote's audit event, so that the checksum
     * (visible wherever the audit payload is) cannot be matched against the few possible choices. Null on votes cast
     * before checksums existed; those are checked by their choice.
     */
    checksumSalt: text('checksum_salt'),
  },
  (t) => [index('submission_votes_submission_idx').on(t.submissionId, t.meetingId)],
);
