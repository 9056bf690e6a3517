import { ACTIVE_SITE_STATES } from '@ctp/contracts';
import { type Db, trialSites } from '@ctp/db';
import { and, count, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { hospitalRows } from './hospital-rows.ts';

export type ActiveLoad = { bySpecialty: Map<string, number>; byInvestigator: Map<string, number> };

/**
 * Active trials per hospital specialty and per PI: the count of their trial sites from `selected` to
 * `enrolment_closed` (DESIGN §4.3). Derived from the site lifecycle, never typed. Of some hospitals only (the read
 * model re-reading one hospital, a profile), through the covering index on (hospital, state, specialty, PI).
 */
export function loadActiveLoad(db: Db, hospitalIds?: readonly string[]): ActiveLoad {
  const active = (of: SQL | undefined) => and(inArray(trialSites.state, [...ACTIVE_SITE_STATES]), of);
  const bySpecialty = hospitalRows(db, 'activeLoad.bySpecialty', hospitalIds, (d, of) =>
    d
      .select({ id: trialSites.hospitalSpecialtyId, n: count() })
      .from(trialSites)
      .where(active(of(trialSites.hospitalOrgId)))
      .groupBy(trialSites.hospitalSpecialtyId),
  );
  const byInvestigator = hospitalRows(db, 'activeLoad.byInvestigator', hospitalIds, (d, of) =>
    d
      .select({ id: trialSites.investigatorId, n: count() })
      .from(trialSites)
      .where(active(of(trialSites.hospitalOrgId)))
      .groupBy(trialSites.investigatorId)
      .having(isNotNull(trialSites.investigatorId)),
  );
  return {
    bySpecialty: new Map(bySpecialty.map((r) => [r.id, r.n])),
    byInvestigator: new Map(byInvestigator.map((r) => [r.id!, r.n])),
  };
}
