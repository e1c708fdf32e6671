import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/councils/handler';
import {
  type CouncilRouteKey,
  councilRoutes,
  splitCouncilRouteKey,
} from '../../../functions/councils/routes';
import { LOCAL_COUNCIL_ISSUER, LocalCouncilIssuer } from '../../../local/council-issuer';
import { JwtAccessTokenVerifier } from '../../../shared/adapters/aws/cognito-access-tokens';
import { LOCAL_SESSION_SECRETS } from '../../../shared/config';
import { ConflictError } from '../../../shared/ports';
import {
  COUNCIL_SCOPES,
  type CouncilClientRecord,
  type CouncilClientStore,
  type CouncilScope,
} from '../../../shared/services/council-auth';
import { recordCouncilEvent, registerWebhook } from '../../../shared/services/council-events';
import { runQueuedExports } from '../../../shared/services/council-exports';
import { claimNominations } from '../../../shared/services/nominations';
import { subjectFor } from '../../../shared/services/sessions';
import { ahmedFamily, darrenCole } from '../../fixtures/nominations';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * Broken object-level authorisation (OWASP API1), every route of the councils' API: two councils that both
 * nominate to Riverside Homes, each with a token of its own (real RS256 tokens from the local issuer, verified as
 * in AWS). Each tries every route on the other's nominations: all 404, and no answer carries anything of the
 * other's. A token without the route's scope is a 403 on each. The cases are read from the route list, so a
 * route added without a case here fails this test.
 */

class Clients implements CouncilClientStore {
  readonly records = new Map<string, CouncilClientRecord>();
  async add(record: CouncilClientRecord) {
    if (this.records.has(record.clientId)) throw new ConflictError('exists');
    this.records.set(record.clientId, record);
  }
  async get(clientId: string) {
    return this.records.get(clientId);
  }
}

interface Council {
  councilId: string;
  token: string;
  /** A token of the same council's client created with no scopes at all. */
  unscopedToken: string;
  nominationIds: string[];
  /** The council's events and exports (issue 10, events out), each named by its id in a path. */
  eventIds: string[];
  exportIds: string[];
}

/** What one route is tried with: the other council's ids in its path, a body when it takes one. */
type Case =
  | { kind: 'another-councils-nomination'; body?: unknown }
  /** The other council's event or export, named by its id in the path. */
  | { kind: 'another-councils-record'; param: 'eventId' | 'exportId'; body?: unknown }
  /** Lists or creates: nothing of another council's can be named, so what it answers must hold none of theirs. */
  | { kind: 'own-only'; body?: unknown; query?: Record<string, string> };

const cases: Record<CouncilRouteKey, Case> = {
  'GET /v1/councils/me': { kind: 'own-only' },
  'POST /v1/nominations': { kind: 'own-only', body: darrenCole },
  'GET /v1/nominations': { kind: 'own-only', query: { limit: '100' } },
  'GET /v1/nominations/{nominationId}': { kind: 'another-councils-nomination' },
  'POST /v1/nominations/{nominationId}/withdraw': { kind: 'another-councils-nomination', body: {} },
  'GET /v1/events': { kind: 'own-only', query: { limit: '200' } },
  'POST /v1/events/{eventId}/replay': { kind: 'another-councils-record', param: 'eventId' },
  'PUT /v1/webhooks': { kind: 'own-only', body: { url: 'https://receiver.example/doorstep' } },
  'POST /v1/exports': { kind: 'own-only', body: {} },
  'GET /v1/exports/{exportId}': { kind: 'another-councils-record', param: 'exportId' },
};

let dir: string;
let deps: MemoryDeps;
let handler: ReturnType<typeof createHandler>;
const riverside = { councilId: 'riverside-council' } as Council;
const northbridge = { councilId: 'northbridge-council' } as Council;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'doorstep-bola-'));
  const now = new Date('2026-11-02T09:30:00Z');
  deps = memoryDeps(now);
  const clock = { now: () => now };
  const issuer = await LocalCouncilIssuer.open(join(dir, 'councils.json'), { clock });
  const clients = new Clients();
  const token = async (council: Council, scopes: CouncilScope[]) => {
    const { clientId, clientSecret } = await issuer.createClient({ name: council.councilId, scopes });
    await clients.add({
      clientId,
      councilId: council.councilId,
      councilName: council.councilId,
      scopes,
      createdAt: now.toISOString(),
    });
    const answer = await issuer.token(
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
      undefined,
    );
    if (!answer.ok) throw new Error(answer.description);
    return answer.body.access_token;
  };
  for (const council of [riverside, northbridge]) {
    council.token = await token(council, [...COUNCIL_SCOPES]);
    council.unscopedToken = await token(council, []);
  }
  handler = createHandler(
    () => deps,
    () => ({
      tokens: new JwtAccessTokenVerifier(LOCAL_COUNCIL_ISSUER, issuer.jwks),
      councilClients: clients,
      clock,
      usage: { count: async () => true },
      idempotency: {
        run: async (_request, execute) => ({ kind: 'answer', value: await execute(), replayed: false }),
      },
    }),
  );
  // Each council's nominations: one a household has taken up (so withdrawing reaches an application), one not.
  for (const council of [riverside, northbridge]) {
    council.nominationIds = [];
    for (const body of [
      {
        ...ahmedFamily,
        councilReference: `${council.councilId}-REF-1`,
        household: {
          ...ahmedFamily.household,
          contact: { email: `${council.councilId}@example.org` },
        },
      },
      { ...darrenCole, councilReference: `${council.councilId}-REF-2` },
    ]) {
      const answer = await call(council.token, 'POST /v1/nominations', {}, { body });
      expect(answer.statusCode).toBe(201);
      council.nominationIds.push((JSON.parse(String(answer.body)) as { nominationId: string }).nominationId);
    }
    await claimNominations(deps, {
      subject: subjectFor(`${council.councilId}@example.org`, LOCAL_SESSION_SECRETS.subjectSalt),
    });
    // Its events (with an endpoint, so a replay of its own would be accepted) and an export, run to done.
    await registerWebhook(
      { ...deps, allowLoopback: false, refusedHost: async () => undefined },
      council.councilId,
      {
        url: `https://${council.councilId}.example/hooks`,
      },
    );
    council.eventIds = [];
    for (const nominationId of council.nominationIds) {
      const event = await recordCouncilEvent(deps, {
        councilId: council.councilId,
        nominationId,
        type: 'nomination.status_changed',
        data: { status: 'received' },
      });
      council.eventIds.push(event.id);
      // Delivered already: a replay would make it pending again, which the matrix checks never happens.
      await deps.councilEvents.recordDelivery(council.councilId, event.id, {
        status: 'delivered',
        attempts: 1,
        lastResult: 'HTTP 204',
      });
    }
    const exported = await call(council.token, 'POST /v1/exports', {}, { body: {} });
    expect(exported.statusCode).toBe(202);
    council.exportIds = [(JSON.parse(exported.body) as { exportId: string }).exportId];
  }
  await runQueuedExports(deps);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call(
  token: string,
  key: CouncilRouteKey,
  params: Record<string, string>,
  input: { body?: unknown; query?: Record<string, string> } = {},
): Promise<{ statusCode: number; body: string }> {
  const { method, path } = splitCouncilRouteKey(key);
  const concrete = path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? 'missing');
  const event = anHttpEvent({
    method,
    path: concrete,
    routeKey: key,
    pathParameters: params,
    headers: {
      authorization: `Bearer ${token}`,
      ...(method === 'POST' ? { 'idempotency-key': `bola-${Math.random().toString(36).slice(2)}` } : {}),
    },
    ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
  });
  const withQuery = input.query
    ? {
        ...event,
        rawQueryString: new URLSearchParams(input.query).toString(),
        queryStringParameters: input.query,
      }
    : event;
  const result = (await handler(withQuery, {} as never)) as Exclude<APIGatewayProxyResultV2, string>;
  return { statusCode: result.statusCode ?? 200, body: String(result.body ?? '') };
}

/** Everything of a council's that must never appear in another council's answers. */
const secretsOf = (council: Council) => [
  council.councilId,
  ...council.nominationIds,
  `${council.councilId}-REF-1`,
  `${council.councilId}-REF-2`,
  `${council.councilId}@example.org`,
  `${council.councilId}.example`,
  ...council.eventIds,
  ...council.exportIds,
];

const routeKeys = Object.keys(councilRoutes) as CouncilRouteKey[];

it('has a case for every route in the route list', () => {
  expect(routeKeys.filter((key) => !(key in cases))).toEqual([]);
});

describe.each([
  ['Riverside Council', riverside, northbridge],
  ['Northbridge Council', northbridge, riverside],
])('%s, with a token of its own', (_name, caller, victim) => {
  it.each(routeKeys)(
    '%s: another council’s nominations answer 404, and nothing of theirs leaks',
    async (key) => {
      const tried = cases[key];
      if (tried.kind === 'own-only') {
        const answer = await call(caller.token, key, {}, tried);
        expect(answer.statusCode).toBeLessThan(300);
        for (const secret of secretsOf(victim)) expect(answer.body).not.toContain(secret);
        return;
      }
      if (tried.kind === 'another-councils-record') {
        const ids = tried.param === 'eventId' ? victim.eventIds : victim.exportIds;
        for (const id of ids) {
          const answer = await call(caller.token, key, { [tried.param]: id }, tried);
          expect([key, answer.statusCode]).toEqual([key, 404]);
          for (const secret of secretsOf(victim)) expect(answer.body).not.toContain(secret);
        }
        // And no delivery of the victim's was made due again.
        for (const id of victim.eventIds)
          expect((await deps.councilEvents.get(victim.councilId, id))?.delivery?.status).toBe('delivered');
        return;
      }
      for (const nominationId of victim.nominationIds) {
        const answer = await call(caller.token, key, { nominationId }, tried);
        expect([key, answer.statusCode]).toEqual([key, 404]);
        for (const secret of secretsOf(victim)) expect(answer.body).not.toContain(secret);
      }
      // And nothing of the victim's changed.
      for (const nominationId of victim.nominationIds) {
        expect((await deps.nominations.get(nominationId))?.withdrawal).toBeUndefined();
      }
    },
  );

  it.each(routeKeys.filter((key) => councilRoutes[key].scope !== null))(
    '%s: a token without the route’s scope is a 403 naming it',
    async (key) => {
      const tried = cases[key];
      const params =
        tried.kind === 'another-councils-nomination'
          ? { nominationId: caller.nominationIds[0] ?? '' }
          : tried.kind === 'another-councils-record'
            ? { [tried.param]: (tried.param === 'eventId' ? caller.eventIds : caller.exportIds)[0] ?? '' }
            : {};
      const answer = await call(caller.unscopedToken, key, params, tried);
      expect(answer.statusCode).toBe(403);
      expect(answer.body).toContain(`doorstep/${councilRoutes[key].scope}`);
    },
  );
});

it('lets each council read and withdraw its own, so the 404s above are not the routes failing', async () => {
  const [own] = riverside.nominationIds;
  const read = await call(riverside.token, 'GET /v1/nominations/{nominationId}', { nominationId: own ?? '' });
  expect(read.statusCode).toBe(200);
  const withdrawn = await call(
    riverside.token,
    'POST /v1/nominations/{nominationId}/withdraw',
    { nominationId: own ?? '' },
    { body: {} },
  );
  expect(withdrawn.statusCode).toBe(200);
  expect(JSON.parse(withdrawn.body)).toMatchObject({ status: 'withdrawn' });
});

it('lets each council replay its own events and read its own export, so the 404s above are not the routes failing', async () => {
  const replayed = await call(riverside.token, 'POST /v1/events/{eventId}/replay', {
    eventId: riverside.eventIds[0] ?? '',
  });
  expect(replayed.statusCode).toBe(202);
  expect(JSON.parse(replayed.body)).toMatchObject({ status: 'pending', attempts: 0 });
  const exported = await call(riverside.token, 'GET /v1/exports/{exportId}', {
    exportId: riverside.exportIds[0] ?? '',
  });
  expect(exported.statusCode).toBe(200);
  expect(JSON.parse(exported.body)).toMatchObject({ status: 'done', rows: 2, download: expect.any(Object) });
  const events = await call(riverside.token, 'GET /v1/events', {}, { query: { limit: '10' } });
  expect(JSON.parse(events.body).events.map((event: { id: string }) => event.id)).toEqual(riverside.eventIds);
});
