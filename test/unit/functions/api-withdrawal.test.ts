import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import type { Application } from '../../../shared/domain/application';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { aCompleteApplication } from '../../fixtures/applications';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/**
 * POST /v1/applications/{applicationId}/withdraw and PUT .../contact-safety (issue 9) through the API handler:
 * the same answer for a repeated withdrawal, a 409 with the reason when there is nothing to withdraw or when a
 * withdrawn application is answered again, and a 400 naming the field for a bad body.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function aSignedInApplicant(change: Partial<Application> = {}) {
  const deps: MemoryDeps = memoryDeps();
  const email = 'gareth.pritchard@example.org';
  await requestCode(deps, { email });
  const { token, subject } = await verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  await deps.applications.create(aCompleteApplication({ ownerId: subject, ...change }));
  const api = createHandler(() => deps);
  const call = async (method: 'GET' | 'POST' | 'PUT', route: string, body: unknown) => {
    const suffix = route ? `/${route}` : '';
    const response = (await api(
      anHttpEvent({
        method,
        path: `/v1/applications/${applicationId}${suffix}`,
        routeKey: `${method} /v1/applications/{applicationId}${route.startsWith('profile/') ? '/profile/{section}' : suffix}`,
        pathParameters: { applicationId, ...(route.startsWith('profile/') ? { section: 'contact' } : {}) },
        cookies: [`doorstep_session=${token}`],
        body: JSON.stringify(body),
      }),
      aLambdaContext('doorstep-api'),
    )) as APIGatewayProxyStructuredResultV2;
    return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
  };
  return { deps, call };
}

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('POST /v1/applications/{applicationId}/withdraw', () => {
  it('withdraws, and answers a repeat the same with created false', async () => {
    // Prepare
    const { call } = await aSignedInApplicant();

    // Act
    const first = await call('POST', 'withdraw', { reason: 'We have found a home' });
    const again = await call('POST', 'withdraw', {});

    // Assess
    expect(first).toEqual({
      status: 200,
      body: { applicationId, status: 'withdrawn', withdrawnAt: '2026-11-02T09:30:00.000Z', created: true },
    });
    expect(again).toEqual({ status: 200, body: { ...first.body, created: false } });
    const view = await call('GET', '', undefined);
    expect(view.body).toMatchObject({
      status: 'closed',
      withdrawal: {
        withdrawnAt: '2026-11-02T09:30:00.000Z',
        stage: 'Eligibility',
        reason: 'We have found a home',
      },
    });
  });

  it('answers 409 with the reason for a let application', async () => {
    // Prepare
    const { call } = await aSignedInApplicant({ status: 'let' });

    // Act
    const response = await call('POST', 'withdraw', {});

    // Assess
    expect(response.status).toBe(409);
    expect(JSON.stringify(response.body)).toContain('The home is let to you');
  });

  it('answers 400 for a reason that is too long, withdrawing nothing', async () => {
    // Prepare
    const { deps, call } = await aSignedInApplicant();

    // Act
    const response = await call('POST', 'withdraw', { reason: 'x'.repeat(501) });

    // Assess
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('500 characters or fewer');
    expect((await deps.applications.get(applicationId))?.status).toBe('in-progress');
  });

  it('refuses answers to a withdrawn application with 409 and the reason', async () => {
    // Prepare
    const { call } = await aSignedInApplicant();
    await call('POST', 'withdraw', {});

    // Act
    const response = await call('PUT', 'profile/contact', { email: 'new@example.org' });

    // Assess
    expect(response.status).toBe(409);
    expect(JSON.stringify(response.body)).toContain('You withdrew this application');
  });
});

describe('PUT /v1/applications/{applicationId}/contact-safety', () => {
  it('stores the preferences and answers them', async () => {
    // Prepare
    const { call } = await aSignedInApplicant();

    // Act
    const response = await call('PUT', 'contact-safety', {
      safe: ['text'],
      textTimes: ['evening'],
      letters: 'not-safe',
      voicemail: false,
    });

    // Assess
    expect(response).toEqual({
      status: 200,
      body: {
        applicationId,
        contactSafety: {
          safe: ['text'],
          textTimes: ['evening'],
          letters: 'not-safe',
          voicemail: false,
          updatedAt: '2026-11-02T09:30:00.000Z',
        },
      },
    });
  });

  it('answers 400 naming what is missing', async () => {
    // Prepare
    const { call } = await aSignedInApplicant();

    // Act
    const response = await call('PUT', 'contact-safety', { safe: ['pigeon'] });

    // Assess
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('Say whether we can post letters to your address');
  });
});
