import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { apiRoutes, type RouteKey, splitRouteKey } from '../../../functions/api/routes';
import {
  aCaseWorld,
  applicationId,
  CALLERS,
  type Caller,
  type CaseWorld,
  expectOfficerAudited,
  isApplicant,
  isOfficerAccount,
  type OfficerCaller,
  officerAccounts,
  propertyId,
  type ReasonFollower,
  reasonOnTheDecision,
  reasonOnTheReview,
  reasonOnTheWait,
} from '../../support/authorisation';
import { anHttpEvent, type Claims } from '../../support/http-events';
import { aLambdaContext } from './lambda-context';

/**
 * Issue 8: who may call each route of the journey API, asserted through the public handler. The matrix is
 * driven by `apiRoutes` (functions/api/routes.ts), so a route added there without a case here fails below.
 *
 * Every route is called by each kind of caller, each in a fresh world: nobody, the applicant who owns the case,
 * another applicant, an officer of another landlord, an account of the landlord with no officer role, an
 * officer and a senior officer of the case's landlord. Who gets 401 follows from the route's kind in
 * `apiRoutes` (no applicant reaches an officer route; no officer's token opens an applicant's route); each case
 * says what everyone past that gets.
 */

type World = CaseWorld;

/** The claims API Gateway's JWT authoriser passes on: a list claim arrives as "[a b]". */
const claims = (caller: OfficerCaller): Claims => {
  const { 'cognito:groups': groups, ...rest } = officerAccounts[caller];
  return { ...rest, 'cognito:groups': `[${groups.join(' ')}]` };
};

interface Request {
  pathParameters?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}
type Answer = { status: number; body: unknown; text: string };

/** One way to call a route, and what each caller gets once past the route's own sign-in check. */
interface Case {
  name: string;
  /** The case's state (default: registered, with waits and a review request). */
  world?: 'let';
  request: (world: World) => Request;
  expect: Partial<Record<Caller, number>>;
  /** More to check of an answer (for example: a list holds only the caller's own records). */
  check?: (answer: Answer, caller: Caller, world: World) => void;
  /**
   * For an officer's action: how its audit event leads to the officer's reason (test/support/authorisation.ts).
   * Required of every officer route that changes something, and of any read whose every use is audited (say
   * `'no reason taken'` when it takes none).
   */
  audit?: 'no reason taken' | ReasonFollower;
}

const OK_FOR_EVERYONE = (status: number) => Object.fromEntries(CALLERS.map((caller) => [caller, status]));
/** An applicant's record: the owner gets `ok`, another applicant 404 (as if it did not exist). */
const ownersOnly = (ok: number) => ({ applicant: ok, anotherApplicant: 404 });
/** A landlord's record: its officers get `ok`, another landlord's officer 404, an account with no role 403. */
const landlordsOfficers = (ok: number) => ({
  anotherLandlordsOfficer: 404,
  noRoleAccount: 403,
  officer: ok,
  seniorOfficer: ok,
});
/** A senior officer's action: an officer of the landlord gets 403 with the reason. */
const seniorOfficersOnly = (ok: number) => ({ ...landlordsOfficers(ok), officer: 403 });
/** A listing of the officer's own landlord: another landlord's officer gets their own (none of this case). */
const ownLandlordsList = (ok: number) => ({ ...landlordsOfficers(ok), anotherLandlordsOfficer: ok });

/** What an officer gives for a home (shared/services/stock.ts). */
const aHomeBody = {
  address: '22 Mill Lane, Riverside',
  postcode: 'RV1 4AB',
  bedrooms: 2,
  weeklyRent: 11_250,
  availableFrom: '2026-12-08',
};

const listsTheCase = (answer: Answer) => answer.text.includes(applicationId);

const MATRIX: Partial<Record<RouteKey, Case[]>> = {
  'POST /v1/sessions/code': [
    {
      name: 'a code',
      request: () => ({ body: { email: 'someone@example.org' } }),
      expect: OK_FOR_EVERYONE(202),
    },
  ],
  'POST /v1/sessions': [
    {
      name: 'the right code',
      request: (world) => ({ body: { email: 'new.person@example.org', code: world.newcomerCode } }),
      expect: OK_FOR_EVERYONE(201),
    },
  ],
  'DELETE /v1/sessions': [{ name: 'signing out', request: () => ({}), expect: OK_FOR_EVERYONE(204) }],
  'GET /v1/keys/jwks.json': [{ name: 'the public keys', request: () => ({}), expect: OK_FOR_EVERYONE(200) }],
  'GET /v1/applications': [
    {
      name: 'the applicant’s own list',
      request: () => ({}),
      expect: { applicant: 200, anotherApplicant: 200 },
      check: (answer, caller) => expect(listsTheCase(answer)).toBe(caller === 'applicant'),
    },
  ],
  'POST /v1/applications': [
    {
      name: 'starting (or carrying on) an application',
      request: () => ({ body: { landlordId: 'riverside-homes' } }),
      expect: { applicant: 200, anotherApplicant: 201 },
      check: (answer, caller) => expect(listsTheCase(answer)).toBe(caller === 'applicant'),
    },
  ],
  'GET /v1/applications/{applicationId}': [
    { name: 'the case', request: () => ({ pathParameters: { applicationId } }), expect: ownersOnly(200) },
  ],
  'GET /v1/applications/{applicationId}/key.svg': [
    {
      name: 'the key',
      world: 'let',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(200),
    },
  ],
  'GET /v1/applications/{applicationId}/tenancy.pdf': [
    {
      name: 'the tenancy',
      world: 'let',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(200),
    },
  ],
  'GET /v1/applications/{applicationId}/letters/{letter}': [
    {
      name: 'a letter',
      request: () => ({ pathParameters: { applicationId, letter: '1' } }),
      expect: ownersOnly(200),
    },
  ],
  'POST /v1/applications/{applicationId}/decisions/{decision}/review': [
    {
      name: 'a review already asked for',
      request: () => ({
        pathParameters: { applicationId, decision: '0' },
        body: { reason: 'I have lived here for two years' },
      }),
      expect: ownersOnly(200),
    },
  ],
  'PUT /v1/applications/{applicationId}/profile/{section}': [
    {
      name: 'an answer',
      request: () => ({
        pathParameters: { applicationId, section: 'contact' },
        body: { email: 'gareth.pritchard@example.org', phone: '07700 900123' },
      }),
      expect: ownersOnly(200),
    },
  ],
  'POST /v1/applications/{applicationId}/withdraw': [
    {
      name: 'a withdrawal',
      request: () => ({ pathParameters: { applicationId }, body: { reason: 'We have found a home' } }),
      expect: ownersOnly(200),
    },
  ],
  'PUT /v1/applications/{applicationId}/contact-safety': [
    {
      name: 'safe-contact preferences',
      request: () => ({
        pathParameters: { applicationId },
        body: { safe: ['email'], textTimes: [], letters: 'shared-address', voicemail: false },
      }),
      expect: ownersOnly(200),
    },
  ],
  'GET /v1/applications/{applicationId}/consents': [
    { name: 'the consents', request: () => ({ pathParameters: { applicationId } }), expect: ownersOnly(200) },
  ],
  'PUT /v1/applications/{applicationId}/consents': [
    {
      name: 'consents given',
      request: () => ({ pathParameters: { applicationId }, body: { given: ['text-messages'] } }),
      expect: ownersOnly(200),
    },
  ],
  'GET /v1/applications/{applicationId}/your-data': [
    {
      name: 'what we hold about you',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(200),
      check: (answer, caller) =>
        expect(answer.text.includes('gareth.pritchard@example.org')).toBe(caller === 'applicant'),
    },
  ],
  'POST /v1/applications/{applicationId}/your-data.pdf': [
    {
      name: 'asking for the PDF copy',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(202),
    },
  ],
  'GET /v1/applications/{applicationId}/your-data.pdf': [
    {
      // Nobody has asked for one in this world, so it is a 404 for its owner too: the service's tests serve one.
      name: 'the PDF copy before it is made',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(404),
    },
  ],
  'GET /v1/applications/{applicationId}/adverts': [
    {
      name: 'the homes to choose from',
      request: () => ({ pathParameters: { applicationId } }),
      expect: ownersOnly(200),
    },
  ],
  'POST /v1/applications/{applicationId}/adverts/{propertyId}/interest': [
    {
      name: 'interest in an advertised home',
      request: () => ({ pathParameters: { applicationId, propertyId } }),
      expect: ownersOnly(200),
    },
  ],
  'POST /v1/applications/{applicationId}/documents': [
    {
      name: 'a document',
      request: () => ({
        pathParameters: { applicationId },
        body: { kind: 'payslip', contentType: 'application/pdf', sizeBytes: 120_000 },
      }),
      expect: ownersOnly(201),
    },
  ],
  'POST /v1/decisions/{decisionId}': [
    {
      name: 'the applicant’s own wait',
      request: (world) => ({
        pathParameters: { decisionId: world.applicantWait },
        body: { decision: 'submitted' },
      }),
      expect: ownersOnly(200),
    },
    {
      name: 'a wait for an officer on the applicant’s own case',
      request: (world) => ({
        pathParameters: { decisionId: world.officerWait },
        body: { decision: 'proceed', reason: 'Looks right to me' },
      }),
      expect: ownersOnly(403),
    },
  ],
  'POST /v1/officer/decisions/{decisionId}': [
    {
      name: 'a wait for an officer',
      request: (world) => ({
        pathParameters: { decisionId: world.officerWait },
        body: { decision: 'proceed', reason: 'Checked the passport in person' },
      }),
      expect: landlordsOfficers(200),
      audit: reasonOnTheWait,
    },
    {
      name: 'a wait escalated to a senior officer',
      request: (world) => ({
        pathParameters: { decisionId: world.seniorWait },
        body: { decision: 'retry', reason: 'The reading service is back' },
      }),
      expect: seniorOfficersOnly(200),
      audit: reasonOnTheWait,
    },
    {
      name: 'a wait for the applicant',
      request: (world) => ({
        pathParameters: { decisionId: world.applicantWait },
        body: { decision: 'submitted' },
      }),
      expect: { ...landlordsOfficers(403), seniorOfficer: 403 },
      audit: reasonOnTheWait,
    },
  ],
  'GET /v1/officer/applications/{applicationId}': [
    {
      name: 'the case',
      request: () => ({ pathParameters: { applicationId } }),
      expect: landlordsOfficers(200),
    },
  ],
  'GET /v1/officer/applications/{applicationId}/your-data': [
    {
      name: 'what the landlord holds about the applicant',
      request: () => ({ pathParameters: { applicationId } }),
      expect: landlordsOfficers(200),
    },
  ],
  'PUT /v1/officer/applications/{applicationId}/consents': [
    {
      name: 'consents the applicant gave by phone',
      request: () => ({ pathParameters: { applicationId }, body: { given: ['text-messages'] } }),
      expect: landlordsOfficers(200),
      audit: 'no reason taken',
    },
  ],
  'POST /v1/officer/applications/{applicationId}/override': [
    {
      name: 'a new band',
      request: () => ({
        pathParameters: { applicationId },
        body: { kind: 'band', band: 'A', reason: 'Urgent medical need the form could not show' },
      }),
      expect: seniorOfficersOnly(200),
      audit: reasonOnTheDecision,
    },
    {
      name: 'closing the case',
      request: () => ({
        pathParameters: { applicationId },
        body: { kind: 'close', reason: 'The household has found a home elsewhere' },
      }),
      expect: seniorOfficersOnly(200),
      audit: reasonOnTheDecision,
    },
  ],
  'POST /v1/officer/applications/{applicationId}/reviews/{decision}': [
    {
      name: 'a review upheld',
      request: () => ({
        pathParameters: { applicationId, decision: '0' },
        body: { result: 'upheld', reason: 'Two years’ residence is not shown by the evidence' },
      }),
      expect: landlordsOfficers(200),
      audit: reasonOnTheReview,
    },
  ],
  'GET /v1/officer/queue': [
    {
      name: 'the queue',
      request: () => ({}),
      expect: ownLandlordsList(200),
      check: (answer, caller) => expect(listsTheCase(answer)).toBe(caller !== 'anotherLandlordsOfficer'),
    },
  ],
  'GET /v1/officer/properties': [
    {
      name: 'the landlord’s homes',
      request: () => ({}),
      expect: ownLandlordsList(200),
      check: (answer, caller) =>
        expect(answer.text.includes(propertyId)).toBe(caller !== 'anotherLandlordsOfficer'),
    },
  ],
  'POST /v1/officer/properties': [
    {
      name: 'a new home (the caller’s own landlord’s)',
      request: () => ({ body: aHomeBody }),
      expect: ownLandlordsList(201),
      audit: 'no reason taken',
    },
  ],
  'PUT /v1/officer/properties/{propertyId}': [
    {
      name: 'a home’s details',
      request: () => ({ pathParameters: { propertyId }, body: aHomeBody }),
      expect: landlordsOfficers(200),
      audit: 'no reason taken',
    },
  ],
  'GET /v1/officer/properties/{propertyId}/shortlist': [
    {
      name: 'a home’s shortlist',
      request: () => ({ pathParameters: { propertyId } }),
      expect: landlordsOfficers(200),
    },
  ],
  'POST /v1/officer/properties/{propertyId}/offers': [
    {
      name: 'a direct offer of a home to a household on its shortlist',
      request: () => ({ pathParameters: { propertyId }, body: { applicationId } }),
      expect: landlordsOfficers(202),
      audit: 'no reason taken',
    },
  ],
  'POST /v1/officer/properties/{propertyId}/advert': [
    {
      name: 'an advert of a home',
      request: () => ({ pathParameters: { propertyId }, body: { closesOn: '2026-12-06' } }),
      expect: landlordsOfficers(200),
      audit: 'no reason taken',
    },
  ],
  'GET /v1/officer/lettings-log.csv': [
    {
      name: 'the lettings log',
      request: () => ({ query: { from: '2026-11-01', to: '2026-11-30' } }),
      expect: ownLandlordsList(200),
      // A download of households' lettings: each household's trail says which officer took it.
      audit: 'no reason taken',
      check: (answer, caller) => {
        expect(answer.text.includes('ten_riverside0000001')).toBe(caller !== 'anotherLandlordsOfficer');
        expect(answer.text.includes('ten_cwmvalley0000001')).toBe(caller === 'anotherLandlordsOfficer');
      },
    },
  ],
  'GET /v1/officer/nominations': [
    {
      name: 'the nominations awaiting the landlord’s decision',
      request: () => ({}),
      expect: ownLandlordsList(200),
      check: (answer, caller, world) =>
        expect(answer.text.includes(world.nominationId)).toBe(caller !== 'anotherLandlordsOfficer'),
    },
  ],
  'POST /v1/officer/nominations/{nominationId}/decision': [
    {
      name: 'a decision on a partner council’s nomination',
      request: (world) => ({
        pathParameters: { nominationId: world.nominationId },
        body: { outcome: 'refused', grounds: ['no-suitable-home'] },
      }),
      expect: landlordsOfficers(200),
      // The grounds are the agreement's clauses, kept on the nomination; the audit event names the officer.
      audit: 'no reason taken',
    },
  ],
};

/** What a caller gets: 401 before the route's own checks when they are not signed in the way it needs. */
function expected(key: RouteKey, test: Case, caller: Caller): number {
  const kind: string = apiRoutes[key];
  if (kind === 'applicant' && !isApplicant(caller)) return 401;
  if (kind === 'officer' && !isOfficerAccount(caller)) return 401;
  const status = test.expect[caller];
  if (status === undefined) throw new Error(`The case "${test.name}" of ${key} says nothing for ${caller}`);
  return status;
}

function anEvent(key: RouteKey, request: Request, caller: Caller, world: World) {
  const { method, path } = splitRouteKey(key);
  const pathParameters = request.pathParameters ?? {};
  const rawPath = path.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters[name] ?? `{${name}}`);
  const event = anHttpEvent({
    method,
    path: rawPath,
    routeKey: key,
    ...(request.pathParameters ? { pathParameters } : {}),
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    ...(caller === 'applicant' || caller === 'anotherApplicant'
      ? { cookies: [`doorstep_session=${world.sessions[caller]}`] }
      : {}),
    ...(isOfficerAccount(caller) ? { claims: claims(caller) } : {}),
  });
  return request.query
    ? {
        ...event,
        rawQueryString: new URLSearchParams(request.query).toString(),
        queryStringParameters: request.query,
      }
    : event;
}

async function call(key: RouteKey, test: Case, caller: Caller) {
  const world = await aCaseWorld(test.world);
  const api = createHandler(() => world.deps);
  const response = (await api(
    anEvent(key, test.request(world), caller, world),
    aLambdaContext('doorstep-api'),
  )) as APIGatewayProxyStructuredResultV2;
  const text = response.body ?? '';
  const json = (response.headers?.['content-type'] ?? '').toString().includes('json');
  return {
    world,
    answer: { status: response.statusCode ?? 0, body: json ? JSON.parse(text) : undefined, text },
  };
}

/**
 * Every officer's action that changes something (any method but GET), or a read that declares `audit`, leaves
 * an audit event naming the officer; where it takes a reason, the event leads to it, and never copies it.
 */
async function expectAudited(key: RouteKey, test: Case, caller: Caller, world: World) {
  const { method } = splitRouteKey(key);
  if (method === 'GET' && !test.audit) return;
  if (!test.audit) {
    throw new Error(
      `${key} changes something for an officer: say in its case ("${test.name}") how its audit event names the ` +
        'officer and leads to their reason (`audit`), and make the route append one',
    );
  }
  if (!isOfficerAccount(caller)) throw new Error(`${caller} is not an officer`);
  const reason = (test.request(world).body as { reason?: unknown } | undefined)?.reason;
  await expectOfficerAudited(world.deps, {
    what: `${key} (${test.name}) for ${caller}`,
    officerId: officerAccounts[caller].sub,
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(test.audit === 'no reason taken' ? {} : { follow: test.audit }),
  });
}

beforeEach(() => {
  // Powertools writes its JSON logs to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the authorisation matrix covers every API route', () => {
  it.each(Object.keys(apiRoutes) as RouteKey[])('%s has a case', (key) => {
    if (!MATRIX[key]?.length) {
      throw new Error(
        `${key} (${apiRoutes[key]}) has no case in the authorisation matrix: add one to MATRIX in ` +
          'test/unit/functions/authorisation-matrix.test.ts saying what each caller gets',
      );
    }
  });

  it('has no case for a route that does not exist', () => {
    expect(Object.keys(MATRIX).filter((key) => !(key in apiRoutes))).toEqual([]);
  });
});

const rows = (Object.entries(MATRIX) as Array<[RouteKey, Case[]]>).flatMap(([key, cases]) =>
  cases.flatMap((test) =>
    CALLERS.map((caller) => ({ key, test, caller, status: expected(key, test, caller) })),
  ),
);

describe.each([...new Set(rows.map((row) => row.key))])('%s', (key) => {
  it.each(
    rows.filter((row) => row.key === key).map((row) => [row.test.name, row.caller, row.status, row] as const),
  )('%s: %s gets %i', async (_name, caller, status, row) => {
    // Act
    const { world, answer } = await call(key, row.test, caller);

    // Assess
    expect({ status: answer.status, body: answer.body }).toEqual(
      expect.objectContaining({ status, ...(status === 404 ? { body: { error: 'Not found' } } : {}) }),
    );
    if (status === 401 || status === 403) {
      // Refused with the reason, never with the record.
      expect(answer.body).toEqual({ error: expect.stringMatching(/\w{3,}/) });
    }
    if (status === 403 && caller === 'officer' && row.test.expect.seniorOfficer !== 403) {
      // A senior officer's action: the officer is told whose it is.
      expect((answer.body as { error: string }).error).toMatch(/senior officer/i);
    }
    if (status < 300) row.test.check?.(answer, caller, world);
    if (status < 300 && apiRoutes[key] === 'officer') await expectAudited(key, row.test, caller, world);
    if (status >= 400) {
      // A refused request changes nothing: no wait decided, no workflow resumed.
      expect(world.deps.workflow.resumed).toEqual([]);
      expect(world.deps.audit.events.filter((event) => event.actor === 'officer')).toEqual([]);
    }
  });
});
