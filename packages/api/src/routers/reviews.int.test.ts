import type { ActorRef } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { assertMayOpenSubmissionFiles, DomainError, LoginThrottle, shanghaiDate } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite, tickEveryItem } from '../../../../test/helpers/fixtures.ts';
import { REVIEW_PANEL, seedRoster } from '../../../../test/helpers/roster.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { seedDemoCommittees } from '../../../domain/src/seed/demo-committees.ts';

const today = shanghaiDate(Date.now());
const EC = 'ec-jsph';

/** Five members made through the use-case: the lawyer is the only unaffiliated one; a quorum needs all five. */
const seedReviewRoster = (db: DbHandle) => seedRoster(db, { seats: REVIEW_PANEL });

function actorRef(db: DbHandle, email: string): ActorRef {
  return db.sqlite
    .prepare(
      `select u.id as userId, m.role, m.org_id as orgId, m.committee_id as committeeId from users u
       join memberships m on m.user_id = u.id where u.email = ? and m.revoked_at is null limit 1`,
    )
    .get(email) as ActorRef;
}

function gate(db: DbHandle, submissionId: string, email: string) {
  try {
    return assertMayOpenSubmissionFiles(db.db, submissionId, actorRef(db, email)).via;
  } catch (e) {
    if (e instanceof DomainError) return e.detail;
    throw e;
  }
}

async function acceptedInitial(db: DbHandle, ctrNo: string) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 ABC-202 治疗 2 型糖尿病的多中心研究',
    type: 'drug',
    phase: 'III',
    ctrNo,
    conditions: ['2型糖尿病'],
    targetEnrolment: 200,
    // Low risk: an initial review may then take the expedited path (platform default, 办法 第三十一条).
    riskLevel: 'low',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const site = callerAs(db, 'site@demo.ctp');
  const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id });
  const secretary = callerAs(db, 'ec@demo.ctp');
  await secretary.submissions.screen({ id, accept: true, checklist: await tickEveryItem(secretary, id) });
  return { id, trialSiteId };
}

const fullWorksheet = {
  items: {
    scientific_design: { assessment: 'acceptable', comment: '设计合理' },
    risk_benefit: { assessment: 'acceptable', comment: '' },
    participant_selection: { assessment: 'acceptable', comment: '' },
    informed_consent: { assessment: 'needs_change', comment: '知情同意书第 3 页风险描述过于简略（机密意见）' },
    privacy: { assessment: 'acceptable', comment: '' },
    compensation: { assessment: 'acceptable', comment: '' },
    vulnerable_groups: { assessment: 'not_applicable', comment: '' },
  },
  recommendedOutcome: 'approved_with_modifications',
  opinion: '建议修改知情同意书后同意',
} as const;

describe('primary reviewers, worksheets, verification of modifications, agenda and minutes', () => {
  let db: DbHandle;
  let roster: Awaited<ReturnType<typeof seedReviewRoster>>;
  beforeEach(async () => {
    db = await createSeededDatabase();
    roster = await seedReviewRoster(db);
  });

  it('gates the file: undeclared reviewer refused, declared allowed, conflicted removed and refused a vote', async () => {
    const { id } = await acceptedInitial(db, 'CTR20268001');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const member = callerAs(db, 'member@demo.ctp');
    // Not a reviewer yet: refused; the secretary and chair open it by role; another committee never.
    expect(gate(db, id, 'member@demo.ctp')).toBe('NOT_A_REVIEWER');
    expect(gate(db, id, 'ec@demo.ctp')).toBe('committee');
    expect(gate(db, id, 'chair@demo.ctp')).toBe('committee');
    expect(gate(db, id, 'ec-gulou@demo.ctp')).toBe('NOT_OWN_COMMITTEE');
    expect(gate(db, id, 'sponsor@demo.ctp')).toBe('ROLE_REQUIRED');

    // Only the secretary assigns; from the serving roster.
    expect((await apiErrorOf(member.reviews.assign({ submissionId: id, memberId: roster.member }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await apiErrorOf(callerAs(db, 'chair@demo.ctp').reviews.assign({ submissionId: id, memberId: roster.member })))
        .code,
    ).toBe('FORBIDDEN');
    await secretary.reviews.assign({ submissionId: id, memberId: roster.member });
    await secretary.reviews.assign({ submissionId: id, memberId: roster.chair });
    expect(auditCount(db, 'review.assign')).toBe(2);
    expect((await apiErrorOf(secretary.reviews.assign({ submissionId: id, memberId: roster.member }))).detail).toBe(
      'REVIEWER_EXISTS',
    );

    // Assigned but undeclared: refused the file and the worksheet.
    expect(gate(db, id, 'member@demo.ctp')).toBe('CONFLICT_DECLARATION_REQUIRED');
    const before = auditCount(db);
    expect(
      (await apiErrorOf(member.reviews.saveWorksheet({ submissionId: id, items: fullWorksheet.items }))).detail,
    ).toBe('CONFLICT_DECLARATION_REQUIRED');
    expect(auditCount(db)).toBe(before);
    expect((await member.reviews.forSubmission({ submissionId: id })).mayOpenFiles).toBe(false);

    // A conflict needs a statement.
    expect((await apiErrorOf(member.reviews.declare({ submissionId: id, hasConflict: true }))).code).toBe('VALIDATION');
    await member.reviews.declare({ submissionId: id, hasConflict: false });
    expect(gate(db, id, 'member@demo.ctp')).toBe('reviewer');
    expect((await member.reviews.forSubmission({ submissionId: id })).mayOpenFiles).toBe(true);
    expect((await apiErrorOf(member.reviews.declare({ submissionId: id, hasConflict: false }))).detail).toBe(
      'ALREADY_DECLARED',
    );

    // The chair, as a reviewer, declares a conflict: removed as reviewer, recused, refused a vote at the meeting.
    const chair = callerAs(db, 'chair@demo.ctp');
    const declared = await chair.reviews.declare({
      submissionId: id,
      hasConflict: true,
      statement: '本人为申办方顾问',
    });
    expect(declared).toMatchObject({ hasConflict: true, reviewerRemoved: true });
    expect(auditCount(db, 'review.declare')).toBe(2);
    const view = await secretary.reviews.forSubmission({ submissionId: id });
    expect(view.reviewers.find((r) => r.memberId === roster.chair)).toMatchObject({
      hasConflict: true,
      removedReason: 'conflict',
      conflictStatement: '本人为申办方顾问',
    });
    expect(view.roster.find((m) => m.id === roster.chair)?.isRecused).toBe(true);
    expect((await apiErrorOf(secretary.reviews.assign({ submissionId: id, memberId: roster.chair }))).detail).toBe(
      'MEMBER_CONFLICTED',
    );
    // A member sees that another reviewer is conflicted, not why.
    const memberView = await member.reviews.forSubmission({ submissionId: id });
    expect(memberView.reviewers.find((r) => r.memberId === roster.chair)?.conflictStatement).toBeNull();

    const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [id] });
    for (const m of [roster.chair, roster.member, roster.doctor, roster.lawyer])
      await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: m, present: true });
    expect(
      await apiErrorOf(chair.meetings.vote({ meetingId: meeting.id, submissionId: id, choice: 'approve' })),
    ).toMatchObject({ code: 'FORBIDDEN', detail: 'MEMBER_CONFLICTED' });

    // A present member who is not a reviewer: declare (at the meeting) first, then the file opens.
    const gulouMultiple = callerAs(db, 'ec-gulou@demo.ctp');
    expect((await apiErrorOf(gulouMultiple.reviews.forSubmission({ submissionId: id }))).detail).toBe(
      'NOT_OWN_COMMITTEE',
    );
  });

  it('lets a present meeting member open the file after declaring no conflict at the meeting', async () => {
    const { id } = await acceptedInitial(db, 'CTR20268002');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [id] });
    const member = callerAs(db, 'member@demo.ctp');
    // Not present: declaring does not open the file.
    expect((await apiErrorOf(member.reviews.declare({ submissionId: id, hasConflict: false }))).detail).toBe(
      'NOT_A_REVIEWER',
    );
    await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: roster.member, present: true });
    expect(gate(db, id, 'member@demo.ctp')).toBe('CONFLICT_DECLARATION_REQUIRED');
    await member.reviews.declare({ submissionId: id, meetingId: meeting.id, hasConflict: false });
    expect(gate(db, id, 'member@demo.ctp')).toBe('meeting');
    // Absent again: closed.
    await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: roster.member, present: false });
    expect(gate(db, id, 'member@demo.ctp')).toBe('NOT_A_REVIEWER');
  });

  it('keeps worksheets: drafts, submit locks, incomplete refused, EC-only (never applicant, sponsor, commission)', async () => {
    const { id } = await acceptedInitial(db, 'CTR20268003');
    const secretary = callerAs(db, 'ec@demo.ctp');
    await secretary.submissions.triage({ id, path: 'expedited' });
    await secretary.reviews.assign({ submissionId: id, memberId: roster.member });
    await secretary.reviews.assign({ submissionId: id, memberId: roster.doctor });
    // Expedited: at most two reviewers.
    expect((await apiErrorOf(secretary.reviews.assign({ submissionId: id, memberId: roster.lawyer }))).detail).toBe(
      'REVIEWER_LIMIT',
    );
    const member = callerAs(db, 'member@demo.ctp');
    await member.reviews.declare({ submissionId: id, hasConflict: false });
    // The secretary is not a reviewer: the policy refuses the worksheet.
    expect(
      (await apiErrorOf(secretary.reviews.saveWorksheet({ submissionId: id, items: fullWorksheet.items }))).code,
    ).toBe('FORBIDDEN');
    const draft = await member.reviews.saveWorksheet({
      submissionId: id,
      items: { ...fullWorksheet.items, privacy: { assessment: null, comment: '' } },
      opinion: '草稿',
    });
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(
      (
        await apiErrorOf(
          member.reviews.saveWorksheet({
            submissionId: id,
            items: { ...fullWorksheet.items, privacy: { assessment: null, comment: '' } },
            recommendedOutcome: 'approved',
            opinion: '同意',
            submit: true,
          }),
        )
      ).detail,
    ).toBe('WORKSHEET_INCOMPLETE');
    // A stale version is a conflict.
    await member.reviews.saveWorksheet({ submissionId: id, ...fullWorksheet, version: 1 });
    expect(
      (await apiErrorOf(member.reviews.saveWorksheet({ submissionId: id, ...fullWorksheet, version: 1 }))).detail,
    ).toBe('STALE_VERSION');
    const submitted = await member.reviews.saveWorksheet({ submissionId: id, ...fullWorksheet, submit: true });
    expect(submitted).toMatchObject({ status: 'submitted', version: 3 });
    expect(auditCount(db, 'review.submit_worksheet')).toBe(1);
    expect(auditCount(db, 'review.save_worksheet')).toBe(2);
    const before = auditCount(db);
    expect((await apiErrorOf(member.reviews.saveWorksheet({ submissionId: id, ...fullWorksheet }))).detail).toBe(
      'WORKSHEET_SUBMITTED',
    );
    expect(auditCount(db)).toBe(before);

    // The secretary sees every worksheet; the member's own list shows it.
    const ec = await secretary.reviews.forSubmission({ submissionId: id });
    expect(ec.reviewers.find((r) => r.memberId === roster.member)?.worksheet?.opinion).toBe('建议修改知情同意书后同意');
    expect(await member.reviews.mine({})).toMatchObject([{ submissionId: id, worksheetStatus: 'submitted' }]);

    // Confidential: applicant, sponsor, commission cannot call it, and their views of the submission do not hold it.
    for (const email of ['site@demo.ctp', 'pi@demo.ctp', 'sponsor@demo.ctp', 'commission@demo.ctp']) {
      const caller = callerAs(db, email);
      expect((await apiErrorOf(caller.reviews.forSubmission({ submissionId: id }))).code, email).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.reviews.mine({}))).code, email).toBe('FORBIDDEN');
      if (email === 'commission@demo.ctp') continue;
      const text = JSON.stringify(await caller.submissions.get({ id }));
      for (const secret of ['机密意见', '建议修改知情同意书后同意', '张医生', roster.member])
        expect(text, `${email} sees ${secret}`).not.toContain(secret);
    }
  });

  it('verifies modifications after approval with modifications: submit, ask again, verify; applicant and sponsor see it', async () => {
    const { id } = await acceptedInitial(db, 'CTR20268004');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const site = callerAs(db, 'site@demo.ctp');
    // Nothing to verify before a decision, nor for a plain approval.
    expect((await apiErrorOf(site.modifications.submit({ id, response: '已修改' }))).code).toBe('INVALID_TRANSITION');
    const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [id] });
    // The whole roster attends: five present is the legal minimum.
    for (const m of Object.values(roster))
      await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: m, present: true });
    for (const m of [roster.chair, roster.doctor, roster.lawyer]) {
      await secretary.meetings.vote({
        meetingId: meeting.id,
        submissionId: id,
        memberId: m,
        choice: 'approve_with_modifications',
      });
    }
    await secretary.submissions.decide({
      id,
      outcome: 'approved_with_modifications',
      conditions: '修改知情同意书中的风险描述',
    });
    expect(await site.modifications.get({ id })).toMatchObject({ required: true, status: 'awaiting_submission' });
    // Too late to assign a reviewer: the message names the state in words, never its code (it said "decided").
    expect((await apiErrorOf(secretary.reviews.assign({ submissionId: id, memberId: roster.member }))).message).toBe(
      '送审当前状态（已作出决定）下不能执行此操作。',
    );
    // The secretary cannot verify what was not submitted; the sponsor cannot submit.
    expect((await apiErrorOf(secretary.modifications.verify({ id, verdict: 'verified' }))).detail).toBe(
      'MODIFICATIONS_NOT_SUBMITTED',
    );
    expect(
      (await apiErrorOf(callerAs(db, 'sponsor@demo.ctp').modifications.submit({ id, response: '已修改' }))).code,
    ).toBe('FORBIDDEN');
    await site.modifications.submit({ id, response: '已按要求修改知情同意书第 3 页' });
    const again = await apiErrorOf(site.modifications.submit({ id, response: '再次提交' }), 'en');
    expect(again.code).toBe('INVALID_TRANSITION');
    expect(again.message).toBe('This cannot be done while the submission is modifications awaiting verification.');
    // Asking again needs a reason.
    expect((await apiErrorOf(secretary.modifications.verify({ id, verdict: 'more_requested' }))).code).toBe(
      'VALIDATION',
    );
    expect((await apiErrorOf(site.modifications.verify({ id, verdict: 'verified' }))).code).toBe('FORBIDDEN');
    expect(
      (await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').modifications.verify({ id, verdict: 'verified' }))).detail,
    ).toBe('NOT_OWN_COMMITTEE');
    await secretary.modifications.verify({ id, verdict: 'more_requested', comment: '请同时修改招募广告' });
    expect((await site.modifications.get({ id })).status).toBe('awaiting_submission');
    await site.modifications.submit({ id, response: '招募广告已修改' });
    await secretary.modifications.verify({ id, verdict: 'verified' });
    expect(auditCount(db, 'submission.submit_modifications')).toBe(2);
    expect(auditCount(db, 'submission.verify_modifications')).toBe(2);
    expect((await apiErrorOf(site.modifications.submit({ id, response: '又一次' }))).detail).toBe(
      'MODIFICATIONS_VERIFIED',
    );
    for (const email of ['site@demo.ctp', 'sponsor@demo.ctp']) {
      const caller = callerAs(db, email);
      expect(await caller.modifications.get({ id }), email).toMatchObject({
        status: 'verified',
        rounds: [
          { round: 1, verdict: 'more_requested' },
          { round: 2, verdict: 'verified' },
        ],
      });
      const view = await caller.submissions.get({ id });
      expect(view.state).toBe('decided');
      expect(view.timeline.map((e) => e.step)).toEqual(
        expect.arrayContaining(['submit_modifications', 'verify_modifications']),
      );
    }
    // Decided → letter_issued stays open for the letter workflow.
    expect((await secretary.submissions.get({ id })).availableSteps).toContain('issue_letter');
  });

  it('edits the agenda before a decision and locks the minutes once the chair approves them', async () => {
    const a = await acceptedInitial(db, 'CTR20268005');
    const b = await acceptedInitial(db, 'CTR20268006');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const chair = callerAs(db, 'chair@demo.ctp');
    const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [a.id] });
    const meetingId = meeting.id;
    // Add b; a member cannot; another committee cannot.
    expect(
      (await apiErrorOf(callerAs(db, 'member@demo.ctp').meetings.addToAgenda({ meetingId, submissionId: b.id }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').meetings.addToAgenda({ meetingId, submissionId: b.id })))
        .detail,
    ).toBe('NOT_OWN_COMMITTEE');
    await secretary.meetings.addToAgenda({ meetingId, submissionId: b.id });
    expect((await secretary.meetings.get({ meetingId })).agenda.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await apiErrorOf(secretary.meetings.addToAgenda({ meetingId, submissionId: b.id }))).detail).toBe(
      'NOT_READY_FOR_AGENDA',
    );
    // Remove b before a decision: back to convened review, off the agenda.
    await chair.meetings.removeFromAgenda({ meetingId, submissionId: b.id });
    expect(await secretary.submissions.get({ id: b.id })).toMatchObject({ state: 'in_review', reviewPath: 'convened' });
    expect((await secretary.meetings.get({ meetingId })).agenda.map((x) => x.id)).toEqual([a.id]);
    expect(auditCount(db, 'submission.unschedule')).toBe(1);
    expect((await apiErrorOf(secretary.meetings.removeFromAgenda({ meetingId, submissionId: b.id }))).detail).toBe(
      'NOT_ON_AGENDA',
    );

    // Decide a, then it cannot be removed.
    // The whole roster attends: five present is the legal minimum.
    for (const m of Object.values(roster))
      await secretary.meetings.recordAttendance({ meetingId, memberId: m, present: true });
    for (const m of [roster.chair, roster.doctor, roster.lawyer])
      await secretary.meetings.vote({ meetingId, submissionId: a.id, memberId: m, choice: 'approve' });
    await secretary.submissions.decide({ id: a.id, outcome: 'approved' });
    expect((await apiErrorOf(secretary.meetings.removeFromAgenda({ meetingId, submissionId: a.id }))).detail).toBe(
      'AGENDA_ITEM_DECIDED',
    );

    // Minutes: the chair cannot approve nothing; the secretary drafts; only the chair approves; then locked.
    expect((await apiErrorOf(chair.meetings.approveMinutes({ meetingId }))).detail).toBe('MINUTES_NOT_DRAFTED');
    expect((await apiErrorOf(chair.meetings.saveMinutes({ meetingId, summary: '纪要' }))).code).toBe('FORBIDDEN');
    expect(
      (
        await apiErrorOf(
          secretary.meetings.saveMinutes({ meetingId, items: [{ submissionId: b.id, discussion: '无' }] }),
        )
      ).detail,
    ).toBe('NOT_ON_AGENDA');
    const draft = await secretary.meetings.saveMinutes({
      meetingId,
      summary: '第 1 次审查会议，主任委员主持',
      items: [{ submissionId: a.id, discussion: '委员讨论了入选标准和安全性监测计划' }],
    });
    expect(draft).toMatchObject({ status: 'draft', isLocked: false });
    expect(draft.record.items[0]).toMatchObject({
      submissionId: a.id,
      outcome: 'approved',
      discussion: '委员讨论了入选标准和安全性监测计划',
      tally: { approve: 3 },
      quorum: { met: true },
    });
    expect((await apiErrorOf(secretary.meetings.approveMinutes({ meetingId }))).code).toBe('FORBIDDEN');
    const approved = await chair.meetings.approveMinutes({ meetingId });
    expect(approved).toMatchObject({ status: 'approved', isLocked: true });
    expect(
      approved.record.attendance
        .filter((x) => x.present)
        .map((x) => x.memberId)
        .sort(),
    ).toEqual(Object.values(roster).sort());
    expect(auditCount(db, 'meeting.approve_minutes')).toBe(1);
    // Locked: no edit, no second approval, no agenda change; the frozen record does not follow later attendance.
    const before = auditCount(db);
    expect((await apiErrorOf(secretary.meetings.saveMinutes({ meetingId, summary: '改' }))).detail).toBe(
      'MINUTES_LOCKED',
    );
    expect((await apiErrorOf(chair.meetings.approveMinutes({ meetingId }))).detail).toBe('MINUTES_LOCKED');
    expect((await apiErrorOf(secretary.meetings.addToAgenda({ meetingId, submissionId: b.id }))).detail).toBe(
      'MINUTES_LOCKED',
    );
    expect(auditCount(db)).toBe(before);
    await secretary.meetings.recordAttendance({ meetingId, memberId: roster.ethicist, present: false });
    const frozen = await callerAs(db, 'member@demo.ctp').meetings.minutes({ meetingId });
    expect(frozen.record.attendance.find((x) => x.memberId === roster.ethicist)?.present).toBe(true);
    // EC-only.
    for (const email of ['site@demo.ctp', 'sponsor@demo.ctp', 'commission@demo.ctp'])
      expect((await apiErrorOf(callerAs(db, email).meetings.minutes({ meetingId }))).code, email).toBe('FORBIDDEN');
  });
});

describe('demo rosters', () => {
  it('gives each demo committee a roster through the use-case, and a meeting at ec-jsph can reach quorum', async () => {
    const db = await createSeededDatabase();
    const added = seedDemoCommittees(
      db.db,
      { loginThrottle: new LoginThrottle(), session: { idleMs: 0, absoluteMs: 0 } },
      Date.now(),
    );
    expect(added).toBe(23);
    expect(auditCount(db, 'committee.add_member')).toBe(23);
    const secretary = callerAs(db, 'ec@demo.ctp');
    const roster = await secretary.committees.get({ committeeId: EC });
    expect(roster.members).toHaveLength(8);
    expect(new Set(roster.members.map((m) => m.expertise))).toEqual(
      new Set(['medical', 'pharmacy', 'nursing', 'ethics', 'law', 'lay']),
    );
    // multi@ sits on the 鼓楼 committee as a member (its EC membership says so).
    expect((await callerAs(db, 'ec-gulou@demo.ctp').committees.get({ committeeId: 'ec-njglyy' })).members).toHaveLength(
      8,
    );
    const { id } = await acceptedInitial(db, 'CTR20268009');
    const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [id] });
    const byName = new Map(roster.members.map((m) => [m.name, m.id]));
    for (const name of ['王主任委员', '郑委员', '陈晓燕', '吴志刚'])
      await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: byName.get(name)!, present: true });
    expect((await secretary.meetings.get({ meetingId: meeting.id })).quorum).toMatchObject({ met: false, required: 5 });
    await secretary.meetings.recordAttendance({
      meetingId: meeting.id,
      memberId: byName.get('赵淑芬')!,
      present: true,
    });
    expect((await secretary.meetings.get({ meetingId: meeting.id })).quorum.met).toBe(true);
    await callerAs(db, 'chair@demo.ctp').meetings.vote({ meetingId: meeting.id, submissionId: id, choice: 'approve' });
  });
});
