import { createHash } from 'node:crypto';
import { type ApiErrorData, ERROR_HTTP_STATUS, type Locale } from '@ctp/contracts';
import { DomainError, type ResolvedApiToken } from '@ctp/domain';
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { describeError, toTrpcError } from '../error-mapping.ts';
import { appRouter } from '../root.ts';
import { createCallerFactory } from '../trpc.ts';
import { REST_ROUTES, type RestRoute } from './rest-routes.ts';

export const REST_PREFIX = '/api/v1';
const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;

type Compiled = { route: RestRoute; pattern: RegExp; names: string[] };
const COMPILED: Compiled[] = REST_ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** The route for a method and a path below `/api/v1`, with its decoded path parameters. */
export function matchRestRoute(
  method: string,
  path: string,
): { route: RestRoute; params: Record<string, string> } | null {
  for (const c of COMPILED) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    return { route: c.route, params };
  }
  return null;
}

export type RestCall = {
  route: RestRoute;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  ifNoneMatch: string | undefined;
  token: ResolvedApiToken;
  ctx: Omit<ApiContext, 'session' | 'cookies'>;
};
export type RestResult = { status: number; headers: Record<string, string>; body?: unknown };

/** One JSON error shape for the REST API: the web's codes and localised message, plus field errors. */
export function restError(
  error: unknown,
  locale: Locale,
  requestId: string,
): { status: number; body: { error: ApiErrorData } } {
  const data = describeError(toTrpcError(error), locale, requestId);
  return { status: ERROR_HTTP_STATUS[data.code], body: { error: data } };
}

/** JSON Schema type of each query field, so that query strings become the numbers, booleans and arrays zod expects. */
const FIELD_TYPES = new WeakMap<z.ZodObject, Record<string, string>>();
function fieldTypes(schema: z.ZodObject): Record<string, string> {
  let types = FIELD_TYPES.get(schema);
  if (!types) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string }>;
    };
    types = Object.fromEntries(Object.entries(json.properties ?? {}).map(([k, v]) => [k, v.type ?? 'string']));
    FIELD_TYPES.set(schema, types);
  }
  return types;
}

const PAGING_KEYS = ['limit', 'cursor'];

/** Query string → the procedure's input fields. An unknown parameter is an error, never silently ignored. */
export function coerceQuery(route: RestRoute, query: RestCall['query']): Record<string, unknown> {
  const types = route.query ? fieldTypes(route.query) : {};
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (route.pagedArray && PAGING_KEYS.includes(key)) continue;
    const type = types[key];
    if (!type) {
      unknown.push(key);
      continue;
    }
    const values = Array.isArray(raw) ? raw : [raw];
    const last = values.at(-1)!;
    if (type === 'array') out[key] = values.flatMap((v) => v.split(',')).filter((v) => v !== '');
    else if (type === 'number' || type === 'integer') out[key] = last.trim() === '' ? last : Number(last);
    else if (type === 'boolean') out[key] = last === 'true' ? true : last === 'false' ? false : last;
    else out[key] = last;
  }
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
      fieldErrors: unknown.map((path) => ({ path, message: 'UNKNOWN_PARAMETER' })),
    });
  }
  return out;
}

function pageOf(query: RestCall['query']): { limit: number; offset: number } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);
  const limitRaw = one(query.limit);
  const cursorRaw = one(query.cursor);
  const limit = limitRaw === undefined ? PAGE_DEFAULT : Number(limitRaw);
  let offset = 0;
  if (cursorRaw !== undefined) {
    const decoded = Number(Buffer.from(cursorRaw, 'base64url').toString('utf8'));
    offset = Number.isInteger(decoded) && decoded >= 0 ? decoded : Number.NaN;
  }
  const fieldErrors = [
    ...(!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX
      ? [{ path: 'limit', message: 'VALIDATION_FAILED' }]
      : []),
    ...(Number.isNaN(offset) ? [{ path: 'cursor', message: 'VALIDATION_FAILED' }] : []),
  ];
  if (fieldErrors.length > 0) throw new DomainError('VALIDATION', 'VALIDATION_FAILED', { fieldErrors });
  return { limit, offset };
}

/** A weak validator of the JSON body: equal bodies, equal tags. */
export function etagOf(json: string): string {
  return `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/**
 * Runs one REST call through the tRPC procedure it names, as the token's actor: the procedure's own policy, input
 * validation, resource checks and audit apply unchanged. The token's scope is checked first.
 */
export async function runRestCall(call: RestCall): Promise<RestResult> {
  const { route, token } = call;
  if (!token.scopes.includes(route.scope)) {
    throw new DomainError('FORBIDDEN', 'TOKEN_SCOPE_MISSING', { params: { scope: route.scope } });
  }
  const fromQuery = route.method === 'GET' ? coerceQuery(route, call.query) : {};
  const body = route.method === 'POST' ? (call.body ?? {}) : undefined;
  if (route.method === 'POST' && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
      fieldErrors: [{ path: 'body', message: 'VALIDATION_FAILED' }],
    });
  }
  const input = route.toInput
    ? route.toInput({ params: call.params, query: fromQuery, body })
    : route.method === 'POST'
      ? { ...(body as object), ...call.params }
      : { ...fromQuery, ...call.params };
  const ctx: ApiContext = {
    ...call.ctx,
    session: {
      sessionId: token.actor.sessionId,
      userId: token.actor.userId,
      actor: token.actor,
      expiresAt: Number.MAX_SAFE_INTEGER,
    },
    cookies: { set: () => {}, clear: () => {} },
  };
  const caller = createCallerFactory(appRouter)(ctx) as unknown as Record<string, unknown>;
  const procedure = route.procedure
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  if (typeof procedure !== 'function')
    throw new Error(`REST route ${route.path} names no procedure ${route.procedure}`);
  let result: unknown = await (procedure as (input: unknown) => Promise<unknown>)(input);
  if (route.pagedArray && Array.isArray(result)) {
    const { limit, offset } = pageOf(call.query);
    const items = result.slice(offset, offset + limit);
    const next = offset + limit < result.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
    result = { items, total: result.length, nextCursor: next };
  }
  if (route.method === 'POST')
    return { status: 200, headers: { 'cache-control': 'no-store' }, body: result ?? { ok: true } };
  const json = JSON.stringify(result);
  const etag = etagOf(json);
  const headers: Record<string, string> = {
    etag,
    'cache-control': 'private, no-cache',
    'content-type': route.kind === 'fhir' ? 'application/fhir+json; charset=utf-8' : 'application/json; charset=utf-8',
  };
  const tags = call.ifNoneMatch?.split(',').map((t) => t.trim()) ?? [];
  if (tags.includes(etag) || tags.includes('*')) return { status: 304, headers };
  return { status: 200, headers, body: json };
}
