import type { ActorRef } from './policies.ts';
import type { TrialType } from './trial-options.ts';
import { type SiteActor, siteActorOf } from './trials.ts';

/**
 * Resource-level access to a trial and its sites (CONVENTIONS §6): pure functions over the few fields they read, the
 * one place these rules live — the domain enforces them over its rows, the web decides what to offer over the rows
 * the API sent (the way the server decides, not a copy of it).
 */

/** The fields of a trial its access rules read. */
export type TrialAccessFields = { sponsorOrgId: string; croOrgId: string | null; type: TrialType };
/** The field of a trial site its access rules read (the hospital running it). */
export type SiteAccessFields = { hospitalOrgId: string };

/** Pure: sponsors (and their CRO) run their own trials; an IIT's sponsor is its hospital. */
export function canManageTrial(actor: ActorRef | null, trial: TrialAccessFields): boolean {
  if (!actor) return false;
  if (actor.role === 'sponsor') return actor.orgId === trial.sponsorOrgId || actor.orgId === trial.croOrgId;
  if (trial.type === 'iit' && actor.role === 'site_admin') return actor.orgId === trial.sponsorOrgId;
  return false;
}

/** Pure: the trial office of the site's hospital, or the site's own PI (by their linked platform account). */
export function canActForSite(actor: ActorRef | null, site: SiteAccessFields, piUserId: string | null): boolean {
  if (!actor) return false;
  if (actor.role === 'site_admin') return actor.orgId === site.hospitalOrgId;
  if (actor.role === 'investigator') return actor.orgId === site.hospitalOrgId && piUserId === actor.userId;
  return false;
}

/** Pure: who the actor is for a step on this site: the sponsor side, the site side, or nobody. */
export function siteSideOf(
  actor: ActorRef | null,
  trial: TrialAccessFields,
  site: SiteAccessFields,
  piUserId: string | null,
): SiteActor | null {
  if (!actor) return null;
  const side = siteActorOf(actor.role);
  if (side === 'sponsor' && canManageTrial(actor, trial)) return 'sponsor';
  if (side === 'site' && canActForSite(actor, site, piUserId)) return 'site';
  // An IIT's trial office is both sponsor and site.
  if (actor.role === 'site_admin' && trial.type === 'iit' && canManageTrial(actor, trial)) return 'sponsor';
  return null;
}

/**
 * Pure: who records why a site's stage is late, given the actor's side on that site (`siteSideOf`): the trial's
 * sponsor side, or the hospital's trial office — the trial office, not the PI, speaks for the hospital here.
 */
export function mayRecordDelay(actor: ActorRef, side: SiteActor | null): side is 'sponsor' | 'site' {
  if (!side || side === 'ethics' || side === 'system') return false;
  return side !== 'site' || actor.role === 'site_admin';
}
