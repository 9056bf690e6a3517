import { withdrawSubmissionInput } from '@ctp/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep, closeOpenClockStop } from './submission-steps.ts';

/**
 * Withdraw (撤回) a submission before a decision: the applicant, or the sponsor. An open clock stop ends today.
 * The trial site keeps its lifecycle state (there is no backward step; a new initial submission continues it).
 */
export function withdrawSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof withdrawSubmissionInput> }) {
  const input = withdrawSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'withdraw', { version: input.version });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    closeOpenClockStop(tx, loaded.sub.id, shanghaiDate(now));
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'withdraw', { now, comment: input.reason });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}
