import type { DbHandle } from '@ctp/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { callerAs, createSeededDatabase } from '../helpers/test-app.ts';

/** Noon in Beijing on a calendar date. */
const at = (date: string) => () => Date.parse(`${date}T12:00:00+08:00`);
const TODAY = '2025-05-10';

/**
 * One site of a sponsor's trial at 江苏省人民医院, selected 1 March and still without ethics approval on 10 May: its
 * ethics stage is 10 days overdue (60-day target, 30 April), so its row carries a delay prompt (DESIGN §5).
 */
async function overdueSite(db: DbHandle) {
  const sponsor = (d: string) => callerAs(db, 'sponsor@demo.ctp', { now: at(d) });
  const { id: trialId } = await sponsor('2025-01-02').trials.create({
    titleZh: '（测试）延误原因浏览器研究',
    type: 'drug',
    phase: 'III',
    conditions: ['延误'],
    targetEnrolment: 50,
    riskLevel: 'medium',
  });
  const specialty = db.sqlite
    .prepare(
      `select id from hospital_specialties where hospital_org_id = 'hosp-jsph' and retired_at is null
       order by specialty_code limit 1`,
    )
    .pluck()
    .get() as string;
  const { trialSiteId } = await sponsor('2025-03-01').trialSites.select({ trialId, hospitalSpecialtyId: specialty });
  return { trialId, trialSiteId };
}

describe('who is offered to record a delay reason is the server’s rule, on the trial page and the site board', () => {
  let scenario: Awaited<ReturnType<typeof overdueSite>>;
  const env = useBrowserServer({
    now: at(TODAY),
    database: async () => {
      const db = await createSeededDatabase();
      scenario = await overdueSite(db);
      return db;
    },
  });

  /** The delay prompt of the overdue site on the page, and whether it offers to record a reason. */
  async function delayPrompt(email: string, path: string, shot: string): Promise<Page> {
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, email);
    await page.getByTestId('main-nav').waitFor();
    await page.goto(`${env.server.url}${path}`);
    await page.getByTestId(`delays-${scenario.trialSiteId}`).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}delay-reasons-${shot}.png`, fullPage: true });
    expect(errors).toEqual([]);
    return page;
  }
  const recordButton = (page: Page) => page.getByTestId(`delay-open-${scenario.trialSiteId}-ethicsApproved`);

  it('offers it to the trial’s sponsor on the trial page', async () => {
    const page = await delayPrompt('sponsor@demo.ctp', `/trials/${scenario.trialId}`, 'sponsor-trial');
    await expect(recordButton(page).textContent()).resolves.toBe('登记原因');
    await page.context().close();
  });

  it('offers it to the hospital’s trial office on its site board', async () => {
    const page = await delayPrompt('site@demo.ctp', '/trial-sites', 'office-board');
    await expect(recordButton(page).textContent()).resolves.toBe('登记原因');
    await page.context().close();
  });

  it('shows the delay, without the offer, to the commission (who reads the trial but records nothing)', async () => {
    const page = await delayPrompt('commission@demo.ctp', `/trials/${scenario.trialId}`, 'commission-trial');
    expect(await recordButton(page).count()).toBe(0);
    await page.context().close();
  });
});
