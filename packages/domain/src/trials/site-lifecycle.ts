import {
  checkTransition,
  type MessageTerm,
  MILESTONE_ORDER,
  type MilestoneKey,
  SITE_TRANSITIONS,
  type SiteActor,
  type SiteState,
  type SiteStep,
  term,
  transitionOf as transitionOfTable,
} from '@ctp/contracts';
import { type Tx, trialSites } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { TrialSiteRow } from './trial-access.ts';

type Transition = (typeof SITE_TRANSITIONS)[number];

export const MILESTONE_COLUMN: Record<MilestoneKey, keyof TrialSiteRow> = {
  selected: 'selectedDate',
  ethicsSubmitted: 'ethicsSubmittedDate',
  ethicsApproved: 'ethicsApprovedDate',
  contractSigned: 'contractSignedDate',
  siv: 'sivDate',
  fpi: 'fpiDate',
  lpi: 'lpiDate',
  closed: 'closedDate',
};

export function transitionOf(step: SiteStep): Transition {
  return transitionOfTable(SITE_TRANSITIONS, step);
}

/** Pure: is `step` possible from `state` for this side? Throws the precise reason when not. */
export function assertSiteTransition(step: SiteStep, state: SiteState, side: SiteActor | null): Transition {
  const check = checkTransition(SITE_TRANSITIONS, step, state, side);
  if (check.ok) return check.transition;
  if (check.reason === 'role') throw new DomainError('FORBIDDEN', 'ROLE_REQUIRED');
  throw new DomainError('INVALID_TRANSITION', 'SITE_STEP_NOT_ALLOWED', {
    params: { state: stateLabel(state) },
  });
}

/** A site's state as a message names it: worded in the reader's language when the error is mapped. */
export const stateLabel = (state: SiteState): MessageTerm => term('siteStates', state);

/**
 * Milestone dates must follow the lifecycle: each on or after the latest earlier milestone the site has
 * (no first patient before the SIV, no SIV before the contract…).
 */
export function assertMilestoneOrder(site: TrialSiteRow, milestone: MilestoneKey, date: string): void {
  const idx = MILESTONE_ORDER.indexOf(milestone);
  for (let i = idx - 1; i >= 0; i--) {
    const prev = MILESTONE_ORDER[i]!;
    const prevDate = site[MILESTONE_COLUMN[prev]] as string | null;
    if (prevDate && date < prevDate) {
      throw new DomainError('VALIDATION', 'MILESTONE_ORDER', {
        params: { milestone: term('milestones', milestone), previous: term('milestones', prev), date: prevDate },
        fieldErrors: [{ path: 'date', message: 'MILESTONE_ORDER' }],
      });
    }
    if (prevDate) return;
  }
}

/**
 * Moves a site one step, inside the caller's transaction: conditional on the state and version read, so a
 * concurrent second writer gets a CONFLICT; records the step's milestone date and an audit row.
 */
export function applySiteStep(
  tx: Tx,
  ctx: AuditCtx,
  site: TrialSiteRow,
  step: SiteStep,
  opts: { date?: string; reason?: string; action?: 'site.select' | 'site.record_milestone'; now: number },
): TrialSiteRow {
  const t = transitionOf(step);
  const to: SiteState = t.to === 'previous' ? (site.stateBeforeSuspension ?? 'selected') : t.to;
  const milestone = 'milestone' in t ? (t.milestone as MilestoneKey) : undefined;
  const patch: Partial<TrialSiteRow> = {
    state: to,
    stateChangedAt: opts.now,
    updatedAt: opts.now,
    version: site.version + 1,
    stateBeforeSuspension: to === 'suspended' ? site.state : null,
  };
  if (milestone && opts.date) (patch as Record<string, unknown>)[MILESTONE_COLUMN[milestone]] = opts.date;
  const updated = tx
    .update(trialSites)
    .set(patch)
    .where(and(eq(trialSites.id, site.id), eq(trialSites.state, site.state), eq(trialSites.version, site.version)))
    .returning()
    .get();
  if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
  writeAuditEvent(tx, ctx, {
    action: opts.action ?? 'site.transition',
    entityType: 'trial_site',
    entityId: site.id,
    before: { state: site.state },
    after: {
      state: to,
      step,
      ...(milestone && opts.date ? { [milestone]: opts.date } : {}),
      ...(opts.reason ? { reason: opts.reason } : {}),
    },
  });
  return updated;
}
