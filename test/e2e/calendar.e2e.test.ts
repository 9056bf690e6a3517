import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { seedAcceptedSubmission } from '../helpers/fixtures.ts';

/** The server's clock: 6 December 2026 in Beijing, when 2027's official schedule is not yet entered. */
const NOW = Date.parse('2026-12-06T12:00:00+08:00');

describe('平台管理 → 工作日历 in a real browser (issue 11)', () => {
  const env = useBrowserServer({ now: () => NOW });

  it('shows 2027 pending, refuses a weekday make-up day, enters 元旦 and marks the year complete', async () => {
    // The helpers' browser sits far from Beijing: the page must not care.
    const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // A review accepted just before the holidays: 15 working days end on 11 January while 1 January counts.
    const dueIntoJanuary = await seedAcceptedSubmission(env.server.database, '2026-12-21');
    await signIn(page, env.server.url, 'admin@demo.ctp');
    await page.getByTestId('home-admin').waitFor();
    await page.getByTestId('main-nav').getByText('工作日历', { exact: true }).click();
    await page.getByText('2027 年的法定节假日尚未录入').waitFor();
    const detail = page.getByTestId('calendar-year-detail');
    await detail.getByText('待录入').waitFor();
    await detail.getByText('本年度尚未录入任何日期').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}calendar-pending.png` });

    // A make-up working day must be a Saturday or Sunday: 2027-01-06 is a Wednesday.
    await page.getByTestId('calendar-add-day').click();
    await page.getByTestId('calendar-day-date').fill('2027-01-06');
    await page.getByTestId('calendar-day-date').press('Enter');
    await page.getByTestId('calendar-day-kind').click();
    await page.getByTitle('调休上班').click();
    await page.getByTestId('calendar-day-name').fill('元旦');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByTestId('calendar-day-error').textContent()).resolves.toContain(
      '2027-01-06 不是周六或周日，不能作为调休上班日',
    );

    await page.getByTestId('calendar-day-date').fill('2027-01-01');
    await page.getByTestId('calendar-day-date').press('Enter');
    await page.getByTestId('calendar-day-kind').click();
    await page.getByTitle('放假').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await detail.getByText('2027-01-01').waitFor();
    await detail.getByText('草稿（未生效）').waitFor();
    expect(await detail.getByTestId('calendar-days').getByText('周五').count()).toBe(1);

    await page.getByTestId('calendar-complete').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('2027 年已标记为完整').waitFor();
    await detail.getByText('完整', { exact: true }).waitFor();
    expect(await page.getByText('2027 年的法定节假日尚未录入').count()).toBe(0);
    await page.getByText('2028 年的法定节假日尚未录入').count(); // the next one is not asked for yet (only this and next year)
    await page.screenshot({ path: `${ARTIFACTS}calendar-complete.png` });

    // The trial office sees on its submission's timeline why the due date moved, and no more warning.
    const site = await newPage(env.browser);
    await signIn(site, env.server.url, 'site@demo.ctp');
    await site.getByTestId('home-site_admin').waitFor();
    await site.goto(`${env.server.url}/ethics/submissions/${dueIntoJanuary}`);
    await expect(site.getByTestId('timeline-due-moved').textContent()).resolves.toBe(
      '工作日历变更（2027 年），截止日由 2027-01-11 调整为 2027-01-12',
    );
    expect(await site.getByTestId('clock-calendar-unknown').count()).toBe(0);
    await site.screenshot({ path: `${ARTIFACTS}calendar-due-moved.png`, fullPage: true });
    await site.close();

    const audit = env.server.database.sqlite
      .prepare("select action from audit_events where action like 'calendar.%' order by id")
      .pluck()
      .all();
    expect(audit).toEqual(['calendar.set_days', 'calendar.complete_year']);

    // English: the same page, every label translated.
    await page.getByTestId('locale-switch').click();
    await page.getByText('Working-day calendar').first().waitFor();
    await page.getByTestId('calendar-years').getByText('Bundled').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}calendar.en.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets an EC secretary read the calendar but not change it', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, 'ec@demo.ctp');
    await page.getByTestId('home-ec_secretary').waitFor();
    await page.goto(`${env.server.url}/calendar`);
    await page.getByText('仅平台管理员可修改工作日历。').waitFor();
    expect(await page.getByTestId('calendar-add-day').count()).toBe(0);
    expect(await page.getByTestId('calendar-import').count()).toBe(0);
    await page.close();
  }, 60_000);
});
