import { sessions } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../transaction.ts';

/** Revokes the current session. Signing out twice is harmless and writes nothing the second time. */
export function signOut({ ctx, sessionId, userId }: { ctx: Ctx; sessionId: string; userId: string }): void {
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(sessions)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .run().changes;
    if (changed === 0) return;
    writeAuditEvent(
      tx,
      { ...ctx, actor: ctx.actor ?? { userId, orgId: null, role: null } },
      {
        action: 'auth.logout',
        entityType: 'user',
        entityId: userId,
      },
    );
  });
}
