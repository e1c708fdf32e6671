import { type CouncilRouteKey, councilRoutes } from '../../../functions/councils/routes';
import { LOCAL_SESSION_SECRETS } from '../../../shared/config';
import { COUNCIL_SCOPES, type CouncilScope } from '../../../shared/services/council-auth';
import { recordCouncilEvent, registerWebhook } from '../../../shared/services/council-events';
import { runQueuedExports } from '../../../shared/services/council-exports';
import { claimNominations } from '../../../shared/services/nominations';
import { subjectFor } from '../../../shared/services/sessions';
import { ahmedFamily, darrenCole } from '../../fixtures/nominations';
import { aCouncilsApi, type CouncilsApi } from '../../support/councils-api';
import type { MemoryDeps } from '../../support/memory';

/**
 * Broken object-level authorisation (OWASP API1), every route of the councils' API: two councils that both
 * nominate to Riverside Homes, each with a token of its own (real RS256 tokens from the local issuer, verified as
 * in AWS). Each tries every route on the other's nominations: all 404, and no answer carries anything of the
 * other's. A token without the route's scope is a 403 on each. The cases are read from the route list, so a
 * route added without a case here fails this test.
 */

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

let api: CouncilsApi;
let deps: MemoryDeps;
const riverside = { councilId: 'riverside-council' } as Council;
const northbridge = { councilId: 'northbridge-council' } as Council;

beforeAll(async () => {
  api = await aCouncilsApi(new Date('2026-11-02T09:30:00Z'));
  deps = api.deps;
  const token = (council: Council, scopes: CouncilScope[]) => api.tokenFor(council.councilId, scopes);
  for (const council of [riverside, northbridge]) {
    council.token = await token(council, [...COUNCIL_SCOPES]);
    council.unscopedToken = await token(council, []);
  }
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

afterAll(() => api.close());

/** A route of the councils' API called with a council's token (api.call), its path parameters named. */
const call = (
  token: string,
  key: CouncilRouteKey,
  params: Record<string, string>,
  input: { body?: unknown; query?: Record<string, string> } = {},
) =>
  api.call(token, key, {
    params,
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.query ? { query: input.query } : {}),
  });

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
