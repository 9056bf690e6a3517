import type { AuditBreakReason } from '@ctp/contracts';
import { auditEvents, type Db } from '@ctp/db';
import { eq, max, sql } from 'drizzle-orm';
import { GENESIS_HASH } from './audit-hash.ts';
import { type AuditHeadFiles, loadAuditHead, readAuditHeadKey } from './audit-head.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { verifyVoteChecksums } from './verify-vote-checksums.ts';

export type AuditAnchor = { id: number; hash: string; at: number };

export type AuditVerdict =
  | {
      ok: true;
      count: number;
      headHash: string;
      /** The signed head the rows were checked against (null when no head file is configured). */
      anchor: AuditAnchor | null;
      votesChecked: number;
    }
  | {
      ok: false;
      /** Rows walked before the break (the whole chain when the chain itself holds). */
      count: number;
      /** The first audit event at fault (or missing), when there is one. */
      brokenAt: number | null;
      reason: AuditBreakReason;
      voteId?: number | null;
    };

export type HeadCheck =
  | { ok: true; anchor: AuditAnchor | null }
  | { ok: false; brokenAt: number | null; reason: AuditBreakReason };

/** SQLite's autoincrement counter of the audit table: the largest id ever handed out, deleted rows included. */
function auditSequence(db: Db): number {
  const row = db.get<{ seq: number } | undefined>(sql`select seq from sqlite_sequence where name = 'audit_events'`);
  return row?.seq ?? 0;
}

/**
 * What the chain cannot show on its own, in O(1): the autoincrement counter past the last id (newest rows deleted),
 * and the signed head kept outside the database — gone, forged, its row gone (newest rows deleted, table emptied) or
 * its row's hash different (chain rewritten and re-hashed). The head may lag the rows (it is written just after
 * commits), never lead them. The server runs this at start; `verifyAudit` runs it after the chain.
 */
export function checkAuditHead(db: Db, files: AuditHeadFiles | null): HeadCheck {
  const lastId =
    db
      .select({ id: max(auditEvents.id) })
      .from(auditEvents)
      .get()?.id ?? 0;
  const sequence = auditSequence(db);
  if (sequence > lastId) return { ok: false, brokenAt: lastId + 1, reason: 'sequence_ahead' };
  if (!files) return { ok: true, anchor: null };

  const loaded = loadAuditHead(files);
  if (loaded.status === 'missing') {
    // Never kept (no key, nothing written yet) is fine; otherwise the head was removed.
    if (lastId === 0 && sequence === 0 && !readAuditHeadKey(files.keyFile)) return { ok: true, anchor: null };
    return { ok: false, brokenAt: null, reason: 'head_missing' };
  }
  if (loaded.status === 'key_missing') return { ok: false, brokenAt: null, reason: 'head_key_missing' };
  if (loaded.status === 'invalid') return { ok: false, brokenAt: null, reason: 'head_signature_invalid' };

  const { head } = loaded;
  const anchor = { id: head.id, hash: head.hash, at: head.at };
  if (head.id === 0) {
    // Signed while the log was empty.
    return head.hash === GENESIS_HASH
      ? { ok: true, anchor }
      : { ok: false, brokenAt: 0, reason: 'head_signature_invalid' };
  }
  const row = db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, head.id)).get();
  if (!row) return { ok: false, brokenAt: head.id, reason: 'head_row_missing' };
  if (row.hash !== head.hash) return { ok: false, brokenAt: head.id, reason: 'head_hash_mismatch' };
  return { ok: true, anchor };
}

/**
 * `audit verify` and the admin's button: the chain row by row, then the counter and the signed head
 * (`checkAuditHead`), then each vote row against the checksum in its audit event. `head: null` skips the head file
 * (in-memory test databases have none); the counter is always checked.
 */
export function verifyAudit(db: Db, opts: { head: AuditHeadFiles | null }): AuditVerdict {
  const chain = verifyAuditChain(db);
  if (!chain.ok) return chain;
  const count = chain.count;

  const head = checkAuditHead(db, opts.head);
  if (!head.ok) return { ok: false, count, brokenAt: head.brokenAt, reason: head.reason };

  const votes = verifyVoteChecksums(db);
  if (!votes.ok) return { ok: false, count, brokenAt: votes.eventId, reason: votes.reason, voteId: votes.voteId };

  return { ok: true, count, headHash: chain.headHash, anchor: head.anchor, votesChecked: votes.checked };
}
