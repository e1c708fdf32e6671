import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { issueKeys } from '../../../shared/services/keys';
import { aLetting } from '../../fixtures/lettings';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

async function call(api: ReturnType<typeof createHandler>, event: APIGatewayProxyEventV2) {
  const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, headers: response.headers ?? {}, text: response.body ?? '' };
}

/** Signs in through the API with a one-time code, as a browser would: the session cookie and its subject. */
async function signIn(deps: MemoryDeps, api: ReturnType<typeof createHandler>, email: string) {
  await call(
    api,
    anHttpEvent({
      method: 'POST',
      path: '/v1/sessions/code',
      routeKey: 'POST /v1/sessions/code',
      body: JSON.stringify({ email }),
    }),
  );
  const code = deps.notifier.sent.at(-1)?.values.code;
  const response = (await api(
    anHttpEvent({
      method: 'POST',
      path: '/v1/sessions',
      routeKey: 'POST /v1/sessions',
      body: JSON.stringify({ email, code }),
    }),
    aLambdaContext('doorstep-api'),
  )) as APIGatewayProxyStructuredResultV2;
  const cookie = response.cookies?.[0]?.split(';')[0];
  const session = [...deps.sessions.sessions.values()].find((candidate) => candidate.email === email);
  if (!cookie || !session) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return { cookie, subject: session.subject };
}

const keySvgGet = (applicationId: string, cookie?: string) =>
  anHttpEvent({
    method: 'GET',
    path: `/v1/applications/${applicationId}/key.svg`,
    routeKey: 'GET /v1/applications/{applicationId}/key.svg',
    pathParameters: { applicationId },
    ...(cookie ? { cookies: [cookie] } : {}),
  });

/** Gareth, signed in, whose tenancy is signed and whose key is issued; and the API over it. */
async function aTenantWithAKey() {
  const deps = memoryDeps();
  const api = createHandler(() => deps);
  const gareth = await signIn(deps, api, 'gareth.pritchard@example.org');
  const { applicationId, offerId } = await aLetting(deps, { ownerId: gareth.subject });
  await issueKeys(deps, { applicationId, offerId });
  return { deps, api, gareth, applicationId };
}

beforeEach(() => {
  // Powertools writes its JSON logs to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('GET /v1/keys/jwks.json', () => {
  it('publishes the public keys that verify digital keys, to anyone, cacheable, with no private member', async () => {
    // Prepare
    const deps = memoryDeps();
    const api = createHandler(() => deps);

    // Act
    const response = await call(
      api,
      anHttpEvent({ method: 'GET', path: '/v1/keys/jwks.json', routeKey: 'GET /v1/keys/jwks.json' }),
    );

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/jwk-set+json');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const body = JSON.parse(response.text);
    expect(body).toEqual({
      keys: [
        {
          kty: 'EC',
          crv: 'P-256',
          x: expect.any(String),
          y: expect.any(String),
          kid: expect.stringMatching(/^[\w-]{43}$/),
          alg: 'ES256',
          use: 'sig',
        },
      ],
    });
    expect(body).toEqual(await deps.keyIssuer.jwks());
  });
});

describe('GET /v1/applications/{applicationId}/key.svg', () => {
  it('shows the tenant their key as an SVG QR code that is never cached', async () => {
    // Prepare
    const { api, gareth, applicationId } = await aTenantWithAKey();

    // Act
    const response = await call(api, keySvgGet(applicationId, gareth.cookie));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    });
    expect(response.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>\s*$/s);
  });

  it('answers 404 to another applicant, exactly like a missing application', async () => {
    // Prepare
    const { deps, api, applicationId } = await aTenantWithAKey();
    const neighbour = await signIn(deps, api, 'sian.next-door@example.org');

    // Act
    const theirs = await call(api, keySvgGet(applicationId, neighbour.cookie));
    const missing = await call(api, keySvgGet('app_ffffffffffffffffffffffffffffffff', neighbour.cookie));

    // Assess
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(missing.text);
    expect(theirs.text).not.toContain('<svg');
  });

  it('answers 401 without a session', async () => {
    // Prepare
    const { api, applicationId } = await aTenantWithAKey();

    // Act
    const response = await call(api, keySvgGet(applicationId));

    // Assess
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('<svg');
  });
});
