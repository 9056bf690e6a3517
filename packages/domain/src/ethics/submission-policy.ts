import {
  type ActorRef,
  canActForCommittee,
  checkSubmissionTransition,
  isEcRole,
  type SubmissionSide,
  type SubmissionStep,
  term,
} from '@ctp/contracts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { canActForSite, canManageTrial } from '../trials/policy.ts';
import type { TrialRow, TrialSiteRow } from '../trials/trial-access.ts';
import type { LoadedSubmission, SubmissionRow } from './submission-access.ts';

// Resource-level access to an ethics submission (CONVENTIONS §6): pure functions over the loaded submission, its
// trial and site. `submission-access.ts` only loads; every use-case on a submission authorises here.

/**
 * Pure: who the actor is for this submission. The committee's secretary or chair; the site's trial office or PI (the
 * applicant); the trial's sponsor or CRO. An EC role of another committee is nobody here.
 */
export function submissionSideOf(
  actor: ActorRef | null,
  sub: Pick<SubmissionRow, 'committeeId'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): SubmissionSide | null {
  if (!actor) return null;
  if (actor.role === 'ec_secretary') return canActForCommittee(actor, sub.committeeId) ? 'secretary' : null;
  if (actor.role === 'ec_chair') return canActForCommittee(actor, sub.committeeId) ? 'chair' : null;
  if (canActForSite(actor, site, piUserId)) return 'applicant';
  if (canManageTrial(actor, trial)) return 'sponsor';
  return null;
}

/**
 * Pure: the committee's EC roles see what was submitted to it (never a draft, nor a draft withdrawn unsent);
 * applicant and sponsor see their own.
 */
export function canReadSubmission(
  actor: ActorRef | null,
  sub: Pick<SubmissionRow, 'committeeId' | 'submittedAt'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): boolean {
  if (!actor) return false;
  if (isEcRole(actor.role)) return canActForCommittee(actor, sub.committeeId) && sub.submittedAt !== null;
  return canActForSite(actor, site, piUserId) || canManageTrial(actor, trial);
}

/**
 * Authorise a step on a loaded submission, then check its state (CONVENTIONS §2): an EC role of another committee
 * is refused NOT_OWN_COMMITTEE; someone who may not see it gets NOT_FOUND; a stale `version` from the client is a
 * CONFLICT; a step the side may not take is FORBIDDEN; a step the state does not allow is INVALID_TRANSITION.
 */
export function authoriseSubmissionStep(
  actor: ActorRef | null,
  loaded: LoadedSubmission,
  step: SubmissionStep,
  opts: { version?: number | undefined },
): SubmissionSide {
  const { sub, trial, site, piUserId } = loaded;
  if (actor && isEcRole(actor.role) && !canActForCommittee(actor, sub.committeeId))
    throw forbidden('NOT_OWN_COMMITTEE');
  if (!canReadSubmission(actor, sub, trial, site, piUserId)) throw notFound();
  const side = submissionSideOf(actor, sub, trial, site, piUserId);
  const check = checkSubmissionTransition(step, sub.state, side);
  if (!check.ok && check.reason === 'role') throw forbidden('ROLE_REQUIRED');
  if (opts.version !== undefined && opts.version !== sub.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (!check.ok)
    throw new DomainError('INVALID_TRANSITION', 'SUBMISSION_STEP_NOT_ALLOWED', {
      params: { state: term('submissionStates', sub.state) },
    });
  return side!;
}
