import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEvents, type DbHandle } from '@ctp/db';
import { cloneTestDatabase, createTestDatabase } from '@ctp/db/testing';
import { asc, gte } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { inTransaction } from '../transaction.ts';
import { auditHash } from './audit-hash.ts';
import type { AuditHeadFiles } from './audit-head.ts';
import { AuditHeadError, AuditHeadKeeper, sealAuditHead } from './audit-head-keeper.ts';
import { verifyAudit } from './verify-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { writeAuditEvent } from './write-audit-event.ts';

let seeded: DbHandle;
let database: DbHandle;
let dir: string;
let files: AuditHeadFiles;
let caseNo = 0;

const one = <T>(query: string, ...params: unknown[]) =>
  database.sqlite
    .prepare(query)
    .pluck()
    .get(...params) as T;
const run = (query: string, ...params: unknown[]) => database.sqlite.prepare(query).run(...params);
const lastId = () => one<number>('select max(id) from audit_events');

/** Rewrites every row from `fromId` on with a consistent chain, as someone with the database (not the key) could. */
function rewriteAndRehash(fromId: number, change: (row: typeof auditEvents.$inferSelect) => Partial<typeof row>) {
  const rows = database.db.select().from(auditEvents).where(gte(auditEvents.id, fromId)).orderBy(asc(auditEvents.id));
  let prev = one<string>('select hash from audit_events where id < ? order by id desc limit 1', fromId);
  for (const row of rows.all()) {
    const { id, prevHash: _p, hash: _h, ...fields } = { ...row, ...(row.id === fromId ? change(row) : {}) };
    const hash = auditHash(prev, fields);
    run(
      'update audit_events set after_json = ?, prev_hash = ?, hash = ? where id = ?',
      fields.afterJson,
      prev,
      hash,
      id,
    );
    prev = hash;
  }
}

describe('verifyAudit: what the chain alone cannot show', () => {
  // The demo with its two years of history: every kind of audit row, and meeting and expedited votes among them.
  beforeAll(async () => {
    seeded = createTestDatabase();
    await seedDemo({
      db: seeded.db,
      ctx: { actor: null, now: Date.now, requestId: 'seed' },
      withUsers: true,
      withHistory: true,
    });
    dir = mkdtempSync(join(tmpdir(), 'ctp-audit-head-'));
  }, 120_000);
  afterAll(() => {
    seeded.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    database = cloneTestDatabase(seeded);
    caseNo++;
    files = { headFile: join(dir, `${caseNo}.head.json`), keyFile: join(dir, `${caseNo}.head.key`) };
    expect(sealAuditHead(database.db, files).ok).toBe(true);
  });
  afterEach(() => database.sqlite.close());

  it('passes an untampered database, checking the head and every vote, and keeps the key owner-only', () => {
    const votes = one<number>('select count(*) from submission_votes');
    expect(votes).toBeGreaterThan(3);
    const verdict = verifyAudit(database.db, { head: files });
    expect(verdict).toMatchObject({ ok: true, count: auditCount(database) });
    expect(verdict.ok && verdict.anchor?.id).toBe(lastId());
    expect(verdict.ok && verdict.votesChecked).toBe(votes);
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(files.headFile).mode & 0o777).toBe(0o600);
  });

  it('accepts rows written after the head (it lags commits), chained from it', () => {
    inTransaction(database.db, (tx) =>
      writeAuditEvent(
        tx,
        { actor: null, now: Date.now, requestId: 't' },
        {
          action: 'organisation.update',
          entityType: 'organisation',
          entityId: 'o1',
        },
      ),
    );
    expect(verifyAudit(database.db, { head: files }).ok).toBe(true);
  });

  it('catches the newest rows deleted: by the counter, and by the head when the counter is rewritten too', () => {
    const last = lastId();
    run('delete from audit_events where id > ?', last - 3);
    expect(verifyAuditChain(database.db).ok).toBe(true); // the chain alone holds
    expect(verifyAudit(database.db, { head: null })).toMatchObject({
      ok: false,
      reason: 'sequence_ahead',
      brokenAt: last - 2,
    });
    run("update sqlite_sequence set seq = ? where name = 'audit_events'", last - 3);
    expect(verifyAudit(database.db, { head: null }).ok).toBe(true); // only the head is left to tell
    expect(verifyAudit(database.db, { head: files })).toMatchObject({
      ok: false,
      reason: 'head_row_missing',
      brokenAt: last,
    });
  });

  it('catches every row deleted, with or without the counter', () => {
    const last = lastId();
    run('delete from audit_events');
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 0 });
    expect(verifyAudit(database.db, { head: files })).toMatchObject({ ok: false, reason: 'sequence_ahead' });
    run("delete from sqlite_sequence where name = 'audit_events'");
    expect(verifyAudit(database.db, { head: files })).toMatchObject({
      ok: false,
      reason: 'head_row_missing',
      brokenAt: last,
    });
  });

  it('catches a row rewritten and every later row re-hashed', () => {
    const target = lastId() - 10;
    rewriteAndRehash(target, () => ({ afterJson: '{"forged":true}' }));
    expect(verifyAuditChain(database.db).ok).toBe(true);
    expect(verifyAudit(database.db, { head: files })).toMatchObject({
      ok: false,
      reason: 'head_hash_mismatch',
      brokenAt: lastId(),
    });
  });

  it('catches a head file forged without the key, or removed', () => {
    const head = JSON.parse(readFileSync(files.headFile, 'utf8'));
    writeFileSync(files.headFile, JSON.stringify({ ...head, id: head.id - 5 }));
    expect(verifyAudit(database.db, { head: files })).toMatchObject({ ok: false, reason: 'head_signature_invalid' });
    rmSync(files.headFile);
    expect(verifyAudit(database.db, { head: files })).toMatchObject({ ok: false, reason: 'head_missing' });
  });

  it('catches a vote edited in its own table, a vote deleted and a vote inserted behind the application', () => {
    const vote = database.sqlite.prepare('select id, choice from submission_votes order by id limit 1').get() as {
      id: number;
      choice: string;
    };
    const other = vote.choice === 'approve' ? 'disapprove' : 'approve';
    run('update submission_votes set choice = ? where id = ?', other, vote.id);
    expect(verifyAuditChain(database.db).ok).toBe(true);
    expect(verifyAudit(database.db, { head: files })).toMatchObject({
      ok: false,
      reason: 'vote_checksum_mismatch',
      voteId: vote.id,
    });
    run('update submission_votes set choice = ? where id = ?', vote.choice, vote.id);
    expect(verifyAudit(database.db, { head: files }).ok).toBe(true); // the checksum covers the row exactly

    const row = database.sqlite.prepare('select * from submission_votes where id = ?').get(vote.id) as Record<
      string,
      unknown
    >;
    run('delete from submission_votes where id = ?', vote.id);
    expect(verifyAudit(database.db, { head: files })).toMatchObject({ ok: false, reason: 'vote_missing' });

    const columns = Object.keys(row).filter((c) => c !== 'id');
    run(
      `insert into submission_votes (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      ...columns.map((c) => (c === 'member_id' ? forgedMember(row) : row[c])),
    );
    expect(verifyAudit(database.db, { head: files })).toMatchObject({ ok: false, reason: 'vote_unaudited' });
  });
});

/** Another member of the same committee, who never voted on that item. */
function forgedMember(row: Record<string, unknown>): string {
  return one<string>(
    `select cm.id from committee_members cm join submissions s on s.committee_id = cm.committee_id
      where s.id = ? and cm.id not in (select member_id from submission_votes where submission_id = s.id) limit 1`,
    row.submission_id,
  );
}

describe('AuditHeadKeeper', () => {
  let kdir: string;
  const log = { errors: [] as string[], error: (_o: object, m: string) => log.errors.push(m), warn: () => {} };
  beforeEach(() => {
    kdir = mkdtempSync(join(tmpdir(), 'ctp-keeper-'));
    database = createTestDatabase();
    files = { headFile: join(kdir, 'head.json'), keyFile: join(kdir, 'head.key') };
  });
  afterEach(() => {
    database.sqlite.close();
    rmSync(kdir, { recursive: true, force: true });
  });
  const append = () =>
    inTransaction(database.db, (tx) =>
      writeAuditEvent(
        tx,
        { actor: null, now: Date.now, requestId: 'k' },
        {
          action: 'organisation.update',
          entityType: 'organisation',
          entityId: 'o',
        },
      ),
    );
  const headOnFile = () => JSON.parse(readFileSync(files.headFile, 'utf8')) as { id: number };

  it('writes the head after commits, never backwards, and refuses a start on a database that lost rows', async () => {
    const stale = `${files.headFile}.99999.pending`; // left by a process killed between write and rename
    writeFileSync(stale, '{"half":');
    const keeper = AuditHeadKeeper.start(database.db, files, { log, intervalMs: 60_000 });
    expect(existsSync(stale)).toBe(false);
    expect(headOnFile().id).toBe(0);
    for (let i = 0; i < 25; i++) append();
    await keeper.settle();
    expect(headOnFile().id).toBe(25);
    expect(verifyAudit(database.db, { head: files }).ok).toBe(true);

    run('delete from audit_events where id > 20');
    append(); // id 26 (the counter), chained from row 20: the chain holds, the head must not follow it down
    await keeper.settle();
    expect(headOnFile().id).toBe(26);
    run('delete from audit_events where id > 19');
    run("update sqlite_sequence set seq = 19 where name = 'audit_events'");
    append(); // id 20 again
    await keeper.settle();
    expect(headOnFile().id).toBe(26);
    expect(log.errors.join()).toMatch(/vanished/);
    await keeper.close();

    expect(() => AuditHeadKeeper.start(database.db, files, { log })).toThrow(AuditHeadError);
  });
});
