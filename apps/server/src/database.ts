import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { closeDatabase, type DbHandle, migrateDatabase, openDatabase } from '@ctp/db';
import { AuditHeadError, checkAuditHead, ensureReferenceData, loadAuditHead, seedDemo } from '@ctp/domain';
import type { Config } from './config.ts';

/**
 * Creates what a new installation needs, readable by the server's account only: the database folder and the file
 * store 0700, the database file 0600 (SQLite gives its -wal and -shm files the database's mode). Existing files and
 * folders keep the mode the operator gave them.
 */
export function prepareDataPaths(config: Pick<Config, 'dbPath' | 'dataDir'>): void {
  if (config.dbPath !== ':memory:') {
    mkdirSync(dirname(config.dbPath), { recursive: true, mode: 0o700 });
    if (!existsSync(config.dbPath)) closeSync(openSync(config.dbPath, 'wx', 0o600));
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Opens (creating the folders), migrates and — on an empty database — seeds. Used by `start` and the CLI. Before
 * anything is written, the signed audit head (if one is kept) must match the database: new rows appended after a
 * deletion would otherwise bury it.
 */
export async function prepareDatabase(config: Config, opts: { seed: boolean }): Promise<DbHandle> {
  prepareDataPaths(config);
  const handle = openDatabase(config.dbPath);
  migrateDatabase(handle);
  if (config.auditHead && loadAuditHead(config.auditHead).status !== 'missing') {
    const check = checkAuditHead(handle.db, config.auditHead);
    if (!check.ok) {
      closeDatabase(handle);
      throw new AuditHeadError(check.reason, check.brokenAt);
    }
  }
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
