import { POLICIES, type ShortlistedProvider } from '@ctp/contracts';
import { organisations, shortlistProviders, shortlists } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { loadOwnShortlist } from '../shortlists/shortlist-access.ts';
import { inTransaction } from '../transaction.ts';
import { loadProviderRecords, toListItem } from './load-providers.ts';

function assertProvider(ctx: Ctx, providerId: string) {
  const org = ctx.db.select().from(organisations).where(eq(organisations.id, providerId)).get();
  if (org?.kind !== 'provider')
    throw new DomainError('NOT_FOUND', 'PROVIDER_NOT_FOUND', {
      fieldErrors: [{ path: 'providerId', message: 'PROVIDER_NOT_FOUND' }],
    });
}

/** A sponsor puts a provider on one of its own shortlists, beside the hospitals (issue 18). */
export function shortlistProvider({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  input: { shortlistId: string; providerId: string; note?: string };
}): void {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  const list = loadOwnShortlist(ctx.db, ctx.actor, input.shortlistId);
  assertProvider(ctx, input.providerId);
  const where = and(
    eq(shortlistProviders.shortlistId, list.id),
    eq(shortlistProviders.providerOrgId, input.providerId),
  );
  if (ctx.db.select().from(shortlistProviders).where(where).get())
    throw new DomainError('CONFLICT', 'ALREADY_ON_SHORTLIST');
  const note = input.note || null;
  inTransaction(ctx.db, (tx) => {
    tx.insert(shortlistProviders)
      .values({
        shortlistId: list.id,
        providerOrgId: input.providerId,
        note,
        addedBy: ctx.actor.userId,
        addedAt: ctx.now(),
      })
      .run();
    tx.update(shortlists).set({ updatedAt: ctx.now() }).where(eq(shortlists.id, list.id)).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.add_provider',
      entityType: 'shortlist',
      entityId: list.id,
      after: { providerId: input.providerId, note },
    });
  });
}

/** Removing keeps the note in the audit row's `before`, so the user's words are not lost. */
export function unshortlistProvider({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { shortlistId: string; providerId: string };
}): void {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  const list = loadOwnShortlist(ctx.db, ctx.actor, input.shortlistId);
  const where = and(
    eq(shortlistProviders.shortlistId, list.id),
    eq(shortlistProviders.providerOrgId, input.providerId),
  );
  const item = ctx.db.select().from(shortlistProviders).where(where).get();
  if (!item) throw notFound();
  inTransaction(ctx.db, (tx) => {
    tx.delete(shortlistProviders).where(where).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.remove_provider',
      entityType: 'shortlist',
      entityId: list.id,
      before: { providerId: item.providerOrgId, note: item.note },
    });
  });
}

/** The providers on one of the sponsor's own shortlists, with their qualification flags. */
export function shortlistedProviders({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { shortlistId: string };
}): ShortlistedProvider[] {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  const list = loadOwnShortlist(ctx.db, ctx.actor, input.shortlistId);
  const items = ctx.db.select().from(shortlistProviders).where(eq(shortlistProviders.shortlistId, list.id)).all();
  const today = shanghaiDate(ctx.now());
  const byId = new Map(items.map((i) => [i.providerOrgId, i]));
  return loadProviderRecords(
    ctx.db,
    items.map((i) => i.providerOrgId),
  ).map((r) => ({ ...toListItem(r, today), note: byId.get(r.id)!.note, addedAt: byId.get(r.id)!.addedAt }));
}
