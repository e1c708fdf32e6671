import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import type { Application } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { lettingExecutionName } from '../../../shared/services/letting-stages';
import { syncRegister } from '../../../shared/services/register-index';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { anHttpEvent, type Claims, cwmOfficer, riversideOfficer } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const bigFamily = 'app_fedcba9876543210fedcba9876543210';

function anOfferPost(claims: Claims | undefined, body: unknown, propertyId = 'prop_riverside-14') {
  return anHttpEvent({
    method: 'POST',
    path: `/v1/officer/properties/${propertyId}/offers`,
    routeKey: 'POST /v1/officer/properties/{propertyId}/offers',
    pathParameters: { propertyId },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(claims ? { claims } : {}),
  });
}

function registered(applicationId: string, bedroomNeed: number): Application {
  return aCompleteApplication({
    applicationId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed },
  });
}

async function anApi(): Promise<{
  deps: MemoryDeps;
  call: (
    event: ReturnType<typeof anOfferPost>,
  ) => Promise<{ status: number; body: { error?: string } & Record<string, unknown> }>;
}> {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putHome(aHome());
  for (const application of [registered(pritchards, 2), registered(bigFamily, 4)]) {
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
  }
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

describe('POST /v1/officer/properties/{propertyId}/offers', () => {
  it('starts the home’s Letting for a household on its shortlist, and records who asked', async () => {
    const { deps, call } = await anApi();

    const response = await call(anOfferPost(riversideOfficer, { applicationId: pritchards }));

    expect(response.status).toBe(202);
    const execution = lettingExecutionName(pritchards, 'prop_riverside-14');
    expect(response.body).toEqual({ applicationId: pritchards, propertyId: 'prop_riverside-14', execution });
    expect(deps.workflow.lettings).toEqual([
      { applicationId: pritchards, name: execution, propertyId: 'prop_riverside-14' },
    ]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        applicationId: pritchards,
        type: 'direct-offer',
        actor: 'officer',
        facts: { propertyId: 'prop_riverside-14', officerId: 'officer-ellis' },
      }),
    ]);
  });

  it('answers 409 with the rules when the home does not fit the household', async () => {
    const { deps, call } = await anApi();
    const response = await call(anOfferPost(riversideOfficer, { applicationId: bigFamily }));
    expect(response.status).toBe(409);
    expect(response.body.error).toMatch(/does not fit the household: The household needs 4 bedrooms/);
    expect(deps.workflow.lettings).toEqual([]);
  });

  it('answers 409 when the household has an offer in progress, or had this home, or the home is taken', async () => {
    const { deps, call } = await anApi();
    const application = await deps.applications.get(pritchards);
    if (!application) throw new Error('no application');
    const saved = await deps.applications.save({ ...application, status: 'offered' });
    expect((await call(anOfferPost(riversideOfficer, { applicationId: pritchards }))).body.error).toMatch(
      /offer in progress/,
    );

    await deps.applications.save({ ...saved, status: 'registered' });
    await deps.lettings.createOffer({
      offerId: 'off_0000000000000000aaaa',
      applicationId: pritchards,
      propertyId: 'prop_riverside-14',
      landlordId: 'riverside-homes',
      status: 'refused',
      reasons: [],
      createdAt: '2026-11-20T09:00:00.000Z',
    });
    const again = await call(anOfferPost(riversideOfficer, { applicationId: pritchards }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/offered this home already/);

    await deps.lettings.putHome(aHome({ status: 'offered' }));
    const taken = await call(anOfferPost(riversideOfficer, { applicationId: pritchards }));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/not available/);
    expect(deps.workflow.lettings).toEqual([]);
  });

  it('answers 404 for another landlord’s home, a missing home, and a household not on the register', async () => {
    const { deps, call } = await anApi();
    expect((await call(anOfferPost(cwmOfficer, { applicationId: pritchards }))).status).toBe(404);
    expect(
      (await call(anOfferPost(riversideOfficer, { applicationId: pritchards }, 'prop_nowhere'))).status,
    ).toBe(404);
    const stranger = await call(
      anOfferPost(riversideOfficer, { applicationId: 'app_11111111111111111111111111111111' }),
    );
    expect(stranger.status).toBe(404);
    expect(deps.workflow.lettings).toEqual([]);
  });

  it('answers 400 with the reason for a bad body, and 401 without officer claims', async () => {
    const { deps, call } = await anApi();
    const unknownField = await call(anOfferPost(riversideOfficer, { applicationId: pritchards, band: 'A' }));
    expect(unknownField.status).toBe(400);
    const badId = await call(anOfferPost(riversideOfficer, { applicationId: 'pritchards' }));
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('An application id looks like app_');
    expect((await call(anOfferPost(riversideOfficer, '{not json'))).status).toBe(400);
    expect((await call(anOfferPost(undefined, { applicationId: pritchards }))).status).toBe(401);
    expect(deps.workflow.lettings).toEqual([]);
  });
});
