import httpRouterHandler from '@middy/http-router';
import { z } from 'zod';
import type { Deps } from '../../shared/services/deps.js';
import { caseForOfficer } from '../../shared/services/officer-view.js';
import { type Actor, decide } from '../../shared/services/waits.js';
import { ClientError, type HttpEvent, type HttpResult, httpHandler, json } from '../lib/http.js';
import { lambdaDeps } from '../wiring.js';

const Claims = z.object({
  sub: z.string().min(1),
  'custom:landlordId': z.string().min(1),
  /** API Gateway passes a JWT array claim as "[a b]". */
  'cognito:groups': z.union([z.array(z.string()), z.string()]).optional(),
});

/** The officer behind a request, from the claims the API Gateway JWT authoriser verified. */
function officer(event: HttpEvent): Extract<Actor, { kind: 'officer' }> {
  const claims = Claims.safeParse(
    (event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } }).authorizer?.jwt?.claims,
  );
  if (!claims.success) throw new ClientError(401, 'Sign in as an officer to do this');
  const raw = claims.data['cognito:groups'] ?? [];
  const groups = Array.isArray(raw) ? raw : raw.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  const roles = groups.filter(
    (group): group is 'officer' | 'senior-officer' => group === 'officer' || group === 'senior-officer',
  );
  if (roles.length === 0) throw new ClientError(403, 'Your account has no officer role');
  return { kind: 'officer', officerId: claims.data.sub, landlordId: claims.data['custom:landlordId'], roles };
}

const param = (event: HttpEvent, name: string) => {
  const value = event.pathParameters?.[name];
  if (!value || !/^[A-Za-z0-9_-]{1,80}$/.test(value)) throw new ClientError(404, 'Not found');
  return value;
};

/**
 * The officer API (applicants' sessions and routes arrive with the local-stack issue). Every route is behind
 * the Cognito JWT authoriser in AWS; the handler still checks the landlord on every record (object-level
 * authorisation). The router sits inside the shared middleware stack, so an unknown route is a 404 answer
 * like every other client error, not a thrown invocation error.
 */
export const createHandler = (deps: () => Deps) =>
  httpHandler(
    httpRouterHandler<HttpEvent, HttpResult>([
      {
        method: 'POST',
        path: '/v1/decisions/{decisionId}',
        handler: async (event: HttpEvent) => {
          const result = await decide(deps(), {
            decisionId: param(event, 'decisionId'),
            actor: officer(event),
            body: event.parsedBody ?? {},
          });
          return json(200, result);
        },
      },
      {
        method: 'GET',
        path: '/v1/officer/applications/{applicationId}',
        handler: async (event: HttpEvent) => {
          const actor = officer(event);
          return json(
            200,
            await caseForOfficer(deps(), {
              applicationId: param(event, 'applicationId'),
              landlordId: actor.landlordId,
            }),
          );
        },
      },
    ]),
  );

export const handler = createHandler(lambdaDeps);
