import { keepsProviderProfile, POLICIES, type ProvidersUpdateInput, providersUpdateInput } from '@ctp/contracts';
import { organisations, providerProfiles, providerQualifications, type Tx } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { loadProviderRecord, type ProviderRecord } from './load-providers.ts';
import { rebuildProviderSearchDocument } from './provider-search-document.ts';

/** The profile as the audit row keeps it (before and after each change). */
function snapshotOf(r: ProviderRecord) {
  const { updatedAt: _updatedAt, ...rest } = r;
  return rest;
}

/** Writes the profile's qualifications and contacts as given (replacing the lists), and its search document. */
export function writeProviderProfile(
  tx: Tx,
  providerId: string,
  input: Omit<ProvidersUpdateInput, 'id' | 'version'>,
  meta: { now: number; userId: string | null; version: number },
): void {
  const written = tx
    .update(providerProfiles)
    .set({
      ...(input.categories && { categoriesJson: JSON.stringify([...new Set(input.categories)]) }),
      ...(input.districts && { districtsJson: JSON.stringify([...new Set(input.districts)]) }),
      ...(input.therapeuticAreas && { areasJson: JSON.stringify([...new Set(input.therapeuticAreas)]) }),
      ...(input.contacts && { contactsJson: JSON.stringify(input.contacts) }),
      ...(input.summary !== undefined && { summary: input.summary || null }),
      ...(input.website !== undefined && { website: input.website || null }),
      version: meta.version,
      updatedAt: meta.now,
      updatedBy: meta.userId,
    })
    // Conditional on the version read: a concurrent second writer changes nothing and gets CONFLICT.
    .where(and(eq(providerProfiles.orgId, providerId), eq(providerProfiles.version, meta.version - 1)))
    .run();
  if (written.changes !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (input.nameEn !== undefined)
    tx.update(organisations)
      .set({ nameEn: input.nameEn || null, updatedAt: meta.now })
      .where(eq(organisations.id, providerId))
      .run();
  if (input.qualifications) {
    tx.delete(providerQualifications).where(eq(providerQualifications.orgId, providerId)).run();
    for (const q of input.qualifications)
      tx.insert(providerQualifications)
        .values({
          id: newId(),
          orgId: providerId,
          kind: q.kind,
          number: q.number,
          issuedOn: q.issuedOn ?? null,
          expiresOn: q.expiresOn,
          scope: q.scope || null,
        })
        .run();
  }
  rebuildProviderSearchDocument(tx, providerId);
}

/**
 * A provider admin keeps its own provider's profile (issue 18): categories, coverage, contacts, qualifications.
 * Conditional on the version read, so a second writer gets CONFLICT; the whole profile before and after is audited.
 */
export function updateProvider({ ctx, input: raw }: { ctx: ActorCtx; input: ProvidersUpdateInput }): {
  version: number;
} {
  if (!POLICIES.keepProviderProfile.allows(ctx.actor)) throw forbidden();
  const input = providersUpdateInput.parse(raw);
  // Another provider's profile is refused before it is read: its existence is public, its keeping is not ours.
  if (!keepsProviderProfile(ctx.actor, input.id)) throw new DomainError('FORBIDDEN', 'PROVIDER_NOT_OWN');
  const before = loadProviderRecord(ctx.db, input.id);
  if (before.version !== input.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  const version = before.version + 1;
  const { id, version: _v, ...fields } = input;
  inTransaction(ctx.db, (tx) => {
    writeProviderProfile(tx, id, fields, { now: ctx.now(), userId: ctx.actor.userId, version });
    writeAuditEvent(tx, ctx, {
      action: 'provider.update',
      entityType: 'organisation',
      entityId: id,
      before: snapshotOf(before),
      after: snapshotOf(loadProviderRecord(tx, id)),
    });
  });
  return { version };
}
