import type { Application } from '../../../shared/domain/application';
import {
  aboutYouMember,
  answersAreOpen,
  type FormAnswers,
  isAnswered,
  memberPrompt,
  nextPrompt,
  PromptId,
  promptsFor,
  readDate,
  readMoney,
} from '../../../shared/domain/conversation';
import { Stage } from '../../../shared/domain/stage';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';

/** The fixed test day (memoryDeps' clock): 2 November 2026, so 120 years ago is 1906. */
const today = '2026-11-02';
const prompts = promptsFor(today);

const dateOfBirth = (day: string, month: string, year: string): FormAnswers => ({
  'dateOfBirth-day': day,
  'dateOfBirth-month': month,
  'dateOfBirth-year': year,
});

describe('the name prompt', () => {
  it('takes a first and last name, trimmed, as the applicant’s own details', () => {
    // Act
    const result = prompts.name.answer({ firstName: '  Gareth ', lastName: 'Pritchard  ' });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: { kind: 'about-you', value: { firstName: 'Gareth', lastName: 'Pritchard' } },
    });
  });

  it('asks for each name left empty or blank', () => {
    // Act
    const result = prompts.name.answer({ firstName: '   ' });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'firstName', message: 'Enter your first name' },
        { field: 'lastName', message: 'Enter your last name' },
      ],
    });
  });

  it('says in plain English that a name is too long', () => {
    // Act
    const result = prompts.name.answer({ firstName: 'G'.repeat(101), lastName: 'P'.repeat(101) });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'firstName', message: 'First name must be 100 characters or fewer' },
        { field: 'lastName', message: 'Last name must be 100 characters or fewer' },
      ],
    });
  });
});

describe('the date of birth prompt', () => {
  it.each([
    ['7', '3', '1990', '1990-03-07'],
    [' 07 ', '03', '1990', '1990-03-07'],
    ['29', '2', '2024', '2024-02-29'],
    ['1', '1', '1906', '1906-01-01'],
  ])('reads %s %s %s as %s', (day, month, year, iso) => {
    // Act
    const result = prompts['date-of-birth'].answer(dateOfBirth(day, month, year));

    // Assess
    expect(result).toEqual({ ok: true, effect: { kind: 'about-you', value: { dateOfBirth: iso } } });
  });

  it.each([
    ['', '', '', 'Enter your date of birth'],
    ['', '3', '1990', 'Your date of birth must include a day'],
    ['7', '', '1990', 'Your date of birth must include a month'],
    ['7', '3', '', 'Your date of birth must include a year'],
    ['7', '', '', 'Your date of birth must include a month and year'],
    ['', '', '1990', 'Your date of birth must include a day and month'],
    ['seven', '3', '1990', 'Your date of birth must be a real date, like 27 3 1990'],
    ['7', '3', '90', 'Your date of birth must be a real date, like 27 3 1990'],
    ['7', '-3', '1990', 'Your date of birth must be a real date, like 27 3 1990'],
    ['31', '2', '1990', 'Your date of birth must be a real date'],
    ['29', '2', '2023', 'Your date of birth must be a real date'],
    ['1', '13', '1990', 'Your date of birth must be a real date'],
    ['0', '3', '1990', 'Your date of birth must be a real date'],
    ['3', '11', '2026', 'Your date of birth must be in the past'],
    ['1', '1', '2030', 'Your date of birth must be in the past'],
    ['31', '12', '1905', 'Your date of birth must be after 1906'],
  ])('refuses day %j month %j year %j: %s', (day, month, year, message) => {
    // Act
    const result = prompts['date-of-birth'].answer(dateOfBirth(day, month, year));

    // Assess
    expect(result).toEqual({ ok: false, errors: [{ field: 'dateOfBirth', message }] });
  });

  it('words its messages for whoever the date belongs to', () => {
    // Act
    const missing = readDate({}, 'dob', 'their date of birth', today);
    const future = readDate(
      { 'dob-day': '1', 'dob-month': '1', 'dob-year': '2027' },
      'dob',
      'their date of birth',
      today,
    );

    // Assess
    expect(missing).toEqual({ message: 'Enter their date of birth' });
    expect(future).toEqual({ message: 'Their date of birth must be in the past' });
  });

  it('prefills the date given earlier, without leading zeros', () => {
    // Prepare
    const application = anApplication({
      conversation: { answered: [], aboutYou: { dateOfBirth: '1988-07-02' } },
    });

    // Act
    const current = prompts['date-of-birth'].current(application);

    // Assess
    expect(current).toEqual(dateOfBirth('2', '7', '1988'));
  });
});

describe('the sex prompt', () => {
  it.each(['female', 'male'] as const)('takes %s', (sex) => {
    expect(prompts.sex.answer({ sex })).toEqual({ ok: true, effect: { kind: 'about-you', value: { sex } } });
  });

  it.each([[{}], [{ sex: '' }], [{ sex: 'other' }]])('asks again for %j', (form) => {
    expect(prompts.sex.answer(form)).toEqual({
      ok: false,
      errors: [{ field: 'sex', message: 'Select your sex' }],
    });
  });
});

describe('the contact prompt', () => {
  it('takes an email address and a phone number', () => {
    // Act
    const result = prompts.contact.answer({ email: ' gareth@example.org ', phone: '07700 900 982' });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'contact',
        value: { email: 'gareth@example.org', phone: '07700 900 982' },
      },
    });
  });

  it('leaves the phone number out when none is given: it is optional', () => {
    // Act
    const result = prompts.contact.answer({ email: 'gareth@example.org', phone: '  ' });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: { kind: 'section', section: 'contact', value: { email: 'gareth@example.org' } },
    });
  });

  it.each(['', 'gareth', 'gareth@', 'gareth at example.org'])('refuses the email address %j', (email) => {
    expect(prompts.contact.answer({ email })).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'Enter an email address in the right format, like name@example.com' },
      ],
    });
  });

  it.each(['12345', '07700 900 98x', '+44 (0)7700 900982', '0'.repeat(17)])(
    'refuses the phone number %j',
    (phone) => {
      expect(prompts.contact.answer({ email: 'gareth@example.org', phone })).toEqual({
        ok: false,
        errors: [{ field: 'phone', message: 'Enter a phone number, like 07700 900 982 or +44 7700 900 982' }],
      });
    },
  );
});

describe('the immigration status prompt', () => {
  it('takes one of the statuses it offers', () => {
    expect(prompts['immigration-status'].answer({ immigrationStatus: 'eu-settled-status' })).toEqual({
      ok: true,
      effect: { kind: 'section', section: 'immigrationStatus', value: 'eu-settled-status' },
    });
  });

  it.each([[{}], [{ immigrationStatus: 'martian' }]])('asks again for %j', (form) => {
    expect(prompts['immigration-status'].answer(form)).toEqual({
      ok: false,
      errors: [{ field: 'immigrationStatus', message: 'Select your immigration status' }],
    });
  });
});

describe('the local connection prompt', () => {
  const noExceptions = {
    armedForces: false,
    fleeingDomesticAbuse: false,
    careLeaver: false,
    rightToMove: false,
  };

  it('turns the ticked exceptions into yes and the others into no', () => {
    // Act
    const result = prompts['local-connection'].answer({
      yearsInArea: '6',
      exceptions: ['armedForces', 'careLeaver'],
    });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'localConnection',
        value: { ...noExceptions, yearsInArea: 6, armedForces: true, careLeaver: true },
      },
    });
  });

  it('reads a single ticked box, and ignores a value it never offered', () => {
    // Act
    const one = prompts['local-connection'].answer({ yearsInArea: '0', exceptions: 'fleeingDomesticAbuse' });
    const unknown = prompts['local-connection'].answer({ yearsInArea: '120', exceptions: ['isAdmin'] });

    // Assess
    expect(one).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'localConnection',
        value: { ...noExceptions, yearsInArea: 0, fleeingDomesticAbuse: true },
      },
    });
    expect(unknown).toEqual({
      ok: true,
      effect: { kind: 'section', section: 'localConnection', value: { ...noExceptions, yearsInArea: 120 } },
    });
  });

  it('asks for the years when they are missing', () => {
    expect(prompts['local-connection'].answer({ exceptions: ['armedForces'] })).toEqual({
      ok: false,
      errors: [{ field: 'yearsInArea', message: 'Enter how many years you have lived in the area' }],
    });
  });

  it.each(['three', '2.5', '-1', '121', '1000'])('refuses %j years', (yearsInArea) => {
    expect(prompts['local-connection'].answer({ yearsInArea })).toEqual({
      ok: false,
      errors: [{ field: 'yearsInArea', message: 'Enter a whole number of years, like 3' }],
    });
  });

  it('prefills the years and the exceptions given earlier', () => {
    // Prepare
    const application = anApplication({
      profile: { household: [], localConnection: { ...noExceptions, yearsInArea: 4, rightToMove: true } },
    });

    // Act
    const current = prompts['local-connection'].current(application);

    // Assess
    expect(current).toEqual({ yearsInArea: '4', exceptions: ['rightToMove'] });
  });
});

describe('the income prompt', () => {
  it('reads pounds as people type them, with £, commas and spaces, into pence', () => {
    // Act
    const result = prompts.income.answer({
      monthlyEarnings: '£1,250.50',
      monthlyBenefits: '£ 300',
      savings: '0.5',
    });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'income',
        value: { monthlyEarnings: 125_050, monthlyBenefits: 30_000, savings: 50 },
      },
    });
  });

  it('asks for every amount left empty, in the order of the page', () => {
    expect(prompts.income.answer({})).toEqual({
      ok: false,
      errors: [
        { field: 'monthlyEarnings', message: 'Enter your household’s earnings, or 0 if there is none' },
        {
          field: 'monthlyBenefits',
          message: 'Enter your household’s benefits and pensions, or 0 if there is none',
        },
        { field: 'savings', message: 'Enter your household’s savings, or 0 if there is none' },
      ],
    });
  });

  it.each(['12.345', '-5', 'ten pounds', '1.2.3', '1e5', '1234567890'])('refuses %j', (savings) => {
    expect(prompts.income.answer({ monthlyEarnings: '0', monthlyBenefits: '0', savings })).toEqual({
      ok: false,
      errors: [
        { field: 'savings', message: 'Enter your household’s savings in pounds, like 1250 or 1250.50' },
      ],
    });
  });

  it('reads an amount on its own', () => {
    expect(readMoney({ rent: '£1,000,000' }, 'rent', 'your rent')).toBe(100_000_000);
    expect(readMoney({ rent: ' ' }, 'rent', 'your rent')).toEqual({
      message: 'Enter your rent, or 0 if there is none',
    });
  });

  it('prefills amounts as pounds, with pence only when there are some', () => {
    // Prepare
    const application = anApplication({
      profile: { household: [], income: { monthlyEarnings: 210_000, monthlyBenefits: 35_050, savings: 0 } },
    });

    // Act
    const current = prompts.income.current(application);

    // Assess
    expect(current).toEqual({ monthlyEarnings: '2100', monthlyBenefits: '350.50', savings: '0' });
  });
});

describe('the current home prompt', () => {
  const home = { addressLine: '12 Mill Lane', postcode: 'RV1 4AB', bedrooms: '1', tenure: 'private-rent' };

  it.each([
    [' rv1 4ab ', 'RV1 4AB'],
    ['rv14ab', 'RV14AB'],
    ['cf10 1aa', 'CF10 1AA'],
  ])('normalises the postcode %j to %j', (postcode, normalised) => {
    // Act
    const result = prompts['current-home'].answer({ ...home, addressLine: ' 12 Mill Lane ', postcode });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'currentHome',
        value: { addressLine: '12 Mill Lane', postcode: normalised, bedrooms: 1, tenure: 'private-rent' },
      },
    });
  });

  it('asks once for each field left empty, in the order of the page', () => {
    // Act
    const result = prompts['current-home'].answer({});

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'addressLine', message: 'Enter your address' },
        { field: 'postcode', message: 'Enter your postcode' },
        { field: 'bedrooms', message: 'Enter how many bedrooms your home has, as a number' },
        { field: 'tenure', message: 'Select how you live there' },
      ],
    });
  });

  it.each([
    [{ postcode: 'RV1' }, 'postcode', 'Enter a full UK postcode, like RV1 4AB'],
    [{ postcode: '12345' }, 'postcode', 'Enter a full UK postcode, like RV1 4AB'],
    [{ addressLine: 'x'.repeat(201) }, 'addressLine', 'The address must be 200 characters or fewer'],
    [{ bedrooms: '11' }, 'bedrooms', 'Enter 10 bedrooms or fewer'],
    [{ bedrooms: 'two' }, 'bedrooms', 'Enter how many bedrooms your home has, as a number'],
    [{ bedrooms: '1.5' }, 'bedrooms', 'Enter how many bedrooms your home has, as a number'],
    [{ bedrooms: '-1' }, 'bedrooms', 'Enter how many bedrooms your home has, as a number'],
    [{ tenure: 'castle' }, 'tenure', 'Select how you live there'],
  ])('refuses %j', (change, field, message) => {
    expect(prompts['current-home'].answer({ ...home, ...change })).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
  });

  it('takes 0 bedrooms, for a studio or no home', () => {
    const result = prompts['current-home'].answer({ ...home, bedrooms: '0', tenure: 'no-home' });
    expect(result.ok).toBe(true);
  });
});

describe('prompts without fields', () => {
  it.each(['household', 'identity-document', 'check-answers'] as const)('%s is simply answered', (id) => {
    expect(prompts[id].answer({})).toEqual({ ok: true, effect: { kind: 'answered' } });
  });
});

describe('memberPrompt', () => {
  const prompt = memberPrompt(today);
  const cerys = {
    relationship: 'child',
    firstName: ' Cerys ',
    lastName: 'Pritchard',
    ...{ 'dateOfBirth-day': '9', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2014' },
    sex: 'female',
  };

  it('takes someone who will live with the applicant, with a disability that needs their own room', () => {
    // Act
    const result = prompt.answer({ ...cerys, needs: 'needsOwnRoomForDisability' });

    // Assess
    expect(result).toEqual({
      ok: true,
      member: {
        relationship: 'child',
        firstName: 'Cerys',
        lastName: 'Pritchard',
        dateOfBirth: '2014-05-09',
        sex: 'female',
        unborn: false,
        needsOwnRoomForDisability: true,
      },
    });
  });

  it('asks for every missing detail, in the order of the page', () => {
    expect(prompt.answer({})).toEqual({
      ok: false,
      errors: [
        { field: 'relationship', message: 'Select how they are related to you' },
        { field: 'firstName', message: 'Enter their first name' },
        { field: 'lastName', message: 'Enter their last name' },
        { field: 'dateOfBirth', message: 'Enter their date of birth' },
        { field: 'sex', message: 'Select their sex' },
      ],
    });
  });

  it.each([
    [{ relationship: 'applicant' }, 'relationship', 'Select how they are related to you'],
    [{ sex: 'unknown' }, 'sex', 'Select their sex'],
    [{ lastName: 'P'.repeat(101) }, 'lastName', 'A name must be 100 characters or fewer'],
    [{ 'dateOfBirth-year': '2027' }, 'dateOfBirth', 'Their date of birth must be in the past'],
    [
      { 'dateOfBirth-day': '31', 'dateOfBirth-month': '4' },
      'dateOfBirth',
      'Their date of birth must be a real date',
    ],
    [{ 'dateOfBirth-month': '' }, 'dateOfBirth', 'Their date of birth must include a month'],
  ])('refuses %j', (change, field, message) => {
    expect(prompt.answer({ ...cerys, ...change })).toEqual({ ok: false, errors: [{ field, message }] });
  });
});

describe('aboutYouMember', () => {
  it('is nothing until all four details are given', () => {
    expect(aboutYouMember(undefined)).toBeUndefined();
    expect(
      aboutYouMember({ firstName: 'Gareth', lastName: 'Pritchard', dateOfBirth: '1988-07-02' }),
    ).toBeUndefined();
  });

  it('makes the applicant’s household member from the four details', () => {
    expect(
      aboutYouMember({ firstName: 'Gareth', lastName: 'Pritchard', dateOfBirth: '1988-07-02', sex: 'male' }),
    ).toEqual({
      memberId: 'applicant',
      relationship: 'applicant',
      firstName: 'Gareth',
      lastName: 'Pritchard',
      dateOfBirth: '1988-07-02',
      sex: 'male',
      unborn: false,
      needsOwnRoomForDisability: false,
    });
  });
});

describe('nextPrompt', () => {
  const [gareth] = household('singleAdult');
  const passport = aCompleteApplication().documents;

  /** Each answer as it changes the application, in the order the journey asks them. */
  const answers: Array<(application: Application) => Application> = [
    (a) => ({ ...a, conversation: { answered: [], aboutYou: { firstName: 'Aisha', lastName: 'Khan' } } }),
    (a) => ({
      ...a,
      conversation: { answered: [], aboutYou: { ...a.conversation?.aboutYou, dateOfBirth: '1994-03-14' } },
    }),
    (a) => ({
      ...a,
      profile: { ...a.profile, household: gareth ? [gareth] : [] },
      conversation: { answered: [] },
    }),
    (a) => ({ ...a, conversation: { answered: ['contact'] } }),
    (a) => ({ ...a, profile: { ...a.profile, immigrationStatus: 'british-or-irish' } }),
    (a) => ({ ...a, conversation: { answered: [...(a.conversation?.answered ?? []), 'household'] } }),
    (a) => ({
      ...a,
      profile: {
        ...a.profile,
        localConnection: {
          yearsInArea: 3,
          armedForces: false,
          fleeingDomesticAbuse: false,
          careLeaver: false,
          rightToMove: false,
        },
      },
    }),
    (a) => ({
      ...a,
      profile: { ...a.profile, income: { monthlyEarnings: 150_000, monthlyBenefits: 0, savings: 20_000 } },
    }),
    (a) => ({
      ...a,
      profile: {
        ...a.profile,
        currentHome: {
          addressLine: '4 Quay Street',
          postcode: 'RV3 1ZZ',
          bedrooms: 1,
          tenure: 'private-rent',
        },
      },
    }),
    (a) => ({
      ...a,
      documents: passport,
      conversation: { answered: [...(a.conversation?.answered ?? []), 'identity-document'] },
    }),
    (a) => ({ ...a, conversation: { answered: [...(a.conversation?.answered ?? []), 'check-answers'] } }),
  ];

  it('asks every prompt once, in order, from an empty application to check-answers, then nothing', () => {
    // Prepare
    let application = anApplication();
    const asked: Array<string | undefined> = [nextPrompt(application)];

    // Act
    for (const answer of answers) {
      application = answer(application);
      asked.push(nextPrompt(application));
    }

    // Assess
    expect(asked).toEqual([...PromptId.options, undefined]);
  });

  it('asks for contact details even when the sign-in address prefilled them', () => {
    // Prepare
    const application = anApplication({
      profile: { household: household('singleAdult'), contact: { email: 'aisha.khan@example.org' } },
    });

    // Act
    const next = nextPrompt(application);

    // Assess
    expect(next).toBe('contact');
  });

  it('never asks again what was answered, only the first prompt still unanswered', () => {
    // Prepare: everything answered except the local connection, which an officer's change removed.
    const { localConnection: _removed, ...profile } = aCompleteApplication().profile;
    const application = aCompleteApplication({
      profile,
      conversation: { answered: ['contact', 'household', 'identity-document'] },
    });

    // Act
    const next = nextPrompt(application);

    // Assess
    expect(next).toBe('local-connection');
    expect(PromptId.options.filter((prompt) => isAnswered(application, prompt))).toEqual(
      PromptId.options.filter((prompt) => prompt !== 'local-connection' && prompt !== 'check-answers'),
    );
  });

  it('asks for the identity document again when the one sent was rejected', () => {
    // Prepare
    const [document] = aCompleteApplication().documents;
    const application = aCompleteApplication({
      documents: document ? [{ ...document, status: 'rejected', problem: 'The photo is blurred' }] : [],
      conversation: { answered: ['contact', 'household', 'identity-document'] },
    });

    // Act
    const next = nextPrompt(application);

    // Assess
    expect(next).toBe('identity-document');
  });

  it('waits for the applicant to confirm their document before checking answers', () => {
    // Prepare
    const application = aCompleteApplication({ conversation: { answered: ['contact', 'household'] } });

    // Act
    const next = nextPrompt(application);

    // Assess
    expect(next).toBe('identity-document');
  });
});

describe('answersAreOpen', () => {
  const eligibilityDecision: Application['decisions'][number] = {
    stage: Stage.Eligibility,
    outcome: 'refer',
    reasons: [{ rule: 'immigration.not-sure', clause: 's160ZA', text: 'An officer checks your status' }],
    inputs: {},
    policyVersion: 'riverside-council@1',
    decidedBy: 'system',
    decidedAt: '2026-11-02T09:00:00.000Z',
    next: 'An officer will look at your application.',
  };

  it('is open at the Eligibility stage while nothing has been sent or decided', () => {
    expect(answersAreOpen(anApplication())).toBe(true);
    expect(
      answersAreOpen(aCompleteApplication({ conversation: { answered: ['contact', 'household'] } })),
    ).toBe(true);
  });

  it('closes once check-answers is answered, and nothing more is asked', () => {
    // Prepare: sent with an answer missing (the workflow will ask for it, not this prompt model).
    const application = anApplication({ conversation: { answered: ['check-answers'] } });

    // Act
    const open = answersAreOpen(application);

    // Assess
    expect(open).toBe(false);
    expect(nextPrompt(application)).toBeUndefined();
  });

  it('closes after the Eligibility decision, whatever it was', () => {
    // Prepare
    const application = aCompleteApplication({ decisions: [eligibilityDecision] });

    // Act
    const open = answersAreOpen(application);

    // Assess
    expect(open).toBe(false);
    expect(nextPrompt(application)).toBeUndefined();
  });

  it.each([
    ['in a later stage', { stage: Stage.Qualification }],
    ['while the application waits', { status: 'waiting' as const }],
    ['once the application is closed', { status: 'closed' as const }],
  ])('is closed %s', (_when, change) => {
    expect(answersAreOpen(anApplication(change))).toBe(false);
  });
});
