import type { UploadSlot } from '../../../shared/ports';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';
import { MemoryDocuments, memoryDeps } from '../../support/memory';
import { aWebApp, errorSummaryOf, fieldErrorOf, inputValueOf, signIn, titleOf } from './browser';

const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

/** Gareth, signed in, with a fresh application of his own, and a page loaded so forms carry a token. */
async function signedInWithAnApplication(overrides: Parameters<typeof anApplication>[0] = {}) {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, email);
  await app.deps.applications.create(anApplication({ ownerId: subject, ...overrides }));
  await browser.get('/sign-in');
  return { ...app, browser, subject };
}

describe('a signed-out applicant', () => {
  it('is sent to sign in from a question page', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get(`${base}/questions/name`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
  });

  it('is sent to sign in from a form post, and nothing is written', async () => {
    // Prepare
    const app = aWebApp();
    await app.deps.applications.create(anApplication());
    const browser = app.browser();
    await browser.get('/sign-in');

    // Act
    const response = await browser.post(`${base}/questions/name`, {
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
    expect(app.deps.applications.items.get(applicationId)?.version).toBe(0);
    expect(app.deps.audit.events).toEqual([]);
  });

  it('is sent to sign in once the session has ended', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();
    deps.clock.advanceSeconds(12 * 60 * 60);

    // Act
    const response = await browser.get(`${base}/questions/name`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
  });
});

describe('another applicant’s application', () => {
  const theirs = 'app_fedcba9876543210fedcba9876543210';

  async function signedInBesideAisha() {
    const deps = memoryDeps();
    await deps.applications.create(
      aCompleteApplication({
        applicationId: theirs,
        ownerId: 'sub_aisha',
        profile: {
          ...aCompleteApplication().profile,
          household: household('singleAdult'),
          contact: { email: 'aisha.khan@example.org', phone: '07700 900 123' },
        },
      }),
    );
    const app = aWebApp({ deps });
    const browser = app.browser();
    await signIn(deps, browser, email);
    await browser.get('/sign-in');
    return { ...app, browser };
  }

  it.each(['questions/name', 'questions/contact', 'household', 'check-answers', 'status', 'documents/new'])(
    'answers /%s with the not-found page, showing none of their details',
    async (page) => {
      // Prepare
      const { browser } = await signedInBesideAisha();

      // Act
      const response = await browser.get(`/applications/${theirs}/${page}`);

      // Assess
      expect(response.status).toBe(404);
      expect(titleOf(response.body)).toBe('Page not found – Doorstep');
      for (const detail of ['Aisha', 'Khan', 'aisha.khan', '07700 900 123', 'RV1 4AB', 'Mill Lane']) {
        expect(response.body).not.toContain(detail);
      }
    },
  );

  it('answers an answer to their question with 404, and writes nothing', async () => {
    // Prepare
    const { browser, deps } = await signedInBesideAisha();
    const before = deps.applications.items.get(theirs);

    // Act
    const response = await browser.post(`/applications/${theirs}/questions/name`, {
      firstName: 'Mallory',
      lastName: 'Intruder',
    });

    // Assess
    expect(response.status).toBe(404);
    expect(deps.applications.items.get(theirs)).toEqual(before);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('a question page', () => {
  it('shows the question with what was answered before', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({
      conversation: { answered: ['name'], aboutYou: { firstName: 'Gareth', lastName: 'Pritchard' } },
    });

    // Act
    const response = await browser.get(`${base}/questions/name`);

    // Assess
    expect(response.status).toBe(200);
    expect(titleOf(response.body)).toBe('What is your name? – Doorstep');
    expect(inputValueOf(response.body, 'firstName')).toBe('Gareth');
    expect(inputValueOf(response.body, 'lastName')).toBe('Pritchard');
  });

  it('answers a wrong answer with 400, an error summary linking each field, and the typed values kept', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/questions/name`, { firstName: '  ', lastName: 'Pritchard' });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: What is your name? – Doorstep');
    expect(errorSummaryOf(response.body)).toEqual([{ href: '#firstName', text: 'Enter your first name' }]);
    expect(fieldErrorOf(response.body, 'firstName')).toBe('Enter your first name');
    expect(inputValueOf(response.body, 'lastName')).toBe('Pritchard');
    expect(deps.applications.items.get(applicationId)?.version).toBe(0);
  });

  it('links a date’s error to its day input and keeps the three parts typed', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/questions/date-of-birth`, {
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1990',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#dateOfBirth-day', text: 'Your date of birth must be a real date' },
    ]);
    expect(fieldErrorOf(response.body, 'dateOfBirth')).toBe('Your date of birth must be a real date');
    expect(inputValueOf(response.body, 'dateOfBirth-day')).toBe('31');
    expect(inputValueOf(response.body, 'dateOfBirth-month')).toBe('2');
    expect(inputValueOf(response.body, 'dateOfBirth-year')).toBe('1990');
  });

  it('lists one error per field, in the order of the page', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/questions/current-home`, { postcode: '' });

    // Assess
    expect(errorSummaryOf(response.body).map((error) => error.href)).toEqual([
      '#addressLine',
      '#postcode',
      '#bedrooms',
      '#tenure',
    ]);
    expect(fieldErrorOf(response.body, 'postcode')).toBe('Enter your postcode');
  });

  it.each([
    ['name', { firstName: 'Gareth', lastName: 'Pritchard' }, `${base}/questions/date-of-birth`],
    ['sex', { sex: 'male' }, `${base}/questions/name`],
  ])('saves a good answer to %s and sends the applicant to the next question', async (prompt, form, next) => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/questions/${prompt}`, form);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(next);
    expect(deps.applications.items.get(applicationId)?.conversation?.answered).toEqual([prompt]);
  });

  it('sends the applicant to the household page after their immigration status', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({
      profile: { household: household('singleAdult') },
      conversation: { answered: ['contact'] },
    });

    // Act
    const response = await browser.post(`${base}/questions/immigration-status`, {
      immigrationStatus: 'british-or-irish',
    });

    // Assess
    expect(response.headers.location).toBe(`${base}/household`);
  });

  it.each(['no-such-question', 'check-answers', 'identity-document'])(
    'answers /questions/%s with 404',
    async (prompt) => {
      // Prepare
      const { browser } = await signedInWithAnApplication();

      // Act
      const response = await browser.get(`${base}/questions/${prompt}`);

      // Assess
      expect(response.status).toBe(404);
    },
  );
});

describe('what an applicant typed', () => {
  const script = '<script>alert(1)</script>';

  it('is escaped when a question page shows it again', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/questions/name`, { firstName: script, lastName: '' });

    // Assess
    expect(response.status).toBe(400);
    expect(inputValueOf(response.body, 'firstName')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toContain(script);
  });

  it.each(['household', 'check-answers', 'questions/name'])('is escaped on the /%s page', async (page) => {
    // Prepare
    const [applicant] = household('singleAdult');
    const { browser } = await signedInWithAnApplication({
      profile: {
        household: applicant ? [{ ...applicant, firstName: script, lastName: '"><img src=x>' }] : [],
      },
    });

    // Act
    const response = await browser.get(`${base}/${page}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toContain(script);
    expect(response.body).not.toContain('"><img src=x>');
  });
});

describe('the upload page', () => {
  /** A store whose slots post to an S3 bucket's own origin, as in AWS. */
  class BucketDocuments extends MemoryDocuments {
    override async uploadSlot(input: Parameters<MemoryDocuments['uploadSlot']>[0]): Promise<UploadSlot> {
      const slot = await super.uploadSlot(input);
      return { ...slot, url: 'https://doorstep-uploads.s3.eu-west-2.amazonaws.com/' };
    }
  }

  it('lets its form post only to this site and the upload slot’s origin', async () => {
    // Prepare
    const deps = memoryDeps();
    deps.documents = new BucketDocuments();
    const app = aWebApp({ deps });
    const browser = app.browser();
    const subject = await signIn(deps, browser, email);
    await deps.applications.create(anApplication({ ownerId: subject }));
    const choose = await browser.get(`${base}/documents/new`);

    // Act
    const response = await browser.post(`${base}/documents`, { kind: 'passport', format: 'image/jpeg' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toContain('action="https://doorstep-uploads.s3.eu-west-2.amazonaws.com/"');
    const directive = (csp: string | undefined) =>
      csp?.split('; ').filter((part) => part.startsWith('form-action'));
    expect(directive(response.headers['content-security-policy'])).toEqual([
      "form-action 'self' https://doorstep-uploads.s3.eu-west-2.amazonaws.com",
    ]);
    expect(directive(choose.headers['content-security-policy'])).toEqual(["form-action 'self'"]);
  });

  it('asks which document and which kind of file, with 400, before any slot exists', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/documents`, { kind: 'library-card' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#kind', text: 'Select which document it is' },
      { href: '#format', text: 'Select what kind of file you will send' },
    ]);
    expect(deps.documents.slots).toEqual([]);
  });
});
