import { meOutput } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { DEFAULT_THROTTLE, DEMO_PASSWORD, resolveSession } from '@ctp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiErrorOf,
  callerAs,
  callerWithToken,
  createSeededDatabase,
  tableCounts,
  testSession,
} from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

/** Signs in through the router as a browser would and returns the cookie token it was given. */
async function signInToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const anonymous = callerAs(database, null);
  await anonymous.auth.login({ email, password });
  const token = anonymous.cookies.at(-1);
  if (!token) throw new Error('no cookie was set');
  return token;
}

const isLive = (token: string) => resolveSession(database.db, token, Date.now(), testSession) !== null;

function auditRowsAfter(id: number) {
  return database.sqlite
    .prepare(
      'select id, action, entity_type, entity_id, actor_user_id, role, org_id, before_json, after_json from audit_events where id > ? order by id',
    )
    .all(id) as {
    id: number;
    action: string;
    entity_type: string;
    entity_id: string;
    actor_user_id: string | null;
    role: string | null;
    org_id: string | null;
    before_json: string | null;
    after_json: string | null;
  }[];
}
const lastAuditId = () => database.sqlite.prepare('select max(id) from audit_events').pluck().get() as number;
const userRow = (email: string) => database.sqlite.prepare('select * from users where email = ?').get(email);

describe('auth.login', () => {
  it('sets a cookie for a live session and returns who signed in, with memberships and the active one', async () => {
    const before = lastAuditId();
    const anonymous = callerAs(database, null);
    const me = await anonymous.auth.login({ email: 'site@demo.ctp', password: DEMO_PASSWORD });

    expect(anonymous.cookies).toHaveLength(1);
    const session = resolveSession(database.db, anonymous.cookies[0], Date.now(), testSession);
    expect(session?.userId).toBe(me.user.id);
    expect(session?.actor).toMatchObject({ role: 'site_admin', orgId: 'hosp-jsph' });

    expect(meOutput.parse(me)).toEqual(me);
    expect(me.user).toEqual({ id: expect.any(String), email: 'site@demo.ctp', name: '周机构' });
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]).toMatchObject({ role: 'site_admin', orgId: 'hosp-jsph', orgName: '江苏省人民医院' });
    expect(me.active).toEqual({
      role: 'site_admin',
      orgId: 'hosp-jsph',
      membershipId: me.memberships[0]!.membershipId,
    });

    expect(auditRowsAfter(before)).toMatchObject([
      {
        action: 'auth.login',
        entity_type: 'user',
        entity_id: me.user.id,
        actor_user_id: me.user.id,
        role: 'site_admin',
      },
    ]);
  });

  it('accepts the e-mail in any case and with surrounding spaces', async () => {
    const me = await callerAs(database, null).auth.login({ email: '  Site@Demo.CTP ', password: DEMO_PASSWORD });
    expect(me.user.email).toBe('site@demo.ctp');
  });

  it('gives the same error for a wrong password, an unknown e-mail and a disabled account, and changes nothing', async () => {
    const before = tableCounts(database);
    const anonymous = callerAs(database, null);
    const wrongPassword = await apiErrorOf(anonymous.auth.login({ email: 'site@demo.ctp', password: 'nope-nope' }));
    const unknownEmail = await apiErrorOf(anonymous.auth.login({ email: 'nobody@demo.ctp', password: DEMO_PASSWORD }));
    database.sqlite.prepare('update users set disabled_at = ? where email = ?').run(Date.now(), 'pi@demo.ctp');
    const disabled = await apiErrorOf(anonymous.auth.login({ email: 'pi@demo.ctp', password: DEMO_PASSWORD }));

    expect(wrongPassword).toMatchObject({
      trpcCode: 'UNAUTHORIZED',
      code: 'UNAUTHENTICATED',
      detail: 'INVALID_CREDENTIALS',
      message: '邮箱或密码不正确。',
    });
    expect(unknownEmail).toEqual(wrongPassword);
    expect(disabled).toEqual(wrongPassword);
    expect(anonymous.cookies).toEqual([]);
    expect(tableCounts(database)).toEqual(before);
  });

  it('reports validation errors field by field, in Chinese and in English', async () => {
    const zh = callerAs(database, null);
    const en = callerAs(database, null, { locale: 'en' });
    const input = { email: '', password: '' };

    expect(await apiErrorOf(zh.auth.login(input), zh.ctx.locale)).toMatchObject({
      trpcCode: 'BAD_REQUEST',
      code: 'VALIDATION',
      detail: 'VALIDATION_FAILED',
      message: '提交的内容有误，请检查标出的字段。',
      fieldErrors: [
        { path: 'email', message: '此项必填' },
        { path: 'password', message: '此项必填' },
      ],
    });
    expect(await apiErrorOf(en.auth.login(input), en.ctx.locale)).toMatchObject({
      code: 'VALIDATION',
      message: 'Some fields are not valid. Please check the marked fields.',
      fieldErrors: [
        { path: 'email', message: 'This field is required' },
        { path: 'password', message: 'This field is required' },
      ],
    });
  });
});

describe('auth.me', () => {
  it('matches the public contract {user, memberships[{role, orgId, orgName, …}], active}', async () => {
    const token = await signInToken('ec@demo.ctp');
    const me = await callerWithToken(database, token).auth.me();
    expect(me).toEqual({
      user: { id: expect.any(String), email: 'ec@demo.ctp', name: '孙秘书' },
      memberships: [
        {
          membershipId: expect.any(String),
          role: 'ec_secretary',
          orgId: 'hosp-jsph',
          orgName: '江苏省人民医院',
          orgNameEn: expect.any(String),
          committeeId: 'ec-jsph',
          committeeName: expect.stringContaining('伦理委员会'),
          committeeNameEn: expect.stringContaining('Ethics Committee'),
        },
      ],
      active: { role: 'ec_secretary', orgId: 'hosp-jsph', membershipId: me.memberships[0]!.membershipId },
    });
  });

  it('refuses a caller without a session', async () => {
    expect(await apiErrorOf(callerAs(database, null).auth.me())).toMatchObject({
      trpcCode: 'UNAUTHORIZED',
      detail: 'NOT_SIGNED_IN',
    });
  });
});

describe('auth.logout', () => {
  it('revokes the session, clears the cookie and writes the audit row', async () => {
    const token = await signInToken('pi@demo.ctp');
    const caller = callerWithToken(database, token);
    const before = lastAuditId();
    await caller.auth.logout();
    expect(isLive(token)).toBe(false);
    expect(caller.cookies).toEqual(['']);
    expect(auditRowsAfter(before)).toMatchObject([{ action: 'auth.logout' }]);
  });
});

describe('auth.switchMembership', () => {
  it('switches multi@demo.ctp to the other membership for this session and audits it', async () => {
    const token = await signInToken('multi@demo.ctp');
    const caller = callerWithToken(database, token);
    const me = await caller.auth.me();
    expect(me.memberships.map((m) => m.role)).toEqual(['site_admin', 'ec_member']);
    expect(me.active?.role).toBe('site_admin');
    const target = me.memberships[1]!;

    const before = lastAuditId();
    await expect(caller.auth.switchMembership({ membershipId: target.membershipId })).resolves.toEqual({ ok: true });

    // The next request of the same session acts in the new membership.
    const after = await callerWithToken(database, token).auth.me();
    expect(after.active).toEqual({ role: 'ec_member', orgId: target.orgId, membershipId: target.membershipId });
    const rows = auditRowsAfter(before);
    expect(rows).toMatchObject([
      {
        action: 'auth.switch_membership',
        entity_type: 'membership',
        entity_id: target.membershipId,
        actor_user_id: me.user.id,
        role: 'ec_member',
      },
    ]);
    expect(JSON.parse(rows[0]!.before_json!)).toEqual({ membershipId: me.memberships[0]!.membershipId });
  });

  it("refuses another user's membership and changes nothing", async () => {
    const siteMembership = (await callerWithToken(database, await signInToken('site@demo.ctp')).auth.me())
      .memberships[0]!;
    const token = await signInToken('multi@demo.ctp');
    const before = tableCounts(database);

    const error = await apiErrorOf(
      callerWithToken(database, token).auth.switchMembership({ membershipId: siteMembership.membershipId }),
    );
    expect(error).toMatchObject({ trpcCode: 'FORBIDDEN', code: 'FORBIDDEN', detail: 'NO_SUCH_MEMBERSHIP' });
    expect(tableCounts(database)).toEqual(before);
    expect((await callerWithToken(database, token).auth.me()).active?.role).toBe('site_admin');
  });
});

describe('auth.changePassword', () => {
  it('refuses a wrong current password with a field error, changing nothing but auditing the attempt', async () => {
    const token = await signInToken('pi@demo.ctp');
    const userBefore = userRow('pi@demo.ctp');
    const counts = tableCounts(database);
    const lastBefore = lastAuditId();
    const caller = callerWithToken(database, token, { locale: 'en' });

    const error = await apiErrorOf(
      caller.auth.changePassword({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' }),
      caller.ctx.locale,
    );
    expect(error).toMatchObject({
      trpcCode: 'BAD_REQUEST',
      code: 'VALIDATION',
      detail: 'WRONG_CURRENT_PASSWORD',
      fieldErrors: [{ path: 'currentPassword', message: 'The current password is not correct.' }],
    });
    expect(userRow('pi@demo.ctp')).toEqual(userBefore);
    expect(tableCounts(database)).toEqual({ ...counts, auditEvents: counts.auditEvents + 1 });
    const [row] = auditRowsAfter(lastBefore);
    expect(row).toMatchObject({ action: 'auth.password_change_failed', entity_type: 'user', role: 'investigator' });
    expect(JSON.parse(row!.after_json!)).toEqual({ reason: 'WRONG_CURRENT_PASSWORD', ip: '127.0.0.1' });
    expect(row!.after_json).not.toContain('not-the-password');
    expect(isLive(token)).toBe(true);
  });

  it('slows repeated wrong current passwords like sign-in (429, the right one too), auditing each miss', async () => {
    const caller = callerWithToken(database, await signInToken('pi@demo.ctp'));
    const before = lastAuditId();
    const attempt = (currentPassword: string) =>
      apiErrorOf(caller.auth.changePassword({ currentPassword, newPassword: 'a-brand-new-password' }));
    for (let i = 0; i < DEFAULT_THROTTLE.freeFailures + 1; i++) {
      expect((await attempt(`guess-${i}`)).detail).toBe('WRONG_CURRENT_PASSWORD');
    }
    const slowed = await attempt('guess-x');
    expect(slowed).toMatchObject({
      trpcCode: 'TOO_MANY_REQUESTS',
      code: 'RATE_LIMITED',
      detail: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: DEFAULT_THROTTLE.baseDelaySeconds,
      message: `密码错误次数过多，请 ${DEFAULT_THROTTLE.baseDelaySeconds} 秒后再试。`,
    });
    expect((await attempt(DEMO_PASSWORD)).detail).toBe('TOO_MANY_ATTEMPTS');
    const actions = auditRowsAfter(before).map((r) => r.action);
    expect(actions).toEqual(Array(DEFAULT_THROTTLE.freeFailures + 1).fill('auth.password_change_failed'));
  });

  it('refuses the current password as the new one', async () => {
    const caller = callerWithToken(database, await signInToken('pi@demo.ctp'));
    const error = await apiErrorOf(
      caller.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    );
    expect(error).toMatchObject({ detail: 'PASSWORD_REUSED', fieldErrors: [{ path: 'newPassword' }] });
  });

  it('changes the password, signs out the other sessions but not this one, and audits it', async () => {
    const here = await signInToken('pi@demo.ctp');
    const elsewhere = await signInToken('pi@demo.ctp');
    const other = await signInToken('site@demo.ctp');
    const before = lastAuditId();

    await callerWithToken(database, here).auth.changePassword({
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-brand-new-password',
    });

    expect(isLive(here)).toBe(true);
    expect(isLive(elsewhere)).toBe(false);
    expect(isLive(other)).toBe(true); // another user's session is untouched
    const rows = auditRowsAfter(before);
    expect(rows).toMatchObject([{ action: 'auth.password_change', entity_type: 'user' }]);
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ otherSessionsRevoked: 1 });
    expect(rows[0]!.after_json).not.toContain('scrypt');

    const anonymous = callerAs(database, null);
    expect(await apiErrorOf(anonymous.auth.login({ email: 'pi@demo.ctp', password: DEMO_PASSWORD }))).toMatchObject({
      detail: 'INVALID_CREDENTIALS',
    });
    await expect(
      anonymous.auth.login({ email: 'pi@demo.ctp', password: 'a-brand-new-password' }),
    ).resolves.toMatchObject({ user: { email: 'pi@demo.ctp' } });
  });
});

// The session reads are prepared once per database (issue 16): a session that was live a moment ago must still die at
// the very next lookup, whatever ended it.
describe('session lookup on a handle that has already resolved sessions', () => {
  it('refuses a revoked session, a disabled user and a revoked membership at the next request', async () => {
    const revoked = await signInToken('sponsor@demo.ctp');
    const disabled = await signInToken('pi@demo.ctp');
    const membershipGone = await signInToken('site@demo.ctp');
    for (const token of [revoked, disabled, membershipGone]) expect(isLive(token)).toBe(true);

    await callerWithToken(database, revoked).auth.logout();
    expect(isLive(revoked)).toBe(false);

    database.sqlite.prepare('update users set disabled_at = ? where email = ?').run(Date.now(), 'pi@demo.ctp');
    expect(isLive(disabled)).toBe(false);

    const before = resolveSession(database.db, membershipGone, Date.now(), testSession);
    expect(before?.actor).not.toBeNull();
    database.sqlite
      .prepare('update memberships set revoked_at = ? where id = ?')
      .run(Date.now(), before!.actor!.membershipId);
    expect(resolveSession(database.db, membershipGone, Date.now(), testSession)?.actor).toBeNull();
  });

  it('reads the membership switched to, not the one read before', async () => {
    const token = await signInToken('multi@demo.ctp');
    const first = resolveSession(database.db, token, Date.now(), testSession)!.actor!;
    const me = await callerWithToken(database, token).auth.me();
    const other = me.memberships.find((m) => m.membershipId !== first.membershipId)!;
    await callerWithToken(database, token).auth.switchMembership({ membershipId: other.membershipId });
    expect(resolveSession(database.db, token, Date.now(), testSession)!.actor!.membershipId).toBe(other.membershipId);
  });
});
