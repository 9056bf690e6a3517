import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * The browser of every browser test is in California, never in Beijing (nor in the UTC of CI): a page that takes
 * "today" or a displayed date from the browser's zone instead of Beijing's then shows it — at any hour, since Los
 * Angeles' date differs from Beijing's for 15–16 hours of every day.
 */
export const BROWSER_TIME_ZONE = 'America/Los_Angeles';

const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // The contexts set their zone (newContext below); the process's zone covers any page opened some other way.
  env: { ...process.env, TZ: BROWSER_TIME_ZONE },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

/** Debian's chromium, headless, with the flags this sandbox needs (shared/TOOLCHAIN.md), in BROWSER_TIME_ZONE. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch(LAUNCH_OPTIONS);
}

let workerChromium: Promise<Browser> | undefined;

/**
 * The test worker's one Chromium, launched by the first browser file and kept for the next ones (the e2e project
 * shares its worker between files, `isolate: false`): ~1.3 s of start-up per file saved. Callers close the contexts
 * they opened, never the browser; Playwright ends it when the worker exits. (A browser server shared over a
 * WebSocket by the whole run was tried and dropped: every protocol message then crossed vitest's main process, and
 * the English walk took 132 s instead of 108.)
 */
export function sharedBrowser(): Promise<Browser> {
  workerChromium ??= launchBrowser().then((browser) => {
    browser.on('disconnected', () => {
      workerChromium = undefined;
    });
    return browser;
  });
  return workerChromium;
}

/** A browser context in BROWSER_TIME_ZONE: every browser test opens its pages through this (or `newPage`). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: BROWSER_TIME_ZONE, ...options });
  trackRequests(context);
  return context;
}

const inFlight = new WeakMap<BrowserContext, Set<unknown>>();

/** Counts the requests a context has in flight, from its own events, for `requestsInFlight`. */
function trackRequests(context: BrowserContext) {
  const open = new Set<unknown>();
  inFlight.set(context, open);
  context.on('request', (r) => open.add(r));
  context.on('requestfinished', (r) => open.delete(r));
  context.on('requestfailed', (r) => open.delete(r));
}

/** The requests in flight in the page's context, or undefined when the context was not opened by `newContext`. */
export function requestsInFlight(page: Page): number | undefined {
  return inFlight.get(page.context())?.size;
}

/** A page in its own context in BROWSER_TIME_ZONE (the context closes with the page). */
export function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  return browser.newPage({ timezoneId: BROWSER_TIME_ZONE, ...options });
}

export async function signIn(page: Page, baseUrl: string, email: string, password = 'ctp-demo-2026') {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Collects uncaught page errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Picks the option of an antd Select (by its test id) whose text contains `option`, and checks the choice was taken.
 * A loaded CI machine can open the list while the modal still slides in (the modal then takes the focus and the list
 * closes under the pointer), or before the options have loaded; closed dropdowns of earlier modals stay in the DOM,
 * hidden. So: pick from the open list only, give each step a few seconds, and start again (at most 4 times) until the
 * select shows the choice. Without `option`, the first option is picked and any choice shown will do. With `type`,
 * that text is typed into a searchable select's box after it opens, and the option is picked from the filtered list.
 */
export async function pickOption(
  page: Page,
  testId: string,
  option?: string,
  opts: { type?: string } = {},
): Promise<void> {
  const select = page.getByTestId(testId);
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  const item = (option === undefined ? options : options.filter({ hasText: option })).first();
  for (let attempt = 1; ; attempt++) {
    try {
      // A list still open from the last try would close on this click: open it only when it is not.
      if (!(await item.isVisible())) {
        await select.click({ timeout: 5_000 });
        if (opts.type) await page.keyboard.type(opts.type);
      }
      const label = option ?? (await item.textContent({ timeout: 5_000 }))?.trim() ?? '';
      await item.click({ timeout: 5_000 });
      await select.getByText(label).first().waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
    }
  }
}

/**
 * Clicks `testId` until `goneTestId` has left the page (at most 3 clicks). A click that lands while an antd modal is
 * still opening is lost on a loaded machine (seen in CI), and a modal that stays open would fail the test far later.
 */
export async function clickUntilGone(page: Page, testId: string, goneTestId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    try {
      await page.getByTestId(goneTestId).waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
