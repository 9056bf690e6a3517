import { DELIVERY_STATES, TOKEN_ROLES, WEBHOOK_EVENTS } from '@ctp/contracts';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { memberships, users } from './identity.ts';
import { organisations } from './organisations.ts';

/**
 * API tokens (issue 17): one organisation × role, acting through the membership of the user who created it. Only the
 * sha256 of the token is kept; the token itself is shown once.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: TOKEN_ROLES }).notNull(),
    membershipId: text('membership_id')
      .notNull()
      .references(() => memberships.id),
    name: text('name').notNull(),
    /** JSON array of TOKEN_SCOPES. */
    scopesJson: text('scopes_json').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    /** The last Beijing day (YYYY-MM-DD) the token works. */
    expiresOn: text('expires_on').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    lastUsedIp: text('last_used_ip'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_org_idx').on(t.orgId)],
);

/**
 * Every call made with a token (reads included): the access log of the token. Writes are also in the audit chain,
 * under the token (`audit_events.api_token_id`).
 */
export const apiTokenCalls = sqliteTable(
  'api_token_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenId: text('token_id')
      .notNull()
      .references(() => apiTokens.id),
    at: integer('at').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [index('api_token_calls_token_idx').on(t.tokenId, t.at)],
);

export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    url: text('url').notNull(),
    /** JSON array of WEBHOOK_EVENTS. */
    eventsJson: text('events_json').notNull(),
    /** The HMAC key; shown once at creation, needed in clear to sign each delivery. */
    secret: text('secret').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
  },
  (t) => [index('webhooks_org_idx').on(t.orgId)],
);

/**
 * The outbox: one row per webhook × event, written in the transaction of the change it announces. The id is the
 * delivery's idempotency key, so a delivery retried after a crash is recognisable by the receiver.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    payloadJson: text('payload_json').notNull(),
    state: text('state', { enum: DELIVERY_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
    lastAttemptAt: integer('last_attempt_at'),
    deliveredAt: integer('delivered_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt),
    index('webhook_deliveries_hook_idx').on(t.webhookId, t.createdAt),
  ],
);
