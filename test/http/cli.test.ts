import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, type DbHandle, openDatabase } from '@ctp/db';
import { verifyAuditChain } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'apps/server/src/cli.ts');

type Run = { code: number; stdout: string; stderr: string };

let dir: string;
let dbPath: string;

/**
 * Runs `ctp <args>` as `pnpm ctp` would (tsx), against the temporary database. `node --import tsx` is what the tsx
 * binary spawns, minus the wrapper process; each start still costs a second or two of CPU.
 */
function ctp(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          CTP_DB: dbPath,
          CTP_DATA_DIR: join(dir, 'files'),
          CTP_LOG_LEVEL: 'silent',
          ...env,
        },
        timeout: 240_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function withDatabase<T>(path: string, fn: (handle: DbHandle) => T): T {
  const handle = openDatabase(path);
  try {
    return fn(handle);
  } finally {
    closeDatabase(handle);
  }
}

describe('ctp CLI', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctp-cli-'));
    dbPath = join(dir, 'ctp.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands, migrates, seeds, verifies, creates users, backs up, and catches a tampered audit row', async () => {
    // Two rounds of parallel processes (each tsx start costs a second or two). `seed` migrates the main database
    // itself; `migrate` is checked on a second, fresh file.
    const freshPath = join(dir, 'fresh.sqlite');
    const [help, migrate, seed] = await Promise.all([
      ctp(['--help']),
      ctp(['migrate'], { CTP_DB: freshPath }),
      ctp(['seed', '--demo']),
    ]);

    expect(help.code).toBe(0);
    for (const command of ['migrate', 'seed', 'user:create', 'audit', 'backup', 'restore']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }

    expect(migrate).toMatchObject({ code: 0, stdout: expect.stringContaining('migrations applied') });
    const tables = withDatabase(freshPath, (h) =>
      h.sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
    );
    expect(tables).toEqual(expect.arrayContaining(['organisations', 'users', 'memberships', 'audit_events']));

    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/seeded \d+ hospitals and \d+ users/);
    const organisations = withDatabase(dbPath, (h) =>
      h.sqlite.prepare('select count(*) from organisations').pluck().get(),
    );
    expect(organisations).toBeGreaterThan(5);

    // A copy of the seeded database with event #1 tampered, verified alongside the intact original.
    const tamperedPath = join(dir, 'tampered.sqlite');
    copyFileSync(dbPath, tamperedPath);
    withDatabase(tamperedPath, (h) =>
      h.sqlite.prepare(`update audit_events set after_json = '{"x":1}' where id = 1`).run(),
    );

    const backupFile = join(dir, 'backup.tar.gz');
    const [trialId, nctId] = withDatabase(dbPath, (h) => [
      h.sqlite.prepare('select id from trials order by id limit 1').pluck().get() as string,
      h.sqlite
        .prepare("select registry_id from registry_trials where source = 'ctgov' limit 1")
        .pluck()
        .get() as string,
    ]);
    const [verified, broken, backup, created, fhirPlatform, fhirRegistry, fhirMissing] = await Promise.all([
      ctp(['audit', 'verify']),
      ctp(['audit', 'verify'], { CTP_DB: tamperedPath }),
      ctp(['backup', backupFile]),
      ctp(['user:create', '--email', 'Ops@Example.CN', '--name', '运维', '--org', 'jsph', '--role', 'site_admin'], {
        CTP_NEW_PASSWORD: 'a-long-cli-password',
      }),
      ctp(['export', 'fhir', '--trial', trialId]),
      ctp(['export', 'fhir', '--trial', nctId]),
      ctp(['export', 'fhir', '--trial', 'NCT00000000']),
    ]);

    // `ctp export fhir` (issue 17): the whole trial as a FHIR R4 Bundle, a platform trial or an imported one.
    for (const [out, id] of [
      [fhirPlatform, trialId],
      [fhirRegistry, nctId],
    ] as const) {
      expect(out.code).toBe(0);
      const bundle = JSON.parse(out.stdout) as {
        resourceType: string;
        entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
      };
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.entry[0]!.resource.identifier!.map((i) => i.value)).toContain(id);
    }
    expect(fhirMissing.code).not.toBe(0);
    expect(fhirMissing.stderr).toContain('refused: NOT_FOUND');

    expect(verified.code).toBe(0);
    // `seed` signed the head beside the database: verify checks the rows against it.
    expect(verified.stdout).toMatch(/audit chain intact: \d+ events, head [0-9a-f]{64}; signed head #\d+ matches/);

    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/BROKEN at event #1 \(hash_mismatch\)/);

    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*backup\.tar\.gz: database and \d+ files/);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);

    // Restore: refused onto a folder that is not empty; onto an empty one, restored, verified and servable.
    const occupied = join(dir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'keep.txt'), 'x');
    const restoredDir = join(dir, 'restored');
    const [refused, restored] = await Promise.all([
      ctp(['restore', backupFile, '--data-dir', occupied]),
      ctp(['restore', backupFile, '--data-dir', restoredDir]),
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/not empty/);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored and verified: \d+ audit events/);
    const restoredDb = join(restoredDir, 'ctp.sqlite');
    expect(withDatabase(restoredDb, (h) => h.sqlite.prepare('select count(*) from organisations').pluck().get())).toBe(
      organisations,
    );
    expect(statSync(restoredDb).mode & 0o777).toBe(0o600);
    expect(statSync(join(restoredDir, 'files')).mode & 0o777).toBe(0o700);
    const restoredEnv = { CTP_DB: restoredDb, CTP_DATA_DIR: join(restoredDir, 'files') };
    const [restoredVerify, anchor] = await Promise.all([
      ctp(['audit', 'verify'], restoredEnv),
      ctp(['audit', 'anchor'], restoredEnv),
    ]);
    expect(restoredVerify.stdout).toMatch(/audit chain intact: .* signed head #\d+ matches/);
    const anchored = JSON.parse(anchor.stdout) as { id: number; hash: string };
    expect(anchored.hash).toBe(
      withDatabase(restoredDb, (h) =>
        h.sqlite.prepare('select hash from audit_events where id = ?').pluck().get(anchored.id),
      ),
    );

    expect(created.code).toBe(0);
    const user = withDatabase(dbPath, (h) =>
      h.sqlite
        .prepare(
          `select u.email, m.org_id, m.role, a.actor_user_id
             from users u join memberships m on m.user_id = u.id
             join audit_events a on a.entity_id = u.id and a.action = 'user.create'
            where u.email = ?`,
        )
        .get('ops@example.cn'),
    );
    expect(user).toEqual({ email: 'ops@example.cn', org_id: 'hosp-jsph', role: 'site_admin', actor_user_id: null });
    // The CLI's own writes keep the chain intact.
    expect(withDatabase(dbPath, (h) => verifyAuditChain(h.db).ok)).toBe(true);
  }, 600_000); // eleven processes: generous on a loaded machine (a shared CI box runs them at a fraction of a core)
});
