import { ACTIVE_SITE_STATES } from '@ctp/contracts';
import { type Db, preparedQuery, trialSites } from '@ctp/db';
import { and, count, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';

export type ActiveLoad = { bySpecialty: Map<string, number>; byInvestigator: Map<string, number> };

type Counted = { id: string | null; n: number };
type Runnable = {
  all(): Counted[];
  prepare(): { all(values: Record<string, unknown>): Counted[]; getQuery(): { sql: string } };
};

/**
 * The two counts, for every hospital, some, or one; one hospital (the search read model re-reading it after a
 * write) through statements prepared once per database, as in load-capacity.ts.
 */
function counts(
  db: Db,
  name: string,
  hospitalIds: readonly string[] | undefined,
  build: (d: Db, of: SQL | undefined) => Runnable,
): Counted[] {
  if (hospitalIds?.length === 1)
    return preparedQuery(db, `activeLoad.${name}`, (d) =>
      build(d, eq(trialSites.hospitalOrgId, sql.placeholder('hospitalId'))).prepare(),
    ).all({ hospitalId: hospitalIds[0] });
  return build(db, hospitalIds ? inArray(trialSites.hospitalOrgId, [...hospitalIds]) : undefined).all();
}

/**
 * Active trials per hospital specialty and per PI: the count of their trial sites from `selected` to
 * `enrolment_closed` (DESIGN §4.3). Derived from the site lifecycle, never typed. Of some hospitals only (the read
 * model re-reading one hospital, a profile), through the covering index on (hospital, state, specialty, PI).
 */
export function loadActiveLoad(db: Db, hospitalIds?: readonly string[]): ActiveLoad {
  const active = (of: SQL | undefined) => and(inArray(trialSites.state, [...ACTIVE_SITE_STATES]), of);
  const bySpecialty = counts(db, 'bySpecialty', hospitalIds, (d, of) =>
    d
      .select({ id: trialSites.hospitalSpecialtyId, n: count() })
      .from(trialSites)
      .where(active(of))
      .groupBy(trialSites.hospitalSpecialtyId),
  );
  const byInvestigator = counts(db, 'byInvestigator', hospitalIds, (d, of) =>
    d
      .select({ id: trialSites.investigatorId, n: count() })
      .from(trialSites)
      .where(active(of))
      .groupBy(trialSites.investigatorId)
      .having(isNotNull(trialSites.investigatorId)),
  );
  return {
    bySpecialty: new Map(bySpecialty.map((r) => [r.id!, r.n])),
    byInvestigator: new Map(byInvestigator.map((r) => [r.id!, r.n])),
  };
}
