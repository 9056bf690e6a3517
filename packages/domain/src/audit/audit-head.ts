import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { auditEvents, type Db } from '@ctp/db';
import { desc } from 'drizzle-orm';
import { canonicalJson } from './canonical-json.ts';

/**
 * The audit head: the newest chained event (id, hash) as it stood at some commit, kept OUTSIDE the database in a
 * file signed with HMAC-SHA256. The chain alone cannot show that its newest rows were deleted, or that the whole
 * chain was rewritten and re-hashed; the head can, as long as whoever edits the database cannot also write the key
 * file (a separate path, mode 0600, another owner or mount in a hardened deployment). `ctp audit anchor` prints the
 * head so that it can be kept by someone else entirely (a ticket, an e-mail to the commission), which also covers an
 * attacker who holds the key.
 */
export type AuditHead = { id: number; hash: string; at: number };
export type SignedAuditHead = AuditHead & { v: 1; mac: string };
export type AuditHeadFiles = { headFile: string; keyFile: string };

const KEY_BYTES = 32;

function macOf(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ v: 1, id: head.id, hash: head.hash, at: head.at }))
    .digest('hex');
}

export function signAuditHead(key: Buffer, head: AuditHead): SignedAuditHead {
  return { v: 1, id: head.id, hash: head.hash, at: head.at, mac: macOf(key, head) };
}

export function isAuditHeadSignatureValid(key: Buffer, signed: SignedAuditHead): boolean {
  const expected = Buffer.from(macOf(key, signed), 'hex');
  const given = Buffer.from(String(signed.mac), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The newest committed audit row, or null on an empty log. */
export function currentChainHead(db: Db, now: number): AuditHead | null {
  const row = db
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get();
  return row ? { id: row.id, hash: row.hash, at: now } : null;
}

export function readAuditHeadKey(keyFile: string): Buffer | null {
  try {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** Creates the key (random, hex, mode 0600) if there is none; `wx` so that two starts never write two keys. */
export function ensureAuditHeadKey(keyFile: string): { key: Buffer; created: boolean } {
  const existing = readAuditHeadKey(keyFile);
  if (existing) return { key: existing, created: false };
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const fd = openSync(keyFile, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { key, created: true };
}

/** True when the key file can be read by the group or others (reported by the CLI and at start). */
export function isKeyFileExposed(keyFile: string): boolean {
  try {
    return (statSync(keyFile).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

export type LoadedAuditHead =
  | { status: 'ok'; head: SignedAuditHead }
  | { status: 'missing' }
  | { status: 'key_missing' }
  | { status: 'invalid' };

/** Reads and authenticates the head file. A head that does not parse or whose MAC fails is `invalid`. */
export function loadAuditHead(files: AuditHeadFiles): LoadedAuditHead {
  let text: string;
  try {
    text = readFileSync(files.headFile, 'utf8');
  } catch {
    return { status: 'missing' };
  }
  const key = readAuditHeadKey(files.keyFile);
  if (!key) return { status: 'key_missing' };
  try {
    const parsed = JSON.parse(text) as SignedAuditHead;
    const wellFormed =
      parsed.v === 1 &&
      Number.isSafeInteger(parsed.id) &&
      typeof parsed.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(parsed.hash) &&
      Number.isSafeInteger(parsed.at) &&
      typeof parsed.mac === 'string';
    if (!wellFormed || !isAuditHeadSignatureValid(key, parsed)) return { status: 'invalid' };
    return { status: 'ok', head: parsed };
  } catch {
    return { status: 'invalid' };
  }
}

/** Per process: the server and a CLI command may both sign the head at the same moment. */
const pendingOf = (headFile: string) => `${headFile}.${process.pid}.pending`;
const contentOf = (key: Buffer, head: AuditHead) => `${JSON.stringify(signAuditHead(key, head))}\n`;

/**
 * Write-ahead then atomic rename: the head file is always either the old head or the new one, never half of one,
 * even when the process is killed in between.
 */
export function writeAuditHeadSync(files: AuditHeadFiles, key: Buffer, head: AuditHead): void {
  const pending = pendingOf(files.headFile);
  const fd = openSync(pending, 'w', 0o600);
  try {
    writeSync(fd, contentOf(key, head));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(pending, files.headFile);
}

/** Removes pending head files left by a process killed between write and rename (they were never the head). */
export function sweepPendingAuditHeads(files: AuditHeadFiles): number {
  const prefix = `${basename(files.headFile)}.`;
  let removed = 0;
  for (const name of readdirSync(dirname(files.headFile))) {
    if (name.startsWith(prefix) && name.endsWith('.pending')) {
      rmSync(join(dirname(files.headFile), name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** The same, without blocking the event loop: used by the server after commits. */
export async function writeAuditHead(files: AuditHeadFiles, key: Buffer, head: AuditHead): Promise<void> {
  const pending = pendingOf(files.headFile);
  const handle = await open(pending, 'w', 0o600);
  try {
    await handle.writeFile(contentOf(key, head));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(pending, files.headFile);
}
