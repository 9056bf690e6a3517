import { type ActorRef, type CommitteeSop, DEFAULT_COMMITTEE_SOP, LEGAL_QUORUM, runsCommittee } from '@ctp/contracts';
import { committeeMembers, committeeSettings, ethicsCommittees } from '@ctp/db';
import { and, asc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { DomainError, forbidden, notFound } from '../errors.ts';
import type { Reader } from '../transaction.ts';

/** Reads that work on the database and inside a transaction alike. */
export type { Reader };
export type CommitteeMemberRow = typeof committeeMembers.$inferSelect;

export function loadCommittee(db: Reader, committeeId: string) {
  const row = db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, committeeId)).get();
  if (!row) throw notFound();
  return row;
}

/**
 * The committee's SOP: its saved settings, else the platform defaults. A quorum saved below the legal minimum (before
 * the floor was enforced on saving) reads as the legal minimum: the page and the vote apply the same rule.
 */
export function effectiveSop(db: Reader, committeeId: string): CommitteeSop & { isDefault: boolean } {
  const row = db.select().from(committeeSettings).where(eq(committeeSettings.committeeId, committeeId)).get();
  if (!row) return { ...DEFAULT_COMMITTEE_SOP, isDefault: true };
  return {
    quorumMinPercent: Math.max(row.quorumMinPercent, LEGAL_QUORUM.minPercent),
    quorumMinCount: Math.max(row.quorumMinCount, LEGAL_QUORUM.minCount),
    quorumNeedsNonMedical: row.quorumNeedsNonMedical,
    quorumNeedsUnaffiliated: row.quorumNeedsUnaffiliated,
    reviewLimitDays: row.reviewLimitDays,
    defaultFollowUpMonths: row.defaultFollowUpMonths,
    isDefault: false,
  };
}

/** Voting members whose term covers `date` (the secretary, as staff, is not one). */
export function servingMembers(db: Reader, committeeId: string, date: string): CommitteeMemberRow[] {
  return db
    .select()
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.committeeId, committeeId),
        ne(committeeMembers.role, 'secretary'),
        lte(committeeMembers.termStart, date),
        or(isNull(committeeMembers.termEnd), gte(committeeMembers.termEnd, date)),
      ),
    )
    .orderBy(asc(committeeMembers.createdAt), asc(committeeMembers.id))
    .all();
}

/**
 * The member a vote or declaration is for: the one named (a serving member of this committee), or the actor's own
 * member record. MEMBER_NOT_FOUND otherwise.
 */
export function resolveMember(
  db: Reader,
  actor: ActorRef,
  committeeId: string,
  memberId: string | undefined,
  date: string,
): CommitteeMemberRow {
  const serving = servingMembers(db, committeeId, date);
  const member = memberId
    ? serving.find((m) => m.id === memberId)
    : serving.find((m) => m.userId !== null && m.userId === actor.userId);
  if (!member)
    throw new DomainError('PRECONDITION_FAILED', 'MEMBER_NOT_FOUND', {
      fieldErrors: [{ path: 'memberId', message: 'MEMBER_NOT_FOUND' }],
    });
  // Only the secretary or the chair records for another member; a member records for themselves.
  if (!runsCommittee(actor, committeeId) && member.userId !== actor.userId) throw forbidden('NOT_A_VOTER');
  return member;
}
