import { type Db, memberships, preparedQuery, sessions, users } from '@ctp/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, SessionSettings } from '../context.ts';
import { sessionIdOf } from './session-token.ts';

export type ResolvedSession = { sessionId: string; userId: string; actor: Actor | null; expiresAt: number };

/** Only write `last_seen_at` when it is this stale, so reads do not turn every request into a write. */
const TOUCH_AFTER_MS = 60_000;

// Every API request runs these two reads: prepared once per database (building them per call cost more than the
// reads themselves — issue 16). Nothing about a session is cached: each request reads its row, so a revocation, a
// disabled user or a revoked membership takes effect at the next request.
const liveSessionQuery = (db: Db) =>
  preparedQuery(db, 'resolveSession.session', (d) =>
    d
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt)))
      .prepare(),
  );
const liveMembershipQuery = (db: Db) =>
  preparedQuery(db, 'resolveSession.membership', (d) =>
    d
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, sql.placeholder('id')), isNull(memberships.revokedAt)))
      .prepare(),
  );

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
  const row = liveSessionQuery(db).get({ id });
  if (!row) return null;
  const { session, user } = row;
  if (user.disabledAt !== null || now >= session.expiresAt || now - session.lastSeenAt > settings.idleMs) return null;
  if (now - session.lastSeenAt > TOUCH_AFTER_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  const membership = session.activeMembershipId
    ? liveMembershipQuery(db).get({ id: session.activeMembershipId })
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
