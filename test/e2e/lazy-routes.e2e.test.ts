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

/** Keys the page asked i18next for and found in no loaded catalogue (i18n/index.ts records them). */
const missingKeys = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ctpMissingKeys?: string[] }).__ctpMissingKeys ?? null);

/** Paths of the scripts received from now on that carry zod (its class names survive minification). */
function zodScriptsOf(page: Page): string[] {
  const found: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    const body = await r.text().catch(() => '');
    if (body.includes('$ZodType')) found.push(new URL(r.url()).pathname);
  });
  return found;
}

describe('lazy routes (issue 16)', () => {
  const env = useBrowserServer();

  it('signs in from a first load that carries neither the signed-in frame, English, nor the charts', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const scripts = scriptsOf(page);
    const zod = zodScriptsOf(page);
    await page.goto(`${env.server.url}/login`);
    await page.getByTestId('login-submit').waitFor();
    await page.waitForLoadState('networkidle');
    expect(chunk(scripts, 'LoginPage')).toBe(true);
    expect(zod).toEqual([]);
    for (const name of ['AppLayout', 'en', 'echarts', 'SearchPage']) expect(chunk(scripts, name), name).toBe(false);
    // No page catalogue: the sign-in page reads the core one only (i18n/zh-CN.ts), and no key is missing from it.
    expect(scripts.filter((s) => s.includes('.zh-CN-'))).toEqual([]);
    await expect(missingKeys(page)).resolves.toEqual([]);

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
    const started: string[] = [];
    let meAnswered = -1;
    fresh.on('request', (r) => started.push(new URL(r.url()).pathname));
    fresh.on('response', (r) => {
      if (new URL(r.url()).pathname === '/trpc/auth.me') meAnswered = started.length;
    });
    const zod = zodScriptsOf(fresh);
    await fresh.goto(`${env.server.url}/search`);
    await fresh.getByTestId('search-result').first().waitFor();
    await fresh.waitForLoadState('networkidle');
    const order = (prefix: string) => started.findIndex((p) => p.startsWith(prefix));
    // The session is asked first (behind dozens of chunk requests it came back last), then both chunks, before the
    // session has answered: not after it.
    expect(order('/trpc/auth.me')).toBeGreaterThan(-1);
    for (const name of ['/assets/SearchPage-', '/assets/AppLayout-']) {
      expect(order(name), name).toBeGreaterThan(order('/trpc/auth.me'));
      expect(order(name), name).toBeLessThan(meAnswered);
    }
    expect(started.some((p) => p.startsWith('/assets/echarts-'))).toBe(false);
    // Nor antd's Form (its validator included): the new-shortlist modal that uses it loads when asked for.
    expect(started.filter((p) => /^\/assets\/(form|useForm)-/.test(p))).toEqual([]);
    // zod (≈ 25 KB gzip) is not in the search page's first load: the page and the menu read zod-free constants.
    expect(zod).toEqual([]);
    // Only the catalogues the search page names, and every key the page and its frame ask for is there.
    const catalogues = started
      .filter((p) => p.includes('.zh-CN-'))
      .map((p) => p.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, ''));
    expect(catalogues.sort()).toEqual(['providers.zh-CN', 'search.zh-CN']);
    await expect(missingKeys(fresh)).resolves.toEqual([]);
    await context.close();
  });

  it('opens the commission dashboard and the notifications with every string of their catalogues loaded', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('home-commission').waitFor();
    await page.goto(`${env.server.url}/commission`);
    await page.getByTestId('overview-cards').waitFor();
    await page.waitForLoadState('networkidle');
    // The notification sentences are the trials catalogue's, fetched on the first opening of the bell.
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications').waitFor();
    await expect(missingKeys(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a page by its URL in English: its catalogues are added once i18next is ready, not before', async () => {
    const context = await newContext(env.browser);
    // English is loaded before i18next starts, while the page's code and catalogues are already being fetched.
    await context.addInitScript(() => {
      if (location.protocol.startsWith('http')) localStorage.setItem('ctp.locale', 'en');
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.goto(`${env.server.url}/trials`);
    await page.getByRole('heading', { name: 'Trials' }).first().waitFor();
    expect(errors).toEqual([]);
    await expect(missingKeys(page)).resolves.toEqual([]);
    await context.close();
  });

  it('refuses a page behind a page policy (工作日历, 激励指数 for a sponsor) with the 403 page', async () => {
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
