import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXJldmlldy10b2tlbi1zZWNyZXQ=review-7f3a';

type Claims = Record<string, string>;
const riversideOfficer: Claims = {
  sub: 'officer-ellis',
  'custom:landlordId': 'riverside-homes',
  'cognito:groups': '[officer]',
};
const cwmOfficer: Claims = {
  sub: 'officer-jones',
  'custom:landlordId': 'cwm-valley-homes',
  'cognito:groups': '[officer]',
};

/**
 * An API Gateway HTTP API (payload 2.0) event as the JWT authoriser passes it. @middy/http-router picks the
 * format from `version` and routes on `requestContext.http.method` and `requestContext.http.path`.
 */
function anHttpEvent(input: {
  method: 'GET' | 'POST';
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  claims?: Claims;
  body?: string;
}): APIGatewayProxyEventV2 {
  const requestContext = {
    accountId: '123456789012',
    apiId: 'doorstep1',
    domainName: 'doorstep1.execute-api.eu-west-2.amazonaws.com',
    domainPrefix: 'doorstep1',
    http: {
      method: input.method,
      path: input.path,
      protocol: 'HTTP/1.1',
      sourceIp: '192.0.2.10',
      userAgent: 'jest',
    },
    requestId: 'Jx8kLh2aLPEEMVg=',
    routeKey: input.routeKey,
    stage: '$default',
    time: '02/Nov/2026:09:30:00 +0000',
    timeEpoch: 1_793_611_800_000,
    ...(input.claims ? { authorizer: { jwt: { claims: input.claims, scopes: null } } } : {}),
  };
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'doorstep1.execute-api.eu-west-2.amazonaws.com' },
    requestContext,
    isBase64Encoded: false,
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
  };
}

/** `claims: null` sends the request without an authoriser context. */
function aDecisionPost(decisionId: string, body: string, claims: Claims | null = riversideOfficer) {
  return anHttpEvent({
    method: 'POST',
    path: `/v1/decisions/${decisionId}`,
    routeKey: 'POST /v1/decisions/{decisionId}',
    pathParameters: { decisionId },
    body,
    ...(claims ? { claims } : {}),
  });
}

function aCaseGet(claims: Claims = riversideOfficer) {
  return anHttpEvent({
    method: 'GET',
    path: `/v1/officer/applications/${applicationId}`,
    routeKey: 'GET /v1/officer/applications/{applicationId}',
    pathParameters: { applicationId },
    claims,
  });
}

/** An application waiting for an officer's review, and the API over it. */
async function anOfficerReview(): Promise<{
  deps: MemoryDeps;
  decisionId: string;
  api: ReturnType<typeof createHandler>;
}> {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication());
  const { decisionId } = await awaitPerson(deps, {
    applicationId,
    stage: Stage.Verification,
    kind: 'review',
    waitingFor: WaitingFor.Officer,
    taskToken,
  });
  return { deps, decisionId, api: createHandler(() => deps) };
}

async function call(api: ReturnType<typeof createHandler>, event: APIGatewayProxyEventV2) {
  const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
  return {
    status: response.statusCode,
    text: response.body ?? '',
    body: JSON.parse(response.body ?? 'null'),
  };
}

/** What a rejected request must leave behind: the wait still open, the workflow not resumed. */
function expectNothingWritten(deps: MemoryDeps, decisionId: string) {
  expect(deps.waits.items.get(decisionId)?.status).toBe('open');
  expect(deps.workflow.resumed).toEqual([]);
  expect(deps.audit.events.filter((event) => event.type === 'decided')).toEqual([]);
}

beforeEach(() => {
  // Powertools writes its JSON logs to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('POST /v1/decisions/{decisionId}', () => {
  it('records the officer’s decision and resumes the workflow', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    const body = JSON.stringify({ decision: 'proceed', reason: 'Checked the passport in person' });

    // Act
    const response = await call(api, aDecisionPost(decisionId, body));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      decisionId,
      decision: { decision: 'proceed', reason: 'Checked the passport in person' },
    });
    expect(deps.workflow.resumed).toEqual([
      {
        taskToken,
        output: { decision: 'proceed', reason: 'Checked the passport in person', decidedBy: 'officer' },
      },
    ]);
    expect(deps.waits.items.get(decisionId)?.status).toBe('decided');
    expect(response.text).not.toContain(taskToken);
  });

  it('answers 400 with the parser’s reason for malformed JSON', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();

    // Act
    const response = await call(api, aDecisionPost(decisionId, '{"decision": "proceed",'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^The body is not valid JSON: .+/);
    expectNothingWritten(deps, decisionId);
  });

  it('answers 400 listing each field that breaks the schema', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();

    // Act
    const response = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'maybe', reason: 'ok' })),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('The request is not valid');
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'decision',
      'reason',
    ]);
    expect(response.body.fields).toContainEqual({
      field: 'reason',
      problem: 'Give a reason of at least 3 characters',
    });
    expectNothingWritten(deps, decisionId);
  });

  it('answers 401 when the request carries no officer claims', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();

    // Act
    const response = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'proceed', reason: 'Fine' }), null),
    );

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'Sign in as an officer to do this' });
    expectNothingWritten(deps, decisionId);
  });

  it('answers 403 when the signed-in user has no officer role', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    const event = aDecisionPost(decisionId, JSON.stringify({ decision: 'proceed', reason: 'Fine' }), {
      ...riversideOfficer,
      'cognito:groups': '[tenants]',
    });

    // Act
    const response = await call(api, event);

    // Assess
    expect(response.status).toBe(403);
    expectNothingWritten(deps, decisionId);
  });

  it('reads both roles from the groups claim, so a senior officer can answer a senior officer’s wait', async () => {
    // Prepare
    const { deps, api } = await anOfficerReview();
    const attentionToken = `${taskToken}-attention`;
    const { decisionId } = await awaitPerson(deps, {
      applicationId,
      stage: Stage.Verification,
      kind: 'attention',
      waitingFor: WaitingFor.SeniorOfficer,
      taskToken: attentionToken,
    });
    const body = JSON.stringify({ decision: 'retry', reason: 'The reader is back' });
    const asOfficer = await call(api, aDecisionPost(decisionId, body));

    // Act
    const asSenior = await call(
      api,
      aDecisionPost(decisionId, body, { ...riversideOfficer, 'cognito:groups': '[officer senior-officer]' }),
    );

    // Assess
    expect(asOfficer.status).toBe(403);
    expect(asSenior.status).toBe(200);
    expect(deps.workflow.resumed).toEqual([
      {
        taskToken: attentionToken,
        output: { decision: 'retry', reason: 'The reader is back', decidedBy: 'officer' },
      },
    ]);
  });

  it('answers 404 for a decision of another landlord', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();

    // Act
    const response = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'close', reason: 'No' }), cwmOfficer),
    );

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'Not found' });
    expectNothingWritten(deps, decisionId);
  });

  it('answers 409 to a different decision on a decided wait', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'proceed', reason: 'Checked in person' })),
    );

    // Act
    const response = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'close', reason: 'Changed my mind' })),
    );

    // Assess
    expect(response.status).toBe(409);
    expect(deps.workflow.resumed).toHaveLength(1);
  });

  it('answers 500 without internals when the workflow cannot be resumed, and leaves the wait open', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    deps.workflow.failNext = true;

    // Act
    const response = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'proceed', reason: 'Checked' })),
    );

    // Assess
    expect(response.status).toBe(500);
    expect(response.text).not.toContain('Throttling');
    expectNothingWritten(deps, decisionId);
  });
});

describe('GET /v1/officer/applications/{applicationId}', () => {
  it('shows a case of the officer’s own landlord without any task token', async () => {
    // Prepare
    const { decisionId, api } = await anOfficerReview();

    // Act
    const response = await call(api, aCaseGet());

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.application.applicationId).toBe(applicationId);
    expect(response.body.waits).toEqual([
      expect.objectContaining({ decisionId, kind: 'review', status: 'open' }),
    ]);
    expect(response.text).not.toContain(taskToken);
    expect(response.text).not.toContain('taskToken');
  });

  it('answers 404 for a case of another landlord', async () => {
    // Prepare
    const { api } = await anOfficerReview();

    // Act
    const response = await call(api, aCaseGet(cwmOfficer));

    // Assess
    expect(response.status).toBe(404);
    expect(response.text).not.toContain(applicationId);
  });
});

describe('routing', () => {
  it('answers 404 for a route the API does not have', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    const event = anHttpEvent({
      method: 'DELETE' as 'GET',
      path: `/v1/decisions/${decisionId}`,
      routeKey: '$default',
      claims: riversideOfficer,
    });

    // Act
    const response = await call(api, event);

    // Assess
    expect(response.status).toBe(404);
    expectNothingWritten(deps, decisionId);
  });

  it('answers 404 for an unknown path', async () => {
    // Prepare
    const { api } = await anOfficerReview();

    // Act
    const response = await call(
      api,
      anHttpEvent({
        method: 'GET',
        path: '/v1/officer/secrets',
        routeKey: '$default',
        claims: riversideOfficer,
      }),
    );

    // Assess
    expect(response.status).toBe(404);
  });
});
