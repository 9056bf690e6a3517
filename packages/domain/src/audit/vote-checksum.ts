import { createHash, randomBytes } from 'node:crypto';
import type { submissionVotes } from '@ctp/db';
import { canonicalJson } from './canonical-json.ts';

type VoteRow = typeof submissionVotes.$inferSelect;

/** A fresh salt for each write of a vote (see `submission_votes.checksum_salt`). */
export function newVoteSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * sha256 of the whole vote row, fields named one by one so that a column added later does not silently change
 * every checksum. Kept in the vote's `meeting.vote` audit event: a vote edited in its own table no longer matches.
 */
export function voteRowChecksum(row: VoteRow): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        id: row.id,
        submissionId: row.submissionId,
        meetingId: row.meetingId,
        memberId: row.memberId,
        choice: row.choice,
        quorumJson: row.quorumJson,
        recordedBy: row.recordedBy,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        checksumSalt: row.checksumSalt,
      }),
    )
    .digest('hex');
}

/** The key that ties a vote row to its audit events: one row per member, submission and sitting (upserted). */
export function voteKey(v: { submissionId: string; meetingId: string | null; memberId: string }): string {
  return `${v.submissionId}|${v.meetingId ?? ''}|${v.memberId}`;
}
