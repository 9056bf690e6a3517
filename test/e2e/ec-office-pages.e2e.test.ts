import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../packages/domain/src/auth/login-throttle.ts';
import { seedDemoCommittees } from '../../packages/domain/src/seed/demo-committees.ts';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { selectPiSite, tickEveryItem, tinyPdf } from '../helpers/fixtures.ts';
import { callerAs, createSeededDatabase } from '../helpers/test-app.ts';

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The EC office's pages in both languages (issue 14): the screening form (nothing ticked by default, uploads meet
 * their items), the SOP page (legal quorum, checklist with document kinds) and the meeting page (trial, PI, sponsor,
 * risk, primary reviewers; nobody present is not "no members").
 */
describe('the EC office’s screening, SOP and meeting pages, in Chinese and English', () => {
  const env = useBrowserServer({
    database: async () => {
      const database = await createSeededDatabase();
      seedDemoCommittees(
        database.db,
        { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } },
        Date.now(),
      );
      return database;
    },
  });

  it('shows them truthfully, without a page error', async () => {
    const db = env.server.database;
    const as = (email: string) => callerAs(db, email);
    const sponsor = as('sponsor@demo.ctp');
    const trial = async (titleZh: string, titleEn: string) => {
      const { id: trialId } = await sponsor.trials.create({
        titleZh,
        titleEn,
        type: 'drug',
        phase: 'III',
        conditions: ['肺癌'],
        targetEnrolment: 60,
        riskLevel: 'medium',
      });
      return selectPiSite(db, sponsor, trialId);
    };
    const site = as('site@demo.ctp');
    const secretary = as('ec@demo.ctp');
    // One submitted file awaiting screening, one on a meeting's agenda.
    const screenSiteId = await trial('（测试）形式审查页面', '(test) Screening page');
    const { id: screenId } = await site.submissions.create({ trialSiteId: screenSiteId, type: 'initial' });
    const agendaSiteId = await trial('（测试）会议议程页面', '(test) Meeting agenda page');
    const { id: agendaId } = await site.submissions.create({ trialSiteId: agendaSiteId, type: 'initial' });
    await site.submissions.submit({ id: agendaId });
    await secretary.submissions.screen({
      id: agendaId,
      accept: true,
      checklist: await tickEveryItem(secretary, agendaId),
    });
    const { id: meetingId } = await secretary.meetings.create({
      committeeId: 'ec-jsph',
      date: today,
      submissionIds: [agendaId],
    });

    // The trial office uploads the protocol through the file route (in its session) and submits.
    const siteContext = await newContext(env.browser);
    const sitePage = await siteContext.newPage();
    await signIn(sitePage, env.server.url, 'site@demo.ctp');
    await sitePage.getByTestId('home-site_admin').waitFor();
    const res = await sitePage.request.post(`${env.server.url}/api/files/submissions/${screenId}/documents`, {
      multipart: {
        kind: 'protocol',
        versionLabel: 'V1.0',
        versionDate: '2026-01-05',
        file: { name: 'protocol.pdf', mimeType: 'application/pdf', buffer: tinyPdf('protocol') },
      },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    await siteContext.close();
    await site.submissions.submit({ id: screenId });

    for (const locale of ['zh-CN', 'en'] as const) {
      const context = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(30_000);
      await context.addInitScript((l) => localStorage.setItem('ctp.locale', l), locale);
      const page = await context.newPage();
      const errors = watchErrors(page);
      const tag = locale === 'en' ? 'en' : 'zh';

      await signIn(page, env.server.url, 'ec@demo.ctp');
      await page.getByTestId('home-todos').waitFor();
      await page.goto(`${env.server.url}/ethics/submissions/${screenId}`);
      await page.getByTestId('step-accept').click();
      const modal = page.getByTestId('step-modal-accept');
      await modal.getByTestId('checklist-documented').first().waitFor();
      expect(await modal.getByTestId('checklist-documented').count()).toBe(1);
      expect(await page.getByTestId('step-ok').isDisabled()).toBe(true);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${ARTIFACTS}ec-screening-${tag}.png`, fullPage: true });
      await page.keyboard.press('Escape');

      await page.goto(`${env.server.url}/ethics/committee`);
      await page.getByTestId('checklist-editor').waitFor();
      await expect(page.getByTestId('sop-card').locator('input').nth(1).inputValue()).resolves.toBe('5');
      await page.screenshot({ path: `${ARTIFACTS}ec-sop-${tag}.png`, fullPage: true });

      await page.goto(`${env.server.url}/ethics/meetings/${meetingId}`);
      await page.getByTestId('agenda-brief').waitFor();
      const empty = await page.getByTestId('agenda-item').locator('.ant-table-placeholder').textContent();
      expect(empty).toMatch(locale === 'en' ? /8 serving members, at least 5/ : /在任委员 8 人.*至少 5 人/);
      expect(await page.getByTestId('agenda-item').textContent()).toContain(
        locale === 'en' ? '(test) Meeting agenda page' : '（测试）会议议程页面',
      );
      await page.screenshot({ path: `${ARTIFACTS}ec-meeting-${tag}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 240_000);
});
