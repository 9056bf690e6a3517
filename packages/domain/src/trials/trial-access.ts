import { type Db, investigators, trialSites, trials } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors.ts';

// Loading a trial and its sites. Who may do what with them is decided in `policy.ts`, over what is loaded here.

export type TrialRow = typeof trials.$inferSelect;
export type TrialSiteRow = typeof trialSites.$inferSelect;

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
