import { FOLLOW_UP_MONTHS_BY_RISK } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { addMonths, shanghaiDate } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount, countOf } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite, tickEveryItem } from '../../../../test/helpers/fixtures.ts';
import { medicalSeat, REVIEW_PANEL, seedRoster } from '../../../../test/helpers/roster.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const today = shanghaiDate(Date.now());
const EC = 'ec-jsph';

const votes = (db: DbHandle) => countOf(db, 'select count(*) from submission_votes');

/**
 * The 江苏省人民医院 EC's roster, made through the use-case: seven members, so the quorum is the legal five present
 * (more than half of seven is four); the lawyer is the only unaffiliated member, the lawyer and the ethicist the only
 * non-medical ones.
 */
async function seedMeetingRoster(db: DbHandle) {
  const { bench1, bench2, ...roster } = await seedRoster(db, {
    chairGender: 'male',
    seats: {
      ...REVIEW_PANEL,
      lawyer: { ...REVIEW_PANEL.lawyer, gender: 'female' },
      // Two medical, affiliated members who attend every meeting of these tests.
      bench1: medicalSeat('钱委员'),
      bench2: medicalSeat('孙委员'),
    },
  });
  return { ...roster, bench: [bench1, bench2] };
}

/** A new trial with a site at 江苏省人民医院, its initial submission submitted and accepted. */
async function acceptedInitial(db: DbHandle, opts: { riskLevel?: 'low' | 'medium' | 'high'; ctrNo: string }) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 ABC-101 治疗慢性心衰的多中心研究',
    type: 'drug',
    phase: 'III',
    ctrNo: opts.ctrNo,
    conditions: ['心力衰竭'],
    targetEnrolment: 120,
    riskLevel: opts.riskLevel ?? 'medium',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const site = callerAs(db, 'site@demo.ctp');
  const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id });
  const secretary = callerAs(db, 'ec@demo.ctp');
  await secretary.submissions.screen({ id, accept: true, checklist: await tickEveryItem(secretary, id) });
  return { trialId, trialSiteId, id };
}

/** A meeting today with these submissions on the agenda and these members present (the bench too). */
async function convene(db: DbHandle, submissionIds: string[], present: string[], bench: string[]) {
  const secretary = callerAs(db, 'ec@demo.ctp');
  const meeting = await secretary.meetings.create({ committeeId: EC, date: today, submissionIds });
  for (const memberId of [...bench, ...present])
    await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId, present: true });
  return meeting.id;
}

describe('ethics committee: roster, meetings, quorum, votes, decisions', () => {
  let db: DbHandle;
  let roster: Awaited<ReturnType<typeof seedMeetingRoster>>;
  beforeEach(async () => {
    db = await createSeededDatabase();
    roster = await seedMeetingRoster(db);
  });

  it('keeps the roster and SOP to the committee’s own secretary or chair, with audit rows', async () => {
    expect(auditCount(db, 'committee.add_member')).toBe(7);
    const before = auditCount(db);
    const gulou = callerAs(db, 'ec-gulou@demo.ctp');
    const external = {
      committeeId: EC,
      name: '外院委员',
      role: 'member',
      expertise: 'lay',
      isAffiliated: false,
      termStart: '2025-01-01',
    } as const;
    expect(await apiErrorOf(gulou.committees.addMember(external))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'NOT_OWN_COMMITTEE',
    });
    expect((await apiErrorOf(callerAs(db, 'member@demo.ctp').committees.addMember(external))).code).toBe('FORBIDDEN');
    expect((await apiErrorOf(callerAs(db, 'sponsor@demo.ctp').committees.get({ committeeId: EC }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await apiErrorOf(gulou.committees.get({ committeeId: EC }))).detail).toBe('NOT_OWN_COMMITTEE');
    // A platform user must hold a role at this very committee; the same user is not added twice.
    const gulouUser = db.sqlite
      .prepare("select id from users where email = 'ec-gulou@demo.ctp'")
      .pluck()
      .get() as string;
    const chairUser = db.sqlite.prepare("select id from users where email = 'chair@demo.ctp'").pluck().get() as string;
    const secretary = callerAs(db, 'ec@demo.ctp');
    expect((await apiErrorOf(secretary.committees.addMember({ ...external, userId: gulouUser }))).detail).toBe(
      'USER_NOT_IN_COMMITTEE',
    );
    expect((await apiErrorOf(secretary.committees.addMember({ ...external, userId: chairUser }))).code).toBe(
      'CONFLICT',
    );
    expect(auditCount(db)).toBe(before);
    expect(countOf(db, 'select count(*) from committee_members')).toBe(7);

    const chair = callerAs(db, 'chair@demo.ctp');
    expect((await chair.committees.get({ committeeId: EC })).sop).toMatchObject({
      quorumMinPercent: 50,
      isDefault: true,
    });
    await chair.committees.updateSettings({ committeeId: EC, quorumMinCount: 6, defaultFollowUpMonths: 9 });
    expect(auditCount(db, 'committee.update_sop')).toBe(1);
    const view = await callerAs(db, 'member@demo.ctp').committees.get({ committeeId: EC });
    expect(view.sop).toMatchObject({
      quorumMinCount: 6,
      defaultFollowUpMonths: 9,
      reviewLimitDays: 15,
      isDefault: false,
    });
    expect(view.members.map((m) => m.name)).toEqual([
      '王主任委员',
      '郑委员',
      '张医生',
      '李律师',
      '赵伦理',
      '钱委员',
      '孙委员',
    ]);
    expect((await apiErrorOf(gulou.committees.updateSettings({ committeeId: EC, quorumMinCount: 6 }))).code).toBe(
      'FORBIDDEN',
    );
    // The SOP cannot go below the legal minimum of five present (issue 14): refused, localised, nothing changed.
    const auditsBefore = auditCount(db);
    const tooFew = await apiErrorOf(chair.committees.updateSettings({ committeeId: EC, quorumMinCount: 4 }));
    expect(tooFew.code).toBe('VALIDATION');
    expect(JSON.stringify(tooFew)).toContain('不能低于法定的 5 人');
    const tooFewEn = await apiErrorOf(chair.committees.updateSettings({ committeeId: EC, quorumMinCount: 1 }), 'en');
    expect(JSON.stringify(tooFewEn)).toContain('At least 5 members must be present by law');
    expect(auditCount(db)).toBe(auditsBefore);
    const after = await chair.committees.get({ committeeId: EC });
    expect(after.sop.quorumMinCount).toBe(6);
    // The page shows the attendance a meeting needs now: seven serving members, more than half and at least six.
    expect(after).toMatchObject({ servingCount: 7, quorumRequired: 6 });
  });

  it('runs a convened review: quorum, recusal, votes, decision by majority, site ethics_approved, confidential votes', async () => {
    const { id, trialId, trialSiteId } = await acceptedInitial(db, { ctrNo: 'CTR20267001' });
    const secretary = callerAs(db, 'ec@demo.ctp');
    // Five medical, affiliated members present: enough in number, but no non-medical and no unaffiliated member.
    const meetingId = await convene(db, [id], [roster.chair, roster.member, roster.doctor], roster.bench);
    expect(await secretary.submissions.get({ id })).toMatchObject({
      state: 'scheduled',
      reviewPath: 'convened',
      meetingId,
    });
    expect(auditCount(db, 'meeting.create')).toBe(1);
    expect(auditCount(db, 'submission.schedule')).toBe(1);
    expect(await callerAs(db, 'member@demo.ctp').meetings.list({ committeeId: EC })).toMatchObject([
      { id: meetingId, meetingDate: today, agendaSize: 1, undecidedItems: 1, status: 'today' },
    ]);
    expect((await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').meetings.list({ committeeId: EC }))).detail).toBe(
      'NOT_OWN_COMMITTEE',
    );
    expect(auditCount(db, 'meeting.record_attendance')).toBe(5);

    const chair = callerAs(db, 'chair@demo.ctp');
    const before = auditCount(db);
    const noQuorum = await apiErrorOf(chair.meetings.vote({ meetingId, submissionId: id, choice: 'approve' }));
    expect(noQuorum).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'QUORUM_NOT_MET' });
    expect(noQuorum.message).toContain('无非医药专业背景的委员出席');
    expect([votes(db), auditCount(db)]).toEqual([0, before]);
    expect((await secretary.meetings.get({ meetingId })).quorum).toMatchObject({
      met: false,
      present: 5,
      required: 5,
      reasons: ['NO_NON_MEDICAL', 'NO_UNAFFILIATED'],
    });

    await secretary.meetings.recordAttendance({ meetingId, memberId: roster.lawyer, present: true });
    // The member declares a conflict for this submission: recused, refused a vote; the quorum still holds (5 of 7).
    const member = callerAs(db, 'member@demo.ctp');
    await member.meetings.declareConflict({ submissionId: id, reason: '本人为该研究的合作研究者' });
    expect(auditCount(db, 'meeting.declare_conflict')).toBe(1);
    const beforeConflicted = auditCount(db);
    expect(await apiErrorOf(member.meetings.vote({ meetingId, submissionId: id, choice: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'MEMBER_CONFLICTED',
    });
    // Nor may anyone record it for them; and a member cannot record someone else's vote.
    expect(
      (
        await apiErrorOf(
          secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.member, choice: 'approve' }),
        )
      ).detail,
    ).toBe('MEMBER_CONFLICTED');
    expect(
      (
        await apiErrorOf(
          member.meetings.vote({ meetingId, submissionId: id, memberId: roster.doctor, choice: 'approve' }),
        )
      ).detail,
    ).toBe('NOT_A_VOTER');
    expect([votes(db), auditCount(db)]).toEqual([0, beforeConflicted]);

    const live = await chair.meetings.get({ meetingId });
    expect(live.agenda[0]).toMatchObject({ id, recusedMemberIds: [roster.member], quorum: { met: true, present: 5 } });

    await chair.meetings.vote({ meetingId, submissionId: id, choice: 'approve' });
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.doctor, choice: 'approve' });
    await secretary.meetings.vote({
      meetingId,
      submissionId: id,
      memberId: roster.lawyer,
      choice: 'approve_with_modifications',
    });
    for (const memberId of roster.bench)
      await secretary.meetings.vote({ meetingId, submissionId: id, memberId, choice: 'approve' });
    expect(auditCount(db, 'meeting.vote')).toBe(5);
    expect((await chair.meetings.get({ meetingId })).agenda[0]?.majority).toBe('approve');

    // The decision must be the majority's; a member cannot record it; another committee cannot touch it.
    const beforeDecide = auditCount(db);
    expect(await apiErrorOf(secretary.submissions.decide({ id, outcome: 'disapproved' }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      detail: 'DECISION_NOT_MAJORITY',
    });
    expect((await apiErrorOf(member.submissions.decide({ id, outcome: 'approved' }))).code).toBe('FORBIDDEN');
    expect(
      (await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').submissions.decide({ id, outcome: 'approved' }))).detail,
    ).toBe('NOT_OWN_COMMITTEE');
    expect((await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').meetings.get({ meetingId }))).detail).toBe(
      'NOT_OWN_COMMITTEE',
    );
    expect(auditCount(db)).toBe(beforeDecide);
    expect((await secretary.submissions.get({ id })).state).toBe('scheduled');

    const decided = await secretary.submissions.decide({ id, outcome: 'approved', conditions: '请按期提交年度报告' });
    expect(decided).toMatchObject({
      state: 'decided',
      outcome: 'approved',
      decidedDate: today,
      followUpDate: addMonths(today, 6),
    });
    expect(auditCount(db, 'submission.decide')).toBe(1);
    const trial = await callerAs(db, 'sponsor@demo.ctp').trials.get({ id: trialId });
    expect(trial.sites.find((s) => s.id === trialSiteId)?.state).toBe('ethics_approved');
    expect(
      db.sqlite.prepare('select ethics_approved_date from trial_sites where id = ?').pluck().get(trialSiteId),
    ).toBe(today);
    // The clock stops at the decision.
    expect((await secretary.submissions.get({ id })).clock).toMatchObject({ isStopped: false, usedDays: 0 });

    // Confidentiality: the applicant and the sponsor see the decision, never the votes, attendance or declarations.
    for (const email of ['sponsor@demo.ctp', 'site@demo.ctp']) {
      const view = await callerAs(db, email).submissions.get({ id });
      expect(view).toMatchObject({
        state: 'decided',
        outcome: 'approved',
        conditions: '请按期提交年度报告',
        followUpDate: addMonths(today, 6),
      });
      expect(view).not.toHaveProperty('review');
      expect(view).not.toHaveProperty('meetingId');
      const text = JSON.stringify(view);
      for (const secret of ['李律师', '张医生', '郑委员', '合作研究者', 'approve_with_modifications', roster.lawyer])
        expect(text, `${email} sees ${secret}`).not.toContain(secret);
      expect((await apiErrorOf(callerAs(db, email).meetings.get({ meetingId }))).code).toBe('FORBIDDEN');
    }
    const ecView = await secretary.submissions.get({ id });
    expect(ecView.review?.meetingVotes.map((v) => v.choice).sort()).toEqual([
      'approve',
      'approve',
      'approve',
      'approve',
      'approve_with_modifications',
    ]);
    expect(ecView.review?.conflicts).toMatchObject([{ memberId: roster.member, reason: '本人为该研究的合作研究者' }]);
  });

  it('does not count a recused member towards the quorum: the only unaffiliated member’s conflict stops the vote', async () => {
    const { id } = await acceptedInitial(db, { ctrNo: 'CTR20267002' });
    const meetingId = await convene(db, [id], [roster.chair, roster.doctor, roster.lawyer], roster.bench);
    await callerAs(db, 'ec@demo.ctp').meetings.declareConflict({
      meetingId,
      memberId: roster.lawyer,
      reason: '律所代理申办方',
    });
    const refused = await apiErrorOf(
      callerAs(db, 'chair@demo.ctp').meetings.vote({ meetingId, submissionId: id, choice: 'approve' }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'QUORUM_NOT_MET' });
    expect(votes(db)).toBe(0);
    expect((await callerAs(db, 'chair@demo.ctp').meetings.get({ meetingId })).agenda[0]?.quorum).toMatchObject({
      met: false,
      present: 4,
      reasons: ['TOO_FEW_PRESENT', 'NO_NON_MEDICAL', 'NO_UNAFFILIATED'],
    });
  });

  it('freezes the quorum with each vote: approved minutes show the quorum of the vote, not the one at approval', async () => {
    const { id } = await acceptedInitial(db, { ctrNo: 'CTR20267009' });
    const secretary = callerAs(db, 'ec@demo.ctp');
    const meetingId = await convene(db, [id], [roster.chair, roster.doctor, roster.lawyer], roster.bench);
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.chair, choice: 'approve' });
    // The ethicist arrives: the next votes are cast with six present.
    await secretary.meetings.recordAttendance({ meetingId, memberId: roster.ethicist, present: true });
    for (const memberId of [roster.doctor, roster.lawyer, roster.ethicist])
      await secretary.meetings.vote({ meetingId, submissionId: id, memberId, choice: 'approve' });
    await secretary.submissions.decide({ id, outcome: 'approved' });
    // After the decision three members leave: the live quorum is lost, the vote's is not.
    for (const memberId of [roster.doctor, roster.lawyer, roster.ethicist])
      await secretary.meetings.recordAttendance({ meetingId, memberId, present: false });
    expect((await secretary.meetings.get({ meetingId })).quorum).toMatchObject({ met: false, present: 3 });
    const statusOf = async () =>
      (await secretary.meetings.list({ committeeId: EC })).find((m) => m.id === meetingId)?.status;
    expect(await statusOf()).toBe('awaiting_minutes');
    await secretary.meetings.saveMinutes({ meetingId, summary: '审议 1 项', items: [] });
    expect(await statusOf()).toBe('minutes_draft');
    const approved = await callerAs(db, 'chair@demo.ctp').meetings.approveMinutes({ meetingId });
    expect(await statusOf()).toBe('closed');
    const item = approved.record.items[0]!;
    expect(item.quorum).toMatchObject({ met: true, present: 6, total: 7, required: 5, reasons: [] });
    expect(item.quorumAt).not.toBeNull();
    expect(item).toMatchObject({ voters: 6, majority: 'approve', outcome: 'approved' });
    expect(item.tally.approve).toBe(4);
    expect(item.votes.map((v) => [v.memberId, v.quorum?.present, v.quorum?.met])).toEqual([
      [roster.chair, 5, true],
      [roster.doctor, 6, true],
      [roster.lawyer, 6, true],
      [roster.ethicist, 6, true],
    ]);
    // Stored with the vote rows, and frozen in the approved minutes: later attendance changes do not reach them.
    const stored = db.sqlite
      .prepare('select quorum_json from submission_votes where member_id = ? and meeting_id = ?')
      .pluck()
      .get(roster.chair, meetingId) as string;
    expect(JSON.parse(stored)).toMatchObject({ present: 5, met: true, recused: 0 });
    await secretary.meetings.recordAttendance({ meetingId, memberId: roster.member, present: true });
    const reread = await secretary.meetings.minutes({ meetingId });
    expect(reread.record.items[0]?.quorum).toMatchObject({ present: 6, met: true });
    expect(reread.record.attendance.filter((a) => a.present)).toHaveLength(3);
  });

  it('needs a majority of the present, non-recused members, and only agenda items of one’s own committee are scheduled', async () => {
    const { id } = await acceptedInitial(db, { ctrNo: 'CTR20267003' });
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'ec-gulou@demo.ctp').meetings.create({ committeeId: EC, date: today, submissionIds: [id] }),
        )
      ).detail,
    ).toBe('NOT_OWN_COMMITTEE');
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'ec-gulou@demo.ctp').meetings.create({
            committeeId: 'ec-njglyy',
            date: today,
            submissionIds: [id],
          }),
        )
      ).detail,
    ).toBe('NOT_OWN_COMMITTEE');
    expect(auditCount(db, 'meeting.create')).toBe(0);
    const meetingId = await convene(
      db,
      [id],
      [roster.chair, roster.doctor, roster.lawyer, roster.ethicist],
      roster.bench,
    );
    const secretary = callerAs(db, 'ec@demo.ctp');
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.chair, choice: 'approve' });
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.doctor, choice: 'approve' });
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.lawyer, choice: 'resubmit' });
    // 2 of 6 is no majority.
    expect((await apiErrorOf(secretary.submissions.decide({ id, outcome: 'approved' }))).detail).toBe('NO_MAJORITY');
    // A member changes their vote: the later one counts.
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.ethicist, choice: 'resubmit' });
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.doctor, choice: 'resubmit' });
    await secretary.meetings.vote({ meetingId, submissionId: id, memberId: roster.bench[0]!, choice: 'resubmit' });
    const decided = await secretary.submissions.decide({ id, outcome: 'resubmit' });
    expect(decided).toMatchObject({ state: 'decided', outcome: 'resubmit', followUpDate: null });
    expect(await callerAs(db, 'site@demo.ctp').submissions.get({ id })).toMatchObject({ outcome: 'resubmit' });
  });

  it('sets the follow-up date by risk (high 3 months), overridable within 1–12', async () => {
    const high = await acceptedInitial(db, { ctrNo: 'CTR20267004', riskLevel: 'high' });
    const low = await acceptedInitial(db, { ctrNo: 'CTR20267005', riskLevel: 'low' });
    const meetingId = await convene(db, [high.id, low.id], [roster.chair, roster.doctor, roster.lawyer], roster.bench);
    const secretary = callerAs(db, 'ec@demo.ctp');
    for (const submissionId of [high.id, low.id])
      for (const memberId of [roster.chair, roster.doctor, roster.lawyer])
        await secretary.meetings.vote({ meetingId, submissionId, memberId, choice: 'approve' });
    expect((await secretary.submissions.decide({ id: high.id, outcome: 'approved' })).followUpDate).toBe(
      addMonths(today, 3),
    );
    expect(
      (await apiErrorOf(secretary.submissions.decide({ id: low.id, outcome: 'approved', followUpMonths: 13 }))).code,
    ).toBe('VALIDATION');
    expect(
      (await secretary.submissions.decide({ id: low.id, outcome: 'approved', followUpMonths: 9 })).followUpDate,
    ).toBe(addMonths(today, 9));
  });

  it('gives a concurrent second decision a CONFLICT: exactly one wins', async () => {
    const { id, trialSiteId } = await acceptedInitial(db, { ctrNo: 'CTR20267006' });
    const meetingId = await convene(db, [id], [roster.chair, roster.doctor, roster.lawyer], roster.bench);
    const secretary = callerAs(db, 'ec@demo.ctp');
    for (const memberId of [roster.chair, roster.doctor, roster.lawyer])
      await secretary.meetings.vote({ meetingId, submissionId: id, memberId, choice: 'approve' });
    const { version } = await secretary.submissions.get({ id });
    const transitionsBefore = auditCount(db, 'site.transition', trialSiteId);
    const results = await Promise.allSettled([
      secretary.submissions.decide({ id, version, outcome: 'approved' }),
      callerAs(db, 'chair@demo.ctp').submissions.decide({ id, version, outcome: 'approved' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((await apiErrorOf(Promise.reject(rejected?.reason))).code).toBe('CONFLICT');
    expect(auditCount(db, 'submission.decide')).toBe(1);
    expect(auditCount(db, 'site.transition', trialSiteId)).toBe(transitionsBefore + 1);
  });

  it('runs an expedited review: the chair signs; any "no" sends it to a meeting', async () => {
    const siteId = db.sqlite
      .prepare(
        `select ts.id from trial_sites ts join organisations o on o.id = ts.hospital_org_id
         join trials t on t.id = ts.trial_id
         where o.code = 'jsph' and ts.state in ('initiated', 'enrolling') and t.risk_level != 'high' limit 1`,
      )
      .pluck()
      .get() as string;
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    const chair = callerAs(db, 'chair@demo.ctp');
    const member = callerAs(db, 'member@demo.ctp');
    const expedited = async () => {
      const { id } = await site.submissions.create({ trialSiteId: siteId, type: 'amendment' });
      await site.submissions.submit({ id });
      await secretary.submissions.screen({ id, accept: true });
      await secretary.submissions.triage({ id, path: 'expedited' });
      return id;
    };

    const first = await expedited();
    expect((await apiErrorOf(chair.submissions.decide({ id: first, outcome: 'approved' }))).detail).toBe(
      'NO_EXPEDITED_REVIEW',
    );
    // Issue 12: a serving member who is no primary reviewer (主审) gives no expedited view — nor does the chair.
    expect(await apiErrorOf(member.meetings.vote({ submissionId: first, choice: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'NOT_EXPEDITED_REVIEWER',
    });
    expect((await apiErrorOf(chair.meetings.vote({ submissionId: first, choice: 'approve' }))).detail).toBe(
      'NOT_EXPEDITED_REVIEWER',
    );
    // Assigned, but no declaration yet: the same gate as the file.
    await secretary.reviews.assign({ submissionId: first, memberId: roster.member });
    expect((await apiErrorOf(member.meetings.vote({ submissionId: first, choice: 'approve' }))).detail).toBe(
      'CONFLICT_DECLARATION_REQUIRED',
    );
    expect(auditCount(db, 'meeting.vote')).toBe(0);
    await member.reviews.declare({ submissionId: first, hasConflict: false });
    expect((await member.meetings.vote({ submissionId: first, choice: 'approve' })).referredToMeeting).toBe(false);
    // One view of the two the committee's SOP asks for (default 2): the chair cannot sign an approval yet.
    const short = await apiErrorOf(chair.submissions.decide({ id: first, outcome: 'approved' }));
    expect(short).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'NO_EXPEDITED_REVIEW' });
    expect(short.message).toContain('2');
    await secretary.reviews.assign({ submissionId: first, memberId: roster.chair });
    await chair.reviews.declare({ submissionId: first, hasConflict: false });
    await chair.meetings.vote({ submissionId: first, choice: 'approve' });
    expect(await apiErrorOf(secretary.submissions.decide({ id: first, outcome: 'approved' }))).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'CHAIR_MUST_SIGN',
    });
    const signed = await chair.submissions.decide({
      id: first,
      outcome: 'approved_with_modifications',
      conditions: '知情同意书第3页按意见修改',
    });
    expect(signed).toMatchObject({
      state: 'decided',
      outcome: 'approved_with_modifications',
      referredToMeeting: false,
    });
    const risk = db.sqlite
      .prepare('select t.risk_level from trials t join trial_sites ts on ts.trial_id = t.id where ts.id = ?')
      .pluck()
      .get(siteId) as keyof typeof FOLLOW_UP_MONTHS_BY_RISK;
    expect(signed.followUpDate).toBe(addMonths(today, FOLLOW_UP_MONTHS_BY_RISK[risk]));
    // An amendment does not move the site (it is already approved).
    expect(db.sqlite.prepare('select state from trial_sites where id = ?').pluck().get(siteId)).not.toBe(
      'ethics_approved',
    );

    const second = await expedited();
    await secretary.reviews.assign({ submissionId: second, memberId: roster.doctor });
    // The secretary records the external member's declaration and view for them.
    await secretary.reviews.declare({ submissionId: second, memberId: roster.doctor, hasConflict: false });
    const { version } = await secretary.submissions.get({ id: second });
    const objected = await secretary.meetings.vote({
      submissionId: second,
      memberId: roster.doctor,
      choice: 'disapprove',
    });
    expect(objected.referredToMeeting).toBe(true);
    const view = await secretary.submissions.get({ id: second });
    expect(view).toMatchObject({ state: 'in_review', reviewPath: 'convened', version: version + 1 });
    expect(view.timeline.at(-1)).toMatchObject({
      step: 'refer_to_meeting',
      fromState: 'in_review',
      toState: 'in_review',
    });
    expect(auditCount(db, 'submission.refer_to_meeting')).toBe(1);
    // The referral is the vote's consequence, not a button; the secretary's next step is the agenda.
    expect(view.availableSteps).not.toContain('refer_to_meeting');
    expect(view.availableSteps).toContain('schedule');
    // The applicant sees that it goes to a meeting (the path), not the objection nor who made it (issue 12).
    const applicantView = await site.submissions.get({ id: second });
    expect(applicantView.reviewPath).toBe('convened');
    expect(applicantView.timeline.map((e) => e.step)).not.toContain('refer_to_meeting');
    expect(JSON.stringify(applicantView)).not.toContain('disapprove');
    expect(JSON.stringify(applicantView)).not.toContain('张医生');
    // Now it takes a meeting.
    expect((await apiErrorOf(chair.submissions.decide({ id: second, outcome: 'approved' }))).detail).toBe(
      'NOT_ON_AGENDA',
    );
    const meetingId = await convene(db, [second], [roster.chair, roster.doctor, roster.lawyer], roster.bench);
    expect(await secretary.submissions.get({ id: second })).toMatchObject({ state: 'scheduled', meetingId });

    // The chair's own "no" on an expedited review also goes to a meeting instead of deciding.
    const third = await expedited();
    await secretary.reviews.assign({ submissionId: third, memberId: roster.member });
    await member.reviews.declare({ submissionId: third, hasConflict: false });
    await member.meetings.vote({ submissionId: third, choice: 'approve' });
    const referred = await chair.submissions.decide({ id: third, outcome: 'disapproved' });
    expect(referred).toMatchObject({
      state: 'in_review',
      reviewPath: 'convened',
      outcome: null,
      referredToMeeting: true,
    });
  });
});
