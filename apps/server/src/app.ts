import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppRouter } from '@ctp/api';
import { type ApiContext, appRouter, describeError, RequestRateLimit, rateLimitKey, toTrpcError } from '@ctp/api';
import { MAX_BATCH_CALLS, pickLocale } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import {
  type AuditHeadFiles,
  DomainError,
  LoginThrottle,
  resolveSession,
  SESSION_COOKIE,
  SearchResultCache,
  type Services,
  type ThrottleSettings,
} from '@ctp/domain';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { TRPCError } from '@trpc/server';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Config } from './config.ts';
import { registerFileRoutes } from './file-routes.ts';
import { registerRestApi } from './rest-api.ts';
import { staticHeaders } from './static-assets.ts';
import { trpcRoutes } from './trpc-routes.ts';
import { fastifyTrustProxy } from './trust-proxy.ts';

export type BuildOptions = {
  config: Config;
  database: DbHandle;
  /** Tests inject a clock and a throttle with other limits. */
  now?: () => number;
  throttle?: ThrottleSettings;
  /** The signed audit head kept beside a file database (main.ts keeps it current); the admin's verify checks it. */
  auditHead?: AuditHeadFiles | null;
};

/**
 * One log line per request, when it completes (with the request's method and URL), instead of Fastify's two
 * ("incoming request", then "request completed"): at `info` each line cost ~0.4 ms of a 5 ms search (issue 16).
 * Errors, 404s and stream failures are logged as Fastify logs them.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** The one Fastify host: tRPC at /trpc, health, and the built web app with client-side routes at /. */
export async function buildApp({ config, database, now = Date.now, throttle, auditHead }: BuildOptions) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    logController: new OneLinePerRequest(),
    genReqId: () => randomUUID(),
    // tRPC batches name every procedure in the path (`/trpc/a.b,c.d,…`): a dashboard's six queries exceed the default 100.
    routerOptions: { maxParamLength: 2000 },
    requestIdHeader: false,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
  });
  const services: Services = {
    loginThrottle: new LoginThrottle(throttle, now),
    session: config.session,
    files: { dir: config.dataDir, maxUploadBytes: config.maxUploadBytes },
    ...(auditHead && { auditHead }),
    ...(config.searchCacheItems > 0 && { searchCache: new SearchResultCache(config.searchCacheItems) }),
  };

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  // One counter for API calls: tRPC counts each call of a batch (middleware in packages/api), the file routes here.
  const rateLimit = new RequestRateLimit({ perMinute: config.rateLimitPerMinute, now });
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api')) return;
    // REST calls with a token are counted per token by the REST handler (apps/server/src/rest-api.ts).
    if (req.url.startsWith('/api/v1/') && req.headers.authorization) return;
    const session = resolveSession(database.db, req.cookies[SESSION_COOKIE], now(), config.session);
    const wait = rateLimit.take(rateLimitKey(session, req.ip ?? null));
    if (wait === 0) return;
    const error = new DomainError('RATE_LIMITED', 'TOO_MANY_REQUESTS', {
      params: { seconds: wait, retryAfterSeconds: wait },
    });
    const locale = pickLocale((req.headers['x-ctp-locale'] as string | undefined) ?? req.headers['accept-language']);
    return reply
      .code(429)
      .header('retry-after', String(wait))
      .send({ error: describeError(toTrpcError(error), locale, req.id) });
  });

  // A cross-site page cannot post JSON to us with the user's cookie unless the browser says where it comes from.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !(req.url.startsWith('/trpc') || req.url.startsWith('/api'))) return;
    const origin = req.headers.origin;
    if (origin && hostOf(origin) !== req.headers.host) {
      return reply.code(403).send({ error: 'cross-origin request refused' });
    }
  });

  function setSessionCookie(reply: FastifyReply, token: string, expiresAt: number) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      // Max-Age, not Expires: relative to the server's clock, so a browser whose clock differs keeps the session.
      maxAge: Math.max(0, Math.floor((expiresAt - now()) / 1000)),
    });
  }

  function createContext({ req, res }: { req: FastifyRequest; res: FastifyReply }): ApiContext {
    const at = now();
    return {
      db: database.db,
      services,
      now,
      requestId: req.id,
      locale: pickLocale((req.headers['x-ctp-locale'] as string | undefined) ?? req.headers['accept-language']),
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      session: resolveSession(database.db, req.cookies[SESSION_COOKIE], at, config.session),
      cookies: {
        set: (token, expiresAt) => setSessionCookie(res, token, expiresAt),
        clear: () => res.clearCookie(SESSION_COOKIE, { path: '/' }),
      },
      rateLimit,
      log: req.log,
    };
  }

  await app.register(
    trpcRoutes<AppRouter>({
      router: appRouter,
      createContext,
      maxBatchSize: MAX_BATCH_CALLS,
      // A refused call says when to come back, in the header as well as in its body.
      responseMeta({ errors }) {
        const waits = errors.map((e) => retryAfterOf(e)).filter((w) => w > 0);
        return waits.length > 0 ? { headers: { 'retry-after': String(Math.max(...waits)) } } : {};
      },
      onError({ error, ctx }) {
        const retry = retryAfterOf(error);
        if (retry > 0) ctx?.log.warn({ retryAfterSeconds: retry, detail: error.message }, 'throttled');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions']),
    { prefix: '/trpc' },
  );

  await registerFileRoutes(app, {
    db: database.db,
    services,
    session: config.session,
    now,
    maxUploadBytes: config.maxUploadBytes,
  });

  await registerRestApi(app, { db: database.db, services, now, rateLimit });

  app.get('/healthz', async () => ({ status: 'ok' }));

  const indexHtml = join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    // Pre-compressed copies chosen by Accept-Encoding; a year for hashed assets, revalidation for the rest.
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: staticHeaders(config.webDist),
    });
  }
  // Client-side routes get the app shell; API paths and files get a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' &&
      !req.url.startsWith('/trpc') &&
      !req.url.startsWith('/api') &&
      !/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (wantsPage && existsSync(indexHtml)) return reply.type('text/html').sendFile('index.html');
    if (wantsPage)
      return reply
        .type('text/html')
        .send('<!doctype html><meta charset="utf-8"><p>CTP web app is not built: run <code>pnpm build</code>.</p>');
    return reply.code(404).send({ error: 'not found' });
  });

  return app;
}

/** Seconds a throttled call (429) was told to wait, or 0. */
function retryAfterOf(error: TRPCError): number {
  if (error.code !== 'TOO_MANY_REQUESTS' || !(error.cause instanceof DomainError)) return 0;
  const retry = error.cause.params.retryAfterSeconds;
  return typeof retry === 'number' ? retry : 0;
}

/** The host of an Origin header; `null` for an opaque origin ("null", from sandboxed frames) or a malformed one. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
