import type * as z from 'zod';
import { type CouncilScope, CouncilWhoAmI } from '../../shared/services/council-auth.js';
import { eventRouteSpecs } from './event-routes.js';
import { nominationRouteSpecs } from './nomination-routes.js';

/**
 * Every route of the partner councils' API (issue 10), versioned under /v1: one list read by the handler
 * (which checks the scope and runs the route's implementation), by the CDK construct (which puts each route on
 * API Gateway) and by the OpenAPI generator (which documents each from the schemas named here), so the three
 * never drift apart.
 *
 * - `scope`: the scope a token must carry (`doorstep/<scope>`); `null` for routes any valid token may call.
 * - `body`, `query`: zod schemas of the request (strict objects: an unknown field is a 400).
 * - `responses`: the success answers by status, with their body's schema. Errors are documented for every
 *   route from one common shape (functions/councils/openapi.ts).
 * - Every POST needs an `Idempotency-Key` header: the handler applies it to every POST in this list.
 */
export interface CouncilRouteSpec {
  scope: CouncilScope | null;
  summary: string;
  description?: string;
  /** Path parameters' descriptions, by name (each is `{name}` in the path). */
  params?: Record<string, string>;
  body?: z.ZodType;
  query?: z.ZodType;
  responses: Partial<Record<200 | 201 | 202 | 204, { description: string; body?: z.ZodType }>>;
}

export const councilRoutes = {
  'GET /v1/councils/me': {
    scope: null,
    summary: 'Who the token belongs to',
    description:
      'The council the client acts for, the client id and the scopes the token carries. Any valid token may call it: use it to check a token works.',
    responses: { 200: { description: 'The client and its council', body: CouncilWhoAmI } },
  },
  ...nominationRouteSpecs,
  ...eventRouteSpecs,
} as const satisfies Record<string, CouncilRouteSpec>;

export type CouncilRouteKey = keyof typeof councilRoutes;
export type CouncilRouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function splitCouncilRouteKey(key: string): { method: CouncilRouteMethod; path: string } {
  const [method, path] = key.split(' ') as [CouncilRouteMethod, string];
  return { method, path };
}

/** The public pages of the API's contract (no token): the OpenAPI document and its human-readable docs. */
export const contractRoutes = ['GET /api/openapi.json', 'GET /api/docs'] as const;
