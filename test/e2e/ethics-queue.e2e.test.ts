import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { selectPiSite } from '../helpers/fixtures.ts';
import { callerAs } from '../helpers/test-app.ts';

const TITLE = '（测试）EC-505 治疗晚期胃癌的随机对照 III 期研究';
const TITLE_EN = '(test) EC-505 in advanced gastric cancer: a randomised phase III study';

describe('the EC work queue and a submission page, in the browser', () => {
  const env = useBrowserServer();

  it('the site submits to ethics; the secretary returns it once, accepts it (number, clock) and triages it', async () => {
    const db = env.server.database;
    // Setup through the API: a new trial with the demo PI's specialty at 江苏省人民医院 selected.
    const sponsorApi = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsorApi.trials.create({
      titleZh: TITLE,
      titleEn: TITLE_EN,
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20260505',
      conditions: ['胃癌'],
      targetEnrolment: 200,
      riskLevel: 'high',
    });
    const trialSiteId = await selectPiSite(db, sponsorApi, trialId);

    // 1. The trial office submits the initial review from its site board.
    const siteCtx = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    siteCtx.setDefaultTimeout(15_000);
    const site = await siteCtx.newPage();
    const siteErrors = watchErrors(site);
    await signIn(site, env.server.url, 'site@demo.ctp');
    await site.getByTestId('home-site_admin').waitFor();
    await site.getByTestId('main-nav').getByText('中心进度').click();
    await site.getByTestId(`ethics-submit-${trialSiteId}`).click();
    await site.getByTestId('ethics-submit-ok').click();
    await site.waitForURL(/\/ethics\/submissions\/[^/]+$/);
    const submissionId = new URL(site.url()).pathname.split('/').pop()!;
    // A draft first (documents are attached to it), then submitted from the submission page.
    await site.getByTestId('submission-header').getByText('草稿').waitFor();
    await site.getByTestId('step-submit').click();
    // 提交送审 asks first, naming any required document still missing (issue 14).
    await site.getByTestId('submit-confirm-ok').click();
    await site.getByTestId('submission-header').getByText('已提交').waitFor();
    // The applicant sees no EC steps and never the committee's own block.
    expect(await site.getByTestId('step-accept').count()).toBe(0);
    expect(await site.getByTestId('submission-review').count()).toBe(0);

    // 2. The secretary finds it in 伦理审查 and returns it once with a reason.
    const ecCtx = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    ecCtx.setDefaultTimeout(15_000);
    const ec = await ecCtx.newPage();
    const ecErrors = watchErrors(ec);
    await signIn(ec, env.server.url, 'ec@demo.ctp');
    await ec.getByTestId('main-nav').getByText('伦理审查').click();
    const row = ec.getByTestId(`submission-row-${submissionId}`);
    await row.getByText(TITLE).waitFor();
    await row.getByText('已提交').waitFor();
    await row.getByText('未受理').waitFor();
    await row.getByTestId('submission-link').click();
    await ec.waitForURL(new RegExp(`/ethics/submissions/${submissionId}$`));
    await ec.getByTestId('step-return').click();
    // OK with no reason is refused in the form; a click during the modal's opening animation can be lost, so retry.
    await ec.getByTestId('step-reasons').waitFor();
    const reasonRequired = ec.getByText('请写明退回理由');
    for (let tries = 0; tries < 5 && !(await reasonRequired.isVisible()); tries++) {
      await ec.getByTestId('step-ok').click();
      await reasonRequired.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await reasonRequired.waitFor();
    await ec.getByTestId('step-reasons').fill('缺少知情同意书签字页');
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('退回补正').waitFor();
    await ec.getByTestId('submission-timeline').getByText('缺少知情同意书签字页').waitFor();

    // 3. The applicant resubmits (through the API), the secretary accepts: acceptance number and clock.
    const back = await callerAs(db, 'site@demo.ctp').submissions.submit({ id: submissionId });
    expect(back.state).toBe('screening');
    await ec.reload();
    await ec.getByTestId('submission-header').getByText('形式审查').waitFor();
    await ec.getByTestId('step-accept').click();
    await ec.getByTestId('accept-ok').click();
    await ec.getByTestId('submission-header').getByText('已受理').waitFor();
    const acceptanceNo = (await ec.getByTestId('submission-header').getByTestId('acceptance-no').textContent())!;
    expect(acceptanceNo.trim()).not.toBe('');
    await ec.getByTestId('submission-clock').getByText('到期日').waitFor();
    await ec.getByTestId('submission-clock').getByText('/ 15').waitFor();
    await ec.getByTestId('step-triage').waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-submission.png`, fullPage: true });

    // Triage: a high-risk study cannot be expedited — the option is closed and the modal says why; convened it is.
    await ec.getByTestId('step-triage').click();
    await ec.getByTestId('expedited-rule').getByText('高风险研究不能走简易程序。').waitFor();
    expect(await ec.getByTestId('step-path').locator('input[value=expedited]').isDisabled()).toBe(true);
    await ec.screenshot({ path: `${ARTIFACTS}ethics-triage-refused.png` });
    await ec.getByTestId('step-path').getByText('会议审查').click();
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('审查中').waitFor();
    // A request for information stops the clock.
    await ec.getByTestId('step-request-info').click();
    await ec.getByTestId('step-questions').fill('请补充受试者招募广告的定稿');
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('待补充').waitFor();
    await ec.getByTestId('submission-clock').getByTestId('clock-stopped').waitFor();

    // The queue shows the number and the days used against the limit.
    await ec.getByTestId('main-nav').getByText('伦理审查').click();
    await row.getByText(acceptanceNo.trim()).waitFor();
    await row.getByText('已用 0 / 15 个工作日').waitFor();
    await row.getByTestId('clock-stopped').waitFor();
    await ec.waitForTimeout(500); // the page's fade-in
    await ec.screenshot({ path: `${ARTIFACTS}ethics-queue.png`, fullPage: true });

    // English, for a look at the same pages.
    await ec.getByTestId('locale-switch').click();
    await row.getByText('Information requested').waitFor();
    await ec.waitForTimeout(500); // the page's fade-in
    await ec.screenshot({ path: `${ARTIFACTS}ethics-queue.en.png`, fullPage: true });
    await row.getByTestId('submission-link').click();
    await ec.getByTestId('submission-clock').getByText('Due date').waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-submission.en.png`, fullPage: true });

    // The applicant's page follows, read-only.
    await site.reload();
    await site.getByTestId('submission-header').getByText(acceptanceNo.trim()).waitFor();
    expect(await site.getByTestId('submission-review').count()).toBe(0);
    await site.getByTestId('step-respond').click();
    await site.getByTestId('step-answer').fill('招募广告定稿已上传，见附件 v2.0');
    await site.getByTestId('step-ok').click();
    await site.getByTestId('submission-header').getByText('审查中').waitFor();
    await site.getByTestId('submission-timeline').getByText('招募广告定稿已上传，见附件 v2.0').waitFor();
    await site.screenshot({ path: `${ARTIFACTS}ethics-submission.applicant.png`, fullPage: true });

    expect(siteErrors).toEqual([]);
    expect(ecErrors).toEqual([]);
    await siteCtx.close();
    await ecCtx.close();
  }, 180_000);
});
