import { WORKSHEET_ITEMS } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  beijingNoon,
  giveExpeditedViews,
  seedAcceptedSubmission,
  selectPiSite,
} from '../../../../test/helpers/fixtures.ts';
import { medicalSeat, seedRoster } from '../../../../test/helpers/roster.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const EC = 'ec-jsph';
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Five external members beside the demo chair and member: seven serving, a quorum is five present. */
const seedAgendaRoster = (db: DbHandle) =>
  seedRoster(db, {
    termEnd: null,
    seats: {
      doctor: { name: '张医生', role: 'member', expertise: 'pharmacy', isAffiliated: true },
      lawyer: { name: '李律师', role: 'member', expertise: 'law', isAffiliated: false },
      ethicist: { name: '赵伦理', role: 'member', expertise: 'ethics', isAffiliated: true },
      qian: medicalSeat('钱委员'),
      sun: { ...medicalSeat('孙委员'), expertise: 'nursing' },
    },
  });

describe('the meeting page serves the chair (issue 14)', () => {
  let db: DbHandle;
  let meetingId: string;
  let submissionId: string;
  beforeAll(async () => {
    db = await createSeededDatabase();
    const roster = await seedAgendaRoster(db);
    submissionId = await seedAcceptedSubmission(db, today);
    const secretary = callerAs(db, 'ec@demo.ctp');
    await secretary.submissions.triage({ id: submissionId, path: 'convened' });
    // Two primary reviewers: the chair submits a worksheet, the member has only a draft.
    for (const memberId of [roster.chair, roster.member]) await secretary.reviews.assign({ submissionId, memberId });
    const chair = callerAs(db, 'chair@demo.ctp');
    await chair.reviews.declare({ submissionId, hasConflict: false });
    const items = Object.fromEntries(WORKSHEET_ITEMS.map((k) => [k, { assessment: 'acceptable', comment: '' }]));
    await chair.reviews.saveWorksheet({
      submissionId,
      items,
      recommendedOutcome: 'approved_with_modifications',
      opinion: '知情同意书须补充风险描述（主审意见）',
      submit: true,
    } as Parameters<typeof chair.reviews.saveWorksheet>[0]);
    const member = callerAs(db, 'member@demo.ctp');
    await member.reviews.declare({ submissionId, hasConflict: false });
    meetingId = (await secretary.meetings.create({ committeeId: EC, date: today, submissionIds: [submissionId] })).id;
  });

  it('shows each agenda item’s trial, PI, sponsor, risk and the primary reviewers’ submitted opinions', async () => {
    const view = await callerAs(db, 'chair@demo.ctp').meetings.get({ meetingId });
    const item = view.agenda[0]!;
    expect(item).toMatchObject({
      trialTitle: expect.stringContaining('工作日历'),
      riskLevel: 'medium',
      piName: expect.any(String),
      sponsorName: expect.any(String),
    });
    expect(item.piName).not.toBe('');
    expect(item.primaryReviews).toEqual([
      expect.objectContaining({
        recommendedOutcome: 'approved_with_modifications',
        opinion: '知情同意书须补充风险描述（主审意见）',
        submitted: true,
      }),
      expect.objectContaining({ recommendedOutcome: null, opinion: null, submitted: false }),
    ]);
    // Nobody marked present yet: the quorum says how many of how many, and what it needs.
    expect(view.quorum).toMatchObject({ met: false, present: 0, total: 7, required: 5 });
    expect(view.members).toHaveLength(7);
  });

  it('keeps the opinions from a member recused from the item, and from everyone outside the committee', async () => {
    const secretary = callerAs(db, 'ec@demo.ctp');
    const memberId = (await secretary.meetings.get({ meetingId })).members.find((m) => m.name === '郑委员')?.id;
    await secretary.meetings.recordAttendance({ meetingId, memberId: memberId!, present: true });
    await callerAs(db, 'member@demo.ctp').meetings.declareConflict({
      meetingId,
      submissionId,
      reason: '合作研究者',
    });
    const recused = await callerAs(db, 'member@demo.ctp').meetings.get({ meetingId });
    expect(recused.agenda[0]!.isRecused).toBe(true);
    expect(JSON.stringify(recused.agenda[0]!.primaryReviews)).not.toContain('主审意见');
    for (const email of ['site@demo.ctp', 'sponsor@demo.ctp', 'commission@demo.ctp', 'admin@demo.ctp'])
      await expect(callerAs(db, email).meetings.get({ meetingId })).rejects.toThrow();
  });
});

/** A low-risk initial submission accepted today (an initial review may be expedited only at low risk). */
async function acceptedLowRisk(db: DbHandle) {
  const now = beijingNoon(today);
  const sponsor = callerAs(db, 'sponsor@demo.ctp', { now });
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '（测试）批件与修改确认',
    type: 'drug',
    phase: 'III',
    conditions: ['肺癌'],
    targetEnrolment: 40,
    riskLevel: 'low',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const site = callerAs(db, 'site@demo.ctp', { now });
  const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id });
  await callerAs(db, 'ec@demo.ctp', { now }).submissions.screen({ id, accept: true });
  return id;
}

describe('签发批件 waits for verified modifications (issue 14)', () => {
  it('is not offered while the required modifications await verification, and is offered once verified', async () => {
    const db = await createSeededDatabase();
    await seedRoster(db, { termEnd: null });
    const id = await acceptedLowRisk(db);
    const secretary = callerAs(db, 'ec@demo.ctp');
    await secretary.submissions.triage({ id, path: 'expedited' });
    await giveExpeditedViews(db, (email) => callerAs(db, email), id, { choice: 'approve_with_modifications' });
    await callerAs(db, 'chair@demo.ctp').submissions.decide({
      id,
      outcome: 'approved_with_modifications',
      conditions: '补充知情同意书中的联系方式',
    });
    expect((await secretary.submissions.get({ id })).availableSteps).not.toContain('issue_letter');
    await callerAs(db, 'site@demo.ctp').modifications.submit({ id, response: '已补充联系方式' });
    expect((await secretary.submissions.get({ id })).availableSteps).not.toContain('issue_letter');
    await secretary.modifications.verify({ id, verdict: 'verified' });
    expect((await secretary.submissions.get({ id })).availableSteps).toContain('issue_letter');
    // A plain approval offers it at once.
    const plain = await acceptedLowRisk(db);
    await secretary.submissions.triage({ id: plain, path: 'expedited' });
    await giveExpeditedViews(db, (email) => callerAs(db, email), plain);
    await callerAs(db, 'chair@demo.ctp').submissions.decide({ id: plain, outcome: 'approved' });
    expect((await secretary.submissions.get({ id: plain })).availableSteps).toContain('issue_letter');
  });
});
