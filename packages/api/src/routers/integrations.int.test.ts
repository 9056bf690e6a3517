import { type DbHandle, webhookDeliveries } from '@ctp/db';
import { backoffMs, deliverDueWebhooks, signatureOf } from '@ctp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase, tableCounts } from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

const newTrial = {
  titleZh: '回调测试',
  type: 'drug' as const,
  phase: 'II' as const,
  conditions: ['胃癌'],
  targetEnrolment: 10,
  riskLevel: 'low' as const,
};

describe('webhooks (issue 17)', () => {
  it('queues an event for the concerned organisation only, in the transaction of the change', async () => {
    const site = callerAs(database, 'site@demo.ctp');
    const { id: hookId, secret } = await site.webhooks.create({
      url: 'https://ctms.example.cn/hook',
      events: ['site.state_changed'],
    });
    expect(secret).toMatch(/^whsec_/);
    // Another hospital's trial office subscribes too; a site selected at 江苏省人民医院 is not its business.
    await callerAs(database, 'site-gulou@demo.ctp').webhooks.create({
      url: 'https://gulou.example.cn/hook',
      events: ['site.state_changed', 'inquiry.received'],
    });
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create(newTrial);
    const trialSiteId = await selectPiSite(database, sponsor, trialId);

    const rows = database.db.select().from(webhookDeliveries).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ webhookId: hookId, event: 'site.state_changed', state: 'pending', attempts: 0 });
    const payload = JSON.parse(rows[0]!.payloadJson) as { id: string; event: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({
      id: rows[0]!.id,
      event: 'site.state_changed',
      data: { trialSiteId, trialId, state: 'selected' },
    });

    // A refused change announces nothing.
    const before = database.db.select().from(webhookDeliveries).all().length;
    await apiErrorOf(sponsor.trialSites.select({ trialId, hospitalSpecialtyId: 'no-such-specialty' }));
    expect(database.db.select().from(webhookDeliveries).all().length).toBe(before);
  });

  it('retries with backoff, signs each attempt, and gives up after the last attempt; the owner sees each state', async () => {
    const site = callerAs(database, 'site@demo.ctp');
    const { id: hookId, secret } = await site.webhooks.create({
      url: 'https://ctms.example.cn/hook',
      events: ['site.state_changed'],
    });
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create(newTrial);
    await selectPiSite(database, sponsor, trialId);

    let now = Date.now();
    const sent: { headers: Record<string, string>; body: string }[] = [];
    const failing = (async (_url: string, init: RequestInit) => {
      sent.push({ headers: init.headers as Record<string, string>, body: init.body as string });
      return new Response('no', { status: 503 });
    }) as typeof fetch;
    await deliverDueWebhooks(database.db, { now: () => now, fetchImpl: failing });
    expect(sent).toHaveLength(1);
    const [first] = sent;
    const t = Number(/t=(\d+)/.exec(first!.headers['x-ctp-signature']!)![1]);
    expect(first!.headers['x-ctp-signature']).toBe(signatureOf(secret, first!.body, t));
    // Not due again until the backoff has passed.
    await deliverDueWebhooks(database.db, { now: () => now + backoffMs(1) - 1, fetchImpl: failing });
    expect(sent).toHaveLength(1);
    for (let attempt = 1; attempt < 10; attempt++) {
      now += backoffMs(attempt);
      await deliverDueWebhooks(database.db, { now: () => now, fetchImpl: failing });
    }
    expect(sent).toHaveLength(10);
    expect(new Set(sent.map((s) => s.headers['idempotency-key'])).size).toBe(1);
    const [delivery] = await site.webhooks.deliveries({ webhookId: hookId });
    expect(delivery).toMatchObject({
      state: 'failed',
      attempts: 10,
      lastStatus: 503,
      lastError: 'HTTP 503',
      nextAttemptAt: null,
    });
    const [listed] = await site.webhooks.list();
    expect(listed).toMatchObject({ id: hookId, failed: 1, pending: 0, delivered: 0 });
    expect(JSON.stringify(await site.webhooks.list())).not.toContain(secret);
  });

  it('refuses bad input and other organisations, and audits creation and disabling', async () => {
    const site = callerAs(database, 'site@demo.ctp');
    const before = tableCounts(database);
    const bad = await apiErrorOf(
      site.webhooks.create({ url: 'ftp://x.example.cn', events: ['site.state_changed'] }),
      'en',
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.[0]?.path).toBe('url');
    expect((await apiErrorOf(site.webhooks.create({ url: 'https://x.example.cn', events: [] }))).code).toBe(
      'VALIDATION',
    );
    expect(tableCounts(database)).toEqual(before);
    const { id } = await site.webhooks.create({ url: 'https://x.example.cn/hook', events: ['letter.issued'] });
    expect(
      (await apiErrorOf(callerAs(database, 'site-gulou@demo.ctp').webhooks.deliveries({ webhookId: id }))).code,
    ).toBe('NOT_FOUND');
    expect((await apiErrorOf(callerAs(database, 'ec@demo.ctp').webhooks.list())).code).toBe('FORBIDDEN');
    await site.webhooks.disable({ webhookId: id });
    expect((await apiErrorOf(site.webhooks.disable({ webhookId: id }))).detail).toBe('WEBHOOK_ALREADY_DISABLED');
    expect(tableCounts(database).auditEvents).toBe(before.auditEvents + 2);
  });
});
