import { type Application, Circumstances } from '../../../shared/domain/application';
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
      '#tenure',
      '#addressLine',
      '#postcode',
      '#bedrooms',
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

/** Every answer given, circumstances too, ready for "Check your answers" (the answers only: the owner is Gareth). */
const finished = (overrides: Partial<Pick<Application, 'profile' | 'conversation'>> = {}) => {
  const { profile, documents } = aCompleteApplication();
  return {
    profile: { ...profile, circumstances: Circumstances.parse({}), ...overrides.profile },
    documents,
    conversation: overrides.conversation ?? { answered: ['contact', 'household', 'identity-document'] },
  };
};

/** The rows of the GOV.UK summary lists on a page: key, value and the Change link. */
function summaryRowsOf(html: string): Array<{ key: string; value: string; href: string | undefined }> {
  return [
    ...html.matchAll(
      /<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>(?:\s*<dd class="govuk-summary-list__actions">[\s\S]*?<a class="govuk-link" href="([^"]*)")?/g,
    ),
  ].map((match) => ({
    key: (match[1] ?? '').trim(),
    value: (match[2] ?? '').replace(/\s+/g, ' ').trim(),
    href: match[3],
  }));
}

const backLinkOf = (html: string) => /<a href="([^"]*)" class="govuk-back-link">/.exec(html)?.[1];
const formActionOf = (html: string) =>
  [...html.matchAll(/<form method="post" action="([^"]*)"/g)].map((m) => m[1]);
const checkedOf = (html: string) => [...html.matchAll(/value="([^"]*)" checked/g)].map((m) => m[1]);

describe('the circumstances questions', () => {
  /** Everything answered up to the circumstances, which are asked one at a time. */
  const upToCircumstances = (answered: string[] = []) => {
    const { circumstances: _none, ...profile } = finished().profile;
    return {
      profile,
      conversation: { answered: ['contact', 'household', ...answered] },
      documents: [],
    };
  };

  it('asks whether anyone owns a home after the current home, as a yes or no question', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(upToCircumstances());

    // Act
    const next = await browser.get(base);
    const page = await browser.get(`${base}/questions/owns-property`);

    // Assess
    expect(next.headers.location).toBe(`${base}/questions/owns-property`);
    expect(titleOf(page.body)).toBe('Do you, or anyone who will live with you, own a home? – Doorstep');
    expect(page.body).toMatch(
      /<h1 class="govuk-fieldset__heading">\s*Do you, or anyone who will live with you, own a home\?/,
    );
    expect(backLinkOf(page.body)).toBe(`${base}/questions/current-home`);
    expect(checkedOf(page.body)).toEqual([]);
  });

  it('says what to choose when nothing is chosen, linked from the error summary', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication(upToCircumstances());
    await browser.get(`${base}/questions/homelessness-duty`);

    // Act
    const response = await browser.post(`${base}/questions/homelessness-duty`, {});

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      {
        href: '#homelessnessDuty',
        text: 'Select whether a council has a duty to help you because you are homeless',
      },
    ]);
    expect(fieldErrorOf(response.body, 'homelessnessDuty')).toBe(
      'Select whether a council has a duty to help you because you are homeless',
    );
    expect(deps.applications.items.get(applicationId)?.version).toBe(0);
  });

  it('asks how much rent is owed after yes, and goes back to it from the next question', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(upToCircumstances(['owns-property']));
    await browser.get(`${base}/questions/former-arrears`);

    // Act
    const yes = await browser.post(`${base}/questions/former-arrears`, { owesFormerLandlord: 'yes' });
    const details = await browser.get(`${base}/questions/arrears-details`);
    const answered = await browser.post(`${base}/questions/arrears-details`, {
      formerTenancyArrears: '£650',
      arrearsRepaymentPlanKept: 'no',
    });
    const behaviour = await browser.get(`${base}/questions/behaviour`);

    // Assess
    expect(yes.headers.location).toBe(`${base}/questions/arrears-details`);
    expect(titleOf(details.body)).toBe('The rent you owe a former landlord – Doorstep');
    expect(answered.headers.location).toBe(`${base}/questions/behaviour`);
    expect(backLinkOf(behaviour.body)).toBe(`${base}/questions/arrears-details`);
  });

  it('skips how much rent is owed after no: the next question follows, and its Back link skips it too', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(upToCircumstances(['owns-property']));
    await browser.get(`${base}/questions/former-arrears`);

    // Act
    const no = await browser.post(`${base}/questions/former-arrears`, { owesFormerLandlord: 'no' });
    const skipped = await browser.get(`${base}/questions/arrears-details`);
    const behaviour = await browser.get(`${base}/questions/behaviour`);

    // Assess
    expect(no.headers.location).toBe(`${base}/questions/behaviour`);
    expect(skipped.status).toBe(303);
    expect(skipped.headers.location).toBe(`${base}/questions/behaviour`);
    expect(backLinkOf(behaviour.body)).toBe(`${base}/questions/former-arrears`);
  });

  it('shows an absurd amount owed as an error, not a failure', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(
      upToCircumstances(['owns-property', 'former-arrears']),
    );
    await browser.get(`${base}/questions/arrears-details`);

    // Act
    const response = await browser.post(`${base}/questions/arrears-details`, {
      formerTenancyArrears: '12345678901234567890',
      arrearsRepaymentPlanKept: 'yes',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, 'formerTenancyArrears')).toBe(
      'How much you owe must be £1,000,000 or less',
    );
    expect(inputValueOf(response.body, 'formerTenancyArrears')).toBe('12345678901234567890');
  });

  it('does not ask about disrepair someone with no home', async () => {
    // Prepare
    const setup = upToCircumstances(['owns-property', 'former-arrears', 'arrears-details', 'behaviour']);
    const { browser } = await signedInWithAnApplication({
      ...setup,
      profile: {
        ...setup.profile,
        currentHome: { postcode: 'RV1 4AB', addressLine: 'No fixed address', bedrooms: 0, tenure: 'no-home' },
      },
    });
    await browser.get(`${base}/questions/homelessness-duty`);

    // Act
    const response = await browser.post(`${base}/questions/homelessness-duty`, {
      homelessnessDuty: 'relief',
    });

    // Assess
    expect(response.headers.location).toBe(`${base}/questions/medical-need`);
  });

  it('asks the identity document after the last circumstance', async () => {
    // Prepare
    const setup = upToCircumstances([
      'owns-property',
      'former-arrears',
      'arrears-details',
      'behaviour',
      'homelessness-duty',
      'disrepair',
      'medical-need',
      'hardship-move',
    ]);
    const { browser } = await signedInWithAnApplication(setup);
    await browser.get(`${base}/questions/foster-carer`);

    // Act
    const response = await browser.post(`${base}/questions/foster-carer`, { fosterCarer: 'yes' });

    // Assess
    expect(response.headers.location).toBe(`${base}/documents/new`);
  });
});

describe('changing an answer from “Check your answers”', () => {
  it('comes back to “Check your answers”, with the Back link and the form keeping ?change=1', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(finished());

    // Act
    const page = await browser.get(`${base}/questions/income?change=1`);
    const response = await browser.post(`${base}/questions/income?change=1`, {
      monthlyEarnings: '1900',
      monthlyBenefits: '0',
      savings: '0',
      housingSupport: 'universal-credit',
    });

    // Assess
    expect(backLinkOf(page.body)).toBe(`${base}/check-answers`);
    expect(formActionOf(page.body)).toContain(`${base}/questions/income?change=1`);
    expect(response.headers.location).toBe(`${base}/check-answers`);
  });

  it('keeps a wrong answer’s page in change mode', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(finished());
    await browser.get(`${base}/questions/income?change=1`);

    // Act
    const response = await browser.post(`${base}/questions/income?change=1`, { monthlyEarnings: 'lots' });

    // Assess
    expect(response.status).toBe(400);
    expect(formActionOf(response.body)).toContain(`${base}/questions/income?change=1`);
  });

  it('asks a question the change opened first, then comes back', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(finished());
    await browser.get(`${base}/questions/former-arrears?change=1`);

    // Act
    const yes = await browser.post(`${base}/questions/former-arrears?change=1`, {
      owesFormerLandlord: 'yes',
    });
    await browser.get(`${base}/questions/arrears-details?change=1`);
    const amount = await browser.post(`${base}/questions/arrears-details?change=1`, {
      formerTenancyArrears: '300',
      arrearsRepaymentPlanKept: 'yes',
    });

    // Assess
    expect(yes.headers.location).toBe(`${base}/questions/arrears-details?change=1`);
    expect(amount.headers.location).toBe(`${base}/check-answers`);
  });

  it('comes back after changing someone in the household, through their pages', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication(finished());

    // Act
    const kind = await browser.get(`${base}/household/m3/change?change=1`);
    const chosen = await browser.post(`${base}/household/m3/change?change=1`, { kind: 'child' });
    const details = await browser.get(`${base}/household/m3/change/child?change=1`);
    const saved = await browser.post(`${base}/household/m3/change/child?change=1`, {
      firstName: 'Cerys',
      lastName: 'Pritchard',
      'dateOfBirth-day': '9',
      'dateOfBirth-month': '5',
      'dateOfBirth-year': '2014',
      sex: 'female',
    });
    const needs = await browser.get(`${base}/household/m3/needs?change=1`);
    const answered = await browser.post(`${base}/household/m3/needs?change=1`, {
      needs: 'needsOvernightCarer',
    });
    const household = await browser.get(`${base}/household?change=1`);
    const done = await browser.post(`${base}/questions/household?change=1`, { needs: 'none' });

    // Assess
    expect(checkedOf(kind.body)).toEqual(['child']);
    expect(titleOf(kind.body)).toBe('Who is Cerys Pritchard? – Doorstep');
    expect(chosen.headers.location).toBe(`${base}/household/m3/change/child?change=1`);
    expect(inputValueOf(details.body, 'firstName')).toBe('Cerys');
    expect(inputValueOf(details.body, 'dateOfBirth-year')).toBe('2014');
    expect(saved.headers.location).toBe(`${base}/household/m3/needs?change=1`);
    expect(titleOf(needs.body)).toBe('Do any of these apply to Cerys? – Doorstep');
    expect(answered.headers.location).toBe(`${base}/household?change=1`);
    expect(backLinkOf(household.body)).toBe(`${base}/check-answers`);
    expect(formActionOf(household.body)).toContain(`${base}/questions/household?change=1`);
    expect(done.headers.location).toBe(`${base}/check-answers`);
    expect(deps.applications.items.get(applicationId)?.profile.household[2]).toMatchObject({
      firstName: 'Cerys',
      needsOvernightCarer: true,
    });
  });
});

describe('the household pages', () => {
  it('lists each person with Change and Remove, and asks the applicant’s own needs', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(
      finished({ conversation: { answered: ['contact'] } }),
    );

    // Act
    const response = await browser.get(`${base}/household`);

    // Assess
    expect(summaryRowsOf(response.body).map((row) => [row.key, row.value, row.href])).toEqual([
      ['Gareth Pritchard', 'You', undefined],
      ['Nia Pritchard', 'Partner, born 21 January 1990', `${base}/household/m2/change`],
      ['Cerys Pritchard', 'Child, born 9 May 2014', `${base}/household/m3/change`],
      ['Elin Pritchard', 'Child, born 30 November 2019', `${base}/household/m4/change`],
    ]);
    expect(formActionOf(response.body)).toContain(`${base}/household/m3/remove`);
    expect(response.body).toContain('I cannot share a bedroom with my partner because of a disability');
    expect(response.body).toContain('data-behaviour="exclusive"');
    expect(checkedOf(response.body)).toEqual([]);
  });

  it('asks about sharing a bedroom with a partner only when there is one', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({ profile: { household: household('singleAdult') } });

    // Act
    const response = await browser.get(`${base}/household`);

    // Assess
    expect(response.body).not.toContain('share a bedroom with my partner');
    expect(response.body).toContain('I need a carer who does not live with me to stay overnight');
  });

  it('shows the household page again, with the error, when the applicant’s needs are not answered', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(
      finished({ conversation: { answered: ['contact'] } }),
    );
    await browser.get(`${base}/household`);

    // Act
    const response = await browser.post(`${base}/questions/household`, {});

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: Who will live with you? – Doorstep');
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#needs', text: 'Select which of these apply to you, or ‘None of these’' },
    ]);
    expect(summaryRowsOf(response.body)).toHaveLength(4);
  });

  it('adds a baby we are expecting: who, then a due date, and no needs page', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication({
      profile: { household: household('singleAdult') },
    });

    // Act
    const kinds = await browser.get(`${base}/household/add`);
    const chosen = await browser.post(`${base}/household/add`, { kind: 'expected-baby' });
    const details = await browser.get(`${base}/household/add/expected-baby`);
    const added = await browser.post(`${base}/household/add/expected-baby`, {
      'dueDate-day': '1',
      'dueDate-month': '2',
      'dueDate-year': '2027',
      sex: 'male',
    });
    const list = await browser.get(`${base}/household`);

    // Assess
    expect(titleOf(kinds.body)).toBe('Who are you adding to your household? – Doorstep');
    expect(chosen.headers.location).toBe(`${base}/household/add/expected-baby`);
    expect(details.body).toContain('name="dueDate-day"');
    expect(details.body).not.toContain('name="dateOfBirth-day"');
    expect(backLinkOf(details.body)).toBe(`${base}/household/add`);
    expect(added.headers.location).toBe(`${base}/household`);
    expect(summaryRowsOf(list.body)[1]).toMatchObject({
      key: 'Baby Khan',
      value: 'A baby you are expecting, due 1 February 2027',
    });
    expect(deps.applications.items.get(applicationId)?.profile.household[1]).toMatchObject({
      unborn: true,
      dueDate: '2027-02-01',
    });
  });

  it('adds a child, then asks only the needs that can apply to a child', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({ profile: { household: household('singleAdult') } });
    await browser.get(`${base}/household/add/child`);

    // Act
    const added = await browser.post(`${base}/household/add/child`, {
      firstName: 'Zara',
      lastName: 'Khan',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '2020',
      sex: 'female',
    });
    const needs = await browser.get(`${base}/household/m2/needs`);

    // Assess
    expect(added.headers.location).toBe(`${base}/household/m2/needs`);
    expect(needs.body).toContain('They cannot share a bedroom with another child because of a disability');
    expect(needs.body).not.toContain('armed forces');
    expect(needs.body).not.toContain('student');
  });

  it('adds a lodger without a needs page', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({ profile: { household: household('singleAdult') } });
    await browser.get(`${base}/household/add/lodger`);

    // Act
    const added = await browser.post(`${base}/household/add/lodger`, {
      firstName: 'Tom',
      lastName: 'Reed',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1980',
      sex: 'male',
    });
    const needs = await browser.get(`${base}/household/m2/needs`);

    // Assess
    expect(added.headers.location).toBe(`${base}/household`);
    expect(needs.headers.location).toBe(`${base}/household`);
  });

  it('refuses a second partner on the first page', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(finished());
    await browser.get(`${base}/household/add`);

    // Act
    const response = await browser.post(`${base}/household/add`, { kind: 'partner' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#kind', text: 'You have already added a partner' },
    ]);
  });

  it('links a due date’s error to its day input and keeps what was typed', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({ profile: { household: household('singleAdult') } });
    await browser.get(`${base}/household/add/expected-baby`);

    // Act
    const response = await browser.post(`${base}/household/add/expected-baby`, {
      firstName: 'Nova',
      'dueDate-day': '1',
      'dueDate-month': '1',
      'dueDate-year': '2020',
      sex: 'female',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      {
        href: '#dueDate-day',
        text: 'The date the baby is due must be today or in the future: if the baby is born, add them as your child',
      },
    ]);
    expect(inputValueOf(response.body, 'firstName')).toBe('Nova');
  });

  it.each([
    ['an unknown kind', 'household/add/cousin'],
    ['the applicant', 'household/m1/change'],
    ['the applicant’s needs page', 'household/m1/needs'],
    ['someone not in the household', 'household/m9/change/child'],
  ])('answers %s with 404', async (_what, path) => {
    // Prepare
    const { browser } = await signedInWithAnApplication(finished());

    // Act
    const response = await browser.get(`${base}/${path}`);

    // Assess
    expect(response.status).toBe(404);
  });

  it('removes someone and stays in change mode', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication(finished());
    await browser.get(`${base}/household?change=1`);

    // Act
    const response = await browser.post(`${base}/household/m4/remove?change=1`);

    // Assess
    expect(response.headers.location).toBe(`${base}/household?change=1`);
    expect(deps.applications.items.get(applicationId)?.profile.household.map((m) => m.memberId)).toEqual([
      'm1',
      'm2',
      'm3',
    ]);
  });
});

describe('“Check your answers”', () => {
  it('shows every answer, each with a Change link back to its question in change mode', async () => {
    // Prepare
    const members = household('coupleWithTwoGirls');
    const { browser } = await signedInWithAnApplication(
      finished({
        profile: {
          household: [
            { ...(members[0] as (typeof members)[number]), needsOvernightCarer: true },
            ...members.slice(1, 3),
            {
              ...(members[3] as (typeof members)[number]),
              needsOwnRoomForDisability: true,
              needsOvernightCarer: false,
            },
          ],
          contact: { email: 'gareth.pritchard@example.org', phone: '07700 900 982' },
          immigrationStatus: 'british-or-irish',
          income: {
            monthlyEarnings: 210_000,
            monthlyBenefits: 35_050,
            savings: 120_000,
            housingSupport: 'universal-credit',
          },
          localConnection: {
            yearsInArea: 1,
            worksInArea: true,
            closeFamilyInArea: false,
            armedForces: false,
            fleeingDomesticAbuse: true,
            careLeaver: false,
            rightToMove: false,
          },
          currentHome: {
            postcode: 'RV1 4AB',
            addressLine: '12 Mill Lane',
            bedrooms: 1,
            tenure: 'private-rent',
          },
          circumstances: {
            ...Circumstances.parse({}),
            formerTenancyArrears: 123_456,
            arrearsRepaymentPlanKept: true,
            homelessnessDuty: 'prevention',
            medicalNeed: 'moderate',
            fosterCarer: true,
          },
        },
      }),
    );

    // Act
    const response = await browser.get(`${base}/check-answers`);

    // Assess
    const q = (prompt: string) => `${base}/questions/${prompt}?change=1`;
    expect(summaryRowsOf(response.body).map((row) => [row.key, row.value, row.href])).toEqual([
      ['Name', 'Gareth Pritchard', q('name')],
      ['Date of birth', '2 July 1988', q('date-of-birth')],
      ['Sex', 'Male', q('sex')],
      ['Email', 'gareth.pritchard@example.org', q('contact')],
      ['Phone', '07700 900 982', q('contact')],
      ['Immigration status', 'British or Irish citizen', q('immigration-status')],
      ['People who will live with you', '4, including you', `${base}/household?change=1`],
      ['Your needs', 'You need a carer to stay overnight', `${base}/household?change=1`],
      ['Nia Pritchard', 'Partner, born 21 January 1990', `${base}/household/m2/change?change=1`],
      ['Cerys Pritchard', 'Child, born 9 May 2014', `${base}/household/m3/change?change=1`],
      [
        'Elin Pritchard',
        'Child, born 30 November 2019; needs a bedroom of their own because of a disability',
        `${base}/household/m4/change?change=1`,
      ],
      ['Address', '12 Mill Lane, RV1 4AB', q('current-home')],
      ['Bedrooms', '1', q('current-home')],
      ['How you live there', 'I rent from a private landlord', q('current-home')],
      ['Years in the area', '1', q('local-connection')],
      ['Other links to the area', 'You work in the area', q('local-connection')],
      ['Also applies to you', 'Leaving home because of domestic abuse', q('local-connection')],
      ['Earnings each month', '£2,100.00', q('income')],
      ['Benefits and pensions each month', '£350.50', q('income')],
      ['Savings', '£1,200.00', q('income')],
      ['Help with your rent', 'Yes, the housing part of Universal Credit', q('income')],
      ['Own a home', 'No', q('owns-property')],
      ['Owe rent to a former landlord', 'Yes', q('former-arrears')],
      ['Rent you owe', '£1,234.56', q('arrears-details')],
      ['Keeping to a plan to pay it back', 'Yes', q('arrears-details')],
      ['Serious anti-social behaviour found by a court', 'No', q('behaviour')],
      ['A council’s homelessness duty', 'Yes, to help stop me becoming homeless', q('homelessness-duty')],
      ['Home in serious disrepair', 'No', q('disrepair')],
      [
        'Need to move for health or disability',
        'Yes, our home makes a health condition or disability harder to live with',
        q('medical-need'),
      ],
      ['Need to move here to avoid hardship', 'No', q('hardship-move')],
      ['Approved foster carer', 'Yes', q('foster-carer')],
      ['Identity document', 'Passport', `${base}/documents/new`],
    ]);
  });

  it('leaves out how much rent is owed after no, and disrepair for someone with no home', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication(
      finished({
        profile: {
          ...finished().profile,
          currentHome: {
            postcode: 'RV1 4AB',
            addressLine: 'No fixed address',
            bedrooms: 0,
            tenure: 'no-home',
          },
        },
      }),
    );

    // Act
    const response = await browser.get(`${base}/check-answers`);

    // Assess
    const keys = summaryRowsOf(response.body).map((row) => row.key);
    expect(keys).toContain('Owe rent to a former landlord');
    expect(keys).not.toContain('Rent you owe');
    expect(keys).not.toContain('Home in serious disrepair');
  });

  it('escapes what the applicant typed, in keys, values and hidden link text', async () => {
    // Prepare
    const script = '<script>alert(1)</script>';
    const [applicant, partner] = household('coupleWithTwoGirls');
    const { browser } = await signedInWithAnApplication(
      finished({
        profile: {
          ...finished().profile,
          household: [
            applicant as typeof applicant & object,
            { ...(partner as typeof partner & object), firstName: script, lastName: '"><img src=x>' },
          ],
          currentHome: { postcode: 'RV1 4AB', addressLine: script, bedrooms: 1, tenure: 'private-rent' },
        },
      }),
    );

    // Act
    const pages = await Promise.all(
      ['check-answers', 'household', 'household/m2/change', 'household/m2/needs'].map((page) =>
        browser.get(`${base}/${page}`),
      ),
    );

    // Assess
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain(script);
      expect(page.body).not.toContain('"><img src=x>');
    }
  });
});

describe('sending the answers', () => {
  it('asks the first unanswered question instead of sending, and sends nothing', async () => {
    // Prepare
    const { browser, deps } = await signedInWithAnApplication();

    // Act
    const response = await browser.post(`${base}/submit`, {});

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${base}/questions/name`);
    expect(deps.workflow.resumed).toEqual([]);
    expect(deps.applications.items.get(applicationId)?.version).toBe(0);
  });
});

describe('found in review', () => {
  it('gives the first question a Back link to the status page, not to the start (which comes straight back)', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication();

    // Act
    const page = await browser.get(`${base}/questions/name`);
    const withErrors = await browser.post(`${base}/questions/name`, {});

    // Assess
    expect(backLinkOf(page.body)).toBe(`${base}/status`);
    expect(withErrors.status).toBe(400);
    expect(backLinkOf(withErrors.body)).toBe(`${base}/status`);
  });

  it('shows a closed application’s referral as closed, not as being looked at', async () => {
    // Prepare
    const { browser } = await signedInWithAnApplication({
      status: 'closed',
      decisions: [
        {
          stage: 'Qualification' as never,
          outcome: 'refer',
          reasons: [
            { rule: 'qualification.residence', clause: 'Housing Act 1996 s160ZA(7)', text: 'One year.' },
          ],
          inputs: {},
          policyVersion: 'riverside-council@2026-04',
          decidedBy: 'officer',
          decidedAt: '2026-11-02T10:00:00.000Z',
          next: 'Your application is closed.',
        },
      ],
    });

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    expect(page.body).toContain('This application is closed.');
    expect(page.body).toMatch(/govuk-tag--red">\s*Closed/);
    expect(page.body).not.toContain('An officer is looking at this');
  });
});
