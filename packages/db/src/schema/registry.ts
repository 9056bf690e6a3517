import {
  REGISTRY_EC_DECISIONS,
  REGISTRY_QUEUE_STATUSES,
  REGISTRY_RESOLUTION_METHODS,
  REGISTRY_SITE_RESOLUTIONS,
  REGISTRY_SOURCES,
  REGISTRY_STATUSES,
} from '@ctp/contracts';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { ethicsCommittees, organisations } from './organisations.ts';

/** Each import of a registry file or folder (issue 13): what, by whom, what it did. Never updated. */
export const registryImports = sqliteTable(
  'registry_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: REGISTRY_SOURCES }).notNull(),
    /** File name, folder name or API query as given. */
    fileName: text('file_name').notNull(),
    /** sha256 of the bytes (of the files in name order for a CTR folder; of the pages for an API import). */
    sha256: text('sha256').notNull(),
    /** completed | partial (some records refused under --partial) | failed (nothing written). */
    outcome: text('outcome', { enum: ['completed', 'partial', 'failed'] }).notNull(),
    /** JSON RegistryImportSummary. */
    summaryJson: text('summary_json').notNull(),
    /** JSON RegistryImportError[] (the first 200). */
    errorsJson: text('errors_json').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at').notNull(),
  },
  (t) => [index('registry_imports_started_idx').on(t.startedAt)],
);

/** A trial as a public registry publishes it. History for search and profiles, not a workflow record. */
export const registryTrials = sqliteTable(
  'registry_trials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: REGISTRY_SOURCES }).notNull(),
    /** NCT… or CTR…; a platform trial with the same nct_no / ctr_no is the same trial (joined on read). */
    registryId: text('registry_id').notNull(),
    briefTitle: text('brief_title').notNull(),
    officialTitle: text('official_title'),
    status: text('status', { enum: REGISTRY_STATUSES }).notNull(),
    statusRaw: text('status_raw'),
    /** JSON RegistryPhase[]; `phase_raw` as the registry writes it. */
    phasesJson: text('phases_json').notNull(),
    phaseRaw: text('phase_raw'),
    enrolment: integer('enrolment'),
    leadSponsor: text('lead_sponsor'),
    /** Registry dates: YYYY-MM or YYYY-MM-DD as published. */
    startDate: text('start_date'),
    completionDate: text('completion_date'),
    /** The record's last update (CT.gov lastUpdatePostDate; CTR publication date): a later one replaces it. */
    lastUpdateDate: text('last_update_date'),
    /** sha256 of the canonical record: the same content again changes nothing. */
    rawHash: text('raw_hash').notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => registryImports.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('registry_trials_registry_id_uq').on(t.registryId),
    index('registry_trials_status_idx').on(t.status),
  ],
);

/**
 * One row per trial × condition, raw as registered (CT.gov conditions, CTR indication) and MeSH terms where the
 * registry derived them, so the condition vocabulary can map them to codes with a join.
 */
export const registryTrialConditions = sqliteTable(
  'registry_trial_conditions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registryTrialId: integer('registry_trial_id')
      .notNull()
      .references(() => registryTrials.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['condition', 'mesh'] }).notNull(),
    term: text('term').notNull(),
    meshId: text('mesh_id'),
  },
  (t) => [
    index('registry_trial_conditions_trial_idx').on(t.registryTrialId),
    index('registry_trial_conditions_term_idx').on(t.term),
  ],
);

/** An admin's look at a name no rule could place: one item per normalised name and city. */
export const registryReviewQueue = sqliteTable(
  'registry_review_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameNorm: text('name_norm').notNull(),
    cityKey: text('city_key').notNull(),
    /** The name and city as first seen. */
    rawName: text('raw_name').notNull(),
    city: text('city'),
    province: text('province'),
    country: text('country'),
    /** JSON [{hospitalId, score, alias}] best first, computed when queued. */
    candidatesJson: text('candidates_json').notNull(),
    /** Why no rule placed it: unknown name, city disagrees, below the threshold, ambiguous. */
    queuedBecause: text('queued_because').notNull(),
    status: text('status', { enum: REGISTRY_QUEUE_STATUSES }).notNull().default('open'),
    hospitalId: text('hospital_id').references(() => organisations.id),
    reason: text('reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('registry_review_queue_name_city_uq').on(t.nameNorm, t.cityKey),
    index('registry_review_queue_status_idx').on(t.status),
  ],
);

/** One row per registry location (CT.gov location, CTR site × PI). */
export const registrySites = sqliteTable(
  'registry_sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registryTrialId: integer('registry_trial_id')
      .notNull()
      .references(() => registryTrials.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    facilityRaw: text('facility_raw').notNull(),
    nameNorm: text('name_norm').notNull(),
    city: text('city'),
    cityKey: text('city_key').notNull(),
    province: text('province'),
    country: text('country'),
    lat: real('lat'),
    lon: real('lon'),
    /** CT.gov location status (RECRUITING…), raw. */
    siteStatus: text('site_status'),
    /** CTR: the site's PI and the PI's 职称 (free text as registered). */
    piName: text('pi_name'),
    piTitle: text('pi_title'),
    hospitalId: text('hospital_id').references(() => organisations.id),
    resolution: text('resolution', { enum: REGISTRY_SITE_RESOLUTIONS }).notNull(),
    resolutionMethod: text('resolution_method', { enum: REGISTRY_RESOLUTION_METHODS }),
    resolutionScore: real('resolution_score'),
    queueId: integer('queue_id').references(() => registryReviewQueue.id),
  },
  (t) => [
    index('registry_sites_trial_idx').on(t.registryTrialId),
    index('registry_sites_hospital_idx').on(t.hospitalId),
    index('registry_sites_queue_idx').on(t.queueId),
    index('registry_sites_name_idx').on(t.nameNorm, t.cityKey),
  ],
);

/** CTR ethics decisions (同意 / 修改后同意, with the date): history of the matching EC when it is on the platform. */
export const registryEthicsDecisions = sqliteTable(
  'registry_ethics_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registryTrialId: integer('registry_trial_id')
      .notNull()
      .references(() => registryTrials.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    ecNameRaw: text('ec_name_raw').notNull(),
    decision: text('decision', { enum: REGISTRY_EC_DECISIONS }).notNull(),
    decisionRaw: text('decision_raw').notNull(),
    decisionDate: text('decision_date'),
    committeeId: text('committee_id').references(() => ethicsCommittees.id),
  },
  (t) => [
    index('registry_ethics_decisions_trial_idx').on(t.registryTrialId),
    index('registry_ethics_decisions_committee_idx').on(t.committeeId),
  ],
);

/**
 * Names an admin decided (remembered for every later import): `rejected` (not a platform hospital: a masked
 * site, a person's name; any city, `city_key` '*') or `hospital` (this name in this city is that hospital, also
 * where the alias alone would not do, e.g. a famous name with the wrong city).
 */
export const registryNameDecisions = sqliteTable(
  'registry_name_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameNorm: text('name_norm').notNull(),
    cityKey: text('city_key').notNull(),
    decision: text('decision', { enum: ['hospital', 'rejected'] }).notNull(),
    hospitalId: text('hospital_id').references(() => organisations.id),
    reason: text('reason'),
    queueId: integer('queue_id').references(() => registryReviewQueue.id),
    decidedBy: text('decided_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('registry_name_decisions_uq').on(t.nameNorm, t.cityKey)],
);
