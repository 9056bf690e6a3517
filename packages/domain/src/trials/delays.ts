import {
  type DelayAttribution,
  type DelayReason,
  type DelayStage,
  delayHistoryInput,
  isDelayed,
  mayRecordDelay,
  POLICIES,
  RUNNING_SITE_STATES,
  recordDelayInput,
  type SiteState,
  type StageStatus,
  siteSideOf,
  stageStatuses,
} from '@ctp/contracts';
import { type Db, trialSiteDelays, users } from '@ctp/db';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { canReadTrial } from './policy.ts';
import { loadSiteWithTrial, type TrialSiteRow } from './trial-access.ts';

type SiteDates = Pick<TrialSiteRow, 'state' | 'selectedDate' | 'ethicsApprovedDate' | 'sivDate' | 'fpiDate'>;

/** The stage targets of a site on a date: a stage becomes overdue only while the site is running. */
export function siteStageStatuses(site: SiteDates, today: string): StageStatus[] {
  return stageStatuses(
    { selected: site.selectedDate, ethicsApproved: site.ethicsApprovedDate, siv: site.sivDate, fpi: site.fpiDate },
    today,
    (RUNNING_SITE_STATES as readonly SiteState[]).includes(site.state),
  );
}

export type DelayRecord = {
  id: number;
  stage: DelayStage;
  reason: DelayReason;
  attribution: DelayAttribution;
  note: string | null;
  recordedBySide: 'site' | 'sponsor';
  recordedByName: string;
  recordedAt: number;
};

/** Every recorded delay reason of these sites, oldest first. */
export function delayRecordsOf(db: Pick<Db, 'select'>, trialSiteIds: string[]): Map<string, DelayRecord[]> {
  const out = new Map<string, DelayRecord[]>();
  if (!trialSiteIds.length) return out;
  const rows = db
    .select({ d: trialSiteDelays, name: users.name })
    .from(trialSiteDelays)
    .innerJoin(users, eq(users.id, trialSiteDelays.recordedBy))
    .where(inArray(trialSiteDelays.trialSiteId, trialSiteIds))
    .orderBy(asc(trialSiteDelays.recordedAt), asc(trialSiteDelays.id))
    .all();
  for (const { d, name } of rows)
    out.set(d.trialSiteId, [
      ...(out.get(d.trialSiteId) ?? []),
      {
        id: d.id,
        stage: d.stage,
        reason: d.reason,
        attribution: d.attribution,
        note: d.note,
        recordedBySide: d.recordedBySide,
        recordedByName: name,
        recordedAt: d.recordedAt,
      },
    ]);
  return out;
}

/** The board's view of a site's delays: each missed or overdue stage with its current reason (newest record). */
export function delaysView(site: SiteDates, today: string, records: DelayRecord[]) {
  return siteStageStatuses(site, today)
    .filter(isDelayed)
    .map((s) => {
      const own = records.filter((r) => r.stage === s.stage);
      return { ...s, current: own.at(-1) ?? null, recordedCount: own.length };
    });
}

/**
 * Public contract `trialSites.recordDelay`: why a site missed (or is overdue on) a stage target, and whose delay it
 * is. The hospital's trial office or the trial's sponsor records it; a new record supersedes the previous one and
 * both are kept. Only for a stage that missed its target or is overdue.
 */
export function recordDelay({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof recordDelayInput> }) {
  if (!POLICIES.recordDelays.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = recordDelayInput.parse(raw);
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  const side = siteSideOf(ctx.actor, trial, site, piUserId);
  if (!mayRecordDelay(ctx.actor, side)) throw forbidden();
  const now = ctx.now();
  const stage = siteStageStatuses(site, shanghaiDate(now)).find((s) => s.stage === input.stage);
  if (!stage || !isDelayed(stage))
    throw new DomainError('PRECONDITION_FAILED', 'STAGE_NOT_DELAYED', {
      fieldErrors: [{ path: 'stage', message: 'STAGE_NOT_DELAYED' }],
    });
  const previous = ctx.db
    .select()
    .from(trialSiteDelays)
    .where(eq(trialSiteDelays.trialSiteId, site.id))
    .orderBy(desc(trialSiteDelays.recordedAt), desc(trialSiteDelays.id))
    .all()
    .find((d) => d.stage === input.stage);
  return inTransaction(ctx.db, (tx) => {
    const row = tx
      .insert(trialSiteDelays)
      .values({
        trialSiteId: site.id,
        stage: input.stage,
        reason: input.reason,
        attribution: input.attribution,
        note: input.note ?? null,
        recordedBySide: side,
        recordedBy: ctx.actor.userId,
        recordedAt: now,
      })
      .returning({ id: trialSiteDelays.id })
      .get();
    writeAuditEvent(tx, ctx, {
      action: 'site.record_delay',
      entityType: 'trial_site',
      entityId: site.id,
      before: previous
        ? { stage: previous.stage, reason: previous.reason, attribution: previous.attribution, note: previous.note }
        : undefined,
      after: {
        stage: input.stage,
        status: stage.status,
        targetDate: stage.targetDate,
        daysLate: stage.daysLate,
        reason: input.reason,
        attribution: input.attribution,
        note: input.note ?? null,
        side,
      },
    });
    return { id: row.id };
  });
}

/** `trialSites.delays`: a site's stage targets and the full history of its delay reasons. */
export function listSiteDelays({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof delayHistoryInput> }) {
  const input = delayHistoryInput.parse(raw);
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  if (!canReadTrial(ctx.actor, trial, [site.hospitalOrgId], [piUserId])) throw notFound();
  const today = shanghaiDate(ctx.now());
  return {
    stages: siteStageStatuses(site, today),
    history: (delayRecordsOf(ctx.db, [site.id]).get(site.id) ?? []).reverse(),
  };
}
