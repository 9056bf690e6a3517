import { type Db, memberships, sessions, users } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, SessionSettings } from '../context.ts';
import { sessionIdOf } from './session-token.ts';

export type ResolvedSession = { sessionId: string; userId: string; actor: Actor | null; expiresAt: number };

/** Only write `last_seen_at` when it is this stale, so reads do not turn every request into a write. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Finds the live session of a cookie token: not revoked, within the absolute lifetime and the idle timeout.
 * Returns the acting membership as the actor (null when the user holds no membership).
 */
export function resolveSession(
  db: Db,
  token: string | undefined,
  now: number,
  settings: SessionSettings,
): ResolvedSession | null {
  if (!token || token.length > 200) return null;
  const id = sessionIdOf(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .get();
  if (!row) return null;
  const { session, user } = row;
  if (user.disabledAt !== null || now >= session.expiresAt || now - session.lastSeenAt > settings.idleMs) return null;
  if (now - session.lastSeenAt > TOUCH_AFTER_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  const membership = session.activeMembershipId
    ? db
        .select()
        .from(memberships)
        .where(and(eq(memberships.id, session.activeMembershipId), isNull(memberships.revokedAt)))
        .get()
    : undefined;
  const actor: Actor | null = membership
    ? {
        userId: user.id,
        email: user.email,
        name: user.name,
        sessionId: id,
        membershipId: membership.id,
        role: membership.role,
        orgId: membership.orgId,
        committeeId: membership.committeeId,
      }
    : null;
  return { sessionId: id, userId: user.id, actor, expiresAt: session.expiresAt };
}
