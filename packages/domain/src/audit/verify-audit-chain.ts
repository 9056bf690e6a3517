import { auditEvents, type Db } from '@ctp/db';
import { asc, gt } from 'drizzle-orm';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; brokenAt: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

const PAGE = 5000;

/**
 * Walks the whole chain in id order, a page at a time, and recomputes every hash; returns the first row that does
 * not follow. A changed field breaks that row's hash; a deleted or inserted row breaks the next row's link.
 */
export function verifyAuditChain(db: Db): ChainVerdict {
  let prev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, after))
      .orderBy(asc(auditEvents.id))
      .limit(PAGE)
      .all();
    for (const row of rows) {
      count++;
      if (row.prevHash !== prev) return { ok: false, count, brokenAt: row.id, reason: 'prev_hash_mismatch' };
      const { id: _id, prevHash: _p, hash, ...fields } = row;
      if (auditHash(prev, fields) !== hash) return { ok: false, count, brokenAt: row.id, reason: 'hash_mismatch' };
      prev = hash;
    }
    if (rows.length < PAGE) return { ok: true, count, headHash: prev };
    after = rows.at(-1)!.id;
  }
}
