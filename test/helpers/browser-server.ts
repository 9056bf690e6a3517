import type { DbHandle } from '@ctp/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { sharedBrowser } from './browser.ts';
import { startTestServer } from './test-app.ts';

export type BrowserServer = { server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser };

/**
 * A seeded server on a free port, started once for the enclosing `describe` and closed after it (on `opts.database`
 * when given, else the seeded demo; on the clock `opts.now` when given, else the real one), and the worker's headless
 * Chromium (`sharedBrowser`), whose contexts opened by the file are closed after it.
 * Read `env.server` / `env.browser` inside the tests (they are set by the time a test runs).
 */
export function useBrowserServer(opts: { database?: () => Promise<DbHandle>; now?: () => number } = {}): BrowserServer {
  const env = {} as BrowserServer;
  beforeAll(async () => {
    env.server = await startTestServer({}, { database: await opts.database?.(), now: opts.now });
    env.browser = await sharedBrowser();
  }, 120_000); // seeding a database with 24 months of history takes seconds on a loaded machine
  afterAll(async () => {
    // The contexts this file opened (the browser itself serves the worker's next file).
    await Promise.all(env.browser?.contexts().map((context) => context.close()) ?? []);
    await env.server?.close();
  });
  return env;
}
