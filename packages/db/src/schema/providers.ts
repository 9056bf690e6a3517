import { PROVIDER_CATEGORIES, QUALIFICATION_KINDS } from '@ctp/contracts';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { shortlists } from './capacity.ts';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';
import { trials } from './trials.ts';

/**
 * The profile of a service provider (专业服务平台, issue 18), beside its `organisations` row (kind `provider`).
 * Lists are JSON arrays of contract codes; `version` counts every change (a stale update is refused).
 */
export const providerProfiles = sqliteTable('provider_profiles', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organisations.id),
  /** JSON array of PROVIDER_CATEGORIES. */
  categoriesJson: text('categories_json').notNull(),
  /** JSON array of NANJING_DISTRICTS served. */
  districtsJson: text('districts_json').notNull(),
  /** JSON array of THERAPEUTIC_AREAS. */
  areasJson: text('areas_json').notNull(),
  /** JSON array of {name, title?, phone?, email?}. */
  contactsJson: text('contacts_json').notNull(),
  summary: text('summary'),
  website: text('website'),
  /** Invented for the demo; the UI labels it. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

/** Qualifications (资质) with their certificate number and expiry date (a Beijing calendar date). */
export const providerQualifications = sqliteTable(
  'provider_qualifications',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: QUALIFICATION_KINDS }).notNull(),
    number: text('number').notNull(),
    issuedOn: text('issued_on'),
    expiresOn: text('expires_on').notNull(),
    scope: text('scope'),
  },
  (t) => [
    index('provider_qualifications_org_idx').on(t.orgId),
    index('provider_qualifications_expiry_idx').on(t.expiresOn),
  ],
);

/** Providers on a sponsor's shortlist, beside its hospitals (`shortlist_items`). */
export const shortlistProviders = sqliteTable(
  'shortlist_providers',
  {
    shortlistId: text('shortlist_id')
      .notNull()
      .references(() => shortlists.id),
    providerOrgId: text('provider_org_id')
      .notNull()
      .references(() => organisations.id),
    note: text('note'),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shortlistId, t.providerOrgId] })],
);

/** Which providers a trial uses, for which service, as its sponsor side recorded. */
export const trialProviders = sqliteTable(
  'trial_providers',
  {
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    providerOrgId: text('provider_org_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category', { enum: PROVIDER_CATEGORIES }).notNull(),
    linkedBy: text('linked_by').references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trialId, t.providerOrgId, t.category] }),
    index('trial_providers_provider_idx').on(t.providerOrgId),
  ],
);
