import { POLICIES, type Policy } from '@ctp/contracts';
import { DomainError } from '@ctp/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { type ApiContext, actorCtx, useCaseCtx } from './context.ts';
import { describeError, toTrpcError } from './error-mapping.ts';
import { apiTransformer } from './json-transformer.ts';
import { rateLimitKey } from './request-rate-limit.ts';

/** Every procedure carries the name of the policy that guards it; a test fails on any procedure without one. */
export type ProcedureMeta = { policy: string };

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: apiTransformer,
    errorFormatter({ shape, error, ctx }) {
      const ctp = describeError(error, ctx?.locale ?? 'zh-CN', ctx?.requestId ?? '-');
      if (ctp.code === 'INTERNAL')
        ctx?.log.error({ err: error.cause ?? error, requestId: ctx.requestId }, 'unhandled error');
      // The message and stack of an unknown error never reach the client.
      return {
        ...shape,
        message: ctp.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ctp },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors to tRPC errors once, for every procedure. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error);
  return result;
});

/** Every call counts against its caller's limit, one by one inside a batch, before its input is even parsed. */
const countCall = t.middleware(({ ctx, next }) => {
  const wait = ctx.rateLimit?.take(rateLimitKey(ctx.session, ctx.ip)) ?? 0;
  if (wait > 0)
    throw new DomainError('RATE_LIMITED', 'TOO_MANY_REQUESTS', { params: { seconds: wait, retryAfterSeconds: wait } });
  return next();
});

const base = t.procedure.use(mapErrors).use(countCall);

/** The public procedure: its use-case context may have no actor. */
function publicGuard() {
  return base.meta({ policy: POLICIES.public.name }).use(({ ctx, next }) => next({ ctx: { uc: useCaseCtx(ctx) } }));
}

/** A procedure behind a policy that needs a signed-in actor: its use-case context carries that actor, never null. */
function actorGuard(policy: Policy) {
  return base.meta({ policy: policy.name }).use(({ ctx, next }) => {
    if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'NOT_SIGNED_IN' });
    const actor = ctx.session.actor;
    // Every non-public policy refuses a null actor; the second test keeps the narrowing honest if one ever did not.
    if (!policy.allows(actor) || !actor) throw new TRPCError({ code: 'FORBIDDEN', message: 'ROLE_REQUIRED' });
    return next({ ctx: { uc: actorCtx(ctx, actor) } });
  });
}

/**
 * A procedure guarded by a policy over the acting membership. After the check it hands the use-case context to the
 * resolver as `ctx.uc` (CONVENTIONS §2): `useCase({ ctx: ctx.uc, input })`. For any policy but `public` that context
 * is an `ActorCtx`, so the use-case never needs `ctx.actor!`.
 */
export function guarded(policy: typeof POLICIES.public): ReturnType<typeof publicGuard>;
export function guarded(policy: Policy): ReturnType<typeof actorGuard>;
export function guarded(policy: Policy) {
  return policy.name === POLICIES.public.name ? publicGuard() : actorGuard(policy);
}

export const publicProcedure = guarded(POLICIES.public);

/** Needs a live session but no active membership: who-am-I, sign-out, password, switching roles. */
export const sessionProcedure = base.meta({ policy: 'session' }).use(({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'NOT_SIGNED_IN' });
  return next({ ctx: { session, uc: useCaseCtx(ctx) } });
});

export const KNOWN_POLICY_NAMES = new Set<string>([...Object.values(POLICIES).map((p) => p.name), 'session']);
