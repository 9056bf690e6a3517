import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { selectPiSite } from '../helpers/fixtures.ts';
import { callerAs } from '../helpers/test-app.ts';

const TITLE = '（测试）工作台待办 III 期研究';

/** A page signed in as `email`, in `locale` (the web reads the stored choice on start-up). */
async function homeOf(browser: Browser, baseUrl: string, email: string, locale: 'zh-CN' | 'en') {
  const context = await newContext(browser, { viewport: { width: 1280, height: 1000 } });
  await context.addInitScript((l) => localStorage.setItem('ctp.locale', l), locale);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, baseUrl, email);
  await page.getByTestId('home-todos').waitFor();
  return { page, errors, close: () => context.close() };
}

describe('the 工作台 lists what each role has to do, linking to it (issue 14)', () => {
  const env = useBrowserServer();

  it("shows a secretary's and a sponsor's to-do list in Chinese and English", async () => {
    const db = env.server.database;
    const as = (email: string) => callerAs(db, email);
    const { id: trialId } = await as('sponsor@demo.ctp').trials.create({
      titleZh: TITLE,
      titleEn: '(test) A phase III study for the to-do list',
      type: 'drug',
      phase: 'III',
      conditions: ['肺癌'],
      targetEnrolment: 40,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(db, as('sponsor@demo.ctp'), trialId);
    const { id } = await as('site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' });
    await as('site@demo.ctp').submissions.submit({ id });
    const specs = db.sqlite
      .prepare(
        `select id from hospital_specialties where hospital_org_id = 'hosp-jsph' and retired_at is null
         and id not in (select hospital_specialty_id from trial_sites where trial_id = ?) order by specialty_code limit 1`,
      )
      .pluck()
      .all(trialId) as string[];
    await as('sponsor@demo.ctp').inquiries.send({
      trialId,
      hospitalSpecialtyIds: specs,
      synopsis: '（测试）一项低风险 III 期研究的可行性询问',
      replyBy: '2099-12-31',
    });
    const [inquiry] = (await as('site@demo.ctp').inquiries.list({ trialId })) as { id: string }[];
    await as('site@demo.ctp').inquiries.answer({
      inquiryId: inquiry!.id,
      interested: true,
      estimatedPerMonth: 3,
      piAvailable: true,
      competingTrials: 1,
      earliestStart: '2099-01-01',
    });

    for (const locale of ['zh-CN', 'en'] as const) {
      const ec = await homeOf(env.browser, env.server.url, 'ec@demo.ctp', locale);
      const toScreen = ec.page.getByTestId('todo-toScreen');
      await expect(toScreen.textContent()).resolves.toMatch(locale === 'en' ? /files? to screen/ : /待形式审查 \d+ 件/);
      await ec.page.screenshot({ path: `${ARTIFACTS}home-todos-secretary-${locale}.png`, fullPage: true });
      // Each item links to its page: the newest file's submission page.
      await ec.page
        .locator(`[data-testid=todo-item-toScreen]`, { hasText: locale === 'en' ? 'to-do list' : TITLE })
        .click();
      await ec.page.waitForURL(new RegExp(`/ethics/submissions/${id}$`));
      expect(ec.errors).toEqual([]);
      await ec.close();

      const sponsor = await homeOf(env.browser, env.server.url, 'sponsor@demo.ctp', locale);
      await expect(sponsor.page.getByTestId('todo-answersReceived').textContent()).resolves.toMatch(
        locale === 'en' ? /answers? awaiting your choice/ : /收到调研答复待选定 \d+ 份/,
      );
      // Deliberation and other roles' work never reach the sponsor's list.
      await expect(sponsor.page.getByTestId('todo-toScreen').count()).resolves.toBe(0);
      await sponsor.page.screenshot({ path: `${ARTIFACTS}home-todos-sponsor-${locale}.png`, fullPage: true });
      await sponsor.page
        .locator('[data-testid=todo-item-answersReceived]', { hasText: locale === 'en' ? 'to-do list' : TITLE })
        .click();
      await sponsor.page.waitForURL(new RegExp(`/trials/${trialId}$`));
      expect(sponsor.errors).toEqual([]);
      await sponsor.close();
    }
  }, 180_000);
});
