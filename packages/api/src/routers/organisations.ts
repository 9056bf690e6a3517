import { orgListInput, POLICIES } from '@ctp/contracts';
import { getOrganisation, listOrganisations } from '@ctp/domain';
import { z } from 'zod';
import { guarded, router } from '../trpc.ts';

export const organisationsRouter = router({
  list: guarded(POLICIES.readDirectory)
    .input(orgListInput)
    .query(({ ctx, input }) => listOrganisations({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readDirectory)
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getOrganisation({ ctx: ctx.uc, input })),
});
