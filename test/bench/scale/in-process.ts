import type { DbHandle } from '@ctp/db';
import { users } from '@ctp/db';
import { type Ctx, LoginThrottle, loadMemberships } from '@ctp/domain';
import { eq } from 'drizzle-orm';

/** A use-case context for a demo account, in this process, on its own better-sqlite3 handle: the floor's caller. */
export function inProcessCtx(handle: DbHandle, email: string): Ctx {
  const user = handle.db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`no demo user ${email}`);
  const m = loadMemberships(handle.db, user.id)[0]!;
  return {
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: 'bench',
      membershipId: m.membershipId,
      role: m.role,
      orgId: m.orgId,
      committeeId: m.committeeId,
    },
    db: handle.db,
    now: Date.now,
    requestId: 'bench',
    locale: 'zh-CN',
    ip: null,
    userAgent: null,
    services: { loginThrottle: new LoginThrottle(), session: { idleMs: 3_600_000, absoluteMs: 3_600_000 } },
  };
}
