import { type Db, preparedQuery } from '@ctp/db';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** A query drizzle can run now, or prepare with placeholders and run with their values. */
type Runnable<T> = {
  all(): T[];
  prepare(): { all(values: Record<string, unknown>): T[]; getQuery(): { sql: string } };
};

/**
 * The rows of a read of hospital data (capacity, active load), for every hospital, some, or one. `build` receives
 * `ofHospitals(column)`: the condition on the column holding the hospital's id. One hospital is what the search read
 * model re-reads after each write (issue 16): that query is prepared once per database with the id as a placeholder
 * (`preparedQuery`), because building and preparing each query per write cost several times its SQL.
 */
export function hospitalRows<T>(
  db: Db,
  name: string,
  ids: readonly string[] | undefined,
  build: (d: Db, ofHospitals: (column: SQLiteColumn) => SQL | undefined) => Runnable<T>,
): T[] {
  if (ids?.length === 1)
    return preparedQuery(db, `hospitalRows.${name}`, (d) =>
      build(d, (column) => eq(column, sql.placeholder('hospitalId'))).prepare(),
    ).all({ hospitalId: ids[0] });
  return build(db, (column) => (ids ? inArray(column, [...ids]) : undefined)).all();
}
