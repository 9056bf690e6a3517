import { auditEvents, type DbHandle, users } from '@ctp/db';
import { cloneTestDatabase, createTestDatabase } from '@ctp/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { signIn } from '../auth/sign-in.ts';
import { signOut } from '../auth/sign-out.ts';
import { switchMembership } from '../auth/switch-membership.ts';
import type { Ctx } from '../context.ts';
import { DEMO_PASSWORD } from '../seed/demo-accounts.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { inTransaction } from '../transaction.ts';
import { createUser } from '../users/create-user.ts';
import { auditHash } from './audit-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { writeAuditEvent } from './write-audit-event.ts';

let database: DbHandle;

function ctxOf(overrides: Partial<Ctx> = {}): Ctx {
  return {
    actor: null,
    db: database.db,
    now: Date.now,
    requestId: 'test',
    locale: 'zh-CN',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    services: { loginThrottle: new LoginThrottle(), session: { idleMs: 3_600_000, absoluteMs: 43_200_000 } },
    ...overrides,
  };
}

const auditIds = () =>
  (database.sqlite.prepare('select id from audit_events order by id').all() as { id: number }[]).map((r) => r.id);

/** Runs several use-cases that each append audit rows: sign-in, role switch, user creation, sign-out. */
async function runUseCases() {
  const multi = await signIn({ ctx: ctxOf(), input: { email: 'multi@demo.ctp', password: DEMO_PASSWORD } });
  const sessionId = database.sqlite
    .prepare('select id from sessions where user_id = ? and revoked_at is null')
    .pluck()
    .get(multi.me.user.id) as string;
  const second = multi.me.memberships[1]!;
  switchMembership({
    ctx: ctxOf(),
    session: { sessionId, userId: multi.me.user.id },
    input: { membershipId: second.membershipId },
  });
  const admin = database.db.select().from(users).where(eq(users.email, 'admin@demo.ctp')).get()!;
  await createUser({
    ctx: ctxOf({
      actor: {
        userId: admin.id,
        email: admin.email,
        name: admin.name,
        sessionId: 'cli',
        membershipId: 'm',
        role: 'admin',
        orgId: 'org-platform',
        committeeId: null,
      },
    }),
    input: {
      email: 'new.user@demo.ctp',
      name: '新用户',
      password: 'a-long-password',
      memberships: [{ orgId: 'org-sponsor-zijin', role: 'sponsor' }],
    },
  });
  signOut({ ctx: ctxOf(), sessionId, userId: multi.me.user.id });
}

describe('verifyAuditChain', () => {
  // Seeding and the use-cases (scrypt) are slow: run them once, then give each case its own copy to tamper with.
  let seeded: DbHandle;
  let seededRows: number;
  beforeAll(async () => {
    seeded = createTestDatabase();
    await seedDemo({ db: seeded.db, ctx: { actor: null, now: Date.now, requestId: 'seed' }, withUsers: true });
    database = seeded;
    seededRows = auditCount(database);
    await runUseCases();
  });
  beforeEach(() => {
    database = cloneTestDatabase(seeded);
  });
  afterEach(() => database.sqlite.close());

  it('holds on an empty log', () => {
    const empty = createTestDatabase();
    expect(verifyAuditChain(empty.db)).toEqual({ ok: true, count: 0, headHash: '0'.repeat(64) });
    empty.sqlite.close();
  });

  it('holds after several use-cases and covers every row', () => {
    const actions = database.sqlite.prepare('select action from audit_events where id > ? order by id').pluck();
    expect(actions.all(seededRows)).toEqual(['auth.login', 'auth.switch_membership', 'user.create', 'auth.logout']);

    const verdict = verifyAuditChain(database.db);
    const head = database.sqlite.prepare('select hash from audit_events order by id desc limit 1').pluck().get();
    expect(verdict).toEqual({ ok: true, count: auditCount(database), headHash: head });
  });

  it('finds a row whose after_json was edited in place, and holds again once it is restored', () => {
    const ids = auditIds();
    const target = ids[ids.length - 2]!; // user.create, in the middle of the chain
    const original = database.sqlite.prepare('select after_json from audit_events where id = ?').pluck().get(target);
    const tamper = database.sqlite.prepare('update audit_events set after_json = ? where id = ?');

    tamper.run('{"email":"someone.else@demo.ctp"}', target);
    expect(verifyAuditChain(database.db)).toEqual({
      ok: false,
      count: ids.indexOf(target) + 1,
      brokenAt: target,
      reason: 'hash_mismatch',
    });

    tamper.run(original, target);
    expect(verifyAuditChain(database.db).ok).toBe(true);
  });

  it('finds an edit of a field that is not JSON (the actor)', () => {
    const target = auditIds()[2]!;
    database.sqlite.prepare('update audit_events set actor_user_id = ? where id = ?').run('someone-else', target);
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: target, reason: 'hash_mismatch' });
  });

  it('finds a row re-hashed to hide an edit at the next row, which still links to the old hash', () => {
    const ids = auditIds();
    const target = ids[2]!;
    const next = ids[3]!;
    const row = database.db.select().from(auditEvents).where(eq(auditEvents.id, target)).get()!;
    const { id: _id, prevHash, hash: _hash, ...fields } = row;
    const forged = { ...fields, afterJson: '{"forged":true}' };
    database.sqlite
      .prepare('update audit_events set after_json = ?, hash = ? where id = ?')
      .run(forged.afterJson, auditHash(prevHash, forged), target);
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: next, reason: 'prev_hash_mismatch' });
  });

  it('finds a deleted middle row at the next row, as a broken link', () => {
    const ids = auditIds();
    const deleted = ids[3]!;
    const next = ids[4]!;
    database.sqlite.prepare('delete from audit_events where id = ?').run(deleted);
    expect(verifyAuditChain(database.db)).toEqual({
      ok: false,
      count: 4,
      brokenAt: next,
      reason: 'prev_hash_mismatch',
    });
  });

  it('walks chains longer than one page and finds a break past the first page', () => {
    const ctx = { actor: null, now: Date.now, requestId: 'bulk' };
    inTransaction(database.db, (tx) => {
      for (let i = 0; i < 5_100; i++) {
        writeAuditEvent(tx, ctx, { action: 'organisation.update', entityType: 'organisation', entityId: `o${i}` });
      }
    });
    const total = auditCount(database);
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: true, count: total });

    const late = auditIds()[5_050]!;
    database.sqlite.prepare('update audit_events set entity_id = ? where id = ?').run('tampered', late);
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: late, reason: 'hash_mismatch' });
  });
});
