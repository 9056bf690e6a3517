import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, webhookDeliveries } from '@ctp/db';
import { afterAll, describe, expect, it } from 'vitest';
import { selectPiSite } from '../helpers/fixtures.ts';
import { dataPaths, prepareDataDir, type ServerProcess, spawnServer } from '../helpers/server-process.ts';
import { callerAs } from '../helpers/test-app.ts';

const EVENTS = 4;
const dir = mkdtempSync(join(tmpdir(), 'ctp-webhooks-'));
let server: ServerProcess | undefined;
let receiver: Server | undefined;
afterAll(async () => {
  await server?.kill9();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A hospital system's receiver: keeps each delivery once by its idempotency key, checks every signature. */
function startReceiver(secret: () => string) {
  const seen = new Map<string, { event: string; body: unknown }>();
  const attempts: string[] = [];
  const badSignatures: string[] = [];
  let hangNext = true;
  let onHang: () => void = () => {};
  const hung = new Promise<void>((resolve) => {
    onHang = resolve;
  });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      attempts.push(key);
      const [t, v1] = String(req.headers['x-ctp-signature'])
        .split(',')
        .map((p) => p.split('=')[1]);
      const expected = createHmac('sha256', secret()).update(`${t}.${body}`).digest('hex');
      if (v1 !== expected) badSignatures.push(key);
      if (hangNext) {
        // The first delivery never gets an answer: the server is killed while it waits.
        hangNext = false;
        onHang();
        return;
      }
      if (!seen.has(key)) seen.set(key, { event: String(req.headers['x-ctp-event']), body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  };
  return { handler, seen, attempts, badSignatures, hung };
}

describe('faults: webhook deliveries survive a kill -9 mid-delivery', () => {
  it('delivers every event exactly once by its idempotency key after the restart, each signed', async () => {
    await prepareDataDir(dir);
    let secret = '';
    const rx = startReceiver(() => secret);
    receiver = createServer(rx.handler);
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ctms/hook`;

    // Before the first start: the trial office subscribes, then four sites are selected at its hospital.
    const handle = openDatabase(dataPaths(dir).dbPath);
    try {
      const created = await callerAs(handle, 'site@demo.ctp').webhooks.create({ url, events: ['site.state_changed'] });
      secret = created.secret;
      const sponsor = callerAs(handle, 'sponsor@demo.ctp');
      for (let i = 0; i < EVENTS; i++) {
        const { id } = await sponsor.trials.create({
          titleZh: `回调测试试验 ${i}`,
          type: 'drug',
          phase: 'II',
          conditions: ['胃癌'],
          targetEnrolment: 20,
          riskLevel: 'low',
        });
        await selectPiSite(handle, sponsor, id);
      }
      expect(handle.db.select().from(webhookDeliveries).all()).toHaveLength(EVENTS);
    } finally {
      closeDatabase(handle);
    }

    const env = { CTP_WEBHOOK_INTERVAL_MS: '200', CTP_WEBHOOK_LEASE_MS: '1500' };
    server = await spawnServer(dir, env);
    await rx.hung;
    await server.kill9();
    expect(rx.seen.size).toBe(0);

    server = await spawnServer(dir, env);
    for (let waited = 0; rx.seen.size < EVENTS && waited < 30_000; waited += 100) await sleep(100);
    // Let any stray retry arrive before counting.
    await sleep(800);
    expect(rx.seen.size).toBe(EVENTS);
    expect([...rx.seen.values()].every((d) => d.event === 'site.state_changed')).toBe(true);
    // The delivery cut off by the kill was sent again with the same key; the receiver kept it once.
    const interrupted = rx.attempts[0]!;
    expect(rx.attempts.filter((k) => k === interrupted).length).toBeGreaterThanOrEqual(2);
    expect(rx.seen.has(interrupted)).toBe(true);
    expect(rx.badSignatures).toEqual([]);
    await server.stop();

    const check = openDatabase(dataPaths(dir).dbPath);
    try {
      const rows = check.db.select().from(webhookDeliveries).all();
      expect(rows.map((r) => r.state)).toEqual(Array(EVENTS).fill('delivered'));
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(rx.seen.keys()));
    } finally {
      closeDatabase(check);
    }
  }, 240_000);
});
