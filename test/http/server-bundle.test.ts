import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '@ctp/db';
import { DEMO_PASSWORD } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBundle } from '../../apps/server/scripts/bundle.ts';
import {
  dataPaths,
  prepareDataDir,
  SERVER_BUNDLE,
  type ServerProcess,
  spawnServer,
} from '../helpers/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI_BUNDLE = join(ROOT, 'apps/server/dist/cli.mjs');

/**
 * `pnpm start` runs the esbuild bundle with plain node (issue 16: cold start). The files the sources find beside
 * themselves must still be found from apps/server/dist: the migrations (drizzle/, checked at every start), the
 * reference data (read at every start), the condition vocabulary (search), the web app. The database and the web
 * folder are given relative to the repository root, as the defaults are, so a root computed from the bundle's own
 * place would miss them. The demo is seeded in this process first (the seed with history takes a minute).
 */
describe('the built server bundle', () => {
  let dir: string;
  let server: ServerProcess;
  const index = '<!doctype html><html><body><div id="root">CTP bundle test</div></body></html>';

  beforeAll(async () => {
    await ensureServerBundle();
    dir = mkdtempSync(join(tmpdir(), 'ctp-bundle-'));
    await prepareDataDir(dir);
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'index.html'), index);
    server = await spawnServer(
      dir,
      {
        CTP_DB: relative(ROOT, dataPaths(dir).dbPath),
        CTP_WEB_DIST: relative(ROOT, join(dir, 'web')),
        // As deployed: request logging on, so the log line of each request is checked below.
        CTP_LOG_LEVEL: 'info',
      },
      120_000,
      SERVER_BUNDLE,
    );
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the web index, at / and at a client-side route', async () => {
    for (const path of ['/', '/search']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(index);
    }
  });

  it('checked the migrations of the database it was given, from drizzle/ beside the sources', () => {
    const journal = JSON.parse(readFileSync(join(ROOT, 'drizzle/meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const handle = openDatabase(dataPaths(dir).dbPath);
    try {
      const count = (sql: string) => (handle.sqlite.prepare(sql).get() as { n: number }).n;
      expect(count('select count(*) n from __drizzle_migrations')).toBe(journal.entries.length);
      expect(count('select count(*) n from specialty_catalogue')).toBeGreaterThan(0);
    } finally {
      closeDatabase(handle);
    }
  });

  it('signs a demo user in and searches over tRPC', async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'sponsor@demo.ctp', password: DEMO_PASSWORD } }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('ctp_session='))
      ?.split(';')[0];
    // The session cookie carries 256 random bits, base64url (43 characters).
    expect(cookie).toMatch(/^ctp_session=[A-Za-z0-9_-]{43}$/);
    const input = encodeURIComponent(JSON.stringify({ json: { q: '肺癌' } }));
    const search = await fetch(`${server.url}/trpc/sites.search?input=${input}`, { headers: { cookie: cookie! } });
    expect(search.status).toBe(200);
    const body = (await search.json()) as { result: { data: { json: { items: unknown[] } } } };
    expect(body.result.data.json.items.length).toBeGreaterThan(0);

    // One log line per request (issue 16: Fastify's two lines per request cost a tenth of a search's time), with
    // what an operator needs, and never the session cookie.
    const requestId = search.headers.get('x-request-id')!;
    // The line is written once the response has gone out, so it may follow the answer by a moment.
    for (let i = 0; i < 100 && !server.output().includes(requestId); i++) await new Promise((r) => setTimeout(r, 20));
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.includes(requestId))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: requestId,
      req: { method: 'GET', url: expect.stringMatching(/^\/trpc\/sites\.search\?input=/) },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(server.output()).not.toContain(cookie!.split('=')[1]);
  });

  it('the CLI bundle verifies the audit chain of that database', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI_BUNDLE, 'audit', 'verify'],
        { cwd: dir, env: { ...process.env, CTP_DB: dataPaths(dir).dbPath, CTP_LOG_LEVEL: 'silent' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
      );
    });
    expect(result.out).toMatch(/ok|intact|verified/i);
    expect(result.code).toBe(0);
  });
});
