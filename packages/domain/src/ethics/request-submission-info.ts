import { requestInfoInput, respondSubmissionInput } from '@ctp/contracts';
import { submissionClockStops } from '@ctp/db';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep, closeOpenClockStop } from './submission-steps.ts';

/**
 * Public contract `submissions.requestInfo`: the secretary asks the applicant for information (待补充); the clock
 * stops from today (a working day stopped at any time does not count, DESIGN §4.4).
 */
export function requestSubmissionInfo({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof requestInfoInput> }) {
  const input = requestInfoInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'request_info', { version: input.version });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    tx.insert(submissionClockStops)
      .values({
        submissionId: loaded.sub.id,
        kind: 'info_requested',
        fromDate: shanghaiDate(now),
        reason: input.questions,
        createdAt: now,
      })
      .run();
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'request_info', {
      now,
      comment: input.questions,
    });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}

/** Public contract `submissions.respond`: the applicant answers; the review resumes and the clock runs again. */
export function respondToSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof respondSubmissionInput> }) {
  const input = respondSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  authoriseSubmissionStep(ctx.actor, loaded, 'respond', { version: input.version });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    closeOpenClockStop(tx, loaded.sub.id, shanghaiDate(now));
    const updated = applySubmissionStep(tx, ctx, loaded.sub, 'respond', { now, comment: input.answer });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}
