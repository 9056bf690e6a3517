import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir } from '../helpers/data-checks.ts';
import { type Acknowledged, signInHttp, startWriters } from '../helpers/http-workload.ts';
import { dataPaths, prepareDataDir, type ServerProcess, spawnServer } from '../helpers/server-process.ts';

const ROUNDS = 3;
const WRITERS = 16;
const dir = mkdtempSync(join(tmpdir(), 'ctp-faults-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill9();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults: kill -9 during a burst of writes and uploads', () => {
  it('restarts every time with a sound database, an intact audit chain and head, and every acknowledged write', async () => {
    const { submissionId } = await prepareDataDir(dir);
    const acked: Acknowledged = { shortlists: [], documents: [] };
    const totals = { sent: 0, acked: 0, failed: 0, serverErrors: 0, kills: 0 };

    server = await spawnServer(dir);
    // Created owner-only at first start: the database and the file store.
    expect(statSync(dataPaths(dir).dbPath).mode & 0o777).toBe(0o600);
    expect(statSync(dataPaths(dir).auditHead.keyFile).mode & 0o777).toBe(0o600);
    const sponsor = await signInHttp(server.url, 'sponsor@demo.ctp');
    const site = await signInHttp(server.url, 'site@demo.ctp');

    for (let round = 1; round <= ROUNDS; round++) {
      const writers = startWriters({
        url: server.url,
        sponsor,
        site,
        submissionId,
        concurrency: WRITERS,
        tag: `r${round}`,
        acked,
      });
      // Let the burst run until some writes are acknowledged, then cut the power at a random moment.
      const ackedBefore = totals.acked;
      for (let waited = 0; writers.counts.acked < 20 && waited < 30_000; waited += 50) await sleep(50);
      await sleep(100 + Math.floor(Math.random() * 400));
      await server.kill9();
      totals.kills++;
      await writers.stop();
      for (const k of ['sent', 'acked', 'failed', 'serverErrors'] as const) totals[k] += writers.counts[k];
      expect(totals.acked).toBeGreaterThan(ackedBefore);

      // The restart itself checks the signed head against the database before writing anything (or refuses).
      server = await spawnServer(dir);
      const check = checkDataDir(dir, acked);
      expect(check.integrity).toEqual([]);
      expect(check.audit).toMatchObject({ ok: true });
      expect(check.audit.ok && check.audit.anchor).not.toBeNull();
      expect(check.lostShortlists).toEqual([]);
      expect(check.lostDocuments).toEqual([]);
      expect(check.badFiles).toEqual([]);
    }
    await server.stop();
    server = undefined;
    const final = checkDataDir(dir, acked);
    expect(final.audit).toMatchObject({ ok: true });

    expect(totals.serverErrors).toBe(0);
    console.log(
      `faults: ${totals.kills} kill -9 rounds; ${totals.sent} writes sent, ${totals.acked} acknowledged ` +
        `(${acked.shortlists.length} shortlists, ${acked.documents.length} uploads), all present after restart; ` +
        `${totals.failed} refused or cut off around the kills; audit events ${final.audit.count}`,
    );
  }, 600_000);
});
