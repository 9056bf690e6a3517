import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '@ctp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBundle } from '../../apps/server/scripts/bundle.ts';
import { SERVER_BUNDLE, type ServerProcess, spawnServer } from '../helpers/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI_BUNDLE = join(ROOT, 'apps/server/dist/cli.mjs');

/**
 * `pnpm start` runs the esbuild bundle with plain node (issue 16: cold start). The files the sources find beside
 * themselves must still be found from apps/server/dist: the migrations (drizzle/), the reference data and demo
 * registries of the seed, the web app. The database and the web folder are given relative to the repository root,
 * as the defaults are, so a root computed from the bundle's own place would miss them.
 */
describe('the built server bundle', () => {
  let dir: string;
  let server: ServerProcess;
  const index = '<!doctype html><html><body><div id="root">CTP bundle test</div></body></html>';

  beforeAll(async () => {
    await ensureServerBundle();
    dir = mkdtempSync(join(tmpdir(), 'ctp-bundle-'));
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'index.html'), index);
    server = await spawnServer(
      dir,
      {
        CTP_DB: relative(ROOT, join(dir, 'ctp.sqlite')),
        CTP_WEB_DIST: relative(ROOT, join(dir, 'web')),
        // The demo seed reads its registry files and reference data from beside its sources.
        CTP_SEED_DEMO: 'true',
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

  it('migrated and seeded the database it was given, from the files beside the sources', () => {
    const journal = JSON.parse(readFileSync(join(ROOT, 'drizzle/meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(existsSync(join(dir, 'ctp.sqlite'))).toBe(true);
    const handle = openDatabase(join(dir, 'ctp.sqlite'));
    try {
      const count = (sql: string) => (handle.sqlite.prepare(sql).get() as { n: number }).n;
      expect(count('select count(*) n from __drizzle_migrations')).toBe(journal.entries.length);
      expect(count('select count(*) n from specialty_catalogue')).toBeGreaterThan(0);
      expect(count('select count(*) n from registry_trials')).toBeGreaterThan(0);
    } finally {
      closeDatabase(handle);
    }
  });

  it('signs a demo user in over tRPC', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'sponsor@demo.ctp', password: 'demo1234' } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ctp_session='))).toBe(true);
  });

  it('the CLI bundle verifies the audit chain of that database', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI_BUNDLE, 'audit', 'verify'],
        { cwd: dir, env: { ...process.env, CTP_DB: join(dir, 'ctp.sqlite'), CTP_LOG_LEVEL: 'silent' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
      );
    });
    expect(result.out).toMatch(/ok|intact|verified/i);
    expect(result.code).toBe(0);
  });
});
