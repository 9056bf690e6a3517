import {
  POLICIES,
  providerIdInput,
  providersForTrialInput,
  providersLinkTrialInput,
  providersSearchInput,
  providersShortlistedInput,
  providersShortlistInput,
  providersUnshortlistInput,
  providersUpdateInput,
} from '@ctp/contracts';
import {
  getProvider,
  linkTrialProvider,
  providersForTrial,
  searchProviders,
  shortlistedProviders,
  shortlistProvider,
  unshortlistProvider,
  updateProvider,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

/**
 * Public contract (issue 18): providers.search/get/update. Beside it: a sponsor's shortlist of providers and the
 * providers a trial uses.
 */
export const providersRouter = router({
  search: guarded(POLICIES.searchProviders)
    .input(providersSearchInput)
    .query(({ ctx, input }) => searchProviders({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.searchProviders)
    .input(providerIdInput)
    .query(({ ctx, input }) => getProvider({ ctx: ctx.uc, input })),
  update: guarded(POLICIES.keepProviderProfile)
    .input(providersUpdateInput)
    .mutation(({ ctx, input }) => updateProvider({ ctx: ctx.uc, input })),
  shortlisted: guarded(POLICIES.keepShortlists)
    .input(providersShortlistedInput)
    .query(({ ctx, input }) => shortlistedProviders({ ctx: ctx.uc, input })),
  shortlist: guarded(POLICIES.keepShortlists)
    .input(providersShortlistInput)
    .mutation(({ ctx, input }) => {
      shortlistProvider({ ctx: ctx.uc, input });
      return ok;
    }),
  unshortlist: guarded(POLICIES.keepShortlists)
    .input(providersUnshortlistInput)
    .mutation(({ ctx, input }) => {
      unshortlistProvider({ ctx: ctx.uc, input });
      return ok;
    }),
  forTrial: guarded(POLICIES.readTrials)
    .input(providersForTrialInput)
    .query(({ ctx, input }) => providersForTrial({ ctx: ctx.uc, input })),
  linkTrial: guarded(POLICIES.recordTrialProviders)
    .input(providersLinkTrialInput)
    .mutation(({ ctx, input }) => {
      linkTrialProvider({ ctx: ctx.uc, input });
      return ok;
    }),
});
