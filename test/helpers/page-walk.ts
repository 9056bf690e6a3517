import type { BrowserContext, Page } from 'playwright-core';
import { pageTitleKey } from '../../apps/web/src/layout/page-titles.ts';
import { requestsInFlight } from './browser.ts';

/** A path with its ids replaced, so one trial page stands for all trial pages: `/trials/:id`. */
export function routePattern(path: string): string {
  return (path.split(/[?#]/)[0] ?? '/')
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '/:id')
    .replace(/\/(hosp|org|ec)-[a-z0-9-]+/g, '/:org');
}

const BUSY = '.ant-spin-spinning, .ant-skeleton, [data-ready=false]';

/**
 * Waits until the page has its data: no request in flight, no spinner, skeleton or undrawn chart, seen on two polls
 * in a row. Pages of a `newContext` are watched through their context's request events, so a page is done as soon as
 * it is (Playwright's `networkidle` waits a fixed 500 ms after the last request, on every page of every walk).
 */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  if (requestsInFlight(page) === undefined) await page.waitForLoadState('networkidle', { timeout });
  const deadline = Date.now() + timeout;
  for (let calm = 0; calm < 2; ) {
    const busy = (requestsInFlight(page) ?? 0) > 0 || (await page.evaluate((s) => !!document.querySelector(s), BUSY));
    calm = busy ? 0 : calm + 1;
    if (Date.now() > deadline)
      throw new Error(`${page.url()} did not settle in ${timeout} ms (${requestsInFlight(page) ?? 0} requests open)`);
    // The next poll after the browser has drawn a frame: a request started by this render is then in flight.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20))));
  }
}

/**
 * Opens `path` in the app already loaded in `page`, the way its own links do (history.pushState, then the popstate
 * the router listens to), instead of loading the whole app again: a full load per page was more than half of a
 * walk's time (the English walk took 108 s by `page.goto`, 52 s this way).
 *
 * The router moves in a transition: the old page stays on screen, with no spinner, until the new one's code and
 * catalogues have loaded, and between two of those loads nothing may be in flight. So when the new path has a page
 * title of its own, this waits until the title has changed (the frame sets it from the route it has committed);
 * `settled` then waits for the new page's data. Titles are unique per page (layout.e2e.test.ts checks it), so a
 * wait that never ends is a defect, not a slow page.
 */
export async function visit(page: Page, path: string): Promise<void> {
  const before = await page.evaluate(() => ({ path: location.pathname, title: document.title }));
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  const pathname = new URL(path, 'http://app').pathname;
  if (pageTitleKey(pathname) !== pageTitleKey(before.path))
    await page.waitForFunction((old) => document.title !== old, before.title);
}

/** The paths of the signed-in user's navigation (the menu's keys), opening the phone menu first when there is one. */
export async function navPaths(page: Page): Promise<string[]> {
  const phoneMenu = page.getByTestId('menu-button');
  if (await phoneMenu.isVisible()) {
    await phoneMenu.click();
    await page.getByTestId('main-nav').waitFor();
  }
  const keys = await page
    .getByTestId('main-nav')
    .locator('[data-menu-id]')
    .evaluateAll((items) => items.map((i) => (i.getAttribute('data-menu-id') ?? '').replace(/^.*?(\/.*)$/, '$1')));
  if (await phoneMenu.isVisible()) await page.keyboard.press('Escape');
  return keys.filter((k) => k.startsWith('/'));
}

/** The in-app links on the page (files and sign-in excluded). */
export function appLinks(page: Page): Promise<string[]> {
  return page
    .locator('a[href^="/"]')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? '').filter((h) => !h.startsWith('/api/') && !h.startsWith('/login')),
    );
}

export type WalkedPage = { email: string; path: string; pattern: string; title: string };

/**
 * Signs in as each user and visits their navigation, then the pages those link to (one per route pattern across
 * the whole walk, `seen` shared by the caller), calling `check` on each settled page.
 */
export async function walkPages(opts: {
  context: () => Promise<BrowserContext>;
  baseUrl: string;
  users: { email: string; extra?: string[] }[];
  seen: Set<string>;
  signIn: (page: Page, baseUrl: string, email: string) => Promise<void>;
  check: (page: Page, walked: WalkedPage) => Promise<void>;
}): Promise<WalkedPage[]> {
  const walked: WalkedPage[] = [];
  for (const { email, extra = [] } of opts.users) {
    const context = await opts.context();
    const page = await context.newPage();
    await opts.signIn(page, opts.baseUrl, email);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await settled(page);
    const own = new Set(['/', ...(await navPaths(page)), ...extra]);
    const queue = [...own];
    while (queue.length) {
      const path = queue.shift()!;
      const pattern = routePattern(path);
      // Each user's 工作台 is their own; every other route is visited once per walk (by the first user reaching it).
      if (path !== '/' && opts.seen.has(pattern)) continue;
      opts.seen.add(pattern);
      await visit(page, path);
      await settled(page);
      const visited = { email, path, pattern, title: await page.title() };
      walked.push(visited);
      await opts.check(page, visited);
      for (const link of await appLinks(page)) if (!opts.seen.has(routePattern(link))) queue.push(link);
    }
    await context.close();
  }
  return walked;
}

/** The page's width beyond the window (0 when nothing scrolls sideways), with what sticks out, for the message. */
export function sidewaysScroll(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    const culprits: string[] = [];
    if (excess > 0)
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const right = el.getBoundingClientRect().right;
        const parentRight = el.parentElement?.getBoundingClientRect().right ?? 0;
        if (right > root.clientWidth + 1 && parentRight <= root.clientWidth + 1 && culprits.length < 5)
          culprits.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`);
      }
    return { excess, culprits };
  });
}
