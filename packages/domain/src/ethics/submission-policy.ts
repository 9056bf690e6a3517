import {
  type ActorRef,
  canActForCommittee,
  canActForSite,
  canManageTrial,
  checkSubmissionTransition,
  isEcRole,
  runsCommittee,
  type SubmissionSide,
  type SubmissionStep,
  term,
} from '@ctp/contracts';
import { DomainError, forbidden, notFound } from '../errors.ts';
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

/** How an EC member reaches a submission's files (documents, worksheets), when they may. */
export type FileAccess =
  | { via: 'committee'; memberId: null }
  | { via: 'reviewer'; memberId: string }
  | { via: 'meeting'; memberId: string };

/** Why the files gate refused: NOT_FOUND, or the detail of a FORBIDDEN / PRECONDITION_FAILED. */
export type FileRefusal =
  | 'NOT_FOUND'
  | 'ROLE_REQUIRED'
  | 'NOT_OWN_COMMITTEE'
  | 'MEMBER_CONFLICTED'
  | 'CONFLICT_DECLARATION_REQUIRED'
  | 'NOT_A_REVIEWER';

/** The error a refusal of the files gate is reported as. */
export function fileRefusalError(refusal: FileRefusal): DomainError {
  if (refusal === 'NOT_FOUND') return notFound();
  if (refusal === 'CONFLICT_DECLARATION_REQUIRED') return new DomainError('PRECONDITION_FAILED', refusal);
  return forbidden(refusal);
}

/**
 * Pure, the first half of the files gate (see `assertMayOpenSubmissionFiles`): an EC role of the submission's own
 * committee only, never on a draft; its secretary and chair pass whole (`committee`); any other member is decided
 * by their own member records (`members`, then `memberFileAccess`).
 */
export function submissionFilesGate(
  actor: ActorRef | null,
  sub: Pick<SubmissionRow, 'committeeId' | 'submittedAt'>,
): { refused: FileRefusal } | { via: 'committee' } | { via: 'members' } {
  if (!actor || !isEcRole(actor.role)) return { refused: 'ROLE_REQUIRED' };
  if (!canActForCommittee(actor, sub.committeeId)) return { refused: 'NOT_OWN_COMMITTEE' };
  if (sub.submittedAt === null) return { refused: 'NOT_FOUND' };
  if (runsCommittee(actor, sub.committeeId)) return { via: 'committee' };
  return { via: 'members' };
}

/**
 * What is known of one of the actor's member records on the committee, for the files gate: recused for the
 * submission (or its meeting), its live primary-reviewer assignment, and — when the submission is on a meeting's
 * agenda — whether present there and its conflict declaration for the submission.
 */
export type MemberFileFacts = {
  memberId: string;
  recused: boolean;
  reviewer: { hasConflict: boolean | null } | undefined;
  meeting: { present: boolean; declaration: { hasConflict: boolean } | undefined } | null;
};

/**
 * Pure, the second half of the files gate, over the actor's member records in order: a recused record refuses
 * (MEMBER_CONFLICTED) unless an earlier one already opened as a primary reviewer (主审) with no conflict declared;
 * then a record present at the agenda's meeting with no conflict declared opens. A reviewer or attendee who has not
 * declared is told to declare (CONFLICT_DECLARATION_REQUIRED); anyone else is NOT_A_REVIEWER.
 */
export function memberFileAccess(members: MemberFileFacts[]): FileAccess | { refused: FileRefusal } {
  let mustDeclare = false;
  for (const m of members) {
    if (m.recused) return { refused: 'MEMBER_CONFLICTED' };
    if (m.reviewer) {
      if (m.reviewer.hasConflict === false) return { via: 'reviewer', memberId: m.memberId };
      mustDeclare = true;
    }
  }
  for (const m of members) {
    if (!m.meeting?.present) continue;
    const declared = m.meeting.declaration;
    if (declared && !declared.hasConflict) return { via: 'meeting', memberId: m.memberId };
    mustDeclare = true;
  }
  return { refused: mustDeclare ? 'CONFLICT_DECLARATION_REQUIRED' : 'NOT_A_REVIEWER' };
}

/**
 * Pure: who reads a submission's files (documents, letter) without the files gate — the applicant side, the trial's
 * sponsor or CRO, the committee's secretary and chair (their side) — or `member` for another member of that
 * committee, who then goes through the files gate. Everyone else is refused: an EC role of another committee
 * NOT_OWN_COMMITTEE, anyone else NOT_FOUND (they cannot tell the file exists).
 */
export function submissionFilesReaderOf(
  actor: ActorRef | null,
  loaded: Pick<LoadedSubmission, 'sub' | 'trial' | 'site' | 'piUserId'>,
): SubmissionSide | 'member' | { refused: 'NOT_FOUND' | 'NOT_OWN_COMMITTEE' } {
  const { sub, trial, site, piUserId } = loaded;
  if (!canReadSubmission(actor, sub, trial, site, piUserId)) return { refused: 'NOT_FOUND' };
  const side = submissionSideOf(actor, sub, trial, site, piUserId);
  if (side) return side;
  if (actor && actor.role === 'ec_member' && canActForCommittee(actor, sub.committeeId)) return 'member';
  if (actor && isEcRole(actor.role)) return { refused: 'NOT_OWN_COMMITTEE' };
  return { refused: 'NOT_FOUND' };
}

/**
 * Pure: may the actor read a submission's letter without the files gate? The committee's own EC roles (the letter
 * is its output, not the confidential file), and an EC role of a committee holding a recognition request whose lead
 * submission this is (DESIGN §4.2: the participating EC sees the lead's decision, conditions, letter and approved
 * versions — never its votes or minutes). `recognisingCommitteeIds`: the committees of those requests.
 */
export function canReadLetterAsCommittee(
  actor: ActorRef | null,
  loaded: Pick<LoadedSubmission, 'sub' | 'trial' | 'site' | 'piUserId'>,
  recognisingCommitteeIds: readonly string[],
): boolean {
  if (actor === null) return false;
  const { sub, trial, site, piUserId } = loaded;
  if (canActForCommittee(actor, sub.committeeId) && canReadSubmission(actor, sub, trial, site, piUserId)) return true;
  return isEcRole(actor.role) && recognisingCommitteeIds.some((id) => canActForCommittee(actor, id));
}

/**
 * Pure: who may read a trial site's effective versions: the site (trial office, PI), the trial's sponsor or CRO, and
 * the EC roles of the site's hospital.
 */
export function canReadSiteDocuments(
  actor: ActorRef | null,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): boolean {
  return (
    canActForSite(actor, site, piUserId) ||
    canManageTrial(actor, trial) ||
    (actor !== null && isEcRole(actor.role) && actor.committeeId !== null && actor.orgId === site.hospitalOrgId)
  );
}
