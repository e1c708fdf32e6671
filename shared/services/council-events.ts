import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import {
  CouncilEvent,
  type CouncilEventData,
  type CouncilEventType,
  checkWebhookUrl,
  councilEventFor,
  EventDelivery,
  EventId,
  newEventId,
  type StoredCouncilEvent,
  type WebhookEndpoint,
} from '../domain/council-events.js';
import type { ApplicationStore, AuditEvent, AuditLog, Clock, NominationStore } from '../ports.js';

/**
 * Events out to partner councils (issue 10): every stage change of a nominated household's application, and
 * every change of its nomination, becomes an event for the council that nominated it, stored in order under
 * the council. A council polls them (`GET /v1/events`) or registers a webhook endpoint, to which each event is
 * delivered signed per Standard Webhooks, retried with backoff and dead-lettered after the last attempt.
 *
 * Deliveries are scheduled in the table itself (an event's `delivery.nextAttemptAt`, on a sparse index), and a
 * worker delivers what is due: the `council-events` function every minute in AWS, the local runtime every
 * second and at once when an event is written. So a delivery survives restarts, the stage functions that write
 * events need nothing but the table, and the retry schedule is data a test can read (README, "API for partner
 * councils").
 */

/** Council events and webhook endpoints (DynamoDB in AWS and under `npm start`). */
export interface CouncilEventStore {
  /** Appends an event under its council; an id already there is a no-op (events are written once). */
  append(event: StoredCouncilEvent): Promise<void>;
  /** The council's events after the event `after` (exclusive), oldest first, at most `limit`. */
  list(councilId: string, after: string | undefined, limit: number): Promise<StoredCouncilEvent[]>;
  get(councilId: string, eventId: string): Promise<StoredCouncilEvent | undefined>;
  /** Registers (or replaces) the council's endpoint. */
  putEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  getEndpoint(councilId: string): Promise<WebhookEndpoint | undefined>;
  /** Deliveries due at or before `now`, soonest first (eventually consistent: a new one may show a moment later). */
  listDue(now: Date, limit: number): Promise<Array<{ councilId: string; eventId: string }>>;
  /**
   * Takes a due delivery for one attempt until `leaseUntil`, so two workers never send it at once: the event, or
   * undefined when it is no longer due or another worker holds it.
   */
  claim(
    councilId: string,
    eventId: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<StoredCouncilEvent | undefined>;
  /** Records a delivery's state; a pending one (re)joins the due index at its `nextAttemptAt`, others leave it. */
  recordDelivery(councilId: string, eventId: string, delivery: EventDelivery): Promise<void>;
}

/**
 * Which council nominated the household whose application (or nomination, whose trail is under its own id
 * until the application exists) this is, if any.
 */
export type NominationOfApplication = (
  applicationId: string,
) => Promise<{ councilId: string; nominationId: string } | undefined>;

/** Finds the nomination of an audit trail's id from the stores: the nomination's own, or its application's. */
export function nominationOfApplication(deps: {
  applications: Pick<ApplicationStore, 'get'>;
  nominations: Pick<NominationStore, 'get'>;
}): NominationOfApplication {
  return async (id) => {
    const nominationId = id.startsWith('nom_')
      ? id
      : (await deps.applications.get(id))?.nomination?.nominationId;
    const nomination = nominationId ? await deps.nominations.get(nominationId) : undefined;
    return nomination
      ? { councilId: nomination.councilId, nominationId: nomination.nominationId }
      : undefined;
  };
}

export interface CouncilEventDeps {
  councilEvents: CouncilEventStore;
  clock: Clock;
  /** Tells the local runtime's delivery worker an event is due now (AWS: the next scheduled run picks it up). */
  wake?: () => void;
}

/**
 * Appends an event for a council. When the council has a webhook endpoint, its delivery is due at once.
 */
export async function recordCouncilEvent(
  deps: CouncilEventDeps,
  input: {
    councilId: string;
    nominationId: string;
    type: CouncilEventType;
    data: CouncilEventData;
    at?: Date;
  },
): Promise<StoredCouncilEvent> {
  const at = input.at ?? deps.clock.now();
  const endpoint = await deps.councilEvents.getEndpoint(input.councilId);
  const event: StoredCouncilEvent = {
    id: newEventId(at, randomBytes(8).toString('hex')),
    type: input.type,
    occurredAt: at.toISOString(),
    nominationId: input.nominationId,
    data: input.data,
    councilId: input.councilId,
    ...(endpoint ? { delivery: { status: 'pending', attempts: 0, nextAttemptAt: at.toISOString() } } : {}),
  };
  await deps.councilEvents.append(event);
  if (endpoint) deps.wake?.();
  return event;
}

/**
 * Every stage change reaches the council that nominated the household, from one place: a decorator around the
 * audit log, through which every stage and the nomination itself already record what they did (once, however
 * often the step runs; a nomination's trail is under its id until its application exists). Audit
 * events carry pseudonymous ids and non-personal facts only; the council event takes the stage, the status and
 * a decision's outcome from them, nothing else. An application no council nominated adds one read.
 */
export class CouncilEventsAuditLog implements AuditLog {
  constructor(
    private readonly inner: AuditLog,
    private readonly deps: CouncilEventDeps & { nominationOf: NominationOfApplication },
  ) {}

  async append(event: AuditEvent): Promise<void> {
    // The council's event first: a step that fails between the two writes runs again and audits again, so the
    // council may hear twice (at least once, as webhooks are) but never miss a change the audit log has.
    const change = councilEventFor(event);
    const nomination = change ? await this.deps.nominationOf(event.applicationId) : undefined;
    if (change && nomination)
      await recordCouncilEvent(this.deps, { ...nomination, ...change, at: new Date(event.at) });
    await this.inner.append(event);
  }

  list(applicationId: string): Promise<AuditEvent[]> {
    return this.inner.list(applicationId);
  }
}

/** An event as the council sees it: without the council id and the delivery bookkeeping. */
export function publicEvent(event: StoredCouncilEvent): CouncilEvent {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    nominationId: event.nominationId,
    data: event.data,
  };
}

/** `GET /v1/events?after=&limit=`: strict, so a misspelt parameter is a 400 rather than silently ignored. */
export const EventsQuery = z
  .object({
    after: EventId.optional().describe('The id of the last event already read; absent: from the first'),
    limit: z.coerce
      .number()
      .int('limit is a whole number')
      .min(1, 'limit is at least 1')
      .max(200, 'limit is at most 200')
      .default(50),
  })
  .strict();

export const EventsPage = z
  .object({
    events: z.array(
      CouncilEvent.extend({ delivery: EventDelivery.optional() }).meta({
        description:
          'An event: the body a webhook delivers, with its delivery state when an endpoint was registered',
      }),
    ),
    next: z
      .string()
      .optional()
      .describe(
        'Poll again with after=<next>: the last event of this page, or the `after` given when none is new',
      ),
    hasMore: z.boolean().describe('More events are waiting now: ask again at once'),
  })
  .meta({ description: 'The council’s events in the order they happened' });
export type EventsPage = z.infer<typeof EventsPage>;

/** The council's events after a cursor, in order: never another council's (the partition is the council's). */
export async function listEvents(
  deps: Pick<CouncilEventDeps, 'councilEvents'>,
  councilId: string,
  query: z.infer<typeof EventsQuery>,
): Promise<EventsPage> {
  const events = await deps.councilEvents.list(councilId, query.after, query.limit + 1);
  const page = events.slice(0, query.limit);
  const last = page.at(-1)?.id ?? query.after;
  return {
    events: page.map((event) => ({
      ...publicEvent(event),
      ...(event.delivery ? { delivery: event.delivery } : {}),
    })),
    ...(last ? { next: last } : {}),
    hasMore: events.length > query.limit,
  };
}

export const WebhookRegistration = z
  .object({
    url: z
      .string()
      .max(2048)
      .describe(
        'Where to deliver events: https (http://127.0.0.1 only under npm start); redirects are not followed',
      ),
  })
  .strict()
  .meta({ description: 'The council’s webhook endpoint; registering again replaces it and its secret' });

export const RegisteredWebhook = z
  .object({
    url: z.string(),
    secret: z
      .string()
      .describe(
        'The signing secret (whsec_...), shown this once: verify each delivery with it (Standard Webhooks)',
      ),
    createdAt: z.string(),
  })
  .meta({ description: 'The endpoint registered, with its signing secret' });

/** What the caller asked that cannot be done, with a reason for the council's developers (HTTP 4xx). */
export class CouncilRequestError extends Error {
  override readonly name = 'CouncilRequestError';
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Registers a council's endpoint with a new signing secret, shown in the answer only. Events from now on are
 * delivered to it; earlier ones can be replayed.
 */
export async function registerWebhook(
  deps: Pick<CouncilEventDeps, 'councilEvents' | 'clock'> & {
    allowLoopback: boolean;
    /**
     * Why the sender would refuse to reach this host (a private, loopback, link-local or metadata address, as a
     * literal or by what the name resolves to), or undefined: refused here so the council hears it at once
     * rather than as failed deliveries later (shared/adapters/http-webhook-sender.ts decides both).
     */
    refusedHost: (hostname: string) => Promise<string | undefined>;
  },
  councilId: string,
  body: z.infer<typeof WebhookRegistration>,
): Promise<z.infer<typeof RegisteredWebhook>> {
  const checked = checkWebhookUrl(body.url, deps.allowLoopback);
  if (!checked.ok) throw new CouncilRequestError(400, checked.reason);
  const refused = await deps.refusedHost(new URL(checked.url).hostname);
  if (refused) throw new CouncilRequestError(400, refused);
  const endpoint: WebhookEndpoint = {
    councilId,
    url: checked.url,
    secret: `whsec_${randomBytes(32).toString('base64')}`,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.councilEvents.putEndpoint(endpoint);
  return { url: endpoint.url, secret: endpoint.secret, createdAt: endpoint.createdAt };
}

/** Delivers one of the council's events again, from the first attempt: another council's event is a 404. */
export async function replayEvent(
  deps: CouncilEventDeps,
  councilId: string,
  eventId: string,
): Promise<EventDelivery> {
  const event = EventId.safeParse(eventId).success
    ? await deps.councilEvents.get(councilId, eventId)
    : undefined;
  if (!event) throw new CouncilRequestError(404, 'There is no event with that id for your council');
  if (!(await deps.councilEvents.getEndpoint(councilId)))
    throw new CouncilRequestError(
      409,
      'Register a webhook endpoint (PUT /v1/webhooks) before replaying events',
    );
  const delivery: EventDelivery = {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: deps.clock.now().toISOString(),
  };
  await deps.councilEvents.recordDelivery(councilId, eventId, delivery);
  deps.wake?.();
  return delivery;
}
