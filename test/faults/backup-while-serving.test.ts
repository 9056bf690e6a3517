import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type DbHandle, openDatabase } from '@ctp/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../apps/server/src/backup/create-backup.ts';
import { listFiles } from '../../apps/server/src/backup/manifest.ts';
import { restoreBackup } from '../../apps/server/src/backup/restore-backup.ts';
import { checkDataDir } from '../helpers/data-checks.ts';
import { type Acknowledged, signInHttp, startWriters } from '../helpers/http-workload.ts';
import { dataPaths, prepareDataDir, type ServerProcess, spawnServer } from '../helpers/server-process.ts';

let root: string;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill9();
  if (root) await rm(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every row of every ordinary table, as JSON text (sessions excluded: signing in and reading touch them). */
function rowsByTable(handle: DbHandle): Map<string, string[]> {
  const tables = handle.sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like '%VIRTUAL%'",
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables
      .filter((t) => t !== 'sessions' && !t.includes('_fts'))
      .map((t) => [
        t,
        handle.sqlite
          .prepare(`select * from "${t}"`)
          .all()
          .map((r) => JSON.stringify(r)),
      ]),
  );
}

describe('backup while serving', () => {
  it('takes one archive while HTTP writes go on; restored onto an empty folder it verifies and matches', async () => {
    root = await mkdtemp(join(tmpdir(), 'ctp-backup-'));
    const live = join(root, 'live');
    const { submissionId } = await prepareDataDir(live);
    server = await spawnServer(live);
    const sponsor = await signInHttp(server.url, 'sponsor@demo.ctp');
    const site = await signInHttp(server.url, 'site@demo.ctp');
    const acked: Acknowledged = { shortlists: [], documents: [] };
    const writers = startWriters({ url: server.url, sponsor, site, submissionId, concurrency: 8, tag: 'b', acked });
    for (let waited = 0; acked.documents.length < 5 && waited < 60_000; waited += 50) await sleep(50);

    // Everything acknowledged before the backup starts must be in it.
    const before: Acknowledged = { shortlists: [...acked.shortlists], documents: [...acked.documents] };
    const archive = join(root, 'ctp-backup.tar.gz');
    const liveHandle = openDatabase(dataPaths(live).dbPath);
    const { manifest } = await createBackup(liveHandle, dataPaths(live).filesDir, archive);
    closeDatabase(liveHandle);
    const ackedDuringBackup =
      acked.shortlists.length + acked.documents.length - before.shortlists.length - before.documents.length;
    await sleep(300);
    await writers.stop();
    await server.stop();
    server = undefined;
    expect(writers.counts.serverErrors).toBe(0);

    const restoredDir = join(root, 'restored');
    const restored = await restoreBackup(archive, restoredDir);
    expect(restored.auditCount).toBe(manifest.audit.count);
    const check = checkDataDir(restoredDir, before);
    expect(check).toMatchObject({
      integrity: [],
      audit: { ok: true },
      lostShortlists: [],
      lostDocuments: [],
      badFiles: [],
    });

    // Rows: the restored database is the live one as it stood at one moment — every restored row is in the live
    // database unchanged, and its audit log is a prefix of the live one.
    const a = openDatabase(dataPaths(restoredDir).dbPath);
    const b = openDatabase(dataPaths(live).dbPath);
    try {
      const restoredRows = rowsByTable(a);
      const liveRows = rowsByTable(b);
      let compared = 0;
      for (const [table, rows] of restoredRows) {
        const liveSet = new Set(liveRows.get(table));
        const missing = rows.filter((r) => !liveSet.has(r));
        expect({ table, missing }).toEqual({ table, missing: [] });
        compared += rows.length;
      }
      const restoredAudit = a.sqlite.prepare('select * from audit_events order by id').all();
      const livePrefix = b.sqlite.prepare('select * from audit_events order by id limit ?').all(restoredAudit.length);
      expect(restoredAudit).toEqual(livePrefix);
      const liveAuditCount = b.sqlite.prepare('select count(*) from audit_events').pluck().get() as number;
      expect(liveAuditCount).toBeGreaterThan(restoredAudit.length); // the server kept writing after the snapshot

      // Files: each restored file is byte for byte the live one.
      const restoredFiles = await listFiles(dataPaths(restoredDir).filesDir);
      for (const rel of restoredFiles)
        expect(
          readFileSync(join(dataPaths(restoredDir).filesDir, rel)).equals(
            readFileSync(join(dataPaths(live).filesDir, rel)),
          ),
        ).toBe(true);
      expect(restoredFiles.length).toBe(manifest.files.length);
      console.log(
        `backup while serving: ${manifest.files.length} files and ${manifest.audit.count} audit events archived ` +
          `(${ackedDuringBackup} writes acknowledged during the backup, ${liveAuditCount - restoredAudit.length} ` +
          `audit events after the snapshot); ${compared} rows compared`,
      );
    } finally {
      closeDatabase(a);
      closeDatabase(b);
    }

    // A non-empty folder is refused, and nothing in it is touched.
    await expect(restoreBackup(archive, restoredDir)).rejects.toThrow(/not empty/);
  }, 600_000);
});
