import { POLICIES, type UpdateUserInput } from '@ctp/contracts';
import { memberships, sessions, users } from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { loadMemberships } from '../auth/load-memberships.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotOwnAccount, loadUser } from './load-user.ts';
import { planMemberships } from './plan-memberships.ts';

const keyOf = (m: { orgId: string; role: string }) => `${m.orgId}\u0000${m.role}`;

/**
 * The admin edits a user's name and live memberships. A membership left out is revoked (never deleted: the audit
 * and old records name it) and every session acting in it ends; one added back is revived. The admin cannot take
 * away their own admin role.
 */
export function updateUser({ ctx, input }: { ctx: Ctx; input: UpdateUserInput }) {
  if (!POLICIES.administer.allows(ctx.actor)) throw forbidden();
  const user = loadUser(ctx.db, input.userId);
  const planned = planMemberships(ctx.db, input.memberships);
  if (ctx.actor?.userId === user.id && !planned.some((m) => m.role === 'admin')) {
    assertNotOwnAccount(ctx.actor.userId, user.id);
  }
  const current = loadMemberships(ctx.db, user.id);
  const wanted = new Set(planned.map(keyOf));
  const held = new Set(current.map(keyOf));
  const revoke = current.filter((m) => !wanted.has(keyOf(m)));
  const add = planned.filter((m) => !held.has(keyOf(m)));
  const name = input.name;
  if (name === user.name && revoke.length === 0 && add.length === 0) return { id: user.id, changed: false };
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    const renamed = tx
      .update(users)
      .set({ name, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.updatedAt, user.updatedAt)))
      .run().changes;
    if (renamed !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
    const revokedIds = revoke.map((m) => m.membershipId);
    let sessionsEnded = 0;
    if (revokedIds.length > 0) {
      tx.update(memberships).set({ revokedAt: now }).where(inArray(memberships.id, revokedIds)).run();
      sessionsEnded = tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(inArray(sessions.activeMembershipId, revokedIds), isNull(sessions.revokedAt)))
        .run().changes;
    }
    for (const m of add) {
      // The unique (user, org, role) row may exist revoked: revive it rather than insert a twin.
      const revived = tx
        .update(memberships)
        .set({ revokedAt: null, committeeId: m.committeeId })
        .where(and(eq(memberships.userId, user.id), eq(memberships.orgId, m.orgId), eq(memberships.role, m.role)))
        .run().changes;
      if (revived === 0) {
        tx.insert(memberships)
          .values({ id: newId(), userId: user.id, ...m, createdAt: now })
          .run();
      }
    }
    writeAuditEvent(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      before: { name: user.name, memberships: current.map((m) => ({ orgId: m.orgId, role: m.role })) },
      after: {
        name,
        memberships: planned.map((m) => ({ orgId: m.orgId, role: m.role })),
        revoked: revoke.map((m) => ({ orgId: m.orgId, role: m.role })),
        added: add.map((m) => ({ orgId: m.orgId, role: m.role })),
        sessionsEnded,
      },
    });
  });
  return { id: user.id, changed: true };
}
