import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type Db, type DbHandle, migrateDatabase, openDatabase } from './client.ts';
import * as schema from './schema/index.ts';
import { organisations, submissions, trialSiteEnrolment, trialSites, trials, users } from './schema/index.ts';

/** A fresh in-memory database migrated from `drizzle/`, for integration tests. */
export function createTestDatabase(): DbHandle {
  const handle = openDatabase(':memory:');
  migrateDatabase(handle);
  return handle;
}

/**
 * An independent in-memory copy of a database (schema, data, FTS tables), so a test can seed once and give every
 * case its own copy in a millisecond instead of seeding again.
 */
export function cloneTestDatabase(source: DbHandle): DbHandle {
  return databaseFromBytes(source.sqlite.serialize());
}

/**
 * An in-memory database from the bytes of a serialised one (`sqlite.serialize()`, or a template file written by
 * another test process), so a seeded template can be shared between test files instead of seeded by each.
 */
export function databaseFromBytes(bytes: Buffer): DbHandle {
  const sqlite = new Database(bytes);
  sqlite.pragma('foreign_keys = ON');
  return { db: drizzle(sqlite, { schema }), sqlite, path: ':memory:' };
}

/*
 * Row factories for tests that need a record in a given state without walking the workflow that makes it (an
 * approval already expired, a hospital outside the demo). Each inserts one row with plausible defaults, takes any
 * column as an override and returns the stored row. Creating records as users do stays the job of the use-cases.
 */

type NewRow<T extends { $inferInsert: unknown }> = T['$inferInsert'];
let sequence = 0;
/** A readable id unique within the test process: `hosp-test-3`. */
const testId = (prefix: string) => `${prefix}-test-${++sequence}`;

export function makeUser(db: Db, overrides: Partial<NewRow<typeof users>> = {}) {
  const id = overrides.id ?? testId('user');
  return db
    .insert(users)
    .values({
      id,
      email: `${id}@test.ctp`,
      name: '测试用户',
      passwordHash: 'not-a-password-hash',
      passwordChangedAt: 0,
      createdAt: 0,
      updatedAt: 0,
      ...overrides,
    })
    .returning()
    .get();
}

export function makeHospital(db: Db, overrides: Partial<NewRow<typeof organisations>> = {}) {
  const id = overrides.id ?? testId('hosp');
  return db
    .insert(organisations)
    .values({
      id,
      kind: 'hospital',
      nameZh: `测试医院 ${id}`,
      city: '南京市',
      level: '三级甲等',
      createdAt: 0,
      updatedAt: 0,
      ...overrides,
    })
    .returning()
    .get();
}

/** A trial of `sponsorOrgId` created by `createdBy` (both must exist). */
export function makeTrial(
  db: Db,
  overrides: Partial<NewRow<typeof trials>> & Pick<NewRow<typeof trials>, 'sponsorOrgId' | 'createdBy'>,
) {
  return db
    .insert(trials)
    .values({
      id: testId('trial'),
      type: 'drug',
      phase: 'III',
      titleZh: '一项测试用的随机对照研究',
      conditionsJson: JSON.stringify(['高血压']),
      targetEnrolment: 100,
      createdAt: 0,
      updatedAt: 0,
      ...overrides,
    })
    .returning()
    .get();
}

/** A site of a trial at one of a hospital's specialties, selected. */
export function makeTrialSite(
  db: Db,
  overrides: Partial<NewRow<typeof trialSites>> &
    Pick<NewRow<typeof trialSites>, 'trialId' | 'hospitalOrgId' | 'hospitalSpecialtyId'>,
) {
  return db
    .insert(trialSites)
    .values({ id: testId('site'), state: 'selected', stateChangedAt: 0, createdAt: 0, updatedAt: 0, ...overrides })
    .returning()
    .get();
}

/**
 * A month of a site's enrolment counts as the site records them (screened defaults to enrolled, no screen failure or
 * withdrawal); `recordedBy` must be an existing user.
 */
export function makeEnrolment(
  db: Db,
  overrides: Partial<NewRow<typeof trialSiteEnrolment>> &
    Pick<NewRow<typeof trialSiteEnrolment>, 'trialSiteId' | 'month' | 'enrolled' | 'recordedBy'>,
) {
  return db
    .insert(trialSiteEnrolment)
    .values({ screened: overrides.enrolled, screenFailures: 0, withdrawn: 0, recordedAt: 0, ...overrides })
    .returning()
    .get();
}

/** An initial-review submission of a trial site (its trial read from the site) to `committeeId`, in draft. */
export function makeSubmission(
  db: Db,
  overrides: Partial<NewRow<typeof submissions>> &
    Pick<NewRow<typeof submissions>, 'trialSiteId' | 'committeeId' | 'createdBy'>,
) {
  const site = db
    .select({ trialId: trialSites.trialId })
    .from(trialSites)
    .where(eq(trialSites.id, overrides.trialSiteId))
    .get();
  if (!site && !overrides.trialId) throw new Error(`makeSubmission: no trial site ${overrides.trialSiteId}`);
  return db
    .insert(submissions)
    .values({
      id: testId('sub'),
      trialId: site?.trialId ?? (overrides.trialId as string),
      type: 'initial',
      state: 'draft',
      createdAt: 0,
      updatedAt: 0,
      ...overrides,
    })
    .returning()
    .get();
}
