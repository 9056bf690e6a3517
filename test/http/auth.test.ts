import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-app.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 2;
const minutes = (n: number) => n * 60_000;

/** The server's clock, moved by the tests (sessions are judged by it; the login throttle keeps real time). */
let clock = Date.parse('2026-03-02T09:00:00+08:00');

let server: Server;
beforeAll(async () => {
  server = await startTestServer(
    { CTP_SESSION_IDLE_MINUTES: String(IDLE_MINUTES), CTP_SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS) },
    { now: () => clock },
  );
});
afterAll(() => server.close());

function post(path: string, input: unknown, headers: Record<string, string> = {}, base = server.url) {
  return fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
}

const me = (token: string | null, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/auth.me`, { headers: token ? { cookie: `ctp_session=${token}`, ...headers } : headers });

/** The `ctp_session` Set-Cookie of a response: its value and its attributes, lower-cased. */
function sessionCookie(res: Response): { value: string; attributes: string[] } | null {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('ctp_session='));
  if (!raw) return null;
  const [pair, ...attributes] = raw.split(';').map((p) => p.trim());
  return {
    value: decodeURIComponent(pair!.slice('ctp_session='.length)),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

async function signIn(email: string, opts: { cookie?: string; base?: string } = {}): Promise<string> {
  const res = await post(
    'auth.login',
    { email, password: DEMO_PASSWORD },
    opts.cookie ? { cookie: `ctp_session=${opts.cookie}` } : {},
    opts.base,
  );
  expect(res.status).toBe(200);
  const cookie = sessionCookie(res);
  if (!cookie?.value) throw new Error('no session cookie');
  return cookie.value;
}

type ErrorBody = {
  error: {
    json: { message: string; data: { httpStatus: number; ctp: { detail: string; retryAfterSeconds?: number } } };
  };
};

describe('sign-in over HTTP', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns who signed in', async () => {
    const res = await post('auth.login', { email: 'sponsor@demo.ctp', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      result: { data: { json: { user: { email: string }; active: { role: string } } } };
    };
    expect(body.result.data.json).toMatchObject({ user: { email: 'sponsor@demo.ctp' }, active: { role: 'sponsor' } });

    const cookie = sessionCookie(res);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    // Max-Age (relative) rather than Expires: a browser with a wrong clock keeps the session its full length.
    expect(cookie?.attributes).toContain(`max-age=${ABSOLUTE_HOURS * 3600}`);
    expect(cookie?.attributes).not.toContain('secure'); // CTP_SECURE_COOKIES is off in tests
  });

  it('answers auth.me for the cookie, and 401 without it', async () => {
    const token = await signIn('commission@demo.ctp');
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { result: { data: { json: { user: { email: string } } } } }).result.data.json.user.email,
    ).toBe('commission@demo.ctp');

    const anonymous = await me(null);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.json.message).toBe('请先登录。');
    expect((await me('not-a-real-token')).status).toBe(401);
  });

  it('rotates the session id at sign-in: the cookie sent along stops working', async () => {
    const first = await signIn('site@demo.ctp');
    const second = await signIn('site@demo.ctp', { cookie: first });
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it('signs out: the cookie is cleared and the old token no longer works', async () => {
    const token = await signIn('pi@demo.ctp');
    const res = await post('auth.logout', undefined, { cookie: `ctp_session=${token}` });
    expect(res.status).toBe(200);
    const cleared = sessionCookie(res);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes.find((a) => a.startsWith('expires='))).toContain('1970');
    expect((await me(token)).status).toBe(401);
  });

  it('speaks English when asked by header, Chinese by default', async () => {
    const wrong = { email: 'sponsor@demo.ctp', password: 'wrong-password' };
    const zh = await post('auth.login', wrong);
    const en = await post('auth.login', wrong, { 'x-ctp-locale': 'en' });
    const browserEn = await post('auth.login', wrong, { 'accept-language': 'en-GB,en;q=0.9' });
    expect([zh.status, en.status, browserEn.status]).toEqual([401, 401, 401]);
    expect(((await zh.json()) as ErrorBody).error.json.message).toBe('邮箱或密码不正确。');
    expect(((await en.json()) as ErrorBody).error.json.message).toBe('The e-mail or password is not correct.');
    expect(((await browserEn.json()) as ErrorBody).error.json.message).toBe('The e-mail or password is not correct.');
  });

  it('reports validation errors field by field in the asked language', async () => {
    const res = await post('auth.login', { email: '', password: 'x' }, { 'x-ctp-locale': 'en' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { json: { data: { ctp: unknown } } } }).error.json.data.ctp).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: 'email', message: 'This field is required' }],
    });
  });
});

describe('idle and absolute session expiry', () => {
  it('keeps an active session alive, ends an idle one, and ends any at the absolute limit', async () => {
    const signedInAt = clock;
    const idle = await signIn('ec@demo.ctp');
    const active = await signIn('member@demo.ctp');

    clock += minutes(IDLE_MINUTES - 1);
    expect((await me(idle)).status).toBe(200);
    expect((await me(active)).status).toBe(200);

    clock += minutes(IDLE_MINUTES - 1); // active again just in time: still alive
    expect((await me(active)).status).toBe(200);

    clock += minutes(2); // `idle` was last seen IDLE_MINUTES + 1 minutes ago
    expect((await me(idle)).status).toBe(401);
    expect((await me(active)).status).toBe(200);

    // Seen every 20 minutes, it lives until ABSOLUTE_HOURS after sign-in, and not a minute longer.
    const expiresAt = signedInAt + ABSOLUTE_HOURS * 3_600_000;
    while (clock + minutes(20) < expiresAt) {
      clock += minutes(20);
      expect((await me(active)).status).toBe(200);
    }
    clock = expiresAt + minutes(1);
    expect((await me(active)).status).toBe(401);
  });
});

describe('routing and origin checks', () => {
  it('serves the web app shell (or the not-built page) for client-side routes', async () => {
    const res = await fetch(`${server.url}/some/client/route`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect((await res.text()).toLowerCase()).toContain('<!doctype html>');
  });

  it('answers unknown API paths and files with 404, never the shell', async () => {
    const trpc = await fetch(`${server.url}/trpc/nope`);
    expect(trpc.status).toBe(404);
    expect(trpc.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/missing-file.js`)).status).toBe(404);
  });

  it('refuses a POST to /trpc from another origin, before signing anyone in', async () => {
    const login = { email: 'admin@demo.ctp', password: DEMO_PASSWORD };
    for (const origin of ['https://evil.example', 'null']) {
      const res = await post('auth.login', login, { origin });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(sessionCookie(res)).toBeNull();
    }
    const sameOrigin = await post('auth.login', login, { origin: server.url });
    expect(sameOrigin.status).toBe(200);
  });
});
