import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestServer } from './test-app.ts';

export type BrowserServer = { server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser };

/**
 * A seeded server on a free port and a headless Chromium, started once for the enclosing `describe` and closed after
 * it. Read `env.server` / `env.browser` inside the tests (they are set by the time a test runs).
 */
export function useBrowserServer(): BrowserServer {
  const env = {} as BrowserServer;
  beforeAll(async () => {
    env.server = await startTestServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
