import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { ALLOWED_UPLOAD_TYPES, type AllowedUploadMime } from '@ctp/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx, FileStoreSettings } from '../context.ts';

/**
 * Where uploaded documents and generated letters are kept: a directory outside the web root (server config
 * `CTP_DATA_DIR`), files named by their sha256 (content-addressed), never by what the user called them.
 */
export type { FileStoreSettings };

export function fileStoreOf(ctx: Pick<Ctx, 'services'>): FileStoreSettings {
  const files = ctx.services.files;
  if (!files) throw new Error('file storage is not configured (services.files)');
  return files;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pure: the storage key of content with this hash (two-character fan-out keeps directories small). */
export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The absolute path of a stored key; refuses anything that would leave the store. */
export function storedPath(store: FileStoreSettings, key: string): string {
  const root = resolve(store.dir);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep)) throw new Error('storage key outside the file store');
  return path;
}

/** What the bytes are, by their content: one of the allowed types, or null (anything else, an .exe named .pdf…). */
export async function sniffAllowedType(bytes: Uint8Array): Promise<AllowedUploadMime | null> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type) return null;
  return type.mime in ALLOWED_UPLOAD_TYPES ? (type.mime as AllowedUploadMime) : null;
}

export type StagedFile = { tempPath: string; key: string; finalPath: string; existed: boolean };

/**
 * Writes the bytes under a random temporary name before the database transaction. `commitStaged` moves them to
 * their content-addressed name after the commit; `discardStaged` removes them when the transaction fails.
 */
export function stageFile(store: FileStoreSettings, bytes: Uint8Array, sha256: string): StagedFile {
  const tmpDir = join(resolve(store.dir), 'tmp');
  // Owner only: the documents of every committee sit here (the server creates the store 0700 too).
  mkdirSync(tmpDir, { recursive: true, mode: 0o700 });
  const tempPath = join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
  writeFileSync(tempPath, bytes, { flag: 'wx', mode: 0o600 });
  const key = storageKeyOf(sha256);
  const finalPath = storedPath(store, key);
  return { tempPath, key, finalPath, existed: existsSync(finalPath) };
}

export function commitStaged(staged: StagedFile): void {
  if (staged.existed) {
    // The same content is already stored (another version row points at it): keep the one there.
    rmSync(staged.tempPath, { force: true });
    return;
  }
  mkdirSync(resolve(staged.finalPath, '..'), { recursive: true, mode: 0o700 });
  renameSync(staged.tempPath, staged.finalPath);
}

export function discardStaged(staged: StagedFile): void {
  rmSync(staged.tempPath, { force: true });
}

/** Size of a stored file, or null when it is missing (reported, never served half). */
export function storedSize(store: FileStoreSettings, key: string): number | null {
  try {
    return statSync(storedPath(store, key)).size;
  } catch {
    return null;
  }
}

/**
 * Removes the `*.part` files a crash left behind (bytes staged for an upload whose transaction never committed),
 * anywhere under the store. Run once at server start, when no upload is in flight; stored files, named by their
 * hash, never end in `.part`. Returns how many were removed.
 */
export function sweepOrphanParts(store: Pick<FileStoreSettings, 'dir'>): number {
  const root = resolve(store.dir);
  if (!existsSync(root)) return 0;
  let removed = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.part')) continue;
    rmSync(join(entry.parentPath, entry.name), { force: true });
    removed++;
  }
  return removed;
}
