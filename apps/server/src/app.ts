import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppRouter } from '@ctp/api';
import { type ApiContext, appRouter } from '@ctp/api';
import { pickLocale } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import {
  type AuditHeadFiles,
  LoginThrottle,
  resolveSession,
  SESSION_COOKIE,
  type Services,
  type ThrottleSettings,
} from '@ctp/domain';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { registerFileRoutes } from './file-routes.ts';

export type BuildOptions = {
  config: Config;
  database: DbHandle;
  /** Tests inject a clock and a throttle with other limits. */
  now?: () => number;
  throttle?: ThrottleSettings;
  /** The signed audit head kept beside a file database (main.ts keeps it current); the admin's verify checks it. */
  auditHead?: AuditHeadFiles | null;
};

/** The one Fastify host: tRPC at /trpc, health, and the built web app with client-side routes at /. */
export async function buildApp({ config, database, now = Date.now, throttle, auditHead }: BuildOptions) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    // tRPC batches name every procedure in the path (`/trpc/a.b,c.d,…`): a dashboard's six queries exceed the default 100.
    routerOptions: { maxParamLength: 2000 },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  const services: Services = {
    loginThrottle: new LoginThrottle(throttle),
    session: config.session,
    files: { dir: config.dataDir, maxUploadBytes: config.maxUploadBytes },
    ...(auditHead && { auditHead }),
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
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/trpc') && !req.url.startsWith('/api'),
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
      log: req.log,
    };
  }

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext,
      onError({ error, ctx }) {
        if (error.code === 'TOO_MANY_REQUESTS') {
          const cause = error.cause as { params?: { retryAfterSeconds?: number } } | undefined;
          const retry = cause?.params?.retryAfterSeconds;
          if (retry) ctx?.log.warn({ retryAfterSeconds: retry }, 'sign-in throttled');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await registerFileRoutes(app, {
    db: database.db,
    services,
    session: config.session,
    now,
    maxUploadBytes: config.maxUploadBytes,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  const indexHtml = join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: config.webDist, prefix: '/', wildcard: true, index: ['index.html'] });
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

/** The host of an Origin header; `null` for an opaque origin ("null", from sandboxed frames) or a malformed one. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
