import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiContext, actorCtx, appRouter, createCallerFactory, describeError, toTrpcError } from '@ctp/api';
import type { ApiErrorData, Locale } from '@ctp/contracts';
import { type DbHandle, users } from '@ctp/db';
import { createTestDatabase, databaseFromBytes } from '@ctp/db/testing';
import {
  type Actor,
  type ActorCtx,
  LoginThrottle,
  loadMemberships,
  type ResolvedSession,
  resolveSession,
  seedDemo,
  type ThrottleSettings,
} from '@ctp/domain';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';

export type DemoVariant = 'demo' | 'history' | 'registries';

/** What each template holds: the tests' own demo has no rosters (ethics tests build the roster they need). */
const VARIANTS: Record<DemoVariant, Omit<Parameters<typeof seedDemo>[0], 'db' | 'ctx'>> = {
  demo: { withUsers: true, withRosters: false },
  /** The demo as `pnpm start` shows it: rosters and 24 months of history. */
  history: { withUsers: true, withHistory: true },
  /** The tests' demo plus the real registry samples (issue 13). */
  registries: { withUsers: true, withRosters: false, withRegistries: true },
};

const templates = new Map<DemoVariant, Promise<Buffer>>();

/** The serialised seeded template: from this run's template folder when a test file wrote it already, else seeded. */
async function templateBytes(variant: DemoVariant): Promise<Buffer> {
  const dir = process.env.CTP_TEST_TEMPLATES;
  const file = dir && join(dir, `${variant}.sqlite`);
  if (file && existsSync(file)) return readFileSync(file);
  const database = createTestDatabase();
  await seedDemo({
    db: database.db,
    ctx: { actor: null, now: Date.now, requestId: 'test-seed' },
    ...VARIANTS[variant],
  });
  const bytes = database.sqlite.serialize();
  database.sqlite.close();
  if (file) {
    // Written whole under another name, then renamed: a reader in another worker never sees half a file.
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  }
  return bytes;
}

/**
 * A migrated in-memory database with the Nanjing demo (demo users included), an independent copy of a template
 * seeded once per test run (see seed-templates.ts): `demo` without rosters (ethics tests build the roster they need
 * through `committees.addMember`), `history` with rosters and 24 months of history, `registries` with the registry
 * samples.
 */
export async function createSeededDatabase(variant: DemoVariant = 'demo'): Promise<DbHandle> {
  if (!templates.has(variant)) templates.set(variant, templateBytes(variant));
  return databaseFromBytes(await templates.get(variant)!);
}

export const testSession = { idleMs: 60 * 60_000, absoluteMs: 12 * 3_600_000 };

let filesDir: string | undefined;
/** A temporary file store for the test process (uploaded documents, letters), never the repository's data/. */
export function testFilesDir(): string {
  filesDir ??= mkdtempSync(join(tmpdir(), 'ctp-files-'));
  return filesDir;
}
export const testFiles = () => ({ dir: testFilesDir(), maxUploadBytes: 20 * 1024 * 1024 });

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
  return callerWithSession(database, session, opts);
}

/**
 * The use-case context of a signed-in caller, as `guarded()` hands it to a resolver (`ctx.uc`): for tests that call a
 * use-case directly (file uploads, letters) rather than through the router.
 */
export function actorCtxOf(api: ApiContext): ActorCtx {
  const actor = api.session?.actor;
  if (!actor) throw new Error('actorCtxOf: the caller has no signed-in actor');
  return actorCtx(api, actor);
}

/**
 * A router caller for the session of a real cookie token (as `auth.login` issued it), so that session rows are
 * read and written as over HTTP. Throws when the token has no live session.
 */
export function callerWithToken(database: DbHandle, token: string, opts: { locale?: Locale; now?: () => number } = {}) {
  const session = resolveSession(database.db, token, (opts.now ?? Date.now)(), testSession);
  if (!session) throw new Error('no live session for this token');
  return callerWithSession(database, session, opts);
}

function callerWithSession(
  database: DbHandle,
  session: ResolvedSession | null,
  opts: { locale?: Locale; now?: () => number },
) {
  const cookies: string[] = [];
  const ctx: ApiContext = {
    db: database.db,
    services: { loginThrottle: new LoginThrottle(), session: testSession, files: testFiles() },
    now: opts.now ?? Date.now,
    requestId: 'test-request',
    locale: opts.locale ?? 'zh-CN',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    session,
    cookies: { set: (token) => cookies.push(token), clear: () => cookies.push('') },
    log: { error: () => {}, warn: () => {} },
  };
  const caller = createCallerFactory(appRouter)(ctx);
  // The caller is a proxy that takes every property for a procedure path (Object.assign on it is lost), so the
  // extras are served by a proxy in front of it.
  return new Proxy(caller, {
    get: (target, key, receiver) =>
      key === 'cookies' ? cookies : key === 'ctx' ? ctx : Reflect.get(target, key, receiver),
  }) as typeof caller & { cookies: string[]; ctx: ApiContext };
}

/** Row counts of the tables a refused call must leave alone. */
export function tableCounts(database: DbHandle) {
  const count = (table: string) => database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return {
    users: count('users'),
    memberships: count('memberships'),
    sessions: count('sessions'),
    auditEvents: count('audit_events'),
  };
}

/**
 * Awaits a call that must fail and returns what a client receives in `error.data.ctp` (the error formatter's own
 * mapping, in the locale given) plus the tRPC code. Fails the test if the call succeeds.
 */
export async function apiErrorOf(
  call: Promise<unknown>,
  locale: Locale = 'zh-CN',
): Promise<ApiErrorData & { trpcCode: string }> {
  let error: unknown;
  try {
    await call;
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error('expected the call to fail, but it succeeded');
  const trpcError = toTrpcError(error);
  return { ...describeError(trpcError, locale, 'test-request'), trpcCode: trpcError.code };
}

/**
 * The real Fastify app on an ephemeral port, over a seeded in-memory database. Pass `database` to serve one that
 * already exists (it is then left open on close), `now` to control the server's clock, `throttle` for other limits.
 */
export async function startTestServer(
  overrides: Record<string, string> = {},
  opts: { database?: DbHandle; now?: () => number; throttle?: ThrottleSettings } = {},
) {
  const database = opts.database ?? (await createSeededDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    CTP_LOG_LEVEL: 'silent',
    PORT: '0',
    CTP_DATA_DIR: testFilesDir(),
    ...overrides,
  });
  const app = await buildApp({
    config,
    database,
    ...(opts.now && { now: opts.now }),
    ...(opts.throttle && { throttle: opts.throttle }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      if (!opts.database) database.sqlite.close();
    },
  };
}
