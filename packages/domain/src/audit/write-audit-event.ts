import { type AuditAction, type AuditEntityType, type AuditPayloadOf, auditPayloadIssues } from '@ctp/contracts';
import { auditEvents, type Tx } from '@ctp/db';
import { desc } from 'drizzle-orm';
import type { AuditCtx } from '../context.ts';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';
import { enqueueWebhookEvents } from './webhook-outbox.ts';

/** An audit entry of action `A`: its `before`/`after` typed by the action's payload schemas (`AUDIT_PAYLOADS`). */
export type AuditEntryOf<A extends AuditAction> = {
  action: A;
  entityType: AuditEntityType;
  entityId: string;
  /** Overrides the actor's organisation, e.g. for the organisation whose record changed. */
  orgId?: string | null;
} & AuditPayloadOf<A>;

/** Any audit entry: the union over the actions, so the action picks the payload's type. */
export type AuditEntry = { [A in AuditAction]: AuditEntryOf<A> }[AuditAction];

/**
 * Appends one hash-chained audit row, its payload checked against `AUDIT_PAYLOADS` first. Call it with the transaction's `tx`, inside the same synchronous transaction
 * as the change: if it throws, the change rolls back (CONVENTIONS §4). Transactions are IMMEDIATE, so reading the
 * chain head and appending are serialised across processes.
 */
export function writeAuditEvent<A extends AuditAction>(
  tx: Tx,
  ctx: AuditCtx,
  entry: AuditEntryOf<A>,
): { id: number; hash: string } {
  const beforeJson = entry.before === undefined ? null : canonicalJson(entry.before);
  const afterJson = entry.after === undefined ? null : canonicalJson(entry.after);
  // The payload as it will be stored must match its action's schema (AUDIT_PAYLOADS); a mismatch is a defect in
  // the use-case, so the write — and with it the change — fails before anything is appended.
  const issues = auditPayloadIssues(
    entry.action,
    beforeJson === null ? undefined : JSON.parse(beforeJson),
    afterJson === null ? undefined : JSON.parse(afterJson),
  );
  if (issues.length > 0)
    throw new Error(`audit payload of ${entry.action} does not match its schema: ${issues.join('; ')}`);
  const head = tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields: HashedAuditFields = {
    at: ctx.now(),
    actorUserId: ctx.actor?.userId ?? null,
    orgId: entry.orgId !== undefined ? entry.orgId : (ctx.actor?.orgId ?? null),
    role: ctx.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    beforeJson,
    afterJson,
    requestId: ctx.requestId,
    apiTokenId: ctx.actor?.apiTokenId ?? null,
  };
  const hash = auditHash(prevHash, fields);
  const row = tx
    .insert(auditEvents)
    .values({ ...fields, action: entry.action, entityType: entry.entityType, prevHash, hash })
    .returning({ id: auditEvents.id })
    .get();
  enqueueWebhookEvents(tx, entry, fields.at);
  return { id: row.id, hash };
}
