import * as z from 'zod';
import { Stage } from './stage.js';

/**
 * Events out to partner councils (issue 10): what a council hears about the households it nominated, by webhook
 * or by polling. An event says where the application is and what happened, never why (reasons may name people)
 * and no personal data: the council knows the household already, by its nomination.
 */

/** An event's id: `evt_`, the instant in base-36 milliseconds, a sequence and randomness, so ids sort in time order. */
export const EventId = z
  .string()
  .regex(/^evt_[0-9a-z]{13}[0-9a-f]{16}$/, 'An event id looks like evt_ followed by 29 letters and digits');

export const CouncilEventType = z.enum(['nomination.stage_changed', 'nomination.status_changed']);
export type CouncilEventType = z.infer<typeof CouncilEventType>;

/** What happened, in the council's words; `outcome` only for a stage's decision. */
export const CouncilEventData = z
  .object({
    stage: z
      .enum(Stage)
      .optional()
      .describe('The stage of the journey the application is at, when it has one'),
    status: z
      .string()
      .describe(
        'What happened. For nomination.status_changed: received, decided (outcome accepted or refused), withdrawn. For nomination.stage_changed: applying, decided (with the stage and its outcome), offer_proposed, offer_made, offer_refused, offer_withdrawn, offer_lapsed, tenancy_signed, keys_issued, housed, withdrawn, closed',
      ),
    outcome: z
      .string()
      .optional()
      .describe("A stage decision's outcome (for example qualifies, does-not-qualify)"),
  })
  .strict();
export type CouncilEventData = z.infer<typeof CouncilEventData>;

export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed']);

/** How the webhook delivery of an event is going: `failed` is dead-lettered after the last attempt. */
export const EventDelivery = z
  .object({
    status: DeliveryStatus,
    attempts: z.number().int().min(0),
    nextAttemptAt: z.iso.datetime().optional(),
    lastAttemptAt: z.iso.datetime().optional(),
    /** What the last attempt got, without the endpoint's body: `HTTP 500`, `timed out`, `refused: ...`. */
    lastResult: z.string().optional(),
  })
  .describe('The webhook delivery of this event, when the council had an endpoint registered');
export type EventDelivery = z.infer<typeof EventDelivery>;

/** An event as a council receives it: the webhook's body and an item of the polling endpoint. */
export const CouncilEvent = z
  .object({
    id: EventId.describe('Unique and time-ordered; the same in `webhook-id`, and the cursor to poll after'),
    type: CouncilEventType,
    occurredAt: z.iso.datetime(),
    nominationId: z.string().min(1),
    data: CouncilEventData,
  })
  .strict()
  .meta({ description: 'Something that happened to a nominated household, with no personal data' });
export type CouncilEvent = z.infer<typeof CouncilEvent>;

/** An event as stored: with the council it is for, and how its delivery is going. */
export const StoredCouncilEvent = CouncilEvent.extend({
  councilId: z.string().min(1),
  delivery: EventDelivery.optional(),
});
export type StoredCouncilEvent = z.infer<typeof StoredCouncilEvent>;

let sequence = 0;

/** A new event id for an instant; `random` gives 16 hex digits (tests pass a fixed one). */
export function newEventId(at: Date, random: string): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `evt_${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${random}`;
}

/**
 * The council event an audit event makes, if any: the nomination's own changes (received, decided, withdrawn) and
 * the stage changes of its application (a decision, an offer's steps, the tenancy, keys, the move in, a
 * withdrawal), with the stage, the status and an outcome, never the audit's other facts (reasons, grounds,
 * officers, homes).
 */
export function councilEventFor(audit: {
  type: string;
  stage?: Stage | undefined;
  facts?: Record<string, string | number | boolean> | undefined;
}): { type: CouncilEventType; data: CouncilEventData } | undefined {
  const nominationStatus = NOMINATION_CHANGES[audit.type];
  const status = nominationStatus ?? STAGE_CHANGES[audit.type];
  if (!status) return undefined;
  const outcome =
    audit.type === 'decision' || audit.type === 'nomination-decided' ? audit.facts?.outcome : undefined;
  return {
    type: nominationStatus ? 'nomination.status_changed' : 'nomination.stage_changed',
    data: {
      ...(audit.stage ? { stage: audit.stage } : {}),
      status,
      ...(typeof outcome === 'string' ? { outcome } : {}),
    },
  };
}

/** The nomination's own changes (services/nominations.ts audits each), and the status each reports. */
const NOMINATION_CHANGES: Record<string, string> = {
  nominated: 'received',
  'nomination-decided': 'decided',
  'nomination-withdrawn': 'withdrawn',
};

/** Audit event types that are stage changes a council follows, and the status each reports. */
const STAGE_CHANGES: Record<string, string> = {
  started: 'applying',
  decision: 'decided',
  'offer-made': 'offer_proposed',
  'offer-approved': 'offer_made',
  'offer-refused': 'offer_refused',
  'offer-withdrawn': 'offer_withdrawn',
  'offer-lapsed': 'offer_lapsed',
  'tenancy-signed': 'tenancy_signed',
  'key-issued': 'keys_issued',
  let: 'housed',
  withdrawn: 'withdrawn',
  closed: 'closed',
};

/** Attempts at delivering one event, the first included (Standard Webhooks suggests retrying for a while). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** The wait after each failed attempt before the next: about an hour in all, before jitter. */
const RETRY_BASE_SECONDS = [60, 5 * 60, 15 * 60, 40 * 60] as const;

/**
 * When to try again after failed attempt number `attempt` (1-based), or undefined after the last: exponential
 * waits with jitter of ±20% (`random` in [0, 1)), so endpoints that failed together are not retried together.
 */
export function nextAttemptAt(attempt: number, failedAt: Date, random: number): Date | undefined {
  const base = RETRY_BASE_SECONDS[attempt - 1];
  if (base === undefined || attempt >= MAX_DELIVERY_ATTEMPTS) return undefined;
  const jittered = base * (0.8 + 0.4 * Math.min(Math.max(random, 0), 1));
  return new Date(failedAt.getTime() + Math.round(jittered * 1000));
}

/**
 * A webhook endpoint's URL, checked when a council registers it: https only, no credentials or fragment; plain
 * http only to loopback and only where `allowLoopback` (the local runtime). Private addresses are refused again
 * at connect time by the sender (a name can resolve to one later).
 */
export function checkWebhookUrl(
  raw: string,
  allowLoopback: boolean,
): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      reason: 'url must be an absolute URL, such as https://council.example/doorstep-events',
    };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'url must not carry a user name or password' };
  if (url.hash) return { ok: false, reason: 'url must not have a fragment (#...)' };
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (loopback && !allowLoopback) return { ok: false, reason: 'url must not point at this machine' };
  if (url.protocol === 'https:') return { ok: true, url: url.toString() };
  if (url.protocol === 'http:' && loopback) return { ok: true, url: url.toString() };
  return {
    ok: false,
    reason: allowLoopback ? 'url must use https (or http://127.0.0.1 locally)' : 'url must use https',
  };
}

/** A council's webhook endpoint; the secret signs deliveries, so it is kept (encrypted at rest), shown once. */
export const WebhookEndpoint = z.object({
  councilId: z.string().min(1),
  url: z.string().url(),
  /** `whsec_` and base64 of 32 random bytes, as Standard Webhooks libraries expect. */
  secret: z.string().startsWith('whsec_'),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;
