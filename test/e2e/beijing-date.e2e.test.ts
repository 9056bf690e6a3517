import { trialSites } from '@ctp/db';
import { addDays, inTransaction, markEthicsApproved, markEthicsSubmitted, shanghaiDate } from '@ctp/domain';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, BROWSER_TIME_ZONE, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { callerAs } from '../helpers/test-app.ts';

/*
 * The server's clock and the browser's stand at 20:00 UTC on the last day of a month: in Beijing it is already 04:00
 * on the 1st of the next month, while UTC (CI) and the browser's Los Angeles are still on the last day of the old one.
 * Whatever the real hour, the pages must take Beijing's date and month, as the server does.
 */
const REAL_START = Date.now();
function lastDayOfMonthAt20Utc(ms: number): number {
  const d = new Date(ms);
  const thisMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 20);
  // Never in the past of the real clock: the session cookie's expiry is set by the server's clock, read by the real one.
  return thisMonth > ms ? thisMonth : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0, 20);
}
const START = lastDayOfMonthAt20Utc(REAL_START);
const clock = () => START + (Date.now() - REAL_START);

const UTC_DAY = new Date(START).toISOString().slice(0, 10);
const BEIJING_DAY = shanghaiDate(START);
const BEIJING_MONTH = BEIJING_DAY.slice(0, 7);
const TITLE = '（测试）北京日期 II 期研究';

/** The open picker's popup (antd keeps closed ones in the page, hidden). */
const popup = (page: Page) => page.locator('.ant-picker-dropdown:visible');
const cell = (page: Page, title: string) => popup(page).locator(`td[title="${title}"]`);

async function typeInto(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('a browser abroad at 20:00 UTC takes Beijing’s date, as the server does', () => {
  const env = useBrowserServer({ now: clock });

  it('offers, records and labels the Beijing date, not the browser’s or UTC’s', async () => {
    expect(UTC_DAY).not.toBe(BEIJING_DAY);
    expect(UTC_DAY.slice(0, 7)).not.toBe(BEIJING_MONTH);
    const db = env.server.database;
    const as = (email: string) => callerAs(db, email, { now: clock });
    const sponsorApi = as('sponsor@demo.ctp');
    const siteApi = as('site@demo.ctp');
    const { id: trialId } = await sponsorApi.trials.create({
      titleZh: TITLE,
      titleEn: '(test) A phase II study on Beijing dates',
      type: 'drug',
      phase: 'II',
      conditions: ['非小细胞肺癌'],
      targetEnrolment: 40,
    });
    const { id: shortlistId } = await sponsorApi.shortlists.create({ name: '北京日期候选' });
    await sponsorApi.shortlists.addItem({ shortlistId, hospitalId: 'hosp-jsph' });

    const open = async (email: string, home: string) => {
      const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(15_000);
      await context.clock.setFixedTime(START);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signIn(page, env.server.url, email);
      await page.getByTestId(home).waitFor();
      return { context, page, errors };
    };

    // 1. The sponsor asks for an answer by Beijing's today: the reply-by picker's today is Beijing's, and the
    //    browser's own date (Beijing's yesterday) is refused.
    const sponsor = await open('sponsor@demo.ctp', 'home-sponsor');
    const sp = sponsor.page;
    expect(await sp.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_TIME_ZONE);
    expect(await sp.evaluate(() => new Date().getDate())).toBe(Number(UTC_DAY.slice(8))); // the browser is behind
    await sp.goto(`${env.server.url}/trials/${trialId}`);
    await sp.getByTestId('inquiry-open').click();
    await sp.getByTestId('inquiry-shortlist').click();
    await sp.getByText('北京日期候选（1）').click();
    await sp.getByTestId('target-hosp-jsph-oncology').waitFor();
    // The modal ticks every specialty that treats the indication (issue 14); this test asks 肿瘤科 only.
    const ticked = sp.locator('input[data-testid^=target-]:checked');
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await sp.getByTestId('target-hosp-jsph-oncology').check();
    await sp.getByTestId('inquiry-synopsis').fill('单臂、多中心 II 期研究；目标 40 例，经治晚期 NSCLC。');
    const replyBy = sp.getByTestId('inquiry-reply-by');
    expect(await replyBy.inputValue()).toBe(addDays(BEIJING_DAY, 14)); // the default: two weeks from Beijing's today
    await replyBy.click();
    await expect(popup(sp).locator('.ant-picker-cell-today').getAttribute('title')).resolves.toBe(BEIJING_DAY);
    await expect(cell(sp, BEIJING_DAY).getAttribute('class')).resolves.not.toContain('ant-picker-cell-disabled');
    await sp.screenshot({ path: `${ARTIFACTS}beijing-reply-by.png` });
    await typeInto(replyBy, UTC_DAY);
    await replyBy.press('Tab');
    expect(await replyBy.inputValue()).not.toBe(UTC_DAY);
    await typeInto(replyBy, BEIJING_DAY);
    expect(await replyBy.inputValue()).toBe(BEIJING_DAY);
    await sp.getByTestId('inquiry-send-ok').click();
    await sp.getByText('已向 1 个专业发送可行性调研').waitFor();

    // 2. The trial office's inbox says it is due today, and dates it — in the table as in the notification — Beijing's.
    const site = await open('site@demo.ctp', 'home-site_admin');
    const sa = site.page;
    await sa.getByTestId('notification-bell').click();
    const notified = sa.getByTestId('notification').filter({ hasText: TITLE });
    await notified.getByText(new RegExp(`^${BEIJING_DAY} 04:\\d\\d$`)).waitFor(); // its time: 04:00 in Beijing
    await sa.goto(`${env.server.url}/inquiries`);
    const row = sa.getByTestId('inquiry-sent').filter({ hasText: TITLE });
    await row.getByText('今天截止').waitFor();
    expect(await row.locator('td').allInnerTexts()).toContain(BEIJING_DAY); // sent on (Beijing) today
    await sa.screenshot({ path: `${ARTIFACTS}beijing-inbox.png` });

    // The answer, the selection and ethics go through the API (they have their own browser tests).
    const [inquiry] = (await siteApi.inquiries.list({})).filter((i) => i.trialTitle === TITLE);
    await siteApi.inquiries.answer({
      inquiryId: inquiry!.id,
      interested: true,
      estimatedPerMonth: 2,
      piAvailable: true,
      competingTrials: 0,
      earliestStart: BEIJING_DAY,
    });
    const trialSite = db.db.select().from(trialSites).where(eq(trialSites.trialId, trialId)).get()!;
    await sponsorApi.trialSites.select({ trialId, hospitalSpecialtyId: trialSite.hospitalSpecialtyId });
    const auditCtx = { actor: null, now: clock, requestId: 'e2e-ethics-stub' };
    inTransaction(db.db, (tx) => {
      const fresh = tx.select().from(trialSites).where(eq(trialSites.id, trialSite.id)).get()!;
      const submitted = markEthicsSubmitted(tx, auditCtx, fresh, BEIJING_DAY, clock());
      markEthicsApproved(tx, auditCtx, submitted, BEIJING_DAY, clock());
    });

    // 3. The milestone picker: Beijing's today is today and allowed, Beijing's tomorrow is refused.
    await sa.goto(`${env.server.url}/trial-sites`);
    const board = sa
      .getByTestId('site-board')
      .locator('tr')
      .filter({ has: sa.getByTestId(`milestone-${trialSite.id}`) });
    await board.getByText('伦理通过').waitFor();
    await sa.getByTestId(`milestone-${trialSite.id}`).click();
    await sa.waitForTimeout(400); // the modal's opening animation, or the picker's popup opens where the input was
    const date = sa.getByTestId('milestone-date');
    await date.click();
    await expect(popup(sa).locator('.ant-picker-cell-today').getAttribute('title')).resolves.toBe(BEIJING_DAY);
    await expect(cell(sa, BEIJING_DAY).getAttribute('class')).resolves.not.toContain('ant-picker-cell-disabled');
    await expect(cell(sa, addDays(BEIJING_DAY, 1)).getAttribute('class')).resolves.toContain(
      'ant-picker-cell-disabled',
    );
    await sa.screenshot({ path: `${ARTIFACTS}beijing-milestone.png` });
    await typeInto(date, addDays(BEIJING_DAY, 1));
    await sa.getByTestId('milestone-ok').click();
    await sa.getByTestId('milestone-modal').getByText('请选择日期').waitFor(); // the future day did not take
    await typeInto(date, BEIJING_DAY);
    await sa.getByTestId('milestone-ok').click();
    await board.getByText('合同已签').waitFor();
    const recorded = () => siteApi.trialSites.board().then((b) => b.find((s) => s.id === trialSite.id)!.milestones);
    expect((await recorded()).contractSigned).toBe(BEIJING_DAY);

    // In English, a typed YYYY-MM-DD is read the same way.
    await sa.getByTestId('locale-switch').click();
    await board.getByText('Contract signed').waitFor();
    await sa.getByTestId(`milestone-${trialSite.id}`).click();
    await typeInto(sa.getByTestId('milestone-date'), BEIJING_DAY);
    await sa.screenshot({ path: `${ARTIFACTS}beijing-milestone.en.png` });
    await sa.getByTestId('milestone-ok').click();
    await board.getByText('Initiated').waitFor();
    expect((await recorded()).siv).toBe(BEIJING_DAY);
    await sa.getByTestId('locale-switch').click();

    // 4. The enrolment month picker opens on Beijing's month (a month ahead of UTC's) and refuses the one after.
    await siteApi.trialSites.recordMilestone({ trialSiteId: trialSite.id, milestone: 'fpi', date: BEIJING_DAY });
    await sa.reload();
    await board.getByText('入组中').waitFor();
    await sa.getByTestId(`enrolment-${trialSite.id}`).click();
    const month = sa.getByTestId('enrolment-month');
    expect(await month.inputValue()).toBe(BEIJING_MONTH);
    // A click during the modal's opening animation can be lost: click until the month panel shows.
    const panel = sa.locator('.ant-picker-dropdown:visible');
    for (let tries = 0; tries < 5 && !(await panel.isVisible()); tries++) {
      await month.click();
      await panel.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await expect(cell(sa, BEIJING_MONTH).getAttribute('class')).resolves.not.toContain('ant-picker-cell-disabled');
    const nextMonth = shanghaiDate(Date.parse(`${BEIJING_MONTH}-28T00:00:00Z`) + 5 * 86_400_000).slice(0, 7);
    await expect(cell(sa, nextMonth).getAttribute('class')).resolves.toContain('ant-picker-cell-disabled');
    await month.press('Escape');
    await sa.getByTestId('enrolment-screened').fill('3');
    await sa.getByTestId('enrolment-enrolled').fill('2');
    await sa.getByTestId('enrolment-ok').click();
    await sa.getByText(`已登记 ${BEIJING_MONTH} 入组数`).waitFor();

    expect(sponsor.errors).toEqual([]);
    expect(site.errors).toEqual([]);
    await sponsor.context.close();
    await site.context.close();
  }, 180_000);
});
