import { POLICIES, type ShortlistQuery } from '@ctp/contracts';
import { organisations, shortlistItems, shortlists } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Actor, ActorCtx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { loadOwnShortlist } from './shortlist-access.ts';
import { storedQuery } from './shortlist-query.ts';

function sponsor(ctx: ActorCtx): Actor {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  return ctx.actor;
}

export function createShortlist({ ctx, input }: { ctx: ActorCtx; input: { name: string } }): { id: string } {
  const actor = sponsor(ctx);
  const id = newId();
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    tx.insert(shortlists)
      .values({ id, orgId: actor.orgId, name: input.name, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.create',
      entityType: 'shortlist',
      entityId: id,
      after: { name: input.name },
    });
  });
  return { id };
}

export function renameShortlist({ ctx, input }: { ctx: ActorCtx; input: { id: string; name: string } }): void {
  const list = loadOwnShortlist(ctx.db, sponsor(ctx), input.id);
  inTransaction(ctx.db, (tx) => {
    tx.update(shortlists).set({ name: input.name, updatedAt: ctx.now() }).where(eq(shortlists.id, list.id)).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.rename',
      entityType: 'shortlist',
      entityId: list.id,
      before: { name: list.name },
      after: { name: input.name },
    });
  });
}

/** Archiving hides a list; its items stay, so nothing a user entered is lost. */
export function archiveShortlist({ ctx, input }: { ctx: ActorCtx; input: { id: string } }): void {
  const list = loadOwnShortlist(ctx.db, sponsor(ctx), input.id);
  inTransaction(ctx.db, (tx) => {
    tx.update(shortlists).set({ archivedAt: ctx.now(), updatedAt: ctx.now() }).where(eq(shortlists.id, list.id)).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.archive',
      entityType: 'shortlist',
      entityId: list.id,
      before: { name: list.name },
    });
  });
}

export function addToShortlist({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  /** `query`: the search the hospital was found with; the list scores and explains it against that search. */
  input: { shortlistId: string; hospitalId: string; note?: string; query?: ShortlistQuery };
}): void {
  const actor = sponsor(ctx);
  const queryJson = storedQuery(input.query);
  const list = loadOwnShortlist(ctx.db, actor, input.shortlistId);
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, input.hospitalId)).get();
  if (hospital?.kind !== 'hospital') {
    throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND', {
      fieldErrors: [{ path: 'hospitalId', message: 'ORG_NOT_FOUND' }],
    });
  }
  const existing = ctx.db
    .select()
    .from(shortlistItems)
    .where(and(eq(shortlistItems.shortlistId, list.id), eq(shortlistItems.hospitalOrgId, hospital.id)))
    .get();
  if (existing) throw new DomainError('CONFLICT', 'ALREADY_ON_SHORTLIST');
  inTransaction(ctx.db, (tx) => {
    tx.insert(shortlistItems)
      .values({
        shortlistId: list.id,
        hospitalOrgId: hospital.id,
        note: input.note ?? null,
        queryJson,
        addedBy: actor.userId,
        addedAt: ctx.now(),
      })
      .run();
    tx.update(shortlists).set({ updatedAt: ctx.now() }).where(eq(shortlists.id, list.id)).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.add_item',
      entityType: 'shortlist',
      entityId: list.id,
      after: { hospitalId: hospital.id, note: input.note ?? null, query: queryJson ? JSON.parse(queryJson) : null },
    });
  });
}

export function updateShortlistNote({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  input: { shortlistId: string; hospitalId: string; note?: string };
}): void {
  const list = loadOwnShortlist(ctx.db, sponsor(ctx), input.shortlistId);
  const where = and(eq(shortlistItems.shortlistId, list.id), eq(shortlistItems.hospitalOrgId, input.hospitalId));
  const item = ctx.db.select().from(shortlistItems).where(where).get();
  if (!item) throw new DomainError('NOT_FOUND', 'NOT_FOUND');
  inTransaction(ctx.db, (tx) => {
    tx.update(shortlistItems)
      .set({ note: input.note ?? null })
      .where(where)
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.update_item',
      entityType: 'shortlist',
      entityId: list.id,
      before: { hospitalId: item.hospitalOrgId, note: item.note },
      after: { hospitalId: item.hospitalOrgId, note: input.note ?? null },
    });
  });
}

/** Removing a hospital keeps its note in the audit row's `before`, so the user's words are not lost. */
export function removeFromShortlist({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  input: { shortlistId: string; hospitalId: string };
}): void {
  const list = loadOwnShortlist(ctx.db, sponsor(ctx), input.shortlistId);
  const where = and(eq(shortlistItems.shortlistId, list.id), eq(shortlistItems.hospitalOrgId, input.hospitalId));
  const item = ctx.db.select().from(shortlistItems).where(where).get();
  if (!item) throw new DomainError('NOT_FOUND', 'NOT_FOUND');
  inTransaction(ctx.db, (tx) => {
    tx.delete(shortlistItems).where(where).run();
    writeAuditEvent(tx, ctx, {
      action: 'shortlist.remove_item',
      entityType: 'shortlist',
      entityId: list.id,
      before: { hospitalId: item.hospitalOrgId, note: item.note },
    });
  });
}
