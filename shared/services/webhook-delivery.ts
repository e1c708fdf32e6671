import { Webhook } from 'standardwebhooks';
import { nextAttemptAt } from '../domain/council-events.js';
import { type CouncilEventDeps, publicEvent } from './council-events.js';

/**
 * Delivering council events to their webhook endpoints (issue 10), the worker's half of services/council-events.ts:
 * kept apart so the stage functions that only record events do not carry the signing library.
 */

/** One signed delivery to a council's endpoint, as the sender makes it. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What an attempt got: `result` is short and has nothing from the endpoint's body (`HTTP 503`, `timed out`). */
export type WebhookResult = { delivered: boolean; result: string };

/**
 * Sends one webhook request: never follows a redirect, gives up after a few seconds, and in AWS never connects to
 * a private address (shared/adapters/http-webhook-sender.ts).
 */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResult>;
}

/** The Standard Webhooks headers for one delivery: `webhook-signature` is `v1,` and base64 HMAC-SHA256. */
export function signedHeaders(
  secret: string,
  eventId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(eventId, at, body),
  };
}

/** How long one attempt holds its delivery: longer than the sender's timeout, so no two workers overlap. */
const LEASE_SECONDS = 30;

export interface DeliveryDeps extends CouncilEventDeps {
  sender: WebhookSender;
  /** In [0, 1): the retry schedule's jitter (tests fix it). */
  random?: () => number;
}

/**
 * Delivers every due event once (the worker's one run): each to its council's endpoint, signed; a failure is
 * tried again later by the schedule (domain/council-events.ts), and after the last attempt the event's delivery
 * is `failed`, which the council sees when it polls and can replay. Answers how many attempts it made.
 */
export async function deliverDue(deps: DeliveryDeps, limit = 50): Promise<number> {
  const due = await deps.councilEvents.listDue(deps.clock.now(), limit);
  let attempts = 0;
  // A few at a time: one slow endpoint must not hold up every other council's deliveries.
  for (let start = 0; start < due.length; start += 8) {
    const made = await Promise.all(due.slice(start, start + 8).map((ref) => attemptDelivery(deps, ref)));
    attempts += made.filter(Boolean).length;
  }
  return attempts;
}

async function attemptDelivery(
  deps: DeliveryDeps,
  ref: { councilId: string; eventId: string },
): Promise<boolean> {
  const now = deps.clock.now();
  const event = await deps.councilEvents.claim(
    ref.councilId,
    ref.eventId,
    now,
    new Date(now.getTime() + LEASE_SECONDS * 1000),
  );
  if (!event) return false;
  const attempt = (event.delivery?.attempts ?? 0) + 1;
  const endpoint = await deps.councilEvents.getEndpoint(ref.councilId);
  let outcome: WebhookResult;
  if (endpoint) {
    const body = JSON.stringify(publicEvent(event));
    outcome = await deps.sender
      .send({ url: endpoint.url, headers: signedHeaders(endpoint.secret, event.id, now, body), body })
      .catch(() => ({ delivered: false, result: 'could not connect' }));
  } else {
    outcome = { delivered: false, result: 'no endpoint registered' };
  }
  const attemptedAt = deps.clock.now();
  const next = outcome.delivered
    ? undefined
    : nextAttemptAt(attempt, attemptedAt, (deps.random ?? Math.random)());
  await deps.councilEvents.recordDelivery(ref.councilId, ref.eventId, {
    status: outcome.delivered ? 'delivered' : next ? 'pending' : 'failed',
    attempts: attempt,
    lastAttemptAt: attemptedAt.toISOString(),
    lastResult: outcome.result,
    ...(next ? { nextAttemptAt: next.toISOString() } : {}),
  });
  return true;
}
