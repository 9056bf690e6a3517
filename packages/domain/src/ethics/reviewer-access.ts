import type { ActorRef } from '@ctp/contracts';
import {
  committeeMembers,
  type Db,
  meetingAttendance,
  submissionDeclarations,
  submissionReviewers,
  submissions,
  type Tx,
} from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError, forbidden } from '../errors.ts';
import type { Reader } from './committee-access.ts';
import { recusalsFor } from './meeting-access.ts';
import {
  type FileAccess,
  type FileRefusal,
  fileRefusalError,
  type MemberFileFacts,
  memberFileAccess,
  submissionFilesGate,
} from './submission-policy.ts';

export type ReviewerRow = typeof submissionReviewers.$inferSelect;
/** The actor's own member records on the committee (any term: a reviewer assigned before a term ended still reads). */
export function ownMemberIds(db: Reader, actor: ActorRef, committeeId: string): string[] {
  return db
    .select({ id: committeeMembers.id })
    .from(committeeMembers)
    .where(and(eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.userId, actor.userId)))
    .all()
    .map((r) => r.id);
}

/** The member's live (not removed) reviewer assignment on a submission, if any. */
export function activeReviewer(db: Reader, submissionId: string, memberId: string): ReviewerRow | undefined {
  return db
    .select()
    .from(submissionReviewers)
    .where(
      and(
        eq(submissionReviewers.submissionId, submissionId),
        eq(submissionReviewers.memberId, memberId),
        isNull(submissionReviewers.removedAt),
      ),
    )
    .get();
}

/**
 * Who may open a submission's files (documents, worksheets) on the EC side — the gate of issue 5 "primary reviewers
 * with a conflict declaration before they can open the file". Passes, and says why, for an EC member of the
 * submission's committee who (a) is its ec_secretary or ec_chair, or (b) is an assigned primary reviewer (主审) who
 * has declared no conflict, or (c) is present at the meeting whose agenda holds it and has declared no conflict for
 * it. Everyone else is refused: another committee NOT_OWN_COMMITTEE, a non-EC role FORBIDDEN, an undeclared reviewer
 * CONFLICT_DECLARATION_REQUIRED, a conflicted member MEMBER_CONFLICTED, any other member NOT_A_REVIEWER.
 * A submission never submitted (a draft) is NOT_FOUND to the EC. The decisions are `submissionFilesGate` and
 * `memberFileAccess` (submission-policy.ts); this loads what they decide over.
 */
export function assertMayOpenSubmissionFiles(tx: Tx | Db, submissionId: string, actor: ActorRef | null): FileAccess {
  const access = submissionFileAccess(tx, submissionId, actor);
  if ('refused' in access) throw fileRefusalError(access.refused);
  return access;
}

/** The same gate as a boolean, for lists. */
export function mayOpenSubmissionFiles(tx: Tx | Db, submissionId: string, actor: ActorRef | null): boolean {
  return !('refused' in submissionFileAccess(tx, submissionId, actor));
}

function submissionFileAccess(
  tx: Tx | Db,
  submissionId: string,
  actor: ActorRef | null,
): FileAccess | { refused: FileRefusal } {
  const sub = tx
    .select({
      committeeId: submissions.committeeId,
      meetingId: submissions.meetingId,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .where(eq(submissions.id, submissionId))
    .get();
  if (!sub) return { refused: 'NOT_FOUND' };
  const gate = submissionFilesGate(actor, sub);
  if ('refused' in gate) return gate;
  if (gate.via === 'committee') return { via: 'committee', memberId: null };
  if (!actor) return { refused: 'ROLE_REQUIRED' }; // the gate refused a null actor already: this narrows the type
  return memberFileAccess(memberFileFacts(tx, submissionId, sub, actor));
}

/** What the files gate needs to know of each of the actor's member records on the submission's committee. */
function memberFileFacts(
  tx: Reader,
  submissionId: string,
  sub: { committeeId: string; meetingId: string | null },
  actor: ActorRef,
): MemberFileFacts[] {
  const recused = new Set(recusalsFor(tx, submissionId, sub.meetingId));
  const meetingId = sub.meetingId;
  return ownMemberIds(tx, actor, sub.committeeId).map((memberId) => ({
    memberId,
    recused: recused.has(memberId),
    reviewer: activeReviewer(tx, submissionId, memberId),
    meeting: meetingId
      ? {
          present:
            tx
              .select({ p: meetingAttendance.isPresent })
              .from(meetingAttendance)
              .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.memberId, memberId)))
              .get()?.p === true,
          declaration: declarationOf(tx, submissionId, memberId),
        }
      : null,
  }));
}

export function declarationOf(db: Reader, submissionId: string, memberId: string) {
  return db
    .select()
    .from(submissionDeclarations)
    .where(and(eq(submissionDeclarations.submissionId, submissionId), eq(submissionDeclarations.memberId, memberId)))
    .get();
}

/**
 * Is the actor recused for this submission (a conflict declared for it, or for the meeting it is reviewed at)?
 * Recusal hides the item's individual votes and the other reviewers' worksheets from them (issue 12), whatever
 * their role on the committee.
 */
export function isRecusedFrom(
  db: Reader,
  actor: ActorRef,
  sub: { id: string; committeeId: string; meetingId: string | null },
): boolean {
  const recused = new Set(recusalsFor(db, sub.id, sub.meetingId));
  if (recused.size === 0) return false;
  return ownMemberIds(db, actor, sub.committeeId).some((m) => recused.has(m));
}

/**
 * The gate of an expedited view (简易程序, issue 12): the member must be an assigned primary reviewer (主审) of the
 * submission who has declared no conflict — the same conditions as opening its files. NOT_EXPEDITED_REVIEWER,
 * CONFLICT_DECLARATION_REQUIRED or MEMBER_CONFLICTED otherwise.
 */
export function assertExpeditedReviewer(db: Reader, submissionId: string, memberId: string): ReviewerRow {
  if (recusalsFor(db, submissionId, null).includes(memberId)) throw forbidden('MEMBER_CONFLICTED');
  const reviewer = activeReviewer(db, submissionId, memberId);
  if (!reviewer) throw forbidden('NOT_EXPEDITED_REVIEWER');
  if (reviewer.hasConflict !== false) throw new DomainError('PRECONDITION_FAILED', 'CONFLICT_DECLARATION_REQUIRED');
  return reviewer;
}

/** Members whose expedited view counts: live reviewer assignment, declared no conflict, not recused. */
export function countableExpeditedReviewers(db: Reader, submissionId: string): Set<string> {
  const recused = new Set(recusalsFor(db, submissionId, null));
  return new Set(
    db
      .select({ memberId: submissionReviewers.memberId })
      .from(submissionReviewers)
      .where(
        and(
          eq(submissionReviewers.submissionId, submissionId),
          isNull(submissionReviewers.removedAt),
          eq(submissionReviewers.hasConflict, false),
        ),
      )
      .all()
      .map((r) => r.memberId)
      .filter((m) => !recused.has(m)),
  );
}
