import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { ConsentUse } from '../../../shared/domain/consents';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { writeDataCopy } from '../../../shared/services/your-data-pdf';
import { aCompleteApplication } from '../../fixtures/applications';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { pdfText } from '../../support/pdf-text';
import { aLambdaContext } from './lambda-context';

/**
 * The API's privacy routes (issue 9): consents read and set (a 400 naming the uses for an unknown one), what we
 * hold as JSON, and the PDF copy asked for (202), made by the letters step, then served as an attachment.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function aSignedInApplicant() {
  const deps: MemoryDeps = memoryDeps();
  const email = 'gareth.pritchard@example.org';
  await requestCode(deps, { email });
  const { token, subject } = await verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  await deps.applications.create(aCompleteApplication({ ownerId: subject }));
  const api = createHandler(() => deps);
  const call = async (method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown) =>
    (await api(
      anHttpEvent({
        method,
        path: `/v1/applications/${applicationId}/${route}`,
        routeKey: `${method} /v1/applications/{applicationId}/${route}`,
        pathParameters: { applicationId },
        cookies: [`doorstep_session=${token}`],
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      aLambdaContext('doorstep-api'),
    )) as APIGatewayProxyStructuredResultV2;
  return { deps, call };
}

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('consents on the API', () => {
  it('sets the consents given and lists every use with whether it is given', async () => {
    const { call } = await aSignedInApplicant();

    const set = await call('PUT', 'consents', { given: ['text-messages'] });
    const read = await call('GET', 'consents');

    expect(set.statusCode).toBe(200);
    expect(JSON.parse(set.body ?? '{}').changed).toHaveLength(1);
    const { consents, noticeVersion } = JSON.parse(read.body ?? '{}');
    expect(noticeVersion).toBe('2026-11');
    expect(consents.map((consent: { use: string; given: boolean }) => [consent.use, consent.given])).toEqual(
      ConsentUse.options.map((use) => [use, use === 'text-messages']),
    );
  });

  it('answers an unknown use 400, naming the uses there are', async () => {
    const { call } = await aSignedInApplicant();

    const response = await call('PUT', 'consents', { given: ['sell-my-data'] });

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(ConsentUse.options.join(', '));
  });
});

describe('what we hold on the API', () => {
  it('answers the copy as JSON, to download', async () => {
    const { call } = await aSignedInApplicant();

    const response = await call('GET', 'your-data');

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-disposition']).toBe(
      `attachment; filename="your-data-${applicationId}.json"`,
    );
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({
      format: 'doorstep-your-data/1',
      answers: { contact: { email: 'gareth.pritchard@example.org' } },
    });
  });

  it('makes the PDF copy when asked, and serves it once made', async () => {
    const { deps, call } = await aSignedInApplicant();

    const asked = await call('POST', 'your-data.pdf');
    const notYet = await call('GET', 'your-data.pdf');
    await writeDataCopy(deps, { applicationId });
    const made = await call('GET', 'your-data.pdf');

    expect(asked.statusCode).toBe(202);
    expect(deps.workflow.letters).toHaveLength(1);
    expect(notYet.statusCode).toBe(404);
    expect(made.statusCode).toBe(200);
    expect(made.headers?.['content-type']).toBe('application/pdf');
    expect(made.headers?.['content-disposition']).toBe(
      `attachment; filename="your-data-${applicationId}.pdf"`,
    );
    expect((await pdfText(Buffer.from(made.body ?? '', 'base64'))).text).toContain('What we hold about you');
  });
});
