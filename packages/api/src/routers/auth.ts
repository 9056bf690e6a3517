import { changePasswordInput, loginInput, meOutput, switchMembershipInput } from '@ctp/contracts';
import { changePassword, getMe, signIn, signOut, switchMembership } from '@ctp/domain';
import { publicProcedure, router, sessionProcedure } from '../trpc.ts';

export const authRouter = router({
  /** Public contract: {email, password} → sets the `ctp_session` cookie and returns who signed in. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const result = await signIn({ ctx: ctx.uc, input, previousSessionId: ctx.session?.sessionId ?? null });
    ctx.cookies.set(result.token, result.expiresAt);
    return result.me;
  }),
  logout: sessionProcedure.mutation(({ ctx }) => {
    signOut({ ctx: ctx.uc, sessionId: ctx.session.sessionId, userId: ctx.session.userId });
    ctx.cookies.clear();
    return { ok: true as const };
  }),
  /** Public contract: {user: {id, email, name}, memberships: [{role, orgId, orgName, …}], active: {role, orgId, …}}. */
  me: sessionProcedure.output(meOutput).query(({ ctx }) => getMe({ ctx: ctx.uc, userId: ctx.session.userId })),
  changePassword: sessionProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword({ ctx: ctx.uc, input });
    return { ok: true as const };
  }),
  switchMembership: sessionProcedure.input(switchMembershipInput).mutation(({ ctx, input }) => {
    switchMembership({ ctx: ctx.uc, session: ctx.session, input });
    return { ok: true as const };
  }),
});
