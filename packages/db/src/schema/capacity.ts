import { CAPABILITY_CODES, INVESTIGATOR_LEVELS, INVESTIGATOR_TITLES, SPECIALTY_SCOPES } from '@ctp/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';

/** The catalogue of 专业 names (诊疗科目名录 + Phase I items), from shared/data/reference/specialties.csv. */
export const specialtyCatalogue = sqliteTable('specialty_catalogue', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  groupName: text('group_name').notNull(),
  scope: text('scope', { enum: SPECIALTY_SCOPES }).notNull(),
  nhcCode: text('nhc_code'),
  parentCode: text('parent_code'),
  /** Short forms hospitals write (心血管, 肿瘤 …), `;`-separated. */
  aliasesZh: text('aliases_zh').notNull().default(''),
});

/** A 备案专业 of one hospital (DESIGN §3). */
export const hospitalSpecialties = sqliteTable(
  'hospital_specialties',
  {
    id: text('id').primaryKey(),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    specialtyCode: text('specialty_code')
      .notNull()
      .references(() => specialtyCatalogue.code),
    /** The name exactly as filed with the NMPA, when it differs from the catalogue's. */
    nameAsFiled: text('name_as_filed'),
    filingDate: text('filing_date'),
    scope: text('scope', { enum: SPECIALTY_SCOPES }).notNull(),
    trialBeds: integer('trial_beds').notNull().default(0),
    maxConcurrentTrials: integer('max_concurrent_trials').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    /** Withdrawn filings stay for history and past trials; they leave search. */
    retiredAt: integer('retired_at'),
  },
  (t) => [
    uniqueIndex('hospital_specialties_live_uq').on(t.hospitalOrgId, t.specialtyCode).where(sql`${t.retiredAt} is null`),
    index('hospital_specialties_code_idx').on(t.specialtyCode),
  ],
);

/** Disease areas a specialty treats, with the annual patient volume (invented in the demo). */
export const specialtyDiseaseAreas = sqliteTable(
  'specialty_disease_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hospitalSpecialtyId: text('hospital_specialty_id')
      .notNull()
      .references(() => hospitalSpecialties.id),
    diseaseArea: text('disease_area').notNull(),
    annualPatients: integer('annual_patients'),
  },
  (t) => [uniqueIndex('specialty_disease_areas_uq').on(t.hospitalSpecialtyId, t.diseaseArea)],
);

export const investigators = sqliteTable(
  'investigators',
  {
    id: text('id').primaryKey(),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The platform account of this investigator, when they have one. */
    userId: text('user_id').references(() => users.id),
    name: text('name').notNull(),
    title: text('title', { enum: INVESTIGATOR_TITLES }).notNull(),
    level: text('level', { enum: INVESTIGATOR_LEVELS }).notNull(),
    gcpTrainingDate: text('gcp_training_date'),
    maxConcurrentTrials: integer('max_concurrent_trials').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    retiredAt: integer('retired_at'),
  },
  (t) => [index('investigators_hospital_idx').on(t.hospitalOrgId)],
);

export const investigatorSpecialties = sqliteTable(
  'investigator_specialties',
  {
    investigatorId: text('investigator_id')
      .notNull()
      .references(() => investigators.id),
    hospitalSpecialtyId: text('hospital_specialty_id')
      .notNull()
      .references(() => hospitalSpecialties.id),
  },
  (t) => [
    primaryKey({ columns: [t.investigatorId, t.hospitalSpecialtyId] }),
    index('investigator_specialties_spec_idx').on(t.hospitalSpecialtyId),
  ],
);

export const hospitalCapabilities = sqliteTable(
  'hospital_capabilities',
  {
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    capabilityCode: text('capability_code', { enum: CAPABILITY_CODES }).notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hospitalOrgId, t.capabilityCode] }),
    index('hospital_capabilities_code_idx').on(t.capabilityCode),
  ],
);

/** Named shortlists of a sponsor organisation (issue 3). */
export const shortlists = sqliteTable(
  'shortlists',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    archivedAt: integer('archived_at'),
  },
  (t) => [index('shortlists_org_idx').on(t.orgId)],
);

export const shortlistItems = sqliteTable(
  'shortlist_items',
  {
    shortlistId: text('shortlist_id')
      .notNull()
      .references(() => shortlists.id),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    note: text('note'),
    /**
     * The search the hospital was shortlisted from (JSON of the query and filters, issue 14), so the list scores and
     * explains it against the same question; null for items added before it was kept.
     */
    queryJson: text('query_json'),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shortlistId, t.hospitalOrgId] })],
);
