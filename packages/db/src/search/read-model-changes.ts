import type Database from 'better-sqlite3';
import type { Db } from '../client.ts';

/** `hospital_id` of a change that concerns every hospital (the specialty catalogue, the working-day calendar). */
export const ALL_HOSPITALS = '*';

/** Prepared once per connection: the read-model check runs on every search, so it must cost microseconds. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Who wants to see every statement used, prepared now or earlier (`recordStatements` of the query-plan test). */
export const statementObservers = new Set<(source: string) => void>();
export function preparedOn(db: Db, source: string): Database.Statement {
  for (const observe of statementObservers) observe(source);
  // drizzle() returns the database with its driver client as `$client`; the `Db` type does not carry it.
  const client = (db as unknown as { $client: Database.Database }).$client;
  let byText = statements.get(client);
  if (!byText) {
    byText = new Map();
    statements.set(client, byText);
  }
  let stmt = byText.get(source);
  if (!stmt) {
    stmt = client.prepare(source);
    byText.set(source, stmt);
  }
  return stmt;
}

/** The latest change sequence number (0 before any): what a freshly built read model is current with. */
export function readModelVersion(db: Db): number {
  return (preparedOn(db, 'select coalesce(max(seq), 0) as v from read_model_changes').get() as { v: number }).v;
}

/**
 * The hospitals whose read-model inputs changed after `since`, by part of the model, with the version they bring the model to; one
 * indexed range read, empty when nothing changed. `all` when the change concerns every hospital.
 */
export type ReadModelPart = 'capacity' | 'performance' | 'registry' | 'names';

export function readModelChangesSince(
  db: Db,
  since: number,
): { version: number; changed: Map<ReadModelPart, string[]>; all: boolean } | null {
  const rows = preparedOn(db, 'select hospital_id as id, part, seq from read_model_changes where seq > ?').all(
    since,
  ) as { id: string; part: ReadModelPart | 'all'; seq: number }[];
  if (!rows.length) return null;
  let version = since;
  const changed = new Map<ReadModelPart, string[]>();
  let all = false;
  for (const r of rows) {
    if (r.seq > version) version = r.seq;
    if (r.id === ALL_HOSPITALS || r.part === 'all') all = true;
    else changed.set(r.part, [...(changed.get(r.part) ?? []), r.id]);
  }
  return { version, changed, all };
}
