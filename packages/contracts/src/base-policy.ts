import type { BaseSide } from './bases.ts';
import type { ActorRef } from './policies.ts';

/**
 * Who may keep which part of a base (issue 18), over the loaded base: pure, shared by the use-cases and the web.
 * The commission keeps the whole record; a member organisation's sponsor or trial office keeps its own part.
 */
export function keepsWholeBase(actor: ActorRef | null): boolean {
  return actor?.role === 'commission';
}

export function isBaseMember(actor: ActorRef | null, memberOrgIds: readonly string[]): boolean {
  return !!actor && (actor.role === 'sponsor' || actor.role === 'site_admin') && memberOrgIds.includes(actor.orgId);
}

/** A member links a trial its organisation sponsors (or is the CRO of) or runs a site of; the commission any trial. */
export function mayLinkTrial(
  actor: ActorRef | null,
  memberOrgIds: readonly string[],
  trial: { sponsorOrgId: string; croOrgId: string | null; siteHospitalIds: readonly string[] },
): boolean {
  if (keepsWholeBase(actor)) return true;
  if (!actor || !isBaseMember(actor, memberOrgIds)) return false;
  const org = actor.orgId;
  return trial.sponsorOrgId === org || trial.croOrgId === org || trial.siteHospitalIds.includes(org);
}

/** The side an actor takes in `BASE_TRANSITIONS`: the commission reviews; nobody else has a step. */
export function baseSideOf(actor: ActorRef | null): BaseSide | null {
  return keepsWholeBase(actor) ? 'commission' : null;
}
