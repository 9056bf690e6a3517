import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';

/** Paths of the scripts a page requests from now on. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

const chunk = (scripts: string[], name: string) => scripts.some((s) => s.startsWith(`/assets/${name}-`));

describe('lazy routes (issue 16)', () => {
  const env = useBrowserServer();

  it('signs in from a first load that carries neither the signed-in frame, English, nor the charts', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const scripts = scriptsOf(page);
    await page.goto(`${env.server.url}/login`);
    await page.getByTestId('login-submit').waitFor();
    await page.waitForLoadState('networkidle');
    expect(chunk(scripts, 'LoginPage')).toBe(true);
    for (const name of ['AppLayout', 'en', 'echarts', 'SearchPage']) expect(chunk(scripts, name), name).toBe(false);

    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    expect(chunk(scripts, 'AppLayout')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a page by its URL with its code fetched beside the session check, and no chart code on search', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();

    const fresh = await context.newPage();
    const started: { path: string; at: number }[] = [];
    fresh.on('request', (r) => started.push({ path: new URL(r.url()).pathname, at: Date.now() }));
    await fresh.goto(`${env.server.url}/search`);
    await fresh.getByTestId('search-result').first().waitFor();
    const at = (prefix: string) => started.find((s) => s.path.startsWith(prefix))?.at ?? Number.POSITIVE_INFINITY;
    // Both chunks are asked for no later than the session itself, not after it answered.
    expect(at('/assets/SearchPage-')).toBeLessThanOrEqual(at('/trpc/auth.me'));
    expect(at('/assets/AppLayout-')).toBeLessThanOrEqual(at('/trpc/auth.me'));
    expect(started.some((s) => s.path.startsWith('/assets/echarts-'))).toBe(false);
    await context.close();
  });

  it('refuses a page whose policy loads with it (工作日历 for a sponsor) with the 403 page', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.goto(`${env.server.url}/calendar`);
    await page.getByText('403', { exact: true }).waitFor();
    await page.goto(`${env.server.url}/commission/incentive`);
    await page.getByText('403', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
