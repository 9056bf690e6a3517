import { request } from 'node:http';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-app.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A raw HTTP GET, to see the framing (fetch hides transfer encoding). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(`${server.url}${path}`, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const input = (v: unknown) => encodeURIComponent(JSON.stringify({ json: v }));

/**
 * tRPC answers are sent whole, with their length, in one write (apps/server/src/trpc-routes.ts; issue 16), and
 * otherwise exactly as tRPC's own Fastify adapter answers: status, errors, batches, cookies.
 */
describe('tRPC replies', () => {
  let cookie = '';
  it('signs in over POST and sets the session cookie on the reply', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'sponsor@demo.ctp', password: DEMO_PASSWORD } }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('ctp_session='))!
      .split(';')[0]!;
    expect(cookie).toMatch(/^ctp_session=.{20,}$/);
  });

  it('sends a search with its content length, not chunked', async () => {
    const res = await rawGet(`/trpc/sites.search?input=${input({ q: '肺癌' })}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { result: { data: { json: { total: number; items: unknown[] } } } };
    expect(body.result.data.json.items.length).toBeGreaterThan(0);
  });

  it('answers a batch with one result per call, in order', async () => {
    const batch = encodeURIComponent(JSON.stringify({ 0: { json: null }, 1: { json: { q: '鼓楼' } } }));
    const res = await rawGet(`/trpc/auth.me,sites.search?batch=1&input=${batch}`, { cookie });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { result: { data: { json: Record<string, unknown> } } }[];
    expect(body).toHaveLength(2);
    expect(body[0]!.result.data.json).toMatchObject({ user: { email: 'sponsor@demo.ctp' } });
    expect(body[1]!.result.data.json).toHaveProperty('items');
  });

  it('keeps the status and the localised error of a refused call', async () => {
    const res = await rawGet(`/trpc/sites.search?input=${input({ q: '肺癌' })}`, { 'accept-language': 'en' });
    expect(res.status).toBe(401);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    const body = JSON.parse(res.body) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe('UNAUTHORIZED');
  });

  it('refuses an unknown procedure with 404 and a bad input with 400', async () => {
    expect((await rawGet('/trpc/no.such', { cookie })).status).toBe(404);
    const bad = await rawGet(`/trpc/sites.search?input=${input({ limit: 'many' })}`, { cookie });
    expect(bad.status).toBe(400);
  });
});
