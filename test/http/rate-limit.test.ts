import { MAX_BATCH_CALLS } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, startTestServer } from '../helpers/test-app.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type CallResult = { error?: { json: { message: string; data: { httpStatus: number; ctp: { detail: string } } } } };

let database: DbHandle;
beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(() => database.sqlite.close());

async function signIn(server: Server, email: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('ctp_session='));
  return raw!.split(';')[0]!.slice('ctp_session='.length);
}

/** One HTTP request carrying `count` queries of `path` as a tRPC batch. */
function batch(
  server: Server,
  path: string,
  count: number,
  token: string | null,
  headers: Record<string, string> = {},
) {
  const paths = Array.from({ length: count }, () => path).join(',');
  return fetch(`${server.url}/trpc/${paths}?batch=1`, {
    headers: { ...(token ? { cookie: `ctp_session=${token}` } : {}), ...headers },
  });
}

describe('tRPC batch size (issue 12)', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({}, { database });
  });
  afterAll(() => server.close());

  it(`answers a batch of ${MAX_BATCH_CALLS} calls and refuses a larger one with a localised 400`, async () => {
    const token = await signIn(server, 'commission@demo.ctp');
    const ok = await batch(server, 'auth.me', MAX_BATCH_CALLS, token);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);

    const tooLarge = await batch(server, 'metrics.charts', MAX_BATCH_CALLS + 1, token);
    expect(tooLarge.status).toBe(400);
    const body = (await tooLarge.json()) as CallResult;
    expect(body.error?.json.data.ctp.detail).toBe('BATCH_TOO_LARGE');
    expect(body.error?.json.message).toBe(`一次请求包含的调用过多（最多 ${MAX_BATCH_CALLS} 个）。`);
  });
});

describe('API rate limit: each call counts, per signed-in user (issue 12)', () => {
  const PER_MINUTE = 10;
  let clock = Date.parse('2026-03-02T09:00:00+08:00');
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(
      { CTP_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE), CTP_TRUST_PROXY: '127.0.0.1' },
      { database, now: () => clock },
    );
  });
  afterAll(() => server.close());

  it('counts every call of a batch, refuses the excess with 429 and Retry-After, and forgives next minute', async () => {
    const nat = { 'x-forwarded-for': '192.0.2.80' };
    const token = await signIn(server, 'sponsor@demo.ctp', nat);
    const res = await batch(server, 'auth.me', 12, token, nat);
    expect(res.status).toBe(207); // some calls answered, some refused
    const results = (await res.json()) as CallResult[];
    const refused = results.filter((r) => r.error?.json.data.httpStatus === 429);
    expect(results.length - refused.length).toBe(PER_MINUTE);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.error?.json.data.ctp.detail).toBe('TOO_MANY_REQUESTS');
    expect(refused[0]?.error?.json.message).toMatch(/^请求过于频繁，请 \d+ 秒后再试。$/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);

    // Another user behind the same address is a separate caller.
    const colleague = await signIn(server, 'site@demo.ctp', nat);
    expect((await batch(server, 'auth.me', 5, colleague, nat)).status).toBe(200);

    clock += 60_000;
    expect((await batch(server, 'auth.me', 1, token, nat)).status).toBe(200);
  });

  it('counts signed-out calls per address, and the file routes too', async () => {
    const from = { 'x-forwarded-for': '198.51.100.90' };
    for (let i = 0; i < PER_MINUTE; i++) {
      expect((await fetch(`${server.url}/api/files/documents/x`, { headers: from })).status).toBe(401);
    }
    const refused = await fetch(`${server.url}/api/files/documents/x`, { headers: { ...from, 'x-ctp-locale': 'en' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many requests\. Please try again in \d+ seconds\.$/,
    );
    // Another address is not affected.
    const other = await fetch(`${server.url}/api/files/documents/x`, {
      headers: { 'x-forwarded-for': '198.51.100.91' },
    });
    expect(other.status).toBe(401);
  });
});
