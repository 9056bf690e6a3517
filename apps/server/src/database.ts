import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DbHandle, migrateDatabase, openDatabase } from '@ctp/db';
import { ensureReferenceData, seedDemo } from '@ctp/domain';
import type { Config } from './config.ts';

/** Opens (creating the folder), migrates and — on an empty database — seeds. Used by `start` and the CLI. */
export async function prepareDatabase(config: Config, opts: { seed: boolean }): Promise<DbHandle> {
  if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
  mkdirSync(config.dataDir, { recursive: true });
  const handle = openDatabase(config.dbPath);
  migrateDatabase(handle);
  ensureReferenceData({ db: handle.db, ctx: { actor: null, now: Date.now, requestId: 'start' } });
  if (opts.seed && config.seedDemo) {
    await seedDemo({
      db: handle.db,
      ctx: { actor: null, now: Date.now, requestId: 'seed' },
      withUsers: config.demoUsers,
      withHistory: true,
    });
  }
  return handle;
}
