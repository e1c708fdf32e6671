import { createNomination } from '../../../shared/services/nominations';
import { ahmedFamily } from '../../fixtures/nominations';
import { aWebApp, ellisIdentity, errorSummaryOf, signIn, titleOf } from './browser';

/**
 * A household its council nominated (issue 10) on the web: signing in with the address the invitation went to
 * finds its application made, with the council's answers in it. It is taken to the first page with something
 * left to give (its household, to check, and the applicant's own needs), and "Check your answers" shows every
 * answer of the council's with a Change link and a banner asking them to check each one. Nothing is entered again.
 */

async function nominatedAndSignedIn() {
  const app = aWebApp();
  await createNomination(app.deps, { councilId: 'riverside-council' }, ahmedFamily);
  const browser = app.browser();
  await signIn(app.deps, browser, 'samira.ahmed@example.org');
  return { app, browser };
}

describe('a nominated household on the web', () => {
  it('signs in and is taken to its household, with the council’s people on it and a banner saying whose answers they are', async () => {
    // Prepare
    const { app, browser } = await nominatedAndSignedIn();

    // Act
    const start = await browser.get('/');
    const household = await browser.get(start.headers.location ?? '');

    // Assess
    const [application] = [...app.deps.applications.items.values()];
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe(`/applications/${application?.applicationId}/household`);
    expect(household.status).toBe(200);
    expect(titleOf(household.body)).toContain('Who will live with you?');
    expect(household.body).toContain('govuk-notification-banner');
    expect(household.body).toContain('Riverside Council gave us some of your answers');
    for (const name of ['Samira Ahmed', 'Yusuf Ahmed', 'Layla Ahmed', 'Omar Ahmed'])
      expect(household.body).toContain(name);
  });

  it('shows the council’s answers on Check your answers, each with a Change link, under the banner', async () => {
    // Prepare
    const { app, browser } = await nominatedAndSignedIn();
    await browser.get('/');
    const [application] = [...app.deps.applications.items.values()];

    // Act
    const page = await browser.get(`/applications/${application?.applicationId}/check-answers`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('Riverside Council gave us some of your answers');
    for (const answer of [
      'Samira',
      '14 March 1991',
      'samira.ahmed@example.org',
      'RV1 4QT',
      'Room 12, Riverside Lodge',
    ])
      expect(page.body).toContain(answer);
    expect(page.body).toContain(
      `href="/applications/${application?.applicationId}/questions/current-home?change=1"`,
    );
  });

  it('says it in Welsh on a Welsh page', async () => {
    const { app, browser } = await nominatedAndSignedIn();
    await browser.get('/');
    const [application] = [...app.deps.applications.items.values()];
    const page = await browser.get(`/applications/${application?.applicationId}/check-answers?lang=cy`);
    expect(page.body).toContain('Rhoddodd Riverside Council rai o’ch atebion i ni');
  });

  it('leaves someone the invitation did not go to with the start page, and no application', async () => {
    const app = aWebApp();
    await createNomination(app.deps, { councilId: 'riverside-council' }, ahmedFamily);
    const browser = app.browser();
    await signIn(app.deps, browser, 'someone.else@example.org');
    const start = await browser.get('/');
    expect(start.status).toBe(200);
    expect(app.deps.applications.items.size).toBe(0);
  });
});

describe('the console’s nominations', () => {
  async function ellisWithANomination() {
    const app = aWebApp({ officers: ellisIdentity() });
    const { nominationId } = await createNomination(
      app.deps,
      { councilId: 'riverside-council' },
      ahmedFamily,
    );
    const browser = app.browser();
    browser.jar.set('doorstep_officer', 'id-token-ellis');
    return { app, browser, nominationId };
  }

  it('lists a nomination past the agreement’s deadline as overdue, with the agreement’s grounds to refuse on', async () => {
    const { app, browser } = await ellisWithANomination();
    app.deps.clock.advanceDays(15);

    const page = await browser.get('/officer/nominations');

    expect(page.status).toBe(200);
    expect(page.body).toContain('Samira Ahmed, from Riverside Council');
    expect(page.body).toContain('Overdue');
    expect(page.body).toContain('clause 6.2(a)');
  });

  it('says what is missing when no decision is chosen, then records a refusal on the agreement’s ground', async () => {
    const { app, browser, nominationId } = await ellisWithANomination();
    await browser.get('/officer/nominations');

    const nothing = await browser.post(`/officer/nominations/${nominationId}/decision`, {});
    const refused = await browser.post(`/officer/nominations/${nominationId}/decision`, {
      outcome: 'refused',
      grounds: 'no-suitable-home',
    });

    expect(nothing.status).toBe(400);
    expect(errorSummaryOf(nothing.body)).toEqual([
      { href: `#outcome-${nominationId}`, text: 'Choose whether to accept or refuse the nomination' },
    ]);
    expect(refused.status).toBe(303);
    const decided = await app.deps.nominations.get(nominationId);
    expect(decided?.decision).toMatchObject({
      outcome: 'refused',
      decidedBy: 'officer-ellis',
      reasons: [expect.objectContaining({ clause: expect.stringContaining('clause 6.2(a)') })],
    });
    expect((await browser.get('/officer/nominations')).body).not.toContain('Samira Ahmed');
  });
});
