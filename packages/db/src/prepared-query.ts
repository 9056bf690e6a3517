import type { Db } from './client.ts';
import { statementObservers } from './search/read-model-changes.ts';

type Prepared = { getQuery(): { sql: string } };

const queries = new WeakMap<Db, Map<string, { query: Prepared; sql: string }>>();

/**
 * A drizzle query built and prepared once per database handle, for the statements every request runs (the session
 * lookup): building the query and preparing its SQL per call cost more than running it. Parameters are drizzle
 * placeholders (`sql.placeholder('id')`). Each use is reported to the query-plan guard (`recordStatements`), as
 * `preparedOn` statements are, so a statement prepared long ago is still checked for full scans.
 */
export function preparedQuery<Q extends Prepared>(db: Db, name: string, build: (db: Db) => Q): Q {
  let byName = queries.get(db);
  if (!byName) {
    byName = new Map();
    queries.set(db, byName);
  }
  let entry = byName.get(name);
  if (!entry) {
    const query = build(db);
    entry = { query, sql: query.getQuery().sql };
    byName.set(name, entry);
  }
  for (const observe of statementObservers) observe(entry.sql);
  return entry.query as Q;
}
