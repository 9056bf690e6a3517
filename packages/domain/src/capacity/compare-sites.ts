import { POLICIES, type SiteSearchItem } from '@ctp/contracts';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { loadHospitalCapacity } from './read-model-reads.ts';
import { searchSites } from './search-sites.ts';

export type CompareColumn = {
  site: SiteSearchItem;
  hospitalType: string | null;
  totalBeds: number | null;
  phase1Beds: number | null;
  nmpaDrugFilingNo: string | null;
  specialtyCount: number;
  investigatorCount: number;
  seniorInvestigatorCount: number;
  totalFreeSlots: number;
};

/**
 * Up to five hospitals side by side, in the order asked, each scored as search would score it for the same query
 * (so "why it fits" reads the same on both pages).
 */
export function compareSites({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { hospitalIds: string[]; q?: string; specialty?: string };
}): CompareColumn[] {
  if (!POLICIES.searchSites.allows(ctx.actor)) throw forbidden();
  const ids = [...new Set(input.hospitalIds)];
  const capacity = new Map(loadHospitalCapacity(ctx.db, ctx.now(), ids).map((h) => [h.org.id, h]));
  if (capacity.size !== ids.length) throw notFound('ORG_NOT_FOUND');
  // Score in the query's context when the hospital matches it, otherwise on capacity alone.
  const inContext = new Map(
    searchSites({ ctx, input: { q: input.q, specialty: input.specialty, limit: 5 }, hospitalIds: ids }).items.map(
      (i) => [i.hospitalId, i],
    ),
  );
  const plain = new Map(
    searchSites({ ctx, input: { limit: 5 }, hospitalIds: ids }).items.map((i) => [i.hospitalId, i]),
  );
  return ids.map((id) => {
    const h = capacity.get(id)!;
    return {
      site: inContext.get(id) ?? plain.get(id)!,
      hospitalType: h.org.hospitalType,
      totalBeds: h.org.totalBeds,
      phase1Beds: h.org.phase1Beds,
      nmpaDrugFilingNo: h.org.nmpaDrugFilingNo,
      specialtyCount: h.specialties.length,
      investigatorCount: h.investigators.length,
      seniorInvestigatorCount: h.investigators.filter((i) => i.eligibleToLeadDrugTrial).length,
      totalFreeSlots: h.specialties.reduce((n, s) => n + s.freeSlots, 0),
    };
  });
}
