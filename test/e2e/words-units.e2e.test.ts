import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { createSeededDatabase } from '../helpers/test-app.ts';

/**
 * Issue 14's words and units, in the browser on the demo with history: the month-on-month change says its unit,
 * the meetings list says where each meeting stands, the review clock reads "n / 15" with even spacing.
 */
describe('words and units on the demo with history', () => {
  const env = useBrowserServer({ database: () => createSeededDatabase('history') });

  it('shows units, meeting statuses and the review clock in Chinese and English', { timeout: 240_000 }, async () => {
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 1000 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await signIn(page, env.server.url, 'commission@demo.ctp');
    await page.getByTestId('home-commission').waitFor();
    await page.goto(`${env.server.url}/commission`);
    const mom = page.getByTestId('card-ethicsWithinClockPct').getByTestId('mom');
    await mom.waitFor();
    expect(await mom.textContent()).toMatch(/^较上月 .*\d 个百分点$/);
    expect(await page.getByTestId('card-startupMedianDays').getByTestId('mom').textContent()).toMatch(/\d 天$/);
    await page.screenshot({ path: `${ARTIFACTS}units-commission.zh.png` });
    await page.getByTestId('locale-switch').click();
    await page.getByText('City clinical-trial monitoring').first().waitFor();
    expect(await mom.textContent()).toMatch(/\d percentage points?$/);
    await page.screenshot({ path: `${ARTIFACTS}units-commission.en.png` });
    await page.getByTestId('locale-switch').click();
    await context.clearCookies();

    await signIn(page, env.server.url, 'ec@demo.ctp');
    await page.getByTestId('home-ec_secretary').waitFor();
    await page.goto(`${env.server.url}/ethics/meetings`);
    const statuses = page.getByTestId('meeting-status');
    await statuses.first().waitFor();
    const texts = await statuses.allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    const allowed = ['待召开', '今日召开', '待作出决定', '待写纪要', '纪要待批准', '已结束'];
    expect(texts.filter((s) => !allowed.includes(s))).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}meetings-status.zh.png` });
    await page.getByTestId('locale-switch').click();
    await page.getByText('Minutes', { exact: false }).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}meetings-status.en.png` });
    await page.getByTestId('locale-switch').click();

    const submissionId = env.server.database.sqlite
      .prepare("select id from submissions where committee_id = 'ec-jsph' and accepted_date is not null limit 1")
      .pluck()
      .get() as string;
    await page.goto(`${env.server.url}/ethics/submissions/${submissionId}`);
    const used = page.getByTestId('clock-used').locator('.ant-statistic-content');
    await used.waitFor();
    expect(await used.textContent()).toMatch(/^\d+ \/ \d+$/);
    await page.screenshot({ path: `${ARTIFACTS}clock-used.zh.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
