import { compareSitesInput, exportSearchInput, POLICIES, sitesConditionsInput, sitesSearchInput } from '@ctp/contracts';
import { compareSites, exportSearch, searchSites, suggestConditionOptions } from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

export const sitesRouter = router({
  /** Public contract `sites.search` (issue 3). */
  search: guarded(POLICIES.searchSites)
    .input(sitesSearchInput)
    .query(({ ctx, input }) => searchSites({ ctx: ctx.uc, input })),
  /** The disease picker: vocabulary conditions (zh, en, ICD-10, abbreviations) for what was typed. */
  conditions: guarded(POLICIES.searchSites)
    .input(sitesConditionsInput)
    .query(({ ctx, input }) => suggestConditionOptions({ ctx: ctx.uc, input })),
  compare: guarded(POLICIES.searchSites)
    .input(compareSitesInput)
    .query(({ ctx, input }) => compareSites({ ctx: ctx.uc, input })),
  /** The whole result as XLSX (base64), for the browser to save. */
  exportSearch: guarded(POLICIES.searchSites)
    .input(exportSearchInput)
    .mutation(({ ctx, input }) => exportSearch({ ctx: ctx.uc, input })),
});
