import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localCouncilToken } from '../support/local-council-tokens';

/**
 * Events out under `npm start` (issue 10), over HTTP on loopback only: a council registers a receiver on
 * 127.0.0.1, nominates a household, and its receiver gets the event signed per Standard Webhooks, which it
 * verifies with the standardwebhooks library; the same event is in the polling endpoint, delivered. Then an
 * export runs in the background and its signed link downloads the CSV; a changed link is refused.
 */
jest.setTimeout(120_000);

const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-council-events-'));
let runtime: Runtime;
let receiver: Server;
const received: Array<{ headers: Record<string, string>; body: string }> = [];
let arrived: () => void = () => undefined;

beforeAll(async () => {
  runtime = await startRuntime({ dataDir, inMemory: true, log: () => undefined, retryIntervalMs: 5 });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(204).end();
      arrived();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const councilToken = (councilId: string) => localCouncilToken(runtime.url, councilId);

const call = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

/** Waits until `check` holds, asking again every 100 ms (no assertion on how long it took). */
async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('gave up waiting');
}

const nomination = {
  landlordId: 'riverside-homes',
  // The API allows letters, digits and / _ . - in a reference, so a leading minus is the formula it can carry.
  councilReference: '-1-1/HPR',
  household: {
    applicant: { firstName: 'Darren', lastName: 'Cole', dateOfBirth: '1979-08-30', sex: 'male' },
    contact: { email: 'darren.cole@example.org' },
    homelessnessDuty: 'relief',
  },
};

it('delivers a nominated household’s event to the council’s receiver, signed, and lists it as delivered', async () => {
  // Prepare
  const token = await councilToken('riverside-council');
  const registered = await call(token, 'PUT', '/v1/webhooks', {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/doorstep`,
  });
  expect(registered.status).toBe(200);
  const { secret } = (await registered.json()) as { secret: string };
  const delivered = new Promise<void>((resolve) => {
    arrived = resolve;
  });

  // Act
  const created = await call(token, 'POST', '/v1/nominations', {
    ...nomination,
    councilReference: 'HPR/2026/00901',
  });
  expect(created.status).toBe(201);
  const { nominationId } = (await created.json()) as { nominationId: string };
  await delivered;

  // Assess
  const [delivery] = received;
  const event = new Webhook(secret).verify(delivery?.body ?? '', delivery?.headers ?? {});
  expect(event).toEqual({
    id: delivery?.headers['webhook-id'],
    type: 'nomination.status_changed',
    occurredAt: expect.any(String),
    nominationId,
    data: { status: 'received' },
  });
  expect(delivery?.body).not.toMatch(/Darren|Cole|example\.org/);
  const polled = await eventually(async () => {
    const page = (await (await call(token, 'GET', '/v1/events?limit=10')).json()) as {
      events: Array<{ id: string; delivery?: { status: string } }>;
    };
    return page.events[0]?.delivery?.status === 'delivered' ? page : undefined;
  });
  expect(polled.events.map((item) => item.id)).toEqual([delivery?.headers['webhook-id']]);
  const another = await councilToken('northbridge-council');
  expect(((await (await call(another, 'GET', '/v1/events')).json()) as { events: unknown[] }).events).toEqual(
    [],
  );
});

it('refuses an unknown query parameter and a malformed cursor with a 400 saying why', async () => {
  const token = await councilToken('riverside-council');

  const unknown = await call(token, 'GET', '/v1/events?since=yesterday');
  const malformed = await call(token, 'GET', '/v1/events?after=evt_../../x');

  expect(unknown.status).toBe(400);
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(await malformed.json())).toContain('An event id looks like evt_');
});

it('exports the council’s nominations in the background and downloads the CSV by its signed link', async () => {
  // Prepare
  const token = await councilToken('riverside-council');
  expect((await call(token, 'POST', '/v1/nominations', nomination)).status).toBe(201);

  // Act
  const started = await call(token, 'POST', '/v1/exports', {});
  expect(started.status).toBe(202);
  const { exportId } = (await started.json()) as { exportId: string };
  const done = await eventually(async () => {
    const job = (await (await call(token, 'GET', `/v1/exports/${exportId}`)).json()) as {
      status: string;
      download?: { url: string };
    };
    return job.status === 'done' ? job : undefined;
  });
  const csv = await fetch(done.download?.url ?? '');
  const tampered = await fetch((done.download?.url ?? '').replace('exports%2F', 'exports%2F..%2F'));

  // Assess
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const text = await csv.text();
  expect(text.split('\r\n')[0]).toBe(
    'council_reference,nomination_id,landlord,nominated_on,decision_due_by,status,decision,decided_on,decided_late,outcome,bedrooms',
  );
  expect(text).toContain("\r\n'-1-1/HPR,");
  expect(text).toContain('HPR/2026/00901');
  expect(text).not.toMatch(/Darren|Cole|example\.org/);
  expect(tampered.status).toBe(403);
  const other = await councilToken('northbridge-council');
  expect((await call(other, 'GET', `/v1/exports/${exportId}`)).status).toBe(404);
});
