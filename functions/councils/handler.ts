import httpRouterHandler from '@middy/http-router';
import {
  authoriseCouncil,
  type CouncilAuthDeps,
  type CouncilClient,
  type CouncilWhoAmI,
} from '../../shared/services/council-auth.js';
import type { Deps } from '../../shared/services/deps.js';
import { ClientError, type HttpEvent, type HttpResult, header, httpHandler, json } from '../lib/http.js';
import { lambdaDeps } from '../wiring.js';
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

/** What the handler itself needs to admit a caller; the routes use the usual Deps. */
export type CouncilGate = CouncilAuthDeps;

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
  };

  const admitted =
    (key: CouncilRouteKey, implementation: CouncilRoute) =>
    async (event: HttpEvent): Promise<HttpResult> => {
      const spec: CouncilRouteSpec = councilRoutes[key];
      const auth = await authoriseCouncil(gate(), header(event, 'authorization'), spec.scope);
      if (!auth.ok)
        return json(
          auth.status,
          { error: auth.reason },
          auth.status === 401
            ? { headers: { 'www-authenticate': 'Bearer realm="doorstep", error="invalid_token"' } }
            : { headers: { 'www-authenticate': 'Bearer realm="doorstep", error="insufficient_scope"' } },
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
      return implementation(deps(), auth.client, {
        body,
        params,
        query: event.queryStringParameters ?? {},
      });
    };

  return httpHandler(
    httpRouterHandler<HttpEvent, HttpResult>(
      (Object.keys(implementations) as CouncilRouteKey[]).map((key) => ({
        ...splitCouncilRouteKey(key),
        handler: admitted(key, implementations[key]),
      })),
    ),
  );
};

export const handler = createHandler(lambdaDeps, lambdaCouncilGate);
