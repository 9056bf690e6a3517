import type { DbHandle } from '@ctp/db';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastAudit } from '../../../../test/helpers/db-counts.ts';
import { apiErrorOf, callerAs, createSeededDatabase, tableCounts } from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

const newUser = {
  email: 'New.Monitor@Example.CN',
  name: '新监查员',
  password: 'a-long-enough-password',
  memberships: [{ orgId: 'org-sponsor-zijin', role: 'sponsor' as const }],
};

describe('users.create', () => {
  it('creates the user, the membership and the audit row, and the user can sign in', async () => {
    const admin = callerAs(database, 'admin@demo.ctp');
    const adminId = admin.ctx.session!.userId;
    const before = tableCounts(database);

    const { id } = await admin.users.create(newUser);

    expect(tableCounts(database)).toEqual({
      ...before,
      users: before.users + 1,
      memberships: before.memberships + 1,
      auditEvents: before.auditEvents + 1,
    });
    expect(database.sqlite.prepare('select email, name from users where id = ?').get(id)).toEqual({
      email: 'new.monitor@example.cn',
      name: '新监查员',
    });
    expect(
      database.sqlite.prepare('select org_id, role, committee_id from memberships where user_id = ?').all(id),
    ).toEqual([{ org_id: 'org-sponsor-zijin', role: 'sponsor', committee_id: null }]);
    const audit = lastAudit(database);
    expect(audit).toMatchObject({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      actorUserId: adminId,
      role: 'admin',
    });
    expect(audit.afterJson).not.toContain(newUser.password);
    expect(audit.afterJson).not.toContain('scrypt');

    const me = await callerAs(database, null).auth.login({
      email: 'new.monitor@example.cn',
      password: newUser.password,
    });
    expect(me.active).toMatchObject({ role: 'sponsor', orgId: 'org-sponsor-zijin' });
  });

  it('binds an EC role to the hospital’s ethics committee', async () => {
    const { id } = await callerAs(database, 'admin@demo.ctp').users.create({
      ...newUser,
      memberships: [{ orgId: 'hosp-jsph', role: 'ec_member' }],
    });
    expect(database.sqlite.prepare('select committee_id from memberships where user_id = ?').pluck().get(id)).toBe(
      'ec-jsph',
    );
  });

  it.each(['site@demo.ctp', 'sponsor@demo.ctp', 'commission@demo.ctp', 'chair@demo.ctp'])(
    'refuses %s and changes nothing',
    async (email) => {
      const before = tableCounts(database);
      expect(await apiErrorOf(callerAs(database, email).users.create(newUser))).toMatchObject({
        trpcCode: 'FORBIDDEN',
        code: 'FORBIDDEN',
      });
      expect(tableCounts(database)).toEqual(before);
    },
  );

  it('refuses a taken e-mail, whatever its case, with EMAIL_TAKEN on the field and changes nothing', async () => {
    const before = tableCounts(database);
    const error = await apiErrorOf(
      callerAs(database, 'admin@demo.ctp').users.create({ ...newUser, email: 'SITE@demo.ctp' }),
      'en',
    );
    expect(error).toMatchObject({
      trpcCode: 'CONFLICT',
      code: 'CONFLICT',
      detail: 'EMAIL_TAKEN',
      message: 'This e-mail is already in use.',
      fieldErrors: [{ path: 'email', message: 'This e-mail is already in use.' }],
    });
    expect(tableCounts(database)).toEqual(before);
    // The existing account keeps its password.
    await expect(
      callerAs(database, null).auth.login({ email: 'site@demo.ctp', password: DEMO_PASSWORD }),
    ).resolves.toMatchObject({ user: { email: 'site@demo.ctp' } });
  });

  it('refuses a role that the organisation kind cannot hold, naming the field, and changes nothing', async () => {
    const before = tableCounts(database);
    const error = await apiErrorOf(
      callerAs(database, 'admin@demo.ctp').users.create({
        ...newUser,
        memberships: [
          { orgId: 'org-sponsor-zijin', role: 'sponsor' },
          { orgId: 'org-sponsor-zijin', role: 'site_admin' },
        ],
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      detail: 'ROLE_NOT_ALLOWED_FOR_ORG',
      fieldErrors: [{ path: 'memberships.1.role', message: '该角色不能属于此类机构。' }],
    });
    expect(tableCounts(database)).toEqual(before);
  });

  it('refuses an unknown organisation and changes nothing', async () => {
    const before = tableCounts(database);
    const error = await apiErrorOf(
      callerAs(database, 'admin@demo.ctp').users.create({
        ...newUser,
        memberships: [{ orgId: 'org-nowhere', role: 'sponsor' }],
      }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', detail: 'ORG_NOT_FOUND' });
    expect(tableCounts(database)).toEqual(before);
  });

  it('refuses invalid input field by field, before anything is written', async () => {
    const before = tableCounts(database);
    const error = await apiErrorOf(
      callerAs(database, 'admin@demo.ctp').users.create({ ...newUser, email: 'not-an-email', password: 'short' }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [
        { path: 'email', message: '请输入有效的邮箱地址' },
        { path: 'password', message: '至少 10 个字符' },
      ],
    });
    expect(tableCounts(database)).toEqual(before);
  });
});

describe('users.list', () => {
  it('lists every user with memberships to the admin only', async () => {
    const list = await callerAs(database, 'admin@demo.ctp').users.list();
    expect(list).toHaveLength(tableCounts(database).users);
    expect(list.find((u) => u.email === 'multi@demo.ctp')?.memberships.map((m) => m.role)).toEqual([
      'site_admin',
      'ec_member',
    ]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect(await apiErrorOf(callerAs(database, 'site@demo.ctp').users.list())).toMatchObject({ code: 'FORBIDDEN' });
  });
});
