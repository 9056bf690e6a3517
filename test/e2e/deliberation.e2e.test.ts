import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { DELIBERATION_SECRETS, runDeliberationJourney } from '../helpers/deliberation-journey.ts';
import { callerAs } from '../helpers/test-app.ts';

/** Issue 12 in the browser: what a recused member, the applicant and the admin see of the committee's deliberation. */
describe('confidential deliberation, in the browser', () => {
  const env = useBrowserServer();

  async function pageAs(email: string): Promise<{ page: Page; errors: string[] }> {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, env.server.url, email);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return { page, errors };
  }

  it('shows 已回避 to the recused member, the committee’s name to the applicant, a redacted audit to the admin', async () => {
    const j = await runDeliberationJourney(env.server.database);

    // 郑委员 declared a conflict on the convened item: the meeting and the submission say 已回避, no vote shows.
    const member = await pageAs('member@demo.ctp');
    await member.page.goto(`${env.server.url}/ethics/meetings/${j.meetingId}`);
    await member.page.getByTestId('item-recused').waitFor();
    expect(await member.page.getByTestId('vote-tally').count()).toBe(0);
    await member.page.screenshot({ path: `${ARTIFACTS}deliberation-meeting-recused.png`, fullPage: true });
    await member.page.goto(`${env.server.url}/ethics/submissions/${j.convenedId}`);
    await member.page.getByTestId('review-recused').waitFor();
    expect((await member.page.getByTestId('submission-review').textContent()) ?? '').not.toContain('同意');
    await member.page.screenshot({ path: `${ARTIFACTS}deliberation-submission-recused.png`, fullPage: true });
    // A primary reviewer gives the expedited view in the browser (assigned and declared through the API).
    const db = env.server.database;
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const { id } = await site.submissions.create({ trialSiteId: j.leadSiteId, type: 'amendment' });
    await site.submissions.submit({ id });
    await secretary.submissions.screen({ id, accept: true });
    await secretary.submissions.triage({ id, path: 'expedited' });
    await secretary.reviews.assign({ submissionId: id, memberId: j.memberIds.memberId });
    await callerAs(db, 'member@demo.ctp').reviews.declare({ submissionId: id, hasConflict: false });
    await member.page.goto(`${env.server.url}/ethics/submissions/${id}`);
    await member.page.getByTestId('expedited-view-approve').click();
    await member.page.getByTestId('submission-review').getByText('郑委员').waitFor();
    await member.page.getByTestId('expedited-view').scrollIntoViewIfNeeded();
    await member.page.screenshot({ path: `${ARTIFACTS}deliberation-expedited-view.png`, fullPage: true });
    const views = (await callerAs(db, 'ec@demo.ctp').submissions.get({ id })).review?.expeditedViews;
    expect(views?.map((v) => v.choice)).toEqual(['approve']);
    expect(member.errors).toEqual([]);

    // The applicant: the committee's acts under its name; no member, no internal note, no referral.
    const applicant = await pageAs('site@demo.ctp');
    await applicant.page.goto(`${env.server.url}/ethics/submissions/${j.expeditedId}`);
    const timeline = applicant.page.getByTestId('submission-timeline');
    await timeline.getByText('医学伦理委员会').first().waitFor();
    const text = (await applicant.page.locator('main').textContent()) ?? '';
    for (const secret of [...DELIBERATION_SECRETS.memberNames, ...DELIBERATION_SECRETS.internalNotes, '孙秘书'])
      expect({ secret, shown: text.includes(secret) }).toEqual({ secret, shown: false });
    await applicant.page.screenshot({ path: `${ARTIFACTS}deliberation-applicant-timeline.png`, fullPage: true });
    expect(applicant.errors).toEqual([]);

    // The admin: the vote rows are marked, the choice is not shown.
    const admin = await pageAs('admin@demo.ctp');
    await admin.page.goto(`${env.server.url}/audit`);
    await admin.page.getByText('委员会内部（审议保密）').first().waitFor();
    await admin.page.screenshot({ path: `${ARTIFACTS}deliberation-admin-audit.png` });
    expect(admin.errors).toEqual([]);
  }, 180_000);
});
