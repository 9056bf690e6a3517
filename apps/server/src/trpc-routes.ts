import type { IncomingMessage } from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * tRPC under `prefix`, as `@trpc/server`'s Fastify plugin serves it — the same request parsing, batching, context,
 * errors and response meta through tRPC's `resolveResponse` — except for the reply. The plugin hands Fastify the
 * fetch `Response`, whose body Fastify then pipes from a web stream into the socket chunk by chunk, with chunked
 * transfer encoding. Every answer here is one JSON document (the web uses `httpBatchLink`; there are no
 * subscriptions or streaming links), so it is read whole and sent in one write with its length (issue 16: the
 * stream was a measurable part of every request's path).
 */
export function trpcRoutes<TRouter extends AnyTRPCRouter>(
  trpcOptions: FastifyTRPCPluginOptions<TRouter>['trpcOptions'],
) {
  // A plugin of its own, so the body parsers it replaces apply to its routes only (as the tRPC plugin's do).
  return async (scope: FastifyInstance) => {
    // tRPC parses the body itself (JSON, or form data for uploads it refuses): hand it the raw text.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => done(null, body));

    scope.all<{ Params: { path: string } }>(
      '/:path',
      async (req: FastifyRequest<{ Params: { path: string } }>, reply: FastifyReply) => {
        const raw = req.raw as IncomingMessage & { body?: unknown };
        if (req.body !== undefined) raw.body = req.body;
        const response = await resolveResponse({
          ...trpcOptions,
          req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
          path: req.params.path,
          error: null,
          createContext: async (inner) => trpcOptions.createContext?.({ req, res: reply, ...inner }),
          onError: (o) => trpcOptions.onError?.({ ...o, req }),
        } as Parameters<typeof resolveResponse<TRouter>>[0]);
        reply.code(response.status);
        for (const [key, value] of response.headers) if (key !== 'set-cookie') reply.header(key, value);
        return reply.send(Buffer.from(await response.arrayBuffer()));
      },
    );
  };
}
