import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, pickOption, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { selectPiSite, tinyPdf } from '../helpers/fixtures.ts';
import { approveAtLead, requestOf } from '../helpers/recognition-journey.ts';
import { seedRoster } from '../helpers/roster.ts';
import { actorCtxOf, callerAs } from '../helpers/test-app.ts';

async function pageOf(browser: Browser, baseUrl: string, email: string, locale: 'zh-CN' | 'en') {
  const context = await newContext(browser, { viewport: { width: 1440, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('ctp.locale', l), locale);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('[data-testid^=home-]').first().waitFor();
  return { page, errors, close: () => context.close() };
}

const specialtyOf = (db: Parameters<typeof callerAs>[0], hospital: string, code: string) =>
  db.sqlite
    .prepare('select id from hospital_specialties where hospital_org_id = ? and specialty_code = ?')
    .pluck()
    .get(hospital, code) as string;

/** Issue 14, the sponsor's side: shortlist context, inquiry targets, 选定 before an answer, answers per question. */
describe('a sponsor’s shortlist, inquiry and answers keep their context', () => {
  const env = useBrowserServer();

  it('shows them in Chinese and English', async () => {
    const db = env.server.database;
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const search = await sponsor.sites.search({ q: '肺癌', limit: 5 });
    const jsch = search.items.find((i) => i.hospitalId === 'hosp-jsch')!;
    const { id: shortlistId } = await sponsor.shortlists.create({ name: '（测试）肺癌候选' });
    for (const h of ['hosp-jsch', 'hosp-jsph', 'hosp-njglyy'])
      await sponsor.shortlists.addItem({ shortlistId, hospitalId: h, query: { q: '肺癌' } });
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）XYZ-101 治疗晚期非小细胞肺癌的 III 期研究',
      titleEn: '(test) A phase III study of XYZ-101 in advanced NSCLC',
      type: 'drug',
      phase: 'III',
      conditions: ['非小细胞肺癌'],
      targetEnrolment: 300,
    });
    const questions = '1. 每月可入组几例？\n2. 是否配备专职 CRC？';
    const send = (hospital: string) =>
      sponsor.inquiries.send({
        trialId,
        hospitalSpecialtyIds: [specialtyOf(db, hospital, 'oncology')],
        synopsis: '（测试）多中心 III 期研究的可行性调研。',
        questions,
        replyBy: '2099-12-31',
      });
    const answered = (await send('hosp-jsph')).inquiryIds[0]!;
    await send('hosp-njglyy');
    const { uploadInquiryAttachment } = await import('@ctp/domain');
    await uploadInquiryAttachment({
      ctx: actorCtxOf(callerAs(db, 'site@demo.ctp').ctx),
      input: { inquiryId: answered },
      file: { bytes: tinyPdf('中心条件'), filename: '中心条件说明.pdf' },
    });
    await callerAs(db, 'site@demo.ctp').inquiries.answer({
      inquiryId: answered,
      interested: true,
      estimatedPerMonth: 3,
      piAvailable: true,
      competingTrials: 1,
      earliestStart: '2099-01-01',
      answers: ['每月约 3 例', '有 2 名专职 CRC'],
    });
    // A second trial's inquiry to 鼓楼 stays open for its trial office to answer in the browser.
    const { id: other } = await sponsor.trials.create({
      titleZh: '（测试）ABC-7 治疗胃癌的 II 期研究',
      type: 'drug',
      phase: 'II',
      conditions: ['胃癌'],
      targetEnrolment: 60,
    });
    await sponsor.inquiries.send({
      trialId: other,
      hospitalSpecialtyIds: [specialtyOf(db, 'hosp-njglyy', 'oncology')],
      synopsis: '（测试）胃癌 II 期研究的可行性调研。',
      questions,
      replyBy: '2099-12-31',
    });

    for (const locale of ['zh-CN', 'en'] as const) {
      const s = await pageOf(env.browser, env.server.url, 'sponsor@demo.ctp', locale);
      // The shortlist scores 省肿瘤 as the search did, and says for which search.
      await s.page.goto(`${env.server.url}/shortlists/${shortlistId}`);
      await s.page.getByTestId('shortlist-item').first().waitFor();
      const card = s.page
        .getByTestId('shortlist-item')
        .filter({ hasText: locale === 'en' ? 'Jiangsu Cancer Hospital' : '江苏省肿瘤医院' });
      await expect(card.getByTestId('shortlist-query').textContent()).resolves.toContain('肺癌');
      await expect(card.textContent()).resolves.toContain(String(jsch.score));
      await s.page.screenshot({ path: `${ARTIFACTS}shortlist-context-${locale}.png`, fullPage: true });

      // The trial's answers: each question answered, the file to download.
      await s.page.goto(`${env.server.url}/trials/${trialId}`);
      await s.page.getByTestId('tab-inquiries').click();
      await s.page.getByTestId('inquiry-answers').locator('.ant-table-row-expand-icon').first().click();
      await expect(s.page.getByTestId('answer-text-1').textContent()).resolves.toBe('有 2 名专职 CRC');
      await expect(s.page.getByTestId('inquiry-attachments').textContent()).resolves.toContain('中心条件说明.pdf');
      await s.page.screenshot({ path: `${ARTIFACTS}inquiry-answers-${locale}.png`, fullPage: true });

      // 选定 of the site that has not answered warns and waits for the confirmation.
      await s.page.getByRole('tab', { name: locale === 'en' ? /^Sites/ : /^研究中心/ }).click();
      await s.page.getByTestId('select-hosp-njglyy').click();
      await s.page.getByTestId('select-unanswered').waitFor();
      await expect(s.page.getByTestId('select-ok').isDisabled()).resolves.toBe(true);
      await s.page.screenshot({ path: `${ARTIFACTS}select-unanswered-${locale}.png` });
      await s.page.keyboard.press('Escape');

      // The inquiry modal ticks the specialties that treat NSCLC.
      await s.page.getByTestId('inquiry-open').click();
      await pickOption(s.page, 'inquiry-shortlist', '（测试）肺癌候选');
      await s.page.getByTestId('target-hosp-jsch-oncology').waitFor();
      await expect(s.page.getByTestId('target-hosp-jsch-oncology').isChecked()).resolves.toBe(true);
      // Not a specialty that does not treat it.
      const cardiology = s.page.getByTestId('target-hosp-jsph-cardiology');
      await expect(cardiology.isChecked()).resolves.toBe(false);
      await s.page.screenshot({ path: `${ARTIFACTS}inquiry-preselected-${locale}.png` });
      await s.page.keyboard.press('Escape');

      // 隶属高校 is the university.
      await s.page.goto(`${env.server.url}/hospitals/hosp-jsph`);
      await s.page
        .getByText(locale === 'en' ? 'Nanjing Medical University' : '南京医科大学')
        .first()
        .waitFor();
      await s.page.screenshot({ path: `${ARTIFACTS}hospital-university-${locale}.png` });
      expect(s.errors).toEqual([]);
      await s.close();

      // The trial office answers each question, with a file.
      const o = await pageOf(env.browser, env.server.url, 'site-gulou@demo.ctp', locale);
      await o.page.goto(`${env.server.url}/inquiries`);
      await o.page.locator('tr', { hasText: 'ABC-7' }).locator('button[data-testid^=answer-]').click();
      await o.page.getByTestId('answer-question-1').waitFor();
      await o.page.getByTestId('attachments-editor').waitFor();
      await o.page.screenshot({ path: `${ARTIFACTS}inquiry-answer-form-${locale}.png`, fullPage: true });
      expect(o.errors).toEqual([]);
      await o.close();
    }
  }, 240_000);

  it('opens the recognition packet pre-filled from the profiles, in Chinese and English', async () => {
    const db = env.server.database;
    await seedRoster(db);
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）HR-707 治疗 2 型糖尿病的多中心 III 期研究',
      titleEn: '(test) A multicentre phase III study of HR-707 in type 2 diabetes',
      type: 'drug',
      phase: 'III',
      conditions: ['2 型糖尿病'],
      targetEnrolment: 200,
      riskLevel: 'low',
      leadHospitalId: 'hosp-jsph',
    });
    const lead = await selectPiSite(db, sponsor, trialId);
    const spec = specialtyOf(db, 'hosp-njglyy', 'endocrinology');
    const pi = db.sqlite
      .prepare('select investigator_id from investigator_specialties where hospital_specialty_id = ? limit 1')
      .pluck()
      .get(spec) as string;
    const site = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: spec, investigatorId: pi }))
      .trialSiteId;
    const { id } = await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId: lead, type: 'initial' });
    await approveAtLead(db, id);
    const requestId = requestOf(db, site)!.id;
    for (const locale of ['zh-CN', 'en'] as const) {
      const o = await pageOf(env.browser, env.server.url, 'site-gulou@demo.ctp', locale);
      await o.page.goto(`${env.server.url}/recognition/requests/${requestId}`);
      await expect(o.page.getByTestId('packet-pi').inputValue()).resolves.toMatch(/（(正高|副高|中级)）/);
      await expect(o.page.getByTestId('packet-capacity').inputValue()).resolves.toContain('试验床位');
      await o.page.screenshot({ path: `${ARTIFACTS}recognition-packet-prefilled-${locale}.png`, fullPage: true });
      expect(o.errors).toEqual([]);
      await o.close();
    }
  }, 180_000);
});
