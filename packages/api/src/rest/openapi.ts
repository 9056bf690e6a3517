import { ERROR_CODES, ERROR_DETAILS, TOKEN_SCOPES } from '@ctp/contracts';
import { z } from 'zod';
import { REST_PREFIX } from './rest-handler.ts';
import { REST_ROUTES, type RestRoute } from './rest-routes.ts';

type Json = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'detail', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES] },
        detail: { type: 'string', enum: [...ERROR_DETAILS] },
        message: { type: 'string', description: 'Localised (Accept-Language: zh-CN or en).' },
        requestId: { type: 'string' },
        fieldErrors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        retryAfterSeconds: { type: 'integer' },
      },
    },
  },
};

function parametersOf(route: RestRoute): Json[] {
  const path = (route.params ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const query: Json[] = [];
  if (route.method === 'GET' && route.query) {
    const schema = jsonSchemaOf(route.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (route.params?.includes(name)) continue;
      const isArray = property.type === 'array';
      query.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) && property.default === undefined,
        schema: property,
        ...(isArray && {
          style: 'form',
          explode: true,
          description: 'Repeat the parameter or separate values with commas.',
        }),
      });
    }
  }
  if (route.pagedArray) {
    query.push({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } });
    query.push({
      name: 'cursor',
      in: 'query',
      schema: { type: 'string' },
      description: '`nextCursor` of the previous page.',
    });
  }
  return [...path, ...query];
}

function responseOf(route: RestRoute): Json {
  if (route.kind === 'file') {
    return { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
  }
  const data: Json = route.pagedArray
    ? {
        type: 'object',
        required: ['items', 'total', 'nextCursor'],
        properties: {
          items: { type: 'array', items: {} },
          total: { type: 'integer' },
          nextCursor: { type: ['string', 'null'] },
        },
      }
    : route.kind === 'fhir'
      ? {
          type: 'object',
          description: 'A FHIR R4 Bundle (type collection).',
          properties: { resourceType: { const: 'Bundle' } },
        }
      : {
          type: 'object',
          description: `The result of the \`${route.procedure}\` procedure, as the web app receives it.`,
        };
  const mime = route.kind === 'fhir' ? 'application/fhir+json' : 'application/json';
  return {
    description: 'OK',
    ...(route.method === 'GET' && {
      headers: { ETag: { schema: { type: 'string' }, description: 'Send it back as If-None-Match.' } },
    }),
    content: { [mime]: { schema: data } },
  };
}

/** OpenAPI 3.1 of `/api/v1`, generated from the route table and the procedures' zod schemas. */
export function buildOpenApiDocument(serverUrl = REST_PREFIX): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of REST_ROUTES) {
    const errorRef = { $ref: '#/components/responses/Error' };
    const operation: Json = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary.en,
      description: `${route.summary.zh}. Scope: \`${route.scope}\`. Calls \`${route.procedure}\`.`,
      security: [{ bearerAuth: [route.scope] }],
      parameters: parametersOf(route),
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body) } } },
      }),
      responses: {
        '200': responseOf(route),
        ...(route.method === 'GET' &&
          route.kind !== 'file' && { '304': { description: 'Not modified (If-None-Match)' } }),
        '400': errorRef,
        '401': errorRef,
        '403': errorRef,
        '404': errorRef,
        ...(route.method === 'POST' && { '409': errorRef }),
        '429': errorRef,
      },
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CTP 临床试验协作平台 REST API',
      version: '1.0.0',
      description:
        'Read the platform from a CTMS, an EC system or the commission’s data platform, and record site progress. ' +
        'Authenticate with `Authorization: Bearer <token>` (tokens are created by an organisation’s sponsor, trial ' +
        'office or commission user in the web app). Lists page by cursor; reads carry an ETag. EC deliberation ' +
        '(votes, worksheets, minutes) is not part of this API.',
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(REST_ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: `Scopes: ${TOKEN_SCOPES.join(', ')}` },
      },
      schemas: { Error: ERROR_SCHEMA },
      responses: {
        Error: {
          description: 'An error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
