import {
  createUserInput,
  listUsersInput,
  POLICIES,
  resetUserPasswordInput,
  setUserDisabledInput,
  updateUserInput,
} from '@ctp/contracts';
import { createUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

export const usersRouter = router({
  list: guarded(POLICIES.administer)
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers({ ctx: ctx.uc, input })),
  create: guarded(POLICIES.administer)
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser({ ctx: ctx.uc, input })),
  update: guarded(POLICIES.administer)
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser({ ctx: ctx.uc, input })),
  setDisabled: guarded(POLICIES.administer)
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled({ ctx: ctx.uc, input })),
  resetPassword: guarded(POLICIES.administer)
    .input(resetUserPasswordInput)
    .mutation(({ ctx, input }) => resetUserPassword({ ctx: ctx.uc, input })),
});
