import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditBreakReason } from '@ctp/contracts';
import { checkDatabaseIntegrity, closeDatabase, openDatabase } from '@ctp/db';
import { referencedStorageKeys, sealAuditHead, verifyAudit } from '@ctp/domain';
import { extract } from 'tar';
import {
  type BackupManifest,
  DATABASE_ENTRY,
  FILES_ENTRY,
  listFiles,
  MANIFEST_ENTRY,
  sha256OfFile,
} from './manifest.ts';

export class RestoreError extends Error {}

export type RestoreResult = {
  dbPath: string;
  filesDir: string;
  manifest: BackupManifest;
  auditCount: number;
  files: number;
};

const isEmptyOrAbsent = async (dir: string) =>
  readdir(dir).then(
    (entries) => entries.length === 0,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return true;
      throw e;
    },
  );

/** Only the three kinds of entry a CTP backup has, regular files and folders, no links, nothing outside. */
function isBackupEntry(path: string, type: string): boolean {
  const clean = path.replace(/\/$/, '');
  const known = clean === MANIFEST_ENTRY || clean === DATABASE_ENTRY || clean === FILES_ENTRY;
  const underFiles = clean.startsWith(`${FILES_ENTRY}/`) && !clean.split('/').includes('..');
  return (type === 'File' || type === 'Directory') && (known || underFiles);
}

/**
 * Restores an archive made by `createBackup` into an EMPTY data folder (`<dir>/ctp.sqlite`, `<dir>/files/`; the
 * default layout of `./data`), then verifies it: every file against the manifest's sha256 (and nothing more than it
 * lists), SQLite's integrity check, the audit chain and vote checksums, the chain's end against the head recorded at
 * backup time, and every file the database points at. Then a new audit head is signed beside the restored
 * database. Anything wrong: the folder is emptied again and RestoreError says why.
 */
export async function restoreBackup(archive: string, dataDir: string): Promise<RestoreResult> {
  const dir = resolve(dataDir);
  if (!(await isEmptyOrAbsent(dir)))
    throw new RestoreError(`refused: ${dir} is not empty (restore needs an empty folder)`);
  await stat(archive).catch(() => {
    throw new RestoreError(`no archive at ${archive}`);
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  try {
    return await restoreInto(archive, dir);
  } catch (e) {
    for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
    throw e;
  }
}

async function restoreInto(archive: string, dir: string): Promise<RestoreResult> {
  const refused: string[] = [];
  await extract({
    file: archive,
    cwd: dir,
    strict: true,
    filter: (path, entry) => {
      const ok = isBackupEntry(path, 'type' in entry ? String(entry.type) : 'File');
      if (!ok) refused.push(path);
      return ok;
    },
  }).catch((e: unknown) => {
    throw new RestoreError(`the archive cannot be read: ${(e as Error).message}`);
  });
  if (refused.length) throw new RestoreError(`the archive holds entries a CTP backup never has: ${refused.join(', ')}`);

  const manifest = JSON.parse(
    await readFile(join(dir, MANIFEST_ENTRY), 'utf8').catch(() => {
      throw new RestoreError('the archive has no manifest.json');
    }),
  ) as BackupManifest;
  if (manifest.format !== 'ctp-backup' || manifest.version !== 1)
    throw new RestoreError('manifest.json is not a CTP backup manifest (format ctp-backup, version 1)');

  // Owner only, whatever modes the archive carried.
  const dbPath = join(dir, DATABASE_ENTRY);
  const filesDir = join(dir, FILES_ENTRY);
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  await chmod(dbPath, 0o600);
  await chmod(join(dir, MANIFEST_ENTRY), 0o600);
  for (const rel of await listFiles(filesDir)) await chmod(join(filesDir, rel), 0o600);
  for (const sub of await readdir(filesDir, { recursive: true, withFileTypes: true }))
    if (sub.isDirectory()) await chmod(join(sub.parentPath, sub.name), 0o700);
  await chmod(filesDir, 0o700);

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  listed.set(manifest.database.path, manifest.database);
  const extracted = [DATABASE_ENTRY, ...(await listFiles(filesDir)).map((rel) => `${FILES_ENTRY}/${rel}`)];
  for (const path of extracted) {
    const expected = listed.get(path);
    if (!expected) throw new RestoreError(`${path} is in the archive but not in its manifest`);
    const actual = await sha256OfFile(join(dir, path));
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size)
      throw new RestoreError(`${path} does not match its sha256 in the manifest`);
    listed.delete(path);
  }
  if (listed.size) throw new RestoreError(`missing from the archive: ${[...listed.keys()].join(', ')}`);

  const handle = openDatabase(dbPath);
  try {
    const problems = checkDatabaseIntegrity(handle);
    if (problems.length) throw new RestoreError(`SQLite integrity check failed: ${problems.slice(0, 5).join('; ')}`);
    const verdict = verifyAudit(handle.db, { head: null });
    if (!verdict.ok) throw new RestoreError(brokenMessage(verdict.reason, verdict.brokenAt));
    const headRow = handle.sqlite
      .prepare('select hash from audit_events where id = ?')
      .pluck()
      .get(manifest.audit.headId) as string | undefined;
    const headOk = manifest.audit.headId === 0 ? verdict.count === 0 : headRow === manifest.audit.headHash;
    if (!headOk || verdict.count !== manifest.audit.count)
      throw new RestoreError('the audit chain does not end where the manifest says the backup ended');

    const present = new Set(await listFiles(filesDir));
    const lost = [...referencedStorageKeys(handle.db)].filter(
      (key) => !present.has(key) && !manifest.missingFiles.includes(key),
    );
    if (lost.length) throw new RestoreError(`files the database points at are missing: ${lost.join(', ')}`);

    // The restored database gets its own head, signed with a key created for this data folder.
    const sealed = sealAuditHead(handle.db, {
      headFile: `${dbPath}.audit-head.json`,
      keyFile: `${dbPath}.audit-head.key`,
    });
    if (!sealed.ok) throw new RestoreError(brokenMessage(sealed.reason, sealed.brokenAt));
    return { dbPath, filesDir, manifest, auditCount: verdict.count, files: manifest.files.length };
  } finally {
    closeDatabase(handle);
  }
}

function brokenMessage(reason: AuditBreakReason, at: number | null) {
  return `the audit record does not verify: ${reason}${at === null ? '' : ` at event #${at}`}`;
}
