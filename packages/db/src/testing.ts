import { type DbHandle, migrateDatabase, openDatabase } from './client.ts';

/** A fresh in-memory database migrated from `drizzle/`, for integration tests. */
export function createTestDatabase(): DbHandle {
  const handle = openDatabase(':memory:');
  migrateDatabase(handle);
  return handle;
}
