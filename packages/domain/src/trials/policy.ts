import { type ActorRef, type SiteActor, siteActorOf } from '@ctp/contracts';
import type { inquiries, trialSites, trials } from '@ctp/db';

/**
 * Resource-level access to a trial and its sites (CONVENTIONS §6): pure functions over the loaded rows, the one place
 * these rules live. `trial-access.ts` loads; the use-cases of every aggregate that touches a trial ask here.
 */
type TrialRow = typeof trials.$inferSelect;
type TrialSiteRow = typeof trialSites.$inferSelect;
type InquiryRow = typeof inquiries.$inferSelect;

/** Pure: sponsors (and their CRO) run their own trials; an IIT's sponsor is its hospital. */
export function canManageTrial(
  actor: ActorRef | null,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
): boolean {
  if (!actor) return false;
  if (actor.role === 'sponsor') return actor.orgId === trial.sponsorOrgId || actor.orgId === trial.croOrgId;
  if (trial.type === 'iit' && actor.role === 'site_admin') return actor.orgId === trial.sponsorOrgId;
  return false;
}

/** Pure: the trial office of the site's hospital, or the site's own PI (by their linked platform account). */
export function canActForSite(
  actor: ActorRef | null,
  site: Pick<TrialSiteRow, 'hospitalOrgId'>,
  piUserId: string | null,
): boolean {
  if (!actor) return false;
  if (actor.role === 'site_admin') return actor.orgId === site.hospitalOrgId;
  if (actor.role === 'investigator') return actor.orgId === site.hospitalOrgId && piUserId === actor.userId;
  return false;
}

/** Who the actor is for a step on this site: the sponsor side, the site side, or nobody. */
export function siteSideOf(
  actor: ActorRef | null,
  trial: TrialRow,
  site: TrialSiteRow,
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

/** Pure: may the actor see this trial at all? Commission and admin read everything (no deliberations live here). */
export function canReadTrial(
  actor: ActorRef | null,
  trial: TrialRow,
  siteHospitalIds: string[],
  piUserIds: (string | null)[],
): boolean {
  if (!actor) return false;
  if (actor.role === 'commission' || actor.role === 'admin') return true;
  if (canManageTrial(actor, trial)) return true;
  if (actor.role === 'site_admin') return siteHospitalIds.includes(actor.orgId);
  if (actor.role === 'investigator') return piUserIds.includes(actor.userId);
  if (actor.role === 'ec_secretary' || actor.role === 'ec_member' || actor.role === 'ec_chair')
    return siteHospitalIds.includes(actor.orgId);
  return false;
}

/**
 * Pure: who records why a site's stage is late, given the actor's side on that site (`siteSideOf`): the trial's
 * sponsor side, or the hospital's trial office — the trial office, not the PI, speaks for the hospital here.
 */
export function mayRecordDelay(actor: ActorRef, side: SiteActor | null): side is 'sponsor' | 'site' {
  if (!side || side === 'ethics' || side === 'system') return false;
  return side !== 'site' || actor.role === 'site_admin';
}

/** Pure: an inquiry (询问, issue 14) is answered by the trial office of the hospital it was sent to. */
export function answersInquiry(actor: ActorRef | null, inquiry: Pick<InquiryRow, 'hospitalOrgId'>): boolean {
  return actor !== null && actor.role === 'site_admin' && actor.orgId === inquiry.hospitalOrgId;
}

/**
 * Pure: who reads an inquiry's attachments: the trial office it was sent to, always; the trial's sponsor (or CRO; or,
 * for an investigator-initiated trial, the hospital running it) once the answer is sent (no longer `sent`).
 */
export function canReadInquiryAttachments(
  actor: ActorRef | null,
  inquiry: Pick<InquiryRow, 'hospitalOrgId' | 'status'>,
  trial: Pick<TrialRow, 'sponsorOrgId' | 'croOrgId' | 'type'>,
): boolean {
  if (answersInquiry(actor, inquiry)) return true;
  if (inquiry.status === 'sent') return false;
  return canManageTrial(actor, trial);
}
