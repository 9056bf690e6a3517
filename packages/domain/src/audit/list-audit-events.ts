import type { AuditAction, AuditEventView, AuditListInput } from '@ctp/contracts';
import { DELIBERATION_AUDIT_FIELDS, POLICIES, redactAuditEvent } from '@ctp/contracts';
import { auditEvents, users } from '@ctp/db';
import { and, desc, eq, lt, notInArray, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { resolveAuditEntityNames } from './audit-entity-names.ts';

/** Actions whose actor is a member acting inside the committee: never found by filtering on the actor. */
const ACTOR_HIDDEN_ACTIONS = (Object.keys(DELIBERATION_AUDIT_FIELDS) as AuditAction[]).filter(
  (action) => DELIBERATION_AUDIT_FIELDS[action]!.actor,
);

/**
 * Newest first, keyset-paginated by id; filters by entity, actor and action. The admin's view: deliberation is
 * redacted (`redactAuditEvent`); the stored rows and their hashes are untouched, so verification still works.
 */
export function listAuditEvents({ ctx, input }: { ctx: Ctx; input: AuditListInput }) {
  if (!POLICIES.readAuditLog.allows(ctx.actor)) throw forbidden();
  const where: SQL[] = [];
  if (input.entityType) where.push(eq(auditEvents.entityType, input.entityType));
  if (input.entityId) where.push(eq(auditEvents.entityId, input.entityId));
  if (input.actorUserId) {
    where.push(eq(auditEvents.actorUserId, input.actorUserId));
    // Filtering by a member would tell who voted or objected even with the actor blanked in each row.
    where.push(notInArray(auditEvents.action, ACTOR_HIDDEN_ACTIONS));
  }
  if (input.action) where.push(eq(auditEvents.action, input.action));
  if (input.cursor) where.push(lt(auditEvents.id, input.cursor));
  const rows = ctx.db
    .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const names = resolveAuditEntityNames(
    ctx.db,
    page.map((r) => r.event),
  );
  const items: AuditEventView[] = page.map(({ event: e, actorName, actorEmail }) =>
    redactAuditEvent({
      id: e.id,
      at: e.at,
      actorUserId: e.actorUserId,
      actorName,
      actorEmail,
      orgId: e.orgId,
      role: e.role,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
      before: e.beforeJson ? JSON.parse(e.beforeJson) : null,
      after: e.afterJson ? JSON.parse(e.afterJson) : null,
      requestId: e.requestId,
      hash: e.hash,
    }),
  );
  return { items, nextCursor: rows.length > input.limit ? (page.at(-1)?.event.id ?? null) : null };
}
