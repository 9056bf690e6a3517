import { type AuditAction, canEditHospital, POLICIES, shanghaiToday } from '@ctp/contracts';
import type { Tx } from '@ctp/db';
import { type AuditEntryOf, writeAuditEvent } from '../audit/write-audit-event.ts';
import { rebuildHospitalSearchDocument } from '../capacity/search-document.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';

/** Role first (before anything is read), so a sponsor learns nothing from a refusal. */
export function authoriseProfileEdit(ctx: Ctx): void {
  if (!POLICIES.editHospitalProfile.allows(ctx.actor)) throw forbidden();
}

/** Resource level: the site admin of this hospital only (ARCHITECTURE: "own hospital only" lives in the use-case). */
export function authoriseHospital(ctx: Ctx, hospitalId: string): void {
  authoriseProfileEdit(ctx);
  if (!canEditHospital(ctx.actor, hospitalId)) throw forbidden('NOT_OWN_HOSPITAL');
}

/** Filing and training dates cannot lie ahead of today in Nanjing; each offending field gets its own error. */
export function refuseFutureDates(now: number, dates: Record<string, string | null | undefined>): void {
  const today = shanghaiToday(now);
  const late = Object.entries(dates).filter(([, d]) => typeof d === 'string' && d > today);
  if (late.length) {
    throw new DomainError('VALIDATION', 'DATE_IN_FUTURE', {
      fieldErrors: late.map(([path]) => ({ path, message: 'DATE_IN_FUTURE' })),
    });
  }
}

/**
 * The tail of every profile mutation, inside its transaction: the audit row carries the hospital as its
 * organisation (the profile's change history reads by it), and the search document is rebuilt so search never
 * disagrees with the profile.
 */
export function auditProfileChange<A extends AuditAction>(
  tx: Tx,
  ctx: Ctx,
  hospitalId: string,
  entry: AuditEntryOf<A> & { orgId?: never },
): void {
  writeAuditEvent<A>(tx, ctx, { ...entry, orgId: hospitalId });
  rebuildHospitalSearchDocument(tx, hospitalId);
}

/** The keys whose values differ between two snapshots (for audit diffs and the change history). */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) => k !== 'version' && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

/** Only the fields that change, with the version on both sides. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T>; keys: string[] } {
  const keys = changedKeys(before, after);
  const pick = (o: T) =>
    Object.fromEntries([...keys, 'version'].filter((k) => k in o).map((k) => [k, o[k]])) as Partial<T>;
  return { before: pick(before), after: pick(after), keys };
}
