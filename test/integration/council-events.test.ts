import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DynamoCouncilEventStore } from '../../shared/adapters/aws/dynamodb-council-events';
import { HttpWebhookSender } from '../../shared/adapters/http-webhook-sender';
import {
  listEvents,
  recordCouncilEvent,
  registerWebhook,
  replayEvent,
} from '../../shared/services/council-events';
import { deliverDue } from '../../shared/services/webhook-delivery';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * Council events against DynamoDB Local and a council's receiver on loopback: delivered signed, verified with the
 * standardwebhooks library as a council would, retried when the receiver fails, never another council's; and the
 * sender's guards (private addresses, redirects, a receiver that never answers).
 */

const TABLE = 'doorstep-council-events-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A council's webhook receiver on 127.0.0.1, answering each request with the next status in `answers`. */
async function receiver(
  answers: number[] = [],
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = answers.shift() ?? 204;
      res.writeHead(status, status === 302 ? { location: 'http://169.254.169.254/latest/meta-data' } : {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/doorstep`, received, server };
}

const servers: Server[] = [];
const senders: HttpWebhookSender[] = [];
afterAll(async () => {
  for (const sender of senders) sender.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

function setUp(allowLoopback = true, timeoutMs?: number) {
  const clock = {
    at: new Date(),
    now() {
      return this.at;
    },
  };
  const sender = new HttpWebhookSender({ allowLoopback, ...(timeoutMs ? { timeoutMs } : {}) });
  senders.push(sender);
  const deps = {
    councilEvents: new DynamoCouncilEventStore(dynamo.db, TABLE),
    clock,
    sender,
    random: () => 0.5,
  };
  return { deps, clock };
}

let councils = 0;
const aCouncil = () => `council-${Date.now().toString(36)}-${++councils}`;

describe('council events on DynamoDB Local, delivered to a receiver on loopback', () => {
  it('delivers an event that the council verifies with the standardwebhooks library', async () => {
    // Prepare
    const { deps } = setUp();
    const council = aCouncil();
    const endpoint = await receiver();
    servers.push(endpoint.server);
    const { secret } = await registerWebhook(
      { ...deps, allowLoopback: true, refusedHost: async () => undefined },
      council,
      {
        url: endpoint.url,
      },
    );
    const event = await recordCouncilEvent(deps, {
      councilId: council,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    // Act
    const attempts = await deliverDue(deps);

    // Assess
    expect(attempts).toBe(1);
    const [delivery] = endpoint.received;
    expect(new Webhook(secret).verify(delivery?.body ?? '', delivery?.headers ?? {})).toEqual(
      expect.objectContaining({ id: event.id, nominationId: 'nom_1', data: { status: 'invited' } }),
    );
    const page = await listEvents(deps, council, { limit: 10 });
    expect(page.events[0]?.delivery).toEqual(expect.objectContaining({ status: 'delivered', attempts: 1 }));
  });

  it('keeps a failed delivery due again later, and the due index gives it up once delivered', async () => {
    const { deps, clock } = setUp();
    const council = aCouncil();
    const endpoint = await receiver([500]);
    servers.push(endpoint.server);
    await registerWebhook({ ...deps, allowLoopback: true, refusedHost: async () => undefined }, council, {
      url: endpoint.url,
    });
    const event = await recordCouncilEvent(deps, {
      councilId: council,
      nominationId: 'nom_1',
      type: 'nomination.status_changed',
      data: { status: 'invited' },
    });

    await deliverDue(deps);
    const failed = (await deps.councilEvents.get(council, event.id))?.delivery;
    expect(failed).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 1, lastResult: 'HTTP 500' }),
    );
    expect(await deps.councilEvents.listDue(clock.now(), 100)).not.toContainEqual({
      councilId: council,
      eventId: event.id,
    });
    clock.at = new Date(clock.at.getTime() + 61_000);
    expect(await deps.councilEvents.listDue(clock.now(), 100)).toContainEqual({
      councilId: council,
      eventId: event.id,
    });
    await deliverDue(deps);

    expect(endpoint.received).toHaveLength(2);
    expect((await deps.councilEvents.get(council, event.id))?.delivery?.status).toBe('delivered');
    clock.at = new Date(clock.at.getTime() + 24 * 3600_000);
    expect(await deps.councilEvents.listDue(clock.now(), 100)).not.toContainEqual({
      councilId: council,
      eventId: event.id,
    });
  });

  it('reads a council’s events in order after a cursor, and a replay of another council’s event finds nothing', async () => {
    const { deps, clock } = setUp();
    const [leeds, york] = [aCouncil(), aCouncil()];
    const ids: string[] = [];
    for (const status of ['invited', 'accepted', 'housed']) {
      clock.at = new Date(clock.at.getTime() + 1000);
      ids.push(
        (
          await recordCouncilEvent(deps, {
            councilId: leeds,
            nominationId: 'nom_1',
            type: 'nomination.status_changed',
            data: { status },
          })
        ).id,
      );
    }

    const first = await listEvents(deps, leeds, { limit: 2 });
    const rest = await listEvents(deps, leeds, { limit: 2, after: first.next });

    expect([...first.events, ...rest.events].map((event) => event.id)).toEqual(ids);
    expect(first.hasMore).toBe(true);
    expect(rest.hasMore).toBe(false);
    expect((await listEvents(deps, york, { limit: 10 })).events).toEqual([]);
    await expect(replayEvent(deps, york, ids[0] ?? '')).rejects.toMatchObject({ status: 404 });
  });

  it('refuses loopback in AWS, does not follow a redirect, and gives up on a receiver that never answers', async () => {
    const endpoint = await receiver([302]);
    servers.push(endpoint.server);
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const request = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: '{}' });

    const inAws = await new HttpWebhookSender({ allowLoopback: false }).send(request(endpoint.url));
    const redirected = await new HttpWebhookSender({ allowLoopback: true }).send(request(endpoint.url));
    const timedOut = await new HttpWebhookSender({ allowLoopback: true, timeoutMs: 300 }).send(
      request(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`),
    );
    const metadata = await new HttpWebhookSender({ allowLoopback: true }).send(
      request('http://169.254.169.254/latest'),
    );

    expect(inAws).toEqual({ delivered: false, result: 'refused: the address is private' });
    expect(redirected).toEqual({ delivered: false, result: 'HTTP 302 (redirects are not followed)' });
    expect(endpoint.received).toHaveLength(1);
    expect(timedOut).toEqual({ delivered: false, result: 'timed out' });
    expect(metadata).toEqual({ delivered: false, result: 'refused: the address is private' });
  });
});
