import { POLICIES, type SetUserDisabledInput } from '@ctp/contracts';
import { sessions, users } from '@ctp/db';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotOwnAccount, loadUser } from './load-user.ts';

/**
 * Disables or re-enables an account. Disabling ends every live session of the user at once (sign-in and session
 * lookup also refuse a disabled account). The update is conditional on the old state, so a second admin doing the
 * same meanwhile gets a clear refusal instead of a second audit row.
 */
export function setUserDisabled({ ctx, input }: { ctx: Ctx; input: SetUserDisabledInput }) {
  if (!POLICIES.administer.allows(ctx.actor)) throw forbidden();
  const user = loadUser(ctx.db, input.userId);
  assertNotOwnAccount(ctx.actor?.userId, user.id);
  if (input.disabled && user.disabledAt !== null) throw new DomainError('CONFLICT', 'USER_ALREADY_DISABLED');
  if (!input.disabled && user.disabledAt === null) throw new DomainError('CONFLICT', 'USER_NOT_DISABLED');
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(users)
      .set({ disabledAt: input.disabled ? now : null, updatedAt: now })
      .where(and(eq(users.id, user.id), input.disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)))
      .run().changes;
    if (changed !== 1)
      throw new DomainError('CONFLICT', input.disabled ? 'USER_ALREADY_DISABLED' : 'USER_NOT_DISABLED');
    const sessionsEnded = input.disabled
      ? tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)))
          .run().changes
      : 0;
    writeAuditEvent(tx, ctx, {
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled: input.disabled, sessionsEnded },
    });
  });
  return { id: user.id, disabled: input.disabled };
}
