import { createUserInput, POLICIES } from '@ctp/contracts';
import { createUser, listUsers } from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

export const usersRouter = router({
  list: guarded(POLICIES.administer).query(({ ctx }) => listUsers({ ctx: useCaseCtx(ctx) })),
  create: guarded(POLICIES.administer)
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser({ ctx: useCaseCtx(ctx), input })),
});
