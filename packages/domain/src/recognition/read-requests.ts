import {
  type ActorRef,
  availableRecognitionSteps,
  canActForCommittee,
  canManageTrial,
  isEcRole,
  type LocalChecklistItem,
  RECOGNISING_OUTCOMES,
  RECOGNITION_CLOCK_STATES,
  type RecognitionSkipReason,
  type Role,
  recognitionBoardInput,
  recognitionIdInput,
  recognitionRequestsListInput,
  timelineEventFor,
} from '@ctp/contracts';
import {
  type Db,
  ethicsCommittees,
  investigators,
  organisations,
  recognitionAcks,
  recognitionAgreements,
  recognitionEvents,
  recognitionObjections,
  recognitionRequests,
  recognitionSkips,
  submissionEvents,
  submissionLetters,
  submissions,
  trialSites,
  trials,
  users,
} from '@ctp/db';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { localContextOf } from '../agreements/local-context.ts';
import { fillBlankProfileFields, profilePacketFields } from '../agreements/packet-prefill.ts';
import { recognitionClockStopsOf } from '../clock/clock-stops.ts';
import { shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { type ClockState, computeClock, type WorkingCalendar } from '../clock/working-days.ts';
import type { Ctx } from '../context.ts';
import { effectiveVersionsOf, isIcfSuperseded } from '../documents/effective-versions.ts';
import { forbidden, notFound } from '../errors.ts';
import { canReadSubmissionLetter } from '../ethics/issue-letter.ts';
import { canReadTrial } from '../trials/policy.ts';
import { loadTrial } from '../trials/trial-access.ts';
import { trialLeadOf } from './lead-site.ts';
import { canReadRequest, recognitionSideOf } from './policy.ts';
import type { RecognitionRequestRow } from './request-access.ts';

type Stop = { from: string; to: string | null };

/** The participating EC's clock (DESIGN §4.4): accepted = day 0, 7 working days by default, stopped while action_required. */
export function recognitionClock(
  cal: WorkingCalendar,
  req: Pick<RecognitionRequestRow, 'acceptedDate' | 'decidedDate' | 'limitDays'>,
  stops: Stop[],
  today: string,
): ClockState | null {
  if (!req.acceptedDate) return null;
  const clock = computeClock(cal, {
    accepted: req.acceptedDate,
    limitDays: req.limitDays,
    stops,
    until: req.decidedDate ?? today,
  });
  return req.decidedDate ? { ...clock, isStopped: false } : clock;
}

const listColumns = {
  req: recognitionRequests,
  trialTitle: trials.titleZh,
  trialTitleEn: trials.titleEn,
  trialType: trials.type,
  trialPhase: trials.phase,
  sponsorOrgId: trials.sponsorOrgId,
  croOrgId: trials.croOrgId,
  hospitalOrgId: trialSites.hospitalOrgId,
  hospitalName: organisations.nameZh,
  hospitalNameEn: organisations.nameEn,
  siteState: trialSites.state,
  piUserId: investigators.userId,
  committeeName: ethicsCommittees.nameZh,
  committeeNameEn: ethicsCommittees.nameEn,
  agreementName: recognitionAgreements.nameZh,
  agreementNameEn: recognitionAgreements.nameEn,
};

function baseQuery(db: Db) {
  return db
    .select(listColumns)
    .from(recognitionRequests)
    .innerJoin(trials, eq(trials.id, recognitionRequests.trialId))
    .innerJoin(trialSites, eq(trialSites.id, recognitionRequests.trialSiteId))
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, recognitionRequests.committeeId))
    .innerJoin(recognitionAgreements, eq(recognitionAgreements.id, recognitionRequests.agreementId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId));
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number];

function toView(actor: ActorRef | null, r: Row, clock: ClockState | null) {
  const { req } = r;
  const side = recognitionSideOf(
    actor,
    req,
    { sponsorOrgId: r.sponsorOrgId, croOrgId: r.croOrgId, type: r.trialType },
    { hospitalOrgId: r.hospitalOrgId },
    r.piUserId,
  );
  return {
    id: req.id,
    trialId: req.trialId,
    trialTitle: r.trialTitle,
    trialTitleEn: r.trialTitleEn,
    trialSiteId: req.trialSiteId,
    siteState: r.siteState,
    hospitalOrgId: r.hospitalOrgId,
    hospitalName: r.hospitalName,
    hospitalNameEn: r.hospitalNameEn,
    committeeId: req.committeeId,
    committeeName: r.committeeName,
    committeeNameEn: r.committeeNameEn,
    leadCommitteeId: req.leadCommitteeId,
    leadSubmissionId: req.leadSubmissionId,
    agreementId: req.agreementId,
    agreementName: r.agreementName,
    agreementNameEn: r.agreementNameEn,
    state: req.state,
    outcome: req.outcome,
    conditions: req.conditions,
    reasons: req.reasons,
    acceptedDate: req.acceptedDate,
    decidedDate: req.decidedDate,
    letterNo: req.letterNo,
    fallbackSubmissionId: req.fallbackSubmissionId,
    limitDays: req.limitDays,
    version: req.version,
    updatedAt: req.updatedAt,
    clock,
    availableSteps: availableRecognitionSteps(req.state, side),
    side,
  };
}
export type RecognitionRequestView = ReturnType<typeof toView>;

function withClocks(ctx: Ctx, rows: Row[]) {
  const cal = loadWorkingCalendar(ctx.db);
  const stops = recognitionClockStopsOf(
    ctx.db,
    rows.map((r) => r.req.id),
  );
  const today = shanghaiDate(ctx.now());
  return rows.map((r) => toView(ctx.actor, r, recognitionClock(cal, r.req, stops.get(r.req.id) ?? [], today)));
}

/**
 * Public contract `recognition.requests.list` {trialId?, state?}: an EC role's queue (its committee's requests),
 * a trial office's or PI's own sites, a sponsor's trials; the commission and the admin see all. Overdue first.
 */
export function listRecognitionRequests({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof recognitionRequestsListInput>;
}) {
  const input = recognitionRequestsListInput.parse(raw);
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const scope: SQL[] = [];
  if (isEcRole(actor.role)) {
    if (!actor.committeeId) return [];
    scope.push(eq(recognitionRequests.committeeId, actor.committeeId));
  } else if (actor.role === 'site_admin') {
    scope.push(or(eq(trialSites.hospitalOrgId, actor.orgId), eq(trials.sponsorOrgId, actor.orgId))!);
  } else if (actor.role === 'investigator') {
    scope.push(eq(investigators.userId, actor.userId));
  } else if (actor.role === 'sponsor') {
    scope.push(or(eq(trials.sponsorOrgId, actor.orgId), eq(trials.croOrgId, actor.orgId))!);
  } else if (actor.role !== 'commission' && actor.role !== 'admin') {
    throw forbidden('ROLE_REQUIRED');
  }
  if (input.trialId) scope.push(eq(recognitionRequests.trialId, input.trialId));
  if (input.state) scope.push(eq(recognitionRequests.state, input.state));
  const rows = baseQuery(ctx.db)
    .where(scope.length ? and(...scope) : undefined)
    .all()
    .filter((r) =>
      canReadRequest(
        actor,
        r.req,
        { sponsorOrgId: r.sponsorOrgId, croOrgId: r.croOrgId, type: r.trialType },
        { hospitalOrgId: r.hospitalOrgId },
        r.piUserId,
      ),
    );
  return withClocks(ctx, rows).sort((a, b) => {
    const o = Number(b.clock?.isOverdue ?? false) - Number(a.clock?.isOverdue ?? false);
    if (o) return o;
    const open = (v: RecognitionRequestView) => v.state !== 'decided';
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    return b.updatedAt - a.updatedAt;
  });
}

/**
 * What a participating EC (and the site, the sponsor) sees of the lead EC's review (DESIGN §2): the decision, its
 * conditions, the consolidated opinions (the non-confidential timeline), the letter and the approved versions —
 * never votes, attendance, conflicts, worksheets, EC-only notes or minutes. Built field by field on purpose.
 */
export function leadDecisionOf(db: Db, leadSubmissionId: string) {
  const sub = db
    .select({
      id: submissions.id,
      committeeId: submissions.committeeId,
      trialSiteId: submissions.trialSiteId,
      committeeName: ethicsCommittees.nameZh,
      committeeNameEn: ethicsCommittees.nameEn,
      acceptanceNo: submissions.acceptanceNo,
      acceptedDate: submissions.acceptedDate,
      decidedDate: submissions.decidedDate,
      reviewPath: submissions.reviewPath,
      outcome: submissions.outcome,
      conditions: submissions.conditions,
      followUpDate: submissions.followUpDate,
      state: submissions.state,
    })
    .from(submissions)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .where(eq(submissions.id, leadSubmissionId))
    .get();
  if (!sub) throw notFound();
  // Consolidated opinions (审查意见): what SUBMISSION_EVENT_VISIBILITY shows a participating EC (the committee's
  // return reasons, questions and decision, under its name) — never EC-only rows, never who acted.
  const opinions = db
    .select({
      step: submissionEvents.step,
      fromState: submissionEvents.fromState,
      toState: submissionEvents.toState,
      comment: submissionEvents.comment,
      at: submissionEvents.at,
    })
    .from(submissionEvents)
    .where(and(eq(submissionEvents.submissionId, leadSubmissionId), eq(submissionEvents.isEcOnly, false)))
    .orderBy(asc(submissionEvents.at), asc(submissionEvents.id))
    .all()
    .map((e) => timelineEventFor({ ...e, actorName: null, actorRole: null, detail: null }, 'participating_ec'))
    .flatMap((e) => (e?.comment ? [{ step: e.step, comment: e.comment, at: e.at }] : []));
  const letter = db
    .select({
      letterNo: submissionLetters.letterNo,
      issueDate: submissionLetters.issueDate,
      kind: submissionLetters.kind,
    })
    .from(submissionLetters)
    .where(eq(submissionLetters.submissionId, leadSubmissionId))
    .get();
  const approvedVersions = effectiveVersionsOf(db, sub.trialSiteId).map((v) => ({
    documentId: v.documentId,
    kind: v.kind,
    versionLabel: v.versionLabel,
    versionDate: v.versionDate,
    sha256: v.sha256,
  }));
  const { trialSiteId: _, ...shared } = sub;
  return { ...shared, opinions, letter: letter ?? null, approvedVersions };
}

/**
 * `recognition.requests.get`: one request with its packet, checklist, timeline, clock, objections and
 * acknowledgement tasks, plus the lead EC's shared decision (see `leadDecisionOf`).
 */
export function getRecognitionRequest({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof recognitionIdInput> }) {
  const input = recognitionIdInput.parse(raw);
  const row = baseQuery(ctx.db).where(eq(recognitionRequests.id, input.id)).get();
  if (!row) throw notFound();
  if (
    !canReadRequest(
      ctx.actor,
      row.req,
      { sponsorOrgId: row.sponsorOrgId, croOrgId: row.croOrgId, type: row.trialType },
      { hospitalOrgId: row.hospitalOrgId },
      row.piUserId,
    )
  )
    throw notFound();
  const [view] = withClocks(ctx, [row]);
  const ownEc = ctx.actor !== null && isEcRole(ctx.actor.role) && canActForCommittee(ctx.actor, row.req.committeeId);
  const timeline = ctx.db
    .select({
      step: recognitionEvents.step,
      fromState: recognitionEvents.fromState,
      toState: recognitionEvents.toState,
      actorName: users.name,
      actorRole: recognitionEvents.actorRole,
      comment: recognitionEvents.comment,
      detailJson: recognitionEvents.detailJson,
      at: recognitionEvents.at,
    })
    .from(recognitionEvents)
    .leftJoin(users, eq(users.id, recognitionEvents.actorUserId))
    .where(eq(recognitionEvents.requestId, input.id))
    .orderBy(asc(recognitionEvents.at), asc(recognitionEvents.id))
    .all()
    .map(({ detailJson, ...e }) => {
      // EC people act under their committee's name outside it (issue 12): the lead EC's signer who opened the
      // request, the participating EC's secretary to the site and the sponsor.
      const byEc = e.actorRole !== null && isEcRole(e.actorRole as Role);
      const insideActorsCommittee = ownEc && e.step !== 'open';
      const byCommittee = byEc && !insideActorsCommittee;
      return {
        ...e,
        ...(byCommittee ? { actorName: null, actorRole: null } : {}),
        byCommittee,
        detail: detailJson ? (JSON.parse(detailJson) as unknown) : null,
      };
    });
  const objections = ctx.db
    .select()
    .from(recognitionObjections)
    .where(eq(recognitionObjections.requestId, input.id))
    .orderBy(asc(recognitionObjections.createdAt))
    .all()
    .map((o) => ({
      id: o.id,
      category: o.category,
      text: o.text,
      state: o.state,
      resolution: o.resolution,
      createdAt: o.createdAt,
      resolvedAt: o.resolvedAt,
      version: o.version,
    }));
  const acks = ctx.db
    .select()
    .from(recognitionAcks)
    .where(eq(recognitionAcks.requestId, input.id))
    .orderBy(asc(recognitionAcks.createdAt))
    .all()
    .map((a) => ({
      id: a.id,
      sourceSubmissionId: a.sourceSubmissionId,
      state: a.state,
      note: a.note,
      versions: JSON.parse(a.versionsJson) as unknown[],
      createdAt: a.createdAt,
      actedAt: a.actedAt,
      version: a.version,
    }));
  const actor = ctx.actor;
  const isParticipatingEc = actor !== null && isEcRole(actor.role) && canActForCommittee(actor, row.req.committeeId);
  const isLeadEc = actor !== null && isEcRole(actor.role) && canActForCommittee(actor, row.req.leadCommitteeId);
  const leadDecision = leadDecisionOf(ctx.db, row.req.leadSubmissionId);
  const recognised = (RECOGNISING_OUTCOMES as readonly (string | null)[]).includes(row.req.outcome);
  return {
    ...view!,
    // Until the packet is submitted, blanks show the profile as it is now (a PI chosen later, requests opened
    // before the profile was used); a submitted packet is shown as submitted.
    packet:
      row.req.state === 'pending_packet'
        ? fillBlankProfileFields(
            JSON.parse(row.req.packetJson) as Record<string, unknown>,
            profilePacketFields(ctx.db, row.req.trialSiteId),
          )
        : (JSON.parse(row.req.packetJson) as Record<string, unknown>),
    checklist: row.req.checklistJson
      ? (JSON.parse(row.req.checklistJson) as { item: LocalChecklistItem; answer: string; note?: string }[])
      : null,
    localContext: localContextOf(ctx.db, row.hospitalOrgId),
    leadDecision,
    /** Recognised, and the site's effective ICF is not the lead's current approved one (see `recognitionBoard`). */
    icfSuperseded:
      recognised && isIcfSuperseded(effectiveVersionsOf(ctx.db, row.req.trialSiteId), leadDecision.approvedVersions),
    /** The lead's letter file may be opened from this page (the participating EC, the lead EC, the sponsor…). */
    leadLetterReadable: canReadSubmissionLetter(ctx, row.req.leadSubmissionId),
    timeline,
    objections,
    acks,
    canObject: isParticipatingEc && actor.role !== 'ec_member',
    canResolveObjections: isLeadEc && actor.role !== 'ec_member',
    canAcknowledge: isParticipatingEc && actor.role !== 'ec_member',
  };
}

/**
 * Public contract `recognition.board` {trialId}: every site of the trial with its recognition state and the
 * participating EC's working-day clock (due, used, overdue), or why it has no request. For the sponsor (and CRO),
 * the lead EC, the commission and the admin.
 */
export function recognitionBoard({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof recognitionBoardInput> }) {
  const input = recognitionBoardInput.parse(raw);
  const actor = ctx.actor;
  const trial = loadTrial(ctx.db, input.trialId);
  const sites = ctx.db
    .select({
      site: trialSites,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
      piUserId: investigators.userId,
      piName: investigators.name,
    })
    .from(trialSites)
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(eq(trialSites.trialId, trial.id))
    .orderBy(asc(trialSites.createdAt))
    .all();
  // Lead sites by the trial's lead designation (as the trial page tags them); the lead decision is the one recognised.
  const { leadSite, leadSiteIds, leadSubmission: leadReview } = trialLeadOf(ctx.db, trial, sites);
  const leadCommittee = leadSite
    ? ctx.db
        .select()
        .from(ethicsCommittees)
        .where(eq(ethicsCommittees.hospitalOrgId, leadSite.site.hospitalOrgId))
        .get()
    : undefined;
  const isLeadEc =
    actor !== null && isEcRole(actor.role) && leadCommittee && canActForCommittee(actor, leadCommittee.id);
  const allowed =
    actor !== null &&
    (actor.role === 'commission' ||
      actor.role === 'admin' ||
      canManageTrial(actor, trial) ||
      isLeadEc ||
      // Every trial office of a site on the trial sees the board of its own trial (it shows no confidential data).
      (actor.role === 'site_admin' &&
        canReadTrial(
          actor,
          trial,
          sites.map((s) => s.site.hospitalOrgId),
          [],
        )));
  if (!allowed) throw notFound();
  // A trial office that does not run the trial sees its own site only, as on `trials.get`: the sponsor's other sites,
  // their PIs and states are not its business (issue 12).
  const seesAllSites =
    actor.role === 'commission' || actor.role === 'admin' || canManageTrial(actor, trial) || isLeadEc;
  const isVisible = (hospitalOrgId: string) => seesAllSites || hospitalOrgId === actor.orgId;
  const ownSiteIds = new Set(sites.filter((s) => isVisible(s.site.hospitalOrgId)).map((s) => s.site.id));
  const requests = withClocks(ctx, baseQuery(ctx.db).where(eq(recognitionRequests.trialId, trial.id)).all()).filter(
    (r) => ownSiteIds.has(r.trialSiteId),
  );
  const skips = ctx.db.select().from(recognitionSkips).where(eq(recognitionSkips.trialId, trial.id)).all();
  const objections = ctx.db
    .select({ requestId: recognitionObjections.requestId, state: recognitionObjections.state })
    .from(recognitionObjections)
    .where(eq(recognitionObjections.trialId, trial.id))
    .all();
  const acks = ctx.db
    .select({ requestId: recognitionAcks.requestId, state: recognitionAcks.state })
    .from(recognitionAcks)
    .where(eq(recognitionAcks.trialId, trial.id))
    .all();
  // The lead review's decision is shared with the sites under recognition (DESIGN §2), not with a mere candidate.
  const seesLeadDecision = seesAllSites || [...leadSiteIds].some((id) => ownSiteIds.has(id)) || requests.length > 0;
  const leadSubmission = seesLeadDecision ? leadReview : null;
  // The superseded-ICF flag compares versions, not tasks: a recognised site's effective ICF against the lead's
  // current approved one (an acknowledgement moves the site's versions, and so clears it).
  const leadVersions = leadSite && seesLeadDecision ? effectiveVersionsOf(ctx.db, leadSite.site.id) : [];
  const icfOf = (versions: typeof leadVersions) => {
    const icf = versions.find((v) => v.kind === 'icf');
    return icf ? { versionLabel: icf.versionLabel, versionDate: icf.versionDate } : null;
  };
  const rows = sites
    .filter((s) => ownSiteIds.has(s.site.id))
    .map((s) => {
      const request = requests.find((r) => r.trialSiteId === s.site.id) ?? null;
      const siteVersions = effectiveVersionsOf(ctx.db, s.site.id);
      const recognised = (RECOGNISING_OUTCOMES as readonly (string | null)[]).includes(request?.outcome ?? null);
      const skip = skips.find((k) => k.trialSiteId === s.site.id);
      const isLead = leadSiteIds.has(s.site.id);
      return {
        trialSiteId: s.site.id,
        hospitalOrgId: s.site.hospitalOrgId,
        hospitalName: s.hospitalName,
        hospitalNameEn: s.hospitalNameEn,
        piName: s.piName,
        role: isLead ? ('lead' as const) : ('participating' as const),
        siteState: s.site.state,
        ethicsApprovedDate: s.site.ethicsApprovedDate,
        request: request
          ? {
              id: request.id,
              state: request.state,
              outcome: request.outcome,
              committeeName: request.committeeName,
              committeeNameEn: request.committeeNameEn,
              acceptedDate: request.acceptedDate,
              decidedDate: request.decidedDate,
              clock: request.clock,
              fallbackSubmissionId: request.fallbackSubmissionId,
              letterNo: request.letterNo,
              openObjections: objections.filter((o) => o.requestId === request.id && o.state === 'open').length,
              pendingAcks: acks.filter((a) => a.requestId === request.id && a.state !== 'acknowledged').length,
            }
          : null,
        /** Why no request (shown to the sponsor), when the lead's approval found the site not covered. */
        skipReason: (skip?.reason ?? null) as RecognitionSkipReason | null,
        /** The site's effective ICF version (its own approval's, or bound by recognition), if any. */
        effectiveIcf: icfOf(siteVersions),
        /** A recognised site whose effective ICF is not the lead's current approved one. */
        icfSuperseded: recognised && isIcfSuperseded(siteVersions, leadVersions),
      };
    });
  const clocks = rows.flatMap((r) => (r.request?.clock ? [r.request] : []));
  return {
    trialId: trial.id,
    trialTitle: trial.titleZh,
    trialTitleEn: trial.titleEn,
    leadCommitteeName: leadCommittee?.nameZh ?? null,
    leadCommitteeNameEn: leadCommittee?.nameEn ?? null,
    leadSubmission,
    /** The lead's current approved ICF version, which recognised sites are compared with. */
    leadIcf: icfOf(leadVersions),
    rows,
    summary: {
      requests: requests.length,
      recognised: requests.filter((r) => r.outcome === 'recognised' || r.outcome === 'recognised_with_conditions')
        .length,
      declined: requests.filter((r) => r.outcome === 'declined' || r.outcome === 'not_approved_locally').length,
      open: requests.filter((r) => r.state !== 'decided').length,
      overdue: clocks.filter((r) => r.clock!.isOverdue && r.state !== 'decided').length,
      // A lead site needs no request: only participating sites left out count.
      skipped: rows.filter((r) => r.skipReason && r.role === 'participating').length,
    },
  };
}

/** States in which the EC's recognition clock counts (re-exported for the web's legend). */
export const RECOGNITION_CLOCK_RUNNING = RECOGNITION_CLOCK_STATES;
