import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { MAX_DOCUMENT_BYTES } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { SIGN_IN } from '../../../shared/services/sessions';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, household } from '../../fixtures/applications';
import { anHttpEvent, type Claims } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXJldmlldy10b2tlbi1zZWNyZXQ=review-7f3a';

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

/** An officer's decision; `claims: null` sends the request without an authoriser context. */
function aDecisionPost(decisionId: string, body: string, claims: Claims | null = riversideOfficer) {
  return anHttpEvent({
    method: 'POST',
    path: `/v1/officer/decisions/${decisionId}`,
    routeKey: 'POST /v1/officer/decisions/{decisionId}',
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
    headers: response.headers ?? {},
    cookies: response.cookies,
    text: response.body ?? '',
    body: response.body ? JSON.parse(response.body) : undefined,
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

describe('POST /v1/officer/decisions/{decisionId}', () => {
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

describe('GET /v1/officer/queue', () => {
  function aQueueGet(claims: Claims = riversideOfficer, query?: Record<string, string>) {
    const event = anHttpEvent({
      method: 'GET',
      path: '/v1/officer/queue',
      routeKey: 'GET /v1/officer/queue',
      claims,
    });
    return query
      ? { ...event, queryStringParameters: query, rawQueryString: new URLSearchParams(query).toString() }
      : event;
  }

  /** The review of anOfficerReview, and an offer to approve due two days later. */
  async function aQueue() {
    const review = await anOfficerReview();
    review.deps.clock.advanceDays(2);
    const { decisionId: approvalId } = await awaitPerson(review.deps, {
      applicationId,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      taskToken: `${taskToken}-approval`,
      offerId: 'off_0123456789abcdef01234567',
    });
    return { ...review, approvalId };
  }

  it('lists the officer’s own landlord’s waits, soonest deadline first, with counts and no task token', async () => {
    // Prepare
    const { decisionId, approvalId, api } = await aQueue();

    // Act
    const response = await call(api, aQueueGet());

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.entries).toEqual([
      expect.objectContaining({
        decisionId,
        applicationId,
        kind: 'review',
        stage: Stage.Verification,
        applicationStage: Stage.Eligibility,
        waitingFor: WaitingFor.Officer,
        status: 'open',
        deadline: '2026-11-12T09:30:00.000Z',
      }),
      expect.objectContaining({
        decisionId: approvalId,
        kind: 'approval',
        deadline: '2026-11-14T09:30:00.000Z',
      }),
    ]);
    expect(response.body.counts).toEqual({
      all: 2,
      approvals: 1,
      documents: 1,
      referrals: 0,
      reviews: 0,
      'near-deadline': 0,
    });
    expect(response.body.page).toEqual({ number: 1, pages: 1, size: 50 });
    expect(response.text).not.toContain(taskToken);
    expect(response.text).not.toContain('taskToken');
  });

  it('shows another landlord’s officer none of these waits', async () => {
    // Prepare
    const { decisionId, approvalId, api } = await aQueue();

    // Act
    const response = await call(api, aQueueGet(cwmOfficer));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      show: 'all',
      entries: [],
      counts: { all: 0, approvals: 0, documents: 0, referrals: 0, reviews: 0, 'near-deadline': 0 },
      reviews: [],
      page: { number: 1, pages: 1, size: 50 },
    });
    expect(response.text).not.toContain(decisionId);
    expect(response.text).not.toContain(approvalId);
    expect(response.text).not.toContain(applicationId);
  });

  it('narrows the list by ?kind=, and answers 400 for a kind it does not know', async () => {
    // Prepare
    const { approvalId, api } = await aQueue();

    // Act
    const approvals = await call(api, aQueueGet(riversideOfficer, { kind: 'approval' }));
    const unknown = await call(api, aQueueGet(riversideOfficer, { kind: 'everything' }));

    // Assess
    expect(approvals.status).toBe(200);
    expect(approvals.body.entries.map((entry: { decisionId: string }) => entry.decisionId)).toEqual([
      approvalId,
    ]);
    expect(approvals.body.counts.documents).toBe(1);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('shows one view with ?show=, counting the whole queue, and answers 400 naming the views for one it does not have', async () => {
    // Prepare
    const { decisionId, approvalId, api } = await aQueue();

    // Act
    const approvals = await call(api, aQueueGet(riversideOfficer, { show: 'approvals' }));
    const documents = await call(api, aQueueGet(riversideOfficer, { show: 'documents' }));
    const referrals = await call(api, aQueueGet(riversideOfficer, { show: 'referrals' }));
    const unknown = await call(api, aQueueGet(riversideOfficer, { show: 'urgent' }));

    // Assess
    expect(approvals.status).toBe(200);
    expect(approvals.body.show).toBe('approvals');
    expect(approvals.body.entries.map((entry: { decisionId: string }) => entry.decisionId)).toEqual([
      approvalId,
    ]);
    expect(documents.body.entries.map((entry: { decisionId: string }) => entry.decisionId)).toEqual([
      decisionId,
    ]);
    expect(referrals.body.entries).toEqual([]);
    expect(referrals.body.counts).toMatchObject({ all: 2, approvals: 1, documents: 1, referrals: 0 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      {
        field: 'show',
        problem: 'Show one of: all, approvals, documents, referrals, reviews, near-deadline',
      },
    ]);
    expect(unknown.text).not.toContain(applicationId);
  });

  it('shows what is due within two days with ?show=near-deadline, as the clock moves', async () => {
    // Prepare
    const { deps, decisionId, api } = await aQueue();
    const before = await call(api, aQueueGet(riversideOfficer, { show: 'near-deadline' }));
    // Now 2026-11-10T09:30Z: the review, due on 2026-11-12 at 09:30, is two days off, so near its deadline.
    deps.clock.advanceDays(6);

    // Act
    const after = await call(api, aQueueGet(riversideOfficer, { show: 'near-deadline' }));

    // Assess
    expect(before.body.entries).toEqual([]);
    expect(after.body.entries.map((entry: { decisionId: string }) => entry.decisionId)).toEqual([decisionId]);
    expect(after.body.counts['near-deadline']).toBe(1);
  });

  it.each(['0', 'two', '1.5'])(
    'answers 400 for a page that is not a whole number from 1 (%s)',
    async (page) => {
      // Prepare
      const { api } = await aQueue();

      // Act
      const response = await call(api, aQueueGet(riversideOfficer, { page }));

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'page' })]);
    },
  );

  it('answers 401 without officer claims and 403 without an officer role', async () => {
    // Prepare
    const { api } = await aQueue();
    const unsigned = anHttpEvent({
      method: 'GET',
      path: '/v1/officer/queue',
      routeKey: 'GET /v1/officer/queue',
    });

    // Act
    const anonymous = await call(api, unsigned);
    const noRole = await call(api, aQueueGet({ ...riversideOfficer, 'cognito:groups': '[tenant]' }));

    // Assess
    expect(anonymous.status).toBe(401);
    expect(noRole.status).toBe(403);
    expect(noRole.text).not.toContain(applicationId);
  });
});

describe('routing', () => {
  it('answers 404 for a route the API does not have', async () => {
    // Prepare
    const { deps, decisionId, api } = await anOfficerReview();
    const event = anHttpEvent({
      method: 'DELETE',
      path: `/v1/officer/decisions/${decisionId}`,
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

// ---------------------------------------------------------------------------------------------------------
// Applicants: sessions by one-time code, their own applications, their own waits.

const email = 'gareth.pritchard@example.org';
const SESSION_COOKIE =
  /^doorstep_session=([A-Za-z0-9_-]{43}); HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=43200$/;

const post = (
  path: string,
  routeKey: string,
  body: unknown,
  extra: Partial<Parameters<typeof anHttpEvent>[0]> = {},
) =>
  anHttpEvent({
    method: 'POST',
    path,
    routeKey,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...extra,
  });

const askForCode = (to: string, extra: Partial<Parameters<typeof anHttpEvent>[0]> = {}) =>
  post('/v1/sessions/code', 'POST /v1/sessions/code', { email: to }, extra);
const sendCode = (to: string, code: string) => post('/v1/sessions', 'POST /v1/sessions', { email: to, code });

/** The code the notifier sent last: the only place a code appears. */
function lastCode(deps: MemoryDeps): string {
  const code = deps.notifier.sent.at(-1)?.values.code;
  if (!code) throw new Error('no code was sent');
  return code;
}

const aWrongCode = (code: string) => (code === '000000' ? '000001' : '000000');

/** Signs in through the API, as a browser would, and returns the cookie to send back. */
async function signIn(deps: MemoryDeps, api: ReturnType<typeof createHandler>, to = email) {
  await call(api, askForCode(to));
  const response = await call(api, sendCode(to, lastCode(deps)));
  const token = SESSION_COOKIE.exec(response.cookies?.[0] ?? '')?.[1];
  if (!token) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return { cookie: `doorstep_session=${token}`, token };
}

function anApplicantApi() {
  const deps = memoryDeps();
  return { deps, api: createHandler(() => deps) };
}

const asApplicant = (cookie: string | undefined) => (cookie ? { cookies: [cookie] } : {});

const startApplicationPost = (cookie: string | undefined, landlordId = 'riverside-homes') =>
  post('/v1/applications', 'POST /v1/applications', { landlordId }, asApplicant(cookie));

const applicationGet = (id: string, cookie: string | undefined) =>
  anHttpEvent({
    method: 'GET',
    path: `/v1/applications/${id}`,
    routeKey: 'GET /v1/applications/{applicationId}',
    pathParameters: { applicationId: id },
    ...asApplicant(cookie),
  });

const profilePut = (id: string, section: string, body: unknown, cookie: string | undefined) =>
  anHttpEvent({
    method: 'PUT',
    path: `/v1/applications/${id}/profile/${section}`,
    routeKey: 'PUT /v1/applications/{applicationId}/profile/{section}',
    pathParameters: { applicationId: id, section },
    body: JSON.stringify(body),
    ...asApplicant(cookie),
  });

const documentPost = (id: string, body: unknown, cookie: string | undefined) =>
  post(`/v1/applications/${id}/documents`, 'POST /v1/applications/{applicationId}/documents', body, {
    pathParameters: { applicationId: id },
    ...asApplicant(cookie),
  });

const applicantDecisionPost = (decisionId: string, body: unknown, cookie: string | undefined) =>
  post(`/v1/decisions/${decisionId}`, 'POST /v1/decisions/{decisionId}', body, {
    pathParameters: { decisionId },
    ...asApplicant(cookie),
  });

/** A signed-in applicant with a started application. */
async function anApplicantWithAnApplication() {
  const { deps, api } = anApplicantApi();
  const { cookie, token } = await signIn(deps, api);
  const started = await call(api, startApplicationPost(cookie));
  const id: string = started.body.applicationId;
  return { deps, api, cookie, token, id };
}

/** A snapshot of everything the services can write, to show a rejected request wrote nothing. */
function everythingStored(deps: MemoryDeps) {
  return JSON.stringify({
    applications: [...deps.applications.items.entries()],
    waits: [...deps.waits.items.entries()],
    audit: deps.audit.events,
    sent: deps.notifier.sent,
    started: deps.workflow.started,
    resumed: deps.workflow.resumed,
    codes: [...deps.sessions.codes.entries()],
    sessions: [...deps.sessions.sessions.entries()],
  });
}

describe('POST /v1/sessions/code', () => {
  it('answers 202 and emails a code, the same answer for any address', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await signIn(deps, api, 'someone.known@example.org');

    // Act
    const known = await call(api, askForCode('someone.known@example.org'));
    const unknown = await call(api, askForCode(email));

    // Assess
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.body).toEqual({
      message: 'If the address can receive email, a code is on its way. It works for 10 minutes.',
      expiresInSeconds: 600,
    });
    expect(deps.notifier.sent.at(-1)).toMatchObject({ to: { email }, template: 'sign-in-code' });
    expect(unknown.text).not.toContain(lastCode(deps));
  });

  it('answers 429 with Retry-After to a sixth request within the hour', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    for (let n = 0; n < SIGN_IN.codeRequestsPerHour; n++) await call(api, askForCode(email));
    deps.clock.advanceSeconds(600);
    const before = everythingStored(deps);

    // Act
    const response = await call(api, askForCode(email));

    // Assess
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('3000');
    expect(response.body).toEqual({
      error: expect.stringMatching(/ask again in 50 minutes/),
      retryAfterSeconds: 3000,
    });
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 400 naming the field for something that is not an email address, and sends nothing', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();

    // Act
    const response = await call(api, askForCode('gareth@'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'email', problem: 'Enter an email address, like name@example.org' },
    ]);
    expect(deps.notifier.sent).toEqual([]);
  });

  it('answers 415 to a body that is not declared as JSON (a cross-site form), and sends nothing', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();

    // Act
    const form = await call(
      api,
      askForCode(email, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    );
    const text = await call(api, askForCode(email, { headers: { 'content-type': 'text/plain' } }));

    // Assess
    expect(form.status).toBe(415);
    expect(text.status).toBe(415);
    expect(form.body.error).toBe('Send the body as JSON, with the header Content-Type: application/json');
    expect(deps.notifier.sent).toEqual([]);
  });

  it('answers 400 with the parser’s reason for malformed JSON', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();

    // Act
    const response = await call(api, post('/v1/sessions/code', 'POST /v1/sessions/code', '{"email":'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^The body is not valid JSON: .+/);
    expect(deps.notifier.sent).toEqual([]);
  });
});

describe('POST /v1/sessions', () => {
  it('answers 201 with an HttpOnly, Secure, SameSite=Strict session cookie for the right code', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await call(api, askForCode(email));

    // Act
    const response = await call(api, sendCode(email, lastCode(deps)));

    // Assess
    expect(response.status).toBe(201);
    expect(response.cookies).toEqual([expect.stringMatching(SESSION_COOKIE)]);
    expect(response.body).toEqual({ signedIn: true, expiresAt: '2026-11-02T21:30:00.000Z' });
    const token = SESSION_COOKIE.exec(response.cookies?.[0] ?? '')?.[1] ?? 'missing';
    expect(response.text).not.toContain(token);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 to a wrong code, saying what to do next, and sets no cookie', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await call(api, askForCode(email));

    // Act
    const response = await call(api, sendCode(email, aWrongCode(lastCode(deps))));

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: 'That code is not right. Check the 6 digits in the newest email we sent you and try again.',
    });
    expect(response.cookies).toBeUndefined();
    expect(deps.sessions.sessions.size).toBe(0);
  });

  it('answers 401 to the right code after five wrong tries: the code is spent', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await call(api, askForCode(email));
    const code = lastCode(deps);
    const answers: Array<number | undefined> = [];
    for (let n = 0; n < SIGN_IN.attemptsPerCode; n++) {
      answers.push((await call(api, sendCode(email, aWrongCode(code)))).status);
    }

    // Act
    const response = await call(api, sendCode(email, code));

    // Assess
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    expect(response.status).toBe(401);
    expect(response.body.error).toMatch(/Ask for a new code/);
    expect(response.cookies).toBeUndefined();
  });

  it('answers 401 to a code sent more than 10 minutes ago', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await call(api, askForCode(email));
    deps.clock.advanceSeconds(SIGN_IN.codeLifetimeSeconds);

    // Act
    const response = await call(api, sendCode(email, lastCode(deps)));

    // Assess
    expect(response.status).toBe(401);
    expect(response.body.error).toMatch(/expired.*Ask for a new code/);
  });

  it('answers 400 to a code that is not 6 digits, without counting a try', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await call(api, askForCode(email));

    // Act
    const response = await call(api, sendCode(email, 'one two three'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'code', problem: 'The code is the 6 digits in the email we sent you' },
    ]);
    expect([...deps.sessions.codes.values()][0]?.attempts).toBe(0);
  });
});

describe('the applicant’s session', () => {
  const listGet = (extra: Partial<Parameters<typeof anHttpEvent>[0]>) =>
    anHttpEvent({ method: 'GET', path: '/v1/applications', routeKey: 'GET /v1/applications', ...extra });

  it('is read from the cookie, or from Authorization: Session for scripts', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    const { token } = await signIn(deps, api);

    // Act
    const byCookie = await call(api, listGet({ cookies: ['theme=dark', `doorstep_session=${token}`] }));
    const byHeader = await call(api, listGet({ headers: { authorization: `Session ${token}` } }));

    // Assess
    expect(byCookie.status).toBe(200);
    expect(byHeader.status).toBe(200);
    expect(byCookie.body).toEqual({ applications: [] });
  });

  it('answers 401 without a session, with a token nobody issued, or with an officer’s bearer token', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await signIn(deps, api);

    // Act
    const statuses = [
      (await call(api, listGet({}))).status,
      (await call(api, listGet({ cookies: [`doorstep_session=${'A'.repeat(43)}`] }))).status,
      (await call(api, listGet({ headers: { authorization: 'Bearer eyJhbGciOi.x.y' } }))).status,
    ];

    // Assess
    expect(statuses).toEqual([401, 401, 401]);
  });

  it('ends 12 hours after sign-in', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    const { cookie } = await signIn(deps, api);
    deps.clock.advanceSeconds(SIGN_IN.sessionLifetimeSeconds);

    // Act
    const response = await call(api, listGet({ cookies: [cookie] }));

    // Assess
    expect(response.status).toBe(401);
    expect(response.body.error).toMatch(/session has ended/);
  });

  it('ends on DELETE /v1/sessions, which answers 204 and expires the cookie', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    const { cookie } = await signIn(deps, api);

    // Act
    const response = await call(
      api,
      anHttpEvent({
        method: 'DELETE',
        path: '/v1/sessions',
        routeKey: 'DELETE /v1/sessions',
        cookies: [cookie],
      }),
    );

    // Assess
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.cookies).toEqual([
      'doorstep_session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0',
    ]);
    expect((await call(api, listGet({ cookies: [cookie] }))).status).toBe(401);
    expect(deps.sessions.sessions.size).toBe(0);
  });

  it.each([
    ['GET /v1/applications', () => listGet({})],
    ['POST /v1/applications', () => startApplicationPost(undefined)],
    ['GET /v1/applications/{applicationId}', () => applicationGet(applicationId, undefined)],
    [
      'PUT /v1/applications/{applicationId}/profile/{section}',
      () => profilePut(applicationId, 'immigrationStatus', 'british-or-irish', undefined),
    ],
    [
      'POST /v1/applications/{applicationId}/documents',
      () =>
        documentPost(applicationId, { kind: 'passport', contentType: 'image/png', sizeBytes: 1 }, undefined),
    ],
    [
      'POST /v1/decisions/{decisionId}',
      () => applicantDecisionPost('dec_x', { decision: 'submitted' }, undefined),
    ],
  ])('is needed for %s: 401 and nothing written', async (_route, event) => {
    // Prepare
    const { deps, api } = anApplicantApi();
    await deps.applications.create(aCompleteApplication());
    const before = everythingStored(deps);

    // Act
    const response = await call(api, event());

    // Assess
    expect(response.status).toBe(401);
    expect(everythingStored(deps)).toBe(before);
  });
});

describe('POST /v1/applications', () => {
  it('answers 201 with the new application, which the applicant can then read with their address prefilled', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    const { cookie } = await signIn(deps, api);

    // Act
    const response = await call(api, startApplicationPost(cookie));

    // Assess
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ applicationId: expect.stringMatching(/^app_[0-9a-f]{32}$/) });
    expect(response.headers.location).toBe(`/v1/applications/${response.body.applicationId}`);
    expect(deps.workflow.started).toEqual([response.body.applicationId]);
    const view = await call(api, applicationGet(response.body.applicationId, cookie));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      applicationId: response.body.applicationId,
      stage: 'Eligibility',
      status: 'in-progress',
      profile: { household: [], contact: { email } },
      waits: [],
    });
  });

  it('answers 200 with the same application when asked again (a double click)', async () => {
    // Prepare
    const { api, cookie, id } = await anApplicantWithAnApplication();

    // Act
    const again = await call(api, startApplicationPost(cookie));

    // Assess
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ applicationId: id });
  });

  it('answers 400 naming landlordId for a landlord that does not use Doorstep, and writes nothing', async () => {
    // Prepare
    const { deps, api } = anApplicantApi();
    const { cookie } = await signIn(deps, api);
    const before = everythingStored(deps);

    // Act
    const response = await call(api, startApplicationPost(cookie, 'nowhere-homes'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'landlordId', problem: 'No landlord with that id uses Doorstep' },
    ]);
    expect(everythingStored(deps)).toBe(before);
  });

  it('lists the applicant’s applications and nobody else’s', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const neighbour = await signIn(deps, api, 'sian.pritchard@example.org');
    await call(api, startApplicationPost(neighbour.cookie, 'cwm-valley-homes'));

    // Act
    const response = await call(
      api,
      anHttpEvent({
        method: 'GET',
        path: '/v1/applications',
        routeKey: 'GET /v1/applications',
        cookies: [cookie],
      }),
    );

    // Assess
    expect(response.body.applications).toEqual([
      expect.objectContaining({ applicationId: id, landlordId: 'riverside-homes' }),
    ]);
  });
});

describe('GET /v1/applications/{applicationId}', () => {
  it('answers 404 for someone else’s application, exactly like a missing one', async () => {
    // Prepare
    const { deps, api, id } = await anApplicantWithAnApplication();
    const neighbour = await signIn(deps, api, 'sian.pritchard@example.org');

    // Act
    const theirs = await call(api, applicationGet(id, neighbour.cookie));
    const missing = await call(api, applicationGet('app_ffffffffffffffffffffffffffffffff', neighbour.cookie));

    // Assess
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(theirs.text).not.toContain(email);
  });

  it('shows the applicant’s open waits without their task tokens', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const { decisionId } = await awaitPerson(deps, {
      applicationId: id,
      stage: Stage.Eligibility,
      kind: 'answers',
      waitingFor: WaitingFor.Applicant,
      taskToken,
    });

    // Act
    const response = await call(api, applicationGet(id, cookie));

    // Assess
    expect(response.body.waits).toEqual([
      {
        decisionId,
        kind: 'answers',
        stage: 'Eligibility',
        stageTitle: 'Can you apply?',
        deadline: '2027-01-31T09:30:00.000Z',
      },
    ]);
    expect(response.text).not.toContain(taskToken);
  });
});

describe('PUT /v1/applications/{applicationId}/profile/{section}', () => {
  it('records a section of the profile', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const members = household('coupleWithTwoGirls');

    // Act
    const response = await call(api, profilePut(id, 'household', members, cookie));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.profile.household).toEqual(members);
    expect(deps.applications.items.get(id)?.profile.household).toEqual(members);
  });

  it('answers 400 listing each field that breaks the section’s schema, and writes nothing', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      profilePut(id, 'currentHome', { postcode: 'NOT A POSTCODE', bedrooms: 2, tenure: 'castle' }, cookie),
    );

    // Assess
    expect(response.status).toBe(400);
    // The address is required only for a tenure that has one, so an unknown tenure reports the tenure.
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'postcode',
      'tenure',
    ]);
    expect(response.body.fields).toContainEqual({
      field: 'postcode',
      problem: 'Enter a full UK postcode, like CF10 1AA',
    });
    expect(everythingStored(deps)).toBe(before);
  });

  it('asks a renter for their address and postcode, and writes nothing', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      profilePut(id, 'currentHome', { bedrooms: 1, tenure: 'private-rent' }, cookie),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'addressLine', problem: 'Give the address you live at' },
      { field: 'postcode', problem: 'Give the postcode you live at' },
    ]);
    expect(everythingStored(deps)).toBe(before);
  });

  it('takes no address from someone with nowhere to live (found in review)', async () => {
    // Prepare
    const { api, cookie, id } = await anApplicantWithAnApplication();

    // Act
    const response = await call(
      api,
      profilePut(id, 'currentHome', { bedrooms: 0, tenure: 'no-home' }, cookie),
    );

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.profile.currentHome).toEqual({ bedrooms: 0, tenure: 'no-home' });
  });

  it('answers 404 for a section the profile does not have', async () => {
    // Prepare
    const { api, cookie, id } = await anApplicantWithAnApplication();

    // Act
    const response = await call(api, profilePut(id, 'pets', { cats: 2 }, cookie));

    // Assess
    expect(response.status).toBe(404);
  });

  it('answers 409 once the application is closed, and writes nothing', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const application = deps.applications.items.get(id);
    if (!application) throw new Error('no application');
    await deps.applications.save({ ...application, status: 'closed' });
    const before = everythingStored(deps);

    // Act
    const response = await call(api, profilePut(id, 'immigrationStatus', 'british-or-irish', cookie));

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.error).toMatch(/closed/);
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 404 for someone else’s application, and writes nothing', async () => {
    // Prepare
    const { deps, api, id } = await anApplicantWithAnApplication();
    const neighbour = await signIn(deps, api, 'sian.pritchard@example.org');
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      profilePut(id, 'immigrationStatus', 'british-or-irish', neighbour.cookie),
    );

    // Assess
    expect(response.status).toBe(404);
    expect(everythingStored(deps)).toBe(before);
  });
});

describe('PUT /v1/applications/{applicationId}/profile/circumstances', () => {
  it('records the circumstances, filling in the answers not given', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();

    // Act
    const response = await call(
      api,
      profilePut(id, 'circumstances', { formerTenancyArrears: 120_000, homelessnessDuty: 'relief' }, cookie),
    );

    // Assess
    expect(response.status).toBe(200);
    expect(deps.applications.items.get(id)?.profile.circumstances).toEqual({
      ownsProperty: false,
      formerTenancyArrears: 120_000,
      arrearsRepaymentPlanKept: false,
      unacceptableBehaviour: false,
      homelessnessDuty: 'relief',
      disrepair: false,
      medicalNeed: 'none',
      hardshipMove: false,
      fosterCarer: false,
    });
  });

  it.each([
    {
      bad: 'negative arrears',
      body: { formerTenancyArrears: -500 },
      field: 'formerTenancyArrears',
      problem: 'Arrears cannot be negative: enter 0 for none',
    },
    {
      bad: 'absurd arrears',
      body: { formerTenancyArrears: 100_000_001 },
      field: 'formerTenancyArrears',
      problem: 'More than £1,000,000 of arrears is not believable: check the amount',
    },
    {
      bad: 'arrears in pounds and pence instead of whole pence',
      body: { formerTenancyArrears: 1200.5 },
      field: 'formerTenancyArrears',
      problem: 'Give arrears in whole pence',
    },
    {
      bad: 'an unknown homelessness duty',
      body: { homelessnessDuty: 'interim' },
      field: 'homelessnessDuty',
      problem: expect.stringContaining('"none"|"prevention"|"relief"|"main"'),
    },
    {
      bad: 'an unknown medical need',
      body: { medicalNeed: 'severe' },
      field: 'medicalNeed',
      problem: expect.stringContaining('"none"|"moderate"|"urgent"'),
    },
    {
      bad: 'a yes/no answer given as a word',
      body: { ownsProperty: 'yes' },
      field: 'ownsProperty',
      problem: expect.stringContaining('expected boolean'),
    },
  ])('answers 400 naming the field for $bad, and writes nothing', async ({ body, field, problem }) => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const before = everythingStored(deps);

    // Act
    const response = await call(api, profilePut(id, 'circumstances', body, cookie));

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field, problem }]);
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 400 listing every bad field at once, and keeps the earlier answer', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    await call(api, profilePut(id, 'circumstances', { disrepair: true }, cookie));
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      profilePut(
        id,
        'circumstances',
        { formerTenancyArrears: -1, medicalNeed: 'severe', disrepair: false },
        cookie,
      ),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.fields.map((each: { field: string }) => each.field).sort()).toEqual([
      'formerTenancyArrears',
      'medicalNeed',
    ]);
    expect(everythingStored(deps)).toBe(before);
    expect(deps.applications.items.get(id)?.profile.circumstances?.disrepair).toBe(true);
  });
});

describe('POST /v1/applications/{applicationId}/documents', () => {
  it('answers 201 with the declared document', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();

    // Act
    const response = await call(
      api,
      documentPost(id, { kind: 'passport', contentType: 'image/jpeg', sizeBytes: 2_400_000 }, cookie),
    );

    // Assess
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      document: { kind: 'passport', status: 'declared' },
      upload: { method: 'POST', fileField: 'file', maxBytes: 2_400_000 },
    });
    expect(deps.applications.items.get(id)?.documents).toEqual([
      (response.body as { document: unknown }).document,
    ]);
  });

  it('answers 413 to a document over 10 MB and 415 to a type it does not take, writing nothing', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const before = everythingStored(deps);

    // Act
    const tooLarge = await call(
      api,
      documentPost(
        id,
        { kind: 'payslip', contentType: 'application/pdf', sizeBytes: MAX_DOCUMENT_BYTES + 1 },
        cookie,
      ),
    );
    const wrongType = await call(
      api,
      documentPost(id, { kind: 'payslip', contentType: 'image/heic', sizeBytes: 1_000_000 }, cookie),
    );

    // Assess
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatch(/at most 10 MB/);
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error).toMatch(/JPEG or PNG.*PDF/);
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 400 naming redirectTo when the page to return to is not an https page under /applications/', async () => {
    // Prepare
    const { deps, api, cookie, id } = await anApplicantWithAnApplication();
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      documentPost(
        id,
        {
          kind: 'payslip',
          contentType: 'application/pdf',
          sizeBytes: 40_000,
          redirectTo: 'https://evil.example/login',
        },
        cookie,
      ),
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      fields: [{ field: 'redirectTo', problem: expect.stringMatching(/under \/applications\//) }],
    });
    expect(everythingStored(deps)).toBe(before);
  });
});

describe('POST /v1/decisions/{decisionId} (applicants)', () => {
  async function anApplicantWaitedFor(waitingFor: WaitingFor = WaitingFor.Applicant) {
    const context = await anApplicantWithAnApplication();
    const { decisionId } = await awaitPerson(context.deps, {
      applicationId: context.id,
      stage: Stage.Eligibility,
      kind: waitingFor === WaitingFor.Applicant ? 'answers' : 'review',
      waitingFor,
      taskToken,
    });
    return { ...context, decisionId };
  }

  it('resumes the workflow with the applicant’s answer', async () => {
    // Prepare
    const { deps, api, cookie, decisionId } = await anApplicantWaitedFor();

    // Act
    const response = await call(api, applicantDecisionPost(decisionId, { decision: 'submitted' }, cookie));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ decisionId, decision: { decision: 'submitted' } });
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'submitted', decidedBy: 'applicant' } },
    ]);
  });

  it('answers 404 for a wait on someone else’s application, and writes nothing', async () => {
    // Prepare
    const { deps, api, decisionId } = await anApplicantWaitedFor();
    const neighbour = await signIn(deps, api, 'sian.pritchard@example.org');
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      applicantDecisionPost(decisionId, { decision: 'submitted' }, neighbour.cookie),
    );

    // Assess
    expect(response.status).toBe(404);
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 403 when the wait on their own application is an officer’s', async () => {
    // Prepare
    const { deps, api, cookie, decisionId } = await anApplicantWaitedFor(WaitingFor.Officer);
    const before = everythingStored(deps);

    // Act
    const response = await call(
      api,
      applicantDecisionPost(decisionId, { decision: 'proceed', reason: 'I am eligible' }, cookie),
    );

    // Assess
    expect(response.status).toBe(403);
    expect(everythingStored(deps)).toBe(before);
  });

  it('answers 401 to an officer on the applicants’ route: officers answer under /v1/officer', async () => {
    // Prepare
    const { deps, api, decisionId } = await anApplicantWaitedFor(WaitingFor.Officer);

    // Act
    const response = await call(
      api,
      applicantDecisionPost(decisionId, { decision: 'proceed', reason: 'Checked' }, undefined),
    );
    const asOfficer = await call(
      api,
      aDecisionPost(decisionId, JSON.stringify({ decision: 'proceed', reason: 'Checked' })),
    );

    // Assess
    expect(response.status).toBe(401);
    expect(asOfficer.status).toBe(200);
    expect(deps.workflow.resumed).toHaveLength(1);
  });
});
