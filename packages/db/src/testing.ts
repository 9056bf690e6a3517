import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type DbHandle, migrateDatabase, openDatabase } from './client.ts';
import * as schema from './schema/index.ts';

/** A fresh in-memory database migrated from `drizzle/`, for integration tests. */
export function createTestDatabase(): DbHandle {
  const handle = openDatabase(':memory:');
  migrateDatabase(handle);
  return handle;
}

/**
 * An independent in-memory copy of a database (schema, data, FTS tables), so a test can seed once and give every
 * case its own copy in a millisecond instead of seeding again.
 */
export function cloneTestDatabase(source: DbHandle): DbHandle {
  const sqlite = new Database(source.sqlite.serialize());
  sqlite.pragma('foreign_keys = ON');
  return { db: drizzle(sqlite, { schema }), sqlite, path: ':memory:' };
}
