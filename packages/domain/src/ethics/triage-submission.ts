import { triageSubmissionInput } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { applySubmissionStep, authoriseSubmissionStep, loadSubmission } from './submission-access.ts';

/**
 * Public contract `submissions.triage`: the secretary routes an accepted submission to a convened meeting (会议审查)
 * or the expedited procedure (简易程序). High-risk studies cannot be expedited (DESIGN §4.1).
 */
export function triageSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof triageSubmissionInput> }) {
  const input = triageSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'triage', { locale: ctx.locale, version: input.version });
  if (input.path === 'expedited' && loaded.trial.riskLevel === 'high')
    throw new DomainError('PRECONDITION_FAILED', 'HIGH_RISK_NOT_EXPEDITED', {
      fieldErrors: [{ path: 'path', message: 'HIGH_RISK_NOT_EXPEDITED' }],
    });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'triage', 'in_review', {
      now,
      patch: { reviewPath: input.path },
      comment: input.comment,
    });
    return { id: updated.id, state: updated.state, version: updated.version, reviewPath: updated.reviewPath };
  });
}
