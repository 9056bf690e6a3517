import {
  ACK_STATES,
  AGREEMENT_MEMBER_STATES,
  AGREEMENT_STATUSES,
  DOCUMENT_KINDS,
  OBJECTION_CATEGORIES,
  OBJECTION_STATES,
  RECOGNITION_OUTCOMES,
  RECOGNITION_SKIP_REASONS,
  RECOGNITION_STATES,
} from '@ctp/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { submissionDocuments } from './documents.ts';
import { submissions } from './ethics.ts';
import { users } from './identity.ts';
import { ethicsCommittees, organisations } from './organisations.ts';
import { trialSites, trials } from './trials.ts';

/** A recognition agreement (互认协议, DESIGN §4.2): scope, exclusions, timelines. Every change is a new version row. */
export const recognitionAgreements = sqliteTable('recognition_agreements', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('active'),
  /** JSON {trialTypes: [], phases: []}; empty lists mean "all". */
  scopeJson: text('scope_json').notNull(),
  /** JSON {highRisk, phaseIOrBe, ownLead}. */
  exclusionsJson: text('exclusions_json').notNull(),
  leadDecisionDays: integer('lead_decision_days').notNull(),
  leadLetterDays: integer('lead_letter_days').notNull(),
  participatingDays: integer('participating_days').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** The agreement's history: a full snapshot per version, who changed it and why (never updated). */
export const recognitionAgreementVersions = sqliteTable(
  'recognition_agreement_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => recognitionAgreements.id),
    version: integer('version').notNull(),
    snapshotJson: text('snapshot_json').notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').references(() => users.id),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [uniqueIndex('recognition_agreement_versions_uq').on(t.agreementId, t.version)],
);

/** Committees invited to / joined in an agreement. */
export const recognitionAgreementMembers = sqliteTable(
  'recognition_agreement_members',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => recognitionAgreements.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    state: text('state', { enum: AGREEMENT_MEMBER_STATES }).notNull(),
    invitedAt: integer('invited_at').notNull(),
    joinedAt: integer('joined_at'),
    joinedBy: text('joined_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('recognition_agreement_members_uq').on(t.agreementId, t.committeeId),
    index('recognition_agreement_members_committee_idx').on(t.committeeId),
  ],
);

/** A hospital's local-context profile (fees, insurance, local ICF clauses, HGR contact…): pre-fills each packet. */
export const hospitalLocalContexts = sqliteTable('hospital_local_contexts', {
  hospitalOrgId: text('hospital_org_id')
    .primaryKey()
    .references(() => organisations.id),
  reviewFeeYuan: integer('review_fee_yuan'),
  feeSchedule: text('fee_schedule'),
  insuranceRequirements: text('insurance_requirements'),
  localIcfClauses: text('local_icf_clauses'),
  hgrContactName: text('hgr_contact_name'),
  hgrContactPhone: text('hgr_contact_phone'),
  /** JSON array of languages consent material is offered in. */
  languagesJson: text('languages_json').notNull().default('[]'),
  vulnerablePopulationRules: text('vulnerable_population_rules'),
  updatedBy: text('updated_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/**
 * One recognition request per participating trial site (DESIGN §3): the unique index on the site makes the fan-out
 * idempotent — a retried approval cannot open a second one.
 */
export const recognitionRequests = sqliteTable(
  'recognition_requests',
  {
    id: text('id').primaryKey(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => recognitionAgreements.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    leadCommitteeId: text('lead_committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    /** The lead EC's approving initial submission. */
    leadSubmissionId: text('lead_submission_id')
      .notNull()
      .references(() => submissions.id),
    state: text('state', { enum: RECOGNITION_STATES }).notNull(),
    outcome: text('outcome', { enum: RECOGNITION_OUTCOMES }),
    /** JSON: the local packet (pre-filled from the hospital's local context, then the site's answers). */
    packetJson: text('packet_json').notNull(),
    /** JSON: the local checklist answers. */
    checklistJson: text('checklist_json'),
    conditions: text('conditions'),
    reasons: text('reasons'),
    limitDays: integer('limit_days').notNull(),
    packetSubmittedAt: integer('packet_submitted_at'),
    acceptedDate: text('accepted_date'),
    decidedDate: text('decided_date'),
    /** 互认函 number, given when recognised. */
    letterNo: text('letter_no'),
    /** The recognition letter PDF, rendered once when recognised and kept in the content-addressed file store. */
    letterSha256: text('letter_sha256'),
    letterStorageKey: text('letter_storage_key'),
    letterSizeBytes: integer('letter_size_bytes'),
    letterStoredAt: integer('letter_stored_at'),
    /** Declined: the full submission opened at this EC instead. */
    fallbackSubmissionId: text('fallback_submission_id').references(() => submissions.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('recognition_requests_site_uq').on(t.trialSiteId),
    uniqueIndex('recognition_requests_letter_uq').on(t.committeeId, t.letterNo),
    index('recognition_requests_committee_idx').on(t.committeeId, t.state),
    index('recognition_requests_trial_idx').on(t.trialId),
  ],
);

/** Participating sites that got no request on the lead's approval, and why (shown to the sponsor). */
export const recognitionSkips = sqliteTable(
  'recognition_skips',
  {
    trialSiteId: text('trial_site_id')
      .primaryKey()
      .references(() => trialSites.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    leadSubmissionId: text('lead_submission_id')
      .notNull()
      .references(() => submissions.id),
    reason: text('reason', { enum: RECOGNITION_SKIP_REASONS }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('recognition_skips_trial_idx').on(t.trialId)],
);

/** Visible timeline and clock stops of a request. */
export const recognitionEvents = sqliteTable(
  'recognition_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: text('request_id')
      .notNull()
      .references(() => recognitionRequests.id),
    step: text('step').notNull(),
    fromState: text('from_state', { enum: RECOGNITION_STATES }),
    toState: text('to_state', { enum: RECOGNITION_STATES }).notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    actorRole: text('actor_role'),
    comment: text('comment'),
    /** JSON details (e.g. a due date moved by a calendar change). */
    detailJson: text('detail_json'),
    at: integer('at').notNull(),
  },
  (t) => [index('recognition_events_request_idx').on(t.requestId, t.at)],
);

export const recognitionClockStops = sqliteTable(
  'recognition_clock_stops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: text('request_id')
      .notNull()
      .references(() => recognitionRequests.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('recognition_clock_stops_request_idx').on(t.requestId)],
);

/** A participating EC's structured objection to the protocol, sent to the lead EC and the sponsor. */
export const recognitionObjections = sqliteTable(
  'recognition_objections',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => recognitionRequests.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    leadCommitteeId: text('lead_committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    category: text('category', { enum: OBJECTION_CATEGORIES }).notNull(),
    text: text('text').notNull(),
    state: text('state', { enum: OBJECTION_STATES }).notNull(),
    resolution: text('resolution'),
    raisedBy: text('raised_by')
      .notNull()
      .references(() => users.id),
    resolvedBy: text('resolved_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('recognition_objections_request_idx').on(t.requestId)],
);

/** After recognition: an amendment the lead EC approved, to be acknowledged by each recognising EC. */
export const recognitionAcks = sqliteTable(
  'recognition_acks',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => recognitionRequests.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    /** The lead EC's approved amendment. */
    sourceSubmissionId: text('source_submission_id')
      .notNull()
      .references(() => submissions.id),
    /** JSON: the new effective versions (protocol, ICF…) as the lead approved them, when known. */
    versionsJson: text('versions_json').notNull().default('[]'),
    state: text('state', { enum: ACK_STATES }).notNull(),
    note: text('note'),
    actedBy: text('acted_by').references(() => users.id),
    actedAt: integer('acted_at'),
    createdAt: integer('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('recognition_acks_uq').on(t.requestId, t.sourceSubmissionId),
    index('recognition_acks_committee_idx').on(t.committeeId, t.state),
  ],
);

/**
 * The document versions a recognised site is bound to (DESIGN §4.2), as a full decision binds them
 * (`submission_decision_documents`): the lead's approved versions, bound by the participating EC's recognition
 * (`ack_id` null) and again by each amendment that EC acknowledges (`ack_id` set; only the kinds that moved on).
 * Written in the transaction of that act, beside its audit row; never updated. A site's effective versions are the
 * latest binding per kind over these rows and its own approving decisions.
 */
export const recognitionDocumentBindings = sqliteTable(
  'recognition_document_bindings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: text('request_id')
      .notNull()
      .references(() => recognitionRequests.id),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    /** The acknowledged amendment task; null for the binding made by the recognition decision itself. */
    ackId: text('ack_id').references(() => recognitionAcks.id),
    /** The lead EC's submission whose approving decision bound this version. */
    sourceSubmissionId: text('source_submission_id')
      .notNull()
      .references(() => submissions.id),
    documentId: text('document_id')
      .notNull()
      .references(() => submissionDocuments.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    versionLabel: text('version_label').notNull(),
    versionDate: text('version_date').notNull(),
    sha256: text('sha256').notNull(),
    /** When the lead's decision bound it: orders versions of the lead, so an older amendment never overrides a newer one. */
    leadBoundAt: integer('lead_bound_at').notNull(),
    /** The Beijing date from which the site uses this version (the recognition's or the acknowledgement's). */
    effectiveDate: text('effective_date').notNull(),
    boundAt: integer('bound_at').notNull(),
    boundBy: text('bound_by').references(() => users.id),
  },
  (t) => [
    index('recognition_document_bindings_site_idx').on(t.trialSiteId, t.boundAt),
    index('recognition_document_bindings_doc_idx').on(t.documentId),
    uniqueIndex('recognition_document_bindings_decision_uq').on(t.requestId, t.documentId).where(sql`ack_id is null`),
    uniqueIndex('recognition_document_bindings_ack_uq').on(t.ackId, t.documentId),
  ],
);

/** Read receipts of an SAE/SUSAR report filed once at the lead EC and delivered to each participating EC. */
export const safetyReportReceipts = sqliteTable(
  'safety_report_receipts',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    readBy: text('read_by')
      .notNull()
      .references(() => users.id),
    readAt: integer('read_at').notNull(),
  },
  (t) => [uniqueIndex('safety_report_receipts_uq').on(t.submissionId, t.committeeId)],
);
