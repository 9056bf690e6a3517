import type { NotificationKind, Role } from '@ctp/contracts';
import { memberships, notifications, type Tx } from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';

/**
 * Creates one notification per user holding one of `roles` in `orgId`, in the caller's transaction, so a
 * notification exists exactly when the change it announces does. `dedupeKey` makes reminders idempotent.
 */
export function notifyOrg(
  tx: Tx,
  target: { orgId: string; roles: Role[]; exceptUserId?: string; onlyUserIds?: string[] },
  n: Notice,
): number {
  const recipients = orgRecipients(tx, target);
  insertNotifications(tx, recipients, n);
  return recipients.length;
}

export type Notice = {
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  dedupeKey?: string;
  now: number;
};

/** The users holding one of `roles` in `orgId` now, each once. */
export function orgRecipients(
  tx: Tx,
  target: { orgId: string; roles: Role[]; exceptUserId?: string; onlyUserIds?: string[] },
): string[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, target.orgId), inArray(memberships.role, target.roles), isNull(memberships.revokedAt)),
    )
    .all()
    .map((r) => r.userId)
    .filter(
      (u, i, all) =>
        all.indexOf(u) === i && u !== target.exceptUserId && (!target.onlyUserIds || target.onlyUserIds.includes(u)),
    );
}

/** One notification per user; a dedupe key a user already has is skipped (the unique index decides). */
export function insertNotifications(tx: Tx, userIds: readonly string[], n: Notice): void {
  for (const userId of userIds) {
    tx.insert(notifications)
      .values({
        userId,
        kind: n.kind,
        paramsJson: JSON.stringify(n.params),
        link: n.link,
        dedupeKey: n.dedupeKey ?? null,
        createdAt: n.now,
      })
      .onConflictDoNothing()
      .run();
  }
}
