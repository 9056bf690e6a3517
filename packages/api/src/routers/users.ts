import {
  createUserInput,
  listUsersInput,
  POLICIES,
  resetUserPasswordInput,
  setUserDisabledInput,
  updateUserInput,
} from '@ctp/contracts';
import { createUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

export const usersRouter = router({
  list: guarded(POLICIES.administer)
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers({ ctx: useCaseCtx(ctx), input })),
  create: guarded(POLICIES.administer)
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser({ ctx: useCaseCtx(ctx), input })),
  update: guarded(POLICIES.administer)
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser({ ctx: useCaseCtx(ctx), input })),
  setDisabled: guarded(POLICIES.administer)
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled({ ctx: useCaseCtx(ctx), input })),
  resetPassword: guarded(POLICIES.administer)
    .input(resetUserPasswordInput)
    .mutation(({ ctx, input }) => resetUserPassword({ ctx: useCaseCtx(ctx), input })),
});
