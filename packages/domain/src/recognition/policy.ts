import {
  type ActorRef,
  canActForCommittee,
  canActForSite,
  canManageTrial,
  checkRecognitionTransition,
  isEcRole,
  type RecognitionSide,
  type RecognitionStep,
  term,
} from '@ctp/contracts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import type { TrialRow, TrialSiteRow } from '../trials/trial-access.ts';
import type { LoadedRequest, RecognitionRequestRow } from './request-access.ts';

// Resource-level access to a recognition request (互认, CONVENTIONS §6): pure functions over the loaded request, its
// trial and site. `request-access.ts` only loads; every use-case on a request authorises here.

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

/** Authorise a step (CONVENTIONS §2): unreadable → NOT_FOUND, wrong side → FORBIDDEN, stale → CONFLICT, state → INVALID_TRANSITION. */
export function authoriseRecognitionStep(
  actor: ActorRef | null,
  loaded: LoadedRequest,
  step: RecognitionStep,
  opts: { version?: number | undefined },
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
      params: { state: term('recognitionStates', req.state) },
    });
  return side!;
}
