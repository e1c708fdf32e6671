import { refusedWebhookHost, systemResolver } from '../../shared/adapters/http-webhook-sender.js';
import {
  CouncilRequestError,
  EventsQuery,
  listEvents,
  registerWebhook,
  replayEvent,
} from '../../shared/services/council-events.js';
import { exportStatus, startExport } from '../../shared/services/council-exports.js';
import { ClientError, json } from '../lib/http.js';
import type { eventRouteSpecs } from './event-routes.js';
import type { CouncilRoute } from './handler.js';

/**
 * A council's test receiver on 127.0.0.1 is accepted only outside Lambda (`npm start`); in AWS a URL whose host is
 * (or resolves to) a loopback or private address is refused at registration, and the sender refuses them at
 * connect time as well.
 */
const inLambda = process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

/** A service's refusal as the API's: the status and reason the council's developers read. */
const answering =
  (route: CouncilRoute): CouncilRoute =>
  async (deps, client, request) => {
    try {
      return await route(deps, client, request);
    } catch (error) {
      if (error instanceof CouncilRequestError) throw new ClientError(error.status, error.message);
      throw error;
    }
  };

/**
 * The events-out and reporting routes' implementations (issue 10), run by the councils handler once the caller's
 * token, scope and body are checked; each passes only `client.councilId` to the service, so it can only ever
 * reach the calling council's own events, endpoint and exports.
 */
export const eventRouteImplementations: Record<keyof typeof eventRouteSpecs, CouncilRoute> = {
  'GET /v1/events': answering(async (deps, client, request) =>
    json(200, await listEvents(deps, client.councilId, EventsQuery.parse(request.query))),
  ),
  'POST /v1/events/{eventId}/replay': answering(async (deps, client, request) =>
    json(202, await replayEvent(deps, client.councilId, request.params.eventId ?? '')),
  ),
  'PUT /v1/webhooks': answering(async (deps, client, request) =>
    json(
      200,
      await registerWebhook(
        {
          ...deps,
          allowLoopback: !inLambda,
          refusedHost: (hostname) =>
            refusedWebhookHost(hostname, {
              allowLoopback: !inLambda,
              resolve: deps.resolveHost ?? systemResolver,
            }),
        },
        client.councilId,
        request.body as { url: string },
      ),
    ),
  ),
  'POST /v1/exports': answering(async (deps, client) => json(202, await startExport(deps, client.councilId))),
  'GET /v1/exports/{exportId}': answering(async (deps, client, request) =>
    json(200, await exportStatus(deps, client.councilId, request.params.exportId ?? '')),
  ),
};
