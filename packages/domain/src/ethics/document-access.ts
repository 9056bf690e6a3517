import { type ActorRef, canActForCommittee, isEcRole, type SubmissionSide } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import { forbidden, notFound } from '../errors.ts';
import { assertMayOpenSubmissionFiles } from './reviewer-access.ts';
import type { LoadedSubmission } from './submission-access.ts';
import { canReadSubmission, submissionSideOf } from './submission-policy.ts';

/**
 * Authorise reading a submission's files (documents, letter). The applicant side (trial office, PI), the trial's
 * sponsor or CRO, and the committee's secretary and chair read them; any other member of that committee only through
 * `assertMayOpenSubmissionFiles` (a primary reviewer declares conflicts first). Everyone else, the commission
 * included, gets NOT_FOUND: they cannot tell the file exists.
 */
export function assertMayReadSubmissionFiles(
  db: Db,
  actor: ActorRef | null,
  loaded: LoadedSubmission,
): SubmissionSide | 'member' {
  const { sub, trial, site, piUserId } = loaded;
  if (!canReadSubmission(actor, sub, trial, site, piUserId)) throw notFound();
  const side = submissionSideOf(actor, sub, trial, site, piUserId);
  if (side) return side;
  if (actor && actor.role === 'ec_member' && canActForCommittee(actor, sub.committeeId)) {
    assertMayOpenSubmissionFiles(db, sub.id, actor);
    return 'member';
  }
  if (actor && isEcRole(actor.role)) throw forbidden('NOT_OWN_COMMITTEE');
  throw notFound();
}
