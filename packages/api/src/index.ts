export * from './context.ts';
export * from './error-mapping.ts';
export { RequestRateLimit, rateLimitKey } from './request-rate-limit.ts';
export { renderApiDocsPage } from './rest/docs-page.ts';
export { buildOpenApiDocument } from './rest/openapi.ts';
export { matchRestRoute, REST_PREFIX, type RestResult, restError, runRestCall } from './rest/rest-handler.ts';
export { REST_ROUTES, type RestRoute } from './rest/rest-routes.ts';
export { type AppRouter, appRouter } from './root.ts';
export { createCallerFactory, KNOWN_POLICY_NAMES, type ProcedureMeta } from './trpc.ts';
