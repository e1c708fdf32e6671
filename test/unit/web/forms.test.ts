import { MAX_FORM_BYTES } from '../../../web/http';
import { anApplication } from '../../fixtures/applications';
import { aWebApp, Browser, csrfTokenOf, signIn } from './browser';

/**
 * Every form post is checked before any page code runs: a CSRF token bound to the browser's cookie, a
 * urlencoded body, at most 32 KB. A refused post writes nothing.
 */

const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const namePage = `/applications/${applicationId}/questions/name`;

/** A signed-in applicant on the name question of their application, with the page (and its token) loaded. */
async function onTheNameQuestion() {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, email);
  await app.deps.applications.create(anApplication({ ownerId: subject }));
  await browser.get(namePage);
  const before = app.deps.applications.items.get(applicationId);
  const expectNothingWritten = () => {
    expect(app.deps.applications.items.get(applicationId)).toEqual(before);
    expect(app.deps.audit.events).toEqual([]);
  };
  return { ...app, browser, expectNothingWritten };
}

const postForm = (browser: Browser, path: string, body: string, headers: Record<string, string> = {}) =>
  browser.send('POST', path, {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('the CSRF cookie and token', () => {
  it('sets a secret cookie on the first visit, only for this site over HTTPS, and puts a token in each form', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get('/sign-in');

    // Assess
    expect(response.status).toBe(200);
    expect(response.cookies).toEqual([
      expect.stringMatching(
        /^doorstep_csrf=[A-Za-z0-9_-]{32}; HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=86400$/,
      ),
    ]);
    expect(csrfTokenOf(response.body)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is derived from the secret, never the secret itself.
    expect(response.body).not.toContain(browser.jar.get('doorstep_csrf'));
  });

  it('keeps the cookie on later visits, with the same token', async () => {
    // Prepare
    const browser = aWebApp().browser();
    const first = await browser.get('/sign-in');

    // Act
    const second = await browser.get('/sign-in');

    // Assess
    expect(second.cookies).toEqual([]);
    expect(csrfTokenOf(second.body)).toBe(csrfTokenOf(first.body));
  });

  it('takes a form with the page’s token', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await browser.get('/sign-in');

    // Act
    const response = await browser.post('/sign-in', { email });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in/code');
    expect(app.deps.notifier.sent).toHaveLength(1);
  });

  it('refuses a form without the cookie with 403, and writes nothing', async () => {
    // Prepare
    const { browser, expectNothingWritten } = await onTheNameQuestion();
    browser.jar.delete('doorstep_csrf');

    // Act
    const response = await browser.post(namePage, { firstName: 'Gareth', lastName: 'Pritchard' });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toContain('This form has expired');
    expectNothingWritten();
  });

  it.each([
    ['a wrong token', 'not-the-token'],
    ['an empty token', ''],
  ])('refuses a form with %s with 403, and writes nothing', async (_what, token) => {
    // Prepare
    const { browser, expectNothingWritten } = await onTheNameQuestion();

    // Act
    const response = await browser.post(namePage, {
      _csrf: token,
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });

    // Assess
    expect(response.status).toBe(403);
    expectNothingWritten();
  });

  it('refuses a form without a token with 403, and writes nothing', async () => {
    // Prepare
    const { browser, expectNothingWritten } = await onTheNameQuestion();

    // Act
    const response = await postForm(browser, namePage, 'firstName=Gareth&lastName=Pritchard');

    // Assess
    expect(response.status).toBe(403);
    expectNothingWritten();
  });

  it('refuses another browser’s token: each token is bound to its own cookie', async () => {
    // Prepare
    const { browser, handler, expectNothingWritten } = await onTheNameQuestion();
    const attacker = new Browser(handler);
    const theirs = csrfTokenOf((await attacker.get('/sign-in')).body);

    // Act
    const response = await browser.post(namePage, {
      _csrf: theirs,
      firstName: 'Mallory',
      lastName: 'Intruder',
    });

    // Assess
    expect(response.status).toBe(403);
    expectNothingWritten();
  });

  it('refuses a sign-in form without a token, and sends no code', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await browser.get('/sign-in');

    // Act
    const response = await browser.post('/sign-in', { _csrf: 'forged', email });

    // Assess
    expect(response.status).toBe(403);
    expect(app.deps.notifier.sent).toEqual([]);
    expect(app.deps.sessions.codes.size).toBe(0);
  });
});

describe('form bodies', () => {
  it.each([
    ['JSON', 'application/json', '{"firstName":"Gareth","lastName":"Pritchard"}'],
    [
      'multipart',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="firstName"\r\n\r\nG\r\n--x--',
    ],
    ['plain text', 'text/plain', 'firstName=Gareth&lastName=Pritchard'],
  ])('refuses a %s body with 415, and writes nothing', async (_what, type, body) => {
    // Prepare
    const { browser, expectNothingWritten } = await onTheNameQuestion();

    // Act
    const response = await postForm(browser, namePage, body, { 'content-type': type });

    // Assess
    expect(response.status).toBe(415);
    expectNothingWritten();
  });

  it('refuses a form larger than 32 KB with 413, and writes nothing', async () => {
    // Prepare
    const { browser, expectNothingWritten } = await onTheNameQuestion();
    const token = csrfTokenOf(browser.last?.body ?? '');
    const body = `_csrf=${token}&firstName=Gareth&lastName=${'P'.repeat(MAX_FORM_BYTES)}`;

    // Act
    const response = await postForm(browser, namePage, body);

    // Assess
    expect(response.status).toBe(413);
    expectNothingWritten();
  });

  it('takes a form of exactly 32 KB, with a charset, base64-encoded as API Gateway may send it', async () => {
    // Prepare
    const { browser, deps } = await onTheNameQuestion();
    const token = csrfTokenOf(browser.last?.body ?? '');
    const fields = `_csrf=${token}&firstName=Gareth&lastName=Pritchard&padding=`;
    const body = fields + 'x'.repeat(MAX_FORM_BYTES - fields.length);

    // Act
    const response = await browser.send('POST', namePage, {
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    });

    // Assess
    expect(response.status).toBe(303);
    expect(deps.applications.items.get(applicationId)?.conversation?.aboutYou).toEqual({
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });
  });
});
