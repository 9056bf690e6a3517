import type { DbHandle } from '@ctp/db';
import { inTransaction, loadSubmission, shanghaiDate } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { applySubmissionStep } from '../../../domain/src/ethics/submission-steps.ts';

const today = shanghaiDate(Date.now());
/** Noon in Beijing on a calendar date, for a caller whose clock is set to that day. */
const at = (date: string) => () => Date.parse(`${date}T12:00:00+08:00`);

const siteState = (db: DbHandle, id: string) =>
  db.sqlite.prepare('select state from trial_sites where id = ?').pluck().get(id) as string;

/** A new trial of the demo sponsor with the PI's specialty at 江苏省人民医院 selected. */
async function selectedJsphSite(db: DbHandle, opts: { riskLevel?: 'low' | 'medium' | 'high'; ctrNo?: string } = {}) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 XYZ-909 治疗晚期胃癌的随机对照 III 期研究',
    type: 'drug',
    phase: 'III',
    ctrNo: opts.ctrNo ?? 'CTR20260909',
    conditions: ['胃癌'],
    targetEnrolment: 200,
    riskLevel: opts.riskLevel ?? 'medium',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  return { trialId, trialSiteId };
}

/** A demo site at 江苏省人民医院 that already holds an ethics approval (for amendments). */
function approvedJsphSite(db: DbHandle): string {
  return db.sqlite
    .prepare(
      `select ts.id from trial_sites ts join organisations o on o.id = ts.hospital_org_id
       where o.code = 'jsph' and ts.state in ('initiated', 'enrolling') limit 1`,
    )
    .pluck()
    .get() as string;
}

describe('ethics submissions at one committee', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
  });

  it('runs an initial review: draft → submitted (site ethics_submitted) → returned → screening → accepted → in review', async () => {
    const { trialSiteId } = await selectedJsphSite(db);
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');

    const { id } = await site.submissions.create({ trialSiteId, type: 'initial', title: '初始审查' });
    expect(auditCount(db, 'submission.create', id)).toBe(1);
    // A draft is the applicant's own: the committee does not see it yet.
    expect((await apiErrorOf(secretary.submissions.get({ id }))).code).toBe('NOT_FOUND');
    expect(await secretary.submissions.list({})).toEqual([]);

    await site.submissions.submit({ id });
    expect(siteState(db, trialSiteId)).toBe('ethics_submitted');
    expect(
      db.sqlite.prepare('select ethics_submitted_date from trial_sites where id = ?').pluck().get(trialSiteId),
    ).toBe(today);
    expect(auditCount(db, 'submission.submit', id)).toBe(1);
    expect(auditCount(db, 'site.transition', trialSiteId)).toBe(1);

    const returned = await secretary.submissions.screen({ id, accept: false, reasons: ['缺少知情同意书签字页'] });
    expect(returned.state).toBe('returned');
    expect((await site.submissions.get({ id })).stops).toEqual([
      { kind: 'returned', from: today, to: null, reason: '缺少知情同意书签字页' },
    ]);
    expect(auditCount(db, 'submission.return', id)).toBe(1);

    const again = await site.submissions.submit({ id, comment: '已补充签字页' });
    expect(again.state).toBe('screening');
    expect((await site.submissions.get({ id })).stops[0]?.to).toBe(today);

    const accepted = await secretary.submissions.screen({ id, accept: true });
    expect(accepted).toMatchObject({ state: 'accepted', acceptanceNo: `JSPH-${today.slice(0, 4)}-0001` });
    const view = await secretary.submissions.get({ id });
    expect(view).toMatchObject({ acceptedDate: today, clock: { usedDays: 0, limitDays: 15, isOverdue: false } });
    expect(view.timeline.map((e) => e.step)).toEqual(['create', 'submit', 'return', 'resubmit', 'accept']);
    expect(view.timeline[2]?.detail).toEqual({ reasons: ['缺少知情同意书签字页'] });

    await secretary.submissions.triage({ id, path: 'convened' });
    expect(await site.submissions.get({ id })).toMatchObject({ state: 'in_review', reviewPath: 'convened' });
    expect(auditCount(db, 'submission.triage', id)).toBe(1);

    // A second acceptance at the same committee draws the next number.
    const { trialSiteId: other } = await selectedJsphSite(db, { ctrNo: 'CTR20260910' });
    const second = await site.submissions.create({ trialSiteId: other, type: 'initial' });
    await site.submissions.submit({ id: second.id });
    expect((await secretary.submissions.screen({ id: second.id, accept: true })).acceptanceNo).toBe(
      `JSPH-${today.slice(0, 4)}-0002`,
    );
  });

  it('keeps EC-only fields out of the applicant and sponsor views', async () => {
    const { trialSiteId } = await selectedJsphSite(db);
    const { id } = await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' });
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
    for (const email of ['site@demo.ctp', 'sponsor@demo.ctp', 'pi@demo.ctp']) {
      const view = await callerAs(db, email).submissions.get({ id });
      expect(view, email).not.toHaveProperty('ecNotes');
    }
    expect(await callerAs(db, 'ec@demo.ctp').submissions.get({ id })).toHaveProperty('ecNotes');
    expect(await callerAs(db, 'member@demo.ctp').submissions.get({ id })).toHaveProperty('ecNotes');
  });

  it('lets the sponsor prepare a draft that only the site can submit; the PI may submit', async () => {
    const { trialSiteId } = await selectedJsphSite(db);
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    // A draft the sponsor withdraws unsent never reaches the committee.
    const { id: scrapped } = await sponsor.submissions.create({ trialSiteId, type: 'initial' });
    await sponsor.submissions.withdraw({ id: scrapped, reason: '草稿作废' });
    expect((await apiErrorOf(callerAs(db, 'ec@demo.ctp').submissions.get({ id: scrapped }))).code).toBe('NOT_FOUND');
    const { id } = await sponsor.submissions.create({ trialSiteId, type: 'initial' });
    expect(await apiErrorOf(sponsor.submissions.submit({ id }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'ROLE_REQUIRED',
    });
    expect(siteState(db, trialSiteId)).toBe('selected');
    // A second open initial submission for the same site is refused.
    expect(
      await apiErrorOf(callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'OPEN_SUBMISSION_EXISTS' });
    expect((await callerAs(db, 'pi@demo.ctp').submissions.submit({ id })).state).toBe('submitted');
    expect(siteState(db, trialSiteId)).toBe('ethics_submitted');
  });

  it('refuses the wrong role, another hospital and another committee, changing nothing', async () => {
    const { trialSiteId } = await selectedJsphSite(db);
    const site = callerAs(db, 'site@demo.ctp');
    const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
    await site.submissions.submit({ id });
    const before = auditCount(db);
    const version = loadSubmission(db.db, id).sub.version;

    // Another hospital's trial office cannot create for this site.
    expect(
      (await apiErrorOf(callerAs(db, 'site-zhongliu@demo.ctp').submissions.create({ trialSiteId, type: 'initial' })))
        .code,
    ).toBe('FORBIDDEN');
    // A committee member is not the secretary; the applicant cannot screen its own file.
    expect(await apiErrorOf(callerAs(db, 'member@demo.ctp').submissions.screen({ id, accept: true }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'ROLE_REQUIRED',
    });
    expect((await apiErrorOf(site.submissions.screen({ id, accept: true }))).code).toBe('FORBIDDEN');
    // Another hospital's EC secretary acts only for its own committee.
    const gulou = callerAs(db, 'ec-gulou@demo.ctp');
    expect(await apiErrorOf(gulou.submissions.screen({ id, accept: true }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'NOT_OWN_COMMITTEE',
    });
    expect((await apiErrorOf(gulou.submissions.get({ id }))).code).toBe('NOT_FOUND');
    expect(await gulou.submissions.list({})).toEqual([]);
    expect(await callerAs(db, 'ec-zhongliu@demo.ctp').submissions.list({})).toEqual([]);
    // Bad input: a return needs reasons.
    expect(await apiErrorOf(callerAs(db, 'ec@demo.ctp').submissions.screen({ id, accept: false }))).toMatchObject({
      code: 'VALIDATION',
    });
    // Wrong state: triage before acceptance.
    expect(
      await apiErrorOf(
        callerAs(db, 'ec@demo.ctp', { locale: 'en' }).submissions.triage({ id, path: 'convened' }),
        'en',
      ),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      detail: 'SUBMISSION_STEP_NOT_ALLOWED',
      message: expect.stringContaining('submitted'),
    });

    expect(auditCount(db)).toBe(before);
    expect(loadSubmission(db.db, id).sub).toMatchObject({ state: 'submitted', version });
  });

  it('refuses the expedited path for a high-risk trial with a clear message', async () => {
    const { trialSiteId } = await selectedJsphSite(db, { riskLevel: 'high' });
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
    await site.submissions.submit({ id });
    await secretary.submissions.screen({ id, accept: true });
    const error = await apiErrorOf(secretary.submissions.triage({ id, path: 'expedited' }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'HIGH_RISK_NOT_EXPEDITED' });
    expect(error.message).toContain('高风险');
    expect(loadSubmission(db.db, id).sub.state).toBe('accepted');
    expect(auditCount(db, 'submission.triage', id)).toBe(0);
    expect((await secretary.submissions.triage({ id, path: 'convened' })).reviewPath).toBe('convened');
  });

  it('gives a concurrent second writer a CONFLICT: exactly one screening wins', async () => {
    const { trialSiteId } = await selectedJsphSite(db);
    const site = callerAs(db, 'site@demo.ctp');
    const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
    const { version } = await site.submissions.submit({ id });
    const secretary = callerAs(db, 'ec@demo.ctp');
    const results = await Promise.allSettled([
      secretary.submissions.screen({ id, version, accept: true }),
      secretary.submissions.screen({ id, version, accept: false, reasons: ['材料不全'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((await apiErrorOf(Promise.reject(rejected?.reason))).code).toBe('CONFLICT');
    expect(auditCount(db, 'submission.accept', id) + auditCount(db, 'submission.return', id)).toBe(1);

    // The UPDATE itself is conditional: a writer holding a stale row changes nothing, audit included.
    const stale = loadSubmission(db.db, id).sub;
    db.sqlite.prepare('update submissions set version = version + 1 where id = ?').run(id);
    const auditsBefore = auditCount(db);
    const ctx = { actor: null, now: Date.now, requestId: 'test-race' };
    expect(() =>
      inTransaction(db.db, (tx) => applySubmissionStep(tx, ctx, stale, 'withdraw', { now: Date.now() })),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(auditCount(db)).toBe(auditsBefore);
    expect(loadSubmission(db.db, id).sub.state).toBe(stale.state);
  });

  it('withdraws before a decision, by the applicant, closing an open clock stop', async () => {
    const siteId = approvedJsphSite(db);
    const siteSteps = auditCount(db, 'site.transition', siteId);
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const { id } = await site.submissions.create({ trialSiteId: siteId, type: 'amendment' });
    await site.submissions.submit({ id });
    await secretary.submissions.screen({ id, accept: true });
    await secretary.submissions.triage({ id, path: 'expedited' });
    await secretary.submissions.requestInfo({ id, questions: '请说明方案修改的理由' });
    expect(
      (await apiErrorOf(callerAs(db, 'ec@demo.ctp').submissions.withdraw({ id, reason: '申办方撤回' }))).code,
    ).toBe('FORBIDDEN');
    expect((await site.submissions.withdraw({ id, reason: '申办方决定撤回修正案' })).state).toBe('withdrawn');
    const view = await site.submissions.get({ id });
    expect(view.stops[0]?.to).toBe(today);
    expect(view.clock?.isStopped).toBe(false);
    expect(auditCount(db, 'submission.withdraw', id)).toBe(1);
    expect((await apiErrorOf(site.submissions.respond({ id, answer: '补充说明如下' }))).code).toBe(
      'INVALID_TRANSITION',
    );
    // An amendment never touches the site lifecycle.
    expect(auditCount(db, 'site.transition', siteId)).toBe(siteSteps);
  });
});

describe('review clocks in Chinese working days (DESIGN §4.4)', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
  });

  /** An amendment for an approved site, accepted by the secretary on `accepted` (Shanghai date). */
  async function acceptedOn(accepted: string) {
    const site = callerAs(db, 'site@demo.ctp', { now: at(accepted) });
    const { id } = await site.submissions.create({ trialSiteId: approvedJsphSite(db), type: 'amendment' });
    await site.submissions.submit({ id });
    await callerAs(db, 'ec@demo.ctp', { now: at(accepted) }).submissions.screen({ id, accept: true });
    return id;
  }

  it('accepted Friday 2025-09-26 with 15 working days is due 2025-10-23 (National Day, make-up days)', async () => {
    const id = await acceptedOn('2025-09-26');
    // On 2025-10-10 (Friday): 28 Sep (a worked Sunday), 29, 30 Sep, 9 and 10 Oct are working days.
    const during = await callerAs(db, 'ec@demo.ctp', { now: at('2025-10-10') }).submissions.get({ id });
    expect(during.acceptanceNo).toBe('JSPH-2025-0001');
    expect(during.clock).toEqual({
      dueDate: '2025-10-23',
      usedDays: 5,
      limitDays: 15,
      stoppedDays: 0,
      isStopped: false,
      isOverdue: false,
      calendarUnknown: false,
      decidedWithinLimit: null,
    });
    const late = await callerAs(db, 'ec@demo.ctp', { now: at('2025-10-24') }).submissions.get({ id });
    expect(late.clock).toMatchObject({ dueDate: '2025-10-23', usedDays: 16, isOverdue: true });
  });

  it('a request for information across the holiday stops the clock and moves the due date out', async () => {
    const id = await acceptedOn('2025-09-26');
    await callerAs(db, 'ec@demo.ctp', { now: at('2025-09-26') }).submissions.triage({ id, path: 'expedited' });
    await callerAs(db, 'ec@demo.ctp', { now: at('2025-09-30') }).submissions.requestInfo({
      id,
      questions: '请补充修改后的知情同意书',
    });
    const waiting = await callerAs(db, 'site@demo.ctp', { now: at('2025-10-08') }).submissions.get({ id });
    // Stopped on 30 Sep (the holiday is no working day anyway): the due date already moved one day out.
    expect(waiting.clock).toMatchObject({ isStopped: true, stoppedDays: 1, usedDays: 2, dueDate: '2025-10-24' });
    await callerAs(db, 'site@demo.ctp', { now: at('2025-10-09') }).submissions.respond({
      id,
      answer: '已上传修改后的知情同意书',
    });
    // 30 Sep and 9 Oct were stopped at some time of the day: neither counts, so 23 Oct → 27 Oct (a Monday).
    const resumed = await callerAs(db, 'ec@demo.ctp', { now: at('2025-10-10') }).submissions.get({ id });
    expect(resumed.clock).toMatchObject({
      dueDate: '2025-10-27',
      usedDays: 3,
      stoppedDays: 2,
      isStopped: false,
      isOverdue: false,
    });
    expect(resumed.stops).toEqual([
      { kind: 'info_requested', from: '2025-09-30', to: '2025-10-09', reason: '请补充修改后的知情同意书' },
    ]);
  });

  it('uses the admin calendar overrides from the database', async () => {
    const id = await acceptedOn('2025-09-26');
    db.sqlite
      .prepare('insert into calendar_overrides (date, is_workday, note, created_at, updated_at) values (?, 0, ?, 0, 0)')
      .run('2025-10-22', '（测试）临时休息日');
    const view = await callerAs(db, 'ec@demo.ctp', { now: at('2025-10-10') }).submissions.get({ id });
    expect(view.clock?.dueDate).toBe('2025-10-24');
  });

  it('lists the EC work queue overdue first, then by due date; applicants see their own', async () => {
    const old = await acceptedOn('2025-09-26');
    const recent = await acceptedOn(today);
    const site = callerAs(db, 'site@demo.ctp');
    const { id: draftId } = await site.submissions.create({ trialSiteId: approvedJsphSite(db), type: 'deviation' });

    const queue = await callerAs(db, 'ec@demo.ctp').submissions.list({});
    expect(queue.map((s) => s.id)).toEqual([old, recent]);
    expect(queue[0]?.clock?.isOverdue).toBe(true);
    expect(queue[1]?.clock).toMatchObject({ isOverdue: false, usedDays: 0 });
    expect(queue[0]?.availableSteps).toContain('triage');

    const mine = await site.submissions.list({});
    expect(mine.map((s) => s.id).sort()).toEqual([old, recent, draftId].sort());
    expect(mine.find((s) => s.id === draftId)?.availableSteps).toEqual(['submit', 'withdraw']);
    expect((await callerAs(db, 'sponsor@demo.ctp').submissions.list({ state: 'draft' })).map((s) => s.id)).toEqual([
      draftId,
    ]);
    expect(await callerAs(db, 'site-zhongliu@demo.ctp').submissions.list({})).toEqual([]);
  });
});
