import { createHmac } from 'node:crypto';
import { WEBHOOK_MAX_ATTEMPTS } from '@ctp/contracts';
import { type Db, webhookDeliveries, webhooks } from '@ctp/db';
import { and, asc, eq, lte } from 'drizzle-orm';

/** A claimed delivery is retried after this long: the worker that claimed it may have died mid-request. */
export const DELIVERY_LEASE_MS = 60_000;
/** A receiver has this long to answer; always shorter than the lease, so a live worker finishes before anyone retries. */
const TIMEOUT_MS = 10_000;

/** Backoff after the n-th failed attempt: 10 s, 20 s, 40 s … at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the receiver recomputes it with the webhook's secret. */
export function signatureOf(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Sends the deliveries that are due, oldest first. Each is claimed (its next attempt pushed a lease ahead, a
 * conditional update) before it is sent, so two workers never send it at once, and a worker killed mid-request
 * leaves it to be sent again after the lease: at-least-once, and the `Idempotency-Key` (the delivery id, the same on
 * every attempt) lets the receiver keep exactly one. Delivery bookkeeping is not audited (it changes no record).
 */
export async function deliverDueWebhooks(
  db: Db,
  opts: { now: () => number; fetchImpl?: typeof fetch; limit?: number; leaseMs?: number },
): Promise<{ delivered: number; failed: number }> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const leaseMs = opts.leaseMs ?? DELIVERY_LEASE_MS;
  const timeoutMs = Math.min(TIMEOUT_MS, Math.max(500, leaseMs - 500));
  const due = db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.state, 'pending'), lte(webhookDeliveries.nextAttemptAt, opts.now())))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(opts.limit ?? 20)
    .all();
  let delivered = 0;
  let failed = 0;
  for (const { delivery, url, secret } of due) {
    const claimedAt = opts.now();
    const claim = db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: claimedAt + leaseMs, lastAttemptAt: claimedAt, attempts: delivery.attempts + 1 })
      .where(
        and(
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.state, 'pending'),
          eq(webhookDeliveries.attempts, delivery.attempts),
        ),
      )
      .run();
    if (claim.changes !== 1) continue;
    const attempts = delivery.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'CTP-Webhooks/1',
          'idempotency-key': delivery.id,
          'x-ctp-event': delivery.event,
          'x-ctp-delivery': delivery.id,
          'x-ctp-signature': signatureOf(secret, delivery.payloadJson, Math.floor(claimedAt / 1000)),
        },
        body: delivery.payloadJson,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 200) : 'request failed';
    }
    const at = opts.now();
    if (error === null) {
      db.update(webhookDeliveries)
        .set({ state: 'delivered', deliveredAt: at, lastStatus: status, lastError: null, nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, delivery.id))
        .run();
      delivered++;
    } else {
      const giveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
      db.update(webhookDeliveries)
        .set({
          state: giveUp ? 'failed' : 'pending',
          lastStatus: status,
          lastError: error,
          nextAttemptAt: giveUp ? null : at + backoffMs(attempts),
        })
        .where(eq(webhookDeliveries.id, delivery.id))
        .run();
      failed++;
    }
  }
  return { delivered, failed };
}
