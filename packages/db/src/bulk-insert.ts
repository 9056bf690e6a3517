import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A prepared multi-use INSERT for bulk loads (the scale generator): the column names come from the drizzle table,
 * so a renamed column breaks the build instead of the data. Columns left out take their SQL default. One statement
 * prepared once and run per row is what keeps 2 million rows under a minute on SQLite; on PostgreSQL this is
 * what COPY replaces.
 */
export function bulkInserter<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(
  sqlite: Database.Database,
  table: T,
  keys: readonly K[],
): (row: Pick<T['$inferInsert'], K>) => void {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return `"${column.name}"`;
  });
  const statement = sqlite.prepare(
    `insert into "${getTableName(table)}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`,
  );
  const values: unknown[] = new Array(keys.length);
  return (row) => {
    for (let i = 0; i < keys.length; i++) {
      const v = (row as Record<string, unknown>)[keys[i]!];
      values[i] = v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    statement.run(values);
  };
}

/** Refreshes the planner's statistics after a bulk load (SQLite `ANALYZE`; `ANALYZE` on PostgreSQL too). */
export function analyseDatabase(sqlite: Database.Database): void {
  sqlite.exec('analyze');
}

/** Bytes of the database file and its WAL, as the disk holds them. */
export function databaseSizeBytes(sqlite: Database.Database): number {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const size = sqlite.pragma('page_size', { simple: true }) as number;
  return pages * size;
}
