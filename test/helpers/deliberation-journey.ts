import type { DbHandle } from '@ctp/db';
import { investigatorOf, memberIdOf } from './fixtures.ts';
import { callerAs } from './test-app.ts';

/**
 * A full ethics journey at the 江苏省人民医院 EC with deliberation that must never leave the committee (issue 12):
 * an expedited initial review of a multi-centre trial (worksheet, two views, the chair's signature, the letter) that
 * 鼓楼's EC then recognises; a convened amendment review (the chair's worksheet, attendance, 郑委员 (member@demo.ctp)
 * declares a conflict and is recused, the others vote, a decision, approved minutes); and an expedited amendment that
 * a reviewer's "no" sends to a meeting.
 * Every confidential text is distinctive, so a scan of any response for it is exact.
 */
export const DELIBERATION_SECRETS = {
  /** The committee's members (roster names): who reviewed, voted, objected or declared. */
  memberNames: ['王主任委员', '郑委员', '闵审议', '蔺律明', '翟伦衡'],
  worksheetTexts: ['工作表机密甲：知情同意书第三页风险描述过简', '工作表机密乙：建议补充随访安排后同意'],
  conflictReasons: ['利益冲突机密：本人配偶任职于申办方'],
  minutesTexts: ['纪要机密：委员讨论了入排标准的合理性', '纪要机密小结：会议共审议一项'],
  internalNotes: ['分诊机密备注：低风险可走简易程序', '受理机密备注：清单齐全'],
  /** Vote values as they would appear in JSON (the outcomes `approved`/`disapproved` are public; these are not). */
  voteValues: ['"approve"', '"disapprove"', '"choice"'],
} as const;

export function deliberationSecrets(): string[] {
  return Object.values(DELIBERATION_SECRETS).flat();
}

const PACKET = {
  piQualification: '主任医师，GCP 培训 2025-03',
  piCurrentLoad: 2,
  capacityAndEquipment: '病房 20 床，-80 ℃ 冰箱 2 台',
  feesAndInsurance: '按本院标准收费；保险已覆盖',
};
const OK_CHECKLIST = (
  ['pi_qualification', 'pi_load', 'capacity_equipment', 'local_icf_clauses', 'fees_insurance'] as const
).map((item) => ({ item, answer: 'ok' as const }));

const worksheet = (comment: string, opinion: string) =>
  ({
    items: {
      scientific_design: { assessment: 'acceptable', comment: '' },
      risk_benefit: { assessment: 'acceptable', comment: '' },
      participant_selection: { assessment: 'acceptable', comment: '' },
      informed_consent: { assessment: 'needs_change', comment },
      privacy: { assessment: 'acceptable', comment: '' },
      compensation: { assessment: 'acceptable', comment: '' },
      vulnerable_groups: { assessment: 'not_applicable', comment: '' },
    },
    recommendedOutcome: 'approved',
    opinion,
    submit: true,
  }) as const;

export type DeliberationJourney = Awaited<ReturnType<typeof runDeliberationJourney>>;

export async function runDeliberationJourney(db: DbHandle) {
  const S = DELIBERATION_SECRETS;
  const as = (email: string) => callerAs(db, email);
  const secretary = as('ec@demo.ctp');
  const chair = as('chair@demo.ctp');
  const member = as('member@demo.ctp');
  const userId = (email: string) =>
    db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;

  // The roster: the chair and a member with accounts, three external members.
  const base = { committeeId: 'ec-jsph', termStart: '2025-01-01', termEnd: '2029-12-31' } as const;
  await secretary.committees.addMember({
    ...base,
    userId: userId('chair@demo.ctp'),
    role: 'chair',
    expertise: 'medical',
    isAffiliated: true,
  });
  await secretary.committees.addMember({
    ...base,
    userId: userId('member@demo.ctp'),
    role: 'member',
    expertise: 'medical',
    isAffiliated: true,
  });
  const [vice, lawyer, ethicist] = [S.memberNames[2], S.memberNames[3], S.memberNames[4]];
  const viceId = (
    await secretary.committees.addMember({
      ...base,
      name: vice,
      role: 'vice_chair',
      expertise: 'pharmacy',
      isAffiliated: true,
    })
  ).id;
  const lawyerId = (
    await secretary.committees.addMember({
      ...base,
      name: lawyer,
      role: 'member',
      expertise: 'law',
      isAffiliated: false,
    })
  ).id;
  const ethicistId = (
    await secretary.committees.addMember({
      ...base,
      name: ethicist,
      role: 'member',
      expertise: 'ethics',
      isAffiliated: true,
    })
  ).id;
  // A sixth member, so that five remain to vote when one is recused (the legal quorum is five present).
  const benchId = (
    await secretary.committees.addMember({
      ...base,
      name: '钱委员',
      role: 'member',
      expertise: 'medical',
      isAffiliated: true,
    })
  ).id;
  const chairId = memberIdOf(db, 'chair@demo.ctp');
  const memberId = memberIdOf(db, 'member@demo.ctp');

  // A low-risk multi-centre trial led by 省人医, with a site at 鼓楼 (in the demo recognition agreement).
  const sponsor = as('sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '（测试）保密审议旅程 III 期研究',
    type: 'drug',
    phase: 'III',
    ctrNo: 'CTR20269012',
    conditions: ['2 型糖尿病'],
    targetEnrolment: 200,
    riskLevel: 'low',
    leadHospitalId: 'hosp-jsph',
  });
  const pi = investigatorOf(db);
  const leadSiteId = (
    await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: pi.specialtyId, investigatorId: pi.investigatorId })
  ).trialSiteId;
  const gulouSpecialty = db.sqlite
    .prepare("select id from hospital_specialties where hospital_org_id = 'hosp-njglyy' order by id limit 1")
    .pluck()
    .get() as string;
  const gulouSiteId = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: gulouSpecialty })).trialSiteId;

  // 1. Expedited initial review: internal notes, two primary reviewers, a worksheet, the chair signs, the letter.
  const site = as('site@demo.ctp');
  const { id: expeditedId } = await site.submissions.create({ trialSiteId: leadSiteId, type: 'initial' });
  await site.submissions.submit({ id: expeditedId });
  await secretary.submissions.screen({ id: expeditedId, accept: true, comment: S.internalNotes[1] });
  await secretary.submissions.triage({ id: expeditedId, path: 'expedited', comment: S.internalNotes[0] });
  await secretary.reviews.assign({ submissionId: expeditedId, memberId });
  await member.reviews.declare({ submissionId: expeditedId, hasConflict: false });
  await member.reviews.saveWorksheet({
    submissionId: expeditedId,
    ...worksheet(S.worksheetTexts[0], S.worksheetTexts[1]),
  });
  await secretary.submissions.requestInfo({ id: expeditedId, questions: '请补充本中心知情同意书版本说明。' });
  await site.submissions.respond({ id: expeditedId, answer: '已补充知情同意书版本说明。' });
  await secretary.reviews.assign({ submissionId: expeditedId, memberId: chairId });
  await chair.reviews.declare({ submissionId: expeditedId, hasConflict: false });
  await member.meetings.vote({ submissionId: expeditedId, choice: 'approve' });
  await chair.meetings.vote({ submissionId: expeditedId, choice: 'approve' });
  await chair.submissions.decide({ id: expeditedId, outcome: 'approved', conditions: '按期提交跟踪审查报告' });
  await secretary.submissions.issueLetter({ id: expeditedId });

  // 2. 鼓楼's EC recognises the lead review.
  const requestId = db.sqlite
    .prepare('select id from recognition_requests where trial_site_id = ?')
    .pluck()
    .get(gulouSiteId) as string;
  const ecGulou = as('ec-gulou@demo.ctp');
  await as('site-gulou@demo.ctp').recognition.requests.submitPacket({ id: requestId, ...PACKET });
  await ecGulou.recognition.requests.accept({ id: requestId });
  await ecGulou.recognition.requests.saveChecklist({ id: requestId, items: OK_CHECKLIST });
  await ecGulou.recognition.requests.decide({ id: requestId, outcome: 'recognised' });

  // 3. Convened amendment review: the chair's worksheet, attendance, the member declares a conflict (recused), the
  //    others vote, the decision, approved minutes.
  const { id: convenedId } = await site.submissions.create({ trialSiteId: leadSiteId, type: 'amendment' });
  await site.submissions.submit({ id: convenedId });
  await secretary.submissions.screen({ id: convenedId, accept: true });
  await secretary.submissions.triage({ id: convenedId, path: 'convened' });
  await secretary.reviews.assign({ submissionId: convenedId, memberId: chairId });
  await chair.reviews.declare({ submissionId: convenedId, hasConflict: false });
  await chair.reviews.saveWorksheet({
    submissionId: convenedId,
    ...worksheet(S.worksheetTexts[0], S.worksheetTexts[1]),
  });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const meeting = await secretary.meetings.create({ committeeId: 'ec-jsph', date: today, submissionIds: [convenedId] });
  for (const id of [chairId, memberId, viceId, lawyerId, ethicistId, benchId])
    await secretary.meetings.recordAttendance({ meetingId: meeting.id, memberId: id, present: true });
  await member.meetings.declareConflict({
    meetingId: meeting.id,
    submissionId: convenedId,
    reason: S.conflictReasons[0],
  });
  for (const id of [chairId, viceId, lawyerId, ethicistId, benchId])
    await secretary.meetings.vote({ meetingId: meeting.id, submissionId: convenedId, memberId: id, choice: 'approve' });
  await secretary.submissions.decide({ id: convenedId, outcome: 'approved' });
  await secretary.meetings.saveMinutes({
    meetingId: meeting.id,
    summary: S.minutesTexts[1],
    items: [{ submissionId: convenedId, discussion: S.minutesTexts[0] }],
  });
  await chair.meetings.approveMinutes({ meetingId: meeting.id });

  // 4. Expedited amendment: the external vice chair approves (recorded by the secretary), then 郑委员 says no
  //    himself → it goes to a meeting.
  const { id: referredId } = await site.submissions.create({ trialSiteId: leadSiteId, type: 'amendment' });
  await site.submissions.submit({ id: referredId });
  await secretary.submissions.screen({ id: referredId, accept: true });
  await secretary.submissions.triage({ id: referredId, path: 'expedited' });
  await secretary.reviews.assign({ submissionId: referredId, memberId: viceId });
  await secretary.reviews.assign({ submissionId: referredId, memberId });
  await secretary.reviews.declare({ submissionId: referredId, memberId: viceId, hasConflict: false });
  await secretary.meetings.vote({ submissionId: referredId, memberId: viceId, choice: 'approve' });
  await member.reviews.declare({ submissionId: referredId, hasConflict: false });
  await member.meetings.vote({ submissionId: referredId, choice: 'disapprove' });

  return {
    trialId,
    leadSiteId,
    gulouSiteId,
    expeditedId,
    convenedId,
    referredId,
    meetingId: meeting.id,
    requestId,
    memberIds: { chairId, memberId, viceId, lawyerId, ethicistId },
  };
}
