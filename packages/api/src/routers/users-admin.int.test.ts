import type { DbHandle } from '@ctp/db';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastAudit } from '../../../../test/helpers/db-counts.ts';
import {
  apiErrorOf,
  callerAs,
  callerWithToken,
  createSeededDatabase,
  tableCounts,
} from '../../../../test/helpers/test-app.ts';

/** The admin's user management (issue 14): search, edit, disable/enable, reset password. */
let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

const admin = () => callerAs(database, 'admin@demo.ctp');
const idOf = (email: string) =>
  database.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;
const signIn = (email: string, password = DEMO_PASSWORD) => callerAs(database, null).auth.login({ email, password });
/** A real session of the user, as a browser holds it (a cookie token). */
async function sessionOf(email: string) {
  const anon = callerAs(database, null);
  await anon.auth.login({ email, password: DEMO_PASSWORD });
  return anon.cookies.at(-1)!;
}
const liveMemberships = (userId: string) =>
  database.sqlite
    .prepare('select org_id, role from memberships where user_id = ? and revoked_at is null order by org_id, role')
    .all(userId);

describe('users.list search', () => {
  it('finds by part of the name or e-mail, case-insensitively, and by status; % is literal', async () => {
    const byEmail = await admin().users.list({ q: 'SPONSOR@' });
    expect(byEmail.map((u) => u.email)).toEqual(['sponsor@demo.ctp']);
    const name = database.sqlite.prepare("select name from users where email = 'pi@demo.ctp'").pluck().get() as string;
    expect((await admin().users.list({ q: name.slice(1) })).map((u) => u.email)).toContain('pi@demo.ctp');
    expect(await admin().users.list({ q: '%' })).toEqual([]);
    await admin().users.setDisabled({ userId: idOf('pi@demo.ctp'), disabled: true });
    expect((await admin().users.list({ status: 'disabled' })).map((u) => u.email)).toEqual(['pi@demo.ctp']);
    expect((await admin().users.list({ status: 'active' })).map((u) => u.email)).not.toContain('pi@demo.ctp');
  });
});

describe('users.setDisabled', () => {
  it('disables: the user cannot sign in, their live sessions end, one audit row; enabling lets them back', async () => {
    const token = await sessionOf('site@demo.ctp');
    expect(() => callerWithToken(database, token)).not.toThrow();
    const userId = idOf('site@demo.ctp');

    await admin().users.setDisabled({ userId, disabled: true });

    expect(() => callerWithToken(database, token)).toThrow('no live session');
    expect(
      database.sqlite
        .prepare('select count(*) from sessions where user_id = ? and revoked_at is null')
        .pluck()
        .get(userId),
    ).toBe(0);
    expect(await apiErrorOf(signIn('site@demo.ctp'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(lastAudit(database)).toMatchObject({
      action: 'user.disable',
      entityType: 'user',
      entityId: userId,
      role: 'admin',
    });
    expect(lastAudit(database).after).toEqual({ disabled: true, sessionsEnded: 1 });

    await admin().users.setDisabled({ userId, disabled: false });
    expect(lastAudit(database)).toMatchObject({ action: 'user.enable', entityId: userId });
    await expect(signIn('site@demo.ctp')).resolves.toMatchObject({ user: { email: 'site@demo.ctp' } });
  });

  it('refuses disabling twice, and an admin disabling themselves, and changes nothing', async () => {
    const userId = idOf('sponsor@demo.ctp');
    await admin().users.setDisabled({ userId, disabled: true });
    const before = tableCounts(database);
    expect(await apiErrorOf(admin().users.setDisabled({ userId, disabled: true }), 'en')).toMatchObject({
      code: 'CONFLICT',
      detail: 'USER_ALREADY_DISABLED',
      message: 'This user is already disabled.',
    });
    expect(
      await apiErrorOf(admin().users.setDisabled({ userId: idOf('admin@demo.ctp'), disabled: true })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'CANNOT_CHANGE_OWN_ACCOUNT' });
    expect(await apiErrorOf(admin().users.setDisabled({ userId: 'nobody', disabled: true }))).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'USER_NOT_FOUND',
    });
    expect(tableCounts(database)).toEqual(before);
  });

  it.each(['site@demo.ctp', 'sponsor@demo.ctp', 'commission@demo.ctp', 'chair@demo.ctp'])(
    'refuses %s on every user mutation and changes nothing',
    async (email) => {
      const userId = idOf('pi@demo.ctp');
      const caller = callerAs(database, email);
      const before = tableCounts(database);
      for (const call of [
        caller.users.setDisabled({ userId, disabled: true }),
        caller.users.resetPassword({ userId }),
        caller.users.update({ userId, name: 'x', memberships: [{ orgId: 'hosp-jsph', role: 'investigator' }] }),
        caller.users.list({ q: 'a' }),
      ]) {
        expect(await apiErrorOf(call)).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(tableCounts(database)).toEqual(before);
    },
  );
});

describe('users.resetPassword', () => {
  it('returns a one-time temporary password that signs in, the old one fails, sessions end, the audit omits it', async () => {
    const token = await sessionOf('pi@demo.ctp');
    const userId = idOf('pi@demo.ctp');

    const { temporaryPassword } = await admin().users.resetPassword({ userId });

    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(() => callerWithToken(database, token)).toThrow('no live session');
    expect(await apiErrorOf(signIn('pi@demo.ctp'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(signIn('pi@demo.ctp', temporaryPassword)).resolves.toMatchObject({ user: { email: 'pi@demo.ctp' } });
    const audit = lastAudit(database, 'user.reset_password');
    expect(audit).toMatchObject({ entityId: userId, role: 'admin' });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    // A second reset gives a different password.
    expect((await admin().users.resetPassword({ userId })).temporaryPassword).not.toBe(temporaryPassword);
  });

  it('refuses the admin’s own password (use the profile page)', async () => {
    const before = tableCounts(database);
    expect(await apiErrorOf(admin().users.resetPassword({ userId: idOf('admin@demo.ctp') }))).toMatchObject({
      detail: 'CANNOT_CHANGE_OWN_ACCOUNT',
    });
    expect(tableCounts(database)).toEqual(before);
  });
});

describe('users.update', () => {
  it('renames, revokes a left-out membership (ending sessions acting in it), adds one, audits before/after', async () => {
    const userId = idOf('multi@demo.ctp');
    expect(liveMemberships(userId)).toEqual([
      { org_id: 'hosp-njglyy', role: 'ec_member' },
      { org_id: 'hosp-njglyy', role: 'site_admin' },
    ]);
    const token = await sessionOf('multi@demo.ctp'); // acting as site_admin (the first membership)

    await admin().users.update({
      userId,
      name: '  新名字 ',
      memberships: [
        { orgId: 'hosp-njglyy', role: 'ec_member' },
        { orgId: 'hosp-njglyy', role: 'investigator' },
      ],
    });

    expect(database.sqlite.prepare('select name from users where id = ?').pluck().get(userId)).toBe('新名字');
    expect(liveMemberships(userId)).toEqual([
      { org_id: 'hosp-njglyy', role: 'ec_member' },
      { org_id: 'hosp-njglyy', role: 'investigator' },
    ]);
    expect(() => callerWithToken(database, token)).toThrow('no live session');
    const audit = lastAudit(database);
    expect(audit).toMatchObject({ action: 'user.update', entityId: userId });
    expect(audit.after).toMatchObject({
      name: '新名字',
      revoked: [{ orgId: 'hosp-njglyy', role: 'site_admin' }],
      added: [{ orgId: 'hosp-njglyy', role: 'investigator' }],
      sessionsEnded: 1,
    });
    expect(audit.before).toMatchObject({ name: expect.any(String) });

    // Adding the revoked one back revives the same row (the unique org × role pair), not a twin.
    const rows = tableCounts(database).memberships;
    await admin().users.update({
      userId,
      name: '新名字',
      memberships: [{ orgId: 'hosp-njglyy', role: 'site_admin' }],
    });
    expect(tableCounts(database).memberships).toBe(rows);
    expect(liveMemberships(userId)).toEqual([{ org_id: 'hosp-njglyy', role: 'site_admin' }]);
  });

  it('writes nothing when nothing changes', async () => {
    const userId = idOf('sponsor@demo.ctp');
    const [u] = await admin().users.list({ q: 'sponsor@demo.ctp' });
    const before = tableCounts(database);
    const result = await admin().users.update({
      userId,
      name: u!.name,
      memberships: u!.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
    });
    expect(result.changed).toBe(false);
    expect(tableCounts(database)).toEqual(before);
  });

  it('refuses an invalid role for the organisation, a duplicate pair, an empty name, and the admin dropping their own admin role', async () => {
    const userId = idOf('sponsor@demo.ctp');
    const before = tableCounts(database);
    expect(
      await apiErrorOf(
        admin().users.update({ userId, name: 'x', memberships: [{ orgId: 'org-sponsor-zijin', role: 'ec_member' }] }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      detail: 'ROLE_NOT_ALLOWED_FOR_ORG',
      fieldErrors: [{ path: 'memberships.0.role' }],
    });
    expect(
      await apiErrorOf(
        admin().users.update({
          userId,
          name: 'x',
          memberships: [
            { orgId: 'org-sponsor-zijin', role: 'sponsor' },
            { orgId: 'org-sponsor-zijin', role: 'sponsor' },
          ],
        }),
        'en',
      ),
    ).toMatchObject({ detail: 'DUPLICATE_MEMBERSHIP', fieldErrors: [{ path: 'memberships.1.role' }] });
    expect(
      await apiErrorOf(
        admin().users.update({ userId, name: '   ', memberships: [{ orgId: 'org-sponsor-zijin', role: 'sponsor' }] }),
      ),
    ).toMatchObject({ code: 'VALIDATION', fieldErrors: [{ path: 'name' }] });
    expect(
      await apiErrorOf(
        admin().users.update({
          userId: idOf('admin@demo.ctp'),
          name: 'x',
          memberships: [{ orgId: 'org-sponsor-zijin', role: 'sponsor' }],
        }),
      ),
    ).toMatchObject({ detail: 'CANNOT_CHANGE_OWN_ACCOUNT' });
    expect(tableCounts(database)).toEqual(before);
  });
});
