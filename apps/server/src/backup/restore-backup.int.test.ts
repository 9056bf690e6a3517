import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type DbHandle, openDatabase } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { inTransaction, storageKeyOf, writeAuditEvent } from '@ctp/domain';
import { create as createTar, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from './create-backup.ts';
import type { BackupManifest } from './manifest.ts';
import { RestoreError, restoreBackup } from './restore-backup.ts';

let dir: string;
let source: DbHandle;
let good: string;
let n = 0;
const fresh = () => join(dir, `target-${n++}`);

/** Unpacks `archive`, lets `edit` change the unpacked tree, packs it again. */
async function repack(archive: string, edit: (root: string) => void): Promise<string> {
  const root = join(dir, `unpacked-${n++}`);
  mkdirSync(root);
  await extract({ file: archive, cwd: root });
  edit(root);
  const out = join(dir, `edited-${n++}.tar.gz`);
  await createTar({ gzip: true, file: out, cwd: root, portable: true }, readdirSync(root));
  return out;
}

const manifestOf = (root: string) => JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as BackupManifest;
const writeManifest = (root: string, m: BackupManifest) =>
  writeFileSync(join(root, 'manifest.json'), JSON.stringify(m));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('restoreBackup refuses what it cannot verify, and leaves the folder empty', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctp-restore-'));
    source = createTestDatabase();
    for (let i = 0; i < 5; i++)
      inTransaction(source.db, (tx) =>
        writeAuditEvent(
          tx,
          { actor: null, now: Date.now, requestId: 'r' },
          {
            action: 'organisation.update',
            entityType: 'organisation',
            entityId: `o${i}`,
          },
        ),
      );
    const files = join(dir, 'files');
    const bytes = Buffer.from('%PDF-1.4 letter');
    const key = storageKeyOf(sha(bytes));
    mkdirSync(join(files, key, '..'), { recursive: true });
    writeFileSync(join(files, key), bytes);
    good = join(dir, 'good.tar.gz');
    await createBackup(source, files, good);
  });
  afterAll(() => {
    closeDatabase(source);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores the untouched archive', async () => {
    const target = fresh();
    const r = await restoreBackup(good, target);
    expect(r).toMatchObject({ auditCount: 5, files: 1 });
    const restored = openDatabase(r.dbPath);
    expect(restored.sqlite.prepare('select count(*) from audit_events').pluck().get()).toBe(5);
    closeDatabase(restored);
  });

  it('refuses a stored file whose bytes changed', async () => {
    const archive = await repack(good, (root) => {
      const file = manifestOf(root).files[0]!.path;
      writeFileSync(join(root, file), 'replaced');
    });
    const target = fresh();
    await expect(restoreBackup(archive, target)).rejects.toThrow(/does not match its sha256/);
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses an audit log edited in the database even when the manifest was rewritten to match', async () => {
    const archive = await repack(good, (root) => {
      const db = openDatabase(join(root, 'ctp.sqlite'));
      db.sqlite.prepare(`update audit_events set entity_id = 'forged' where id = 2`).run();
      closeDatabase(db);
      const m = manifestOf(root);
      const bytes = readFileSync(join(root, 'ctp.sqlite'));
      writeManifest(root, { ...m, database: { ...m.database, sha256: sha(bytes), size: bytes.length } });
    });
    await expect(restoreBackup(archive, fresh())).rejects.toThrow(/audit record does not verify: hash_mismatch/);
  });

  it('refuses the newest audit events cut off, and a file the manifest does not list', async () => {
    const cut = await repack(good, (root) => {
      const db = openDatabase(join(root, 'ctp.sqlite'));
      db.sqlite.prepare('delete from audit_events where id > 3').run();
      db.sqlite.prepare("update sqlite_sequence set seq = 3 where name = 'audit_events'").run();
      closeDatabase(db);
      const m = manifestOf(root);
      const bytes = readFileSync(join(root, 'ctp.sqlite'));
      writeManifest(root, { ...m, database: { ...m.database, sha256: sha(bytes), size: bytes.length } });
    });
    await expect(restoreBackup(cut, fresh())).rejects.toThrow(/does not end where the manifest says/);

    const extra = await repack(good, (root) => writeFileSync(join(root, 'files', 'extra.bin'), 'x'));
    await expect(restoreBackup(extra, fresh())).rejects.toThrow(/not in its manifest/);
  });

  it('refuses a symbolic link in the archive', async () => {
    const archive = await repack(good, (root) => symlinkSync('/etc/passwd', join(root, 'files', 'link')));
    await expect(restoreBackup(archive, fresh())).rejects.toThrow(RestoreError);
  });
});
