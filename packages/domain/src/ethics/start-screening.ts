import { startScreeningInput } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/**
 * Public contract `submissions.startScreening` {id, version}: the committee's secretary opens formal screening
 * (形式审查, DESIGN §4.1: submitted → screening), so the applicant sees the file is being checked. Screening then ends
 * by `submissions.screen` (accept or return), as it does from `submitted`. The clock does not start until acceptance.
 */
export function startScreening({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof startScreeningInput> }) {
  const input = startScreeningInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'start_screening', { version: input.version });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'start_screening', { now });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}
