import {
  assignReviewerInput,
  CONVENED_MAX_REVIEWERS,
  declareReviewConflictInput,
  EXPEDITED_MAX_REVIEWERS,
  reviewSubmissionInput,
  reviewsMineInput,
  runsCommittee,
  type SubmissionState,
  saveWorksheetInput,
  term,
  unassignReviewerInput,
  WORKSHEET_ITEMS,
  type WorksheetItems,
} from '@ctp/contracts';
import {
  committeeMembers,
  memberConflicts,
  reviewWorksheets,
  submissionDeclarations,
  submissionReviewers,
  submissions,
  trials,
} from '@ctp/db';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { type Reader, resolveMember, servingMembers } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';
import { committeeProcedures } from './committee-procedures.ts';
import { recusalsFor } from './meeting-access.ts';
import { activeReviewer, declarationOf, mayOpenSubmissionFiles, ownMemberIds } from './reviewer-access.ts';
import { loadSubmission, type SubmissionRow } from './submission-access.ts';

/** States in which a submission is under review: reviewers are assigned and worksheets written only then. */
export const UNDER_REVIEW_STATES = [
  'accepted',
  'in_review',
  'info_requested',
  'scheduled',
] as const satisfies readonly SubmissionState[];
const isUnderReview = (s: SubmissionState) => (UNDER_REVIEW_STATES as readonly string[]).includes(s);

function loadSubmitted(ctx: Ctx, submissionId: string): SubmissionRow {
  const { sub } = loadSubmission(ctx.db, submissionId);
  assertCommitteeRole(ctx.actor, sub.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  if (sub.submittedAt === null) throw notFound();
  return sub;
}

function notUnderReview(sub: SubmissionRow) {
  return new DomainError('INVALID_TRANSITION', 'SUBMISSION_STEP_NOT_ALLOWED', {
    params: { state: term('submissionStates', sub.state) },
  });
}

function activeReviewers(db: Reader, submissionId: string) {
  return db
    .select()
    .from(submissionReviewers)
    .where(and(eq(submissionReviewers.submissionId, submissionId), isNull(submissionReviewers.removedAt)))
    .all();
}

/** One or two on the expedited path, as the committee's expedited rules say (≤ 2, DESIGN §4.1); up to five convened. */
function maxReviewersFor(db: Reader, sub: { committeeId: string; reviewPath: string | null }): number {
  if (sub.reviewPath !== 'expedited') return CONVENED_MAX_REVIEWERS;
  return Math.min(committeeProcedures(db, sub.committeeId).expedited.reviewers, EXPEDITED_MAX_REVIEWERS);
}

/**
 * `reviews.assign`: the committee's secretary names a primary reviewer (主审) from the serving roster — one or two
 * on the expedited path, up to five for a convened review. A member recused for the submission cannot be one.
 */
export function assignReviewer({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof assignReviewerInput> }) {
  const input = assignReviewerInput.parse(raw);
  const sub = loadSubmitted(ctx, input.submissionId);
  assertCommitteeRole(ctx.actor, sub.committeeId, ['ec_secretary']);
  if (!isUnderReview(sub.state)) throw notUnderReview(sub);
  const now = ctx.now();
  const member = servingMembers(ctx.db, sub.committeeId, shanghaiDate(now)).find((m) => m.id === input.memberId);
  if (!member)
    throw new DomainError('PRECONDITION_FAILED', 'MEMBER_NOT_FOUND', {
      fieldErrors: [{ path: 'memberId', message: 'MEMBER_NOT_FOUND' }],
    });
  return inTransaction(ctx.db, (tx) => {
    if (recusalsFor(tx, sub.id, sub.meetingId).includes(member.id)) throw forbidden('MEMBER_CONFLICTED');
    const current = activeReviewers(tx, sub.id);
    if (current.some((r) => r.memberId === member.id)) throw new DomainError('CONFLICT', 'REVIEWER_EXISTS');
    const max = maxReviewersFor(tx, sub);
    if (current.length >= max) throw new DomainError('PRECONDITION_FAILED', 'REVIEWER_LIMIT', { params: { max } });
    const row = {
      id: newId(),
      submissionId: sub.id,
      memberId: member.id,
      assignedBy: ctx.actor.userId,
      assignedAt: now,
    };
    tx.insert(submissionReviewers).values(row).run();
    writeAuditEvent(tx, ctx, {
      action: 'review.assign',
      entityType: 'submission',
      entityId: sub.id,
      after: { reviewerId: row.id, memberId: member.id, memberName: member.name },
    });
    return { id: row.id, memberId: member.id };
  });
}

/** `reviews.unassign`: the secretary ends a reviewer's assignment (the row and any worksheet are kept). */
export function unassignReviewer({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof unassignReviewerInput> }) {
  const input = unassignReviewerInput.parse(raw);
  const sub = loadSubmitted(ctx, input.submissionId);
  assertCommitteeRole(ctx.actor, sub.committeeId, ['ec_secretary']);
  if (!isUnderReview(sub.state)) throw notUnderReview(sub);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const row = activeReviewer(tx, sub.id, input.memberId);
    if (!row) throw notFound();
    tx.update(submissionReviewers)
      .set({ removedAt: now, removedReason: 'unassigned' })
      .where(and(eq(submissionReviewers.id, row.id), isNull(submissionReviewers.removedAt)))
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'review.unassign',
      entityType: 'submission',
      entityId: sub.id,
      before: { reviewerId: row.id, memberId: row.memberId },
    });
    return { id: row.id };
  });
}

/**
 * `reviews.declare`: a primary reviewer, or a member at the meeting whose agenda holds the submission, declares a
 * conflict of interest or none — before opening the file. A conflict ends the reviewer's assignment and recuses the
 * member (member_conflicts), so they are refused a vote. One declaration per member and submission; "none" may
 * later be turned into a conflict, never the other way round.
 */
export function declareReviewConflict({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof declareReviewConflictInput>;
}) {
  const input = declareReviewConflictInput.parse(raw);
  const sub = loadSubmitted(ctx, input.submissionId);
  const actor = ctx.actor;
  if (input.meetingId && input.meetingId !== sub.meetingId)
    throw new DomainError('PRECONDITION_FAILED', 'NOT_ON_AGENDA');
  const now = ctx.now();
  const member = resolveMember(ctx.db, actor, sub.committeeId, input.memberId, shanghaiDate(now));
  return inTransaction(ctx.db, (tx) => {
    const reviewer = activeReviewer(tx, sub.id, member.id);
    if (!reviewer && !input.meetingId) throw forbidden('NOT_A_REVIEWER');
    const before = declarationOf(tx, sub.id, member.id);
    if (before && (before.hasConflict || !input.hasConflict)) throw new DomainError('CONFLICT', 'ALREADY_DECLARED');
    const statement = input.statement?.trim() || null;
    if (before)
      tx.update(submissionDeclarations)
        .set({
          hasConflict: true,
          statement,
          declaredBy: actor.userId,
          declaredAt: now,
          meetingId: input.meetingId ?? null,
        })
        .where(eq(submissionDeclarations.id, before.id))
        .run();
    else
      tx.insert(submissionDeclarations)
        .values({
          submissionId: sub.id,
          memberId: member.id,
          meetingId: input.meetingId ?? null,
          hasConflict: input.hasConflict,
          statement,
          declaredBy: actor.userId,
          declaredAt: now,
        })
        .run();
    if (reviewer)
      tx.update(submissionReviewers)
        .set({
          hasConflict: input.hasConflict,
          conflictStatement: statement,
          declaredAt: now,
          ...(input.hasConflict ? { removedAt: now, removedReason: 'conflict' as const } : {}),
        })
        .where(eq(submissionReviewers.id, reviewer.id))
        .run();
    if (input.hasConflict)
      tx.insert(memberConflicts)
        .values({
          memberId: member.id,
          meetingId: input.meetingId ?? null,
          submissionId: sub.id,
          reason: statement!,
          declaredBy: actor.userId,
          createdAt: now,
        })
        .run();
    writeAuditEvent(tx, ctx, {
      action: 'review.declare',
      entityType: 'submission',
      entityId: sub.id,
      before: before ? { memberId: member.id, hasConflict: before.hasConflict } : undefined,
      after: {
        memberId: member.id,
        hasConflict: input.hasConflict,
        statement,
        meetingId: input.meetingId ?? null,
        reviewerRemoved: Boolean(reviewer && input.hasConflict),
      },
    });
    return {
      memberId: member.id,
      hasConflict: input.hasConflict,
      reviewerRemoved: Boolean(reviewer && input.hasConflict),
    };
  });
}

function parseItems(json: string): WorksheetItems {
  return JSON.parse(json) as WorksheetItems;
}

function worksheetView(w: typeof reviewWorksheets.$inferSelect) {
  return {
    id: w.id,
    memberId: w.memberId,
    items: parseItems(w.itemsJson),
    recommendedOutcome: w.recommendedOutcome,
    opinion: w.opinion,
    status: w.status,
    submittedAt: w.submittedAt,
    updatedAt: w.updatedAt,
    version: w.version,
  };
}

/** Pure: is a worksheet complete enough to submit (every item assessed, an outcome and an opinion)? */
export function isWorksheetComplete(w: {
  items: WorksheetItems;
  recommendedOutcome: string | null;
  opinion: string;
}): boolean {
  return (
    WORKSHEET_ITEMS.every((k) => w.items[k].assessment !== null) &&
    w.recommendedOutcome !== null &&
    w.opinion.trim().length >= 2
  );
}

/**
 * `reviews.saveWorksheet`: the reviewer's own structured worksheet (审查工作表), saved as a draft or submitted (then
 * locked). Only an assigned reviewer who has declared no conflict, while the submission is under review.
 */
export function saveWorksheet({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof saveWorksheetInput> }) {
  const input = saveWorksheetInput.parse(raw);
  const sub = loadSubmitted(ctx, input.submissionId);
  const actor = ctx.actor;
  const memberIds = ownMemberIds(ctx.db, actor, sub.committeeId);
  const reviewers = memberIds.map((m) => activeReviewer(ctx.db, sub.id, m)).filter((r) => r !== undefined);
  if (reviewers.length === 0) throw forbidden('NOT_A_REVIEWER');
  const reviewer = reviewers.find((r) => r.hasConflict === false);
  if (!reviewer) throw new DomainError('PRECONDITION_FAILED', 'CONFLICT_DECLARATION_REQUIRED');
  if (!isUnderReview(sub.state)) throw notUnderReview(sub);
  if (input.submit && !isWorksheetComplete(input))
    throw new DomainError('VALIDATION', 'WORKSHEET_INCOMPLETE', {
      fieldErrors: [{ path: 'items', message: 'WORKSHEET_INCOMPLETE' }],
    });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const before = tx
      .select()
      .from(reviewWorksheets)
      .where(and(eq(reviewWorksheets.submissionId, sub.id), eq(reviewWorksheets.memberId, reviewer.memberId)))
      .get();
    if (before?.status === 'submitted') throw new DomainError('PRECONDITION_FAILED', 'WORKSHEET_SUBMITTED');
    if (before && input.version !== undefined && input.version !== before.version)
      throw new DomainError('CONFLICT', 'STALE_VERSION');
    const values = {
      itemsJson: JSON.stringify(input.items),
      recommendedOutcome: input.recommendedOutcome,
      opinion: input.opinion,
      status: input.submit ? ('submitted' as const) : ('draft' as const),
      submittedAt: input.submit ? now : null,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    let saved: typeof reviewWorksheets.$inferSelect | undefined;
    if (before)
      saved = tx
        .update(reviewWorksheets)
        .set({ ...values, version: before.version + 1 })
        .where(and(eq(reviewWorksheets.id, before.id), eq(reviewWorksheets.version, before.version)))
        .returning()
        .get();
    else
      saved = tx
        .insert(reviewWorksheets)
        .values({ id: newId(), submissionId: sub.id, memberId: reviewer.memberId, createdAt: now, ...values })
        .returning()
        .get();
    if (!saved) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeAuditEvent(tx, ctx, {
      action: input.submit ? 'review.submit_worksheet' : 'review.save_worksheet',
      entityType: 'submission',
      entityId: sub.id,
      before: before ? { worksheetId: before.id, status: before.status, version: before.version } : undefined,
      after: {
        worksheetId: saved.id,
        memberId: reviewer.memberId,
        status: saved.status,
        version: saved.version,
        recommendedOutcome: saved.recommendedOutcome,
      },
    });
    return worksheetView(saved);
  });
}

/**
 * `reviews.forSubmission` (EC-only): the reviewers of a submission with their declarations and worksheet status;
 * the actor's own reviewer state and worksheet; for the secretary and chair every worksheet and the roster to
 * assign from. A member sees other reviewers' worksheets only once they are submitted and the member may open the
 * file.
 */
export function reviewsForSubmission({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof reviewSubmissionInput>;
}) {
  const input = reviewSubmissionInput.parse(raw);
  const sub = loadSubmitted(ctx, input.submissionId);
  const actor = ctx.actor;
  const runs = runsCommittee(actor, sub.committeeId);
  const mayOpen = mayOpenSubmissionFiles(ctx.db, sub.id, actor);
  const reviewers = ctx.db
    .select({ r: submissionReviewers, name: committeeMembers.name, expertise: committeeMembers.expertise })
    .from(submissionReviewers)
    .innerJoin(committeeMembers, eq(committeeMembers.id, submissionReviewers.memberId))
    .where(eq(submissionReviewers.submissionId, sub.id))
    .orderBy(asc(submissionReviewers.assignedAt))
    .all();
  const worksheets = ctx.db.select().from(reviewWorksheets).where(eq(reviewWorksheets.submissionId, sub.id)).all();
  const myMemberIds = ownMemberIds(ctx.db, actor, sub.committeeId);
  const mine = new Set(myMemberIds);
  const recused = new Set(recusalsFor(ctx.db, sub.id, sub.meetingId));
  // Recusal (a declared conflict) hides the other reviewers' worksheets, whatever the member's role (issue 12).
  const isRecused = myMemberIds.some((m) => recused.has(m));
  const canSee = (w: typeof reviewWorksheets.$inferSelect) =>
    mine.has(w.memberId) || (!isRecused && (runs || (mayOpen && w.status === 'submitted')));
  const myReviewer = reviewers.find((x) => mine.has(x.r.memberId) && x.r.removedAt === null)?.r;
  const myDeclaration = myMemberIds.map((m) => declarationOf(ctx.db, sub.id, m)).find((d) => d !== undefined);
  const myWorksheet = worksheets.find((w) => mine.has(w.memberId));
  return {
    submissionId: sub.id,
    state: sub.state,
    reviewPath: sub.reviewPath,
    maxReviewers: maxReviewersFor(ctx.db, sub),
    isUnderReview: isUnderReview(sub.state),
    canAssign: actor.role === 'ec_secretary' && runs,
    mayOpenFiles: mayOpen,
    isRecused,
    reviewers: reviewers.map(({ r, name, expertise }) => {
      const w = worksheets.find((x) => x.memberId === r.memberId);
      return {
        id: r.id,
        memberId: r.memberId,
        name,
        expertise,
        assignedAt: r.assignedAt,
        hasConflict: r.hasConflict,
        // The reason of another member's conflict is for the secretary and chair only.
        conflictStatement: runs || mine.has(r.memberId) ? r.conflictStatement : null,
        declaredAt: r.declaredAt,
        removedAt: r.removedAt,
        removedReason: r.removedReason,
        worksheetStatus: w?.status ?? null,
        worksheet: w && canSee(w) ? worksheetView(w) : null,
      };
    }),
    me: {
      memberIds: myMemberIds,
      isReviewer: myReviewer !== undefined,
      declaration: myDeclaration
        ? { hasConflict: myDeclaration.hasConflict, statement: myDeclaration.statement, at: myDeclaration.declaredAt }
        : null,
      worksheet: myWorksheet ? worksheetView(myWorksheet) : null,
    },
    roster: runs
      ? servingMembers(ctx.db, sub.committeeId, shanghaiDate(ctx.now())).map((m) => ({
          id: m.id,
          name: m.name,
          role: m.role,
          expertise: m.expertise,
          isRecused: recused.has(m.id),
        }))
      : [],
  };
}

/** `reviews.mine`: the submissions the actor is a primary reviewer of (live assignments), newest first. */
export function myReviews({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof reviewsMineInput> }) {
  const input = reviewsMineInput.parse(raw);
  const actor = ctx.actor;
  if (!actor?.committeeId) throw forbidden('ROLE_REQUIRED');
  assertCommitteeRole(actor, actor.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  const memberIds = ownMemberIds(ctx.db, actor, actor.committeeId);
  if (memberIds.length === 0) return [];
  const rows = ctx.db
    .select({
      reviewerId: submissionReviewers.id,
      memberId: submissionReviewers.memberId,
      hasConflict: submissionReviewers.hasConflict,
      assignedAt: submissionReviewers.assignedAt,
      submissionId: submissions.id,
      acceptanceNo: submissions.acceptanceNo,
      type: submissions.type,
      title: submissions.title,
      state: submissions.state,
      reviewPath: submissions.reviewPath,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      worksheetStatus: reviewWorksheets.status,
    })
    .from(submissionReviewers)
    .innerJoin(submissions, eq(submissions.id, submissionReviewers.submissionId))
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .leftJoin(
      reviewWorksheets,
      and(
        eq(reviewWorksheets.submissionId, submissionReviewers.submissionId),
        eq(reviewWorksheets.memberId, submissionReviewers.memberId),
      ),
    )
    .where(and(inArray(submissionReviewers.memberId, memberIds), isNull(submissionReviewers.removedAt)))
    .orderBy(desc(submissionReviewers.assignedAt))
    .all();
  return input.includeDone ? rows : rows.filter((r) => isUnderReview(r.state));
}
