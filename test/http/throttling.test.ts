import type { DbHandle } from '@ctp/db';
import { DEFAULT_THROTTLE, DEMO_PASSWORD, sessionIdOf } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, startTestServer } from '../helpers/test-app.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type ErrorBody = {
  error: {
    json: { message: string; data: { httpStatus: number; ctp: { detail: string; retryAfterSeconds?: number } } };
  };
};

/** The server's clock (the sign-in backoff and the rate limit run on it), moved by the tests. */
let clock = Date.parse('2026-03-02T09:00:00+08:00');
let database: DbHandle;
beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(() => database.sqlite.close());

/** A server of its own (own throttle and counters) over the shared database. */
async function serve(env: Record<string, string> = {}) {
  return startTestServer(env, { database, now: () => clock });
}

function login(server: Server, email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { email, password } }),
  });
}

const sessionIp = (token: string) =>
  database.sqlite.prepare('select ip from sessions where id = ?').pluck().get(sessionIdOf(token)) as string | null;

const tokenOf = (res: Response) =>
  decodeURIComponent(
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('ctp_session='))
      ?.split(';')[0]
      ?.slice('ctp_session='.length) ?? '',
  );

describe('sign-in backoff per account and address (issue 12)', () => {
  let server: Server;
  // The test client is the proxy: its X-Forwarded-For names the client address.
  beforeAll(async () => {
    server = await serve({ CTP_TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('slows the guessing address with a localised 429, while the right password from elsewhere signs in', async () => {
    const attacker = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < DEFAULT_THROTTLE.freeFailures + 1; i++) {
      expect((await login(server, 'chair@demo.ctp', `guess-${i}`, attacker)).status).toBe(401);
    }
    const slowed = await login(server, 'chair@demo.ctp', 'guess-x', attacker);
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe(String(DEFAULT_THROTTLE.baseDelaySeconds));
    const body = (await slowed.json()) as ErrorBody;
    expect(body.error.json.message).toBe(`密码错误次数过多，请 ${DEFAULT_THROTTLE.baseDelaySeconds} 秒后再试。`);
    expect(body.error.json.data.ctp).toMatchObject({
      detail: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: DEFAULT_THROTTLE.baseDelaySeconds,
    });
    // Refused before the password is checked: the right one too, from the guessing address, in English when asked.
    const right = await login(server, 'chair@demo.ctp', DEMO_PASSWORD, { ...attacker, 'x-ctp-locale': 'en' });
    expect(right.status).toBe(429);
    expect(((await right.json()) as ErrorBody).error.json.message).toBe(
      `Too many wrong passwords. Please try again in ${DEFAULT_THROTTLE.baseDelaySeconds} seconds.`,
    );

    // The chair at the hospital signs in at once: no lock-out.
    expect((await login(server, 'chair@demo.ctp', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.20' })).status).toBe(
      200,
    );
    // And the guessing address may try again once the wait is over.
    clock += DEFAULT_THROTTLE.baseDelaySeconds * 1000;
    expect((await login(server, 'chair@demo.ctp', DEMO_PASSWORD, attacker)).status).toBe(200);
  });

  it('never refuses the other users behind one address (a hospital NAT) for failures of some', async () => {
    const nat = { 'x-forwarded-for': '192.0.2.50' };
    for (let i = 0; i < 12; i++) {
      const status = (await login(server, `nobody${i}@demo.ctp`, 'wrong-password', nat)).status;
      expect(status).toBe(401);
    }
    for (let i = 0; i < 8; i++) await login(server, 'member@demo.ctp', 'wrong-password', nat);
    expect((await login(server, 'site@demo.ctp', DEMO_PASSWORD, nat)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one, slowed included', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i < DEFAULT_THROTTLE.freeFailures + 2; i++)
        seen.push((await login(server, email, 'wrong-password', from)).status);
      return seen;
    };
    expect(await statuses('nobody-at-all@demo.ctp')).toEqual(await statuses('pi@demo.ctp'));
  });
});

describe('CTP_TRUST_PROXY decides whose X-Forwarded-For is believed', () => {
  it('with a hop count, a client cannot choose its address by forging the left of X-Forwarded-For', async () => {
    const server = await serve({ CTP_TRUST_PROXY: '1' });
    try {
      // The proxy (our socket) appended the real client, 198.51.100.7; the forged entries come before it.
      for (let i = 0; i < DEFAULT_THROTTLE.freeFailures + 1; i++) {
        const forged = { 'x-forwarded-for': `10.66.0.${i}, 198.51.100.7` };
        expect((await login(server, 'ec@demo.ctp', 'wrong-password', forged)).status).toBe(401);
      }
      const rotated = { 'x-forwarded-for': '10.66.1.1, 198.51.100.7' };
      expect((await login(server, 'ec@demo.ctp', 'wrong-password', rotated)).status).toBe(429);
      const res = await login(server, 'sponsor@demo.ctp', DEMO_PASSWORD, rotated);
      expect(sessionIpOf(res)).toBe('198.51.100.7');
    } finally {
      await server.close();
    }
  });

  it('with proxy addresses, only those proxies are believed; off, no one is', async () => {
    const trusted = await serve({ CTP_TRUST_PROXY: '127.0.0.1/32, 10.0.0.5' });
    const other = await serve({ CTP_TRUST_PROXY: '10.0.0.5' });
    const off = await serve({ CTP_TRUST_PROXY: 'false' });
    try {
      const xff = { 'x-forwarded-for': '198.51.100.8' };
      expect(sessionIpOf(await login(trusted, 'sponsor@demo.ctp', DEMO_PASSWORD, xff))).toBe('198.51.100.8');
      expect(sessionIpOf(await login(other, 'sponsor@demo.ctp', DEMO_PASSWORD, xff))).toBe('127.0.0.1');
      expect(sessionIpOf(await login(off, 'sponsor@demo.ctp', DEMO_PASSWORD, xff))).toBe('127.0.0.1');
    } finally {
      await Promise.all([trusted.close(), other.close(), off.close()]);
    }
  });
});

function sessionIpOf(res: Response): string | null {
  expect(res.status).toBe(200);
  return sessionIp(tokenOf(res));
}
