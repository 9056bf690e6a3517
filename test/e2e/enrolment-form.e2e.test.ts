import { shanghaiDate } from '@ctp/domain';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { callerAs } from '../helpers/test-app.ts';

/** The calendar month before `month` (YYYY-MM). */
const prevMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

describe('monthly enrolment means one thing: each month its own counts', () => {
  const env = useBrowserServer();

  it('opens a recorded month at its saved counts, labelled per month, and saves a smaller month without a reason', async () => {
    const db = env.server.database;
    const siteApi = callerAs(db, 'site@demo.ctp');
    const thisMonth = shanghaiDate(Date.now()).slice(0, 7);
    // An enrolling site of the demo with counts recorded this month, and none last month (made so here).
    const row = (await siteApi.trialSites.board()).find(
      (r) => r.state === 'enrolling' && r.enrolmentByMonth[thisMonth] && r.milestones.fpi,
    )!;
    expect(row).toMatchObject({ state: 'enrolling', enrolmentByMonth: { [thisMonth]: expect.any(Object) } });
    const lastMonth = prevMonth(thisMonth);
    db.sqlite.prepare('delete from trial_site_enrolment where trial_site_id = ? and month = ?').run(row.id, lastMonth);
    // Touched now, so the board (latest first, 50 a page) shows it on its first page.
    db.sqlite
      .prepare('update trial_sites set fpi_date = ?, updated_at = ? where id = ?')
      .run(`${lastMonth}-01`, Date.now(), row.id);
    const saved = row.enrolmentByMonth[thisMonth]!;

    const page = await newPage(env.browser, { viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'site@demo.ctp');
    await page.getByTestId('main-nav').waitFor();
    await page.goto(`${env.server.url}/trial-sites`);
    await page.getByTestId(`enrolment-${row.id}`).click();
    const modal = page.getByTestId('enrolment-modal');
    await modal.waitFor();
    // The month's saved counts, not 0/0/0/0; the fields say they are this month's.
    expect(await page.getByTestId('enrolment-screened').inputValue()).toBe(String(saved.screened));
    expect(await page.getByTestId('enrolment-enrolled').inputValue()).toBe(String(saved.enrolled));
    expect(await page.getByTestId('enrolment-withdrawn').inputValue()).toBe(String(saved.withdrawn));
    await modal.getByText('本月筛选数').waitFor();
    expect(await page.getByTestId('enrolment-month-note').textContent()).toContain('已保存的本月数（非累计）');
    await page.screenshot({ path: `${ARTIFACTS}enrolment-form-saved-month.png` });

    // Last month has nothing recorded: the form opens at zeros; its own, smaller counts save with no reason.
    const month = page.getByTestId('enrolment-month');
    await month.click();
    await month.fill(lastMonth);
    await month.press('Enter');
    await expect.poll(() => page.getByTestId('enrolment-screened').inputValue()).toBe('0');
    expect(await page.getByTestId('enrolment-month-note').textContent()).toContain('该月新增的人数');
    await page.getByTestId('enrolment-screened').fill('1');
    await page.getByTestId('enrolment-enrolled').fill('1');
    await page.screenshot({ path: `${ARTIFACTS}enrolment-form-new-month.png` });
    await page.getByTestId('enrolment-ok').click();
    await page.getByText(`已登记 ${lastMonth} 入组数`).waitFor();
    const after = (await siteApi.trialSites.board()).find((r) => r.id === row.id)!;
    expect(after.enrolmentByMonth[lastMonth]).toEqual({ screened: 1, enrolled: 1, screenFailures: 0, withdrawn: 0 });
    expect(after.enrolmentByMonth[thisMonth]).toEqual(saved);
    // The totals are the sum of the months.
    expect(after.enrolment.enrolled).toBe(Object.values(after.enrolmentByMonth).reduce((n, m) => n + m.enrolled, 0));
    // In English the fields say the same.
    await page.getByTestId('enrolment-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('locale-switch').click();
    await page.getByTestId(`enrolment-${row.id}`).click();
    await page.getByTestId('enrolment-modal').getByText('Screened this month').waitFor();
    expect(await page.getByTestId('enrolment-month-note').textContent()).toContain('not running totals');
    await page.waitForTimeout(600); // the modal's opening animation, for the screenshot only
    await page.screenshot({ path: `${ARTIFACTS}enrolment-form-en.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
