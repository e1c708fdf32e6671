import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import type { HouseholdMember } from '../../../shared/domain/application';
import { registration } from '../../../shared/services/application-stages';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { aCompleteApplication, household } from '../../fixtures/applications';
import { anHttpEvent, type Claims, cwmOfficer, riversideOfficer } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
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

/** Overrides are a senior officer's (shared/services/overrides.ts). */
const riversideSenior: Claims = { ...riversideOfficer, 'cognito:groups': '[officer senior-officer]' };
const anOverride = (body: unknown, claims: Claims = riversideSenior) =>
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

describe('POST /v1/officer/applications/{applicationId}/reviews/{decision}', () => {
  /** Gareth asked for a review of his band the day he was registered. */
  async function aReviewAskedFor() {
    const registered = await aRegisteredHousehold();
    const application = await registered.deps.applications.get(applicationId);
    if (!application) throw new Error('missing');
    const decision = application.decisions.length - 1;
    await registered.deps.applications.save({
      ...application,
      reviewRequests: [
        { decision, reason: 'My son’s asthma is worse.', requestedAt: '2026-11-02T09:30:00.000Z' },
      ],
    });
    return { ...registered, decision };
  }
  const aReviewDecision = (decision: number | string, body: unknown, claims: Claims = riversideOfficer) =>
    anHttpEvent({
      method: 'POST',
      path: `/v1/officer/applications/${applicationId}/reviews/${decision}`,
      routeKey: 'POST /v1/officer/applications/{applicationId}/reviews/{decision}',
      pathParameters: { applicationId, decision: String(decision) },
      claims,
      body: JSON.stringify(body),
    });

  it('records that the review changed the band, once the officer has changed it', async () => {
    const { api, decision } = await aReviewAskedFor();
    await call(api, anOverride({ kind: 'band', band: 'A', reason: 'Urgent medical need.' }));

    const response = await call(
      api,
      aReviewDecision(decision, { result: 'changed', reason: 'The medical evidence shows an urgent need.' }),
    );

    expect(response.status).toBe(200);
    expect(response.body.outcome).toMatchObject({ result: 'changed', decidedBy: 'officer-ellis' });
  });

  it('answers 409 for “changed” before any new decision, and for a second, different answer', async () => {
    const { api, decision } = await aReviewAskedFor();

    const early = await call(api, aReviewDecision(decision, { result: 'changed', reason: 'Changed.' }));
    await call(api, aReviewDecision(decision, { result: 'upheld', reason: 'Band B is right.' }));
    const different = await call(
      api,
      aReviewDecision(decision, { result: 'upheld', reason: 'Other words.' }),
    );

    expect(early.status).toBe(409);
    expect(different.status).toBe(409);
  });

  it('answers 400 naming the fields, 404 to another landlord’s officer, and 404 for a decision not asked about', async () => {
    const { api, decision } = await aReviewAskedFor();

    const bad = await call(api, aReviewDecision(decision, { result: 'perhaps' }));
    const otherLandlord = await call(
      api,
      aReviewDecision(decision, { result: 'upheld', reason: 'Stands.' }, cwmOfficer),
    );
    const notAsked = await call(api, aReviewDecision(decision + 1, { result: 'upheld', reason: 'Stands.' }));
    const notANumber = await call(api, aReviewDecision('first', { result: 'upheld', reason: 'Stands.' }));

    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'reason',
      'result',
    ]);
    expect([otherLandlord.status, notAsked.status, notANumber.status]).toEqual([404, 404, 404]);
  });
});
