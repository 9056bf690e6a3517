import { expeditedRefusal, expeditedRiskCeiling, term, triageSubmissionInput } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { committeeProcedures } from './committee-procedures.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/**
 * Public contract `submissions.triage`: the secretary routes an accepted submission to a convened meeting (会议审查)
 * or the expedited procedure (简易程序) — the latter only as the committee's saved expedited rules (or the platform
 * defaults) allow for the submission type and the trial's risk. High-risk studies can never be expedited (DESIGN §4.1).
 */
export function triageSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof triageSubmissionInput> }) {
  const input = triageSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'triage', { version: input.version });
  if (input.path === 'expedited') {
    const rules = committeeProcedures(ctx.db, loaded.sub.committeeId).expedited;
    const refusal = expeditedRefusal(rules, loaded.sub.type, loaded.trial.riskLevel);
    if (refusal) {
      throw new DomainError('PRECONDITION_FAILED', refusal, {
        params: {
          type: term('submissionTypes', loaded.sub.type),
          risk: term('riskLevels', loaded.trial.riskLevel),
          maxRisk: term('riskLevels', expeditedRiskCeiling(rules, loaded.sub.type)),
        },
        fieldErrors: [{ path: 'path', message: refusal }],
      });
    }
  }
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'triage', {
      now,
      patch: { reviewPath: input.path },
      comment: input.comment,
    });
    return { id: updated.id, state: updated.state, version: updated.version, reviewPath: updated.reviewPath };
  });
}
