import { submitSubmissionInput } from '@ctp/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fanOutSafetyReport } from '../fan-out/fan-out.ts';
import { inTransaction } from '../transaction.ts';
import { markEthicsSubmitted } from '../trials/record-progress.ts';
import { stateLabel } from '../trials/site-lifecycle.ts';
import { siteAcceptsSubmission } from './create-submission.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep, closeOpenClockStop } from './submission-steps.ts';

/**
 * Public contract `submissions.submit`: the applicant sends a draft to the committee (draft → submitted), or sends a
 * corrected returned submission back to screening (returned → screening; the clock stop of the return ends today).
 * Submitting an initial review (or a resubmission) of a selected site moves it to ethics_submitted in the same
 * transaction; a site that is already ethics_submitted (after a withdrawn one) stays there.
 */
export function submitSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof submitSubmissionInput> }) {
  const input = submitSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  const { sub, site } = loaded;
  const step = sub.state === 'returned' ? 'resubmit' : 'submit';
  authoriseSubmissionStep(ctx.actor, loaded, step, { version: input.version });
  const now = ctx.now();
  const today = shanghaiDate(now);
  if (step === 'submit' && !siteAcceptsSubmission(sub.type, site))
    throw new DomainError('PRECONDITION_FAILED', 'SITE_NOT_READY_FOR_ETHICS', {
      params: { state: stateLabel(site.state) },
    });
  return inTransaction(ctx.db, (tx) => {
    if (step === 'resubmit') {
      closeOpenClockStop(tx, sub.id, today);
    }
    const updated = applySubmissionStep(tx, ctx, sub, step, {
      now,
      patch: step === 'submit' ? { submittedAt: now } : undefined,
      comment: input.comment,
    });
    if (step === 'submit' && site.state === 'selected') markEthicsSubmitted(tx, ctx, site, today, now);
    // An SAE/SUSAR report filed at the lead EC reaches every EC that recognised the trial (DESIGN §4.2).
    if (step === 'submit') fanOutSafetyReport(tx, { sub, trial: loaded.trial, now });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}
