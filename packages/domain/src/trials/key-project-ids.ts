import { baseTrials, type Db, projectTrials } from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';

/**
 * Trials that are key projects now (重点攻关项目): linked to a key technology project, named or unnamed (issue 18; an
 * unnamed project is what `keyProjects.flag` makes for one trial). ECs and sites see it on trials and submissions.
 */
export function keyProjectTrialIds(db: Pick<Db, 'select'>, trialIds?: string[]): Set<string> {
  const where = trialIds
    ? and(isNull(projectTrials.unlinkedAt), inArray(projectTrials.trialId, trialIds))
    : isNull(projectTrials.unlinkedAt);
  return new Set(
    db
      .select({ id: projectTrials.trialId })
      .from(projectTrials)
      .where(where)
      .all()
      .flatMap((r) => (r.id ? [r.id] : [])),
  );
}

/** The platform trials a project links now. */
export function projectTrialIds(db: Pick<Db, 'select'>, projectId: string): Set<string> {
  return new Set(
    db
      .select({ id: projectTrials.trialId })
      .from(projectTrials)
      .where(and(eq(projectTrials.projectId, projectId), isNull(projectTrials.unlinkedAt)))
      .all()
      .flatMap((r) => (r.id ? [r.id] : [])),
  );
}

/** The trials run through a collaborative base. */
export function baseTrialIds(db: Pick<Db, 'select'>, baseId: string): Set<string> {
  return new Set(
    db
      .select({ id: baseTrials.trialId })
      .from(baseTrials)
      .where(eq(baseTrials.baseId, baseId))
      .all()
      .map((r) => r.id),
  );
}
