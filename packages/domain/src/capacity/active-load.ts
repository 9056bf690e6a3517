import { ACTIVE_SITE_STATES } from '@ctp/contracts';
import { type Db, trialSites } from '@ctp/db';
import { and, count, inArray, isNotNull } from 'drizzle-orm';

export type ActiveLoad = { bySpecialty: Map<string, number>; byInvestigator: Map<string, number> };

/**
 * Active trials per hospital specialty and per PI: the count of their trial sites from `selected` to
 * `enrolment_closed` (DESIGN §4.3). Derived from the site lifecycle, never typed.
 */
export function loadActiveLoad(db: Db, hospitalIds?: readonly string[]): ActiveLoad {
  // Of some hospitals only (the read model re-reading one hospital, a profile), through the hospital index.
  const active = and(
    inArray(trialSites.state, [...ACTIVE_SITE_STATES]),
    hospitalIds ? inArray(trialSites.hospitalOrgId, [...hospitalIds]) : undefined,
  );
  const bySpecialty = db
    .select({ id: trialSites.hospitalSpecialtyId, n: count() })
    .from(trialSites)
    .where(active)
    .groupBy(trialSites.hospitalSpecialtyId)
    .all();
  const byInvestigator = db
    .select({ id: trialSites.investigatorId, n: count() })
    .from(trialSites)
    .where(active)
    .groupBy(trialSites.investigatorId)
    .having(isNotNull(trialSites.investigatorId))
    .all();
  return {
    bySpecialty: new Map(bySpecialty.map((r) => [r.id, r.n])),
    byInvestigator: new Map(byInvestigator.map((r) => [r.id!, r.n])),
  };
}
