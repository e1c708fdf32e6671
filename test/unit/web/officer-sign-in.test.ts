import jsQR from 'jsqr';
import sharp from 'sharp';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aWebApp, errorSummaryOf, FakeOfficerIdentity, fieldErrorOf, inputValueOf, titleOf } from './browser';

/**
 * The console's sign-in past the password: the authenticator app's code (the officers' user pool requires
 * one), and adding the app the first time. The provider is a fake of the port, so these are the console's
 * own rules: where the provider's session is kept, what each answer shows, and what the browser never sees.
 */

const riversideCase = 'app_0123456789abcdef0123456789abcdef';
const claims = (sub: string, email: string) => ({
  sub,
  email,
  'custom:landlordId': 'riverside-homes',
  'cognito:groups': ['officer', 'senior-officer'],
});

/** Ellis has an authenticator app that shows 492039; Morgan, just given an account, has none yet. */
const ELLIS = { email: 'ellis@riverside-homes.example', password: 'correct horse battery staple' };
const MORGAN = { email: 'morgan@riverside-homes.example', password: 'a brand new passphrase' };
const MORGANS_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const anOfficersIdentity = () =>
  new FakeOfficerIdentity([
    { ...ELLIS, token: 'id-token-ellis', claims: claims('officer-ellis', ELLIS.email), appCode: '492039' },
    {
      ...MORGAN,
      token: 'id-token-morgan',
      claims: claims('officer-morgan', MORGAN.email),
      newApp: { secret: MORGANS_KEY, code: '731904' },
    },
  ]);

const PENDING = 'doorstep_officer_sign_in';
const PENDING_ATTRIBUTES = '; HttpOnly; Secure; SameSite=Strict; Path=/officer/sign-in; Max-Age=600';
const PENDING_CLEARED = `${PENDING}=; HttpOnly; Secure; SameSite=Strict; Path=/officer/sign-in; Max-Age=0`;

/** A console with a case waiting for a senior officer, and a browser on the sign-in page. */
async function aConsole() {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication({ stage: Stage.OfficerApproval, status: 'offered' }));
  await awaitPerson(deps, {
    applicationId: riversideCase,
    stage: Stage.OfficerApproval,
    kind: 'approval',
    waitingFor: WaitingFor.SeniorOfficer,
    taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAWFwcHJvdmFsLXJpdmVyc2lkZQ==approval-ri',
  });
  const identity = anOfficersIdentity();
  const browser = aWebApp({ deps, officers: identity }).browser();
  await browser.get('/officer/sign-in');
  return { browser, identity };
}

/** Ellis past the password, on the code page. */
async function ellisAtTheCode() {
  const app = await aConsole();
  const signedIn = await app.browser.post('/officer/sign-in', ELLIS);
  const codePage = await app.browser.get('/officer/sign-in/code');
  return { ...app, signedIn, codePage };
}

/** Morgan past the password, on the page that adds the app. */
async function morganAtTheSetUp() {
  const app = await aConsole();
  const signedIn = await app.browser.post('/officer/sign-in', MORGAN);
  const setUpPage = await app.browser.get('/officer/sign-in/set-up');
  return { ...app, signedIn, setUpPage };
}

/** Reads the page's QR code the way a phone's camera does: the SVG rasterised, then decoded from its pixels. */
async function scanQrCode(html: string): Promise<string | undefined> {
  const base64 = /<img[^>]*src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
  if (!base64) return undefined;
  const { data, info } = await sharp(Buffer.from(base64, 'base64'), { density: 300 })
    .resize(600)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
    ?.data;
}

describe('signing in with an authenticator app', () => {
  it('asks for the app’s code after a right password, keeping the session in a cookie for the sign-in pages only', async () => {
    // Prepare, Act
    const { signedIn, codePage, identity } = await ellisAtTheCode();
    const [session] = [...identity.sessions.keys()];

    // Assess
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/officer/sign-in/code');
    expect(signedIn.cookies).toEqual([expect.stringMatching(new RegExp(`^${PENDING}=[A-Za-z0-9_-]+; `))]);
    expect(signedIn.cookies[0]?.endsWith(PENDING_ATTRIBUTES)).toBe(true);
    expect(signedIn.cookies.filter((cookie) => cookie.startsWith('doorstep_officer='))).toEqual([]);
    expect(codePage.status).toBe(200);
    expect(titleOf(codePage.body)).toBe(
      'Enter the 6-digit code from your authenticator app – Doorstep lettings console',
    );
    expect(codePage.body).toMatch(/<input[^>]*name="code"[^>]*inputmode="numeric"/);
    expect(codePage.body).toMatch(/<input[^>]*name="code"[^>]*autocomplete="one-time-code"/);
    expect(codePage.body).toContain('action="/officer/sign-in/code"');
    expect(session).toBeDefined();
    for (const shown of [signedIn.headers.location ?? '', codePage.body])
      expect(shown).not.toContain(session ?? 'no session');
  });

  it('signs in with the right code: the console’s cookie set, the sign-in cookie cleared, the queue open', async () => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();
    const [session] = [...identity.sessions.keys()];

    // Act
    const response = await browser.post('/officer/sign-in/code', { code: '492039' });
    const queue = await browser.get('/officer');

    // Assess
    expect(identity.codes).toEqual([{ email: ELLIS.email, session, code: '492039', setUp: false }]);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/officer');
    expect(response.cookies).toEqual([
      'doorstep_officer=id-token-ellis; HttpOnly; Secure; SameSite=Strict; Path=/officer; Max-Age=1800',
      PENDING_CLEARED,
    ]);
    expect(queue.status).toBe(200);
    expect(queue.body).toContain(`href="/officer/applications/${riversideCase}"`);
  });

  it('takes a code typed with a space in the middle, as some apps show it', async () => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();

    // Act
    const response = await browser.post('/officer/sign-in/code', { code: ' 492 039 ' });

    // Assess
    expect(response.headers.location).toBe('/officer');
    expect(identity.codes.map((sent) => sent.code)).toEqual(['492039']);
  });

  it.each([
    ['', 'Enter the 6-digit code from your authenticator app'],
    ['49203', 'The code must be 6 digits'],
    ['4920391', 'The code must be 6 digits'],
    ['49203O', 'The code must be 6 digits'],
  ])('answers the code %j with 400 and “%s”, asking the provider nothing', async (code, message) => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();

    // Act
    const response = await browser.post('/officer/sign-in/code', { code });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe(
      'Error: Enter the 6-digit code from your authenticator app – Doorstep lettings console',
    );
    expect(errorSummaryOf(response.body)).toEqual([{ href: '#code', text: message }]);
    expect(fieldErrorOf(response.body, 'code')).toBe(message);
    expect(identity.codes).toEqual([]);
  });

  it('answers a wrong code with 400 and the error, keeping the sign-in, so the right code still works', async () => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();
    const [session] = [...identity.sessions.keys()];

    // Act
    const wrong = await browser.post('/officer/sign-in/code', { code: '123456' });
    const right = await browser.post('/officer/sign-in/code', { code: '492039' });

    // Assess
    expect(wrong.status).toBe(400);
    expect(fieldErrorOf(wrong.body, 'code')).toBe(
      'That code did not work. Enter the code your authenticator app shows now, or wait for its next one',
    );
    expect(wrong.body).not.toContain(session ?? 'no session');
    expect(wrong.cookies.filter((cookie) => cookie.startsWith(`${PENDING}=`))).toEqual([]);
    expect(right.headers.location).toBe('/officer');
  });

  it('sends the officer back to sign in, email kept, when the provider says the session has expired', async () => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();
    identity.expireSessions();

    // Act
    const response = await browser.post('/officer/sign-in/code', { code: '492039' });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: Sign in – Doorstep lettings console');
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#email', text: 'Your sign-in timed out. Sign in again.' },
    ]);
    expect(inputValueOf(response.body, 'email')).toBe(ELLIS.email);
    expect(response.body).toContain('action="/officer/sign-in"');
    expect(response.cookies).toContain(PENDING_CLEARED);
    expect(browser.jar.has(PENDING)).toBe(false);
  });

  it('sends a browser with no sign-in under way (or one it cannot read) back to the password', async () => {
    // Prepare
    const { browser, identity } = await aConsole();
    const mangled = aWebApp({ officers: identity }).browser();
    mangled.jar.set(PENDING, 'bm90IGEgc2lnbi1pbg');

    // Act
    const page = await browser.get('/officer/sign-in/code');
    const unreadable = await mangled.get('/officer/sign-in/code');
    const posted = await browser.post('/officer/sign-in/code', { code: '492039' });

    // Assess
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/officer/sign-in');
    expect(unreadable.headers.location).toBe('/officer/sign-in');
    expect(posted.status).toBe(400);
    expect(errorSummaryOf(posted.body)).toEqual([
      { href: '#email', text: 'Your sign-in timed out. Sign in again.' },
    ]);
    expect(identity.codes).toEqual([]);
  });

  it('refuses a code posted without the form’s CSRF token, and asks the provider nothing', async () => {
    // Prepare
    const { browser, identity } = await ellisAtTheCode();

    // Act
    const response = await browser.post('/officer/sign-in/code', { code: '492039', _csrf: 'forged' });

    // Assess
    expect(response.status).toBe(403);
    expect(identity.codes).toEqual([]);
    expect(browser.jar.has('doorstep_officer')).toBe(false);
  });

  it('forgets a sign-in under way when the officer signs out', async () => {
    // Prepare
    const { browser } = await ellisAtTheCode();

    // Act
    const response = await browser.post('/officer/sign-out');

    // Assess
    expect(response.headers.location).toBe('/officer/sign-in');
    expect(response.cookies).toContain(PENDING_CLEARED);
  });
});

describe('adding an authenticator app the first time', () => {
  it('shows the new app’s key, in groups of four, and a QR code an app can scan for it', async () => {
    // Prepare, Act
    const { signedIn, setUpPage, identity } = await morganAtTheSetUp();
    const [session] = [...identity.sessions.keys()];
    const scanned = new URL((await scanQrCode(setUpPage.body)) ?? 'about:blank');

    // Assess
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/officer/sign-in/set-up');
    expect(signedIn.cookies[0]?.endsWith(PENDING_ATTRIBUTES)).toBe(true);
    expect(setUpPage.status).toBe(200);
    expect(titleOf(setUpPage.body)).toBe('Set up your authenticator app – Doorstep lettings console');
    expect(setUpPage.body).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(setUpPage.body).toMatch(/<input[^>]*name="code"[^>]*autocomplete="one-time-code"/);
    expect(setUpPage.body).not.toContain(session ?? 'no session');
    expect(scanned.protocol).toBe('otpauth:');
    expect(scanned.host).toBe('totp');
    expect(decodeURIComponent(scanned.pathname)).toBe(`/Doorstep lettings:${MORGAN.email}`);
    expect(Object.fromEntries(scanned.searchParams)).toEqual({
      secret: MORGANS_KEY,
      issuer: 'Doorstep lettings',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('adds the app with its first code and signs the officer in', async () => {
    // Prepare
    const { browser, identity } = await morganAtTheSetUp();
    const [session] = [...identity.sessions.keys()];

    // Act
    const response = await browser.post('/officer/sign-in/set-up', { code: '731904' });

    // Assess
    expect(identity.codes).toEqual([{ email: MORGAN.email, session, code: '731904', setUp: true }]);
    expect(response.headers.location).toBe('/officer');
    expect(response.cookies).toEqual([
      'doorstep_officer=id-token-morgan; HttpOnly; Secure; SameSite=Strict; Path=/officer; Max-Age=1800',
      PENDING_CLEARED,
    ]);
  });

  it('asks again after a wrong or malformed first code, still showing the key', async () => {
    // Prepare
    const { browser } = await morganAtTheSetUp();

    // Act
    const malformed = await browser.post('/officer/sign-in/set-up', { code: '7319' });
    const wrong = await browser.post('/officer/sign-in/set-up', { code: '111111' });

    // Assess
    expect(malformed.status).toBe(400);
    expect(fieldErrorOf(malformed.body, 'code')).toBe('The code must be 6 digits');
    expect(wrong.status).toBe(400);
    expect(fieldErrorOf(wrong.body, 'code')).toMatch(/^That code did not work/);
    expect(wrong.body).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });

  it('sends the officer back to sign in when the set-up has timed out', async () => {
    // Prepare
    const { browser, identity } = await morganAtTheSetUp();
    identity.expireSessions();

    // Act
    const response = await browser.post('/officer/sign-in/set-up', { code: '731904' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#email', text: 'Your sign-in timed out. Sign in again.' },
    ]);
    expect(inputValueOf(response.body, 'email')).toBe(MORGAN.email);
    expect(browser.jar.has(PENDING)).toBe(false);
  });

  it('does not show the set-up page to an officer whose sign-in asks for a code instead', async () => {
    // Prepare
    const { browser } = await ellisAtTheCode();

    // Act
    const response = await browser.get('/officer/sign-in/set-up');

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/officer/sign-in');
  });
});
