import type { AuditAction, AuditEntityType } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import { sql } from 'drizzle-orm';

const DAY = 86_400_000;

/**
 * Audited writes that change nothing the commission's figures read: signing in and out, memberships, shortlists,
 * API tokens and webhooks. Anything else (a new kind of record included) moves the metrics' data version on. Listing
 * what is left out, not what is read, keeps a forgotten type on the safe side: a needless rebuild, never a stale figure.
 */
export const NOT_METRIC_DATA = [
  'user',
  'session',
  'membership',
  'shortlist',
  'api_token',
  'webhook',
] as const satisfies readonly AuditEntityType[];

/** Audited writes on records the figures read that touch no column they read (confirming capacity stamps a date). */
export const NOT_METRIC_ACTIONS = ['hospital.confirm_capacity'] as const satisfies readonly AuditAction[];

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The data version of the metrics: the newest audit row of a write that may change a fact. Every mutation appends an
 * audit row in its own transaction (ARCHITECTURE invariant), so the figures are never staler than the last write;
 * sign-ins no longer throw the facts away (issue 16: each one cost a full reload at national scale). Audit rows are
 * append-only with growing ids, so only the rows added since the last look are read (a primary-key range, no scan).
 */
const seen = new WeakMap<Db, { head: number; version: number }>();

export function metricsDataVersion(db: Db): number {
  const head = db.get<{ id: number | null }>(sql.raw('select max(id) as id from audit_events'))?.id ?? 0;
  const last = seen.get(db);
  if (last && last.head === head) return last.version;
  // A head that went back (a restored database) is read from the start.
  const after = last && last.head < head ? last.head : 0;
  const newest = db.get<{ id: number } | undefined>(
    sql.raw(
      `select id from audit_events where id > ${after} and id <= ${head} and entity_type not in (${quoted(NOT_METRIC_DATA)}) and action not in (${quoted(NOT_METRIC_ACTIONS)}) order by id desc limit 1`,
    ),
  );
  const version = newest?.id ?? (after > 0 ? last!.version : 0);
  seen.set(db, { head, version });
  return version;
}

type Entry = { key: string; data: unknown };
const caches = new WeakMap<Db, Map<string, Entry>>();

/** A read model reused while the metrics' data version and the day (figures depend on the clock) stay the same. */
export function cachedByMetricsVersion<T>(db: Db, name: string, now: number, compute: () => T): T {
  const key = `${metricsDataVersion(db)}:${Math.floor(now / DAY)}`;
  const byName = caches.get(db) ?? new Map<string, Entry>();
  caches.set(db, byName);
  const hit = byName.get(name);
  if (hit?.key === key) return hit.data as T;
  const data = compute();
  byName.set(name, { key, data });
  return data;
}

/** How many distinct filter sets are kept per data version: the dashboard's usual views, not every date ever asked. */
const MAX_ENTRIES = 64;

/** A stable key of a filter object: the same filters in any key order give the same key; unset keys are ignored. */
export function filterKey(filters: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(filters)
      .filter((k) => filters[k] !== undefined && filters[k] !== null)
      .sort()
      .map((k) => [k, filters[k]]),
  );
}

/**
 * A result cached per filter set within the metrics' data version (issue 16: the commission's overview at national
 * scale). The first read after a write starts a new, empty cache, so no result outlives the data it was computed
 * from. Filter sets are keyed by `filterKey`, so new filter fields (bases, projects) need nothing here.
 */
export function cachedPerFilter<T>(
  db: Db,
  name: string,
  now: number,
  filters: Record<string, unknown>,
  compute: () => T,
): T {
  const cache = cachedByMetricsVersion(db, `${name}:per-filter`, now, () => new Map<string, T>());
  const key = filterKey(filters);
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}
