import httpRouterHandler from '@middy/http-router';
import type { Context } from 'aws-lambda';
import {
  authoriseCouncil,
  type CouncilAuthDeps,
  type CouncilClient,
  type CouncilWhoAmI,
} from '../../shared/services/council-auth.js';
import { IDEMPOTENCY_KEY, type IdempotentRequests } from '../../shared/services/council-idempotency.js';
import { admitCouncilRequest, type CouncilUsageStore } from '../../shared/services/council-limits.js';
import type { Deps } from '../../shared/services/deps.js';
import { s3Documents } from '../adapters/documents.js';
import { ClientError, type HttpEvent, type HttpResult, header, httpHandler, json } from '../lib/http.js';
import { lambdaDepsWith } from '../wiring.js';
import { docsPage } from './docs.js';
import { eventRouteImplementations } from './events.js';
import { nominationRouteImplementations } from './nominations.js';
import { openApiDocument } from './openapi.js';
import {
  type CouncilRouteKey,
  type CouncilRouteSpec,
  councilRoutes,
  splitCouncilRouteKey,
} from './routes.js';
import { lambdaCouncilGate } from './wiring.js';

/** What a council route's implementation is given besides the caller: the request, already checked. */
export interface CouncilRequest {
  /** The JSON body, already valid against the route's `body` schema (undefined when the route has none). */
  body: unknown;
  /** Path parameters, each already checked to be 1 to 80 letters, digits, `-` or `_` (else the answer is 404). */
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

/**
 * A route's implementation: the caller is resolved and its scope checked before it runs, so it only has to
 * scope every read and write to `client.councilId` (another council's record answers 404, like a missing one).
 */
export type CouncilRoute = (
  deps: Deps,
  client: CouncilClient,
  request: CouncilRequest,
) => Promise<HttpResult>;

/**
 * What the handler itself needs to admit a caller; the routes use the usual Deps. `tokenUrl` is where the
 * contract tells councils to get tokens (Cognito's domain in AWS); without it, `/oauth2/token` on this host.
 */
export type CouncilGate = CouncilAuthDeps & {
  usage: CouncilUsageStore;
  idempotency: IdempotentRequests;
  tokenUrl?: string;
};

/** The API's own origin, as the caller reached it: https in AWS, http on loopback. */
function originOf(event: HttpEvent): string {
  const host = event.requestContext?.domainName ?? header(event, 'host') ?? 'localhost';
  return `${/^(127\.0\.0\.1|localhost)(:|$)/.test(host) ? 'http' : 'https'}://${host}`;
}

function contract(event: HttpEvent, gate: CouncilGate) {
  const origin = originOf(event);
  return openApiDocument({ serverUrl: origin, tokenUrl: gate.tokenUrl ?? `${origin}/oauth2/token` });
}

/** A route's answer that is not a success: returned to the caller, never kept for an idempotent replay. */
class NotKept extends Error {
  constructor(readonly result: HttpResult) {
    super('not kept');
  }
}

const statusOf = (result: HttpResult) => (typeof result === 'string' ? 200 : (result.statusCode ?? 200));

const PATH_PARAMETER = /^[A-Za-z0-9_-]{1,80}$/;

const whoAmI =
  (gate: () => CouncilGate): CouncilRoute =>
  async (_deps, client) => {
    const record = await gate().councilClients.get(client.clientId);
    if (!record) throw new ClientError(401, 'The token is for a client Doorstep does not know');
    const body: CouncilWhoAmI = {
      councilId: record.councilId,
      councilName: record.councilName,
      clientId: client.clientId,
      scopes: client.scopes as CouncilWhoAmI['scopes'],
    };
    return json(200, body);
  };

/**
 * The partner councils' API (issue 10). Every route goes through the same steps, in this order: the shared
 * middleware limits the body's size (413) and parses JSON (400 naming the problem); then the bearer token is
 * verified and its client looked up (401), the route's scope checked (403 naming the scope), the body checked
 * against the route's schema (400 with each field's problem), and only then the route's implementation runs.
 */
export const createHandler = (deps: () => Deps, gate: () => CouncilGate) => {
  const implementations: Record<CouncilRouteKey, CouncilRoute> = {
    'GET /v1/councils/me': whoAmI(gate),
    ...nominationRouteImplementations,
    ...eventRouteImplementations,
  };

  return httpHandler(
    httpRouterHandler<HttpEvent, HttpResult>([
      ...(Object.keys(implementations) as CouncilRouteKey[]).map((key) => ({
        ...splitCouncilRouteKey(key),
        handler: councilEndpoint(key, councilRoutes[key], implementations[key], deps, gate),
      })),
      // The contract, public: a council's developer reads it before they have a client.
      {
        method: 'GET' as const,
        path: '/api/openapi.json',
        handler: async (event: HttpEvent) =>
          json(200, contract(event, gate()), { headers: { 'cache-control': 'public, max-age=300' } }),
      },
      {
        method: 'GET' as const,
        path: '/api/docs',
        handler: async (event: HttpEvent): Promise<HttpResult> => ({
          statusCode: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'public, max-age=300',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
            'x-content-type-options': 'nosniff',
          },
          body: docsPage(contract(event, gate())),
        }),
      },
    ]),
  );
};

/**
 * One route's endpoint: admits the caller (token, client, scope, rate limit), checks the request, and runs the
 * implementation, idempotently for a POST. Exported for tests of the steps every route shares.
 */
export const councilEndpoint =
  (
    key: string,
    spec: CouncilRouteSpec,
    implementation: CouncilRoute,
    deps: () => Deps,
    gate: () => CouncilGate,
  ) =>
  async (event: HttpEvent, context?: Context): Promise<HttpResult> => {
    const auth = await authoriseCouncil(gate(), header(event, 'authorization'), spec.scope);
    if (!auth.ok)
      return json(
        auth.status,
        { error: auth.reason },
        auth.status === 401
          ? { headers: { 'www-authenticate': 'Bearer realm="doorstep", error="invalid_token"' } }
          : { headers: { 'www-authenticate': 'Bearer realm="doorstep", error="insufficient_scope"' } },
      );
    const admission = await admitCouncilRequest(gate(), auth.record);
    if (!admission.admitted)
      return json(
        429,
        { error: admission.reason, retryAfterSeconds: admission.retryAfterSeconds },
        { headers: { 'retry-after': String(admission.retryAfterSeconds) } },
      );
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
      if (!value || !PATH_PARAMETER.test(value)) throw new ClientError(404, 'Not found');
      params[name] = value;
    }
    let body: unknown;
    if (spec.body) {
      if (event.parsedBody === undefined) throw new ClientError(400, 'Send a JSON body');
      body = spec.body.parse(event.parsedBody);
    } else if (event.parsedBody !== undefined) {
      throw new ClientError(400, 'This route takes no body');
    }
    const request = { body, params, query: event.queryStringParameters ?? {} };
    if (splitCouncilRouteKey(key).method !== 'POST') return implementation(deps(), auth.client, request);

    // Every POST: the same Idempotency-Key with the same request gets the first answer again.
    const idempotencyKey = header(event, 'idempotency-key');
    if (idempotencyKey === undefined)
      throw new ClientError(
        400,
        'Send an Idempotency-Key header with every POST: a new UUID for each request, and the same one when you retry it',
      );
    if (!IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new ClientError(400, 'The Idempotency-Key header must be 1 to 255 visible ASCII characters');
    try {
      const outcome = await gate().idempotency.run(
        {
          clientId: auth.client.clientId,
          key: idempotencyKey,
          fingerprint: { route: key, params, body: event.parsedBody ?? null },
        },
        async () => {
          const result = await implementation(deps(), auth.client, request);
          if (statusOf(result) >= 400) throw new NotKept(result);
          return result;
        },
        context,
      );
      if (outcome.kind === 'different-request')
        throw new ClientError(
          409,
          'This Idempotency-Key was used for a different request in the last 24 hours: use a new key for a new request',
        );
      if (outcome.kind === 'in-progress')
        return json(
          409,
          { error: 'A request with this Idempotency-Key is still being handled: retry it in a moment' },
          { headers: { 'retry-after': '1' } },
        );
      const result = outcome.value;
      return outcome.replayed && typeof result !== 'string'
        ? { ...result, headers: { ...result.headers, 'idempotent-replayed': 'true' } }
        : result;
    } catch (error) {
      if (error instanceof NotKept) return error.result;
      throw error;
    }
  };

// The documents bucket only to presign councils' export downloads (infra: CouncilEvents.grantExportDownloads).
export const handler = createHandler(lambdaDepsWith(s3Documents), lambdaCouncilGate);
