import { type CreateUserInput, POLICIES } from '@ctp/contracts';
import { memberships, users } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { hashPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { planMemberships } from './plan-memberships.ts';

/**
 * Creates a user with one or more memberships. Allowed to platform admins, and to the CLI (a system context).
 * EC roles are bound to the hospital's ethics committee.
 */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<{ id: string }> {
  if (!ctx.isSystem && !POLICIES.administer.allows(ctx.actor)) throw forbidden();
  const email = input.email.toLowerCase();
  if (ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new DomainError('CONFLICT', 'EMAIL_TAKEN', { fieldErrors: [{ path: 'email', message: 'EMAIL_TAKEN' }] });
  }
  const planned = planMemberships(ctx.db, input.memberships);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const id = newId();
  inTransaction(ctx.db, (tx) => {
    tx.insert(users)
      .values({ id, email, name: input.name, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .run();
    for (const m of planned) {
      tx.insert(memberships)
        .values({ id: newId(), userId: id, ...m, createdAt: now })
        .run();
    }
    writeAuditEvent(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { email, name: input.name, memberships: planned },
    });
  });
  return { id };
}
