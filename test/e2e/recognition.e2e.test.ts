import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newContext, signIn, watchErrors } from '../helpers/browser.ts';
import { useBrowserServer } from '../helpers/browser-server.ts';
import { giveExpeditedViews } from '../helpers/fixtures.ts';
import { uploadVersion } from '../helpers/recognition-journey.ts';
import { apiErrorOf, callerAs } from '../helpers/test-app.ts';

const TITLE = '（测试）HR-707 治疗 2 型糖尿病的多中心 III 期研究';

describe('mutual recognition over three hospitals, in the browser', () => {
  const env = useBrowserServer();

  it('lead approval → two requests and one reason → recognised and declined → board → amendment acknowledged', async () => {
    const db = env.server.database;
    const uid = (email: string) =>
      db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;
    // Set-up through the API: the lead EC's roster, a trial led by 省人医 with sites at 鼓楼, 省肿瘤 and 中大.
    const secretary = callerAs(db, 'ec@demo.ctp');
    const base = { committeeId: 'ec-jsph', termStart: '2025-01-01', termEnd: '2029-12-31' } as const;
    await secretary.committees.addMember({
      ...base,
      userId: uid('chair@demo.ctp'),
      role: 'chair',
      expertise: 'medical',
      isAffiliated: true,
    });
    await secretary.committees.addMember({
      ...base,
      userId: uid('member@demo.ctp'),
      role: 'member',
      expertise: 'medical',
      isAffiliated: true,
    });
    const sponsorApi = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsorApi.trials.create({
      titleZh: TITLE,
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20260707',
      conditions: ['2 型糖尿病'],
      targetEnrolment: 300,
      riskLevel: 'low', // low: an initial review may then be expedited (committee SOP)
      leadHospitalId: 'hosp-jsph',
    });
    const pi = db.sqlite
      .prepare(
        `select i.id as investigatorId, s.hospital_specialty_id as specialtyId from investigators i
         join users u on u.id = i.user_id join investigator_specialties s on s.investigator_id = i.id
         where u.email = 'pi@demo.ctp' limit 1`,
      )
      .get() as { investigatorId: string; specialtyId: string };
    const lead = await sponsorApi.trialSites.select({
      trialId,
      hospitalSpecialtyId: pi.specialtyId,
      investigatorId: pi.investigatorId,
    });
    const specialtyOf = (h: string) =>
      db.sqlite
        .prepare('select id from hospital_specialties where hospital_org_id = ? order by id limit 1')
        .pluck()
        .get(`hosp-${h}`) as string;
    const sites: Record<string, string> = {};
    for (const h of ['njglyy', 'jsch', 'zdyy'])
      sites[h] = (await sponsorApi.trialSites.select({ trialId, hospitalSpecialtyId: specialtyOf(h) })).trialSiteId;
    const approveAtLead = async (id: string) => {
      await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
      await secretary.submissions.screen({ id, accept: true });
      await secretary.submissions.triage({ id, path: 'expedited' });
      await giveExpeditedViews(db, (email) => callerAs(db, email), id);
      await callerAs(db, 'chair@demo.ctp').submissions.decide({
        id,
        outcome: 'approved',
        conditions: '按期提交跟踪审查报告',
      });
    };
    const { id: leadSubmissionId } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: lead.trialSiteId,
      type: 'initial',
    });

    // 1. The lead EC approves the trial (with its ICF V1.0).
    await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(leadSubmissionId);
    // Retried approval: refused, and no second set of requests.
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'chair@demo.ctp').submissions.decide({ id: leadSubmissionId, outcome: 'approved' }),
        )
      ).code,
    ).toBe('INVALID_TRANSITION');
    const requestId = (site: string) =>
      db.sqlite.prepare('select id from recognition_requests where trial_site_id = ?').pluck().get(site) as
        | string
        | undefined;
    expect(db.sqlite.prepare('select count(*) from recognition_requests where trial_id = ?').pluck().get(trialId)).toBe(
      2,
    );
    const gulouReq = requestId(sites.njglyy!)!;
    const zhongliuReq = requestId(sites.jsch!)!;
    expect(requestId(sites.zdyy!)).toBeUndefined();

    const page = async (email: string): Promise<{ p: Page; errors: string[]; close: () => Promise<void> }> => {
      const ctx = await newContext(env.browser, { viewport: { width: 1440, height: 900 } });
      ctx.setDefaultTimeout(15_000);
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await signIn(p, env.server.url, email);
      await p.getByTestId('main-nav').waitFor();
      return { p, errors, close: () => ctx.close() };
    };

    // 2. The sponsor's board: two requests waiting for packets, 中大 with its reason.
    const sponsor = await page('sponsor@demo.ctp');
    await sponsor.p.goto(`${env.server.url}/trials/${trialId}`);
    await sponsor.p.getByTestId('recognition-board-link').click();
    await sponsor.p.waitForURL(new RegExp(`/trials/${trialId}/recognition$`));
    await sponsor.p.getByTestId(`board-row-${sites.zdyy}`).getByText('不在互认协议中').waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByText('待提交本地资料').waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.jsch}`).getByText('待提交本地资料').waitFor();

    // 3. 鼓楼's trial office submits the packet (fees pre-filled from its local-context profile).
    const siteGulou = await page('site-gulou@demo.ctp');
    await siteGulou.p.getByTestId('main-nav').getByText('伦理互认').click();
    await siteGulou.p.getByTestId(`recognition-row-${gulouReq}`).getByTestId('recognition-link').click();
    await siteGulou.p.waitForURL(new RegExp(`/recognition/requests/${gulouReq}$`));
    expect(await siteGulou.p.getByTestId('packet-fees').inputValue()).toContain('3000');
    await siteGulou.p.getByTestId('packet-pi').fill('主任医师，GCP 培训 2025-03');
    await siteGulou.p.getByTestId('packet-capacity').fill('病房 20 床，-80 ℃ 冰箱 2 台');
    await siteGulou.p.getByTestId('packet-submit').click();
    await siteGulou.p.getByTestId('recognition-header').getByText('本地资料已提交').waitFor();

    // 4. 鼓楼's EC accepts (clock 7 working days), fills the local checklist and recognises within its clock.
    const ecGulou = await page('ec-gulou@demo.ctp');
    await ecGulou.p.goto(`${env.server.url}/recognition/requests/${gulouReq}`);
    await ecGulou.p.getByTestId('lead-decision').getByText('按期提交跟踪审查报告').waitFor();
    await ecGulou.p.getByTestId('step-accept').click();
    await ecGulou.p.getByTestId('recognition-header').getByText('已受理').waitFor();
    await ecGulou.p.getByTestId('recognition-clock').getByText('/ 7').waitFor();
    for (const item of ['pi_qualification', 'pi_load', 'capacity_equipment', 'local_icf_clauses', 'fees_insurance'])
      await ecGulou.p.getByTestId(`check-${item}`).getByText('符合').click();
    await ecGulou.p.getByTestId('checklist-save').click();
    await ecGulou.p.getByTestId('recognition-header').getByText('本地审查中').waitFor();
    await ecGulou.p.screenshot({ path: `${ARTIFACTS}recognition-request.png`, fullPage: true });
    await ecGulou.p.getByTestId('step-decide').click();
    await ecGulou.p.getByTestId('decide-outcome').getByText('认可', { exact: true }).click();
    await ecGulou.p.getByTestId('step-ok').click();
    await ecGulou.p.getByTestId('recognition-header').getByTestId('letter-no').waitFor();
    const letterNo = (await ecGulou.p.getByTestId('letter-no').textContent())!;
    expect(letterNo).toMatch(/^NJGLYY-HR-/);
    // The site's effective versions are now the lead's, bound with the recognition.
    await ecGulou.p.getByTestId('site-version-icf').getByText('V1.0').waitFor();
    await ecGulou.p.getByTestId('site-version-icf').getByText(letterNo, { exact: false }).waitFor();

    // 5. 省肿瘤 declines: a linked full submission appears.
    await callerAs(db, 'site-zhongliu@demo.ctp').recognition.requests.submitPacket({
      id: zhongliuReq,
      piQualification: '副主任医师',
      piCurrentLoad: 6,
      capacityAndEquipment: '病房 10 床',
      feesAndInsurance: '保险额度每例 30 万元',
    });
    const ecZhongliu = await page('ec-zhongliu@demo.ctp');
    await ecZhongliu.p.getByTestId('main-nav').getByText('伦理互认').click();
    await ecZhongliu.p.getByTestId(`recognition-row-${zhongliuReq}`).getByTestId('recognition-link').click();
    await ecZhongliu.p.getByTestId('step-accept').click();
    await ecZhongliu.p.getByTestId('recognition-header').getByText('已受理').waitFor();
    for (const item of ['pi_qualification', 'pi_load', 'capacity_equipment', 'local_icf_clauses'])
      await ecZhongliu.p.getByTestId(`check-${item}`).getByText('符合').click();
    await ecZhongliu.p.getByTestId('check-fees_insurance').getByText('有问题').click();
    await ecZhongliu.p.getByTestId('checklist-save').click();
    await ecZhongliu.p.getByTestId('recognition-header').getByText('本地审查中').waitFor();
    await ecZhongliu.p.getByTestId('step-decide').click();
    await ecZhongliu.p.getByTestId('decide-outcome').getByText('认可', { exact: true }).click();
    await ecZhongliu.p.getByTestId('step-ok').click();
    await ecZhongliu.p.getByTestId('form-error').getByText('本地审查清单有未解决的问题', { exact: false }).waitFor();
    await ecZhongliu.p.getByTestId('decide-outcome').getByText('不认可').click();
    await ecZhongliu.p.getByTestId('decide-reasons').fill('保险额度不满足本中心要求，转完整审查');
    await ecZhongliu.p.getByTestId('step-ok').click();
    await ecZhongliu.p.getByTestId('fallback-link').waitFor();

    // 6. The sponsor's board shows all of it.
    await sponsor.p.reload();
    await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByText('认可', { exact: true }).waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByText('伦理通过').waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.jsch}`).getByText('不认可').waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.jsch}`).getByTestId('board-fallback').waitFor();
    await sponsor.p.getByTestId(`board-row-${sites.zdyy}`).getByText('不在互认协议中').waitFor();
    await sponsor.p.getByTestId('board-summary').getByText('已认可 1', { exact: false }).waitFor();
    await sponsor.p.screenshot({ path: `${ARTIFACTS}recognition-board.png`, fullPage: true });

    // 7. An amendment approved at the lead fans out; 鼓楼's EC acknowledges it; the ICF flag clears.
    const { id: amendmentId } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: lead.trialSiteId,
      type: 'amendment',
    });
    await uploadVersion(db, amendmentId, 'icf', 'V2.0');
    await approveAtLead(amendmentId);
    await sponsor.p.reload();
    await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByTestId('icf-superseded').waitFor();
    expect(await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByTestId('effective-icf').textContent()).toBe(
      'V1.0',
    );
    await ecGulou.p.reload();
    await ecGulou.p.getByTestId('acks').getByText('待确认').waitFor();
    await ecGulou.p.getByTestId('request-icf-superseded').getByText('V2.0', { exact: false }).waitFor();
    await ecGulou.p.screenshot({ path: `${ARTIFACTS}recognition-site-versions.png`, fullPage: true });
    await ecGulou.p.getByTestId('ack-acknowledge').click();
    await ecGulou.p.getByTestId('acks').getByText('已确认').waitFor();
    // Acknowledged: the site moves to the amendment's ICF and the warning goes.
    await ecGulou.p.getByTestId('site-version-icf').getByText('V2.0').waitFor();
    expect(await ecGulou.p.getByTestId('request-icf-superseded').count()).toBe(0);
    await sponsor.p.reload();
    await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByText('认可', { exact: true }).waitFor();
    expect(await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByTestId('icf-superseded').count()).toBe(0);
    expect(await sponsor.p.getByTestId(`board-row-${sites.njglyy}`).getByTestId('effective-icf').textContent()).toBe(
      'V2.0',
    );

    // English look at the board and the request page.
    await sponsor.p.getByTestId('locale-switch').click();
    await sponsor.p.getByTestId(`board-row-${sites.zdyy}`).getByText('Not in an agreement').waitFor();
    await sponsor.p.waitForTimeout(400);
    await sponsor.p.screenshot({ path: `${ARTIFACTS}recognition-board.en.png`, fullPage: true });

    // 8. A participating EC never reads the lead's votes: not through the lead submission, nor in its request.
    expect((await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').submissions.get({ id: leadSubmissionId }))).code).toBe(
      'NOT_FOUND',
    );
    const shared = JSON.stringify(await callerAs(db, 'ec-gulou@demo.ctp').recognition.requests.get({ id: gulouReq }));
    for (const secret of ['"meetingVotes"', '"expeditedViews"', '"conflicts"', '"ecNotes"'])
      expect(shared).not.toContain(secret);

    expect(sponsor.errors).toEqual([]);
    expect(siteGulou.errors).toEqual([]);
    expect(ecGulou.errors).toEqual([]);
    expect(ecZhongliu.errors).toEqual([]);
    for (const s of [sponsor, siteGulou, ecGulou, ecZhongliu]) await s.close();
  }, 240_000);
});
