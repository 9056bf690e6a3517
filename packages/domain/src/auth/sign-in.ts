import type { LoginInput, MeOutput } from '@ctp/contracts';
import { sessions, users } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotThrottled } from './assert-not-throttled.ts';
import { loadMemberships } from './load-memberships.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { newSessionToken } from './session-token.ts';

/**
 * Signs in with e-mail and password. A wrong e-mail and a wrong password give the same error after the same work,
 * so the answer never reveals whether an account exists. A new session id is issued every time (rotation) and the
 * session the browser came with, if any, is revoked.
 */
export async function signIn({
  ctx,
  input,
  previousSessionId,
}: {
  ctx: Ctx;
  input: LoginInput;
  previousSessionId?: string | null;
}): Promise<{ token: string; expiresAt: number; me: MeOutput }> {
  const email = input.email.trim().toLowerCase();
  const throttle = ctx.services.loginThrottle;
  assertNotThrottled(throttle, email, ctx.ip);
  const user = ctx.db.select().from(users).where(eq(users.email, email)).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok || user.disabledAt !== null) {
    throttle.recordFailure(email, ctx.ip);
    throw new DomainError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');
  }
  throttle.recordSuccess(email, ctx.ip);

  const memberships = loadMemberships(ctx.db, user.id);
  const active = memberships[0] ?? null;
  const now = ctx.now();
  const { token, id } = newSessionToken();
  const expiresAt = now + ctx.services.session.absoluteMs;
  inTransaction(ctx.db, (tx) => {
    if (previousSessionId) {
      tx.update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, previousSessionId), isNull(sessions.revokedAt)))
        .run();
    }
    tx.insert(sessions)
      .values({
        id,
        userId: user.id,
        activeMembershipId: active?.membershipId ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      })
      .run();
    writeAuditEvent(
      tx,
      { ...ctx, actor: { userId: user.id, orgId: active?.orgId ?? null, role: active?.role ?? null } },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { membershipId: active?.membershipId ?? null, ip: ctx.ip },
      },
    );
  });
  return {
    token,
    expiresAt,
    me: {
      user: { id: user.id, email: user.email, name: user.name },
      memberships,
      active: active ? { role: active.role, orgId: active.orgId, membershipId: active.membershipId } : null,
    },
  };
}
