import * as z from 'zod';
import { COUNCIL_SCOPES, tokenScope } from '../../shared/services/council-auth.js';
import { IDEMPOTENCY_SECONDS } from '../../shared/services/council-idempotency.js';
import { DEFAULT_COUNCIL_LIMITS } from '../../shared/services/council-limits.js';
import { MAX_BODY_BYTES } from '../lib/http.js';
import { type CouncilRouteSpec, councilRoutes, splitCouncilRouteKey } from './routes.js';

/**
 * The partner councils' API's contract as OpenAPI 3.1, generated from the route list and the zod schemas the
 * handler validates with (zod 4's `z.toJSONSchema`, JSON Schema 2020-12, the dialect OpenAPI 3.1 uses), so the
 * document cannot say something the API does not do. Served at `GET /api/openapi.json`; `GET /api/docs` renders
 * the same document as a page.
 */
export const ErrorBody = z
  .object({
    error: z.string().describe('What was wrong, in plain English'),
    fields: z
      .array(z.object({ field: z.string(), problem: z.string() }))
      .optional()
      .describe('For a request that is not valid: each field and its problem'),
    retryAfterSeconds: z.number().int().optional().describe('For 429: how long to wait'),
  })
  .describe('Every error answer');

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const SECURITY_SCHEME = 'councilOAuth';

/** A request schema as JSON Schema: what a client may send (inputs, so defaults are optional). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function errorResponses(method: string, spec: CouncilRouteSpec): Record<string, unknown> {
  const scope = spec.scope ? tokenScope(spec.scope) : undefined;
  return {
    '400': errorResponse(
      'The request is not valid: malformed JSON, a wrong type, an unknown field (each field and its problem), or a POST without Idempotency-Key',
    ),
    '401': errorResponse(
      'No token, or one that is malformed, expired, from another issuer or for a client Doorstep does not know',
    ),
    ...(scope ? { '403': errorResponse(`The token does not carry ${scope}`) } : {}),
    '404': errorResponse("No such record for your council (another council's record answers the same)"),
    ...(method === 'post'
      ? {
          '409': errorResponse(
            'The Idempotency-Key was used for a different request, or the request conflicts with the record',
          ),
        }
      : {}),
    ...(method === 'post' || method === 'put'
      ? { '413': errorResponse(`The body is over ${MAX_BODY_BYTES} bytes`) }
      : {}),
    '429': errorResponse(
      `Over the client's rate limit (${DEFAULT_COUNCIL_LIMITS.perSecond} a second by default) or its daily quota (${DEFAULT_COUNCIL_LIMITS.perDay} a UTC day)`,
      {
        'Retry-After': {
          description: 'Seconds to wait before trying again',
          schema: { type: 'integer', minimum: 1 },
        },
      },
    ),
  };
}

function operation(
  key: string,
  spec: CouncilRouteSpec,
): { path: string; method: string; operation: Operation } {
  const { method, path } = splitCouncilRouteKey(key);
  const lower = method.toLowerCase();
  const parameters: Array<Record<string, unknown>> = [];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (!name) continue;
    parameters.push({
      name,
      in: 'path',
      required: true,
      ...(spec.params?.[name] ? { description: spec.params[name] } : {}),
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' },
    });
  }
  if (spec.query) {
    const query = schemaOf(spec.query, 'input');
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties as Record<string, JsonSchema>) ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: required.has(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (lower === 'post')
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: `A new UUID for each request, the same one when you retry it. The first successful answer is kept for ${IDEMPOTENCY_SECONDS / 3600} hours and given again for the same request; the same key with a different request is a 409.`,
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    });
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    if (!answer) continue;
    responses[status] = {
      description: answer.description,
      ...(answer.body
        ? { content: { 'application/json': { schema: schemaOf(answer.body, 'output') } } }
        : {}),
    };
  }
  return {
    path,
    method: lower,
    operation: {
      operationId: operationId(key),
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [path.split('/')[2] ?? 'councils'],
      security: [{ [SECURITY_SCHEME]: spec.scope ? [tokenScope(spec.scope)] : [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
            },
          }
        : {}),
      responses: { ...responses, ...errorResponses(lower, spec) },
    },
  };
}

/** `GET /v1/nominations/{nominationId}` → `getNominationsByNominationId`: unique per route, stable. */
function operationId(key: string): string {
  const { method, path } = splitCouncilRouteKey(key);
  const words = path
    .split('/')
    .filter((part) => part && part !== 'v1')
    .map((part) => {
      const param = /^\{(.+)\}$/.exec(part)?.[1];
      const word = (param ? `by-${param}` : part).replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) =>
        c.toUpperCase(),
      );
      return word.charAt(0).toUpperCase() + word.slice(1);
    });
  return `${method.toLowerCase()}${words.join('')}`;
}

export function openApiDocument(options: { tokenUrl: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [key, spec] of Object.entries(councilRoutes) as Array<[string, CouncilRouteSpec]>) {
    const { path, method, operation: op } = operation(key, spec);
    paths[path] ??= {};
    (paths[path] as Record<string, Operation>)[method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstep partner councils API',
      version: '1.0.0',
      summary: 'Nominations in, status and events out: each council sees only its own.',
      description:
        'Partner councils nominate households (Housing Act 1996 s170) and follow them to a tenancy. Authenticate with OAuth2 client credentials: ask your Doorstep administrator for a client id and secret, exchange them at the token URL for an access token (an hour), and send it as `Authorization: Bearer <token>`. Every POST needs an `Idempotency-Key` header. Limits: ' +
        `${DEFAULT_COUNCIL_LIMITS.perSecond} requests a second and ${DEFAULT_COUNCIL_LIMITS.perDay} a UTC day per client unless agreed otherwise; bodies up to ${MAX_BODY_BYTES / 1024} KiB.`,
    },
    servers: [{ url: options.serverUrl }],
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBody, 'output') },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'oauth2',
          description: 'OAuth2 client credentials (RFC 6749 §4.4); the client authenticates with HTTP Basic.',
          flows: {
            clientCredentials: {
              tokenUrl: options.tokenUrl,
              scopes: Object.fromEntries(
                COUNCIL_SCOPES.map((scope) => [tokenScope(scope), SCOPE_DESCRIPTIONS[scope]]),
              ),
            },
          },
        },
      },
    },
  };
}

const SCOPE_DESCRIPTIONS: Record<(typeof COUNCIL_SCOPES)[number], string> = {
  'nominations:write': 'Create and withdraw your council’s nominations',
  'nominations:read': 'Read your council’s nominations, their status and decisions, and export them',
  'events:read': 'Read your council’s events and manage your webhook',
};
