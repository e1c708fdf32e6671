import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '../../../web/routes';
import {
  aCaseWorld,
  applicationId,
  CALLERS,
  type Caller,
  type CaseWorld,
  expectOfficerAudited,
  isOfficerAccount,
  officerAccounts,
  type ReasonFollower,
  reasonOnTheDecision,
  reasonOnTheReview,
  reasonOnTheWait,
} from '../../support/authorisation';
import { aWebApp, FakeOfficerIdentity, type Response } from './browser';

/**
 * Issue 8, for the web front end: an applicant never reaches the console, an officer reaches only their own
 * landlord's cases, an officer cannot do a senior officer's action, and every console action is in the audit
 * log with who and why. Each request goes through the web handler as `npm start` wires it, in a fresh world.
 *
 * The pages are read from web/: every module's `…Routes` list, so a page added to any of them is in the
 * matrix; a console page without a case fails below, asking for one.
 */

/** Every page of web/, with the module that defines it. No page is rendered here, so no port is used. */
function webPages(): Array<{ module: string; key: string }> {
  const web = join(__dirname, '..', '..', '..', 'web');
  const unused = () => {
    throw new Error('a route list used a port while being listed');
  };
  return readdirSync(web)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const module: Record<string, unknown> = require(join(web, file));
      return Object.entries(module)
        .filter(([name, value]) => name.endsWith('Routes') && typeof value === 'function')
        .flatMap(([, list]) => (list as (...factories: unknown[]) => Route[])(unused, unused))
        .map((route) => ({ module: file, key: `${route.method} ${route.path}` }));
    });
}

const pages = webPages();
/** The console: /officer pages other than signing in and out, which are for anyone. */
const consolePages = pages.filter(
  (page) => page.key.split(' ')[1]?.startsWith('/officer') && page.module !== 'officer-sign-in.ts',
);
/** The applicant's pages of one application. */
const casePages = [
  ...new Set(
    pages
      .filter((page) => page.key.split(' ')[1]?.startsWith('/applications/{applicationId}'))
      .map((page) => page.key),
  ),
];

/** Officers as the console's identity provider knows them: a cookie each, verified to their claims. */
const identity = new FakeOfficerIdentity(
  Object.entries(officerAccounts).map(([caller, claims]) => ({
    email: `${claims.sub}@example.org`,
    password: 'unused here',
    token: `id-token-${caller}`,
    claims,
  })),
);

interface ConsoleCase {
  name: string;
  path: (world: CaseWorld) => string;
  /** The form a POST sends (its CSRF token is added). */
  form?: Record<string, string>;
  expect: Partial<Record<Caller, number>>;
  check?: (response: Response, caller: Caller) => void;
  /** How the action's audit event leads to the officer's reason; required of every POST. */
  audit?: 'no reason taken' | ReasonFollower;
}

const landlordsOfficers = (ok: number) => ({
  anotherLandlordsOfficer: 404,
  noRoleAccount: 403,
  officer: ok,
  seniorOfficer: ok,
});
const seniorOfficersOnly = (ok: number) => ({ ...landlordsOfficers(ok), officer: 403 });
const ownLandlordsList = (ok: number) => ({ ...landlordsOfficers(ok), anotherLandlordsOfficer: ok });

const casePath = `/officer/applications/${applicationId}`;
/** The Homes form as an officer fills it in (web/stock.ts). */
const aHomeForm = {
  address: '22 Mill Lane, Riverside',
  postcode: 'RV1 4AB',
  bedrooms: '2',
  weeklyRent: '112.50',
  'availableFrom-day': '8',
  'availableFrom-month': '12',
  'availableFrom-year': '2026',
};

const CONSOLE: Partial<Record<string, ConsoleCase[]>> = {
  'GET /officer': [
    {
      name: 'the queue',
      path: () => '/officer',
      expect: ownLandlordsList(200),
      check: (response, caller) =>
        expect(response.body.includes(applicationId)).toBe(caller !== 'anotherLandlordsOfficer'),
    },
  ],
  'GET /officer/applications/{applicationId}': [
    {
      name: 'the case',
      path: () => casePath,
      expect: landlordsOfficers(200),
      // The form to change a decision is offered to a senior officer only.
      check: (response, caller) =>
        expect(response.body.includes(`action="${casePath}/override"`)).toBe(caller === 'seniorOfficer'),
    },
  ],
  'GET /officer/applications/{applicationId}/documents/{documentId}': [
    {
      name: 'a document’s image',
      path: () => `${casePath}/documents/doc_passport1`,
      expect: landlordsOfficers(200),
      audit: 'no reason taken',
    },
  ],
  'POST /officer/decisions/{decisionId}': [
    {
      name: 'a wait for an officer',
      path: (world) => `/officer/decisions/${world.officerWait}`,
      form: { decision: 'proceed', reason: 'Checked the passport in person' },
      expect: landlordsOfficers(303),
      audit: reasonOnTheWait,
    },
    {
      name: 'a wait escalated to a senior officer',
      path: (world) => `/officer/decisions/${world.seniorWait}`,
      form: { decision: 'retry', reason: 'The reading service is back' },
      expect: seniorOfficersOnly(303),
      audit: reasonOnTheWait,
    },
  ],
  'GET /officer/applications/{applicationId}/your-data': [
    {
      name: 'what the landlord holds about the applicant',
      path: () => `${casePath}/your-data`,
      expect: landlordsOfficers(200),
      check: (response) => expect(response.body).toContain('gareth.pritchard@example.org'),
    },
  ],
  'GET /officer/applications/{applicationId}/consents': [
    { name: 'the applicant’s consents', path: () => `${casePath}/consents`, expect: landlordsOfficers(200) },
  ],
  'POST /officer/applications/{applicationId}/consents': [
    {
      name: 'consents the applicant gave by phone',
      path: () => `${casePath}/consents`,
      form: { given: 'text-messages' },
      expect: landlordsOfficers(303),
      audit: 'no reason taken',
    },
  ],
  // Assisted digital: the world's household is registered, so its answers are sent and there is nothing to continue.
  'GET /officer/applications/{applicationId}/assist': [
    {
      name: 'continuing the application for the applicant',
      path: () => `${casePath}/assist`,
      expect: landlordsOfficers(200),
      check: (response) => expect(response.body).toContain('nothing left to continue'),
    },
  ],
  'POST /officer/applications/{applicationId}/assist': [
    {
      name: 'the applicant’s agreement, after their answers were sent',
      path: () => `${casePath}/assist`,
      form: {
        how: 'phone',
        'givenOn-day': '29',
        'givenOn-month': '11',
        'givenOn-year': '2026',
        confirmed: 'yes',
      },
      expect: landlordsOfficers(409),
    },
  ],
  'GET /officer/applications/{applicationId}/assist/questions/{prompt}': [
    {
      name: 'a question, with nothing to continue',
      path: () => `${casePath}/assist/questions/name`,
      expect: landlordsOfficers(303),
    },
  ],
  'POST /officer/applications/{applicationId}/assist/questions/{prompt}': [
    {
      name: 'an answer without the applicant’s agreement',
      path: () => `${casePath}/assist/questions/name`,
      form: { firstName: 'Gareth', lastName: 'Pritchard' },
      expect: landlordsOfficers(409),
    },
  ],
  'POST /officer/applications/{applicationId}/override': [
    {
      name: 'a new band',
      path: () => `${casePath}/override`,
      form: { kind: 'band', band: 'A', reason: 'Urgent medical need the form could not show' },
      expect: seniorOfficersOnly(303),
      audit: reasonOnTheDecision,
    },
  ],
  'POST /officer/applications/{applicationId}/reviews/{decision}': [
    {
      name: 'a review upheld',
      path: () => `${casePath}/reviews/0`,
      form: { result: 'upheld', reason: 'Two years’ residence is not shown by the evidence' },
      expect: landlordsOfficers(303),
      audit: reasonOnTheReview,
    },
  ],
  'GET /officer/homes': [
    {
      name: 'the landlord’s homes',
      path: () => '/officer/homes',
      expect: ownLandlordsList(200),
      check: (response, caller) =>
        expect(response.body.includes('/officer/homes/prop_riverside-14')).toBe(
          caller !== 'anotherLandlordsOfficer',
        ),
    },
  ],
  'GET /officer/homes/new': [
    { name: 'the form for a new home', path: () => '/officer/homes/new', expect: ownLandlordsList(200) },
  ],
  'POST /officer/homes/new': [
    {
      name: 'a new home (the officer’s own landlord’s)',
      path: () => '/officer/homes/new',
      form: aHomeForm,
      expect: ownLandlordsList(303),
      audit: 'no reason taken',
    },
  ],
  'GET /officer/homes/{propertyId}': [
    { name: 'a home’s form', path: () => '/officer/homes/prop_riverside-14', expect: landlordsOfficers(200) },
  ],
  'POST /officer/homes/{propertyId}': [
    {
      name: 'a home’s details',
      path: () => '/officer/homes/prop_riverside-14',
      form: aHomeForm,
      expect: landlordsOfficers(303),
      audit: 'no reason taken',
    },
  ],
  'GET /officer/homes/{propertyId}/shortlist': [
    {
      name: 'a home’s shortlist',
      path: () => '/officer/homes/prop_riverside-14/shortlist',
      expect: landlordsOfficers(200),
      check: (response, caller) =>
        expect(response.body.includes(applicationId)).toBe(
          caller === 'officer' || caller === 'seniorOfficer',
        ),
    },
  ],
  'POST /officer/homes/{propertyId}/offers': [
    {
      name: 'a direct offer of a home to a household on its shortlist',
      path: () => '/officer/homes/prop_riverside-14/offers',
      form: { applicationId },
      expect: landlordsOfficers(303),
      audit: 'no reason taken',
    },
  ],
  'POST /officer/homes/{propertyId}/advert': [
    {
      name: 'an advert of a home',
      path: () => '/officer/homes/prop_riverside-14/advert',
      form: { 'closesOn-day': '6', 'closesOn-month': '12', 'closesOn-year': '2026' },
      expect: landlordsOfficers(303),
      audit: 'no reason taken',
    },
  ],
  'GET /officer/nominations': [
    {
      name: 'the partner councils’ nominations awaiting a decision',
      path: () => '/officer/nominations',
      expect: ownLandlordsList(200),
      // The world's nomination (Darren Cole, to Riverside Homes) is only Riverside's officers' to see.
      check: (response, caller) =>
        expect(response.body.includes('Darren Cole')).toBe(caller !== 'anotherLandlordsOfficer'),
    },
  ],
  'POST /officer/nominations/{nominationId}/decision': [
    {
      name: 'a decision on a nomination',
      path: (world) => `/officer/nominations/${world.nominationId}/decision`,
      form: { outcome: 'refused', grounds: 'no-suitable-home' },
      expect: landlordsOfficers(303),
      // The grounds are the agreement's clauses, kept on the nomination; the audit event names the officer.
      audit: 'no reason taken',
    },
  ],
};

/** A browser for the caller, holding a CSRF token from a page anyone may see, and the caller's cookie. */
async function aBrowserFor(caller: Caller) {
  const world = await aCaseWorld();
  const app = aWebApp({ deps: world.deps, officers: identity });
  const browser = app.browser();
  await browser.get('/officer/sign-in');
  if (caller === 'applicant' || caller === 'anotherApplicant')
    browser.jar.set('doorstep_session', world.sessions[caller]);
  if (isOfficerAccount(caller)) browser.jar.set('doorstep_officer', `id-token-${caller}`);
  return { world, browser };
}

const send = (
  browser: Awaited<ReturnType<typeof aBrowserFor>>['browser'],
  key: string,
  path: string,
  form = {},
) => (key.startsWith('POST ') ? browser.post(path, form) : browser.get(path));

describe('the console matrix covers every console page', () => {
  it.each([...new Set(consolePages.map((page) => page.key))])('%s has a case', (key) => {
    if (!CONSOLE[key]?.length) {
      throw new Error(
        `${key} has no case in the console's authorisation matrix: add one to CONSOLE in ` +
          'test/unit/web/authorisation-matrix.test.ts saying what each caller gets',
      );
    }
  });

  it('has no case for a page that does not exist', () => {
    const keys = new Set(consolePages.map((page) => page.key));
    expect(Object.keys(CONSOLE).filter((key) => !keys.has(key))).toEqual([]);
  });
});

const rows = Object.entries(CONSOLE).flatMap(([key, cases]) =>
  (cases ?? []).flatMap((test) => CALLERS.map((caller) => ({ key, test, caller }))),
);

describe.each([...new Set(rows.map((row) => row.key))])('%s', (key) => {
  it.each(rows.filter((row) => row.key === key).map((row) => [row.test.name, row.caller, row] as const))(
    '%s: %s',
    async (_name, caller, { test }) => {
      // Prepare
      const { world, browser } = await aBrowserFor(caller);

      // Act
      const response = await send(browser, key, test.path(world), test.form);

      // Assess
      if (!isOfficerAccount(caller)) {
        // Nobody, and no applicant's session, reaches the console: they are sent to the officers' sign-in.
        expect({ status: response.status, location: response.headers.location }).toEqual({
          status: 303,
          location: '/officer/sign-in',
        });
      } else {
        const status = test.expect[caller];
        expect(response.status).toBe(status);
        if (status === 403) expect(response.body).toMatch(/senior officer|officer role/);
        if (status !== undefined && status < 400) {
          test.check?.(response, caller);
          if (key.startsWith('POST ') || test.audit) {
            if (!test.audit)
              throw new Error(`${key} (${test.name}): say how its audit event names who and why`);
            await expectOfficerAudited(world.deps, {
              what: `${key} (${test.name}) for ${caller}`,
              officerId: officerAccounts[caller].sub,
              ...(test.form?.reason ? { reason: test.form.reason } : {}),
              ...(test.audit === 'no reason taken' ? {} : { follow: test.audit }),
            });
          }
        }
      }
      if (response.status >= 300 && response.status !== 303) {
        // A refused request changes nothing: no workflow resumed, nothing an officer did in the audit log.
        expect(world.deps.workflow.resumed).toEqual([]);
        expect(world.deps.audit.events.filter((event) => event.actor === 'officer')).toEqual([]);
      }
      if (!isOfficerAccount(caller)) {
        expect(world.deps.workflow.resumed).toEqual([]);
        expect(world.deps.audit.events.filter((event) => event.actor === 'officer')).toEqual([]);
      }
    },
  );
});

/** A value for each kind of path parameter of an applicant's page (any that fits its pattern). */
const SAMPLE: Record<string, string> = {
  applicationId,
  prompt: 'contact',
  kind: 'partner',
  memberId: 'm1',
  documentId: 'doc_passport1',
  letter: '1',
  decision: '0',
};

/** A form an applicant's page accepts, where one checks its answers before whose application it is. */
const FORMS: Record<string, Record<string, string>> = {
  'POST /applications/{applicationId}/documents': { kind: 'payslip', format: 'application/pdf' },
};

describe.each(casePages)('the applicant’s page %s', (key) => {
  const [method = 'GET', pattern = ''] = key.split(' ');
  const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? name);
  const form = FORMS[key] ?? {};

  it.each(['nobody', 'officer', 'seniorOfficer'] as const)(
    'sends %s to the applicant’s sign-in',
    async (caller) => {
      const { browser } = await aBrowserFor(caller);

      const response = await send(browser, `${method} `, path, form);

      expect({ status: response.status, location: response.headers.location }).toEqual({
        status: 303,
        location: '/sign-in',
      });
    },
  );

  it('answers another applicant 404, as if the application did not exist', async () => {
    const { world, browser } = await aBrowserFor('anotherApplicant');
    const before = JSON.stringify(await world.deps.applications.get(applicationId));

    const response = await send(browser, `${method} `, path, form);

    expect(response.status).toBe(404);
    expect(JSON.stringify(await world.deps.applications.get(applicationId))).toBe(before);
  });
});
