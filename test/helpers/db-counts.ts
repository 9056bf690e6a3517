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

/** An audit row as a test reads it: the columns (camelCase), the payloads as stored and parsed. */
export type AuditRow = {
  id: number;
  action: AuditAction;
  entityType: string;
  entityId: string;
  orgId: string | null;
  actorUserId: string | null;
  role: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * The newest audit row, of any action or of one: what a mutation test reads after a call to check what was recorded.
 * Throws when there is none, so a test never compares against a missing row.
 */
export function lastAudit(db: DbHandle, action?: AuditAction): AuditRow {
  const columns =
    'id, action, entity_type as entityType, entity_id as entityId, org_id as orgId, actor_user_id as actorUserId, role, before_json as beforeJson, after_json as afterJson';
  const row = (
    action === undefined
      ? db.sqlite.prepare(`select ${columns} from audit_events order by id desc limit 1`).get()
      : db.sqlite.prepare(`select ${columns} from audit_events where action = ? order by id desc limit 1`).get(action)
  ) as Omit<AuditRow, 'before' | 'after'> | undefined;
  if (!row) throw new Error(`no audit row${action ? ` of ${action}` : ''}`);
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));
  return { ...row, before: parse(row.beforeJson), after: parse(row.afterJson) };
}
