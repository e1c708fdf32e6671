import { getSession } from '../../../shared/services/sessions';
import { anApplication } from '../../fixtures/applications';
import { aWebApp, type Browser, errorSummaryOf, signIn } from './browser';

/**
 * Issue 9's security checks on the applicant's sign-in, through the pages a browser uses: a session token is
 * only ever one the server made at sign-in (no fixation), and a one-time code cannot be guessed.
 */
const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function signInThroughThePages(app: ReturnType<typeof aWebApp>, browser: Browser, address = email) {
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: address });
  const code = app.deps.notifier.sent.at(-1)?.values.code ?? '';
  await browser.get('/sign-in/code');
  return browser.post('/sign-in/code', { code });
}

describe('session fixation', () => {
  it('never takes a session token the browser came with: sign-in makes a new one, and the planted one opens nothing', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    browser.jar.set('doorstep_session', 'token-an-attacker-chose');

    // Act
    const response = await signInThroughThePages(app, browser);

    // Assess
    expect(response.status).toBe(303);
    const token = browser.jar.get('doorstep_session') ?? '';
    expect(token).not.toBe('token-an-attacker-chose');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const attacker = app.browser();
    attacker.jar.set('doorstep_session', 'token-an-attacker-chose');
    expect((await attacker.get(`/applications/${applicationId}/status`)).status).toBe(303);
  });

  it('gives the victim a session of their own when an attacker plants their own signed-in session, and ends it', async () => {
    // Prepare: the attacker signs in as themselves, then plants their session in the victim's browser.
    const app = aWebApp();
    const attacker = app.browser();
    await signIn(app.deps, attacker, 'attacker@example.org');
    const planted = attacker.jar.get('doorstep_session') ?? '';
    const victim = app.browser();
    victim.jar.set('doorstep_session', planted);

    // Act
    await signInThroughThePages(app, victim);
    const subject = (await getSession(app.deps, victim.jar.get('doorstep_session') ?? ''))?.subject;
    await app.deps.applications.create(anApplication({ ownerId: subject ?? '' }));

    // Assess: the victim's application is theirs alone; the planted token is no longer a session at all.
    expect(victim.jar.get('doorstep_session')).not.toBe(planted);
    expect((await victim.get(`/applications/${applicationId}/status`)).status).toBe(200);
    expect((await attacker.get(`/applications/${applicationId}/status`)).status).toBe(303);
  });
});

describe('guessing a one-time code', () => {
  it('refuses the right code after five wrong ones, so a code cannot be found by trying', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email });
    const code = app.deps.notifier.sent.at(-1)?.values.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    await browser.get('/sign-in/code');

    // Act
    for (let attempt = 0; attempt < 5; attempt += 1) await browser.post('/sign-in/code', { code: wrong });
    const right = await browser.post('/sign-in/code', { code });

    // Assess
    expect(right.status).toBe(400);
    expect(errorSummaryOf(right.body)).toHaveLength(1);
    expect(browser.jar.has('doorstep_session')).toBe(false);
  });

  it('sends at most five codes an hour to one address, and says when to try again', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await browser.get('/sign-in');
    for (let request = 0; request < 5; request += 1) {
      await browser.post('/sign-in', { email });
      await browser.get('/sign-in');
    }

    // Act
    const sixth = await browser.post('/sign-in', { email });

    // Assess
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatch(/minute|hour/);
    expect(app.deps.notifier.sent).toHaveLength(5);
  });
});
