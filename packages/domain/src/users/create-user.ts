import { type CreateUserInput, isEcRole, POLICIES, ROLE_ORG_KINDS } from '@ctp/contracts';
import { ethicsCommittees, memberships, organisations, users } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { hashPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';

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
  const planned = input.memberships.map((m, i) => {
    const org = ctx.db.select().from(organisations).where(eq(organisations.id, m.orgId)).get();
    if (!org)
      throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND', {
        fieldErrors: [{ path: `memberships.${i}.orgId`, message: 'ORG_NOT_FOUND' }],
      });
    if (!ROLE_ORG_KINDS[m.role].includes(org.kind)) {
      throw new DomainError('VALIDATION', 'ROLE_NOT_ALLOWED_FOR_ORG', {
        fieldErrors: [{ path: `memberships.${i}.role`, message: 'ROLE_NOT_ALLOWED_FOR_ORG' }],
      });
    }
    const committee = isEcRole(m.role)
      ? ctx.db
          .select()
          .from(ethicsCommittees)
          .where(eq(ethicsCommittees.hospitalOrgId, org.id))
          .orderBy(asc(ethicsCommittees.createdAt))
          .get()
      : undefined;
    if (isEcRole(m.role) && !committee) {
      throw new DomainError('PRECONDITION_FAILED', 'ORG_NOT_FOUND', {
        fieldErrors: [{ path: `memberships.${i}.orgId`, message: 'ORG_NOT_FOUND' }],
      });
    }
    return { orgId: org.id, role: m.role, committeeId: committee?.id ?? null };
  });
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
