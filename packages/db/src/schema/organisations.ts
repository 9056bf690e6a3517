import { ALIAS_KINDS, HOSPITAL_LEVELS, HOSPITAL_TYPES, ORG_KINDS } from '@ctp/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Hospitals, sponsors, CROs, the commission and the platform itself (DESIGN §3). */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    /** Stable short code from the reference data (e.g. `jsph`); null for organisations created in the app. */
    code: text('code'),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    shortName: text('short_name'),
    /** City (南京市): registry name resolution links a location only when its city agrees (issue 13). */
    city: text('city'),
    district: text('district'),
    level: text('level', { enum: HOSPITAL_LEVELS }),
    hospitalType: text('hospital_type', { enum: HOSPITAL_TYPES }),
    parentUniversity: text('parent_university'),
    address: text('address'),
    lat: real('lat'),
    lon: real('lon'),
    nmpaDrugFilingNo: text('nmpa_drug_filing_no'),
    /** Calendar date (Asia/Shanghai) as YYYY-MM-DD. */
    nmpaDrugFilingDate: text('nmpa_drug_filing_date'),
    deviceFilingNo: text('device_filing_no'),
    phase1Beds: integer('phase1_beds'),
    phase1FilingDate: text('phase1_filing_date'),
    totalBeds: integer('total_beds'),
    /** Trial office (机构办) contact. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** When the site admin last confirmed the capacity profile; older than 90 days is "stale" in search. */
    capacityConfirmedAt: integer('capacity_confirmed_at'),
    /** True where numbers were invented for the demo; the UI labels them. */
    isDemoData: integer('is_demo_data', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_code_uq').on(t.code).where(sql`${t.code} is not null`),
    index('organisations_kind_idx').on(t.kind),
  ],
);

/** One hospital has many names (official, former, English, registry spellings); each alias maps to one org. */
export const organisationAliases = sqliteTable(
  'organisation_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    alias: text('alias').notNull(),
    /** Lower-cased, punctuation-free form used for matching. */
    aliasNorm: text('alias_norm').notNull(),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    source: text('source'),
    /** What sort of name: official, short, former, English, a registry spelling, learnt in the review queue. */
    kind: text('kind', { enum: ALIAS_KINDS }),
  },
  (t) => [
    uniqueIndex('organisation_aliases_norm_uq').on(t.aliasNorm),
    index('organisation_aliases_org_idx').on(t.orgId),
  ],
);

/** A hospital's ethics committee (伦理委员会). EC roles are memberships of the hospital bound to one committee. */
export const ethicsCommittees = sqliteTable(
  'ethics_committees',
  {
    id: text('id').primaryKey(),
    hospitalOrgId: text('hospital_org_id')
      .notNull()
      .references(() => organisations.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    registrationNo: text('registration_no'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('ethics_committees_hospital_idx').on(t.hospitalOrgId)],
);
