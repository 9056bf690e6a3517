import { memberships, sessions } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';

/** Makes another of the user's memberships (organisation × role) the one they act in for this session. */
export function switchMembership({
  ctx,
  session,
  input,
}: {
  ctx: Ctx;
  session: { sessionId: string; userId: string };
  input: { membershipId: string };
}): void {
  const target = ctx.db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.id, input.membershipId),
        eq(memberships.userId, session.userId),
        isNull(memberships.revokedAt),
      ),
    )
    .get();
  if (!target) throw new DomainError('FORBIDDEN', 'NO_SUCH_MEMBERSHIP');
  inTransaction(ctx.db, (tx) => {
    tx.update(sessions).set({ activeMembershipId: target.id }).where(eq(sessions.id, session.sessionId)).run();
    writeAuditEvent(
      tx,
      { ...ctx, actor: { userId: session.userId, orgId: target.orgId, role: target.role } },
      {
        action: 'auth.switch_membership',
        entityType: 'membership',
        entityId: target.id,
        before: { membershipId: ctx.actor?.membershipId ?? null },
        after: { membershipId: target.id, role: target.role, orgId: target.orgId },
      },
    );
  });
}
