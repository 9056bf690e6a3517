import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { routePattern, settled, sidewaysScroll, type WalkedPage, walkPages } from '../helpers/page-walk.ts';
import { approveAtLead, multiCentreTrial, PACKET, requestOf } from '../helpers/recognition-journey.ts';
import { seedRoster } from '../helpers/roster.ts';
import { callerAs } from '../helpers/test-app.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const FIVE_SITES = '/compare?ids=hosp-jsph,hosp-njglyy,hosp-jsch,hosp-zdyy,hosp-njfy';

/** Every role of the demo, with the pages its menu does not reach directly. */
function roles(recognitionRequestId: string) {
  return [
    { email: 'sponsor@demo.ctp', extra: [FIVE_SITES, '/trials/new', '/trial-sites'] },
    { email: 'site@demo.ctp', extra: ['/recognition/local-context'] },
    { email: 'pi@demo.ctp' },
    { email: 'ec@demo.ctp' },
    { email: 'member@demo.ctp' },
    { email: 'chair@demo.ctp' },
    { email: 'ec-gulou@demo.ctp', extra: [`/recognition/requests/${recognitionRequestId}`] },
    { email: 'commission@demo.ctp', extra: ['/commission/drill', '/commission/records', '/commission/report'] },
    { email: 'admin@demo.ctp', extra: ['/no-such-page'] },
  ];
}

async function expectNoSidewaysScroll(page: Page, walked: WalkedPage, width: number) {
  const { excess, culprits } = await sidewaysScroll(page);
  expect(excess, `${walked.email} ${walked.path} at ${width} px scrolls sideways: ${culprits.join('; ')}`).toBe(0);
}

describe('layouts hold at phone and desktop widths; keyboard and titles (issue 14)', () => {
  const env = useBrowserServer();

  it('walks every role at 390 px in Chinese and at 1440 px in English without sideways scroll', async () => {
    const db = env.server.database;
    // A recognition request under local review at 鼓楼: the English page that was 1,833 px wide.
    await seedRoster(db);
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266141' });
    await approveAtLead(db, leadSubmissionId);
    const request = requestOf(db, sites.njglyy!)!;
    await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.submitPacket({ id: request.id, ...PACKET });
    await callerAs(db, 'ec-gulou@demo.ctp').recognition.requests.accept({ id: request.id });

    const errors: string[] = [];
    const walk = (viewport: typeof PHONE, locale: 'zh-CN' | 'en') =>
      walkPages({
        context: async () => {
          const context = await newContext(env.browser, { viewport });
          // about:blank has no storage; the app's pages read the choice on start-up.
          await context.addInitScript((l) => {
            if (location.protocol.startsWith('http')) localStorage.setItem('ctp.locale', l);
          }, locale);
          context.on('page', (p) => p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`)));
          return context;
        },
        baseUrl: env.server.url,
        users: roles(request.id),
        seen: new Set(),
        signIn,
        check: (page, walked) => expectNoSidewaysScroll(page, walked, viewport.width),
      });

    // The two walks are independent (own contexts, own `seen`): side by side, one waits while the other renders.
    const [phone, desktop] = await Promise.all([walk(PHONE, 'zh-CN'), walk(DESKTOP, 'en')]);
    // The walks reached the pages of the defects: compare with five sites, the local review, the report.
    for (const pattern of [
      '/compare',
      '/recognition/requests/:id',
      '/commission/report',
      '/trials/:id',
      '/hospitals/:org',
    ])
      expect(desktop.map((w) => w.pattern)).toContain(pattern);
    expect(phone.map((w) => w.pattern)).toContain('/search');
    expect(phone.length).toBeGreaterThan(35);

    // Each page has its own title, in the page's language.
    const titleOf = new Map<string, string>();
    for (const w of desktop) titleOf.set(w.pattern, w.title);
    expect(new Set(titleOf.values()).size).toBe(titleOf.size);
    for (const w of desktop) expect(w.title, w.path).toMatch(/^[A-Z][A-Za-z -]+ · CTP$/);
    for (const w of phone) expect(w.title, w.path).toMatch(/^\p{Script=Han}[\p{Script=Han}\s]* · CTP$/u);
    expect(errors).toEqual([]);
  }, 600_000);

  it('folds the phone header into one line and the search filters into a 筛选 drawer', async () => {
    const context = await newContext(env.browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await page.goto(`${env.server.url}/search?${new URLSearchParams({ condition: '肺癌', minFree: '1' })}`);
    await settled(page);
    // One header line; the menu behind the hamburger.
    const header = await page.locator('.ctp-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await expect(page.getByTestId('main-nav').isVisible()).resolves.toBe(false);
    // The first result is on the first screen, in a card wide enough to read.
    const first = await page.getByTestId('search-result').first().boundingBox();
    expect(first!.y).toBeLessThan(PHONE.height);
    const body = await page.getByTestId('search-result').first().locator('.ctp-result-body').boundingBox();
    expect(body!.width).toBeGreaterThan(240);
    // The filters wait behind one button that counts the active ones.
    await expect(page.getByTestId('filter-min-free').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('filters-open').textContent()).resolves.toBe('筛选（2）');
    await page.getByTestId('filters-open').click();
    await page.getByTestId('filter-min-free').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}layout-search-filters-390.png` });
    await page.getByTestId('filters-done').click();
    await page.getByTestId('filter-min-free').waitFor({ state: 'hidden' });
    await page.screenshot({ path: `${ARTIFACTS}layout-search-390.png` });
    await page.getByTestId('menu-button').click();
    await page.getByTestId('main-nav').getByText('候选清单').click();
    await page.waitForURL(/\/shortlists$/);
    await context.close();
  }, 120_000);

  it('starts the Tab order with a skip link, focuses the search box and titles pages in both languages', async () => {
    const context = await newContext(env.browser, { viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'sponsor@demo.ctp');
    await page.getByTestId('home-sponsor').waitFor();
    await expect(page.title()).resolves.toBe('工作台 · CTP');
    await page.goto(`${env.server.url}/search`);
    await settled(page);
    await expect(page.title()).resolves.toBe('找中心 · CTP');
    // The search page is for typing: the box has the focus.
    await expect(
      page.evaluate(() => document.activeElement?.closest('[data-testid=search-input]') !== null),
    ).resolves.toBe(true);

    // From the top of a page, the first Tab reaches the skip link; following it puts the focus in <main>.
    await page.goto(`${env.server.url}/trials`);
    await settled(page);
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]);
    await expect(focused()).resolves.toEqual(['A', '跳到主要内容']);
    await page.screenshot({ path: `${ARTIFACTS}layout-skip-link.png` });
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => document.getElementById('main-content')!.contains(document.activeElement)),
    ).resolves.toBe(true);

    // The title follows a language switch.
    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.title === 'Trials · CTP');
    await expect(page.getByTestId('skip-link').textContent()).resolves.toBe('Skip to main content');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    expect(routePattern(new URL(page.url()).pathname)).toBe('/trials');
    await context.close();
  }, 120_000);

  it('prints the monthly report with its charts scaled to the page', async () => {
    const context = await newContext(env.browser, { viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('home-commission').waitFor();
    await page.goto(`${env.server.url}/commission/report`);
    await page.locator('[data-testid=chart-trend][data-ready=true]').waitFor();
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    // A printed A4 page is about 680 px wide and the chart is not re-rendered for it: narrow the report in the same
    // synchronous step as the measurement, so no resize observer can redraw the chart in between.
    const overhang = await page.evaluate(() => {
      (document.querySelector('.ctp-report') as HTMLElement).style.width = '680px';
      const chart = document.querySelector('[data-testid=chart-trend]')!;
      return chart.querySelector('svg')!.getBoundingClientRect().right - chart.getBoundingClientRect().right;
    });
    expect(overhang).toBeLessThanOrEqual(0.5);
    await context.close();
  }, 120_000);
});
