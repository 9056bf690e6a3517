import { type ApiContext, appRouter, createCallerFactory } from '@ctp/api';
import type { Locale } from '@ctp/contracts';
import { type DbHandle, users } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { type Actor, LoginThrottle, loadMemberships, type ResolvedSession, seedDemo } from '@ctp/domain';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';

/** A migrated in-memory database with the Nanjing demo (demo users included). */
export async function createSeededDatabase(): Promise<DbHandle> {
  const database = createTestDatabase();
  await seedDemo({ db: database.db, ctx: { actor: null, now: Date.now, requestId: 'test-seed' }, withUsers: true });
  return database;
}

export const testSession = { idleMs: 60 * 60_000, absoluteMs: 12 * 3_600_000 };

/** A router caller acting as a demo user (by e-mail), in the given membership index, without HTTP. */
export function callerAs(
  database: DbHandle,
  email: string | null,
  opts: { membership?: number; locale?: Locale; now?: () => number } = {},
) {
  let session: ResolvedSession | null = null;
  if (email) {
    const user = database.db.select().from(users).where(eq(users.email, email)).get();
    if (!user) throw new Error(`no demo user ${email}`);
    const m = loadMemberships(database.db, user.id)[opts.membership ?? 0];
    const actor: Actor | null = m
      ? {
          userId: user.id,
          email: user.email,
          name: user.name,
          sessionId: 'test-session',
          membershipId: m.membershipId,
          role: m.role,
          orgId: m.orgId,
          committeeId: m.committeeId,
        }
      : null;
    session = { sessionId: 'test-session', userId: user.id, actor, expiresAt: Date.now() + testSession.absoluteMs };
  }
  const cookies: string[] = [];
  const ctx: ApiContext = {
    db: database.db,
    services: { loginThrottle: new LoginThrottle(), session: testSession },
    now: opts.now ?? Date.now,
    requestId: 'test-request',
    locale: opts.locale ?? 'zh-CN',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    session,
    cookies: { set: (token) => cookies.push(token), clear: () => cookies.push('') },
    log: { error: () => {}, warn: () => {} },
  };
  return Object.assign(createCallerFactory(appRouter)(ctx), { cookies, ctx });
}

/** The real Fastify app on an ephemeral port, over a seeded in-memory database. */
export async function startTestServer(overrides: Record<string, string> = {}) {
  const database = await createSeededDatabase();
  const config = loadConfig({ NODE_ENV: 'test', CTP_LOG_LEVEL: 'silent', PORT: '0', ...overrides });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      database.sqlite.close();
    },
  };
}
