import { LocalConnection } from '../../../shared/domain/application';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { anotherPhotoPlease, identityProblems } from '../../../shared/domain/identity-check';
import { assessQualification } from '../../../shared/domain/qualification';
import { policyFor } from '../../../shared/policies';
import { verification } from '../../../shared/services/application-stages';
import { aCompleteApplication, anApplication } from '../../fixtures/applications';
import { person } from '../../support/households';
import { memoryDeps } from '../../support/memory';
import { aReadPassport } from '../../support/uploads';
import { aWebApp, ellisIdentity, errorSummaryOf, inputValueOf, signIn, titleOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

async function signedInWithAnApplication() {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  await app.deps.applications.create(anApplication({ ownerId: subject }));
  await browser.get('/sign-in');
  return { ...app, browser, subject };
}

const headingOf = (html: string) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>|<legend[^>]*>\s*<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)
    ?.slice(1)
    .find(Boolean)
    ?.replace(/<[^>]+>/g, '')
    .trim();

describe('Welsh and English', () => {
  it('shows a page in Welsh from ?lang=cy, and remembers the choice in a cookie any page can send', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const page = await browser.get('/sign-in?lang=cy');
    const next = await browser.get('/');

    // Assess
    expect(page.body).toContain('<html lang="cy"');
    expect(page.body).toContain('Beth yw eich cyfeiriad e-bost?');
    expect(page.cookies.find((cookie) => cookie.startsWith('doorstep_lang=cy'))).toMatch(
      /; Secure; SameSite=Lax; Path=\/; Max-Age=\d+$/,
    );
    expect(next.body).toContain('<html lang="cy"');
    expect(next.body).toContain('Gwneud cais am gartref cymdeithasol');
  });

  it('sends the sign-in code in the language of the page it was asked for on', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await browser.get('/sign-in?lang=cy');

    // Act
    const sent = await browser.post('/sign-in', { email: 'sian.evans@example.org' });

    // Assess
    expect(sent.status).toBe(303);
    expect(app.deps.notifier.sent.at(-1)).toMatchObject({ template: 'sign-in-code', language: 'cy' });
  });

  it('links every page to itself in the other language, named in that language', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const english = await browser.get('/sign-in');
    const welsh = await browser.get('/sign-in?lang=cy');

    // Assess
    expect(english.body).toContain('<html lang="en-GB"');
    expect(english.body).toContain(
      '<a class="govuk-link govuk-link--no-visited-state" href="/sign-in?lang=cy" hreflang="cy" lang="cy" rel="alternate">Cymraeg</a>',
    );
    expect(welsh.body).toContain(
      '<a class="govuk-link govuk-link--no-visited-state" href="/sign-in?lang=en" hreflang="en" lang="en" rel="alternate">English</a>',
    );
    expect(welsh.body).toContain('<span aria-current="true">Cymraeg</span>');
    // With JavaScript, the link follows a question the conversation puts in place of the page it was drawn for.
    expect(english.body).toContain('<script type="module" src="/assets/doorstep-language.js"></script>');
    expect((await browser.get('/assets/doorstep-language.js')).status).toBe(200);
  });

  it('asks a question in Welsh, and says what is wrong with an answer in Welsh, keeping what was typed', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();
    await browser.get(`${base}/questions/name?lang=cy`);
    await browser.post(`${base}/questions/name`, { firstName: 'Gareth', lastName: 'Pritchard' });

    // Act
    const question = await browser.get(`${base}/questions/date-of-birth`);
    const refused = await browser.post(`${base}/questions/date-of-birth`, {
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '',
      'dateOfBirth-year': '1990',
    });

    // Assess
    expect(headingOf(question.body)).toBe('Beth yw eich dyddiad geni?');
    expect(question.body).toContain('Er enghraifft, 27 3 1990');
    expect(question.body).toContain('Diwrnod');
    expect(refused.status).toBe(400);
    expect(titleOf(refused.body)).toMatch(/^Gwall: Beth yw eich dyddiad geni\?/);
    expect(refused.body).toContain('Mae problem');
    expect(errorSummaryOf(refused.body)).toEqual([
      { href: '#dateOfBirth-day', text: 'Rhaid i’ch dyddiad geni gynnwys mis' },
    ]);
    expect(refused.body).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
    expect(inputValueOf(refused.body, 'dateOfBirth-day')).toBe('31');
  });

  it('keeps the page and the answers given when the language changes half way', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();
    await browser.get(`${base}/questions/name`);
    await browser.post(`${base}/questions/name`, { firstName: 'Gareth', lastName: 'Pritchard' });
    const english = await browser.get(`${base}/questions/name?change=1`);
    const link = /href="([^"]*)" hreflang="cy"/.exec(english.body)?.[1]?.replace(/&amp;/g, '&') ?? '';

    // Act
    const welsh = await browser.get(link);

    // Assess
    expect(link).toBe(`${base}/questions/name?change=1&lang=cy`);
    expect(welsh.status).toBe(200);
    expect(welsh.body).toContain('Beth yw eich enw?');
    expect(inputValueOf(welsh.body, 'firstName')).toBe('Gareth');
    expect(inputValueOf(welsh.body, 'lastName')).toBe('Pritchard');
  });

  it('keeps the language chosen on the applicant’s own application, so messages are written in it', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();

    // Act
    await browser.get(`${base}/questions/name?lang=cy`);
    await browser.get(`${base}/questions/name?lang=cy`);

    // Assess
    expect(deps.applications.items.get(applicationId)?.language).toBe('cy');
    expect(deps.audit.events.filter((event) => event.type === 'language-chosen')).toHaveLength(1);
  });

  it('starts an application in the language of the page it was started from', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    await signIn(app.deps, browser, 'sian.evans@example.org');
    await browser.get('/?lang=cy');

    // Act
    const started = await browser.post('/applications', { landlordId: 'riverside-homes' });

    // Assess
    expect(started.status).toBe(303);
    const [application] = [...app.deps.applications.items.values()];
    expect(application?.language).toBe('cy');
  });

  it('keeps nothing on someone else’s application, which answers 404 as always', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();
    const theirs = 'app_fedcba9876543210fedcba9876543210';
    await deps.applications.create(anApplication({ applicationId: theirs, ownerId: 'sub_aisha' }));

    // Act
    const page = await browser.get(`/applications/${theirs}/status?lang=cy`);

    // Assess
    expect(page.status).toBe(404);
    expect(page.body).toContain('Heb ddod o hyd i’r dudalen');
    expect(deps.applications.items.get(theirs)?.language).toBeUndefined();
  });

  it('shows the status page in Welsh: the stage, the task list and what happens next', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const page = await browser.get(`${base}/status?lang=cy`);

    // Assess
    expect(page.status).toBe(200);
    expect(headingOf(page.body)).toBe('Allwch chi wneud cais?');
    expect(page.body).toContain('Eich manylion');
    expect(page.body).toContain('Beth sy’n digwydd nesaf');
    expect(page.body).toContain('Rydyn ni’n gweithio ar y cam nesaf.');
  });

  it('gives a decision’s reasons and a passport’s problem in Welsh on a Welsh page, and in English on an English one', async () => {
    // Prepare: an answer that goes to an officer as likely ineligible, and a passport whose date of birth differs.
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    const application = aCompleteApplication({ ownerId: subject });
    const dateOfBirth = identityProblems(
      {
        dateOfBirth: { value: '1991-02-03', confidence: 0.9 },
        expiryDate: { value: '2030-01-01', confidence: 0.9 },
      },
      person('applicant', 'Gareth', 'male', '1990-02-03', { lastName: 'Pritchard' }),
      '2026-11-29',
      'driving-licence',
    ).find((problem) => problem.field === 'date of birth');
    const refused = assessEligibility({
      immigrationStatus: 'no-current-permission',
      policy: policyFor('riverside-council'),
      decidedAt: '2026-11-02T10:00:00.000Z',
    });
    const tooYoung = assessQualification({
      applicant: { dateOfBirth: '2009-06-01' },
      localConnection: LocalConnection.parse({ yearsInArea: 17 }),
      income: { monthlyEarnings: 90_000, monthlyBenefits: 0, savings: 0 },
      policy: policyFor('riverside-council'),
      decidedAt: '2026-11-02T10:00:00.000Z',
    });
    await app.deps.applications.create({
      ...application,
      decisions: [refused, tooYoung],
      documents: [
        {
          documentId: 'doc_licence1',
          kind: 'driving-licence',
          contentType: 'image/jpeg',
          sizeBytes: 2_400_000,
          status: 'read',
          declaredAt: '2026-11-01T10:05:00.000Z',
          problem: anotherPhotoPlease(dateOfBirth ? [dateOfBirth] : []),
        },
      ],
    });
    await browser.get('/sign-in');

    // Act
    const status = await browser.get(`${base}/status?lang=cy`);
    const licence = await browser.get(`${base}/documents/doc_licence1`);
    const english = await browser.get(`${base}/status?lang=en`);

    // Assess
    expect(status.body).toContain('Dywedoch chi wrthym nad oes gennych chi ganiatâd i aros yn y DU.');
    expect(status.body).toContain('Bydd un o swyddogion Riverside Council yn gwirio eich atebion');
    expect(status.body).toContain('Bydd swyddog yn cysylltu â chi o fewn 10 diwrnod.');
    expect(status.body).toContain(
      'Rydych chi’n 17 oed. Mae Riverside Council yn derbyn ymgeiswyr 18 oed neu hŷn, oni bai bod swyddog',
    );
    expect(status.body).toContain('Efallai na allwch chi ymuno â’r gofrestr eto.');
    expect(status.body).not.toContain('You told us you do not have permission');
    expect(status.body).not.toContain('You are 17.');
    expect(licence.body).toContain(
      'Mae eich trwydded yrru yn dweud i chi gael eich geni ar 1991-02-03, ond dywedoch chi wrthym 1990-02-03',
    );
    expect(licence.body).not.toContain('says you were born on');
    expect(english.body).toContain('You told us you do not have permission to stay in the UK.');
    expect(english.body).toContain('You are 17. Riverside Council accepts applicants aged 18 or over');
    expect(english.body).not.toContain('Dywedoch chi wrthym');
  });

  it('gives the verification stage’s reasons and next step in Welsh on a Welsh status page', async () => {
    // Prepare: a passport whose date of birth differs from the answers, checked by the real stage.
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    const fields = {
      surname: 'PRITCHARD',
      givenNames: 'GARETH',
      dateOfBirth: '1988-07-20',
      expiryDate: '2031-05-01',
      checkDigitsValid: 'true',
    };
    await app.deps.applications.create(
      aCompleteApplication({
        ownerId: subject,
        documents: [aReadPassport(fields)],
      }),
    );
    await verification(app.deps, { applicationId });
    await browser.get('/sign-in');

    // Act
    const status = await browser.get(`${base}/status?lang=cy`);
    const english = await browser.get(`${base}/status?lang=en`);

    // Assess
    expect(status.body).toContain(
      'Bydd swyddog yn cymharu eich pasbort â’ch atebion o fewn 10 diwrnod. Os oedd un o’ch atebion yn anghywir,',
    );
    expect(status.body).toContain('Mae eich pasbort yn dweud i chi gael eich geni ar 1988-07-20');
    expect(status.body).not.toContain('An officer will compare your passport');
    expect(english.body).toContain('An officer will compare your passport with your answers within 10 days.');
  });

  it('asks how to contact the applicant safely, and explains withdrawing, in Welsh', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const safety = await browser.get(`${base}/contact-safety?lang=cy`);
    const withdraw = await browser.get(`${base}/withdraw`);

    // Assess
    expect(headingOf(safety.body)).toBe('Sut gallwn ni gysylltu â chi’n ddiogel');
    expect(safety.body).toContain('Boreau, 9am tan 12 hanner dydd');
    expect(headingOf(withdraw.body)).toBe('Tynnu eich cais yn ôl');
    expect(withdraw.body).toContain('Allwch chi ddim dadwneud tynnu’n ôl.');
  });

  it('gives the page’s scripts their words in Welsh, as data they read (a conversation’s announcements)', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const page = await browser.get('/sign-in?lang=cy');

    // Assess
    const json = /<div id="doorstep-texts" hidden data-texts="([^"]*)"><\/div>/.exec(page.body)?.[1] ?? '{}';
    const texts = JSON.parse(json.replace(/&quot;/g, '"').replace(/&#39;/g, "'")) as Record<string, string>;
    expect(texts['Saved. Next question: {question}']).toBe('Wedi’i gadw. Y cwestiwn nesaf: {question}');
    expect(Object.entries(texts).filter(([english, welsh]) => english === welsh)).toEqual([]);
    expect((await browser.get('/assets/doorstep-texts.js')).status).toBe(200);
  });

  it('tells an officer, on the case page, that the household chose Welsh', async () => {
    // Prepare
    const deps = memoryDeps();
    const welsh = aCompleteApplication({ language: 'cy' });
    await deps.applications.create(welsh);
    const browser = aWebApp({ deps, officers: ellisIdentity() }).browser();
    browser.jar.set('doorstep_officer', 'id-token-ellis');

    // Act
    const page = await browser.get(`/officer/applications/${welsh.applicationId}`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('Language: <strong>Welsh (Cymraeg)</strong>');
  });

  it('leaves the officer console in English, with no switch', async () => {
    // Prepare
    const browser = aWebApp().browser();
    await browser.get('/?lang=cy');

    // Act
    const page = await browser.get('/officer/sign-in?lang=cy');

    // Assess
    expect(page.body).toContain('<html lang="en-GB"');
    expect(page.body).not.toContain('hreflang');
    expect(page.cookies.some((cookie) => cookie.startsWith('doorstep_lang='))).toBe(false);
  });
});
