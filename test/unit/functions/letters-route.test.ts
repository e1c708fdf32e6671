import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { Stage } from '../../../shared/domain/stage';
import { qualification } from '../../../shared/services/application-stages';
import { closeCaseAndWriteLetters } from '../../../shared/services/letter-pdf';
import { letterKey } from '../../../shared/services/letters';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const route = 'GET /v1/applications/{applicationId}/letters/{letter}';

/** A GET of a letter as API Gateway's HTTP API (payload 2.0) passes it, with the session cookie if any. */
function aLetterGet(letter: string, token?: string): APIGatewayProxyEventV2 {
  const path = `/v1/applications/${applicationId}/letters/${letter}`;
  return {
    version: '2.0',
    routeKey: route,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'doorstep1.execute-api.eu-west-2.amazonaws.com' },
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
    pathParameters: { applicationId, letter },
    isBase64Encoded: false,
  };
}

async function signIn(deps: MemoryDeps, email: string) {
  await requestCode(deps, { email });
  const code = deps.notifier.sent.at(-1)?.values.code;
  return verifyCode(deps, { email, code });
}

/** Gareth, signed in, referred at Qualification and closed by an officer: one letter, number 1. */
async function gareth() {
  const deps = memoryDeps();
  const { token, subject } = await signIn(deps, 'gareth.pritchard@example.org');
  const application = aCompleteApplication({ ownerId: subject });
  await deps.applications.create({
    ...application,
    profile: { ...application.profile, income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 } },
  });
  await qualification(deps, { applicationId });
  await closeCaseAndWriteLetters(deps, {
    applicationId,
    stage: Stage.Qualification,
    reason: 'Payslips confirm the income.',
  });
  return { deps, token, api: createHandler(() => deps) };
}

async function call(api: ReturnType<typeof createHandler>, event: APIGatewayProxyEventV2) {
  return (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
}

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('GET /v1/applications/{applicationId}/letters/{letter}', () => {
  it('answers the letter as JSON, and says whether its PDF is ready', async () => {
    const { token, api } = await gareth();
    const response = await call(api, aLetterGet('1', token));
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body ?? '{}');
    expect(body).toMatchObject({
      pdf: true,
      letter: { kind: 'closed', review: { clause: 'Housing Act 1996 s166A(9)', withinDays: 21 } },
    });
  });

  it('answers the stored PDF, base64-encoded for API Gateway, never cached', async () => {
    const { deps, token, api } = await gareth();
    const response = await call(api, aLetterGet('1.pdf', token));
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'cache-control': 'no-store',
    });
    expect(Buffer.from(response.body ?? '', 'base64')).toEqual(
      Buffer.from(deps.documents.promoted.get(letterKey(applicationId, 1))?.bytes ?? []),
    );
  });

  it('answers 404 to another applicant, exactly like a letter that does not exist', async () => {
    const { deps, api } = await gareth();
    const { token: someoneElse } = await signIn(deps, 'aisha.khan@example.org');
    const theirs = await call(api, aLetterGet('1.pdf', someoneElse));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.headers?.['content-type']).toMatch(/^application\/json/);
    expect((await call(api, aLetterGet('1', someoneElse))).statusCode).toBe(404);
  });

  it('answers 404 for the referral, which is not a letter, and for a malformed number', async () => {
    const { token, api } = await gareth();
    for (const letter of ['0', '0.pdf', '1.doc', 'x']) {
      expect((await call(api, aLetterGet(letter, token))).statusCode).toBe(404);
    }
  });

  it('answers 401 without a session', async () => {
    const { api } = await gareth();
    expect((await call(api, aLetterGet('1'))).statusCode).toBe(401);
  });
});
