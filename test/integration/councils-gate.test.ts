import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { type CouncilGate, type CouncilRoute, councilEndpoint } from '../../functions/councils/handler';
import type { CouncilRouteSpec } from '../../functions/councils/routes';
import { httpHandler, json } from '../../functions/lib/http';
import { LOCAL_COUNCIL_ISSUER, LocalCouncilIssuer } from '../../local/council-issuer';
import { JwtAccessTokenVerifier } from '../../shared/adapters/aws/cognito-access-tokens';
import {
  DynamoCouncilClientStore,
  DynamoCouncilUsageStore,
} from '../../shared/adapters/aws/dynamodb-councils';
import { PowertoolsIdempotentRequests } from '../../shared/adapters/aws/powertools-idempotency';
import { anHttpEvent } from '../support/http-events';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { ManualClock, memoryDeps } from '../support/memory';
import { aLambdaContext } from '../unit/functions/lambda-context';

/**
 * The steps every council route shares, with the real stores on DynamoDB Local and real tokens: rate limits
 * and quotas (429 + Retry-After), Idempotency-Key on POSTs (Powertools' persistence layer on the journey
 * table), body size, JSON, the route's schema and scope. A made-up POST route stands in for the real ones.
 */
const TABLE = 'councils-gate';
const table = journeyTableInDynamoDbLocal(TABLE);
const clock = new ManualClock(new Date('2026-11-02T09:30:00.250Z'));
let dataDir: string;
let issuer: LocalCouncilIssuer;
let gate: CouncilGate;

const Household = z
  .strictObject({ reference: z.string().min(1).max(40), people: z.number().int().min(1) })
  .describe('A household');

const spec: CouncilRouteSpec = {
  scope: 'nominations:write',
  summary: 'Test route',
  body: Household,
  responses: { 201: { description: 'made', body: Household } },
};

let runs = 0;
const createSomething: CouncilRoute = async (_deps, client, request) => {
  runs += 1;
  const body = Household.parse(request.body);
  if (body.reference === 'refuse') return json(409, { error: 'refused by the route' });
  return json(201, { ...body, councilId: client.councilId, run: runs });
};

const endpoint = () =>
  httpHandler(
    councilEndpoint(
      'POST /v1/things',
      spec,
      createSomething,
      () => memoryDeps(clock.now()),
      () => gate,
    ),
  );

async function client(
  councilId: string,
  limits?: { perSecond?: number; perDay?: number },
  scopes?: string[],
) {
  const { clientId, clientSecret } = await issuer.createClient({
    name: councilId,
    scopes: (scopes ?? ['nominations:write']) as never,
  });
  await gate.councilClients.add({
    clientId,
    councilId,
    councilName: councilId,
    scopes: (scopes ?? ['nominations:write']) as never,
    createdAt: clock.now().toISOString(),
    ...(limits ? { limits } : {}),
  });
  const answer = await issuer.token(
    new URLSearchParams({ grant_type: 'client_credentials' }),
    `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
  );
  if (!answer.ok) throw new Error(answer.description);
  return answer.body.access_token;
}

async function post(token: string, body: string, key: string | null) {
  const result = (await endpoint()(
    anHttpEvent({
      method: 'POST',
      path: '/v1/things',
      routeKey: 'POST /v1/things',
      body,
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    }),
    aLambdaContext('doorstep-councils'),
  )) as APIGatewayProxyStructuredResultV2;
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'doorstep-gate-'));
  issuer = await LocalCouncilIssuer.open(join(dataDir, 'issuer.json'), { clock });
  gate = {
    tokens: new JwtAccessTokenVerifier(LOCAL_COUNCIL_ISSUER, issuer.jwks),
    councilClients: new DynamoCouncilClientStore(table.db, TABLE),
    usage: new DynamoCouncilUsageStore(table.db, TABLE),
    idempotency: new PowertoolsIdempotentRequests(table.local.client, TABLE),
    clock,
  };
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('Idempotency-Key on every POST', () => {
  it('refuses a POST without the header, or with a key that is not visible ASCII', async () => {
    const token = await client('leeds');
    const missing = await post(token, '{"reference":"a","people":2}', null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json.error).toMatch(/Idempotency-Key/);
    const bad = await post(token, '{"reference":"a","people":2}', 'two words');
    expect(bad.statusCode).toBe(400);
  });

  it('answers a repeat with the first answer without running the route again, and says it is a replay', async () => {
    const token = await client('york');
    const first = await post(token, '{"reference":"r1","people":2}', 'york-1');
    expect(first.statusCode).toBe(201);
    const before = runs;
    // The same request, its fields in another order.
    const again = await post(token, '{"people":2,"reference":"r1"}', 'york-1');
    expect(again.statusCode).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(runs).toBe(before);
  });

  it('refuses the same key with a different body (409), and keeps the first answer', async () => {
    const token = await client('hull');
    const first = await post(token, '{"reference":"r1","people":2}', 'hull-1');
    const different = await post(token, '{"reference":"r1","people":3}', 'hull-1');
    expect(different.statusCode).toBe(409);
    expect(different.json.error).toMatch(/different request/);
    expect((await post(token, '{"reference":"r1","people":2}', 'hull-1')).json).toEqual(first.json);
  });

  it("keeps each client's keys apart: another council's same key is a new request", async () => {
    const mine = await post(await client('selby'), '{"reference":"r1","people":2}', 'shared-key');
    const theirs = await post(await client('ripon'), '{"reference":"r1","people":2}', 'shared-key');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json.councilId).toBe('ripon');
    expect(mine.json.councilId).toBe('selby');
  });

  it('keeps no refusal: a request the route refused runs again when retried with its key', async () => {
    const token = await client('goole');
    expect((await post(token, '{"reference":"refuse","people":2}', 'goole-1')).statusCode).toBe(409);
    const before = runs;
    expect((await post(token, '{"reference":"refuse","people":2}', 'goole-1')).statusCode).toBe(409);
    expect(runs).toBe(before + 1);
  });
});

describe('a repeat while the first is still running', () => {
  it('is told the request is in progress, which lasts only until the invocation would have timed out', async () => {
    const idempotency = new PowertoolsIdempotentRequests(table.local.client, TABLE);
    const request = { clientId: 'slow-client', key: 'slow-1', fingerprint: { n: 1 } };
    let release: (() => void) | undefined;
    let started: () => void = () => undefined;
    const executing = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = idempotency.run(
      request,
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('first');
          started();
        }),
      { getRemainingTimeInMillis: () => 9_000 },
    );
    await executing;
    expect(await idempotency.run(request, async () => 'second')).toEqual({ kind: 'in-progress' });
    const { Items } = await table.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY', ':inProgress': 'INPROGRESS' },
      }),
    );
    const inProgress = Items?.[0] as { in_progress_expiration?: number; expiresAt?: number } | undefined;
    // The in-progress mark ends at the invocation's deadline (ms), long before the day the answer is kept.
    expect(inProgress?.in_progress_expiration).toEqual(expect.any(Number));
    expect((inProgress?.in_progress_expiration ?? 0) / 1000).toBeLessThan(
      (inProgress?.expiresAt ?? 0) - 3600,
    );
    release?.();
    expect(await first).toEqual({ kind: 'answer', value: 'first', replayed: false });
    expect(await idempotency.run(request, async () => 'second')).toEqual({
      kind: 'answer',
      value: 'first',
      replayed: true,
    });
  });
});

describe('the checks before a route runs', () => {
  it('refuses malformed JSON, wrong types and unknown fields with 400 and the reason', async () => {
    const token = await client('beverley');
    const malformed = await post(token, '{"reference":', 'b-1');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json.error).toMatch(/not valid JSON/);
    const wrongType = await post(token, '{"reference":"a","people":"two"}', 'b-2');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json.fields).toEqual([{ field: 'people', problem: expect.any(String) }]);
    const unknown = await post(token, '{"reference":"a","people":2,"nhsNumber":"x"}', 'b-3');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json.fields)).toMatch(/nhsNumber/);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const token = await client('driffield');
    const huge = await post(token, JSON.stringify({ reference: 'x'.repeat(70 * 1024), people: 2 }), 'd-1');
    expect(huge.statusCode).toBe(413);
  });

  it('refuses a token without the route scope with 403 naming it', async () => {
    const token = await client('howden', undefined, ['events:read']);
    const refused = await post(token, '{"reference":"a","people":2}', 'h-1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json.error).toMatch('doorstep/nominations:write');
    expect(refused.headers?.['www-authenticate']).toMatch(/insufficient_scope/);
  });
});

describe('rate limits and quotas', () => {
  it('admits the burst limit in one second, answers 429 with Retry-After past it, and admits again next second', async () => {
    const token = await client('scarborough', { perSecond: 3 });
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++)
      statuses.push((await post(token, `{"reference":"s${n}","people":1}`, `s-${n}`)).statusCode ?? 0);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await post(token, '{"reference":"s9","people":1}', 's-9');
    expect(limited.headers?.['retry-after']).toBe('1');
    expect(limited.json).toMatchObject({
      error: expect.stringMatching(/3 requests a second/),
      retryAfterSeconds: 1,
    });
    clock.advanceSeconds(1);
    expect((await post(token, '{"reference":"s9","people":1}', 's-9')).statusCode).toBe(201);
  });

  it("answers 429 until midnight UTC once the day's quota is used", async () => {
    const token = await client('whitby', { perSecond: 100, perDay: 2 });
    expect((await post(token, '{"reference":"w1","people":1}', 'w-1')).statusCode).toBe(201);
    expect((await post(token, '{"reference":"w2","people":1}', 'w-2')).statusCode).toBe(201);
    const over = await post(token, '{"reference":"w3","people":1}', 'w-3');
    expect(over.statusCode).toBe(429);
    const untilMidnight = Math.ceil(
      (Date.parse(`${clock.now().toISOString().slice(0, 10)}T24:00:00Z`) - clock.now().getTime()) / 1000,
    );
    expect(Number(over.headers?.['retry-after'])).toBeGreaterThanOrEqual(untilMidnight - 1);
    expect(Number(over.headers?.['retry-after'])).toBeLessThanOrEqual(untilMidnight);
    expect(over.json.error).toMatch(/quota of 2 requests/);
  });

  it('never admits more than the limit when requests race', async () => {
    const usage = new DynamoCouncilUsageStore(table.db, TABLE);
    const admitted = await Promise.all(
      Array.from({ length: 25 }, () => usage.count('racing-client', 'S#1', 10, 1_800_000_000)),
    );
    expect(admitted.filter(Boolean)).toHaveLength(10);
  });
});
