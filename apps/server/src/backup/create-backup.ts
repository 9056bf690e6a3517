import { createHash } from 'node:crypto';
import { chmod, copyFile, link, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { backupDatabase, closeDatabase, type DbHandle, openDatabase } from '@ctp/db';
import { currentChainHead, referencedStorageKeys, verifyAuditChain } from '@ctp/domain';
import { create as createTar } from 'tar';
import {
  type BackupManifest,
  DATABASE_ENTRY,
  FILES_ENTRY,
  listFiles,
  MANIFEST_ENTRY,
  sha256OfFile,
} from './manifest.ts';

export type BackupResult = { archive: string; manifest: BackupManifest; manifestSha256: string };

/** Hard link when the store and the staging folder share a file system (files are immutable), else a copy. */
async function linkOrCopy(from: string, to: string) {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * One archive (`.tar.gz`, mode 0600) of everything needed to run CTP again: the database through SQLite's online
 * backup (consistent while the server writes), the file store (documents and letters; not its `tmp/` of uploads
 * in flight) and a manifest with the sha256 of each. The database is copied first and the files after: a file is
 * renamed into the store right after its row commits, so every file the snapshot points at is there by then (one
 * that is not is listed as missing, as it is missing from the live store too).
 */
export async function createBackup(handle: DbHandle, dataDir: string, archive: string): Promise<BackupResult> {
  const out = resolve(archive);
  const staging = await mkdtemp(join(dirname(out), '.ctp-backup-'));
  try {
    await chmod(staging, 0o700);
    const dbCopy = join(staging, DATABASE_ENTRY);
    await backupDatabase(handle, dbCopy);

    const snapshot = openDatabase(dbCopy);
    let audit: BackupManifest['audit'];
    let referenced: Set<string>;
    try {
      const chain = verifyAuditChain(snapshot.db);
      if (!chain.ok) throw new Error(`the audit chain of the database is broken at event #${chain.brokenAt}`);
      const head = currentChainHead(snapshot.db, Date.now());
      audit = { count: chain.count, headId: head?.id ?? 0, headHash: chain.headHash };
      referenced = referencedStorageKeys(snapshot.db);
    } finally {
      closeDatabase(snapshot);
    }

    const stored = await listFiles(dataDir, ['tmp']);
    const files: BackupManifest['files'] = [];
    for (const rel of stored) {
      const staged = join(staging, FILES_ENTRY, rel);
      await linkOrCopy(join(dataDir, rel), staged);
      files.push({ path: `${FILES_ENTRY}/${rel}`, ...(await sha256OfFile(staged)) });
    }
    const present = new Set(stored);
    const manifest: BackupManifest = {
      format: 'ctp-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: { path: DATABASE_ENTRY, ...(await sha256OfFile(dbCopy)) },
      audit,
      files,
      missingFiles: [...referenced].filter((key) => !present.has(key)).sort(),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(join(staging, MANIFEST_ENTRY), manifestText, { mode: 0o600 });

    // Created 0600 before tar writes into it: the archive holds every committee's documents.
    const partial = `${out}.part`;
    await writeFile(partial, '', { mode: 0o600 });
    const entries = [MANIFEST_ENTRY, DATABASE_ENTRY, ...(files.length ? [FILES_ENTRY] : [])];
    await createTar({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    await chmod(partial, 0o600);
    await rename(partial, out);
    const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
    return { archive: out, manifest, manifestSha256 };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
