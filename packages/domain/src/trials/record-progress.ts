import {
  MILESTONE_ORDER,
  MILESTONE_STEP,
  type MilestoneKey,
  mayRecordMilestone,
  type RecordableMilestone,
  recordEnrolmentInput,
  type SiteState,
  siteSideOf,
  term,
} from '@ctp/contracts';
import { type Tx, trialSiteEnrolment, trialSites } from '@ctp/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate, shanghaiMonth } from '../clock/dates.ts';
import type { ActorCtx, AuditCtx, Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { approvalValidUntil } from './approval-validity.ts';
import { applySiteStep, assertMilestoneOrder, assertSiteTransition, MILESTONE_COLUMN } from './site-lifecycle.ts';
import { loadSiteWithTrial, type TrialSiteRow } from './trial-access.ts';

function assertNotFuture(date: string, now: number) {
  if (date > shanghaiDate(now))
    throw new DomainError('VALIDATION', 'DATE_IN_FUTURE', {
      fieldErrors: [{ path: 'date', message: 'DATE_IN_FUTURE' }],
    });
}

/**
 * Public contract `trialSites.recordMilestone`: records a milestone date (contract, SIV, first/last patient in,
 * close), by the side its step names in SITE_TRANSITIONS. A first recording moves the site through the lifecycle; a
 * later one corrects the date (same side only), keeping the order of milestones. Never a date in the future; no first patient before the SIV.
 */
export function recordMilestone({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { trialSiteId: string; milestone: RecordableMilestone; date: string };
}): void {
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  const side = siteSideOf(ctx.actor, trial, site, piUserId);
  if (!side) throw forbidden();
  assertNotFuture(input.date, ctx.now());
  const column = MILESTONE_COLUMN[input.milestone];
  const existing = site[column] as string | null;
  const step = MILESTONE_STEP[input.milestone];
  assertMilestoneOrder(site, input.milestone, input.date);
  const now = ctx.now();
  if (existing === null) {
    assertSiteTransition(step, site.state, side);
    inTransaction(ctx.db, (tx) =>
      applySiteStep(tx, ctx, site, step, { date: input.date, now, action: 'site.record_milestone' }),
    );
    return;
  }
  // A correction: by the side that records this milestone only (a sponsor never rewrites a site's dates), and
  // still no later than the next milestone already recorded.
  if (!mayRecordMilestone(input.milestone, side)) throw forbidden('ROLE_REQUIRED');
  const next = MILESTONE_ORDER.slice(MILESTONE_ORDER.indexOf(input.milestone) + 1).find(
    (m) => site[MILESTONE_COLUMN[m]],
  );
  if (next && input.date > (site[MILESTONE_COLUMN[next]] as string)) {
    throw new DomainError('VALIDATION', 'MILESTONE_ORDER', {
      params: {
        milestone: term('milestones', next),
        previous: term('milestones', input.milestone),
        date: input.date,
      },
      fieldErrors: [{ path: 'date', message: 'MILESTONE_ORDER' }],
    });
  }
  inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(trialSites)
      .set({ [column]: input.date, updatedAt: now, version: site.version + 1 })
      .where(and(eq(trialSites.id, site.id), eq(trialSites.version, site.version)))
      .run().changes;
    if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeAuditEvent(tx, ctx, {
      action: 'site.record_milestone',
      entityType: 'trial_site',
      entityId: site.id,
      before: { [input.milestone]: existing },
      after: { [input.milestone]: input.date, correction: true },
    });
  });
}

const ENROLMENT_STATES: SiteState[] = ['enrolling', 'enrolment_closed', 'closed'];

/**
 * The running totals once this month's counts replace the month's saved ones: enrolled ≤ screened and
 * withdrawn ≤ enrolled hold over the trial so far, not within one month (a patient screened in April may be
 * enrolled in May, and withdraw in July).
 */
function assertRunningTotals(
  db: Ctx['db'],
  siteId: string,
  input: { month: string; screened: number; enrolled: number; withdrawn: number },
) {
  const others = db
    .select({
      screened: sql<number>`coalesce(sum(${trialSiteEnrolment.screened}), 0)`,
      enrolled: sql<number>`coalesce(sum(${trialSiteEnrolment.enrolled}), 0)`,
      withdrawn: sql<number>`coalesce(sum(${trialSiteEnrolment.withdrawn}), 0)`,
    })
    .from(trialSiteEnrolment)
    .where(and(eq(trialSiteEnrolment.trialSiteId, siteId), ne(trialSiteEnrolment.month, input.month)))
    .get();
  const screened = (others?.screened ?? 0) + input.screened;
  const enrolled = (others?.enrolled ?? 0) + input.enrolled;
  const withdrawn = (others?.withdrawn ?? 0) + input.withdrawn;
  if (enrolled > screened)
    throw new DomainError('VALIDATION', 'ENROLLED_EXCEEDS_SCREENED', {
      params: { enrolled, screened },
      fieldErrors: [{ path: 'enrolled', message: 'ENROLLED_EXCEEDS_SCREENED' }],
    });
  if (withdrawn > enrolled)
    throw new DomainError('VALIDATION', 'WITHDRAWN_EXCEEDS_ENROLLED', {
      params: { withdrawn, enrolled },
      fieldErrors: [{ path: 'withdrawn', message: 'WITHDRAWN_EXCEEDS_ENROLLED' }],
    });
}

/**
 * Public contract `trialSites.recordEnrolment`: a month's counts (never patient data), enrolled ≤ screened to date;
 * the counts are the month's own (the totals are their sum); recording lower numbers than saved for a month is a correction and needs a reason (audited with before/after).
 * A suspended or terminated site records nothing.
 */
export function recordEnrolment({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof recordEnrolmentInput>;
}): void {
  const input = recordEnrolmentInput.parse(raw);
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  if (siteSideOf(ctx.actor, trial, site, piUserId) !== 'site') throw forbidden();
  if (!ENROLMENT_STATES.includes(site.state) || !site.fpiDate)
    throw new DomainError('PRECONDITION_FAILED', 'ENROLMENT_NOT_STARTED');
  const now = ctx.now();
  // An approval past its continuing-review date blocks enrolment until the committee renews it (issue 5).
  const validUntil = approvalValidUntil(ctx.db, site.id);
  if (validUntil && validUntil < shanghaiDate(now)) {
    throw new DomainError('PRECONDITION_FAILED', 'APPROVAL_EXPIRED', { params: { date: validUntil } });
  }
  if (input.month > shanghaiMonth(now))
    throw new DomainError('VALIDATION', 'MONTH_IN_FUTURE', {
      fieldErrors: [{ path: 'month', message: 'MONTH_IN_FUTURE' }],
    });
  if (input.month < site.fpiDate.slice(0, 7)) {
    throw new DomainError('VALIDATION', 'MONTH_BEFORE_FPI', {
      params: { month: site.fpiDate.slice(0, 7) },
      fieldErrors: [{ path: 'month', message: 'MONTH_BEFORE_FPI' }],
    });
  }
  const where = and(eq(trialSiteEnrolment.trialSiteId, site.id), eq(trialSiteEnrolment.month, input.month));
  const previous = ctx.db.select().from(trialSiteEnrolment).where(where).get();
  const lowered =
    previous && (['screened', 'enrolled', 'screenFailures', 'withdrawn'] as const).some((k) => input[k] < previous[k]);
  if (lowered && !input.correctionReason) {
    throw new DomainError('VALIDATION', 'ENROLMENT_DECREASE_NEEDS_REASON', {
      params: { month: input.month },
      fieldErrors: [{ path: 'correctionReason', message: 'ENROLMENT_DECREASE_NEEDS_REASON' }],
    });
  }
  assertRunningTotals(ctx.db, site.id, input);
  const values = {
    screened: input.screened,
    enrolled: input.enrolled,
    screenFailures: input.screenFailures,
    withdrawn: input.withdrawn,
    correctionReason: input.correctionReason ?? null,
    recordedBy: ctx.actor.userId,
    recordedAt: now,
  };
  // The audit row carries the counts; who recorded them and when are the row's own actor and time.
  const { recordedBy: _by, recordedAt: _at, ...counts } = values;
  inTransaction(ctx.db, (tx) => {
    if (previous) tx.update(trialSiteEnrolment).set(values).where(where).run();
    else
      tx.insert(trialSiteEnrolment)
        .values({ trialSiteId: site.id, month: input.month, ...values })
        .run();
    writeAuditEvent(tx, ctx, {
      action: 'site.record_enrolment',
      entityType: 'trial_site',
      entityId: site.id,
      before: previous
        ? {
            month: previous.month,
            screened: previous.screened,
            enrolled: previous.enrolled,
            screenFailures: previous.screenFailures,
            withdrawn: previous.withdrawn,
          }
        : undefined,
      after: { month: input.month, ...counts },
    });
  });
}

/** Suspend, resume or terminate a running site (the sponsor; the ethics workflow through its own functions). */
export function transitionSite({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { trialSiteId: string; step: 'suspend' | 'resume' | 'terminate'; reason: string };
}): void {
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  const side = siteSideOf(ctx.actor, trial, site, piUserId);
  assertSiteTransition(input.step, site.state, side);
  const now = ctx.now();
  inTransaction(ctx.db, (tx) =>
    applySiteStep(tx, ctx, site, input.step, {
      now,
      reason: input.reason,
      date: input.step === 'terminate' ? shanghaiDate(now) : undefined,
    }),
  );
}

/**
 * The two ethics steps of the site lifecycle. Only the ethics workflow calls these, inside its own transaction
 * (a submission accepted, an approval or recognition decided); no form or procedure reaches them directly.
 */
export function markEthicsSubmitted(
  tx: Tx,
  ctx: AuditCtx,
  site: TrialSiteRow,
  date: string,
  now: number,
): TrialSiteRow {
  assertSiteTransition('submit_ethics', site.state, 'ethics');
  return applySiteStep(tx, ctx, site, 'submit_ethics', { date, now });
}

export function markEthicsApproved(tx: Tx, ctx: AuditCtx, site: TrialSiteRow, date: string, now: number): TrialSiteRow {
  assertSiteTransition('approve_ethics', site.state, 'ethics');
  assertMilestoneOrder(site, 'ethicsApproved' satisfies MilestoneKey, date);
  return applySiteStep(tx, ctx, site, 'approve_ethics', { date, now });
}
