import {
  INQUIRY_STATUSES,
  NOTIFICATION_KINDS,
  RISK_LEVELS,
  SITE_STATES,
  TRIAL_PHASES,
  TRIAL_STATUSES,
  TRIAL_TYPES,
} from '@ctp/contracts';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hospitalSpecialties, investigators } from './capacity.ts';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';

/** A clinical trial (DESIGN §3). An investigator-initiated trial's sponsor is the hospital that runs it. */
export const trials = sqliteTable(
  'trials',
  {
    id: text('id').primaryKey(),
    sponsorOrgId: text('sponsor_org_id')
      .notNull()
      .references(() => organisations.id),
    croOrgId: text('cro_org_id').references(() => organisations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    type: text('type', { enum: TRIAL_TYPES }).notNull(),
    phase: text('phase', { enum: TRIAL_PHASES }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    ctrNo: text('ctr_no'),
    nctNo: text('nct_no'),
    chictrNo: text('chictr_no'),
    /** JSON array of condition names. */
    conditionsJson: text('conditions_json').notNull(),
    targetEnrolment: integer('target_enrolment').notNull(),
    plannedStart: text('planned_start'),
    plannedEnd: text('planned_end'),
    riskLevel: text('risk_level', { enum: RISK_LEVELS }).notNull().default('medium'),
    status: text('status', { enum: TRIAL_STATUSES }).notNull().default('planning'),
    leadHospitalId: text('lead_hospital_id').references(() => organisations.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('trials_sponsor_idx').on(t.sponsorOrgId),
    index('trials_cro_idx').on(t.croOrgId),
    uniqueIndex('trials_ctr_uq').on(t.ctrNo),
    uniqueIndex('trials_nct_uq').on(t.nctNo),
  ],
);

/** Trial × hospital × specialty × PI, with its lifecycle (DESIGN §4.3) and milestone dates (Asia/Shanghai dates). */
export const trialSites = sqliteTable(
  'trial_sites',
  {
    id: text('id').primaryKey(),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    hospitalSpecialtyId: text('hospital_specialty_id')
      .notNull()
      .references(() => hospitalSpecialties.id),
    investigatorId: text('investigator_id').references(() => investigators.id),
    role: text('role', { enum: ['lead', 'participating'] })
      .notNull()
      .default('participating'),
    state: text('state', { enum: SITE_STATES }).notNull(),
    /** The state a suspended site returns to on resume. */
    stateBeforeSuspension: text('state_before_suspension', { enum: SITE_STATES }),
    stateChangedAt: integer('state_changed_at').notNull(),
    targetEnrolment: integer('target_enrolment'),
    selectedDate: text('selected_date'),
    ethicsSubmittedDate: text('ethics_submitted_date'),
    ethicsApprovedDate: text('ethics_approved_date'),
    contractSignedDate: text('contract_signed_date'),
    sivDate: text('siv_date'),
    fpiDate: text('fpi_date'),
    lpiDate: text('lpi_date'),
    closedDate: text('closed_date'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('trial_sites_trial_specialty_uq').on(t.trialId, t.hospitalSpecialtyId),
    // A hospital's sites, and covering for its active load by specialty and PI (the search read model re-reads one
    // hospital after each write: 3 000 sites at a national centre were 3 000 row reads, ~5 ms, per count).
    index('trial_sites_hospital_load_idx').on(t.hospitalOrgId, t.state, t.hospitalSpecialtyId, t.investigatorId),
    index('trial_sites_specialty_idx').on(t.hospitalSpecialtyId),
    index('trial_sites_investigator_idx').on(t.investigatorId),
    index('trial_sites_state_idx').on(t.state),
  ],
);

/** Counts only, never patients (PIPL): one row per site and month, corrected in place with a reason (audited). */
export const trialSiteEnrolment = sqliteTable(
  'trial_site_enrolment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    month: text('month').notNull(),
    screened: integer('screened').notNull(),
    enrolled: integer('enrolled').notNull(),
    screenFailures: integer('screen_failures').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    correctionReason: text('correction_reason'),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('trial_site_enrolment_month_uq').on(t.trialSiteId, t.month)],
);

/** A feasibility inquiry (可行性调研) from a sponsor to one hospital specialty for one trial. */
export const inquiries = sqliteTable(
  'inquiries',
  {
    id: text('id').primaryKey(),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    sponsorOrgId: text('sponsor_org_id')
      .notNull()
      .references(() => organisations.id),
    synopsis: text('synopsis').notNull(),
    questions: text('questions'),
    replyBy: text('reply_by').notNull(),
    status: text('status', { enum: INQUIRY_STATUSES }).notNull(),
    /** JSON of the answer (estimates, PI availability, competing trials, earliest start, notes | decline reason). */
    answerJson: text('answer_json'),
    sentBy: text('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: integer('sent_at').notNull(),
    answeredBy: text('answered_by').references(() => users.id),
    answeredAt: integer('answered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inquiries_hospital_idx').on(t.hospitalOrgId, t.status),
    index('inquiries_trial_idx').on(t.trialId),
    // The board reads each site's open inquiry (issue 16: no full scan on hot paths).
    index('inquiries_trial_site_idx').on(t.trialSiteId),
  ],
);

/**
 * Files the trial office attaches to its answer to an inquiry (issue 14), stored like submission documents
 * (content-addressed, sniffed type). Added while the inquiry awaits its answer; the sponsor reads them once answered.
 */
export const inquiryAttachments = sqliteTable(
  'inquiry_attachments',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id),
    /** The uploader's file name, shown and offered on download only (never used as a path). */
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [index('inquiry_attachments_inquiry_idx').on(t.inquiryId, t.uploadedAt)],
);

/** In-app notifications, one row per recipient user. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** JSON params for the localised text (trial title, hospital name, date…). */
    paramsJson: text('params_json').notNull(),
    link: text('link'),
    /** Deduplicates reminders: one per (user, key). */
    dedupeKey: text('dedupe_key'),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);
