import { type Db, ethicsCommittees, investigators, submissions, trialSites, trials } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../errors.ts';

// Loading a submission with its trial and site. Who may do what with it is decided in `submission-policy.ts`.

export type SubmissionRow = typeof submissions.$inferSelect;

export function loadSubmission(db: Db, id: string) {
  const row = db
    .select({
      sub: submissions,
      trial: trials,
      site: trialSites,
      piUserId: investigators.userId,
      committeeName: ethicsCommittees.nameZh,
    })
    .from(submissions)
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(eq(submissions.id, id))
    .get();
  if (!row) throw notFound();
  return row;
}
export type LoadedSubmission = ReturnType<typeof loadSubmission>;
