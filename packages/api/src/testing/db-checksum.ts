import { createHash } from 'node:crypto';
import type { DbHandle } from '@ctp/db';

/** Audit actions written on purpose when a call is refused (a wrong current password is a security event). */
export const AUDITED_REFUSALS = new Set(['auth.password_change_failed']);

/** Every table's rows, as one text (tests only). FTS shadow tables included: an index edit is a change too. */
export function databaseDump(database: DbHandle, opts: { except?: string[] } = {}): string {
  const tables = database.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const parts: string[] = [];
  for (const table of tables) {
    if (opts.except?.includes(table)) continue;
    parts.push(`#${table}`);
    for (const row of database.sqlite.prepare(`select * from "${table}"`).raw().iterate())
      parts.push(JSON.stringify(row));
  }
  return parts.join('\n');
}

export function databaseChecksum(database: DbHandle, opts: { except?: string[] } = {}): string {
  return createHash('sha256').update(databaseDump(database, opts)).digest('hex');
}

/** Rows written, updated or deleted by this connection so far (cheap: no scan). */
export const totalChanges = (database: DbHandle) =>
  database.sqlite.prepare('select total_changes()').pluck().get() as number;

/**
 * Watches a database for changes across calls, dumping it only when this connection wrote something
 * (`total_changes()` moved — a rolled-back write moves it too, hence the checksum to tell).
 */
export class ChangeWatch {
  private changes: number;
  private checksum: string;
  constructor(private readonly database: DbHandle) {
    this.changes = totalChanges(database);
    this.checksum = databaseChecksum(database);
  }

  /** True when the database differs from what it was at the last call (or construction); then re-baselines. */
  changed(): boolean {
    const now = totalChanges(this.database);
    if (now === this.changes) return false;
    this.changes = now;
    const checksum = databaseChecksum(this.database);
    const changed = checksum !== this.checksum;
    this.checksum = checksum;
    return changed;
  }
}
