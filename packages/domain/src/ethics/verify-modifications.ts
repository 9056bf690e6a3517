import {
  SUBMISSION_STATE_LABELS,
  submissionIdInput,
  submitModificationsInput,
  term,
  verifyModificationsInput,
} from '@ctp/contracts';
import { submissionModifications, users } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { bindDecisionDocuments } from '../documents/decision-documents.ts';
import { followVerifiedModifications } from '../documents/site-bindings.ts';
import { DomainError, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { latestRound, modificationStatusOf } from './modification-rounds.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep, canReadSubmission } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

function assertNeedsModifications(sub: { outcome: string | null }) {
  if (sub.outcome !== 'approved_with_modifications')
    throw new DomainError('PRECONDITION_FAILED', 'NO_MODIFICATIONS_REQUIRED');
}

/**
 * `modifications.submit`: after 必要的修改后同意 the applicant (trial office or PI) says how the required
 * modifications were made (modified documents are uploaded to the submission alongside). Recorded on the timeline.
 */
export function submitModifications({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof submitModificationsInput>;
}) {
  const input = submitModificationsInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'submit_modifications', { version: input.version });
  const { sub } = loaded;
  assertNeedsModifications(sub);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const latest = latestRound(tx, sub.id);
    const status = modificationStatusOf(latest);
    if (status === 'verified') throw new DomainError('PRECONDITION_FAILED', 'MODIFICATIONS_VERIFIED');
    if (status === 'submitted')
      throw new DomainError('INVALID_TRANSITION', 'SUBMISSION_STEP_NOT_ALLOWED', {
        params: { state: term('modificationStates', 'submitted') },
      });
    const round = (latest?.round ?? 0) + 1;
    tx.insert(submissionModifications)
      .values({
        submissionId: sub.id,
        round,
        response: input.response,
        submittedBy: ctx.actor.userId,
        submittedAt: now,
      })
      .run();
    const updated = applySubmissionStep(tx, ctx, sub, 'submit_modifications', {
      now,
      comment: input.response,
      detail: { round },
    });
    return { id: sub.id, round, status: 'submitted' as const, version: updated.version };
  });
}

/**
 * `modifications.verify`: the committee's secretary checks the submitted modifications against the decision's
 * conditions — verified (conditions met), or asked again with what still needs to change. Visible to the applicant
 * and sponsor on the timeline.
 */
export function verifyModifications({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof verifyModificationsInput>;
}) {
  const input = verifyModificationsInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'verify_modifications', { version: input.version });
  const { sub } = loaded;
  assertNeedsModifications(sub);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const latest = latestRound(tx, sub.id);
    const status = modificationStatusOf(latest);
    if (status === 'verified') throw new DomainError('PRECONDITION_FAILED', 'MODIFICATIONS_VERIFIED');
    if (status !== 'submitted' || !latest) throw new DomainError('PRECONDITION_FAILED', 'MODIFICATIONS_NOT_SUBMITTED');
    tx.update(submissionModifications)
      .set({
        verdict: input.verdict,
        verdictComment: input.comment ?? null,
        verifiedBy: ctx.actor.userId,
        verifiedAt: now,
      })
      .where(eq(submissionModifications.id, latest.id))
      .run();
    if (input.verdict === 'verified') {
      bindDecisionDocuments(tx, sub.id, now);
      // Recognised sites that took their versions from this approval move to the modified ones (DESIGN §4.2).
      followVerifiedModifications(tx, ctx, sub.id, shanghaiDate(now), now);
    }
    const updated = applySubmissionStep(tx, ctx, sub, 'verify_modifications', {
      now,
      comment: input.comment,
      detail: { round: latest.round, verdict: input.verdict },
    });
    return {
      id: sub.id,
      round: latest.round,
      status: input.verdict === 'verified' ? ('verified' as const) : ('awaiting_submission' as const),
      version: updated.version,
    };
  });
}

/**
 * `modifications.get`: the rounds of modifications of a submission, for everyone who may read it (the applicant
 * and sponsor see that the modifications were verified).
 */
export function getModifications({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof submissionIdInput> }) {
  const input = submissionIdInput.parse(raw);
  const { sub, trial, site, piUserId } = loadSubmission(ctx.db, input.id);
  if (!canReadSubmission(ctx.actor, sub, trial, site, piUserId)) throw notFound();
  const rounds = ctx.db
    .select({
      round: submissionModifications.round,
      response: submissionModifications.response,
      submittedAt: submissionModifications.submittedAt,
      submittedByName: users.name,
      verdict: submissionModifications.verdict,
      verdictComment: submissionModifications.verdictComment,
      verifiedAt: submissionModifications.verifiedAt,
    })
    .from(submissionModifications)
    .leftJoin(users, eq(users.id, submissionModifications.submittedBy))
    .where(eq(submissionModifications.submissionId, sub.id))
    .orderBy(asc(submissionModifications.round))
    .all();
  const required = sub.outcome === 'approved_with_modifications';
  return {
    id: sub.id,
    state: sub.state,
    stateLabel: SUBMISSION_STATE_LABELS[sub.state],
    required,
    conditions: sub.conditions,
    status: required ? modificationStatusOf(rounds.at(-1)) : null,
    rounds,
    version: sub.version,
  };
}
