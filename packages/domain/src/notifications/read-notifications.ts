import { notifications } from '@ctp/db';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';

/** The actor's own notifications, newest first, with the unread count. */
export function listNotifications({ ctx, input }: { ctx: Ctx; input: { limit: number; unreadOnly?: boolean } }) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const mine = eq(notifications.userId, actor.userId);
  const items = ctx.db
    .select()
    .from(notifications)
    .where(and(mine, input.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.id))
    .limit(input.limit)
    .all()
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      params: JSON.parse(n.paramsJson) as Record<string, string | number>,
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
    }));
  const unread =
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt)))
      .get()?.n ?? 0;
  return { items, unread };
}

/**
 * Marks the actor's notifications read (given ids, or all). Reading a notification is the user's own bookkeeping,
 * not a change to a regulated record, so it is not written to the audit chain.
 */
export function markNotificationsRead({ ctx, input }: { ctx: Ctx; input: { ids?: number[] } }): { updated: number } {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx.db, (tx) => ({
    updated: tx
      .update(notifications)
      .set({ readAt: ctx.now() })
      .where(
        and(
          eq(notifications.userId, actor.userId),
          isNull(notifications.readAt),
          input.ids ? inArray(notifications.id, input.ids) : undefined,
        ),
      )
      .run().changes,
  }));
}
