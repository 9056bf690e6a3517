import type { NotificationKind, Role } from '@ctp/contracts';
import { memberships, notifications, type Tx } from '@ctp/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

type Target = { orgId: string; roles: Role[]; exceptUserId?: string; onlyUserIds?: string[] };
type Notice = {
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  dedupeKey?: string;
  now: number;
};

/**
 * Creates one notification per user holding one of `roles` in `orgId`, in the caller's transaction, so a
 * notification exists exactly when the change it announces does. `dedupeKey` makes reminders idempotent.
 */
export function notifyOrg(tx: Tx, target: Target, n: Notice): number {
  return notifier(tx)(target, n);
}

/**
 * `notifyOrg` for many notifications in one transaction (the reminder sweep): the recipients of an organisation and
 * roles are looked up once, and the insert is prepared once. At national scale the sweep notifies for tens of
 * thousands of overdue sites; building two queries per site held the event loop for tens of seconds (issue 16).
 * Memberships do not change inside the caller's transaction, so the remembered recipients stay true.
 */
export function notifier(tx: Tx): (target: Target, n: Notice) => number {
  const recipientsOf = new Map<string, string[]>();
  const insert = tx
    .insert(notifications)
    .values({
      userId: sql.placeholder('userId'),
      kind: sql.placeholder('kind'),
      paramsJson: sql.placeholder('paramsJson'),
      link: sql.placeholder('link'),
      dedupeKey: sql.placeholder('dedupeKey'),
      createdAt: sql.placeholder('createdAt'),
    } as never)
    .onConflictDoNothing()
    .prepare();
  return (target, n) => {
    const key = `${target.orgId}\u0000${[...target.roles].sort().join(',')}`;
    let members = recipientsOf.get(key);
    if (!members) {
      members = [
        ...new Set(
          tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(
              and(
                eq(memberships.orgId, target.orgId),
                inArray(memberships.role, target.roles),
                isNull(memberships.revokedAt),
              ),
            )
            .all()
            .map((r) => r.userId),
        ),
      ];
      recipientsOf.set(key, members);
    }
    const recipients = members.filter(
      (u) => u !== target.exceptUserId && (!target.onlyUserIds || target.onlyUserIds.includes(u)),
    );
    for (const userId of recipients)
      insert.run({
        userId,
        kind: n.kind,
        paramsJson: JSON.stringify(n.params),
        link: n.link,
        dedupeKey: n.dedupeKey ?? null,
        createdAt: n.now,
      });
    return recipients.length;
  };
}
