import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newPage, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { giveExpeditedViews, selectPiSite } from '../helpers/fixtures.ts';
import { seedRoster } from '../helpers/roster.ts';
import { callerAs } from '../helpers/test-app.ts';

describe('the EC queue marks decided reviews by working days, the SOP shows the attendance needed (issue 14)', () => {
  const env = useBrowserServer();

  it('shows a decided review as decided within the limit, not overdue, and the committee page its quorum', async () => {
    const db = env.server.database;
    const as = (email: string) => callerAs(db, email);
    await seedRoster(db, { termEnd: null });
    const { id: trialId } = await as('sponsor@demo.ctp').trials.create({
      titleZh: '（测试）按时限决定',
      type: 'drug',
      phase: 'III',
      conditions: ['时限'],
      targetEnrolment: 30,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(db, as('sponsor@demo.ctp'), trialId);
    const { id } = await as('site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' });
    await as('site@demo.ctp').submissions.submit({ id });
    await as('ec@demo.ctp').submissions.screen({ id, accept: true });
    await as('ec@demo.ctp').submissions.triage({ id, path: 'expedited' });
    await giveExpeditedViews(db, as, id);
    await as('chair@demo.ctp').submissions.decide({ id, outcome: 'approved' });

    const page = await newPage(env.browser, { viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await signIn(page, env.server.url, 'ec@demo.ctp');
    await page.getByTestId('home-todos').waitFor();
    await page.goto(`${env.server.url}/ethics/submissions/${id}`);
    const clock = page.getByTestId('submission-clock');
    await expect(clock.getByTestId('clock-decided').textContent()).resolves.toBe('按时限决定');
    await expect(clock.getByTestId('clock-overdue').count()).resolves.toBe(0);
    await clock.screenshot({ path: `${ARTIFACTS}submission-clock-decided.png` });

    await page.goto(`${env.server.url}/ethics/committee`);
    await expect(page.getByTestId('sop-quorum-required').textContent()).resolves.toMatch(
      /会议现须至少 \d+ 人出席.*不少于 5 人/,
    );
    await page.getByTestId('sop-card').screenshot({ path: `${ARTIFACTS}committee-sop.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
