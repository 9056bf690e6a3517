import type { AuditAction } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';

/** The one number a `select count(*) …` returns (0 when it returns no row). */
export function countOf(db: DbHandle, sql: string, ...args: unknown[]): number {
  return (
    (db.sqlite
      .prepare(sql)
      .pluck()
      .get(...args) as number | undefined) ?? 0
  );
}

/**
 * Audit rows, all of them or those of one action (and of one entity): what a mutation test compares before and
 * after a call, since every change writes exactly one row and a refused call none.
 */
export function auditCount(db: DbHandle, action?: AuditAction, entityId?: string): number {
  if (action === undefined) return countOf(db, 'select count(*) from audit_events');
  if (entityId === undefined) return countOf(db, 'select count(*) from audit_events where action = ?', action);
  return countOf(db, 'select count(*) from audit_events where action = ? and entity_id = ?', action, entityId);
}
