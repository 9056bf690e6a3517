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
 * (`total_changes()` moved — a rolled-back write moves it too, hence the checksum to tell). New audit rows whose
 * action is in `allowedAuditActions` are not a change (see AUDITED_REFUSALS).
 */
export class ChangeWatch {
  private changes: number;
  private checksum: string;
  private lastAuditId: number;
  private auditCountAt: number;
  constructor(
    private readonly database: DbHandle,
    private readonly allowedAuditActions: ReadonlySet<string> = new Set(),
  ) {
    this.changes = totalChanges(database);
    this.checksum = this.tablesChecksum();
    this.lastAuditId = this.auditHead();
    this.auditCountAt = this.auditCount();
  }

  /** What changed since the last call (or construction), or null; then re-baselines. */
  changed(): string | null {
    const now = totalChanges(this.database);
    if (now === this.changes) return null;
    this.changes = now;
    const checksum = this.tablesChecksum();
    const newActions = this.database.sqlite
      .prepare('select action from audit_events where id > ? order by id')
      .pluck()
      .all(this.lastAuditId) as string[];
    const auditCount = this.auditCount();
    const tablesChanged = checksum !== this.checksum;
    const unexpectedAudit = newActions.filter((a) => !this.allowedAuditActions.has(a));
    const auditRewritten = auditCount !== this.auditCountAt + newActions.length;
    this.checksum = checksum;
    this.lastAuditId = this.auditHead();
    this.auditCountAt = auditCount;
    if (tablesChanged) return 'tables changed';
    if (unexpectedAudit.length > 0) return `audit rows written: ${unexpectedAudit.join(', ')}`;
    if (auditRewritten) return 'audit rows removed';
    return null;
  }

  private tablesChecksum() {
    return databaseChecksum(this.database, { except: ['audit_events'] });
  }
  private auditHead() {
    return this.database.sqlite.prepare('select coalesce(max(id), 0) from audit_events').pluck().get() as number;
  }
  private auditCount() {
    return this.database.sqlite.prepare('select count(*) from audit_events').pluck().get() as number;
  }
}
