import {
  type ActorRef,
  type AuditAction,
  canActForCommittee,
  checkRecognitionTransition,
  isEcRole,
  type Locale,
  RECOGNITION_STATE_LABELS,
  type RecognitionSide,
  type RecognitionState,
  type RecognitionStep,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  investigators,
  recognitionClockStops,
  recognitionEvents,
  recognitionRequests,
  type Tx,
  trialSites,
  trials,
} from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import type { Reader } from '../ethics/committee-access.ts';
import { canActForSite, canManageTrial, type TrialRow, type TrialSiteRow } from '../trials/trial-access.ts';

export type RecognitionRequestRow = typeof recognitionRequests.$inferSelect;

export function loadRequest(db: Reader, id: string) {
  const row = db
    .select({ req: recognitionRequests, trial: trials, site: trialSites, piUserId: investigators.userId })
    .from(recognitionRequests)
    .innerJoin(trials, eq(trials.id, recognitionRequests.trialId))
    .innerJoin(trialSites, eq(trialSites.id, recognitionRequests.trialSiteId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(eq(recognitionRequests.id, id))
    .get();
  if (!row) throw notFound();
  return row;
}
export type LoadedRequest = ReturnType<typeof loadRequest>;

/**
 * Pure: who the actor is for a request. The participating EC's secretary or chair (`ec`); the participating site's
 * trial office or PI, or the trial's sponsor (`site`: they prepare the packet and answer). Anyone else: nobody.
 */
export function recognitionSideOf(
  actor: ActorRef | null,
  req: Pick<RecognitionRequestRow, 'committeeId'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): RecognitionSide | null {
  if (!actor) return null;
  if (isEcRole(actor.role))
    return actor.role !== 'ec_member' && canActForCommittee(actor, req.committeeId) ? 'ec' : null;
  if (canActForSite(actor, site, piUserId) || canManageTrial(actor, trial)) return 'site';
  return null;
}

/**
 * Pure: who may read a request — its two sides, every EC role of the participating committee, the lead committee's
 * EC roles (objections and the board), the commission and the admin (status only; nothing confidential lives here).
 */
export function canReadRequest(
  actor: ActorRef | null,
  req: Pick<RecognitionRequestRow, 'committeeId' | 'leadCommitteeId'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): boolean {
  if (!actor) return false;
  if (actor.role === 'commission' || actor.role === 'admin') return true;
  if (isEcRole(actor.role))
    return canActForCommittee(actor, req.committeeId) || canActForCommittee(actor, req.leadCommitteeId);
  return recognitionSideOf(actor, req, trial, site, piUserId) !== null;
}

function stateLabel(state: RecognitionState, locale: Locale) {
  return locale === 'en' ? RECOGNITION_STATE_LABELS[state].en : RECOGNITION_STATE_LABELS[state].zh;
}

/** Authorise a step (CONVENTIONS §2): unreadable → NOT_FOUND, wrong side → FORBIDDEN, stale → CONFLICT, state → INVALID_TRANSITION. */
export function authoriseRecognitionStep(
  actor: ActorRef | null,
  loaded: LoadedRequest,
  step: RecognitionStep,
  opts: { locale: Locale; version?: number | undefined },
): RecognitionSide {
  const { req, trial, site, piUserId } = loaded;
  if (!canReadRequest(actor, req, trial, site, piUserId)) throw notFound();
  const side = recognitionSideOf(actor, req, trial, site, piUserId);
  const check = checkRecognitionTransition(step, req.state, side);
  if (!check.ok && check.reason === 'role')
    throw forbidden(
      actor && isEcRole(actor.role) && actor.committeeId !== req.committeeId ? 'NOT_OWN_COMMITTEE' : 'ROLE_REQUIRED',
    );
  if (opts.version !== undefined && opts.version !== req.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (!check.ok)
    throw new DomainError('INVALID_TRANSITION', 'RECOGNITION_STEP_NOT_ALLOWED', {
      params: { state: stateLabel(req.state, opts.locale) },
    });
  return side!;
}

const STEP_ACTIONS: Record<RecognitionStep, AuditAction> = {
  submit_packet: 'recognition.submit_packet',
  accept: 'recognition.accept',
  review: 'recognition.review',
  request_action: 'recognition.request_action',
  respond: 'recognition.respond',
  decide: 'recognition.decide',
};

/** One step inside the caller's transaction: conditional UPDATE (state + version), timeline event, audit row. */
export function applyRecognitionStep(
  tx: Tx,
  ctx: AuditCtx,
  req: RecognitionRequestRow,
  step: RecognitionStep,
  to: RecognitionState,
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

/** The committee of a hospital (one per hospital in this city's data). */
export function committeeOfHospital(db: Reader, hospitalOrgId: string) {
  return db
    .select({ id: ethicsCommittees.id, nameZh: ethicsCommittees.nameZh, nameEn: ethicsCommittees.nameEn })
    .from(ethicsCommittees)
    .where(eq(ethicsCommittees.hospitalOrgId, hospitalOrgId))
    .get();
}
