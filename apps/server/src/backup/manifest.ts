import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** What a backup archive holds, with the sha256 of each file; restore checks every byte against it. */
export type BackupManifest = {
  format: 'ctp-backup';
  version: 1;
  createdAt: string;
  database: { path: 'ctp.sqlite'; sha256: string; size: number };
  /** The audit chain of the snapshot: restore checks that the restored chain ends exactly here. */
  audit: { count: number; headId: number; headHash: string };
  files: { path: string; sha256: string; size: number }[];
  /** Storage keys the database points at whose file was not in the store when the backup was made. */
  missingFiles: string[];
};

export const DATABASE_ENTRY = 'ctp.sqlite';
export const FILES_ENTRY = 'files';
export const MANIFEST_ENTRY = 'manifest.json';

export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Regular files under `root`, as forward-slash paths relative to it, sorted; `skip` names top-level folders. */
export async function listFiles(root: string, skip: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
    out.push(rel);
  }
  return out.sort();
}
