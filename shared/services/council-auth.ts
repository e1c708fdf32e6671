import * as z from 'zod';
import type { Clock } from '../ports.js';

/**
 * Partner councils' API (issue 10): who is calling. A council's software holds an OAuth2 client (client
 * credentials grant): a Cognito app client in AWS, the local token issuer under `npm start`. Its access token
 * names the client (`client_id`) and the scopes granted (`scope`, space-separated, each prefixed with the
 * resource server `doorstep/`); Doorstep's own record of the client says which council it acts for.
 */

/** The resource server's identifier: Cognito prefixes every custom scope with it (`doorstep/nominations:write`). */
export const RESOURCE_SERVER = 'doorstep';

export const COUNCIL_SCOPES = ['nominations:write', 'nominations:read', 'events:read'] as const;
export const CouncilScope = z.enum(COUNCIL_SCOPES);
export type CouncilScope = z.infer<typeof CouncilScope>;

/** The scope as it appears in a token and at the token endpoint. */
export const tokenScope = (scope: CouncilScope) => `${RESOURCE_SERVER}/${scope}`;

/** The caller of every council route, resolved by the handler before the route runs. */
export interface CouncilClient {
  clientId: string;
  councilId: string;
  /** The scopes the token carries, without the resource server's prefix. */
  scopes: string[];
}

/** A council id: short, safe in keys and paths (`leeds`, `city-of-york`). */
export const CouncilId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'A council id is 2 to 63 lower-case letters, digits and hyphens');

/** Doorstep's record of a council's client: written by `npm run council:add`, read on every request. */
export const CouncilClientRecord = z.object({
  clientId: z.string().min(1),
  councilId: CouncilId,
  councilName: z.string().min(1).max(200),
  /** The scopes the client was created with (the token endpoint grants no others). */
  scopes: z.array(CouncilScope),
  createdAt: z.string(),
  /** Limits other than the defaults (services/council-limits.ts), e.g. for a load test's client. */
  limits: z
    .object({
      perSecond: z.number().int().positive().optional(),
      perDay: z.number().int().positive().optional(),
    })
    .optional(),
});
export type CouncilClientRecord = z.infer<typeof CouncilClientRecord>;

/** Council clients by client id (DynamoDB in AWS and under `npm start`). */
export interface CouncilClientStore {
  /** Saves a new client; a client id already known is refused (ConflictError). */
  add(record: CouncilClientRecord): Promise<void>;
  get(clientId: string): Promise<CouncilClientRecord | undefined>;
}

/** The claims of a verified access token that Doorstep uses. */
export interface AccessTokenClaims {
  clientId: string;
  /** As in the token: `doorstep/nominations:write`, ... */
  scopes: string[];
}

/**
 * Verifies an access token (signature, issuer, expiry, `token_use: access`): its claims, or why not. The
 * same verifier runs in AWS (Cognito's JWKS) and locally (the local issuer's key).
 */
export interface AccessTokenVerifier {
  verify(
    token: string,
    now: Date,
  ): Promise<{ ok: true; claims: AccessTokenClaims } | { ok: false; reason: string }>;
}

export interface CouncilAuthDeps {
  tokens: AccessTokenVerifier;
  councilClients: CouncilClientStore;
  clock: Clock;
}

export type CouncilAuthResult =
  | { ok: true; client: CouncilClient; record: CouncilClientRecord }
  | { ok: false; status: 401 | 403; reason: string };

/**
 * Resolves the caller of a council route from its `Authorization` header: a 401 for a missing, malformed,
 * expired or foreign token or an unknown client (the reason says which, never echoing the token), a 403 naming
 * the scope the route needs when the token lacks it. `scope: null` is a route any valid token may call.
 */
export async function authoriseCouncil(
  deps: CouncilAuthDeps,
  authorization: string | undefined,
  scope: CouncilScope | null,
): Promise<CouncilAuthResult> {
  const token = /^Bearer\s+([A-Za-z0-9_.-]+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token)
    return {
      ok: false,
      status: 401,
      reason: 'Send an access token from the token endpoint as Authorization: Bearer <token>',
    };
  const verified = await deps.tokens.verify(token, deps.clock.now());
  if (!verified.ok) return { ok: false, status: 401, reason: verified.reason };
  const record = await deps.councilClients.get(verified.claims.clientId);
  if (!record) return { ok: false, status: 401, reason: 'The token is for a client Doorstep does not know' };
  const prefix = `${RESOURCE_SERVER}/`;
  const scopes = verified.claims.scopes
    .filter((granted) => granted.startsWith(prefix))
    .map((granted) => granted.slice(prefix.length))
    // A scope the record no longer allows is not honoured, even in a token issued before it was taken away.
    .filter((granted) => (record.scopes as string[]).includes(granted));
  if (scope && !scopes.includes(scope))
    return {
      ok: false,
      status: 403,
      reason: `This route needs the scope ${tokenScope(scope)}, which the token does not carry`,
    };
  return { ok: true, client: { clientId: record.clientId, councilId: record.councilId, scopes }, record };
}

/** `GET /v1/councils/me`: who the token belongs to. */
export const CouncilWhoAmI = z
  .object({
    councilId: CouncilId.describe('The council the client acts for'),
    councilName: z.string().describe("The council's name"),
    clientId: z.string().describe('The OAuth2 client id'),
    scopes: z.array(CouncilScope).describe('The scopes the token carries (without the `doorstep/` prefix)'),
  })
  .describe('The client a token belongs to, and the council it acts for');
export type CouncilWhoAmI = z.infer<typeof CouncilWhoAmI>;
