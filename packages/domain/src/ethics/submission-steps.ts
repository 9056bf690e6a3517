import { type AuditAction, isEcOnlyEvent, SUBMISSION_TRANSITIONS, type SubmissionStep, targetOf } from '@ctp/contracts';
import { submissionClockStops, submissionEvents, submissions, type Tx } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { SubmissionRow } from './submission-access.ts';

/** The writes of the submission workflow: one step of SUBMISSION_TRANSITIONS, and the end of a clock stop. */
const STEP_ACTIONS = {
  submit: 'submission.submit',
  accept: 'submission.accept',
  return: 'submission.return',
  resubmit: 'submission.resubmit',
  triage: 'submission.triage',
  request_info: 'submission.request_info',
  respond: 'submission.respond',
  withdraw: 'submission.withdraw',
  schedule: 'submission.schedule',
  refer_to_meeting: 'submission.refer_to_meeting',
  decide: 'submission.decide',
  unschedule: 'submission.unschedule',
  submit_modifications: 'submission.submit_modifications',
  verify_modifications: 'submission.verify_modifications',
  issue_letter: 'submission.issue_letter',
  start_screening: 'submission.start_screening',
} as const satisfies Record<SubmissionStep, AuditAction>;

/**
 * Moves a submission one step inside the caller's transaction: the UPDATE is conditional on the state and version
 * read, so a concurrent second writer gets CONFLICT; then the timeline event and the audit row.
 */
export function applySubmissionStep(
  tx: Tx,
  ctx: AuditCtx,
  sub: SubmissionRow,
  step: SubmissionStep,
  opts: {
    now: number;
    patch?: Partial<
      Pick<
        SubmissionRow,
        | 'reviewPath'
        | 'acceptanceNo'
        | 'acceptedDate'
        | 'submittedAt'
        | 'meetingId'
        | 'outcome'
        | 'conditions'
        | 'decidedDate'
        | 'followUpDate'
      >
    >;
    comment?: string | undefined;
    detail?: Record<string, unknown>;
  },
): SubmissionRow {
  const action = STEP_ACTIONS[step];
  // The target comes from the table; the caller has authorised the step, so a miss here is a stale read.
  const to = targetOf(SUBMISSION_TRANSITIONS, step, sub.state);
  if (!to) throw new DomainError('CONFLICT', 'STALE_VERSION');
  const updated = tx
    .update(submissions)
    .set({ ...opts.patch, state: to, updatedAt: opts.now, version: sub.version + 1 })
    .where(and(eq(submissions.id, sub.id), eq(submissions.state, sub.state), eq(submissions.version, sub.version)))
    .returning()
    .get();
  if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
  tx.insert(submissionEvents)
    .values({
      submissionId: sub.id,
      step,
      fromState: sub.state,
      toState: to,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      comment: opts.comment ?? null,
      detailJson: opts.detail ? JSON.stringify(opts.detail) : null,
      isEcOnly: isEcOnlyEvent(step),
      at: opts.now,
    })
    .run();
  writeAuditEvent(tx, ctx, {
    action,
    entityType: 'submission',
    entityId: sub.id,
    before: { state: sub.state, version: sub.version },
    after: {
      state: to,
      version: sub.version + 1,
      ...opts.patch,
      ...(opts.comment ? { comment: opts.comment } : {}),
      ...opts.detail,
    },
  });
  return updated;
}

/** Ends the submission's open clock stop (returned / information requested) on `date`, in the caller's transaction. */
export function closeOpenClockStop(tx: Tx, submissionId: string, date: string): void {
  tx.update(submissionClockStops)
    .set({ toDate: date })
    .where(and(eq(submissionClockStops.submissionId, submissionId), isNull(submissionClockStops.toDate)))
    .run();
}
