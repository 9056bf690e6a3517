export * from './context.ts';
export * from './error-mapping.ts';
export { RequestRateLimit, rateLimitKey } from './request-rate-limit.ts';
export { type AppRouter, appRouter } from './root.ts';
export { createCallerFactory, KNOWN_POLICY_NAMES, type ProcedureMeta } from './trpc.ts';
