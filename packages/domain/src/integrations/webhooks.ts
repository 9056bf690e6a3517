import { randomBytes } from 'node:crypto';
import {
  type WebhookDeliveryView,
  type WebhookEvent,
  type WebhooksCreateInput,
  type WebhookView,
  webhooksCreateInput,
} from '@ctp/contracts';
import { users, webhookDeliveries, webhooks } from '@ctp/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { integrationsManager } from './policy.ts';

/** At most this many live webhooks per organisation: each event is one delivery per webhook. */
export const MAX_WEBHOOKS_PER_ORG = 10;

/** Registers a receiver; returns the HMAC secret once (the receiver checks `X-CTP-Signature` with it). */
export function createWebhook({ ctx, input }: { ctx: Ctx; input: WebhooksCreateInput }): {
  id: string;
  secret: string;
} {
  const actor = integrationsManager(ctx);
  const parsed = webhooksCreateInput.parse(input);
  const live = ctx.db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.orgId, actor.orgId), isNull(webhooks.disabledAt)))
    .all();
  if (live.length >= MAX_WEBHOOKS_PER_ORG) {
    throw new DomainError('PRECONDITION_FAILED', 'TOO_MANY_WEBHOOKS', { params: { max: MAX_WEBHOOKS_PER_ORG } });
  }
  const id = newId();
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const events = [...parsed.events].sort();
  inTransaction(ctx.db, (tx) => {
    tx.insert(webhooks)
      .values({
        id,
        orgId: actor.orgId,
        url: parsed.url,
        eventsJson: JSON.stringify(events),
        secret,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: id,
      after: { url: parsed.url, events },
    });
  });
  return { id, secret };
}

function ownWebhook(ctx: Ctx, webhookId: string) {
  const actor = integrationsManager(ctx);
  const hook = ctx.db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.orgId, actor.orgId)))
    .get();
  if (!hook) throw notFound('WEBHOOK_NOT_FOUND');
  return hook;
}

/** Stops new deliveries; what was already queued is still delivered (nothing announced is silently dropped). */
export function disableWebhook({ ctx, input }: { ctx: Ctx; input: { webhookId: string } }): void {
  const hook = ownWebhook(ctx, input.webhookId);
  if (hook.disabledAt !== null) throw new DomainError('CONFLICT', 'WEBHOOK_ALREADY_DISABLED');
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(webhooks)
      .set({ disabledAt: ctx.now() })
      .where(and(eq(webhooks.id, hook.id), isNull(webhooks.disabledAt)))
      .run();
    if (changed.changes !== 1) throw new DomainError('CONFLICT', 'WEBHOOK_ALREADY_DISABLED');
    writeAuditEvent(tx, ctx, {
      action: 'webhook.disable',
      entityType: 'webhook',
      entityId: hook.id,
      before: { url: hook.url },
    });
  });
}

export function listWebhooks({ ctx }: { ctx: Ctx }): WebhookView[] {
  const actor = integrationsManager(ctx);
  const counts = ctx.db
    .select({ webhookId: webhookDeliveries.webhookId, state: webhookDeliveries.state, n: sql<number>`count(*)` })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhooks.orgId, actor.orgId))
    .groupBy(webhookDeliveries.webhookId, webhookDeliveries.state)
    .all();
  const countOf = (id: string, state: string) => counts.find((c) => c.webhookId === id && c.state === state)?.n ?? 0;
  return ctx.db
    .select({ hook: webhooks, createdByName: users.name })
    .from(webhooks)
    .innerJoin(users, eq(users.id, webhooks.createdBy))
    .where(eq(webhooks.orgId, actor.orgId))
    .orderBy(desc(webhooks.createdAt))
    .all()
    .map(({ hook, createdByName }) => ({
      id: hook.id,
      url: hook.url,
      events: JSON.parse(hook.eventsJson) as WebhookEvent[],
      createdAt: hook.createdAt,
      createdByName,
      disabledAt: hook.disabledAt,
      pending: countOf(hook.id, 'pending'),
      delivered: countOf(hook.id, 'delivered'),
      failed: countOf(hook.id, 'failed'),
    }));
}

/** The newest 200 deliveries of one of the organisation's webhooks, with their state. */
export function listWebhookDeliveries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { webhookId: string };
}): WebhookDeliveryView[] {
  const hook = ownWebhook(ctx, input.webhookId);
  return ctx.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, hook.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(200)
    .all()
    .map((d) => ({
      id: d.id,
      event: d.event,
      state: d.state,
      attempts: d.attempts,
      createdAt: d.createdAt,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt : null,
      deliveredAt: d.deliveredAt,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
    }));
}
