import { type ActorRef, type CommitteeSop, canActForCommittee, DEFAULT_COMMITTEE_SOP, isEcRole } from '@ctp/contracts';
import { committeeMembers, committeeSettings, ethicsCommittees } from '@ctp/db';
import { and, asc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { DomainError, forbidden, notFound } from '../errors.ts';
import type { Reader } from '../transaction.ts';

/** Reads that work on the database and inside a transaction alike. */
export type { Reader };
export type CommitteeMemberRow = typeof committeeMembers.$inferSelect;

/**
 * Authorise an act on a committee: one of `roles` *of that committee*. An EC role of another committee is refused
 * NOT_OWN_COMMITTEE; anyone else ROLE_REQUIRED.
 */
export function assertCommitteeRole(
  actor: ActorRef | null,
  committeeId: string,
  roles: readonly ('ec_secretary' | 'ec_chair' | 'ec_member')[],
): asserts actor is ActorRef {
  if (!actor || !isEcRole(actor.role)) throw forbidden('ROLE_REQUIRED');
  if (!canActForCommittee(actor, committeeId)) throw forbidden('NOT_OWN_COMMITTEE');
  if (!(roles as readonly string[]).includes(actor.role)) throw forbidden('ROLE_REQUIRED');
}

/** Pure: may this actor record things on behalf of the whole committee (not just for themselves)? */
export function runsCommittee(actor: ActorRef | null, committeeId: string): boolean {
  return (
    actor !== null &&
    (actor.role === 'ec_secretary' || actor.role === 'ec_chair') &&
    canActForCommittee(actor, committeeId)
  );
}

export function loadCommittee(db: Reader, committeeId: string) {
  const row = db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, committeeId)).get();
  if (!row) throw notFound();
  return row;
}

/** The committee's SOP: its saved settings, else the platform defaults. */
export function effectiveSop(db: Reader, committeeId: string): CommitteeSop & { isDefault: boolean } {
  const row = db.select().from(committeeSettings).where(eq(committeeSettings.committeeId, committeeId)).get();
  if (!row) return { ...DEFAULT_COMMITTEE_SOP, isDefault: true };
  return {
    quorumMinPercent: row.quorumMinPercent,
    quorumMinCount: row.quorumMinCount,
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
