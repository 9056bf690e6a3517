import { type AuditAction, RECOGNITION_TRANSITIONS, type RecognitionStep, targetOf } from '@ctp/contracts';
import { recognitionClockStops, recognitionEvents, recognitionRequests, type Tx } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { RecognitionRequestRow } from './request-access.ts';

/** The writes of the recognition workflow: one step of RECOGNITION_TRANSITIONS, and the end of a clock stop. */
const STEP_ACTIONS = {
  submit_packet: 'recognition.submit_packet',
  accept: 'recognition.accept',
  review: 'recognition.review',
  request_action: 'recognition.request_action',
  respond: 'recognition.respond',
  decide: 'recognition.decide',
} as const satisfies Record<RecognitionStep, AuditAction>;

/** One step inside the caller's transaction: conditional UPDATE (state + version), timeline event, audit row. */
export function applyRecognitionStep(
  tx: Tx,
  ctx: AuditCtx,
  req: RecognitionRequestRow,
  step: RecognitionStep,
  opts: {
    now: number;
    patch?: Partial<
      Pick<
        RecognitionRequestRow,
        | 'packetJson'
        | 'packetSubmittedAt'
        | 'checklistJson'
        | 'acceptedDate'
        | 'decidedDate'
        | 'outcome'
        | 'conditions'
        | 'reasons'
        | 'letterNo'
        | 'fallbackSubmissionId'
      >
    >;
    comment?: string | undefined;
    audit?: Record<string, unknown>;
  },
): RecognitionRequestRow {
  // The target comes from the table; the caller has authorised the step, so a miss here is a stale read.
  const to = targetOf(RECOGNITION_TRANSITIONS, step, req.state);
  if (!to) throw new DomainError('CONFLICT', 'STALE_VERSION');
  const updated = tx
    .update(recognitionRequests)
    .set({ ...opts.patch, state: to, updatedAt: opts.now, version: req.version + 1 })
    .where(
      and(
        eq(recognitionRequests.id, req.id),
        eq(recognitionRequests.state, req.state),
        eq(recognitionRequests.version, req.version),
      ),
    )
    .returning()
    .get();
  if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
  tx.insert(recognitionEvents)
    .values({
      requestId: req.id,
      step,
      fromState: req.state,
      toState: to,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      comment: opts.comment ?? null,
      at: opts.now,
    })
    .run();
  writeAuditEvent(tx, ctx, {
    action: STEP_ACTIONS[step],
    entityType: 'recognition_request',
    entityId: req.id,
    before: { state: req.state, version: req.version },
    after: { state: to, version: req.version + 1, ...opts.patch, ...opts.audit },
  });
  return updated;
}

export function closeRecognitionClockStop(tx: Tx, requestId: string, date: string): void {
  tx.update(recognitionClockStops)
    .set({ toDate: date })
    .where(and(eq(recognitionClockStops.requestId, requestId), isNull(recognitionClockStops.toDate)))
    .run();
}
