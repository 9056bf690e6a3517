import type { Locale } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import type { Actor, ActorCtx, Ctx, ResolvedSession, Services } from '@ctp/domain';
import type { RequestRateLimit } from './request-rate-limit.ts';

/** What the transport hands to every procedure. The server builds it per request (see apps/server). */
export type ApiContext = {
  db: Db;
  services: Services;
  now: () => number;
  requestId: string;
  locale: Locale;
  ip: string | null;
  userAgent: string | null;
  session: ResolvedSession | null;
  /** The raw cookie token, needed only to rotate the session at sign-in. */
  cookies: { set: (token: string, expiresAt: number) => void; clear: () => void };
  /** Per-caller call counter (absent in tests that call the router directly). */
  rateLimit?: RequestRateLimit;
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
};

/** The use-case context (CONVENTIONS §2) of a request. */
export function useCaseCtx(ctx: ApiContext): Ctx {
  return {
    actor: ctx.session?.actor ?? null,
    db: ctx.db,
    now: ctx.now,
    requestId: ctx.requestId,
    locale: ctx.locale,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    services: ctx.services,
  };
}

/** The use-case context of a request whose policy admitted a signed-in actor (built by `guarded`, never by routers). */
export function actorCtx(ctx: ApiContext, actor: Actor): ActorCtx {
  return { ...useCaseCtx(ctx), actor };
}
