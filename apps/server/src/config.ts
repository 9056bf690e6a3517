import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

/** The repository root: relative paths in the configuration are taken from here, whatever the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CTP_DB: z.string().min(1).default('./data/ctp.sqlite'),
  CTP_DATA_DIR: z.string().min(1).default('./data/files'),
  /** The signed audit head (default: beside the database, `<CTP_DB>.audit-head.json`). */
  CTP_AUDIT_HEAD_FILE: z.string().min(1).optional(),
  /**
   * The key that signs it (default `<CTP_DB>.audit-head.key`, created 0600 at first start). Put it where whoever can
   * edit the database cannot write: another mount or owner.
   */
  CTP_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Largest accepted upload (submission documents), in MB. */
  CTP_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  CTP_WEB_DIST: z.string().min(1).default('./apps/web/dist'),
  CTP_SECURE_COOKIES: bool.default(false),
  /**
   * Behind a reverse proxy: the number of proxy hops to trust, or the proxies' addresses / CIDR ranges
   * (comma-separated), so throttling and rate limits see each client's own address. `false` when CTP faces clients.
   */
  CTP_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, zctx) => {
      const parsed = parseTrustProxy(raw);
      if ('error' in parsed) {
        zctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.value;
    }),
  CTP_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  CTP_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  CTP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CTP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(1200),
  /** Search result cards kept in the search result cache (0 turns it off: the benchmark's distinct-query figure). */
  CTP_SEARCH_CACHE_ITEMS: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  /** Seed the Nanjing demo into an empty database at start. Demo users are never created in production. */
  CTP_SEED_DEMO: bool.default(true),
  /** How often the webhook outbox is sent (issue 17). */
  CTP_WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** After this long a delivery claimed by a worker that died is sent again (tests shorten it). */
  CTP_WEBHOOK_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dbPath: string;
  dataDir: string;
  /** Null for an in-memory database: nothing outlives it to check. */
  auditHead: { headFile: string; keyFile: string } | null;
  maxUploadBytes: number;
  webDist: string;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  session: { idleMs: number; absoluteMs: number };
  logLevel: string;
  rateLimitPerMinute: number;
  searchCacheItems: number;
  seedDemo: boolean;
  demoUsers: boolean;
  webhookIntervalMs: number;
  webhookLeaseMs: number;
};

const fromRoot = (p: string) => (p === ':memory:' || isAbsolute(p) ? p : resolve(REPO_ROOT, p));

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dbPath = fromRoot(c.CTP_DB);
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dbPath,
    dataDir: fromRoot(c.CTP_DATA_DIR),
    auditHead:
      dbPath === ':memory:'
        ? null
        : {
            headFile: fromRoot(c.CTP_AUDIT_HEAD_FILE ?? `${dbPath}.audit-head.json`),
            keyFile: fromRoot(c.CTP_AUDIT_KEY_FILE ?? `${dbPath}.audit-head.key`),
          },
    maxUploadBytes: c.CTP_UPLOAD_MAX_MB * 1024 * 1024,
    webDist: fromRoot(c.CTP_WEB_DIST),
    secureCookies: c.CTP_SECURE_COOKIES,
    trustProxy: c.CTP_TRUST_PROXY,
    session: { idleMs: c.CTP_SESSION_IDLE_MINUTES * 60_000, absoluteMs: c.CTP_SESSION_ABSOLUTE_HOURS * 3_600_000 },
    logLevel: c.CTP_LOG_LEVEL,
    rateLimitPerMinute: c.CTP_RATE_LIMIT_PER_MINUTE,
    searchCacheItems: c.CTP_SEARCH_CACHE_ITEMS,
    seedDemo: c.CTP_SEED_DEMO,
    demoUsers: c.NODE_ENV !== 'production',
    webhookIntervalMs: c.CTP_WEBHOOK_INTERVAL_MS,
    webhookLeaseMs: c.CTP_WEBHOOK_LEASE_MS,
  };
}
