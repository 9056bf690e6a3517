import { BASE_STATUSES } from '@ctp/contracts';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';
import { trials } from './trials.ts';

/** 医研企协同创新基地 (issue 18). `version` counts every change; each change leaves a row in `base_versions`. */
export const bases = sqliteTable(
  'bases',
  {
    id: text('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    leadOrgId: text('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    /** JSON array of BASE_FOCUS_AREAS. */
    focusJson: text('focus_json').notNull(),
    foundedOn: text('founded_on').notNull(),
    status: text('status', { enum: BASE_STATUSES }).notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    summary: text('summary'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('bases_status_idx').on(t.status)],
);

export const baseMembers = sqliteTable(
  'base_members',
  {
    baseId: text('base_id')
      .notNull()
      .references(() => bases.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The member's own part, kept by the member. */
    note: text('note'),
    contact: text('contact'),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseId, t.orgId] }), index('base_members_org_idx').on(t.orgId)],
);

export const baseTrials = sqliteTable(
  'base_trials',
  {
    baseId: text('base_id')
      .notNull()
      .references(() => bases.id),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    linkedBy: text('linked_by').references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseId, t.trialId] }), index('base_trials_trial_idx').on(t.trialId)],
);

/** Every version of a base as it was after a change: who, when, and the whole record (members included). */
export const baseVersions = sqliteTable(
  'base_versions',
  {
    baseId: text('base_id')
      .notNull()
      .references(() => bases.id),
    version: integer('version').notNull(),
    snapshotJson: text('snapshot_json').notNull(),
    changedBy: text('changed_by').references(() => users.id),
    changedAt: integer('changed_at').notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.baseId, t.version] })],
);
