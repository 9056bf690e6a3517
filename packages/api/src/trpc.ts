import { POLICIES, type Policy } from '@ctp/contracts';
import { DomainError } from '@ctp/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { ApiContext } from './context.ts';
import { describeError, toTrpcError } from './error-mapping.ts';
import { rateLimitKey } from './request-rate-limit.ts';

/** Every procedure carries the name of the policy that guards it; a test fails on any procedure without one. */
export type ProcedureMeta = { policy: string };

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
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

/** A procedure guarded by a policy over the acting membership. */
export function guarded(policy: Policy) {
  return base.meta({ policy: policy.name }).use(({ ctx, next }) => {
    if (policy.name !== POLICIES.public.name) {
      if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'NOT_SIGNED_IN' });
      if (!policy.allows(ctx.session.actor)) throw new TRPCError({ code: 'FORBIDDEN', message: 'ROLE_REQUIRED' });
    }
    return next();
  });
}

export const publicProcedure = guarded(POLICIES.public);

/** Needs a live session but no active membership: who-am-I, sign-out, password, switching roles. */
export const sessionProcedure = base.meta({ policy: 'session' }).use(({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'NOT_SIGNED_IN' });
  return next({ ctx: { ...ctx, session } });
});

export const KNOWN_POLICY_NAMES = new Set<string>([...Object.values(POLICIES).map((p) => p.name), 'session']);
