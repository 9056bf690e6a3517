import { investigators, recognitionRequests, trialSites, trials } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../errors.ts';
import type { Reader } from '../ethics/committee-access.ts';

// Loading a recognition request with its trial and site. Who may do what with it is decided in `policy.ts`.

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
