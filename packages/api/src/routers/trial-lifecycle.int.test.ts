import type { DbHandle } from '@ctp/db';
import { makeSubmission } from '@ctp/db/testing';
import {
  inTransaction,
  loadSiteWithTrial,
  markEthicsApproved,
  markEthicsSubmitted,
  shanghaiDate,
  sweepReminders,
} from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const DAY = 86_400_000;
const today = shanghaiDate(Date.now());
const daysAgo = (n: number) => shanghaiDate(Date.now() - n * DAY);

function oncologyOf(db: DbHandle, hospitalId: string) {
  return db.sqlite
    .prepare(
      "select hs.id as id, (select investigator_id from investigator_specialties where hospital_specialty_id = hs.id limit 1) as pi from hospital_specialties hs where hs.hospital_org_id = ? and hs.specialty_code = 'oncology'",
    )
    .get(hospitalId) as { id: string; pi: string };
}

async function newTrial(db: DbHandle) {
  return callerAs(db, 'sponsor@demo.ctp').trials.create({
    titleZh: '一项评估 XYZ-101 治疗晚期非小细胞肺癌的 III 期研究',
    type: 'drug',
    phase: 'III',
    ctrNo: 'CTR20260001',
    conditions: ['非小细胞肺癌'],
    targetEnrolment: 300,
  });
}

function stubEthics(db: DbHandle, trialSiteId: string, submitted: string, approved: string) {
  const ctx = { actor: null, now: Date.now, requestId: 'test-ethics' };
  inTransaction(db.db, (tx) => {
    const { site } = loadSiteWithTrial(db.db, trialSiteId);
    const s = markEthicsSubmitted(tx, ctx, site, submitted, Date.now());
    markEthicsApproved(tx, ctx, s, approved, Date.now());
  });
}

/** The calendar month before `month` (YYYY-MM). */
const prevMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

describe('trials, inquiries and the site lifecycle', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
  });

  it('marks the inquiry targets that treat the trial’s indication, by the vocabulary search uses', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await newTrial(db); // 非小细胞肺癌
    const hospitalIds = ['hosp-jsch', 'hosp-jsph', 'hosp-njch'];
    const rows = await sponsor.inquiries.targets({ hospitalIds, trialId });
    const marked = (hospital: string) =>
      rows
        .filter((r) => r.hospitalId === hospital && r.treatsIndication)
        .map((r) => r.code)
        .sort();
    expect(marked('hosp-jsch')).toEqual(expect.arrayContaining(['oncology', 'thoracic_surgery']));
    expect(marked('hosp-jsph')).toContain('oncology');
    expect(marked('hosp-jsph')).not.toContain('cardiology');
    expect(marked('hosp-njch')).toEqual([]);
    // Without the trial nothing is marked; another organisation's trial is not found.
    expect((await sponsor.inquiries.targets({ hospitalIds })).some((r) => r.treatsIndication)).toBe(false);
    await expect(callerAs(db, 'cro@demo.ctp').inquiries.targets({ hospitalIds, trialId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to select a site that has not answered its inquiry unless the sponsor confirms it', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsch');
    const replyBy = shanghaiDate(Date.now() + 10 * DAY);
    await sponsor.inquiries.send({
      trialId,
      hospitalSpecialtyIds: [onc.id],
      synopsis: '多中心 III 期研究的可行性调研。',
      replyBy,
    });
    const selectsBefore = auditCount(db, 'site.select');
    const refused = sponsor.trialSites.select({ trialId, hospitalSpecialtyId: onc.id });
    const error = await apiErrorOf(refused);
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'SITE_NOT_ANSWERED' });
    expect(error.message).toContain(replyBy);
    expect(
      (await apiErrorOf(sponsor.trialSites.select({ trialId, hospitalSpecialtyId: onc.id }), 'en')).message,
    ).toMatch(/not answered/);
    expect(auditCount(db, 'site.select')).toBe(selectsBefore);
    const state = () =>
      (
        db.sqlite
          .prepare('select state from trial_sites where hospital_specialty_id = ? and trial_id = ?')
          .get(onc.id, trialId) as {
          state: string;
        }
      ).state;
    expect(state()).toBe('inquiry_sent');
    await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: onc.id, confirmUnanswered: true });
    expect(state()).toBe('selected');
    expect(auditCount(db, 'site.select')).toBe(selectsBefore + 1);
  });

  it('validates registry ids and trial type per role, changing nothing on refusal', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const createdBefore = auditCount(db, 'trial.create');
    const bad = sponsor.trials.create({
      titleZh: '测试试验标题',
      type: 'drug',
      phase: 'II',
      ctrNo: 'CTR123',
      conditions: ['x'],
      targetEnrolment: 10,
    });
    expect((await apiErrorOf(bad)).fieldErrors).toEqual([
      { path: 'ctrNo', message: '登记号格式应为 CTR + 8 位数字，如 CTR20230354' },
    ]);
    const badEn = sponsor.trials.create({
      titleZh: '测试试验标题',
      type: 'drug',
      phase: 'II',
      nctNo: 'NCT1',
      conditions: ['x'],
      targetEnrolment: 10,
    });
    expect((await apiErrorOf(badEn, 'en')).fieldErrors).toEqual([
      { path: 'nctNo', message: 'Format: NCT followed by 8 digits, e.g. NCT04280705' },
    ]);
    await expect(
      sponsor.trials.create({
        titleZh: '测试试验标题',
        type: 'iit',
        phase: 'II',
        conditions: ['x'],
        targetEnrolment: 10,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callerAs(db, 'ec@demo.ctp').trials.create({
        titleZh: '测试试验标题',
        type: 'drug',
        phase: 'II',
        conditions: ['x'],
        targetEnrolment: 10,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(auditCount(db, 'trial.create')).toBe(createdBefore);
    const iit = await callerAs(db, 'site@demo.ctp').trials.create({
      titleZh: '研究者发起的观察性研究',
      type: 'iit',
      phase: 'NA',
      conditions: ['肺癌'],
      targetEnrolment: 50,
    });
    expect((await callerAs(db, 'site@demo.ctp').trials.get({ id: iit.id })).sponsorOrgId).toBe('hosp-jsph');
    await newTrial(db);
    await expect(newTrial(db)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('goes from inquiry to first patient in, with free slots in search following the lifecycle', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const site = callerAs(db, 'site@demo.ctp');
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsph');
    const freeSlots = async () =>
      (await sponsor.sites.search({ q: '江苏省人民医院', specialty: 'oncology' })).items[0]!.specialties.find(
        (s) => s.id === onc.id,
      )!.freeSlots;
    const before = await freeSlots();

    const sentBefore = auditCount(db, 'inquiry.send');
    const { inquiryIds } = await sponsor.inquiries.send({
      trialId,
      hospitalSpecialtyIds: [onc.id],
      synopsis: '多中心、随机、双盲 III 期研究，计划入组 300 例。',
      replyBy: today,
    });
    expect(auditCount(db, 'inquiry.send')).toBe(sentBefore + 1);
    const inbox = await site.inquiries.list({ trialId });
    expect(inbox.map((i) => i.id)).toEqual(inquiryIds);
    expect((await site.notifications.list({ limit: 10 })).items[0]).toMatchObject({ kind: 'inquiry_received' });

    await site.inquiries.answer({
      inquiryId: inquiryIds[0]!,
      interested: true,
      estimatedPerMonth: 3,
      piAvailable: true,
      investigatorId: onc.pi,
      competingTrials: 1,
      earliestStart: today,
    });
    await expect(
      site.inquiries.answer({ inquiryId: inquiryIds[0]!, interested: false, declineReason: '改主意' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const answers = await sponsor.inquiries.list({ trialId });
    expect(answers[0]).toMatchObject({ status: 'interested', answer: { estimatedPerMonth: 3, competingTrials: 1 } });
    expect((await sponsor.notifications.list({ limit: 10 })).items[0]).toMatchObject({ kind: 'inquiry_answered' });

    const { trialSiteId } = await sponsor.trialSites.select({
      trialId,
      hospitalSpecialtyId: onc.id,
      investigatorId: onc.pi,
    });
    expect(await freeSlots()).toBe(before - 1);
    // The ethics steps are not reachable by a form: only through the domain functions (stubbed here).
    await expect(
      site.trialSites.recordMilestone({ trialSiteId, milestone: 'contractSigned', date: today }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    stubEthics(db, trialSiteId, daysAgo(20), daysAgo(10));

    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'contractSigned', date: daysAgo(8) });
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'siv', date: daysAgo(5) });
    const early = await apiErrorOf(
      site.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: daysAgo(6) }),
    );
    expect(early).toMatchObject({
      detail: 'MILESTONE_ORDER',
      message: `首例入组（FPI）日期不能早于启动会（SIV）日期（${daysAgo(5)}）。`,
    });
    const future = await apiErrorOf(
      site.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: shanghaiDate(Date.now() + 2 * DAY) }),
    );
    expect(future.detail).toBe('DATE_IN_FUTURE');
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: daysAgo(1) });
    const board = await sponsor.trials.get({ id: trialId });
    expect(board.sites[0]).toMatchObject({
      state: 'enrolling',
      milestones: { siv: daysAgo(5), fpi: daysAgo(1), ethicsApproved: daysAgo(10) },
    });
    expect(await freeSlots()).toBe(before - 1);
    // Issue 12: the first patient in is the site's date — the sponsor can neither record nor correct it.
    const audited = auditCount(db);
    expect(
      await apiErrorOf(sponsor.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: daysAgo(2) })),
    ).toMatchObject({ code: 'FORBIDDEN', detail: 'ROLE_REQUIRED' });
    expect(auditCount(db)).toBe(audited);
    expect((await sponsor.trials.get({ id: trialId })).sites[0]!.milestones.fpi).toBe(daysAgo(1));
    // The site corrects its own date (audited as a correction); the SIV is recorded by either side.
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: daysAgo(2) });
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'fpi', date: daysAgo(1) });
    await sponsor.trialSites.recordMilestone({ trialSiteId, milestone: 'siv', date: daysAgo(5) });

    // Enrolment: counts only, enrolled ≤ screened, lower numbers need a reason.
    const month = today.slice(0, 7);
    await expect(
      site.trialSites.recordEnrolment({ trialSiteId, month, screened: 2, enrolled: 3, screenFailures: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await site.trialSites.recordEnrolment({ trialSiteId, month, screened: 5, enrolled: 3, screenFailures: 2 });
    const lowered = await apiErrorOf(
      site.trialSites.recordEnrolment({ trialSiteId, month, screened: 5, enrolled: 2, screenFailures: 2 }),
    );
    expect(lowered.detail).toBe('ENROLMENT_DECREASE_NEEDS_REASON');
    await site.trialSites.recordEnrolment({
      trialSiteId,
      month,
      screened: 5,
      enrolled: 2,
      screenFailures: 3,
      correctionReason: '一例受试者入组日期登记错误',
    });
    expect((await sponsor.trials.get({ id: trialId })).sites[0]!.enrolment).toEqual({
      screened: 5,
      enrolled: 2,
      screenFailures: 3,
      withdrawn: 0,
    });
    expect(auditCount(db, 'site.record_enrolment', trialSiteId)).toBe(2);

    // An approval past its continuing-review date blocks enrolment records until renewed.
    const userId = (db.sqlite.prepare("select id from users where email = 'site@demo.ctp'").get() as { id: string }).id;
    makeSubmission(db.db, {
      id: 'sub-expired',
      committeeId: 'ec-jsph',
      trialSiteId,
      createdBy: userId,
      state: 'decided',
      outcome: 'approved',
      followUpDate: daysAgo(1),
    });
    const expired = await apiErrorOf(
      site.trialSites.recordEnrolment({
        trialSiteId,
        month,
        screened: 6,
        enrolled: 3,
        screenFailures: 3,
        correctionReason: '补录',
      }),
    );
    expect(expired).toMatchObject({
      detail: 'APPROVAL_EXPIRED',
      message: `伦理批件已于 ${daysAgo(1)} 到期（跟踪审查逾期），续批前不能登记入组。`,
    });
    db.sqlite
      .prepare('update submissions set follow_up_date = ? where id = ?')
      .run(shanghaiDate(Date.now() + 30 * DAY), 'sub-expired');
    await site.trialSites.recordEnrolment({ trialSiteId, month, screened: 6, enrolled: 3, screenFailures: 3 });

    // Counts are per month: the board gives each month's saved counts (the form opens at them), the totals are
    // their sum, and a month's counts are checked against the running totals, not against another month.
    const boardRow = async () =>
      (await site.trialSites.board()).find((r: { id: string }) => r.id === trialSiteId) as {
        enrolmentByMonth: Record<string, unknown>;
        enrolment: unknown;
      };
    expect((await boardRow()).enrolmentByMonth).toEqual({
      [month]: { screened: 6, enrolled: 3, screenFailures: 3, withdrawn: 0 },
    });
    const lastMonth = prevMonth(month);
    db.sqlite.prepare('update trial_sites set fpi_date = ? where id = ?').run(`${lastMonth}-01`, trialSiteId);
    // Another month's counts, smaller than the last recorded: that month's own, no correction, no reason needed.
    await site.trialSites.recordEnrolment({
      trialSiteId,
      month: lastMonth,
      screened: 2,
      enrolled: 1,
      screenFailures: 1,
    });
    expect((await boardRow()).enrolment).toEqual({ screened: 8, enrolled: 4, screenFailures: 4, withdrawn: 0 });
    // Four withdraw this month, more than this month's three enrolments: allowed (withdrawn ≤ enrolled to date) …
    await site.trialSites.recordEnrolment({
      trialSiteId,
      month,
      screened: 6,
      enrolled: 3,
      screenFailures: 3,
      withdrawn: 4,
    });
    // … but never more withdrawals than enrolments so far.
    const tooMany = await apiErrorOf(
      site.trialSites.recordEnrolment({
        trialSiteId,
        month,
        screened: 6,
        enrolled: 3,
        screenFailures: 3,
        withdrawn: 5,
      }),
    );
    expect(tooMany).toMatchObject({ detail: 'WITHDRAWN_EXCEEDS_ENROLLED' });
    expect(tooMany.message).toBe('累计退出数（5）不能超过累计入组数（4）。');
    // Lowering a month's saved counts is a correction of that month, and says so.
    const correction = await apiErrorOf(
      site.trialSites.recordEnrolment({ trialSiteId, month: lastMonth, screened: 2, enrolled: 0, screenFailures: 1 }),
    );
    expect(correction.message).toBe(`低于 ${lastMonth} 已登记的本月数：这是对该月的更正，请填写更正原因。`);

    // Closing the site frees the slot.
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'lpi', date: today });
    await site.trialSites.recordMilestone({ trialSiteId, milestone: 'closed', date: today });
    expect(await freeSlots()).toBe(before);
  });

  it('keeps sponsors out of each other’s trials and hospitals out of other hospitals’ sites', async () => {
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsph');
    const cro = callerAs(db, 'cro@demo.ctp');
    await expect(cro.trials.get({ id: trialId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await cro.trials.list({})).map((t) => t.id)).not.toContain(trialId);
    await expect(
      cro.inquiries.send({
        trialId,
        hospitalSpecialtyIds: [onc.id],
        synopsis: '别人的试验，不该能发。',
        replyBy: today,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cro.inquiries.list({ trialId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { inquiryIds } = await sponsor.inquiries.send({
      trialId,
      hospitalSpecialtyIds: [onc.id],
      synopsis: '多中心 III 期研究的可行性调研。',
      replyBy: today,
    });
    await expect(
      callerAs(db, 'site-gulou@demo.ctp').inquiries.answer({
        inquiryId: inquiryIds[0]!,
        interested: false,
        declineReason: '不是我们的',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await callerAs(db, 'site-gulou@demo.ctp').inquiries.list({})).map((i) => i.trialId)).not.toContain(trialId);
    const { trialSiteId } = await sponsor.trialSites.select({
      trialId,
      hospitalSpecialtyId: onc.id,
      confirmUnanswered: true,
    });
    await expect(
      callerAs(db, 'site-gulou@demo.ctp').trialSites.recordMilestone({
        trialSiteId,
        milestone: 'contractSigned',
        date: today,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerAs(db, 'site-gulou@demo.ctp').trials.get({ id: trialId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await callerAs(db, 'site@demo.ctp').trialSites.board()).filter((s) => s.trialId === trialId).map((s) => s.id),
    ).toEqual([trialSiteId]);
    expect((await callerAs(db, 'site-gulou@demo.ctp').trialSites.board()).filter((s) => s.trialId === trialId)).toEqual(
      [],
    );
    // The commission reads every trial.
    await expect(callerAs(db, 'commission@demo.ctp').trials.get({ id: trialId })).resolves.toMatchObject({
      id: trialId,
    });
  });

  it('suspends and resumes a site with a reason, and a suspended site records no enrolment', async () => {
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsph');
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { trialSiteId } = await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: onc.id });
    await sponsor.trialSites.transition({ trialSiteId, step: 'suspend', reason: '药物供应中断' });
    await expect(
      callerAs(db, 'site@demo.ctp').trialSites.recordEnrolment({
        trialSiteId,
        month: today.slice(0, 7),
        screened: 1,
        enrolled: 1,
        screenFailures: 0,
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await sponsor.trialSites.transition({ trialSiteId, step: 'resume', reason: '供应恢复' });
    expect((await sponsor.trials.get({ id: trialId })).sites[0]!.state).toBe('selected');
    await expect(
      callerAs(db, 'site@demo.ctp').trialSites.transition({ trialSiteId, step: 'terminate', reason: '机构不能终止' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets exactly one of two concurrent steps on a site win', async () => {
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsph');
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { trialSiteId } = await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: onc.id });
    const { site } = loadSiteWithTrial(db.db, trialSiteId);
    const ctx = { actor: null, now: Date.now, requestId: 't' };
    inTransaction(db.db, (tx) => markEthicsSubmitted(tx, ctx, site, today, Date.now()));
    // A second writer holding the old row (state selected, old version) is refused.
    expect(() => inTransaction(db.db, (tx) => markEthicsSubmitted(tx, ctx, site, today, Date.now()))).toThrow(
      /STALE_VERSION/,
    );
  });

  it('reminds of near reply deadlines and overdue milestones once', async () => {
    const { id: trialId } = await newTrial(db);
    const onc = oncologyOf(db, 'hosp-jsph');
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    await sponsor.inquiries.send({
      trialId,
      hospitalSpecialtyIds: [onc.id],
      synopsis: '多中心 III 期研究的可行性调研。',
      replyBy: today,
    });
    const gulou = oncologyOf(db, 'hosp-njglyy');
    const { trialSiteId } = await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: gulou.id });
    db.sqlite.prepare('update trial_sites set selected_date = ? where id = ?').run(daysAgo(61), trialSiteId);
    sweepReminders(db.db, Date.now());
    sweepReminders(db.db, Date.now());
    // Only this test's trial: the demo seed has trials of its own with overdue steps.
    const kinds = (email: string) =>
      callerAs(db, email)
        .notifications.list({ limit: 100 })
        .then((r) =>
          r.items
            .filter((i) => i.link?.includes(trialId) || i.link === '/trial-sites' || i.link === '/inquiries')
            .filter((i) => String(i.params.trial).startsWith('一项评估'))
            .map((i) => i.kind),
        );
    expect((await kinds('site@demo.ctp')).filter((k) => k === 'inquiry_deadline_near')).toHaveLength(1);
    expect((await kinds('sponsor@demo.ctp')).filter((k) => k === 'milestone_overdue')).toHaveLength(1);
    expect((await kinds('site-gulou@demo.ctp')).filter((k) => k === 'milestone_overdue')).toHaveLength(1);
    const site = callerAs(db, 'site@demo.ctp');
    const { unread } = await site.notifications.list({ limit: 5 });
    expect(unread).toBeGreaterThan(0);
    await site.notifications.markRead({});
    expect((await site.notifications.list({ limit: 5 })).unread).toBe(0);
  });
});
