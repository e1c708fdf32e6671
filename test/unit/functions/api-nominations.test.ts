import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { createNomination } from '../../../shared/services/nominations';
import { requestCode } from '../../../shared/services/sessions';
import { ahmedFamily } from '../../fixtures/nominations';
import { anHttpEvent, riversideOfficer } from '../../support/http-events';
import { memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/**
 * Nominations through the journey API (issue 10): signing in with the address a council's nomination invited
 * takes it up, so the household's application is there with the council's answers; an officer's decision on a
 * nomination is a 400 naming the field for a ground the agreement does not have.
 */

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

async function call(
  api: ReturnType<typeof createHandler>,
  input: Parameters<typeof anHttpEvent>[0],
): Promise<{ status: number | undefined; body: Record<string, unknown>; cookies: string[] }> {
  const response = (await api(
    anHttpEvent(input),
    aLambdaContext('doorstep-api'),
  )) as APIGatewayProxyStructuredResultV2;
  return {
    status: response.statusCode,
    body: JSON.parse(response.body ?? '{}'),
    cookies: response.cookies ?? [],
  };
}

describe('signing in through the API', () => {
  it('takes up the nomination that invited the address, with the council’s answers in the application', async () => {
    // Prepare
    const deps = memoryDeps();
    const api = createHandler(() => deps);
    await createNomination(deps, { councilId: 'riverside-council' }, ahmedFamily);
    const email = 'samira.ahmed@example.org';
    await requestCode(deps, { email });
    const code = deps.notifier.sent.at(-1)?.values.code;

    // Act
    const signedIn = await call(api, {
      method: 'POST',
      path: '/v1/sessions',
      routeKey: 'POST /v1/sessions',
      body: JSON.stringify({ email, code }),
    });
    const session = signedIn.cookies[0]?.split(';')[0] ?? '';
    const listed = await call(api, {
      method: 'GET',
      path: '/v1/applications',
      routeKey: 'GET /v1/applications',
      cookies: [session],
    });

    // Assess
    expect(signedIn.status).toBe(201);
    const [application] = listed.body.applications as Array<{ applicationId: string; landlordId: string }>;
    expect(application?.landlordId).toBe('riverside-homes');
    const view = await call(api, {
      method: 'GET',
      path: `/v1/applications/${application?.applicationId}`,
      routeKey: 'GET /v1/applications/{applicationId}',
      pathParameters: { applicationId: application?.applicationId ?? '' },
      cookies: [session],
    });
    expect(view.body.profile).toMatchObject({
      currentHome: { postcode: 'RV1 4QT', tenure: 'temporary-accommodation' },
      circumstances: { homelessnessDuty: 'main' },
    });
  });
});

describe('POST /v1/officer/nominations/{nominationId}/decision', () => {
  it('answers a ground the agreement does not have with a 400 naming the field, deciding nothing', async () => {
    const deps = memoryDeps();
    const api = createHandler(() => deps);
    const { nominationId } = await createNomination(deps, { councilId: 'riverside-council' }, ahmedFamily);

    const answer = await call(api, {
      method: 'POST',
      path: `/v1/officer/nominations/${nominationId}/decision`,
      routeKey: 'POST /v1/officer/nominations/{nominationId}/decision',
      pathParameters: { nominationId },
      claims: riversideOfficer,
      body: JSON.stringify({ outcome: 'refused', grounds: ['large-family'] }),
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'The request is not valid',
      fields: [{ field: 'grounds', problem: expect.stringContaining('no refusal ground ‘large-family’') }],
    });
    expect((await deps.nominations.get(nominationId))?.decision).toBeUndefined();
  });
});
