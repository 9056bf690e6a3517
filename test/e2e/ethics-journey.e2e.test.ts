import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../packages/domain/src/auth/login-throttle.ts';
import { seedDemoCommittees } from '../../packages/domain/src/seed/demo-committees.ts';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { pdfText, selectPiSite, tinyPdf } from '../helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../helpers/test-app.ts';

const TITLE = '（测试）EC-606 治疗复发难治多发性骨髓瘤的多中心 III 期研究';

/** A letter's text without whitespace (pdf.js splits Chinese runs with spaces). */
const letterText = async (bytes: Buffer) => (await pdfText(bytes)).replace(/\s+/g, '');

/** Uploads through the same file route as the form, in the page's session (for the kinds the journey does not show). */
async function postDocument(page: Page, baseUrl: string, submissionId: string, kind: string) {
  const res = await page.request.post(`${baseUrl}/api/files/submissions/${submissionId}/documents`, {
    multipart: {
      kind,
      versionLabel: 'V3.1',
      versionDate: '2026-01-05',
      file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(kind) },
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

async function uploadDocument(page: Page, kindLabel: string, version: string, name: string) {
  const form = page.getByTestId('document-upload');
  await form.getByTestId('upload-kind').click();
  await page.locator('.ant-select-dropdown:visible').getByText(kindLabel, { exact: true }).click();
  await form.getByTestId('upload-version').fill(version);
  await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: tinyPdf(name) });
  await form.getByTestId('upload-submit').click();
  await page.getByTestId('documents-panel').getByText(version, { exact: true }).first().waitFor();
}

describe('issue 5 in the browser: an initial review from submission to letter', () => {
  // The demo with its committee rosters (8 members at 江苏省人民医院: quorum is 5 counted members).
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

  it('submit with protocol and ICF, return once, accept, meeting with quorum and a refused conflicted vote, 同意, letter, ethics_approved; the sponsor sees the letter, not the votes', async () => {
    const db = env.server.database;
    const sponsorApi = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsorApi.trials.create({
      titleZh: TITLE,
      titleEn: '(test) EC-606 in relapsed or refractory multiple myeloma: a multicentre phase III study',
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20260606',
      conditions: ['多发性骨髓瘤'],
      targetEnrolment: 180,
      riskLevel: 'medium',
    });
    const trialSiteId = await selectPiSite(db, sponsorApi, trialId);

    // 1. The trial office prepares the initial review from its site board, attaches the protocol and ICF, submits.
    const siteCtx = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
    siteCtx.setDefaultTimeout(30_000);
    const site = await siteCtx.newPage();
    const siteErrors = watchErrors(site);
    await signIn(site, env.server.url, 'site@demo.ctp');
    await site.getByTestId('home-site_admin').waitFor();
    await site.getByTestId('main-nav').getByText('中心进度').click();
    await site.getByTestId(`ethics-submit-${trialSiteId}`).click();
    await site.getByTestId('ethics-submit-ok').click();
    await site.waitForURL(/\/ethics\/submissions\/[^/]+$/);
    const submissionId = new URL(site.url()).pathname.split('/').pop()!;
    await site.getByTestId('submission-header').getByText('草稿').waitFor();
    await uploadDocument(site, '方案', 'V2.0', 'protocol-v2.0.pdf');
    await uploadDocument(site, '知情同意书', 'V1.0', 'icf-v1.0.pdf');
    // 提交送审 asks first, naming the required documents of the committee's checklist still missing (issue 14).
    await site.getByTestId('step-submit').click();
    const confirm = site.getByTestId('submit-confirm');
    await confirm.getByText(/研究者手册/).waitFor();
    expect(await confirm.textContent()).toContain('GCP 证书');
    expect(await confirm.textContent()).not.toContain('知情同意书');
    await site.waitForTimeout(500); // the modal's opening animation
    await site.screenshot({ path: `${ARTIFACTS}ethics-journey-submit-confirm.png`, fullPage: true });
    await site.getByTestId('submit-confirm-ok').click();
    await site.getByTestId('submission-header').getByText('已提交').waitFor();

    // 2. The secretary screens and returns it once with a reason.
    const ecCtx = await newContext(env.browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    ecCtx.setDefaultTimeout(30_000);
    const ec = await ecCtx.newPage();
    const ecErrors = watchErrors(ec);
    await signIn(ec, env.server.url, 'ec@demo.ctp');
    await ec.getByTestId('main-nav').getByText('伦理审查').click();
    await ec.getByTestId(`submission-row-${submissionId}`).getByTestId('submission-link').click();
    await ec.getByTestId('documents-icf').getByText('V1.0', { exact: true }).waitFor();
    await ec.getByTestId('step-return').click();
    // Screening against the committee's checklist: nothing is ticked by default; the uploaded kinds are met, and the
    // reasons start from the required items that are not.
    const reasons = await ec.getByTestId('step-reasons').inputValue();
    expect(reasons).toContain('缺少或不符合要求：研究者手册');
    expect(reasons).not.toContain('知情同意书（注明版本号和版本日期）');
    expect(await ec.getByTestId('checklist-documented').count()).toBe(2);
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-screening-return.png`, fullPage: true });
    await ec.getByTestId('step-reasons').fill('知情同意书缺少研究者联系电话；请补交研究者手册等必备文件');
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('退回补正').waitFor();

    // 3. The applicant attaches the corrected ICF and resubmits.
    await site.reload();
    await site.getByTestId('submission-timeline').getByText('知情同意书缺少研究者联系电话').waitFor();
    await uploadDocument(site, '知情同意书', 'V1.1', 'icf-v1.1.pdf');
    for (const kind of [
      'application_form',
      'investigator_brochure',
      'crf',
      'investigator_cv',
      'gcp_certificate',
      'nmpa_approval',
      'insurance',
    ])
      await postDocument(site, env.server.url, submissionId, kind);
    await site.reload();
    await site.getByTestId('step-submit').click();
    await site
      .getByTestId('submit-confirm')
      .getByText(/必备文件均已上传/)
      .waitFor();
    await site.getByTestId('submit-confirm-ok').click();
    await site.getByTestId('submission-header').getByText('形式审查').waitFor();

    // 4. Accepted (受理号) and triaged to a convened meeting.
    await ec.reload();
    await ec.getByTestId('step-accept').click();
    const screening = ec.getByTestId('step-modal-accept');
    await screening.getByTestId('step-checklist').waitFor();
    // Every required document is uploaded; 送审文件清单 has no document kind: the secretary must tick it.
    await screening.getByTestId('checklist-unmet').getByText('送审文件清单').waitFor();
    expect(await ec.getByTestId('step-ok').isDisabled()).toBe(true);
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-screening-accept.png`, fullPage: true });
    await screening.getByTestId('step-checklist').getByText('送审文件清单', { exact: true }).click();
    await screening.getByTestId('checklist-unmet').waitFor({ state: 'detached' });
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('已受理').waitFor();
    // The timeline says truthfully what met the checklist: nine uploads, one tick, the optional items not met.
    await ec
      .getByTestId('timeline-checklist')
      .getByText(/10\/13 项已满足（上传文件 9 项，秘书核对 1 项）/)
      .waitFor();
    const acceptanceNo = (await ec.getByTestId('acceptance-no').textContent())!.trim();
    expect(acceptanceNo).toMatch(/^JSPH-\d{4}-\d{4}$/);
    await ec.getByTestId('step-triage').click();
    await ec.getByTestId('step-path').getByText('会议审查').click();
    await ec.getByTestId('step-ok').click();
    await ec.getByTestId('submission-header').getByText('审查中').waitFor();

    // 5. A meeting with the submission on its agenda.
    await ec.getByTestId('main-nav').getByText('审查会议').click();
    await ec.getByTestId('meeting-create').click();
    await ec.getByTestId('meeting-title').fill('2026 年第 12 次伦理审查会议');
    await ec.getByTestId('meeting-agenda-select').click();
    await ec.locator('.ant-select-dropdown:visible').getByText(acceptanceNo).click();
    await ec.getByTestId('meeting-title').click(); // closes the agenda dropdown
    await ec.getByTestId('meeting-create-ok').click();
    // Created: the meeting page opens.
    await ec.waitForURL(/\/ethics\/meetings\/[^/]+$/);
    await ec.getByTestId('agenda-item').getByText(acceptanceNo).waitFor();

    // 6. Quorum, live: four present of eight is not enough, and a vote is refused.
    const quorum = ec.getByTestId('quorum-indicator');
    // Nobody marked present yet: the item says how many serve and how many must attend, not "no members".
    await ec.getByTestId('agenda-item').getByText('尚未登记出席：在任委员 8 人，法定人数须至少 5 人出席').waitFor();
    await ec.getByTestId('agenda-brief').getByText(TITLE).waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-meeting-empty.png`, fullPage: true });
    const attend = async (name: string) => {
      await ec.locator(`[data-testid=attendance-toggle][data-member="${name}"]`).click();
      await ec.locator(`[data-testid=attendance-toggle][data-member="${name}"][aria-checked=true]`).waitFor();
    };
    for (const name of ['王主任委员', '郑委员', '陈晓燕', '吴志刚']) await attend(name);
    await ec.locator('[data-testid=quorum-indicator][data-met=false]').waitFor();
    const voteFor = (name: string, choice: string) =>
      ec.locator(`[data-testid=vote-${choice}][data-member="${name}"]`).click();
    await voteFor('王主任委员', 'approve');
    await ec
      .getByTestId('meeting-error')
      .getByText(/法定人数/)
      .waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-no-quorum.png`, fullPage: true });
    for (const name of ['周明远', '赵淑芬']) await attend(name);
    await ec.locator('[data-testid=quorum-indicator][data-met=true]').waitFor();
    expect(await quorum.getAttribute('data-met')).toBe('true');

    // 7. 郑委员 declares a conflict (is recused); a vote recorded for them is refused. The quorum still holds (5).
    await ec.locator('[data-testid=recuse-member][data-member="郑委员"]').click();
    await ec.getByTestId('recuse-reason').fill('本人为该试验的合作研究者');
    await ec.getByTestId('recuse-ok').click();
    await ec.locator('[data-testid=recuse-member][data-member="郑委员"]').waitFor({ state: 'detached' });
    await voteFor('郑委员', 'approve');
    await ec
      .getByTestId('meeting-error')
      .getByText(/回避|利益冲突/)
      .waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-conflict-refused.png`, fullPage: true });
    await ec.locator('[data-testid=quorum-indicator][data-met=true]').waitFor();

    // 8. The others vote 同意; the majority is recorded as the decision.
    for (const name of ['王主任委员', '陈晓燕', '吴志刚', '周明远', '赵淑芬']) {
      await voteFor(name, 'approve');
      await ec.locator(`tr[data-member="${name}"] .ant-radio-button-wrapper-checked`).waitFor();
    }
    await ec.getByTestId('vote-majority').getByText('同意').waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-votes.png`, fullPage: true });
    await ec.getByTestId('vote-tally').getByText('同意 5').waitFor();
    await ec.getByTestId('record-decision').click();
    await ec.getByTestId('agenda-item').locator('.ant-tag-green').getByText('同意').waitFor();
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-meeting.png`, fullPage: true });

    // 9. The letter: issued by the secretary, downloaded, naming the versions that were approved.
    await ec.goto(`${env.server.url}/ethics/submissions/${submissionId}`);
    await ec.getByTestId('submission-header').getByText('已作出决定').waitFor();
    await ec.getByTestId('letter-issue').click();
    await ec.getByTestId('letter-issue-ok').click();
    await ec.getByTestId('submission-header').getByText('批件已签发').waitFor();
    const letterNo = (await ec.getByTestId('letter-no').textContent())!.trim();
    expect(letterNo).toMatch(/^JSPH-EC-\d{4}-\d{4}$/);
    const [download] = await Promise.all([ec.waitForEvent('download'), ec.getByTestId('letter-download').click()]);
    const letter = await letterText(readFileSync((await download.path())!));
    for (const s of [letterNo, acceptanceNo, '同意', 'V2.0', 'V1.1', 'CTR20260606']) expect(letter).toContain(s);
    expect(letter).not.toContain('V1.0');
    await ec.screenshot({ path: `${ARTIFACTS}ethics-journey-letter.png`, fullPage: true });

    // 10. The trial site is ethics_approved (no second data entry).
    await site.getByTestId('main-nav').getByText('中心进度').click();
    await site.getByText('伦理通过').first().waitFor();
    const siteRow = db.sqlite.prepare('select state from trial_sites where id = ?').pluck().get(trialSiteId);
    expect(siteRow).toBe('ethics_approved');

    // 11. The sponsor sees the decision and downloads the letter, but no votes, attendance or conflicts.
    const spCtx = await newContext(env.browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    spCtx.setDefaultTimeout(30_000);
    const sp = await spCtx.newPage();
    const spErrors = watchErrors(sp);
    await signIn(sp, env.server.url, 'sponsor@demo.ctp');
    await sp.getByTestId('home-sponsor').waitFor();
    await sp.goto(`${env.server.url}/ethics/submissions/${submissionId}`);
    await sp.getByTestId('letter-no').getByText(letterNo).waitFor();
    const [spDownload] = await Promise.all([sp.waitForEvent('download'), sp.getByTestId('letter-download').click()]);
    expect(await letterText(readFileSync((await spDownload.path())!))).toContain(letterNo);
    const body = (await sp.locator('body').textContent())!.replace(/\s+/g, '');
    for (const secret of ['王主任委员', '郑委员', '本人为该试验的合作研究者', '法定人数'])
      expect(body).not.toContain(secret);
    expect(await sp.getByTestId('submission-review').count()).toBe(0);
    const meetingId = db.sqlite.prepare('select meeting_id from submissions where id = ?').pluck().get(submissionId);
    expect((await apiErrorOf(sponsorApi.meetings.get({ meetingId: meetingId as string }))).code).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
    await sp.screenshot({ path: `${ARTIFACTS}ethics-journey-sponsor.png`, fullPage: true });

    expect(siteErrors).toEqual([]);
    expect(ecErrors).toEqual([]);
    expect(spErrors).toEqual([]);
    await siteCtx.close();
    await ecCtx.close();
    await spCtx.close();
  }, 300_000);
});
