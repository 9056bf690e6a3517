import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@ctp/contracts';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of every state change (DESIGN §8). `hash` = sha256(prev_hash + canonical event);
 * rows are never updated or deleted, so any edit breaks the chain at that row.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorUserId: text('actor_user_id'),
    orgId: text('org_id'),
    role: text('role'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text('entity_type', { enum: AUDIT_ENTITY_TYPES }).notNull(),
    entityId: text('entity_id').notNull(),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    requestId: text('request_id'),
    /** The API token a call was made with (issue 17); hashed only when set, so older rows keep their hashes. */
    apiTokenId: text('api_token_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_action_idx').on(t.action),
  ],
);
