import type { SiteState, SubmissionState, SubmissionType, TrialPhase } from '@ctp/contracts';
import {
  bulkInserter,
  type DbHandle,
  inquiries,
  meetings,
  recognitionAgreementMembers,
  recognitionEvents,
  recognitionRequests,
  submissionClockStops,
  submissionEvents,
  submissions,
  trialSiteEnrolment,
  trialSites,
  trials,
} from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { Rng } from './prng.ts';
import { DISEASES, dateOf, type ScaleHospital } from './scale-capacity.ts';
import type { ScalePlan } from './scale-plan.ts';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => dateOf(Date.parse(`${date}T00:00:00+08:00`) + days * DAY);
const msOf = (date: string) => Date.parse(`${date}T10:00:00+08:00`);

/** The running stages of a site in order, the milestone each records and the days a step takes (DESIGN §4.3). */
const STAGES = [
  { state: 'selected', field: 'selectedDate', gap: [0, 0] },
  { state: 'ethics_submitted', field: 'ethicsSubmittedDate', gap: [5, 30] },
  { state: 'ethics_approved', field: 'ethicsApprovedDate', gap: [10, 60] },
  { state: 'contract_signed', field: 'contractSignedDate', gap: [10, 60] },
  { state: 'initiated', field: 'sivDate', gap: [5, 45] },
  { state: 'enrolling', field: 'fpiDate', gap: [5, 60] },
  { state: 'enrolment_closed', field: 'lpiDate', gap: [150, 500] },
  { state: 'closed', field: 'closedDate', gap: [30, 150] },
] as const;
type Milestones = Partial<Record<(typeof STAGES)[number]['field'], string>>;
const PHASES: readonly TrialPhase[] = ['I', 'II', 'II', 'III', 'III', 'III', 'IV', 'BE', 'I/II', 'II/III'];
const LATER_TYPES: readonly SubmissionType[] = ['amendment', 'amendment', 'continuing', 'sae', 'deviation'];
const PENDING: readonly SubmissionState[] = [
  'submitted',
  'screening',
  'accepted',
  'in_review',
  'scheduled',
  'info_requested',
];

export type ScaleContext = {
  handle: DbHandle;
  plan: ScalePlan;
  rng: Rng;
  now: number;
  today: string;
  hospitals: ScaleHospital[];
  sponsors: string[];
  cros: string[];
  /** The demo sponsor whose trial carries the 200-site board, and the busy demo hospital (its EC queue). */
  boardSponsorId: string;
  busyHospitalId: string;
  agreementId: string;
  seedUserId: string;
  progress: (done: number) => void;
};

export type TrialCounts = {
  trials: number;
  sites: number;
  submissions: number;
  recognitions: number;
  enrolmentRows: number;
  meetings: number;
};

/**
 * Trials with their sites, walked through the site lifecycle up to today with a milestone date at every step;
 * the ethics workflow each site went through (an initial review at its own EC, or recognition of the lead's
 * approval under the agreement), meetings, later submissions (amendments, continuing reviews, SAE reports) up to
 * the planned count, inquiries and monthly enrolment counts.
 */
export function generateTrials(c: ScaleContext): TrialCounts {
  const { handle, plan, rng, now, today } = c;
  const ins = {
    trial: bulkInserter(handle.sqlite, trials, [
      'id',
      'sponsorOrgId',
      'croOrgId',
      'createdBy',
      'type',
      'phase',
      'titleZh',
      'titleEn',
      'ctrNo',
      'conditionsJson',
      'targetEnrolment',
      'plannedStart',
      'riskLevel',
      'status',
      'leadHospitalId',
      'createdAt',
      'updatedAt',
    ]),
    site: bulkInserter(handle.sqlite, trialSites, [
      'id',
      'trialId',
      'hospitalOrgId',
      'hospitalSpecialtyId',
      'investigatorId',
      'role',
      'state',
      'stateBeforeSuspension',
      'stateChangedAt',
      'targetEnrolment',
      'selectedDate',
      'ethicsSubmittedDate',
      'ethicsApprovedDate',
      'contractSignedDate',
      'sivDate',
      'fpiDate',
      'lpiDate',
      'closedDate',
      'createdAt',
      'updatedAt',
    ]),
    submission: bulkInserter(handle.sqlite, submissions, [
      'id',
      'committeeId',
      'trialId',
      'trialSiteId',
      'type',
      'state',
      'reviewPath',
      'acceptanceNo',
      'acceptedDate',
      'decidedDate',
      'meetingId',
      'outcome',
      'followUpDate',
      'submittedAt',
      'createdBy',
      'createdAt',
      'updatedAt',
    ]),
    event: bulkInserter(handle.sqlite, submissionEvents, [
      'submissionId',
      'step',
      'fromState',
      'toState',
      'actorRole',
      'at',
    ]),
    stop: bulkInserter(handle.sqlite, submissionClockStops, [
      'submissionId',
      'kind',
      'fromDate',
      'reason',
      'createdAt',
    ]),
    meeting: bulkInserter(handle.sqlite, meetings, [
      'id',
      'committeeId',
      'meetingDate',
      'title',
      'createdBy',
      'createdAt',
      'updatedAt',
    ]),
    recognition: bulkInserter(handle.sqlite, recognitionRequests, [
      'id',
      'agreementId',
      'trialId',
      'trialSiteId',
      'committeeId',
      'leadCommitteeId',
      'leadSubmissionId',
      'state',
      'outcome',
      'packetJson',
      'limitDays',
      'packetSubmittedAt',
      'acceptedDate',
      'decidedDate',
      'letterNo',
      'createdAt',
      'updatedAt',
    ]),
    recognitionEvent: bulkInserter(handle.sqlite, recognitionEvents, [
      'requestId',
      'step',
      'fromState',
      'toState',
      'actorRole',
      'at',
    ]),
    member: bulkInserter(handle.sqlite, recognitionAgreementMembers, [
      'agreementId',
      'committeeId',
      'state',
      'invitedAt',
      'joinedAt',
    ]),
    enrolment: bulkInserter(handle.sqlite, trialSiteEnrolment, [
      'trialSiteId',
      'month',
      'screened',
      'enrolled',
      'screenFailures',
      'withdrawn',
      'recordedBy',
      'recordedAt',
    ]),
    inquiry: bulkInserter(handle.sqlite, inquiries, [
      'id',
      'trialId',
      'trialSiteId',
      'hospitalOrgId',
      'sponsorOrgId',
      'synopsis',
      'replyBy',
      'status',
      'answerJson',
      'sentBy',
      'sentAt',
      'answeredAt',
    ]),
  };
  const counts: TrialCounts = { trials: 0, sites: 0, submissions: 0, recognitions: 0, enrolmentRows: 0, meetings: 0 };

  // Three in five of the generated committees join the agreement (the demo's members stay as they are).
  const inAgreement = new Set<string>(
    handle.sqlite
      .prepare('select committee_id from recognition_agreement_members where agreement_id = ? and state = ?')
      .pluck()
      .all(c.agreementId, 'joined') as string[],
  );
  for (const h of c.hospitals)
    if (h.id.startsWith('hs-') && rng.chance(0.6)) {
      ins.member({
        agreementId: c.agreementId,
        committeeId: h.committeeId,
        state: 'joined',
        invitedAt: now,
        joinedAt: now,
      });
      inAgreement.add(h.committeeId);
    }

  const nextSitting = sittingOnOrBefore(addDays(today, 16));
  const meetingIds = new Map<string, string>();
  const meetingOf = (committeeId: string, date: string) => {
    const key = `${committeeId}:${date}`;
    let id = meetingIds.get(key);
    if (!id) {
      id = `mt-${committeeId}-${date}`;
      ins.meeting({
        id,
        committeeId,
        meetingDate: date,
        title: `${date} 伦理审查会议`,
        createdBy: c.seedUserId,
        createdAt: msOf(date) - 14 * DAY,
        updatedAt: msOf(date),
      });
      meetingIds.set(key, id);
      counts.meetings++;
    }
    return id;
  };
  const acceptanceSeq = new Map<string, number>();
  const acceptanceNo = (committeeId: string, date: string) => {
    const n = (acceptanceSeq.get(committeeId) ?? 0) + 1;
    acceptanceSeq.set(committeeId, n);
    return `${committeeId.toUpperCase()}-${date.slice(0, 4)}-${String(n).padStart(5, '0')}`;
  };
  const committeeOf = new Map(c.hospitals.map((h) => [h.id, h.committeeId]));
  const approvedSites: { siteId: string; trialId: string; hospitalId: string; approved: string }[] = [];

  /** One submission and its timeline up to `state`; the dates given are those its state has reached. */
  const writeSubmission = (s: {
    id: string;
    committeeId: string;
    trialId: string;
    trialSiteId: string;
    type: SubmissionType;
    state: SubmissionState;
    submitted: string;
    accepted: string | null;
    decided: string | null;
    path: 'convened' | 'expedited' | null;
    meetingDate: string | null;
  }) => {
    // Committees meet on the 10th and 25th: a convened decision is recorded at the last sitting before it.
    const sitting =
      s.state === 'scheduled'
        ? s.meetingDate
        : s.path === 'convened' && s.meetingDate
          ? sittingOnOrBefore(s.meetingDate)
          : null;
    const meetingId = sitting && (!s.accepted || sitting >= s.accepted) ? meetingOf(s.committeeId, sitting) : null;
    if (s.path === 'convened' && s.meetingDate && !meetingId) s.path = 'expedited';
    ins.submission({
      id: s.id,
      committeeId: s.committeeId,
      trialId: s.trialId,
      trialSiteId: s.trialSiteId,
      type: s.type,
      state: s.state,
      reviewPath: s.path,
      acceptanceNo: s.accepted ? acceptanceNo(s.committeeId, s.accepted) : null,
      acceptedDate: s.accepted,
      decidedDate: s.decided,
      meetingId,
      outcome: s.decided ? (rng.chance(0.85) ? 'approved' : 'approved_with_modifications') : null,
      followUpDate: s.decided ? addDays(s.decided, 365) : null,
      submittedAt: msOf(s.submitted),
      createdBy: c.seedUserId,
      createdAt: msOf(s.submitted) - DAY,
      updatedAt: msOf(s.decided ?? s.accepted ?? s.submitted),
    });
    counts.submissions++;
    const ev = (step: string, from: SubmissionState, to: SubmissionState, date: string, role: string) =>
      ins.event({ submissionId: s.id, step, fromState: from, toState: to, actorRole: role, at: msOf(date) });
    ev('submit', 'draft', 'submitted', s.submitted, 'applicant');
    if (s.state === 'submitted') return;
    if (s.state === 'screening') return ev('start_screening', 'submitted', 'screening', s.submitted, 'secretary');
    ev('accept', 'submitted', 'accepted', s.accepted!, 'secretary');
    if (s.state === 'accepted') return;
    if (s.path === 'convened' && s.state === 'scheduled')
      return ev('schedule', 'accepted', 'scheduled', s.accepted!, 'secretary');
    ev('triage', 'accepted', 'in_review', s.accepted!, 'secretary');
    if (s.state === 'in_review') return;
    if (s.state === 'info_requested') {
      ev('request_info', 'in_review', 'info_requested', s.accepted!, 'secretary');
      ins.stop({
        submissionId: s.id,
        kind: 'info_requested',
        fromDate: s.accepted!,
        reason: '请补充研究者履历及GCP证书',
        createdAt: msOf(s.accepted!),
      });
      return;
    }
    ev('decide', 'in_review', 'decided', s.decided!, 'secretary');
  };

  /** A pending submission's state and dates, given when it was submitted. */
  const pendingDates = (submitted: string) => {
    const state = rng.pick(PENDING);
    const accepted = state === 'submitted' || state === 'screening' ? null : addDays(submitted, rng.int(0, 3));
    const cappedAccepted = accepted && accepted > today ? today : accepted;
    return {
      state,
      accepted: cappedAccepted,
      path:
        state === 'scheduled' ? ('convened' as const) : accepted ? rng.pick(['convened', 'expedited'] as const) : null,
    };
  };

  const ordinary = c.hospitals.filter((h) => h.id !== c.busyHospitalId && h.specialties.length > 0);
  const busy = c.hospitals.find((h) => h.id === c.busyHospitalId)!;
  let siteSeq = 0;
  for (let t = 0; t < plan.trials; t++) {
    const trialId = `tr-${t}`;
    const isBoard = t === 0;
    const sponsorOrgId = isBoard ? c.boardSponsorId : rng.pick(c.sponsors);
    const type = rng.chance(0.7) ? 'drug' : rng.chance(0.6) ? 'device' : 'iit';
    const phase = type === 'drug' ? rng.pick(PHASES) : 'NA';
    const risk = rng.chance(0.15) ? 'high' : rng.chance(0.5) ? 'medium' : 'low';
    const start = isBoard ? addDays(today, -400) : addDays(today, -rng.int(10, 1100));
    const nSites = isBoard
      ? plan.boardTrialSites
      : Math.max(1, Math.min(ordinary.length, Math.round(plan.sitesPerTrial * (0.3 + rng.next() * 1.4))));
    const chosen = rng.sample(ordinary, nSites);
    if (!isBoard && rng.chance(plan.busyHospitalShare * plan.sitesPerTrial)) chosen[chosen.length - 1] = busy;
    const conditions = rng.sample(DISEASES, rng.int(1, 2));
    const recognitionEligible = risk !== 'high' && phase !== 'I' && phase !== 'BE';
    let leadApproved: string | null = null;
    let leadSubmissionId: string | null = null;
    const lead = chosen[0]!;
    const states: SiteState[] = [];
    ins.trial({
      id: trialId,
      sponsorOrgId,
      croOrgId: rng.chance(0.3) ? rng.pick(c.cros) : null,
      createdBy: c.seedUserId,
      type,
      phase,
      titleZh: `${isBoard ? '全国多中心' : ''}${conditions.join('与')}${type === 'device' ? '器械' : '药物'}${phase === 'NA' ? '' : `${phase}期`}临床研究 ${t}`,
      titleEn: `${type === 'device' ? 'Device' : 'Drug'} study ${t} in ${conditions.join(' and ')}`,
      ctrNo: type === 'drug' ? `CTR${start.slice(0, 4)}9${String(t).padStart(5, '0')}` : null,
      conditionsJson: JSON.stringify(conditions),
      targetEnrolment: rng.int(40, 600),
      plannedStart: start,
      riskLevel: risk,
      status: 'planning',
      leadHospitalId: lead.id,
      createdAt: msOf(start) - 30 * DAY,
      updatedAt: now,
    });
    chosen.forEach((h, i) => {
      const siteId = `ts-${siteSeq++}`;
      const spec = rng.pick(h.specialties);
      const role = i === 0 ? 'lead' : 'participating';
      const committeeId = h.committeeId;
      const m: Milestones = {};
      let state: SiteState;
      let stateBeforeSuspension: SiteState | null = null;
      const viaRecognition =
        role === 'participating' &&
        recognitionEligible &&
        leadApproved !== null &&
        inAgreement.has(committeeId) &&
        inAgreement.has(committeeOf.get(lead.id)!) &&
        rng.chance(0.6);
      const r = rng.next();
      if (r < 0.08 && !isBoard) {
        state = rng.pick(['candidate', 'inquiry_sent', 'interested', 'declined'] as const);
      } else {
        let date = i === 0 ? start : addDays(start, rng.int(0, 45));
        state = 'selected';
        m.selectedDate = date;
        for (let k = 1; k < STAGES.length; k++) {
          const stage = STAGES[k]!;
          let next = addDays(date, rng.int(stage.gap[0], stage.gap[1]));
          if (viaRecognition && stage.state === 'ethics_submitted' && next <= leadApproved!)
            next = addDays(leadApproved!, rng.int(1, 5));
          if (next > today || rng.chance(0.04)) break;
          date = next;
          m[stage.field] = date;
          state = stage.state;
        }
        if (state !== 'closed' && rng.chance(0.02)) {
          stateBeforeSuspension = rng.chance(0.5) ? state : null;
          state = stateBeforeSuspension ? 'suspended' : 'terminated';
        }
      }
      const lastDate =
        m.closedDate ??
        m.lpiDate ??
        m.fpiDate ??
        m.sivDate ??
        m.contractSignedDate ??
        m.ethicsApprovedDate ??
        m.ethicsSubmittedDate ??
        m.selectedDate ??
        start;
      ins.site({
        id: siteId,
        trialId,
        hospitalOrgId: h.id,
        hospitalSpecialtyId: spec.id,
        investigatorId: rng.pick(spec.investigators),
        role,
        state,
        stateBeforeSuspension,
        stateChangedAt: msOf(lastDate),
        targetEnrolment: rng.int(10, 80),
        ...m,
        createdAt: msOf(start),
        updatedAt: msOf(lastDate),
      });
      counts.sites++;
      states.push(state);
      if (
        state === 'inquiry_sent' ||
        state === 'interested' ||
        state === 'declined' ||
        (m.selectedDate && rng.chance(0.3))
      ) {
        const status = state === 'inquiry_sent' ? 'sent' : state === 'declined' ? 'declined' : 'interested';
        const sentAt = msOf(addDays(start, -20));
        ins.inquiry({
          id: `inq-${siteId}`,
          trialId,
          trialSiteId: siteId,
          hospitalOrgId: h.id,
          sponsorOrgId,
          synopsis: `${conditions.join('、')}${phase}期临床试验可行性调研`,
          replyBy: addDays(start, -5),
          status,
          answerJson:
            status === 'sent'
              ? null
              : JSON.stringify(
                  status === 'declined' ? { reason: '研究者负荷已满' } : { estimatedPatients: rng.int(5, 60) },
                ),
          sentBy: c.seedUserId,
          sentAt,
          answeredAt: status === 'sent' ? null : sentAt + rng.int(1, 14) * DAY,
        });
      }
      if (!m.ethicsSubmittedDate) return;
      if (viaRecognition) {
        const decided = m.ethicsApprovedDate ?? null;
        const requestId = `rr-${siteId}`;
        const accepted = addDays(m.ethicsSubmittedDate, rng.int(0, 2));
        const reqState = decided ? 'decided' : 'local_review';
        ins.recognition({
          id: requestId,
          agreementId: c.agreementId,
          trialId,
          trialSiteId: siteId,
          committeeId,
          leadCommitteeId: committeeOf.get(lead.id)!,
          leadSubmissionId: leadSubmissionId!,
          state: reqState,
          outcome: decided ? (rng.chance(0.85) ? 'recognised' : 'recognised_with_conditions') : null,
          packetJson: '{}',
          limitDays: 7,
          packetSubmittedAt: msOf(m.ethicsSubmittedDate),
          acceptedDate: accepted <= (decided ?? today) ? accepted : m.ethicsSubmittedDate,
          decidedDate: decided,
          letterNo: decided ? `${committeeId.toUpperCase()}-HR-${siteId}` : null,
          createdAt: msOf(leadApproved!),
          updatedAt: msOf(decided ?? m.ethicsSubmittedDate),
        });
        const rev = (step: string, from: string | null, to: string, date: string) =>
          ins.recognitionEvent({
            requestId,
            step,
            fromState: from as never,
            toState: to as never,
            actorRole: 'secretary',
            at: msOf(date),
          });
        rev('open', null, 'pending_packet', leadApproved!);
        rev('submit_packet', 'pending_packet', 'packet_submitted', m.ethicsSubmittedDate);
        rev('accept', 'packet_submitted', 'accepted', m.ethicsSubmittedDate);
        rev('review', 'accepted', 'local_review', m.ethicsSubmittedDate);
        if (decided) rev('decide', 'local_review', 'decided', decided);
        counts.recognitions++;
      } else {
        const submissionId = `sub-${siteId}-0`;
        const decided = m.ethicsApprovedDate ?? null;
        if (decided) {
          const accepted =
            addDays(m.ethicsSubmittedDate, rng.int(0, 3)) > decided
              ? m.ethicsSubmittedDate
              : addDays(m.ethicsSubmittedDate, rng.int(0, 3));
          const path = rng.chance(0.6) ? 'convened' : 'expedited';
          writeSubmission({
            id: submissionId,
            committeeId,
            trialId,
            trialSiteId: siteId,
            type: 'initial',
            state: 'decided',
            submitted: m.ethicsSubmittedDate,
            accepted,
            decided,
            path,
            meetingDate: path === 'convened' ? decided : null,
          });
          approvedSites.push({ siteId, trialId, hospitalId: h.id, approved: decided });
        } else {
          const p = pendingDates(m.ethicsSubmittedDate);
          writeSubmission({
            id: submissionId,
            committeeId,
            trialId,
            trialSiteId: siteId,
            type: 'initial',
            state: p.state,
            submitted: m.ethicsSubmittedDate,
            accepted: p.accepted,
            decided: null,
            path: p.path,
            meetingDate: p.state === 'scheduled' ? nextSitting : null,
          });
        }
        if (i === 0 && decided) {
          leadApproved = decided;
          leadSubmissionId = submissionId;
        }
      }
      if (m.fpiDate) {
        const end = (m.lpiDate ?? today).slice(0, 7);
        const months: string[] = [];
        for (let d = m.fpiDate.slice(0, 7); d <= end && months.length < 24; d = nextMonth(d)) months.push(d);
        for (const month of months.slice(-6)) {
          const screened = rng.int(0, 8);
          const enrolled = rng.int(0, screened);
          ins.enrolment({
            trialSiteId: siteId,
            month,
            screened,
            enrolled,
            screenFailures: screened - enrolled,
            withdrawn: enrolled && rng.chance(0.1) ? 1 : 0,
            recordedBy: c.seedUserId,
            recordedAt: msOf(`${month}-28`),
          });
          counts.enrolmentRows++;
        }
      }
    });
    const running = states.some((s) => s !== 'closed' && s !== 'terminated' && s !== 'declined');
    const anyApproved = approvedSites.length > 0 && approvedSites.at(-1)!.trialId === trialId;
    const status = !running ? 'closed' : anyApproved || leadApproved ? 'active' : 'planning';
    if (status !== 'planning') handle.db.update(trials).set({ status }).where(eq(trials.id, trialId)).run();
    counts.trials++;
    if (t % 500 === 0) c.progress(counts.submissions);
  }

  // Later reviews of approved sites (amendments, continuing reviews, SAE reports) up to the planned count.
  for (let n = 0; counts.submissions < plan.submissions && approvedSites.length > 0; n++) {
    const site = rng.pick(approvedSites);
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(site.approved)) / DAY));
    const submitted = addDays(site.approved, rng.int(1, span));
    if (submitted > today) continue;
    const committeeId = committeeOf.get(site.hospitalId)!;
    const base = {
      id: `sub-${site.siteId}-${n + 1}`,
      committeeId,
      trialId: site.trialId,
      trialSiteId: site.siteId,
      type: rng.pick(LATER_TYPES),
      submitted,
    };
    const decided = addDays(submitted, rng.int(4, 30));
    if (decided <= today) {
      const path = rng.chance(0.3) ? 'convened' : 'expedited';
      writeSubmission({
        ...base,
        state: 'decided',
        accepted: addDays(submitted, rng.int(0, 2)),
        decided,
        path,
        meetingDate: path === 'convened' ? decided : null,
      });
    } else {
      const p = pendingDates(submitted);
      writeSubmission({
        ...base,
        state: p.state,
        accepted: p.accepted,
        decided: null,
        path: p.path,
        meetingDate: p.state === 'scheduled' ? nextSitting : null,
      });
    }
    if (n % 5000 === 0) c.progress(counts.submissions);
  }
  return counts;
}

function sittingOnOrBefore(date: string): string {
  const day = Number(date.slice(8));
  if (day >= 25) return `${date.slice(0, 8)}25`;
  if (day >= 10) return `${date.slice(0, 8)}10`;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-25` : `${y}-${String(m - 1).padStart(2, '0')}-25`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
