import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { agreementKey, signedAgreementKey } from '../../../shared/services/tenancy-documents';
import { recordTenantSignature } from '../../../shared/services/tenant-signature';
import { aCompleteApplication } from '../../fixtures/applications';
import { aPreparedAgreement, signTheAgreement } from '../../fixtures/lettings';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const route = 'GET /v1/applications/{applicationId}/tenancy.pdf';

/** A GET of the tenancy PDF as API Gateway's HTTP API (payload 2.0) passes it, with the session cookie if any. */
function aPdfGet(id: string, token?: string): APIGatewayProxyEventV2 {
  const path = `/v1/applications/${id}/tenancy.pdf`;
  return {
    version: '2.0',
    routeKey: route,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'doorstep1.execute-api.eu-west-2.amazonaws.com', accept: 'application/pdf' },
    ...(token ? { cookies: [`doorstep_session=${token}`] } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'doorstep1',
      domainName: 'doorstep1.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'doorstep1',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'jest' },
      requestId: 'Jx8kLh2aLPEEMVg=',
      routeKey: route,
      stage: '$default',
      time: '02/Nov/2026:09:30:00 +0000',
      timeEpoch: 1_793_611_800_000,
    },
    pathParameters: { applicationId: id },
    isBase64Encoded: false,
  };
}

/** Signs in by one-time code, as the API does, and returns the session token. */
async function signIn(deps: MemoryDeps, email: string) {
  await requestCode(deps, { email });
  const code = deps.notifier.sent.at(-1)?.values.code;
  return verifyCode(deps, { email, code });
}

/** Gareth, signed in, whose application has an offer of Weaver Court and its agreement prepared. */
async function anApplicantWithAnAgreement() {
  const deps = memoryDeps();
  const { token, subject } = await signIn(deps, 'gareth.pritchard@example.org');
  const { offerId, tenancyId } = await aPreparedAgreement(deps, { ownerId: subject });
  return { deps, token, offerId, tenancyId, api: createHandler(() => deps) };
}

async function call(api: ReturnType<typeof createHandler>, event: APIGatewayProxyEventV2) {
  return (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
}

beforeEach(() => {
  // Powertools writes its JSON logs to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('GET /v1/applications/{applicationId}/tenancy.pdf', () => {
  it('answers the agreement as a PDF, base64-encoded for API Gateway, never cached', async () => {
    // Prepare
    const { deps, token, tenancyId, api } = await anApplicantWithAnAgreement();

    // Act
    const response = await call(api, aPdfGet(applicationId, token));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="tenancy-${tenancyId}.pdf"`,
      'cache-control': 'no-store',
    });
    const bytes = Buffer.from(response.body ?? '', 'base64');
    expect(bytes).toEqual(Buffer.from(deps.documents.promoted.get(agreementKey(tenancyId))?.bytes ?? []));
  });

  it('answers the signed and countersigned PDF once the tenant has signed', async () => {
    // Prepare
    const { deps, token, offerId, tenancyId, api } = await anApplicantWithAnAgreement();
    const termsSha256 = deps.lettings.tenancies.get(tenancyId)?.termsSha256 ?? '';
    await signTheAgreement(deps, { applicationId, offerId, termsSha256 });

    // Act
    const response = await call(api, aPdfGet(applicationId, token));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-disposition']).toBe(
      `inline; filename="signed-tenancy-${tenancyId}.pdf"`,
    );
    const bytes = Buffer.from(response.body ?? '', 'base64');
    expect(bytes).toEqual(
      Buffer.from(deps.documents.promoted.get(signedAgreementKey(tenancyId))?.bytes ?? []),
    );
  });

  it('answers the unsigned agreement while the tenant’s signature waits for the signing stage', async () => {
    // Prepare
    const { deps, token, offerId, tenancyId, api } = await anApplicantWithAnAgreement();
    const termsSha256 = deps.lettings.tenancies.get(tenancyId)?.termsSha256 ?? '';
    await recordTenantSignature(deps, { applicationId, offerId, termsSha256 });

    // Act
    const response = await call(api, aPdfGet(applicationId, token));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-disposition']).toBe(`inline; filename="tenancy-${tenancyId}.pdf"`);
    const bytes = Buffer.from(response.body ?? '', 'base64');
    expect(bytes).toEqual(Buffer.from(deps.documents.promoted.get(agreementKey(tenancyId))?.bytes ?? []));
  });

  it('answers 404 to another applicant, exactly like a missing application', async () => {
    // Prepare
    const { deps, api } = await anApplicantWithAnAgreement();
    const { token: someoneElse } = await signIn(deps, 'aisha.khan@example.org');

    // Act
    const theirs = await call(api, aPdfGet(applicationId, someoneElse));
    const missing = await call(api, aPdfGet('app_fedcba9876543210fedcba9876543210', someoneElse));

    // Assess
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(missing.body);
    expect(theirs.headers?.['content-type']).toMatch(/^application\/json/);
  });

  it('answers 404 while the application has no agreement', async () => {
    // Prepare
    const deps = memoryDeps();
    const { token, subject } = await signIn(deps, 'gareth.pritchard@example.org');
    await deps.applications.create(aCompleteApplication({ ownerId: subject }));

    // Act
    const response = await call(
      createHandler(() => deps),
      aPdfGet(applicationId, token),
    );

    // Assess
    expect(response.statusCode).toBe(404);
  });

  it('answers 401 without a session', async () => {
    // Prepare
    const { api } = await anApplicantWithAnAgreement();

    // Act
    const response = await call(api, aPdfGet(applicationId));

    // Assess
    expect(response.statusCode).toBe(401);
  });
});
