import { sessions, users } from '@ctp/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotThrottled } from './assert-not-throttled.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Changes the signed-in user's password and signs out every other session of theirs. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { currentPassword: string; newPassword: string };
}): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'NOT_SIGNED_IN');
  const user = ctx.db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw new DomainError('UNAUTHENTICATED', 'NOT_SIGNED_IN');
  // The same backoff as sign-in, per account and address: a stolen session cannot guess the password at speed.
  const throttleKey = `password-change:${user.id}`;
  assertNotThrottled(ctx.services.loginThrottle, throttleKey, ctx.ip);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    ctx.services.loginThrottle.recordFailure(throttleKey, ctx.ip);
    // A refused attempt is a security event the account's owner and the admin must be able to see.
    inTransaction(ctx.db, (tx) =>
      writeAuditEvent(tx, ctx, {
        action: 'auth.password_change_failed',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'WRONG_CURRENT_PASSWORD', ip: ctx.ip },
      }),
    );
    throw new DomainError('VALIDATION', 'WRONG_CURRENT_PASSWORD', {
      fieldErrors: [{ path: 'currentPassword', message: 'WRONG_CURRENT_PASSWORD' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('VALIDATION', 'PASSWORD_REUSED', {
      fieldErrors: [{ path: 'newPassword', message: 'PASSWORD_REUSED' }],
    });
  }
  ctx.services.loginThrottle.recordSuccess(throttleKey, ctx.ip);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id)).run();
    const revoked = tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, actor.sessionId), isNull(sessions.revokedAt)))
      .run().changes;
    // The hash itself is never written to the audit: only the fact and its consequence.
    writeAuditEvent(tx, ctx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      after: { otherSessionsRevoked: revoked },
    });
  });
}
