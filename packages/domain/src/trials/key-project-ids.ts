import { type Db, keyProjects } from '@ctp/db';
import { and, inArray, isNull } from 'drizzle-orm';

/** Trials flagged as city key projects (重点攻关项目) now; ECs and sites see the flag on trials and submissions. */
export function keyProjectTrialIds(db: Pick<Db, 'select'>, trialIds?: string[]): Set<string> {
  const where = trialIds
    ? and(isNull(keyProjects.unflaggedAt), inArray(keyProjects.trialId, trialIds))
    : isNull(keyProjects.unflaggedAt);
  return new Set(
    db
      .select({ id: keyProjects.trialId })
      .from(keyProjects)
      .where(where)
      .all()
      .map((r) => r.id),
  );
}
