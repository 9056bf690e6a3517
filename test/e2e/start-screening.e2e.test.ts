import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { selectPiSite } from '../helpers/fixtures.ts';
import { callerAs } from '../helpers/test-app.ts';

const TITLE = '（测试）EC-808 治疗晚期肝癌的随机对照 III 期研究';

describe('the workflow kernel in the browser (issue 15)', () => {
  const env = useBrowserServer();

  it('offers the secretary 开始形式审查 on a submitted file and the sponsor the lifecycle steps of the table', async () => {
    const db = env.server.database;
    const sponsorApi = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsorApi.trials.create({
      titleZh: TITLE,
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20260808',
      conditions: ['肝癌'],
      targetEnrolment: 100,
      riskLevel: 'medium',
    });
    const trialSiteId = await selectPiSite(db, sponsorApi, trialId);
    const siteApi = callerAs(db, 'site@demo.ctp');
    const { id } = await siteApi.submissions.create({ trialSiteId, type: 'initial', title: '初始审查' });
    await siteApi.submissions.submit({ id });

    const ctx = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    ctx.setDefaultTimeout(15_000);
    const ec = await ctx.newPage();
    const errors = watchErrors(ec);
    await signIn(ec, env.server.url, 'ec@demo.ctp');
    await ec.getByTestId('main-nav').waitFor();
    await ec.goto(`${env.server.url}/ethics/submissions/${id}`);
    await ec.getByTestId('submission-header').getByText('已提交').waitFor();
    await ec.getByTestId('step-start-screening').click();
    await ec.getByTestId('submission-header').getByText('形式审查').waitFor();
    await ec.getByTestId('submission-timeline').getByText('开始形式审查').waitFor();
    // From screening the secretary accepts or returns, and screening is not offered again.
    await ec.getByTestId('step-accept').waitFor();
    expect(await ec.getByTestId('step-start-screening').count()).toBe(0);
    await ec.screenshot({ path: `${ARTIFACTS}start-screening.png`, fullPage: true });
    expect(errors).toEqual([]);

    // The sponsor's board buttons come from availableSteps(SITE_TRANSITIONS, state, 'sponsor').
    const sponsor = await (await newContext(env.browser, { viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(sponsor, env.server.url, 'sponsor@demo.ctp');
    await sponsor.getByTestId('main-nav').waitFor();
    await sponsor.goto(`${env.server.url}/trials/${trialId}`);
    await sponsor.getByTestId(`suspend-${trialSiteId}`).waitFor();
    expect(await sponsor.getByTestId(`terminate-${trialSiteId}`).count()).toBe(1);
    expect(await sponsor.getByTestId(`resume-${trialSiteId}`).count()).toBe(0);
    await sponsor.screenshot({ path: `${ARTIFACTS}trial-board-steps.png`, fullPage: true });
  });
});
