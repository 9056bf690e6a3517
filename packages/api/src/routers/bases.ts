import {
  baseIdInput,
  basesCreateInput,
  basesLinkTrialInput,
  basesListInput,
  basesSetStatusInput,
  basesUpdateInput,
  POLICIES,
} from '@ctp/contracts';
import {
  createBase,
  getBase,
  linkableTrialsForBase,
  linkBaseTrial,
  listBases,
  setBaseStatus,
  updateBase,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

/** Public contract (issue 18): bases.list/get/create/update/setStatus/linkTrial. */
export const basesRouter = router({
  list: guarded(POLICIES.readBases)
    .input(basesListInput)
    .query(({ ctx, input }) => listBases({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readBases)
    .input(baseIdInput)
    .query(({ ctx, input }) => getBase({ ctx: ctx.uc, input })),
  linkableTrials: guarded(POLICIES.readBases)
    .input(baseIdInput)
    .query(({ ctx, input }) => linkableTrialsForBase({ ctx: ctx.uc, input })),
  create: guarded(POLICIES.registerBases)
    .input(basesCreateInput)
    .mutation(({ ctx, input }) => createBase({ ctx: ctx.uc, input })),
  update: guarded(POLICIES.keepBases)
    .input(basesUpdateInput)
    .mutation(({ ctx, input }) => updateBase({ ctx: ctx.uc, input })),
  setStatus: guarded(POLICIES.registerBases)
    .input(basesSetStatusInput)
    .mutation(({ ctx, input }) => setBaseStatus({ ctx: ctx.uc, input })),
  linkTrial: guarded(POLICIES.keepBases)
    .input(basesLinkTrialInput)
    .mutation(({ ctx, input }) => {
      linkBaseTrial({ ctx: ctx.uc, input });
      return ok;
    }),
});
