import type { DbHandle } from '@ctp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

describe('audit router', () => {
  let database: DbHandle;
  let siteUserId: string;
  let multiUserId: string;

  beforeAll(async () => {
    database = await createSeededDatabase();
    // A few events by different actors about different entities.
    const multi = callerAs(database, 'multi@demo.ctp');
    const me = await multi.auth.me();
    multiUserId = me.user.id;
    await multi.auth.switchMembership({ membershipId: me.memberships[1]!.membershipId });
    await multi.auth.switchMembership({ membershipId: me.memberships[0]!.membershipId });
    siteUserId = (await callerAs(database, 'site@demo.ctp').auth.me()).user.id;
    await callerAs(database, 'site@demo.ctp').auth.switchMembership({
      membershipId: (await callerAs(database, 'site@demo.ctp').auth.me()).memberships[0]!.membershipId,
    });
  });
  afterAll(() => database.sqlite.close());

  const rowsWhere = (where: string, ...params: unknown[]) =>
    database.sqlite
      .prepare(`select id from audit_events ${where} order by id desc`)
      .pluck()
      .all(...params) as number[];

  it.each(['sponsor@demo.ctp', 'commission@demo.ctp', 'site@demo.ctp', 'chair@demo.ctp'])(
    'refuses %s the list and the verification',
    async (email) => {
      const caller = callerAs(database, email);
      expect(await apiErrorOf(caller.audit.list({}))).toMatchObject({ trpcCode: 'FORBIDDEN', code: 'FORBIDDEN' });
      expect(await apiErrorOf(caller.audit.verify())).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  it('lists every event to the admin, newest first', async () => {
    const { items, nextCursor } = await callerAs(database, 'admin@demo.ctp').audit.list({ limit: 200 });
    expect(items.map((e) => e.id)).toEqual(rowsWhere(''));
    expect(nextCursor).toBeNull();
    const newest = items[0]!;
    expect(newest).toMatchObject({
      action: 'auth.switch_membership',
      actorUserId: siteUserId,
      actorEmail: 'site@demo.ctp',
      actorName: '周机构',
      role: 'site_admin',
    });
    expect(newest.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newest.after).toEqual(expect.objectContaining({ role: 'site_admin' }));
  });

  it('names each row’s record in both languages: the user, the membership’s holder and organisation', async () => {
    const { items } = await callerAs(database, 'admin@demo.ctp').audit.list({ limit: 200 });
    const switched = items.find((e) => e.action === 'auth.switch_membership' && e.actorEmail === 'site@demo.ctp')!;
    expect(switched.entityType).toBe('membership');
    expect(switched.entityName).toEqual({
      zh: '周机构 · 江苏省人民医院',
      en: expect.stringMatching(/^周机构 · Jiangsu Province Hospital/),
    });
    const created = await callerAs(database, 'sponsor@demo.ctp').trials.create({
      titleZh: '审计命名试验',
      titleEn: 'Audit naming trial',
      type: 'drug',
      phase: 'II',
      conditions: ['高血压'],
      targetEnrolment: 10,
    });
    const trialRow = (
      await callerAs(database, 'admin@demo.ctp').audit.list({ entityType: 'trial', entityId: created.id })
    ).items[0]!;
    expect(trialRow.entityName).toEqual({ zh: '审计命名试验', en: 'Audit naming trial' });
    // A record with nothing to name it by keeps null (the page shows the short id).
    const seeded = items.find((e) => e.entityType === 'system');
    if (seeded) expect(seeded.entityName).toBeNull();
  });

  it('filters by actor', async () => {
    const { items } = await callerAs(database, 'admin@demo.ctp').audit.list({ actorUserId: multiUserId });
    expect(items.map((e) => e.id)).toEqual(rowsWhere('where actor_user_id = ?', multiUserId));
    expect(items).toHaveLength(2);
    expect(items.every((e) => e.actorEmail === 'multi@demo.ctp')).toBe(true);
  });

  it('filters by entity', async () => {
    const me = await callerAs(database, 'multi@demo.ctp').auth.me();
    const entityId = me.memberships[1]!.membershipId;
    const { items } = await callerAs(database, 'admin@demo.ctp').audit.list({ entityType: 'membership', entityId });
    expect(items.map((e) => e.id)).toEqual(
      rowsWhere('where entity_type = ? and entity_id = ?', 'membership', entityId),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ entityType: 'membership', entityId, role: 'ec_member' });
  });

  it('filters by action and pages with a cursor without overlap', async () => {
    const admin = callerAs(database, 'admin@demo.ctp');
    const all = rowsWhere('where action = ?', 'auth.switch_membership');
    expect(all).toHaveLength(3);
    const first = await admin.audit.list({ action: 'auth.switch_membership', limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual(all.slice(0, 2));
    expect(first.nextCursor).toBe(all[1]);
    const second = await admin.audit.list({ action: 'auth.switch_membership', limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.id)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('verifies the chain for the admin', async () => {
    const count = auditCount(database);
    expect(await callerAs(database, 'admin@demo.ctp').audit.verify()).toMatchObject({ ok: true, count });
  });

  it("the admin's verify sees the newest events deleted, which the chain alone does not", async () => {
    const own = await createSeededDatabase();
    const last = own.sqlite.prepare('select max(id) from audit_events').pluck().get() as number;
    own.sqlite.prepare('delete from audit_events where id > ?').run(last - 2);
    expect(await callerAs(own, 'admin@demo.ctp').audit.verify()).toMatchObject({
      ok: false,
      reason: 'sequence_ahead',
      brokenAt: last - 1,
    });
    own.sqlite.close();
  });
});
