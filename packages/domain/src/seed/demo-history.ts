import {
  type DelayAttribution,
  type DelayReason,
  type DelayStage,
  isEcRole,
  LOCAL_CHECKLIST_ITEMS,
  type Role,
  STAGE_TARGET_DAYS,
} from '@ctp/contracts';
import {
  committeeMembers,
  type Db,
  hospitalSpecialties,
  investigatorSpecialties,
  memberships,
  organisations,
  recognitionAgreementMembers,
  recognitionRequests,
  specialtyCatalogue,
  users,
} from '@ctp/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { joinAgreement } from '../agreements/agreements.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { addDays, shanghaiDate, shanghaiMonth } from '../clock/dates.ts';
import type { Actor, ActorCtx, Services } from '../context.ts';
import { committeeProcedures } from '../ethics/committee-procedures.ts';
import { createSubmission } from '../ethics/create-submission.ts';
import { decideSubmission } from '../ethics/decide-submission.ts';
import { addCommitteeMember } from '../ethics/manage-committee.ts';
import { assignReviewer, declareReviewConflict } from '../ethics/primary-reviewers.ts';
import { requestSubmissionInfo, respondToSubmission } from '../ethics/request-submission-info.ts';
import { createMeeting, recordAttendance } from '../ethics/run-meetings.ts';
import { screenSubmission } from '../ethics/screen-submission.ts';
import { submitSubmission } from '../ethics/submit-submission.ts';
import { triageSubmission } from '../ethics/triage-submission.ts';
import { voteOnSubmission } from '../ethics/vote-on-submission.ts';
import { newId } from '../ids.ts';
import {
  acceptRecognition,
  decideRecognition,
  saveRecognitionChecklist,
  submitPacket,
} from '../recognition/run-requests.ts';
import { inTransaction } from '../transaction.ts';
import { createTrial } from '../trials/create-trial.ts';
import { recordDelay } from '../trials/delays.ts';
import { answerInquiry, sendInquiry } from '../trials/inquiries.ts';
import { recordEnrolment, recordMilestone } from '../trials/record-progress.ts';
import { selectSite } from '../trials/select-site.ts';

/** A small seeded PRNG (mulberry32): the same history on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

/**
 * The history's committees in the demo agreement (demo-recognition.ts): the three that joined at the seed, and 妇幼
 * (njfh), whose history secretary confirms at the history's start; their sites may be recognised. 南京医科大学第二附属医院
 * (njmu2) stays invited.
 */
const RECOGNISING = new Set(['jsph', 'njglyy', 'jsch', 'njfh']);

/** The hospitals the history runs at, with their trial office, EC secretary and chair accounts. */
/** The second history reviewer of each committee (an invented name, in HOSPITALS order). */
const HISTORY_REVIEWER_NAMES = [
  '顾文杰',
  '邵敏',
  '沈立群',
  '胡雪梅',
  '陆建国',
  '谢婉如',
  '卢振宇',
  '潘慧',
  '姜宏',
  '严晓岚',
];
const HOSPITALS = ['jsph', 'njglyy', 'zdyy', 'njfh', 'jszyy', 'jsch', 'etcgh', 'njmu2', 'njnk', 'njfy'] as const;
const EXISTING: Record<string, Partial<Record<'office' | 'secretary' | 'chair', string>>> = {
  jsph: { office: 'site@demo.ctp', secretary: 'ec@demo.ctp', chair: 'chair@demo.ctp' },
  njglyy: { office: 'site-gulou@demo.ctp', secretary: 'ec-gulou@demo.ctp' },
  jsch: { office: 'site-zhongliu@demo.ctp', secretary: 'ec-zhongliu@demo.ctp' },
};
const STAFF: { key: 'office' | 'secretary' | 'chair'; role: Role; name: string }[] = [
  { key: 'office', role: 'site_admin', name: '机构办（演示）' },
  { key: 'secretary', role: 'ec_secretary', name: '伦理秘书（演示）' },
  { key: 'chair', role: 'ec_chair', name: '主任委员（演示）' },
];

const DRUGS = ['ZJ', 'QH', 'XW', 'JY', 'YH', 'GL', 'LS', 'PK'];

/** Plausible delay reasons per start-up stage, with whose delay each usually is. */
const DELAYS: Record<DelayStage, [DelayReason, DelayAttribution][]> = {
  ethicsApproved: [
    ['ethics_permissions', 'hospital'],
    ['ethics_permissions', 'both'],
    ['sponsor_hold', 'sponsor'],
    ['contract', 'both'],
  ],
  siv: [
    ['contract', 'both'],
    ['contract', 'hospital'],
    ['staff_availability', 'hospital'],
    ['drug_supply', 'sponsor'],
    ['sponsor_hold', 'sponsor'],
  ],
  fpi: [
    ['no_eligible_patients', 'hospital'],
    ['patients_declined', 'hospital'],
    ['staff_availability', 'hospital'],
    ['drug_supply', 'sponsor'],
    ['sponsor_hold', 'sponsor'],
  ],
};

function ctxOf(db: Db, email: string, at: number, services: Services): ActorCtx {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`demo history: no user ${email}`);
  const m = db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), isNull(memberships.revokedAt)))
    .orderBy(asc(memberships.createdAt))
    .get()!;
  const actor: Actor = {
    userId: user.id,
    email,
    name: user.name,
    sessionId: 'seed',
    membershipId: m.id,
    role: m.role,
    orgId: m.orgId,
    committeeId: m.committeeId,
  };
  return {
    actor,
    db,
    now: () => at,
    requestId: 'seed:demo-history',
    locale: 'zh-CN',
    ip: null,
    userAgent: 'seed',
    services,
  };
}

/** Noon in Beijing on a date: every seeded act happens at a plausible office hour. */
const noon = (date: string) => Date.parse(`${date}T12:00:00+08:00`);

/**
 * 24 months of demo history (issue 7) made through the domain use-cases with a controllable clock: trials, inquiries
 * and answers, selections, initial and continuing ethics reviews at each hospital's EC (accepted, some with a request
 * for information, decided by the chair after the views of its two primary reviewers), contracts, SIVs, first patients and monthly
 * enrolment, the delay reasons of stages that missed their targets; at committees with a demo roster, convened
 * meetings (attendance, votes, decision) from the roster's term on. Deterministic (seeded PRNG); `now` is the end.
 */
export function seedDemoHistory(
  db: Db,
  services: Services,
  now: number,
  seed = 20_260_101,
): { trials: number; sites: number; recognitionRequests: number } {
  if (!db.select({ id: users.id }).from(users).where(eq(users.email, 'sponsor@demo.ctp')).get())
    return { trials: 0, sites: 0, recognitionRequests: 0 };
  const rnd = prng(seed);
  const today = shanghaiDate(now);
  const start = addDays(today, -730);
  const accounts = ensureHistoryStaff(db, now, start);
  const as = (email: string, date: string) => ctxOf(db, email, noon(date), services);

  // A committee with a demo roster (demo-committees.ts) sits with it from the roster's term on: convened reviews,
  // the secretary recording attendance and votes. Before that, and at every other committee, the history's chair is
  // its voting member — a term that ends the day before the roster's begins, so no member ever sits twice.
  const rosterStart = new Map<string, string>();
  for (const code of HOSPITALS) {
    const first = db
      .select({ d: committeeMembers.termStart })
      .from(committeeMembers)
      .where(eq(committeeMembers.committeeId, `ec-${code}`))
      .orderBy(asc(committeeMembers.termStart))
      .get();
    if (first) rosterStart.set(code, first.d);
  }
  // The primary reviewers (主审) of each expedited review before the roster: the chair and a second member (the
  // committees' SOP asks for two by default; the chair then signs after their views).
  const historyReviewers = new Map<string, { chair: string; second: string }>();
  for (const [i, code] of HOSPITALS.entries()) {
    const a = accounts[code]!;
    const chair = db.select({ id: users.id }).from(users).where(eq(users.email, a.chair)).get()!;
    const until = rosterStart.get(code);
    const term = { termStart: addDays(start, -365), termEnd: until ? addDays(until, -1) : undefined };
    const chairMember = addCommitteeMember({
      ctx: as(a.secretary, start),
      input: {
        committeeId: `ec-${code}`,
        userId: chair.id,
        role: 'chair',
        expertise: 'medical',
        isAffiliated: true,
        ...term,
      },
    });
    const second = addCommitteeMember({
      ctx: as(a.secretary, start),
      input: {
        committeeId: `ec-${code}`,
        name: HISTORY_REVIEWER_NAMES[i]!,
        role: 'member',
        expertise: 'pharmacy',
        isAffiliated: true,
        ...term,
      },
    });
    historyReviewers.set(code, { chair: chairMember.id, second: second.id });
  }

  // 妇幼's secretary confirms the demo agreement it was invited to (when the demo agreement exists).
  const invitation = db
    .select({ agreementId: recognitionAgreementMembers.agreementId })
    .from(recognitionAgreementMembers)
    .where(
      and(eq(recognitionAgreementMembers.committeeId, 'ec-njfh'), eq(recognitionAgreementMembers.state, 'invited')),
    )
    .get();
  if (invitation) joinAgreement({ ctx: as(accounts.njfh!.secretary, start), input: { id: invitation.agreementId } });

  /** A convened meeting on `date` with this submission: attendance, each present member's vote, the decision. */
  const convene = (code: string, submissionId: string, date: string) => {
    const a = accounts[code]!;
    const ctx = as(a.secretary, date);
    const { id: meetingId } = createMeeting({
      ctx,
      input: { committeeId: `ec-${code}`, date, submissionIds: [submissionId] },
    });
    const serving = db
      .select()
      .from(committeeMembers)
      .where(eq(committeeMembers.committeeId, `ec-${code}`))
      .orderBy(asc(committeeMembers.createdAt), asc(committeeMembers.id))
      .all()
      .filter((m) => m.role !== 'secretary' && m.termStart <= date && (m.termEnd === null || m.termEnd >= date));
    // Sometimes one medical member (never the chair) sends apologies; the quorum still holds.
    const absent = rnd.chance(0.4)
      ? rnd.pick(serving.filter((m) => m.expertise === 'medical' && m.role === 'member'))?.id
      : undefined;
    const present = serving.filter((m) => m.id !== absent);
    for (const m of serving) recordAttendance({ ctx, input: { meetingId, memberId: m.id, present: m.id !== absent } });
    for (const m of present)
      voteOnSubmission({ ctx, input: { meetingId, submissionId, memberId: m.id, choice: 'approve' } });
    decideSubmission({ ctx, input: { id: submissionId, outcome: 'approved', followUpMonths: 12 } });
  };

  const specialtiesOf = new Map<
    string,
    { id: string; code: string; name: string; nameEn: string; pi: string | null }[]
  >();
  for (const code of HOSPITALS) {
    const rows = db
      .select({
        id: hospitalSpecialties.id,
        code: hospitalSpecialties.specialtyCode,
        name: specialtyCatalogue.nameZh,
        nameEn: specialtyCatalogue.nameEn,
      })
      .from(hospitalSpecialties)
      .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
      .where(and(eq(hospitalSpecialties.hospitalOrgId, `hosp-${code}`), isNull(hospitalSpecialties.retiredAt)))
      .orderBy(asc(hospitalSpecialties.specialtyCode))
      .all()
      .map((s) => ({
        ...s,
        pi:
          db
            .select({ id: investigatorSpecialties.investigatorId })
            .from(investigatorSpecialties)
            .where(eq(investigatorSpecialties.hospitalSpecialtyId, s.id))
            .orderBy(asc(investigatorSpecialties.investigatorId))
            .get()?.id ?? null,
      }));
    specialtiesOf.set(code, rows);
  }
  const allCodes = [...new Set([...specialtiesOf.values()].flat().map((s) => s.code))].sort();

  /** One review (initial or continuing) from submission to decision; returns the decision date or null if not yet. */
  const runReview = (
    code: string,
    trialSiteId: string,
    type: 'initial' | 'continuing',
    submitOn: string,
    /** A draft that already exists (the full review a declined recognition opened). */
    draftId?: string,
  ): string | null => {
    const a = accounts[code]!;
    if (submitOn >= today) return null;
    const id = draftId ?? createSubmission({ ctx: as(a.office, submitOn), input: { trialSiteId, type } }).id;
    submitSubmission({ ctx: as(a.office, submitOn), input: { id } });
    const acceptOn = addDays(submitOn, rnd.int(1, 4));
    if (acceptOn >= today) return null;
    // The demo files are on paper: the secretary checks each item of the committee's checklist and ticks it.
    const checklist = (committeeProcedures(db, `ec-${code}`).checklists[type] ?? []).map((i) => ({
      item: i.label,
      ok: true,
    }));
    screenSubmission({ ctx: as(a.secretary, acceptOn), input: { id, accept: true, checklist } });
    // Reviews that may end after the roster's term begins go to a meeting of the roster.
    const roster = rosterStart.get(code);
    const convened = roster !== undefined && acceptOn >= addDays(roster, -45);
    triageSubmission({ ctx: as(a.secretary, acceptOn), input: { id, path: convened ? 'convened' : 'expedited' } });
    // As many primary reviewers as the committee's SOP asks for (1 or 2): the chair, then the second member.
    const { chair: chairMember, second } = historyReviewers.get(code)!;
    const reviewers = [chairMember, second].slice(0, committeeProcedures(db, `ec-${code}`).expedited.reviewers);
    if (!convened)
      for (const memberId of reviewers)
        assignReviewer({ ctx: as(a.secretary, acceptOn), input: { submissionId: id, memberId } });
    // Faster committees over time, and some slower ones: turnaround in calendar days.
    const speed = code === 'jsph' || code === 'njglyy' ? 0.8 : code === 'njfh' || code === 'etcgh' ? 1.4 : 1;
    let day = acceptOn;
    if (rnd.chance(0.25)) {
      const askOn = addDays(acceptOn, rnd.int(3, 8));
      if (askOn >= today) return null;
      requestSubmissionInfo({
        ctx: as(a.secretary, askOn),
        input: { id, questions: '请补充研究者履历及本中心知情同意书版本说明。' },
      });
      const answerOn = addDays(askOn, rnd.int(2, 12));
      if (answerOn >= today) return null;
      respondToSubmission({
        ctx: as(a.office, answerOn),
        input: { id, answer: '已补充研究者履历，知情同意书版本说明见附件。' },
      });
      day = answerOn;
    }
    let decideOn = addDays(day, Math.round(rnd.int(6, 26) * speed));
    if (convened && decideOn < roster) decideOn = roster;
    if (decideOn >= today) return null;
    if (convened) {
      convene(code, id, decideOn);
      return decideOn;
    }
    // Each primary reviewer declares no conflict before reading the file, then gives a view (the secretary records
    // them for the members); the chair signs after the views the SOP requires.
    for (const memberId of reviewers) {
      const input = { submissionId: id, memberId };
      declareReviewConflict({ ctx: as(a.secretary, decideOn), input: { ...input, hasConflict: false } });
      voteOnSubmission({ ctx: as(a.secretary, decideOn), input: { ...input, choice: 'approve' } });
    }
    decideSubmission({ ctx: as(a.chair, decideOn), input: { id, outcome: 'approved', followUpMonths: 12 } });
    return decideOn;
  };

  /**
   * A stage that missed its 60/60/30-day target gets a reason on the day it is reached (or, still outstanding, a
   * reason recorded today) — by the trial office or the sponsor; about a quarter are left unrecorded.
   */
  const explainDelay = (
    trialSiteId: string,
    stage: DelayStage,
    startOn: string,
    doneOn: string | null,
    office: string,
    sponsor: string,
  ) => {
    const target = addDays(startOn, STAGE_TARGET_DAYS[stage]);
    const on = doneOn ?? today;
    if (on <= target || rnd.chance(0.25)) return;
    const [reason, attribution] = rnd.pick(DELAYS[stage]);
    recordDelay({
      ctx: as(attribution === 'sponsor' && rnd.chance(0.7) ? sponsor : office, on),
      input: { trialSiteId, stage, reason, attribution },
    });
  };

  /**
   * A recognition request at a participating site (DESIGN §4.2), opened when the site was selected after the lead's
   * approval: the trial office submits the packet, the EC secretary accepts it (day 0), fills the local checklist and
   * decides — most within the 7-working-day clock, some late; one is declined and its linked full submission then
   * runs as a full review. Returns the date the site's ethics approval was reached, or null if not yet.
   */
  let declined = 0;
  let requests = 0;
  const runRecognition = (code: string, trialSiteId: string, selectOn: string): string | null => {
    const a = accounts[code]!;
    const req = db
      .select({ id: recognitionRequests.id })
      .from(recognitionRequests)
      .where(eq(recognitionRequests.trialSiteId, trialSiteId))
      .get();
    if (!req) return null;
    requests++;
    const packetOn = addDays(selectOn, rnd.int(1, 6));
    if (packetOn >= today) return null;
    submitPacket({
      ctx: as(a.office, packetOn),
      input: {
        id: req.id,
        piQualification: '主任医师，近三年 GCP 培训合格，主持同类试验 2 项（演示）',
        piCurrentLoad: rnd.int(0, 4),
        capacityAndEquipment: '专科病房及门诊可满足入组；-80 ℃ 冰箱、离心机齐备（演示）',
        feesAndInsurance: '按本院标准收取互认审查费；申办者保险覆盖本中心受试者（演示）',
      },
    });
    const acceptOn = addDays(packetOn, rnd.int(1, 3));
    if (acceptOn >= today) return null;
    const ec = as(a.secretary, acceptOn);
    acceptRecognition({ ctx: ec, input: { id: req.id } });
    const decline = declined === 0 && requests >= 3;
    const late = !decline && rnd.chance(0.2);
    saveRecognitionChecklist({
      ctx: ec,
      input: {
        id: req.id,
        items: LOCAL_CHECKLIST_ITEMS.map((item) => ({
          item,
          answer: decline && item === 'capacity_equipment' ? ('issue' as const) : ('ok' as const),
        })),
      },
    });
    // Calendar days from acceptance: within 7 working days, or (late) well past them.
    const decideOn = addDays(acceptOn, late ? rnd.int(13, 24) : rnd.int(1, 8));
    if (decideOn >= today) return null;
    const withConditions = !decline && rnd.chance(0.2);
    const { fallbackSubmissionId } = decideRecognition({
      ctx: as(a.secretary, decideOn),
      input: decline
        ? {
            id: req.id,
            outcome: 'declined',
            reasons: '本中心影像设备排期已满，无法满足方案规定的访视检查，需完整审查评估替代方案（演示）。',
          }
        : withConditions
          ? { id: req.id, outcome: 'recognised_with_conditions', conditions: '使用本中心版知情同意书附页（演示）' }
          : { id: req.id, outcome: 'recognised' },
    });
    if (!fallbackSubmissionId) return decideOn;
    declined++;
    return runReview(code, trialSiteId, 'initial', addDays(decideOn, rnd.int(3, 10)), fallbackSubmissionId);
  };

  let trialCount = 0;
  let siteCount = 0;
  for (let m = 0; m < 24; m++) {
    const monthStart = addDays(start, m * 30);
    const perMonth = rnd.int(2, 4);
    for (let k = 0; k < perMonth; k++) {
      const created = addDays(monthStart, rnd.int(0, 25));
      if (created >= addDays(today, -20)) continue;
      const isIit = rnd.chance(0.15);
      const specialty = rnd.pick(allCodes);
      const hosts = HOSPITALS.filter((c) => specialtiesOf.get(c)!.some((s) => s.code === specialty));
      if (hosts.length === 0) continue;
      const n = isIit ? 1 : Math.min(hosts.length, rnd.int(2, 5));
      const chosen = [...hosts].sort(() => rnd.next() - 0.5).slice(0, n);
      // The agreement's large hospitals lead most multi-centre trials they take part in (their partners may recognise).
      const agreed = chosen.findIndex((c) => RECOGNISING.has(c));
      if (agreed > 0 && rnd.chance(0.8)) chosen.unshift(...chosen.splice(agreed, 1));
      const lead = chosen[0]!;
      const { name: specName, nameEn: specNameEn } = specialtiesOf.get(lead)!.find((s) => s.code === specialty)!;
      const drug = `${rnd.pick(DRUGS)}-${rnd.int(100, 999)}`;
      trialCount++;
      const phase = isIit ? 'NA' : rnd.pick(['I', 'II', 'III', 'III', 'IV'] as const);
      const sponsorEmail = isIit ? accounts[lead]!.office : rnd.chance(0.35) ? 'cro@demo.ctp' : 'sponsor@demo.ctp';
      const { id: trialId } = createTrial({
        ctx: as(sponsorEmail, created),
        input: {
          titleZh: `（演示历史）${drug} 在${specName}相关疾病中的${isIit ? '研究者发起' : `多中心 ${phase} 期`}研究`,
          titleEn: `(demo history) ${drug} in ${specNameEn}: ${isIit ? 'an investigator-initiated study' : `a multicentre phase ${phase} study`}`,
          type: isIit ? 'iit' : rnd.chance(0.15) ? 'device' : 'drug',
          phase,
          ctrNo: isIit ? undefined : `CTR20${String(800_000 + trialCount).slice(-6)}`,
          conditions: [specName],
          targetEnrolment: rnd.int(60, 400),
          riskLevel: 'low',
          leadHospitalId: `hosp-${lead}`,
          croOrgId: sponsorEmail === 'sponsor@demo.ctp' && rnd.chance(0.3) ? 'org-cro-changjiang' : undefined,
        },
      });
      let leadApprovedOn: string | null = null;
      for (const [i, code] of chosen.entries()) {
        const spec = specialtiesOf.get(code)!.find((s) => s.code === specialty)!;
        const office = accounts[code]!.office;
        const inquiryOn = addDays(created, rnd.int(1, 10));
        let selectOn = addDays(inquiryOn, rnd.int(7, 25));
        if (!isIit) {
          const { inquiryIds } = sendInquiry({
            ctx: as(sponsorEmail, inquiryOn),
            input: {
              trialId,
              hospitalSpecialtyIds: [spec.id],
              synopsis: `${drug} 的可行性调研，诚邀贵中心评估参与。`,
              replyBy: addDays(inquiryOn, 14),
            },
          });
          const answerOn = addDays(inquiryOn, rnd.int(2, 12));
          if (answerOn >= today) continue;
          if (rnd.chance(0.18)) {
            answerInquiry({
              ctx: as(office, answerOn),
              input: { inquiryId: inquiryIds[0]!, interested: false, declineReason: '同期试验较多，暂无余力。' },
            });
            continue;
          }
          answerInquiry({
            ctx: as(office, answerOn),
            input: {
              inquiryId: inquiryIds[0]!,
              interested: true,
              estimatedPerMonth: rnd.int(1, 6),
              piAvailable: true,
              investigatorId: spec.pi ?? undefined,
              competingTrials: rnd.int(0, 3),
              earliestStart: addDays(answerOn, 14),
            },
          });
          if (rnd.chance(0.12)) continue; // interested, never selected
          selectOn = addDays(answerOn, rnd.int(3, 20));
        }
        // A participating site whose EC shares the demo agreement with the lead EC (Phase I excluded) is recognised
        // after the lead's approval: selected then, its request opens at the selection (the late-site rule).
        const viaRecognition: boolean =
          i > 0 && leadApprovedOn !== null && phase !== 'I' && RECOGNISING.has(code) && RECOGNISING.has(lead);
        if (viaRecognition && selectOn < leadApprovedOn!) selectOn = addDays(leadApprovedOn!, rnd.int(0, 3));
        if (selectOn >= today) continue;
        const target = rnd.int(8, 40);
        const { trialSiteId } = selectSite({
          ctx: as(isIit ? office : sponsorEmail, selectOn),
          input: {
            trialId,
            hospitalSpecialtyId: spec.id,
            investigatorId: spec.pi ?? undefined,
            role: i === 0 ? 'lead' : 'participating',
            targetEnrolment: target,
          },
        });
        siteCount++;
        const approvedOn: string | null = viaRecognition
          ? runRecognition(code, trialSiteId, selectOn)
          : runReview(code, trialSiteId, 'initial', addDays(selectOn, rnd.int(5, 30)));
        if (i === 0) leadApprovedOn = approvedOn;
        const sponsorSide = isIit ? office : sponsorEmail;
        explainDelay(trialSiteId, 'ethicsApproved', selectOn, approvedOn, office, sponsorSide);
        if (!approvedOn) continue;
        const contractOn = addDays(approvedOn, rnd.int(5, 45));
        if (contractOn >= today) continue;
        recordMilestone({
          ctx: as(office, contractOn),
          input: { trialSiteId, milestone: 'contractSigned', date: contractOn },
        });
        const sivOn = addDays(contractOn, rnd.int(7, 45));
        if (sivOn >= today) continue;
        recordMilestone({ ctx: as(office, sivOn), input: { trialSiteId, milestone: 'siv', date: sivOn } });
        explainDelay(trialSiteId, 'siv', approvedOn, sivOn, office, sponsorSide);
        if (rnd.chance(0.15)) {
          explainDelay(trialSiteId, 'fpi', sivOn, null, office, sponsorSide);
          continue; // a site that never enrols
        }
        const fpiOn = addDays(sivOn, rnd.int(5, 110));
        if (fpiOn >= today) continue;
        recordMilestone({ ctx: as(office, fpiOn), input: { trialSiteId, milestone: 'fpi', date: fpiOn } });
        explainDelay(trialSiteId, 'fpi', sivOn, fpiOn, office, sponsorSide);
        // Monthly counts until the target is reached; a continuing review renews the approval every year.
        let enrolled = 0;
        let validUntil = addDays(approvedOn, 360);
        for (let month = shanghaiMonth(noon(fpiOn)); month <= today.slice(0, 7) && enrolled < target; ) {
          const recordOn = month === today.slice(0, 7) ? today : addDays(`${month}-01`, 27);
          if (recordOn > addDays(validUntil, -30)) {
            const renewed = runReview(code, trialSiteId, 'continuing', addDays(validUntil, -40));
            if (!renewed) break;
            validUntil = addDays(renewed, 360);
          }
          const count = Math.min(target - enrolled, rnd.int(0, 4));
          enrolled += count;
          const failures = rnd.int(0, 2);
          recordEnrolment({
            ctx: as(office, recordOn),
            input: {
              trialSiteId,
              month,
              screened: count + failures,
              enrolled: count,
              screenFailures: failures,
              withdrawn: 0,
            },
          });
          const [y, mo] = month.split('-').map(Number) as [number, number];
          month = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
        }
      }
    }
  }
  return { trials: trialCount, sites: siteCount, recognitionRequests: requests };
}

/** Demo accounts for the trial offices and ECs the history runs at (same published demo password). */
function ensureHistoryStaff(db: Db, now: number, start: string) {
  const passwordHash = db
    .select({ h: users.passwordHash })
    .from(users)
    .where(eq(users.email, 'sponsor@demo.ctp'))
    .get()!.h;
  const out: Record<string, Record<'office' | 'secretary' | 'chair', string>> = {};
  inTransaction(db, (tx) => {
    let created = 0;
    for (const code of HOSPITALS) {
      const hospital = tx
        .select({ name: organisations.shortName, nameZh: organisations.nameZh })
        .from(organisations)
        .where(eq(organisations.id, `hosp-${code}`))
        .get();
      if (!hospital) throw new Error(`demo history: no hospital ${code}`);
      const entry = {} as Record<'office' | 'secretary' | 'chair', string>;
      for (const s of STAFF) {
        const existing = EXISTING[code]?.[s.key];
        if (existing) {
          entry[s.key] = existing;
          continue;
        }
        const email = `${s.key === 'office' ? 'site' : s.key === 'secretary' ? 'ec' : 'chair'}-${code}@demo.ctp`;
        entry[s.key] = email;
        if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) continue;
        const userId = newId();
        tx.insert(users)
          .values({
            id: userId,
            email,
            name: `${hospital.name ?? hospital.nameZh}${s.name}`,
            passwordHash,
            passwordChangedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .run();
        tx.insert(memberships)
          .values({
            id: newId(),
            userId,
            orgId: `hosp-${code}`,
            role: s.role,
            committeeId: isEcRole(s.role) ? `ec-${code}` : null,
            createdAt: noon(start),
          })
          .run();
        created++;
      }
      out[code] = entry;
    }
    writeAuditEvent(
      tx,
      { actor: null, now: () => now, requestId: 'seed:demo-history' },
      {
        action: 'seed.demo',
        entityType: 'system',
        entityId: 'demo-history',
        after: { hospitals: HOSPITALS.length, users: created },
      },
    );
  });
  return out;
}
