import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { startRuntime } from '../local/runtime.js';
import { keys } from '../shared/adapters/aws/keys.js';

/**
 * `npm run bench:councils` (issue 10): the partner councils' API under `npm start`, on loopback only.
 *
 * 1. Sustained nominations: autocannon POSTs `/v1/nominations` for a bounded run (10 s, 10 connections), each
 *    with its own Idempotency-Key and household, through the local API Gateway, the councils function (token,
 *    rate limit raised for the bench's client, idempotency, schema) and DynamoDB Local; each nomination also
 *    invites by email and text and becomes an event. Prints nominations a second and p50/p95/p99 latency.
 * 2. One nomination at a time on the quiet runtime: its whole time beside the time its DynamoDB Local calls took,
 *    so a waste in the request's own code would show as the difference.
 * 3. Webhook delivery lag: the time from an event's write (its `occurredAt`) to its arrival at a receiver on
 *    127.0.0.1, for the events of the run above (under load, then drained) and for nominations made one at a
 *    time (at rest). Prints p50/p95.
 * Figures only, never asserted: the machine is shared.
 */
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const AT_REST = 30;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
const ms = (value: number) => `${value.toFixed(0)} ms`;

const household = (n: number) => ({
  landlordId: 'riverside-homes',
  councilReference: `BENCH/${n}`,
  household: {
    applicant: { firstName: 'Bench', lastName: `Household${n}`, dateOfBirth: '1985-01-01', sex: 'female' },
    contact: { email: `bench.${n}.${randomUUID().slice(0, 8)}@example.org` },
    homelessnessDuty: 'relief',
  },
});

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-bench-councils-'));
  const runtime = await startRuntime({ dataDir, inMemory: true, log: () => undefined });
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string' && !arrivals.has(id)) arrivals.set(id, Date.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    // The bench's council client, with its rate limit raised so the run measures the API, not the limiter.
    const added = await fetch(`${runtime.url}/local/council-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ councilId: 'riverside-council', councilName: 'Riverside Council' }),
    });
    const { clientId, clientSecret } = (await added.json()) as { clientId: string; clientSecret: string };
    await runtime.db.send(
      new UpdateCommand({
        TableName: runtime.table,
        Key: keys.councilClient(clientId),
        UpdateExpression: 'SET limits = :limits',
        ExpressionAttributeValues: { ':limits': { perSecond: 1_000_000, perDay: 100_000_000 } },
      }),
    );
    const tokenAnswer = await fetch(`${runtime.url}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const token = ((await tokenAnswer.json()) as { access_token: string }).access_token;
    const authorization = `Bearer ${token}`;
    const registered = await fetch(`${runtime.url}/v1/webhooks`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` }),
    });
    if (registered.status !== 200) throw new Error(`Registering the receiver answered ${registered.status}`);

    // 1. Sustained nominations.
    let n = 0;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let finish: (result: autocannon.Result) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const instance = autocannon(
      {
        url: `${runtime.url}/v1/nominations`,
        connections: CONNECTIONS,
        duration: DURATION_SECONDS,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              headers: {
                authorization,
                'content-type': 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify(household(++n)),
            }),
          },
        ],
      },
      (error, result) => (error ? fail(error) : finish(result)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      latencies.push(responseTime);
    });
    const result = await finished;
    latencies.sort((a, b) => a - b);
    const created = statuses.get(201) ?? 0;
    console.log(`councils API on loopback, ${DURATION_SECONDS} s, ${CONNECTIONS} connections (autocannon)`);
    console.log(`| nominations created | a second | p50 | p95 | p99 | other answers |`);
    console.log('|---:|---:|---:|---:|---:|---|');
    const others = [...statuses]
      .filter(([status]) => status !== 201)
      .map(([status, count]) => `${status}: ${count}`);
    console.log(
      `| ${created} | ${(created / DURATION_SECONDS).toFixed(1)} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 95))} | ${ms(percentile(latencies, 99))} | ${others.join(', ') || 'none'}${result.errors ? `, ${result.errors} errors` : ''} |`,
    );

    // 2. Webhook lag: the run's events, once the worker has drained them.
    const events = await allEvents(runtime.url, authorization);
    const drainedBy = Date.now() + 120_000;
    while (arrivals.size < events.length && Date.now() < drainedBy) await sleep(250);
    const underLoad = lags(events, arrivals);

    // ... and at rest: one nomination at a time, each timed whole and in its DynamoDB Local calls (every call
    // the runtime sends while the request is open, the delivery worker's included), side by side in this run.
    const before = new Set(events.map((event) => event.id));
    const single = { total: [] as number[], dynamo: [] as number[], calls: [] as number[] };
    let open: { dynamo: number; calls: number } | undefined;
    runtime.db.middlewareStack.add(
      (next) => async (args) => {
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          if (open) {
            open.dynamo += performance.now() - started;
            open.calls += 1;
          }
        }
      },
      { step: 'initialize', name: 'benchDynamoTiming' },
    );
    for (let i = 0; i < AT_REST; i += 1) {
      const request = { dynamo: 0, calls: 0 };
      open = request;
      const started = performance.now();
      const answer = await fetch(`${runtime.url}/v1/nominations`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(household(++n)),
      });
      await answer.text();
      single.total.push(performance.now() - started);
      open = undefined;
      single.dynamo.push(request.dynamo);
      single.calls.push(request.calls);
      await sleep(150);
    }
    for (const list of Object.values(single)) list.sort((a, b) => a - b);
    console.log("\none nomination at a time (quiet): where a request's time goes");
    console.log('| requests | p50 whole | p50 in DynamoDB Local | its calls (p50) | p95 whole |');
    console.log('|---:|---:|---:|---:|---:|');
    console.log(
      `| ${AT_REST} | ${ms(percentile(single.total, 50))} | ${ms(percentile(single.dynamo, 50))} | ${percentile(single.calls, 50)} | ${ms(percentile(single.total, 95))} |`,
    );
    const restEvents = (await allEvents(runtime.url, authorization)).filter((event) => !before.has(event.id));
    const restBy = Date.now() + 30_000;
    while (restEvents.some((event) => !arrivals.has(event.id)) && Date.now() < restBy) await sleep(100);
    const atRest = lags(restEvents, arrivals);
    console.log('\nwebhook delivery lag (event written -> received on 127.0.0.1)');
    console.log('| when | events | delivered | p50 | p95 |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [when, lag] of [
      ['the run above, drained', underLoad],
      ['one nomination at a time', atRest],
    ] as const)
      console.log(`| ${when} | ${lag.events} | ${lag.delivered} | ${ms(lag.p50)} | ${ms(lag.p95)} |`);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function allEvents(
  url: string,
  authorization: string,
): Promise<Array<{ id: string; occurredAt: string }>> {
  const events: Array<{ id: string; occurredAt: string }> = [];
  let after: string | undefined;
  for (;;) {
    const page = (await (
      await fetch(`${url}/v1/events?limit=200${after ? `&after=${after}` : ''}`, {
        headers: { authorization },
      })
    ).json()) as { events: Array<{ id: string; occurredAt: string }>; next?: string; hasMore: boolean };
    events.push(...page.events);
    after = page.next;
    if (!page.hasMore) return events;
  }
}

function lags(events: Array<{ id: string; occurredAt: string }>, arrivals: Map<string, number>) {
  const values = events
    .map((event) => {
      const arrived = arrivals.get(event.id);
      return arrived === undefined ? undefined : arrived - Date.parse(event.occurredAt);
    })
    .filter((lag): lag is number => lag !== undefined)
    .sort((a, b) => a - b);
  return {
    events: events.length,
    delivered: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
