import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { BRP_REFUSAL } from '../../../shared/domain/immigration-evidence';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { anApplication } from '../../fixtures/applications';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';

/** Amira, signed in, with an application of her own: she has limited leave to remain. */
async function anApplicantWithLimitedLeave() {
  const deps: MemoryDeps = memoryDeps();
  const email = 'amira.haddad@example.org';
  await requestCode(deps, { email });
  const { token, subject } = await verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  await deps.applications.create(
    anApplication({ ownerId: subject, profile: { household: [], immigrationStatus: 'limited-leave' } }),
  );
  return { deps, cookie: `doorstep_session=${token}`, api: createHandler(() => deps) };
}

async function call(
  api: ReturnType<typeof createHandler>,
  event: Parameters<ReturnType<typeof createHandler>>[0],
) {
  const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
}

const evidencePut = (body: unknown, cookie: string) =>
  anHttpEvent({
    method: 'PUT',
    path: `/v1/applications/${applicationId}/profile/immigrationEvidence`,
    routeKey: 'PUT /v1/applications/{applicationId}/profile/{section}',
    pathParameters: { applicationId, section: 'immigrationEvidence' },
    cookies: [cookie],
    body: JSON.stringify(body),
  });

const documentPost = (body: unknown, cookie: string) =>
  anHttpEvent({
    method: 'POST',
    path: `/v1/applications/${applicationId}/documents`,
    routeKey: 'POST /v1/applications/{applicationId}/documents',
    pathParameters: { applicationId },
    cookies: [cookie],
    body: JSON.stringify(body),
  });

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('PUT /v1/applications/{applicationId}/profile/immigrationEvidence', () => {
  it('records a share code and date of birth for an officer’s check, as the service writes the code', async () => {
    // Prepare
    const { deps, cookie, api } = await anApplicantWithLimitedLeave();

    // Act
    const response = await call(
      api,
      evidencePut({ kind: 'share-code', shareCode: 'w12-3ab-c45', dateOfBirth: '1991-06-14' }, cookie),
    );

    // Assess
    expect(response.status).toBe(200);
    expect((await deps.applications.get(applicationId))?.profile.immigrationEvidence).toEqual({
      kind: 'share-code',
      shareCode: 'W123ABC45',
      dateOfBirth: '1991-06-14',
    });
  });

  it('answers 400 to a share code that is not 9 letters and numbers, and writes nothing', async () => {
    // Prepare
    const { deps, cookie, api } = await anApplicantWithLimitedLeave();

    // Act
    const response = await call(
      api,
      evidencePut({ kind: 'share-code', shareCode: 'W12 3AB', dateOfBirth: '1991-06-14' }, cookie),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'shareCode', problem: 'A share code is 9 letters and numbers, like W12 3AB C45' },
    ]);
    expect((await deps.applications.get(applicationId))?.version).toBe(0);
  });

  it('refuses a biometric residence permit with a 400 that says why and what to give instead', async () => {
    // Prepare
    const { deps, cookie, api } = await anApplicantWithLimitedLeave();

    // Act
    const response = await call(api, evidencePut({ kind: 'brp' }, cookie));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field: 'kind', problem: BRP_REFUSAL }]);
    expect((await deps.applications.get(applicationId))?.profile.immigrationEvidence).toBeUndefined();
  });
});

describe('POST /v1/applications/{applicationId}/documents with a biometric residence permit', () => {
  it('refuses it with a 400 that says why, and declares nothing', async () => {
    // Prepare
    const { deps, cookie, api } = await anApplicantWithLimitedLeave();

    // Act
    const response = await call(
      api,
      documentPost({ kind: 'brp', contentType: 'image/jpeg', sizeBytes: 900_000 }, cookie),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field: 'kind', problem: BRP_REFUSAL }]);
    expect((await deps.applications.get(applicationId))?.documents).toEqual([]);
  });
});
