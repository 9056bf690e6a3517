import type { ModificationStatus } from '@ctp/contracts';
import { submissionModifications } from '@ctp/db';
import { desc, eq } from 'drizzle-orm';
import { shanghaiDate } from '../clock/dates.ts';
import type { Reader } from '../transaction.ts';

/**
 * Modification rounds (after 必要的修改后同意, DESIGN §4.1): where the required modifications stand, read by the
 * submission's pages, the letter and the verification use-cases. Reads only; the rounds are written by
 * `verify-modifications.ts`.
 */
type Round = typeof submissionModifications.$inferSelect;

export function latestRound(db: Reader, submissionId: string): Round | undefined {
  return db
    .select()
    .from(submissionModifications)
    .where(eq(submissionModifications.submissionId, submissionId))
    .orderBy(desc(submissionModifications.round))
    .get();
}

/** Pure: where an approval with modifications stands, from its latest round. */
export function modificationStatusOf(latest: Pick<Round, 'verdict'> | undefined): ModificationStatus {
  if (!latest || latest.verdict === 'more_requested') return 'awaiting_submission';
  return latest.verdict === 'verified' ? 'verified' : 'submitted';
}

/**
 * For the letter workflow and others: null when the decision needs no modifications, else their status. A 批件 after
 * 必要的修改后同意 is normally issued once this is `verified`.
 */
export function modificationsStatus(
  db: Reader,
  sub: { id: string; outcome: string | null },
): ModificationStatus | null {
  if (sub.outcome !== 'approved_with_modifications') return null;
  return modificationStatusOf(latestRound(db, sub.id));
}

/** The Beijing day the required modifications were verified (for the letter), or null when none were verified. */
export function modificationsVerifiedDateOf(db: Reader, sub: { id: string; outcome: string | null }): string | null {
  if (sub.outcome !== 'approved_with_modifications') return null;
  const latest = latestRound(db, sub.id);
  return latest?.verdict === 'verified' && latest.verifiedAt !== null ? shanghaiDate(latest.verifiedAt) : null;
}
