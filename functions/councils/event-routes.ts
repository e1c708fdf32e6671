import { EventDelivery } from '../../shared/domain/council-events.js';
import {
  EventsPage,
  EventsQuery,
  RegisteredWebhook,
  WebhookRegistration,
} from '../../shared/services/council-events.js';
import { ExportView, StartExportBody } from '../../shared/services/council-exports.js';
import type { CouncilRouteSpec } from './routes.js';

/**
 * The events-out and reporting routes of the partner councils' API (issue 10): their contract, spread into the
 * route list (functions/councils/routes.ts). Only schemas here, so infra reads the list without the services;
 * the implementations are in events.ts. Every one reads and writes the calling council's own events, endpoint
 * and exports only: another council's answers 404, like a missing one.
 */

export const eventRouteSpecs = {
  'GET /v1/events': {
    scope: 'events:read',
    summary: 'Poll the council’s events',
    description:
      'The same events the webhooks deliver, in the order they happened: pass the `next` of one answer as `after` to get only newer ones (`hasMore` says more are waiting now). Each shows how its webhook delivery went: `failed` is dead-lettered after five attempts over about an hour, and can be replayed.',
    query: EventsQuery,
    responses: { 200: { description: 'The council’s events after the cursor', body: EventsPage } },
  },
  'POST /v1/events/{eventId}/replay': {
    scope: 'events:read',
    summary: 'Deliver an event to the webhook endpoint again',
    description:
      'Delivers one of the council’s events again, from the first of five attempts, with the same `webhook-id` (so a receiver that already has it can ignore it). Needs a registered endpoint (409 otherwise).',
    params: { eventId: 'The event’s id, as delivered in `webhook-id` and listed by GET /v1/events' },
    responses: { 202: { description: 'The delivery, due now', body: EventDelivery } },
  },
  'PUT /v1/webhooks': {
    scope: 'events:read',
    summary: 'Register the council’s webhook endpoint',
    description:
      'Events from now on are POSTed to this https URL, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`). The signing secret is in this answer only: keep it. Registering again replaces the URL and the secret. Redirects are not followed, an attempt times out after 5 s, and private addresses are refused.',
    body: WebhookRegistration,
    responses: {
      200: { description: 'The endpoint and its signing secret, shown once', body: RegisteredWebhook },
    },
  },
  'POST /v1/exports': {
    scope: 'nominations:read',
    summary: 'Start an export of the council’s nominations (CSV)',
    description:
      'Starts an export of every nomination the council has made, with the landlord’s decision, the outcome and the let home’s size, for its returns (no names or contact details: the council’s own reference links each row to its records). It runs in the background: poll GET /v1/exports/{exportId} until it is `done`.',
    body: StartExportBody,
    responses: { 202: { description: 'The export, queued', body: ExportView } },
  },
  'GET /v1/exports/{exportId}': {
    scope: 'nominations:read',
    summary: 'Read an export, with its download link once done',
    description:
      'The export’s status; once `done`, a link to download the CSV that works for five minutes (ask again for a fresh one). Cells a spreadsheet would run as a formula start with an apostrophe.',
    params: { exportId: 'The export’s id, as POST /v1/exports answered it' },
    responses: { 200: { description: 'The export', body: ExportView } },
  },
} as const satisfies Record<string, CouncilRouteSpec>;
