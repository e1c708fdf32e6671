import { Stage } from '../../../shared/domain/stage';
import { aCompleteApplication } from '../../fixtures/applications';
import { aWebApp, ellisIdentity, errorSummaryOf, signIn, titleOf } from './browser';

/**
 * Leaving and staying safe (issue 9) on the web: the withdrawal page says what happens at this stage and to the
 * applicant's data, then confirms; the contact-safety page keeps what is safe; every applicant page has the
 * quick exit, which signs out on its way to a neutral site; the console warns officers.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

async function garethSignedIn(change: Parameters<typeof aCompleteApplication>[0] = {}) {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  await app.deps.applications.create(aCompleteApplication({ ownerId: subject, ...change }));
  return { app, browser, subject };
}

const checkedOf = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'g'))]
    .filter((input) => input[0].includes('checked'))
    .map((input) => /value="([^"]*)"/.exec(input[0])?.[1]);

describe('withdrawing on the web', () => {
  it('says what withdrawing means and how long each kind of document is kept, from the catalogue', async () => {
    // Prepare
    const { browser } = await garethSignedIn({
      stage: Stage.Registered,
      status: 'registered',
      registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
    });

    // Act
    const page = await browser.get(`${base}/withdraw`);

    // Assess
    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('Withdraw your application');
    for (const text of [
      'you come off the housing register, and lose your place in band B from 10 January 2026',
      'you can apply again at any time',
      'and any share code 30 days after you withdraw',
      'bank statements and bills, 90 days after you withdraw',
      'href="/privacy"',
      'Why are you withdrawing? (optional)',
      'govuk-button--warning',
      'Withdraw my application',
    ])
      expect(page.body).toContain(text);
  });

  it('withdraws, then shows the confirmation panel, and the status page says so', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/withdraw`);

    // Act
    const posted = await browser.post(`${base}/withdraw`, { reason: 'We have found a home' });
    const confirmation = await browser.get(posted.headers.location ?? '');

    // Assess
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`${base}/withdraw`);
    expect(confirmation.body).toContain('govuk-panel--confirmation');
    expect(confirmation.body).toContain('Application withdrawn');
    expect(confirmation.body).toContain(applicationId);
    const saved = await app.deps.applications.get(applicationId);
    expect(saved?.withdrawal?.reason).toBe('We have found a home');
    expect(app.deps.notifier.sent.map((message) => message.template)).toContain('withdrawn');
  });

  it('keeps the reason typed and says what is wrong when it is too long, withdrawing nothing', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/withdraw`);
    const reason = `Moving away. ${'x'.repeat(500)}`;

    // Act
    const page = await browser.post(`${base}/withdraw`, { reason });

    // Assess
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.body)).toEqual([
      { href: '#reason', text: 'Your reason must be 500 characters or fewer' },
    ]);
    expect(page.body).toContain('Moving away.');
    expect((await app.deps.applications.get(applicationId))?.status).toBe('in-progress');
  });

  it('explains, without a button, why a let application cannot be withdrawn', async () => {
    // Prepare
    const { browser } = await garethSignedIn({ status: 'let' });

    // Act
    const page = await browser.get(`${base}/withdraw`);

    // Assess
    expect(page.body).toContain('You cannot withdraw this application');
    expect(page.body).toContain('The home is let to you');
    expect(page.body).not.toContain('Withdraw my application');
  });

  it('refuses a post without the form’s CSRF token', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/withdraw`);

    // Act
    const page = await browser.post(`${base}/withdraw`, { _csrf: 'forged' });

    // Assess
    expect(page.status).toBe(403);
    expect((await app.deps.applications.get(applicationId))?.withdrawal).toBeUndefined();
  });
});

describe('safe contact on the web', () => {
  it('saves what is safe, shows it again, and confirms', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/contact-safety`);

    // Act
    const posted = await browser.post(`${base}/contact-safety`, {
      safe: 'text',
      textTimes: ['morning', 'evening'],
      letters: 'shared-address',
      voicemail: 'no',
    });
    const page = await browser.get(posted.headers.location ?? '');

    // Assess
    expect(posted.status).toBe(303);
    expect(page.body).toContain('We will only contact you in the ways you chose');
    expect(checkedOf(page.body, 'safe')).toEqual(['text']);
    expect(checkedOf(page.body, 'textTimes')).toEqual(['morning', 'evening']);
    expect(checkedOf(page.body, 'letters')).toEqual(['shared-address']);
    expect(checkedOf(page.body, 'voicemail')).toEqual(['no']);
    expect((await app.deps.applications.get(applicationId))?.contactSafety).toMatchObject({
      safe: ['text'],
      textTimes: ['morning', 'evening'],
      letters: 'shared-address',
      voicemail: false,
    });
  });

  it('takes ‘None of these’ as an answer: nothing is safe', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/contact-safety`);

    // Act
    await browser.post(`${base}/contact-safety`, { safe: 'none', letters: 'not-safe', voicemail: 'no' });
    const page = await browser.get(`${base}/contact-safety`);

    // Assess
    expect((await app.deps.applications.get(applicationId))?.contactSafety?.safe).toEqual([]);
    expect(checkedOf(page.body, 'safe')).toEqual(['none']);
  });

  it('says what is missing in the error summary, keeping what was ticked, and saves nothing', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/contact-safety`);

    // Act
    const page = await browser.post(`${base}/contact-safety`, { safe: ['email', 'none'] });

    // Assess
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.body)).toEqual([
      { href: '#safe', text: 'Choose the ways that are safe, or ‘None of these’, not both' },
      { href: '#letters', text: 'Say whether we can post letters to your address' },
      { href: '#voicemail', text: 'Say whether we can leave a voicemail' },
    ]);
    expect(checkedOf(page.body, 'safe')).toEqual(['email', 'none']);
    expect((await app.deps.applications.get(applicationId))?.contactSafety).toBeUndefined();
  });

  it('is linked from the contact details question, without being one of the questions', async () => {
    // Prepare
    const { browser } = await garethSignedIn({ profile: { household: [] } });

    // Act
    const page = await browser.get(`${base}/questions/contact`);

    // Assess
    expect(page.body).toContain(`href="${base}/contact-safety"`);
  });

  it('is linked from the status page with the withdrawal', async () => {
    // Prepare
    const { browser } = await garethSignedIn();

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    expect(page.body).toContain(`href="${base}/contact-safety"`);
    expect(page.body).toContain(`href="${base}/withdraw"`);
  });
});

describe('the quick exit', () => {
  it('is on every applicant page, leading to /exit, and never on the console', async () => {
    // Prepare
    const { browser } = await garethSignedIn();

    // Act
    const pages = await Promise.all(
      ['/help', `${base}/status`, `${base}/withdraw`, '/privacy'].map((path) => browser.get(path)),
    );
    const console = await aWebApp().browser().get('/officer/sign-in');

    // Assess
    for (const page of pages) {
      expect(page.body).toContain('data-module="govuk-exit-this-page"');
      expect(page.body).toMatch(
        /href="\/exit"[^>]*rel="nofollow noreferrer"|rel="nofollow noreferrer"[^>]*href="\/exit"/,
      );
    }
    expect(console.body).not.toContain('govuk-exit-this-page');
  });

  it('is explained on the start page before anyone needs it, with what it does not do', async () => {
    // Act
    const page = await aWebApp().browser().get('/');

    // Assess
    expect(page.body).toContain('Leaving this website quickly');
    expect(page.body).toContain('press the Shift key 3 times');
    expect(page.body).toContain('This does not remove the pages from your browsing history');
  });

  it('signs the applicant out and leaves for a neutral site, telling it nothing', async () => {
    // Prepare
    const { browser } = await garethSignedIn();

    // Act
    const exit = await browser.get('/exit');
    const after = await browser.get(`${base}/status`);

    // Assess
    expect(exit.status).toBe(303);
    expect(exit.headers.location).toBe('https://www.bbc.co.uk/weather');
    expect(exit.headers['referrer-policy']).toBe('no-referrer');
    expect(exit.headers['cache-control']).toBe('no-store');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/sign-in');
  });
});

describe('the officer console', () => {
  async function ellisReads(change: Parameters<typeof aCompleteApplication>[0]) {
    const app = aWebApp({ officers: ellisIdentity() });
    await app.deps.applications.create(aCompleteApplication(change));
    const browser = app.browser();
    browser.jar.set('doorstep_officer', 'id-token-ellis');
    return browser.get(`/officer/applications/${applicationId}`);
  }

  it('warns officers on the case page how it is and is not safe to contact the applicant', async () => {
    // Act
    const page = await ellisReads({
      contactSafety: {
        safe: ['email'],
        textTimes: [],
        letters: 'shared-address',
        voicemail: false,
        updatedAt: '2026-11-01T10:00:00.000Z',
      },
    });

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('govuk-warning-text');
    expect(page.body).toContain(
      'Safe contact: Email is safe; do not text; no letters by post (the address is shared); do not leave voicemail.',
    );
  });

  it('shows no warning when the applicant has said every way is safe, and says when they withdrew', async () => {
    // Act
    const page = await ellisReads({
      status: 'closed',
      withdrawal: { withdrawnAt: '2026-11-20T10:00:00.000Z', stage: Stage.Household, reason: 'Found a home' },
      contactSafety: {
        safe: ['email', 'text'],
        textTimes: [],
        letters: 'safe',
        voicemail: true,
        updatedAt: '2026-11-01T10:00:00.000Z',
      },
    });

    // Assess
    expect(page.body).not.toContain('Safe contact:');
    expect(page.body).toContain(
      'The applicant withdrew this application on 20 November 2026, at the stage ‘Your household’. Their reason: Found a home',
    );
  });
});
