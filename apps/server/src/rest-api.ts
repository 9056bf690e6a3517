import {
  buildOpenApiDocument,
  matchRestRoute,
  REST_PREFIX,
  type RequestRateLimit,
  renderApiDocsPage,
  restError,
  runRestCall,
} from '@ctp/api';
import { type Locale, pickLocale } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import { DomainError, openSubmissionLetter, recordApiTokenCall, resolveApiToken, type Services } from '@ctp/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendFile } from './file-routes.ts';

type Options = { db: Db; services: Services; now: () => number; rateLimit: RequestRateLimit };

const localeOf = (req: FastifyRequest): Locale =>
  pickLocale((req.headers['x-ctp-locale'] as string | undefined) ?? req.headers['accept-language']);

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
}

/**
 * The REST API (issue 17): `/api/v1/*` with API tokens, `/api/v1/openapi.json` and `/api/docs`, all generated from
 * the route table in packages/api/src/rest. Every call made with a token is written to the token's access log; the
 * writes it makes are audited under the token by the use-cases themselves.
 */
export async function registerRestApi(app: FastifyInstance, opts: Options) {
  let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;
  const document = () => {
    openapi ??= buildOpenApiDocument();
    return openapi;
  };
  app.get(`${REST_PREFIX}/openapi.json`, async (_req, reply) =>
    reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(document()),
  );
  app.get('/api/docs', async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(renderApiDocsPage(document() as unknown as Parameters<typeof renderApiDocsPage>[0])),
  );

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(req);
    const path = (req.url.split('?')[0] ?? '').slice(REST_PREFIX.length) || '/';
    const token = resolveApiToken(opts.db, bearerOf(req), opts.now(), req.ip ?? null);
    const fail = (error: unknown) => {
      const { status, body } = restError(error, locale, req.id);
      if (body.error.code === 'INTERNAL') req.log.error({ err: error }, 'REST call failed');
      if (status === 401) reply.header('www-authenticate', 'Bearer realm="ctp"');
      return reply.code(status).send(body);
    };
    if (!token) {
      // Wrong tokens are counted per address, so guessing is as slow as any other anonymous call.
      const wait = opts.rateLimit.take(`ip:${req.ip ?? '-'}`);
      if (wait > 0) reply.header('retry-after', String(wait));
      return fail(
        wait > 0
          ? new DomainError('RATE_LIMITED', 'TOO_MANY_REQUESTS', { params: { seconds: wait, retryAfterSeconds: wait } })
          : new DomainError('UNAUTHENTICATED', 'TOKEN_INVALID'),
      );
    }
    reply.raw.on('finish', () => {
      recordApiTokenCall(opts.db, {
        tokenId: token.tokenId,
        at: opts.now(),
        method: req.method,
        path: path.slice(0, 300),
        status: reply.statusCode,
        ip: req.ip ?? null,
        requestId: req.id,
      });
    });
    const matched = matchRestRoute(req.method, path);
    if (!matched) return fail(new DomainError('NOT_FOUND', 'NOT_FOUND'));
    // Each call counts against the token's own per-minute limit, like a signed-in user's calls.
    const wait = opts.rateLimit.take(`token:${token.tokenId}`);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return fail(
        new DomainError('RATE_LIMITED', 'TOO_MANY_REQUESTS', { params: { seconds: wait, retryAfterSeconds: wait } }),
      );
    }
    try {
      if (matched.route.kind === 'file') {
        if (!token.scopes.includes(matched.route.scope)) {
          throw new DomainError('FORBIDDEN', 'TOKEN_SCOPE_MISSING', { params: { scope: matched.route.scope } });
        }
        const ctx = {
          actor: token.actor,
          db: opts.db,
          now: opts.now,
          requestId: req.id,
          locale,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          services: opts.services,
        };
        return sendFile(req, reply, openSubmissionLetter({ ctx, submissionId: matched.params.id! }));
      }
      const result = await runRestCall({
        route: matched.route,
        params: matched.params,
        query: req.query as Record<string, string | string[] | undefined>,
        body: req.body,
        ifNoneMatch: req.headers['if-none-match'],
        token,
        ctx: {
          db: opts.db,
          services: opts.services,
          now: opts.now,
          requestId: req.id,
          locale,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          log: req.log,
        },
      });
      reply.code(result.status).headers(result.headers);
      return result.status === 304 ? reply.send() : reply.send(result.body);
    } catch (e) {
      return fail(e);
    }
  };
  app.route({ method: ['GET', 'POST'], url: `${REST_PREFIX}/*`, handler });
}
