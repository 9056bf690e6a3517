import { submissions, trials } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import type { Reader } from './committee-access.ts';

/** The agenda of a meeting: the submissions whose `meeting_id` names it (decided ones stay on it). */
export function agendaOf(db: Reader, meetingId: string) {
  return db
    .select({
      id: submissions.id,
      type: submissions.type,
      title: submissions.title,
      acceptanceNo: submissions.acceptanceNo,
      state: submissions.state,
      outcome: submissions.outcome,
      conditions: submissions.conditions,
      version: submissions.version,
      trialTitle: trials.titleZh,
    })
    .from(submissions)
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .where(eq(submissions.meetingId, meetingId))
    .orderBy(asc(submissions.acceptanceNo))
    .all();
}
