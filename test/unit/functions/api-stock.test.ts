import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { aHome } from '../../fixtures/applications';
import { anHttpEvent, type Claims } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const riversideOfficer: Claims = {
  sub: 'officer-ellis',
  'custom:landlordId': 'riverside-homes',
  'cognito:groups': '[officer]',
};
const cwmOfficer: Claims = {
  ...riversideOfficer,
  sub: 'officer-jones',
  'custom:landlordId': 'cwm-valley-homes',
};

/** Two bedrooms, a service charge, sheltered, step-free, first floor, for over-55s. */
const orchardHouse = {
  address: 'Flat 4, Orchard House, Riverside',
  postcode: 'RV3 9LQ',
  bedrooms: 2,
  bedSpaces: 3,
  weeklyRent: 10_500,
  weeklyServiceCharge: 1_875,
  tenure: 'sheltered',
  accessibility: ['step-free'],
  floor: 1,
  petsAllowed: false,
  localLettings: { minimumAge: 55 },
  availableFrom: '2026-12-14',
};

const list = (claims?: Claims) =>
  anHttpEvent({
    method: 'GET',
    path: '/v1/officer/properties',
    routeKey: 'GET /v1/officer/properties',
    ...(claims ? { claims } : {}),
  });
const add = (claims: Claims, body: unknown) =>
  anHttpEvent({
    method: 'POST',
    path: '/v1/officer/properties',
    routeKey: 'POST /v1/officer/properties',
    claims,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const change = (claims: Claims, propertyId: string, body: unknown) =>
  anHttpEvent({
    method: 'PUT',
    path: `/v1/officer/properties/${propertyId}`,
    routeKey: 'PUT /v1/officer/properties/{propertyId}',
    pathParameters: { propertyId },
    claims,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function anApi(): Promise<{
  deps: MemoryDeps;
  call: (event: ReturnType<typeof list>) => Promise<Answer>;
}> {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putHome(aHome({ status: 'offered' }));
  await deps.lettings.putHome(aHome({ propertyId: 'prop_cwm-1', landlordId: 'cwm-valley-homes' }));
  const api = createHandler(() => deps);
  return {
    deps,
    call: async (event) => {
      const response = (await api(
        event,
        aLambdaContext('doorstep-api'),
      )) as APIGatewayProxyStructuredResultV2;
      return { status: response.statusCode ?? 0, body: JSON.parse(response.body ?? 'null') };
    },
  };
}
interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, checked by each expectation
  body: any;
}

describe('the officer stock API', () => {
  it('adds a home for the officer’s landlord, lists it with the others in every status, and changes it', async () => {
    // Prepare
    const { deps, call } = await anApi();

    // Act
    const added = await call(add(riversideOfficer, orchardHouse));
    const propertyId: string = added.body.propertyId;
    const changed = await call(change(riversideOfficer, propertyId, { ...orchardHouse, weeklyRent: 10_750 }));
    const listed = await call(list(riversideOfficer));

    // Assess
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...orchardHouse, landlordId: 'riverside-homes', status: 'available' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ propertyId, weeklyRent: 10_750, status: 'available' });
    expect(listed.status).toBe(200);
    expect(listed.body.properties.map((home: { propertyId: string }) => home.propertyId)).toEqual([
      'prop_riverside-14',
      propertyId,
    ]);
    expect(deps.audit.events.map((event) => [event.type, event.facts?.officerId])).toEqual([
      ['home-added', 'officer-ellis'],
      ['home-changed', 'officer-ellis'],
    ]);
  });

  it('answers 400 with the reason for malformed JSON, an unknown field and a negative rent', async () => {
    // Prepare
    const { deps, call } = await anApi();

    // Act
    const malformed = await call(add(riversideOfficer, '{"address": "1 Mill Lane",'));
    const unknown = await call(add(riversideOfficer, { ...orchardHouse, status: 'let' }));
    const negative = await call(
      change(riversideOfficer, 'prop_riverside-14', { ...orchardHouse, weeklyRent: -5 }),
    );

    // Assess
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/^The body is not valid JSON: .+/);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      { field: '(body)', problem: "Unknown field status: a home's id, landlord and status are not set here" },
    ]);
    expect(negative.status).toBe(400);
    expect(negative.body.fields).toEqual([
      { field: 'weeklyRent', problem: 'The weekly rent cannot be negative' },
    ]);
    expect(await deps.lettings.listHomes('riverside-homes')).toEqual([aHome({ status: 'offered' })]);
    expect(deps.audit.events).toEqual([]);
  });

  it('answers 404 for another landlord’s home, and lists only the officer’s own', async () => {
    // Prepare
    const { deps, call } = await anApi();

    // Act
    const another = await call(change(riversideOfficer, 'prop_cwm-1', orchardHouse));
    const missing = await call(change(riversideOfficer, 'prop_nowhere', orchardHouse));
    const cwm = await call(list(cwmOfficer));

    // Assess
    expect(another).toEqual({ status: 404, body: { error: 'Not found' } });
    expect(missing).toEqual({ status: 404, body: { error: 'Not found' } });
    expect(cwm.body.properties).toEqual([
      aHome({ propertyId: 'prop_cwm-1', landlordId: 'cwm-valley-homes' }),
    ]);
    expect((await deps.lettings.getHome('prop_cwm-1'))?.address).toBe(aHome().address);
  });

  it('answers 401 without an officer’s token', async () => {
    // Prepare
    const { call } = await anApi();

    // Act
    const response = await call(list());

    // Assess
    expect(response.status).toBe(401);
  });
});
