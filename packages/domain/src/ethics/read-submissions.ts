import {
  type ActorRef,
  availableSubmissionSteps,
  DEFAULT_REVIEW_LIMIT_DAYS,
  expeditedRefusal,
  expeditedRiskCeiling,
  isEcRole,
  type RISK_LEVELS,
  type SubmissionsListInput,
  submissionIdInput,
  submissionsListInput,
  type TimelineAudience,
  timelineEventFor,
} from '@ctp/contracts';
import {
  committeeMembers,
  committeeSettings,
  type Db,
  ethicsCommittees,
  investigators,
  memberConflicts,
  organisations,
  submissionEvents,
  submissionLetters,
  submissions,
  trialSites,
  trials,
  users,
} from '@ctp/db';
import { and, asc, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { submissionClockStopDetails, submissionClockStopsOf } from '../clock/clock-stops.ts';
import { shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { type ClockState, computeClock, type WorkingCalendar } from '../clock/working-days.ts';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { keyProjectTrialIds } from '../trials/key-project-ids.ts';
import { committeeProcedures } from './committee-procedures.ts';
import { votesOn } from './meeting-access.ts';
import { modificationsStatus } from './modification-rounds.ts';
import { compareQueue } from './queue-order.ts';
import { isRecusedFrom } from './reviewer-access.ts';
import { screeningStateOf } from './screening-checklist.ts';
import type { SubmissionRow } from './submission-access.ts';
import { canReadSubmission, submissionSideOf } from './submission-policy.ts';

type RiskLevel = (typeof RISK_LEVELS)[number];
/**
 * A decided clock is never overdue: it tells whether the decision came within the limit, by working days used
 * (`decidedWithinLimit`, null while undecided) — comparing dates would call 15 / 15 days late.
 */
export type SubmissionClock = ClockState & { decidedWithinLimit: boolean | null };
type Stop = { from: string; to: string | null };

/**
 * The review clock of a submission (DESIGN §4.4): from the acceptance date (day 0) to the decision, or today while
 * it runs (the withdrawal date once withdrawn); the stops move the due date out. Null before acceptance.
 */
export function submissionClock(
  cal: WorkingCalendar,
  sub: Pick<SubmissionRow, 'acceptedDate' | 'decidedDate' | 'state' | 'updatedAt'>,
  stops: Stop[],
  limitDays: number,
  today: string,
): SubmissionClock | null {
  if (!sub.acceptedDate) return null;
  const until = sub.decidedDate ?? (sub.state === 'withdrawn' ? shanghaiDate(sub.updatedAt) : today);
  const clock = computeClock(cal, { accepted: sub.acceptedDate, limitDays, stops, until });
  // A decided or withdrawn submission is no longer waiting on anyone: its clock neither runs, stands stopped nor is late.
  if (sub.decidedDate)
    return { ...clock, isStopped: false, isOverdue: false, decidedWithinLimit: clock.usedDays <= clock.limitDays };
  if (sub.state === 'withdrawn') return { ...clock, isStopped: false, isOverdue: false, decidedWithinLimit: null };
  return { ...clock, decidedWithinLimit: null };
}

const viewColumns = {
  sub: submissions,
  trialTitle: trials.titleZh,
  trialTitleEn: trials.titleEn,
  riskLevel: trials.riskLevel,
  sponsorOrgId: trials.sponsorOrgId,
  croOrgId: trials.croOrgId,
  trialType: trials.type,
  hospitalOrgId: trialSites.hospitalOrgId,
  hospitalName: organisations.nameZh,
  hospitalNameEn: organisations.nameEn,
  piUserId: investigators.userId,
  committeeName: ethicsCommittees.nameZh,
  committeeNameEn: ethicsCommittees.nameEn,
  limitDays: committeeSettings.reviewLimitDays,
  letterNo: submissionLetters.letterNo,
  letterIssuedAt: submissionLetters.issuedAt,
};

function baseQuery(db: Db) {
  return db
    .select(viewColumns)
    .from(submissions)
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .leftJoin(committeeSettings, eq(committeeSettings.committeeId, submissions.committeeId))
    .leftJoin(submissionLetters, eq(submissionLetters.submissionId, submissions.id));
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number];

/** What one actor sees of a submission: EC-only fields (notes) only for the committee itself. */
function toView(actor: ActorRef | null, r: ViewRow, clock: SubmissionClock | null) {
  const { sub } = r;
  const side = submissionSideOf(
    actor,
    sub,
    { sponsorOrgId: r.sponsorOrgId, croOrgId: r.croOrgId, type: r.trialType },
    { hospitalOrgId: r.hospitalOrgId },
    r.piUserId,
  );
  const isEc = actor !== null && isEcRole(actor.role);
  return {
    id: sub.id,
    committeeId: sub.committeeId,
    committeeName: r.committeeName,
    committeeNameEn: r.committeeNameEn,
    trialId: sub.trialId,
    trialTitle: r.trialTitle,
    trialTitleEn: r.trialTitleEn,
    riskLevel: r.riskLevel,
    trialSiteId: sub.trialSiteId,
    hospitalOrgId: r.hospitalOrgId,
    hospitalName: r.hospitalName,
    hospitalNameEn: r.hospitalNameEn,
    type: sub.type,
    title: sub.title,
    previousSubmissionId: sub.previousSubmissionId,
    state: sub.state,
    reviewPath: sub.reviewPath,
    acceptanceNo: sub.acceptanceNo,
    acceptedDate: sub.acceptedDate,
    decidedDate: sub.decidedDate,
    /** The decision, its conditions and the next follow-up review: shown to everyone who sees the submission. */
    outcome: sub.outcome,
    conditions: sub.conditions,
    followUpDate: sub.followUpDate,
    /** The letter (批件 / 审查意见通知书), once issued: downloadable by the applicant, sponsor and committee. */
    letterNo: r.letterNo,
    letterIssuedAt: r.letterIssuedAt,
    hasLetter: r.letterNo !== null,
    submittedAt: sub.submittedAt,
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
    version: sub.version,
    clock,
    /** Steps this actor can take now (the web shows these buttons; the server enforces them again). */
    availableSteps: availableSubmissionSteps(sub.state, side),
    ...(isEc ? { ecNotes: sub.ecNotes, meetingId: sub.meetingId } : {}),
  };
}
export type SubmissionView = ReturnType<typeof toView>;

function withClocks(ctx: Ctx, rows: ViewRow[]) {
  const cal = loadWorkingCalendar(ctx.db);
  const stops = submissionClockStopsOf(
    ctx.db,
    rows.filter((r) => r.sub.acceptedDate).map((r) => r.sub.id),
  );
  const today = shanghaiDate(ctx.now());
  const keyProjects = keyProjectTrialIds(ctx.db, [...new Set(rows.map((r) => r.sub.trialId))]);
  return rows.map((r) => ({
    ...toView(
      ctx.actor,
      r,
      submissionClock(cal, r.sub, stops.get(r.sub.id) ?? [], r.limitDays ?? DEFAULT_REVIEW_LIMIT_DAYS, today),
    ),
    /** A city key project (重点攻关项目, issue 7): the EC and the site see the commission's flag. */
    isKeyProject: keyProjects.has(r.sub.trialId),
  }));
}

/**
 * Public contract `submissions.get`: one submission with its clock, clock stops and timeline, as the actor may see
 * it (NOT_FOUND for anyone else, the committee's EC included while it is a draft).
 */
export function getSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof submissionIdInput> }) {
  const input = submissionIdInput.parse(raw);
  const row = baseQuery(ctx.db).where(eq(submissions.id, input.id)).get();
  if (!row) throw notFound();
  const trialRef = { sponsorOrgId: row.sponsorOrgId, croOrgId: row.croOrgId, type: row.trialType };
  if (!canReadSubmission(ctx.actor, row.sub, trialRef, { hospitalOrgId: row.hospitalOrgId }, row.piUserId))
    throw notFound();
  const [view] = withClocks(ctx, [row]);
  const isEc = ctx.actor !== null && isEcRole(ctx.actor.role);
  const stops = submissionClockStopDetails(ctx.db, input.id);
  const audience = timelineAudienceOf(ctx.actor, row);
  const timeline = ctx.db
    .select({
      step: submissionEvents.step,
      fromState: submissionEvents.fromState,
      toState: submissionEvents.toState,
      actorName: users.name,
      actorRole: submissionEvents.actorRole,
      comment: submissionEvents.comment,
      detailJson: submissionEvents.detailJson,
      at: submissionEvents.at,
    })
    .from(submissionEvents)
    .leftJoin(users, eq(users.id, submissionEvents.actorUserId))
    .where(
      audience === 'committee'
        ? eq(submissionEvents.submissionId, input.id)
        : and(eq(submissionEvents.submissionId, input.id), eq(submissionEvents.isEcOnly, false)),
    )
    .orderBy(asc(submissionEvents.at), asc(submissionEvents.id))
    .all()
    // The flag keeps EC-only rows out in SQL; the table masks the rest event by event (actor, comment, detail).
    .map(({ detailJson, ...e }) =>
      timelineEventFor({ ...e, detail: detailJson ? (JSON.parse(detailJson) as unknown) : null }, audience),
    )
    .filter((e) => e !== null);
  // Votes and conflict declarations are the committee's alone (DESIGN §4.1): never in the applicant's or sponsor's view.
  const review = isEc && ctx.actor ? ecReviewOf(ctx.db, ctx.actor, row.sub, row.riskLevel) : undefined;
  // After 必要的修改后同意 the 批件 names the modified versions: it is not offered until they are verified.
  const modifications = modificationsStatus(ctx.db, row.sub);
  const availableSteps =
    modifications && modifications !== 'verified'
      ? view!.availableSteps.filter((s) => s !== 'issue_letter')
      : view!.availableSteps;
  return {
    ...view!,
    availableSteps,
    stops,
    timeline,
    /** The committee's 送审文件清单 for this type, with what is uploaded: the applicant prepares it, the EC screens. */
    screening: screeningStateOf(ctx.db, row.sub),
    ...(review ? { review } : {}),
  };
}

/** Who reads a submission's timeline: its committee, else the applicant side or the sponsor (SUBMISSION_EVENT_VISIBILITY). */
function timelineAudienceOf(actor: ActorRef | null, r: ViewRow): TimelineAudience {
  if (actor && isEcRole(actor.role)) return 'committee';
  const side = submissionSideOf(
    actor,
    r.sub,
    { sponsorOrgId: r.sponsorOrgId, croOrgId: r.croOrgId, type: r.trialType },
    { hospitalOrgId: r.hospitalOrgId },
    r.piUserId,
  );
  return side === 'applicant' ? 'applicant' : 'sponsor';
}

/**
 * EC-only: the votes (meeting and expedited) and the conflict declarations on a submission. A member recused for it
 * (a declared conflict) sees no individual vote: `isRecused` tells the web to say 已回避 instead.
 */
function ecReviewOf(db: Db, actor: ActorRef, sub: SubmissionRow, riskLevel: RiskLevel) {
  const procedures = committeeProcedures(db, sub.committeeId);
  const isRecused = isRecusedFrom(db, actor, sub);
  const conflicts = db
    .select({
      memberId: memberConflicts.memberId,
      memberName: committeeMembers.name,
      meetingId: memberConflicts.meetingId,
      reason: memberConflicts.reason,
      at: memberConflicts.createdAt,
    })
    .from(memberConflicts)
    .innerJoin(committeeMembers, eq(committeeMembers.id, memberConflicts.memberId))
    .where(
      sub.meetingId
        ? or(
            eq(memberConflicts.submissionId, sub.id),
            and(eq(memberConflicts.meetingId, sub.meetingId), isNull(memberConflicts.submissionId)),
          )
        : eq(memberConflicts.submissionId, sub.id),
    )
    .all();
  return {
    isRecused,
    expeditedViews: isRecused ? [] : votesOn(db, sub.id, null),
    meetingVotes: sub.meetingId && !isRecused ? votesOn(db, sub.id, sub.meetingId) : [],
    conflicts,
    /** The committee's rules as they apply here: why the expedited path is closed (null: open), the checklist. */
    expedited: {
      refusal: expeditedRefusal(procedures.expedited, sub.type, riskLevel),
      ceiling: expeditedRiskCeiling(procedures.expedited, sub.type),
      reviewers: procedures.expedited.reviewers,
      isDefault: procedures.isDefault,
    },
  };
}

/**
 * Public contract `submissions.list`: for an EC role, its committee's work queue (everything submitted to it,
 * never drafts); for a trial office its hospital's submissions; for a PI their sites'; for a sponsor its trials'.
 * Sorted overdue first, then by due date.
 */
export function listSubmissions({ ctx, input: raw }: { ctx: Ctx; input: SubmissionsListInput }) {
  const input = submissionsListInput.parse(raw);
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const scope: SQL[] = [];
  if (isEcRole(actor.role)) {
    if (!actor.committeeId) return [];
    scope.push(eq(submissions.committeeId, actor.committeeId), isNotNull(submissions.submittedAt));
  } else if (actor.role === 'site_admin') {
    scope.push(or(eq(trialSites.hospitalOrgId, actor.orgId), eq(trials.sponsorOrgId, actor.orgId))!);
  } else if (actor.role === 'investigator') {
    scope.push(eq(investigators.userId, actor.userId));
  } else if (actor.role === 'sponsor') {
    scope.push(or(eq(trials.sponsorOrgId, actor.orgId), eq(trials.croOrgId, actor.orgId))!);
  } else {
    throw forbidden('ROLE_REQUIRED');
  }
  if (input.state) scope.push(eq(submissions.state, input.state));
  if (input.trialId) scope.push(eq(submissions.trialId, input.trialId));
  if (input.trialSiteId) scope.push(eq(submissions.trialSiteId, input.trialSiteId));
  const rows = baseQuery(ctx.db)
    .where(and(...scope))
    .all()
    // The SQL scope is broad (an IIT sponsor hospital); the pure policy has the last word on every row.
    .filter((r) =>
      canReadSubmission(
        actor,
        r.sub,
        { sponsorOrgId: r.sponsorOrgId, croOrgId: r.croOrgId, type: r.trialType },
        { hospitalOrgId: r.hospitalOrgId },
        r.piUserId,
      ),
    );
  return withClocks(ctx, rows).sort(compareQueue);
}
