import { createHandler } from '../../../functions/council-events/handler';
import { recordCouncilEvent, registerWebhook } from '../../../shared/services/council-events';
import { startExport } from '../../../shared/services/council-exports';
import type { WebhookRequest, WebhookResult } from '../../../shared/services/webhook-delivery';
import { memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/** The event an EventBridge schedule sends: nothing in it is read. */
const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };

/** A council's endpoint that answers 204 and keeps what it was sent: no network. */
class Receiver {
  readonly received: WebhookRequest[] = [];
  async send(request: WebhookRequest): Promise<WebhookResult> {
    this.received.push(request);
    return { delivered: true, result: 'HTTP 204' };
  }
}

function captureLogs(): () => string {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return () => lines.join('');
}

afterEach(() => jest.restoreAllMocks());

/** Leeds with a webhook and 60 events due to it: more than one batch of deliveries takes. */
async function sixtyDueDeliveries() {
  const deps = memoryDeps();
  await registerWebhook({ ...deps, allowLoopback: false, refusedHost: async () => undefined }, 'leeds', {
    url: 'https://leeds.example/hooks',
  });
  for (let n = 0; n < 60; n += 1)
    await recordCouncilEvent(deps, {
      councilId: 'leeds',
      nominationId: `nom_${n}`,
      type: 'nomination.status_changed',
      data: { status: 'received' },
    });
  return deps;
}

describe('the council-events function', () => {
  it('delivers every due webhook in batches and runs queued exports, logging counts only', async () => {
    // Prepare: more due deliveries than one batch takes, and an export.
    const deps = await sixtyDueDeliveries();
    await startExport(deps, 'leeds');
    const receiver = new Receiver();
    const logs = captureLogs();

    // Act
    const result = await createHandler(() => deps, receiver)(scheduled, {
      ...aLambdaContext('doorstep-council-events'),
      getRemainingTimeInMillis: () => 90_000,
    });

    // Assess
    expect(result).toEqual({ attempts: 60, exports: 1 });
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(60);
    expect([...deps.councilExports.jobs.values()].map((job) => job.status)).toEqual(['done']);
    expect(logs()).toContain('council events worker done');
    expect(logs()).not.toContain('leeds.example');
    expect(logs()).not.toContain('nom_');
  });

  it('leaves what is still due for the next run when its time is nearly up', async () => {
    const deps = await sixtyDueDeliveries();
    captureLogs();

    const result = await createHandler(() => deps, new Receiver())(scheduled, {
      ...aLambdaContext('doorstep-council-events'),
      getRemainingTimeInMillis: () => 15_000,
    });

    expect(result).toEqual({ attempts: 50, exports: 0 });
    expect(await deps.councilEvents.listDue(deps.clock.now(), 100)).toHaveLength(10);
  });
});
