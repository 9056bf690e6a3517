import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle inside `db.transaction(…)`; use-cases write only through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbHandle = { db: Db; sqlite: Database.Database; path: string };

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Opens the SQLite file with the settings every process must share (WAL, foreign keys, busy timeout). */
export function openDatabase(path: string): DbHandle {
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, path };
}

/** Applies the drizzle-kit migrations in `drizzle/`: the only way the schema changes. */
export function migrateDatabase(handle: DbHandle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** SQLite online backup: consistent even while the server writes. */
export async function backupDatabase(handle: DbHandle, file: string): Promise<{ totalPages: number }> {
  let totalPages = 0;
  await handle.sqlite.backup(file, {
    progress: ({ totalPages: t }) => {
      totalPages = t;
      return 200;
    },
  });
  return { totalPages };
}

export function closeDatabase(handle: DbHandle): void {
  handle.sqlite.close();
}

/** SQLite's own consistency check of every page and index: [] when sound, else its messages. */
export function checkDatabaseIntegrity(handle: DbHandle): string[] {
  const rows = handle.sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}
