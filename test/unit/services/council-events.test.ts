import { Webhook } from 'standardwebhooks';
import { Stage } from '../../../shared/domain/stage';
import type { AuditEvent, AuditLog } from '../../../shared/ports';
import {
  CouncilEventsAuditLog,
  CouncilRequestError,
  listEvents,
  recordCouncilEvent,
  registerWebhook,
  replayEvent,
} from '../../../shared/services/council-events';
import {
  type DeliveryDeps,
  deliverDue,
  type WebhookRequest,
  type WebhookResult,
} from '../../../shared/services/webhook-delivery';
import { MemoryCouncilEventStore } from '../../support/council-events';

/** A council's endpoint as the sender sees it: answers from a script, keeping every request it was sent. */
class ScriptedEndpoint {
  readonly received: WebhookRequest[] = [];
  constructor(private readonly answers: WebhookResult[]) {}
  async send(request: WebhookRequest): Promise<WebhookResult> {
    this.received.push(request);
    return this.answers.shift() ?? { delivered: true, result: 'HTTP 204' };
  }
}

function setUp(answers: WebhookResult[] = []) {
  const clock = {
    at: new Date('2026-11-02T09:30:00Z'),
    now() {
      return this.at;
    },
  };
  const store = new MemoryCouncilEventStore();
  const sender = new ScriptedEndpoint(answers);
  const deps: DeliveryDeps = { councilEvents: store, clock, sender, random: () => 0.5 };
  const later = (minutes: number) => {
    clock.at = new Date(clock.at.getTime() + minutes * 60_000);
  };
  return { deps, store, sender, clock, later };
}

const leeds = 'leeds';
const york = 'york';

describe('council events out', () => {
  it('records a stage change of a nominated household for its council, from the audit log', async () => {
    // Prepare
    const { deps, store } = setUp();
    const appended: AuditEvent[] = [];
    const inner: AuditLog = {
      append: async (event) => void appended.push(event),
      list: async () => appended,
    };
    const audit = new CouncilEventsAuditLog(inner, {
      ...deps,
      nominationOf: async (applicationId) =>
        applicationId === 'app_nominated' ? { councilId: leeds, nominationId: 'nom_1' } : undefined,
    });

    // Act
    await audit.append({
      applicationId: 'app_nominated',
      at: '2026-11-02T09:31:00.000Z',
      type: 'decision',
      stage: Stage.Qualification,
      actor: 'system',
      facts: { outcome: 'qualifies', rules: 'residence' },
    });
    await audit.append({
      applicationId: 'app_other',
      at: '2026-11-02T09:32:00.000Z',
      type: 'let',
      stage: Stage.Let,
      actor: 'system',
    });
    await audit.append({
      applicationId: 'app_nominated',
      at: '2026-11-02T09:33:00.000Z',
      type: 'answered',
      actor: 'applicant',
    });

    // Assess
    expect(appended).toHaveLength(3);
    const page = await listEvents(deps, leeds, { limit: 50 });
    expect(page.events).toEqual([
      expect.objectContaining({
        type: 'nomination.stage_changed',
        occurredAt: '2026-11-02T09:31:00.000Z',
        nominationId: 'nom_1',
        data: { stage: Stage.Qualification, status: 'decided', outcome: 'qualifies' },
      }),
    ]);
    expect(store.events.size).toBe(1);
  });

  it('pages a council’s events in order after a cursor, and never another council’s', async () => {
    const { deps, later } = setUp();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      later(1);
      ids.push(
        (
          await recordCouncilEvent(deps, {
            councilId: leeds,
            nominationId: `nom_${n}`,
            type: 'nomination.status_changed',
            data: { status: 'invited' },
          })
        ).id,
      );
    }
    await recordCouncilEvent(deps, {
      councilId: york,
      nominationId: 'nom_y',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    const first = await listEvents(deps, leeds, { limit: 2 });
    const second = await listEvents(deps, leeds, { limit: 2, after: first.next });
    const none = await listEvents(deps, leeds, { limit: 2, after: second.next });

    expect(first.events.map((event) => event.id)).toEqual(ids.slice(0, 2));
    expect(first.hasMore).toBe(true);
    expect(second.events.map((event) => event.id)).toEqual(ids.slice(2));
    expect(second.hasMore).toBe(false);
    expect(none).toEqual({ events: [], next: ids[2], hasMore: false });
    expect((await listEvents(deps, york, { limit: 50 })).events.map((event) => event.nominationId)).toEqual([
      'nom_y',
    ]);
  });

  it('delivers an event signed per Standard Webhooks, which the standardwebhooks verifier accepts', async () => {
    const { deps, sender, clock } = setUp();
    const { secret } = await registerWebhook(
      { ...deps, allowLoopback: false, refusedHost: async () => undefined },
      leeds,
      {
        url: 'https://leeds.example/hooks',
      },
    );
    const event = await recordCouncilEvent(deps, {
      councilId: leeds,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    expect(await deliverDue(deps)).toBe(1);

    const [request] = sender.received;
    expect(request?.url).toBe('https://leeds.example/hooks');
    expect(request?.headers['webhook-id']).toBe(event.id);
    expect(request?.headers['webhook-timestamp']).toBe(String(clock.at.getTime() / 1000));
    expect(request?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    // The verifier checks the timestamp against its own clock: sign for the test's instant, verify now.
    jest.useFakeTimers({ now: clock.at });
    try {
      expect(new Webhook(secret).verify(request?.body ?? '', request?.headers ?? {})).toEqual({
        id: event.id,
        type: 'nomination.status_changed',
        occurredAt: event.occurredAt,
        nominationId: 'nom_1',
        data: { status: 'invited' },
      });
      expect(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(
          request?.body ?? '',
          request?.headers ?? {},
        ),
      ).toThrow();
    } finally {
      jest.useRealTimers();
    }
    const [stored] = (await listEvents(deps, leeds, { limit: 1 })).events;
    expect(stored?.delivery).toEqual(
      expect.objectContaining({ status: 'delivered', attempts: 1, lastResult: 'HTTP 204' }),
    );
  });

  it('retries a failed delivery on the schedule, and dead-letters it after the fifth attempt', async () => {
    const failing = Array.from({ length: 5 }, () => ({ delivered: false, result: 'HTTP 503' }));
    const { deps, sender, later } = setUp(failing);
    await registerWebhook({ ...deps, allowLoopback: false, refusedHost: async () => undefined }, leeds, {
      url: 'https://leeds.example/hooks',
    });
    await recordCouncilEvent(deps, {
      councilId: leeds,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });
    const delivery = async () => (await listEvents(deps, leeds, { limit: 1 })).events[0]?.delivery;

    expect(await deliverDue(deps)).toBe(1);
    expect(await delivery()).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-02T09:31:00.000Z' }),
    );
    // Not due yet: nothing is sent before its time.
    expect(await deliverDue(deps)).toBe(0);
    for (const [minutes, attempts] of [
      [1, 2],
      [5, 3],
      [15, 4],
      [40, 5],
    ] as const) {
      later(minutes);
      expect(await deliverDue(deps)).toBe(1);
      expect((await delivery())?.attempts).toBe(attempts);
    }

    expect(await delivery()).toEqual({
      status: 'failed',
      attempts: 5,
      lastAttemptAt: '2026-11-02T10:31:00.000Z',
      lastResult: 'HTTP 503',
    });
    later(24 * 60);
    expect(await deliverDue(deps)).toBe(0);
    expect(sender.received).toHaveLength(5);
  });

  it('replays a dead-lettered event from the first attempt, and only the council’s own', async () => {
    const failing = Array.from({ length: 5 }, () => ({ delivered: false, result: 'timed out' }));
    const { deps, sender, later } = setUp(failing);
    await registerWebhook({ ...deps, allowLoopback: false, refusedHost: async () => undefined }, leeds, {
      url: 'https://leeds.example/hooks',
    });
    const event = await recordCouncilEvent(deps, {
      councilId: leeds,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });
    for (const minutes of [0, 1, 5, 15, 40]) {
      later(minutes);
      await deliverDue(deps);
    }

    await expect(replayEvent(deps, york, event.id)).rejects.toEqual(
      new CouncilRequestError(404, 'There is no event with that id for your council'),
    );
    await expect(replayEvent(deps, leeds, 'evt_nonsense')).rejects.toBeInstanceOf(CouncilRequestError);
    expect(await replayEvent(deps, leeds, event.id)).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 0 }),
    );
    expect(await deliverDue(deps)).toBe(1);

    expect(sender.received).toHaveLength(6);
    expect(sender.received[5]?.headers['webhook-id']).toBe(event.id);
    expect((await listEvents(deps, leeds, { limit: 1 })).events[0]?.delivery?.status).toBe('delivered');
  });

  it('refuses to replay before an endpoint is registered, saying what to do', async () => {
    const { deps } = setUp();
    const event = await recordCouncilEvent(deps, {
      councilId: leeds,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    await expect(replayEvent(deps, leeds, event.id)).rejects.toEqual(
      new CouncilRequestError(409, 'Register a webhook endpoint (PUT /v1/webhooks) before replaying events'),
    );
  });

  it('refuses an endpoint that is not https in AWS, and shows the secret only when registering', async () => {
    const { deps, store } = setUp();

    await expect(
      registerWebhook({ ...deps, allowLoopback: false, refusedHost: async () => undefined }, leeds, {
        url: 'http://leeds.example/hooks',
      }),
    ).rejects.toEqual(new CouncilRequestError(400, 'url must use https'));
    const registered = await registerWebhook(
      { ...deps, allowLoopback: false, refusedHost: async () => undefined },
      leeds,
      {
        url: 'https://leeds.example/hooks',
      },
    );
    expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const again = await registerWebhook(
      { ...deps, allowLoopback: false, refusedHost: async () => undefined },
      leeds,
      {
        url: 'https://leeds.example/v2',
      },
    );
    expect(again.secret).not.toBe(registered.secret);
    expect(store.endpoints.get(leeds)?.url).toBe('https://leeds.example/v2');
  });

  it('holds a delivery another worker has claimed, so two runs at once send it once', async () => {
    const { deps, sender } = setUp();
    await registerWebhook({ ...deps, allowLoopback: false, refusedHost: async () => undefined }, leeds, {
      url: 'https://leeds.example/hooks',
    });
    await recordCouncilEvent(deps, {
      councilId: leeds,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    const made = await Promise.all([deliverDue(deps), deliverDue(deps)]);

    expect(made.sort()).toEqual([0, 1]);
    expect(sender.received).toHaveLength(1);
  });
});
