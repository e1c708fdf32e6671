import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import type { HouseholdMember } from '../../../shared/domain/application';
import { registration } from '../../../shared/services/application-stages';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { aCompleteApplication, household } from '../../fixtures/applications';
import { anHttpEvent, type Claims } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
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
const owain: HouseholdMember = {
  memberId: 'm5',
  relationship: 'child',
  firstName: 'Owain',
  lastName: 'Pritchard',
  dateOfBirth: '2026-11-01',
  sex: 'male',
  unborn: false,
  needsOwnRoomForDisability: false,
};

/** Gareth, signed in, on Riverside's register (band B, two bedrooms), and the API over it. */
async function aRegisteredHousehold() {
  const deps: MemoryDeps = memoryDeps();
  const email = 'gareth.pritchard@example.org';
  await requestCode(deps, { email });
  const { token, subject } = await verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  await deps.applications.create(aCompleteApplication({ ownerId: subject }));
  await registration(deps, { applicationId });
  return { deps, token, api: createHandler(() => deps) };
}

async function call(
  api: ReturnType<typeof createHandler>,
  event: Parameters<ReturnType<typeof createHandler>>[0],
) {
  const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
}

const anOverride = (body: unknown, claims: Claims = riversideOfficer) =>
  anHttpEvent({
    method: 'POST',
    path: `/v1/officer/applications/${applicationId}/override`,
    routeKey: 'POST /v1/officer/applications/{applicationId}/override',
    pathParameters: { applicationId },
    claims,
    body: JSON.stringify(body),
  });

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('PUT /v1/applications/{applicationId}/profile/household after registration', () => {
  it('re-assesses at once and answers with what changed', async () => {
    // Prepare
    const { deps, token, api } = await aRegisteredHousehold();

    // Act
    const response = await call(
      api,
      anHttpEvent({
        method: 'PUT',
        path: `/v1/applications/${applicationId}/profile/household`,
        routeKey: 'PUT /v1/applications/{applicationId}/profile/{section}',
        pathParameters: { applicationId, section: 'household' },
        cookies: [`doorstep_session=${token}`],
        body: JSON.stringify([...household('coupleWithTwoGirls'), owain]),
      }),
    );

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.reassessment).toEqual({ outcome: 'registered', matching: 'no-home' });
    expect((await deps.applications.get(applicationId))?.registration?.bedroomNeed).toBe(3);
  });
});

describe('POST /v1/officer/applications/{applicationId}/override', () => {
  it('changes the band with the officer’s reason', async () => {
    const { deps, api } = await aRegisteredHousehold();
    const response = await call(api, anOverride({ kind: 'band', band: 'A', reason: 'Urgent medical need.' }));
    expect(response).toEqual({ status: 200, body: { applicationId, outcome: 'overridden' } });
    expect((await deps.applications.get(applicationId))?.registration?.band).toBe('A');
  });

  it('answers 400 without a reason, naming the field', async () => {
    const { api } = await aRegisteredHousehold();
    const response = await call(api, anOverride({ kind: 'band', band: 'A' }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('reason');
  });

  it('answers another landlord’s officer 404, like a missing application', async () => {
    const { api } = await aRegisteredHousehold();
    const response = await call(api, anOverride({ kind: 'band', band: 'A', reason: 'Urgent.' }, cwmOfficer));
    expect(response.status).toBe(404);
  });

  it('answers 409 when nothing waits for an officer to let through', async () => {
    const { api } = await aRegisteredHousehold();
    const response = await call(api, anOverride({ kind: 'proceed', reason: 'Fine.' }));
    expect(response.status).toBe(409);
  });
});
