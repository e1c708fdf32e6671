import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { SIGN_IN } from '../../../shared/services/sessions';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/** Signing in through the JSON API with a code texted to a UK mobile (issue 9), as with an email. */

const phone = '+447700900982';

async function call(api: ReturnType<typeof createHandler>, event: APIGatewayProxyEventV2) {
  const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
  return {
    status: response.statusCode,
    cookies: response.cookies,
    body: response.body ? JSON.parse(response.body) : undefined,
  };
}

const post = (path: string, body: unknown) =>
  anHttpEvent({ method: 'POST', path, routeKey: `POST ${path}`, body: JSON.stringify(body) });

const codeTexted = (deps: MemoryDeps) => /\b(\d{6})\b/.exec(deps.messaging.to(phone).at(-1) ?? '')?.[1] ?? '';

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('POST /v1/sessions/code and /v1/sessions with a phone', () => {
  it('texts a code to the mobile and signs in with it', async () => {
    const deps = memoryDeps();
    const api = createHandler(() => deps);

    const asked = await call(api, post('/v1/sessions/code', { phone: '07700 900982' }));
    const signedIn = await call(api, post('/v1/sessions', { phone: '07700 900982', code: codeTexted(deps) }));

    expect(asked).toMatchObject({ status: 202, body: { expiresInSeconds: SIGN_IN.codeLifetimeSeconds } });
    expect(signedIn.status).toBe(201);
    expect(signedIn.cookies?.[0]).toMatch(/^doorstep_session=/);
    expect(deps.notifier.sent).toEqual([]);
  });

  it('answers 400 naming the field for a number that is not a UK mobile, and texts nothing', async () => {
    const deps = memoryDeps();
    const api = createHandler(() => deps);

    const response = await call(api, post('/v1/sessions/code', { phone: '020 7946 0000' }));

    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'phone', problem: 'Enter a UK mobile number, like 07700 900982' },
    ]);
    expect(deps.messaging.sent).toEqual([]);
  });

  it('answers 401 to a wrong code and 429 after 5 codes in an hour', async () => {
    const deps = memoryDeps();
    const api = createHandler(() => deps);
    for (let sent = 0; sent < SIGN_IN.codeRequestsPerHour; sent++) {
      await call(api, post('/v1/sessions/code', { phone }));
    }
    const wrong = codeTexted(deps) === '000000' ? '111111' : '000000';

    const refused = await call(api, post('/v1/sessions', { phone, code: wrong }));
    const limited = await call(api, post('/v1/sessions/code', { phone }));

    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/newest text/);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/codes to this number in the last hour/);
  });
});
