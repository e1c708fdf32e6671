import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { aHome } from '../../fixtures/applications';
import { anHttpEvent, type Claims, cwmOfficer, riversideOfficer } from '../../support/http-events';
import { memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

function aShortlistGet(claims?: Claims, propertyId = 'prop_riverside-14') {
  return anHttpEvent({
    method: 'GET',
    path: `/v1/officer/properties/${propertyId}/shortlist`,
    routeKey: 'GET /v1/officer/properties/{propertyId}/shortlist',
    pathParameters: { propertyId },
    ...(claims ? { claims } : {}),
  });
}

async function anApi() {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putHome(aHome({ bedrooms: 2, petsAllowed: false }));
  const entry = {
    landlordId: 'riverside-homes',
    effectiveDate: '2025-01-10',
    householdSize: 2,
    bedroomNeed: 1,
  };
  await deps.applications.putRegistered({ ...entry, applicationId: 'app_000000000000000a', band: 'B' });
  await deps.applications.putRegistered({
    ...entry,
    applicationId: 'app_000000000000000b',
    band: 'A',
    bedroomNeed: 3,
  });
  const api = createHandler(() => deps);
  return async (event: ReturnType<typeof aShortlistGet>) => {
    const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
    return {
      status: response.statusCode,
      text: response.body ?? '',
      body: JSON.parse(response.body ?? 'null'),
    };
  };
}

describe('GET /v1/officer/properties/{propertyId}/shortlist', () => {
  it('answers the officer’s own landlord’s shortlist, with each skipped household’s reasons', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const response = await call(aShortlistGet(riversideOfficer));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      propertyId: 'prop_riverside-14',
      on: '2026-11-29',
      shortlist: [{ position: 1, applicationId: 'app_000000000000000a', band: 'B' }],
      skipped: [{ applicationId: 'app_000000000000000b', reasons: [{ rule: 'shortlist.bedrooms' }] }],
    });
  });

  it('answers 404 to another landlord’s officer and for a home that does not exist', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const another = await call(aShortlistGet(cwmOfficer));
    const missing = await call(aShortlistGet(riversideOfficer, 'prop_nowhere'));

    // Assess
    expect(another.status).toBe(404);
    expect(another.text).not.toContain('app_');
    expect(missing.status).toBe(404);
  });

  it('answers 401 without officer claims and 403 without an officer role', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const anonymous = await call(aShortlistGet());
    const noRole = await call(aShortlistGet({ ...riversideOfficer, 'cognito:groups': '[tenant]' }));

    // Assess
    expect(anonymous.status).toBe(401);
    expect(noRole.status).toBe(403);
    expect(noRole.text).not.toContain('app_');
  });
});
