import { randomInt } from 'node:crypto';
import { POLICIES, type ResetUserPasswordInput } from '@ctp/contracts';
import { sessions, users } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { hashPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotOwnAccount, loadUser } from './load-user.ts';

/** No 0/O, 1/l/I: the admin reads it to the user over the phone. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * The admin resets a user's password to a random temporary one, returned ONCE to be handed over (it is stored only
 * as a hash and never audited). Every session of the user ends. The user is asked to change it after signing in
 * (the profile page's password change); we chose a shown one-time password over a forced-change flow.
 */
export async function resetUserPassword({ ctx, input }: { ctx: Ctx; input: ResetUserPasswordInput }) {
  if (!POLICIES.administer.allows(ctx.actor)) throw forbidden();
  const user = loadUser(ctx.db, input.userId);
  assertNotOwnAccount(ctx.actor?.userId, user.id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
      .run().changes;
    if (changed !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
    const sessionsEnded = tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)))
      .run().changes;
    writeAuditEvent(tx, ctx, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded },
    });
  });
  return { id: user.id, temporaryPassword: password };
}
