import { type ActorRef, type SiteActor, siteActorOf } from '@ctp/contracts';
import { type Db, investigators, trialSites, trials } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors.ts';

export type TrialRow = typeof trials.$inferSelect;
export type TrialSiteRow = typeof trialSites.$inferSelect;

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

export function loadTrial(db: Db, id: string): TrialRow {
  const trial = db.select().from(trials).where(eq(trials.id, id)).get();
  if (!trial) throw notFound();
  return trial;
}

export function loadSiteWithTrial(db: Db, trialSiteId: string) {
  const row = db
    .select({ site: trialSites, trial: trials, piUserId: investigators.userId })
    .from(trialSites)
    .innerJoin(trials, eq(trials.id, trialSites.trialId))
    .leftJoin(investigators, and(eq(investigators.id, trialSites.investigatorId)))
    .where(eq(trialSites.id, trialSiteId))
    .get();
  if (!row) throw notFound();
  return row;
}
