import { auditEvents, type Db } from '@ctp/db';
import { max } from 'drizzle-orm';

const DAY = 86_400_000;
const caches = new WeakMap<Db, Map<string, { key: string; data: unknown }>>();

/**
 * Reuses a derived read-model between requests while nothing changed: every mutation appends an audit row
 * (ARCHITECTURE invariant), so the audit head id is the data's generation. Derived figures depend on the clock
 * (staleness, months elapsed), so the day is part of the key too.
 */
export function cachedByGeneration<T>(db: Db, name: string, now: number, compute: () => T): T {
  const head =
    db
      .select({ id: max(auditEvents.id) })
      .from(auditEvents)
      .get()?.id ?? 0;
  const key = `${head}:${Math.floor(now / DAY)}`;
  const byName = caches.get(db) ?? new Map<string, { key: string; data: unknown }>();
  caches.set(db, byName);
  const hit = byName.get(name);
  if (hit?.key === key) return hit.data as T;
  const data = compute();
  byName.set(name, { key, data });
  return data;
}
