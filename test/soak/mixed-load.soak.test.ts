import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir } from '../helpers/data-checks.ts';
import { type Acknowledged, signInHttp, trpcCall, uploadDocument } from '../helpers/http-workload.ts';
import { prepareDataDir, type ServerProcess, spawnServer } from '../helpers/server-process.ts';

const DURATION_MS = Number(process.env.CTP_SOAK_SECONDS ?? 60) * 1000;
const CONCURRENCY = 64;
const dir = mkdtempSync(join(tmpdir(), 'ctp-soak-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill9();
  rmSync(dir, { recursive: true, force: true });
});

type Op = { name: string; weight: number; run: () => Promise<{ status: number; ack?: () => void }> };

describe('soak', () => {
  it(`${DURATION_MS / 1000} s of mixed reads and writes at concurrency ${CONCURRENCY}`, async () => {
    const { submissionId } = await prepareDataDir(dir);
    // Limits raised so that the figures measure the server, not the rate limiter (a 429 fails the soak).
    // CTP_SOAK_NODE_OPTIONS (e.g. --max-old-space-size=96) runs the server on a small heap: a leak then crashes it.
    server = await spawnServer(dir, {
      CTP_LOG_LEVEL: 'warn',
      CTP_RATE_LIMIT_PER_MINUTE: '100000',
      ...(process.env.CTP_SOAK_NODE_OPTIONS && { NODE_OPTIONS: process.env.CTP_SOAK_NODE_OPTIONS }),
    });
    const url = server.url;
    const sponsor = await signInHttp(url, 'sponsor@demo.ctp');
    const site = await signInHttp(url, 'site@demo.ctp');
    const commission = await signInHttp(url, 'commission@demo.ctp');
    const acked: Acknowledged = { shortlists: [], documents: [] };
    let n = 0;

    const ops: Op[] = [
      { name: 'sites.search', weight: 4, run: () => trpcCall(url, sponsor, 'query', 'sites.search', { q: '肿瘤' }) },
      { name: 'trials.list', weight: 3, run: () => trpcCall(url, sponsor, 'query', 'trials.list', {}) },
      { name: 'shortlists.list', weight: 2, run: () => trpcCall(url, sponsor, 'query', 'shortlists.list', undefined) },
      { name: 'auth.me', weight: 2, run: () => trpcCall(url, site, 'query', 'auth.me', undefined) },
      { name: 'metrics.overview', weight: 1, run: () => trpcCall(url, commission, 'query', 'metrics.overview', {}) },
      {
        name: 'shortlists.create',
        weight: 2,
        run: async () => {
          const r = await trpcCall(url, sponsor, 'mutation', 'shortlists.create', { name: `soak-${n++}` });
          return { status: r.status, ack: () => acked.shortlists.push((r.body as { id: string }).id) };
        },
      },
      {
        name: 'upload',
        weight: 1,
        run: async () => {
          const r = await uploadDocument(url, site, submissionId, `soak-${n++}`);
          return {
            status: r.status,
            ack: () => acked.documents.push({ id: (r.body as { id: string }).id, sha256: r.sha256 }),
          };
        },
      },
    ];
    const wheel = ops.flatMap((op) => Array.from({ length: op.weight }, () => op));
    const stats = new Map(
      ops.map((op) => [op.name, { count: 0, statuses: {} as Record<number, number>, ms: [] as number[] }]),
    );
    const latencies: number[] = [];

    const rss = { start: server.rssMb(), max: 0, samples: [] as number[] };
    const sampler = setInterval(() => {
      const mb = server!.rssMb();
      rss.samples.push(mb);
      rss.max = Math.max(rss.max, mb);
    }, 1000);

    const deadline = Date.now() + DURATION_MS;
    const worker = async () => {
      while (Date.now() < deadline) {
        const op = wheel[Math.floor(Math.random() * wheel.length)]!;
        const t0 = performance.now();
        const r = await op.run();
        const ms = performance.now() - t0;
        latencies.push(ms);
        const s = stats.get(op.name)!;
        s.ms.push(ms);
        s.count++;
        s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1;
        if (r.status >= 200 && r.status < 300) r.ack?.();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearInterval(sampler);
    const rssEnd = server.rssMb();
    await server.stop();
    server = undefined;

    const all = [...stats.values()];
    const total = all.reduce((a, s) => a + s.count, 0);
    const byStatus = (pred: (code: number) => boolean) =>
      all.reduce((a, s) => a + Object.entries(s.statuses).reduce((b, [k, v]) => b + (pred(Number(k)) ? v : 0), 0), 0);
    const serverErrors = byStatus((c) => c >= 500 || c === 0);
    const throttled = byStatus((c) => c === 429);
    const other = byStatus((c) => c >= 300 && c < 500 && c !== 429);
    const pctOf = (xs: number[], p: number) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return Math.round(sorted[Math.floor((sorted.length - 1) * p)] ?? 0);
    };
    const pct = (p: number) => pctOf(latencies, p);
    const check = checkDataDir(dir, acked);
    // Stable memory: compare the second half of the run with the first (after warm-up), not with a cold start.
    const half = rss.samples.slice(Math.floor(rss.samples.length / 2));
    const firstHalfMax = Math.max(...rss.samples.slice(5, Math.floor(rss.samples.length / 2)), rss.start);

    console.log(
      [
        `soak: ${DURATION_MS / 1000} s at concurrency ${CONCURRENCY}: ${total} requests (${Math.round(total / (DURATION_MS / 1000))}/s), ` +
          `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms`,
        `  server errors (5xx or dropped): ${serverErrors}; 429: ${throttled}; other 3xx/4xx: ${other}`,
        ...[...stats].map(
          ([name, s]) =>
            `  ${name}: ${s.count} ${JSON.stringify(s.statuses)}, p50 ${pctOf(s.ms, 0.5)} ms, p95 ${pctOf(s.ms, 0.95)} ms, max ${pctOf(s.ms, 1)} ms`,
        ),
        `  acknowledged writes: ${acked.shortlists.length} shortlists, ${acked.documents.length} uploads; ` +
          `lost: ${check.lostShortlists.length + check.lostDocuments.length}, bad files: ${check.badFiles.length}`,
        `  audit: ${check.audit.ok ? `intact, ${check.audit.count} events` : `BROKEN (${check.audit.reason})`}; integrity ${check.integrity.length ? check.integrity.join(';') : 'ok'}`,
        `  RSS MB: start ${rss.start.toFixed(0)}, end ${rssEnd.toFixed(0)}, max ${rss.max.toFixed(0)}, ` +
          `max of the first half ${firstHalfMax.toFixed(0)}, of the second half ${Math.max(...half).toFixed(0)}; ` +
          `every 10 s: ${rss.samples
            .filter((_, i) => i % 10 === 9)
            .map((mb) => mb.toFixed(0))
            .join(' ')}`,
      ].join('\n'),
    );

    expect(serverErrors).toBe(0);
    expect(throttled).toBe(0);
    expect(other).toBe(0);
    expect(acked.shortlists.length + acked.documents.length).toBeGreaterThan(0);
    expect(check).toMatchObject({
      integrity: [],
      audit: { ok: true },
      lostShortlists: [],
      lostDocuments: [],
      badFiles: [],
    });
    // Growth in the second half stays within a modest margin of the first half's peak.
    expect(Math.max(...half)).toBeLessThan(firstHalfMax * 1.5 + 50);
  });
});
