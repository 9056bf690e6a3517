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
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

/**
 * Public contract (issue 18): providers.search/get/update. Beside it: a sponsor's shortlist of providers and the
 * providers a trial uses.
 */
export const providersRouter = router({
  search: guarded(POLICIES.searchProviders)
    .input(providersSearchInput)
    .query(({ ctx, input }) => searchProviders({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.searchProviders)
    .input(providerIdInput)
    .query(({ ctx, input }) => getProvider({ ctx: useCaseCtx(ctx), input })),
  update: guarded(POLICIES.keepProviderProfile)
    .input(providersUpdateInput)
    .mutation(({ ctx, input }) => updateProvider({ ctx: useCaseCtx(ctx), input })),
  shortlisted: guarded(POLICIES.keepShortlists)
    .input(providersShortlistedInput)
    .query(({ ctx, input }) => shortlistedProviders({ ctx: useCaseCtx(ctx), input })),
  shortlist: guarded(POLICIES.keepShortlists)
    .input(providersShortlistInput)
    .mutation(({ ctx, input }) => {
      shortlistProvider({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  unshortlist: guarded(POLICIES.keepShortlists)
    .input(providersUnshortlistInput)
    .mutation(({ ctx, input }) => {
      unshortlistProvider({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  forTrial: guarded(POLICIES.readTrials)
    .input(providersForTrialInput)
    .query(({ ctx, input }) => providersForTrial({ ctx: useCaseCtx(ctx), input })),
  linkTrial: guarded(POLICIES.recordTrialProviders)
    .input(providersLinkTrialInput)
    .mutation(({ ctx, input }) => {
      linkTrialProvider({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
});
