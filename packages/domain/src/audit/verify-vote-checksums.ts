import { auditEvents, type Db, submissionVotes } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { voteKey, voteRowChecksum } from './vote-checksum.ts';

export type VoteCheck =
  | { ok: true; checked: number }
  | {
      ok: false;
      reason: 'vote_checksum_mismatch' | 'vote_unaudited' | 'vote_missing';
      voteId: number | null;
      /** The audit event the vote should match (null when the vote has none). */
      eventId: number | null;
    };

type VoteEventAfter = {
  meetingId?: string | null;
  memberId?: string;
  choice?: string;
  voteId?: number;
  rowChecksum?: string;
};

/**
 * Each vote row against the newest `meeting.vote` audit event of the same member, submission and sitting: its
 * checksum must match (votes cast before checksums: its choice). A vote without an event was inserted behind the
 * application's back; an event whose vote row is gone means a vote was deleted. The chain itself is verified first,
 * so the events can be trusted here.
 */
export function verifyVoteChecksums(db: Db): VoteCheck {
  const latest = new Map<string, { eventId: number; after: VoteEventAfter }>();
  const events = db
    .select({ id: auditEvents.id, entityId: auditEvents.entityId, afterJson: auditEvents.afterJson })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'meeting.vote'))
    .orderBy(asc(auditEvents.id))
    .all();
  for (const e of events) {
    const after = (e.afterJson ? JSON.parse(e.afterJson) : {}) as VoteEventAfter;
    if (!after.memberId) continue;
    const key = voteKey({ submissionId: e.entityId, meetingId: after.meetingId ?? null, memberId: after.memberId });
    latest.set(key, { eventId: e.id, after });
  }

  const seen = new Set<string>();
  const votes = db.select().from(submissionVotes).orderBy(asc(submissionVotes.id)).all();
  for (const vote of votes) {
    const key = voteKey(vote);
    seen.add(key);
    const event = latest.get(key);
    if (!event) return { ok: false, reason: 'vote_unaudited', voteId: vote.id, eventId: null };
    const matches = event.after.rowChecksum
      ? event.after.voteId === vote.id && event.after.rowChecksum === voteRowChecksum(vote)
      : vote.checksumSalt === null && event.after.choice === vote.choice;
    if (!matches) return { ok: false, reason: 'vote_checksum_mismatch', voteId: vote.id, eventId: event.eventId };
  }
  for (const [key, event] of latest) {
    if (!seen.has(key))
      return { ok: false, reason: 'vote_missing', voteId: event.after.voteId ?? null, eventId: event.eventId };
  }
  return { ok: true, checked: votes.length };
}
