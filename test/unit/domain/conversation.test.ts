import { type Application, Circumstances, type HouseholdMember } from '../../../shared/domain/application';
import {
  aboutYouMember,
  answersAreOpen,
  applicableNeeds,
  applicantNeedsField,
  CIRCUMSTANCE_PROMPTS,
  type FormAnswers,
  isAnswered,
  isApplicable,
  memberKindOf,
  memberKindPrompt,
  memberNeedsPrompt,
  memberPrompt,
  nextPrompt,
  owesFormerLandlord,
  PromptId,
  previousPrompt,
  promptsFor,
  readDate,
  readDueDate,
  readMoney,
  withApplicableNeeds,
} from '../../../shared/domain/conversation';
import { BRP_REFUSAL } from '../../../shared/domain/immigration-evidence';
import { Stage } from '../../../shared/domain/stage';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';

/** The fixed test day (memoryDeps' clock): 2 November 2026, so 120 years ago is 1906. */
const today = '2026-11-02';
const prompts = promptsFor(today);

/** The circumstances as an applicant who answered no to everything has them. */
const noCircumstances = Circumstances.parse({});

/** Every answer given, circumstances too, as an API client or the whole journey leaves an application. */
const aFinishedApplication = (overrides: Partial<Application> = {}) =>
  aCompleteApplication({
    ...overrides,
    profile: { ...aCompleteApplication().profile, circumstances: noCircumstances, ...overrides.profile },
  });

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

  it('asks for an email address left empty (GOV.UK: "Enter your …" for an empty field)', () => {
    expect(prompts.contact.answer({ email: '' })).toEqual({
      ok: false,
      errors: [{ field: 'email', message: 'Enter your email address' }],
    });
  });

  it.each(['gareth', 'gareth@', 'gareth at example.org'])('refuses the email address %j', (email) => {
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

describe('the immigration evidence prompt', () => {
  const prompt = prompts['immigration-evidence'];
  const born = { 'dateOfBirth-day': '14', 'dateOfBirth-month': '6', 'dateOfBirth-year': '1991' };
  const withStatus = (immigrationStatus: Application['profile']['immigrationStatus']) =>
    anApplication({ profile: { household: [], ...(immigrationStatus ? { immigrationStatus } : {}) } });

  it('is never asked of a British or Irish citizen, nor before the status is known', () => {
    // Prepare
    const british = withStatus('british-or-irish');
    const unknown = withStatus(undefined);

    // Act
    const applies = [
      isApplicable(british, 'immigration-evidence'),
      isApplicable(unknown, 'immigration-evidence'),
    ];

    // Assess
    expect(applies).toEqual([false, false]);
    expect(isAnswered(british, 'immigration-evidence')).toBe(true);
    expect(previousPrompt(british, 'household')).toBe('immigration-status');
  });

  it.each([
    'eu-settled-status',
    'eu-pre-settled-status',
    'indefinite-leave',
    'refugee-or-humanitarian-protection',
    'limited-leave',
    'no-current-permission',
    'not-sure',
  ] as const)('is asked of someone with %s, right after their status, until answered', (status) => {
    // Prepare
    const application = withStatus(status);

    // Act
    const applies = isApplicable(application, 'immigration-evidence');

    // Assess
    expect(applies).toBe(true);
    expect(isAnswered(application, 'immigration-evidence')).toBe(false);
    expect(PromptId.options.indexOf('immigration-evidence')).toBe(
      PromptId.options.indexOf('immigration-status') + 1,
    );
    expect(previousPrompt(application, 'household')).toBe('immigration-evidence');
    expect(
      isAnswered(
        { ...application, profile: { ...application.profile, immigrationEvidence: { kind: 'none' } } },
        'immigration-evidence',
      ),
    ).toBe(true);
  });

  it('records a share code, as the Home Office writes it, with the date of birth', () => {
    // Prepare
    const form = { evidence: 'share-code', shareCode: 'w12-3ab c45', ...born };

    // Act
    const result = prompt.answer(form);

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'immigrationEvidence',
        value: { kind: 'share-code', shareCode: 'W123ABC45', dateOfBirth: '1991-06-14' },
      },
    });
  });

  it('records that there is no share code yet, whatever the other fields say', () => {
    // Prepare
    const form = { evidence: 'none', shareCode: 'half a co' };

    // Act
    const result = prompt.answer(form);

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: { kind: 'section', section: 'immigrationEvidence', value: { kind: 'none' } },
    });
  });

  it('refuses a biometric residence permit with the reason and what to give instead', () => {
    // Prepare
    const form = { evidence: 'brp', ...born };

    // Act
    const result = prompt.answer(form);

    // Assess
    expect(result).toEqual({ ok: false, errors: [{ field: 'evidence', message: BRP_REFUSAL }] });
  });

  it('asks again for a share code that is too short, and a date of birth that is missing', () => {
    // Prepare
    const form = { evidence: 'share-code', shareCode: 'W12 3AB' };

    // Act
    const result = prompt.answer(form);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'shareCode', message: 'A share code is 9 letters and numbers, like W12 3AB C45' },
        { field: 'dateOfBirth', message: 'Enter your date of birth' },
      ],
    });
  });

  it('asks which evidence when none is chosen', () => {
    // Prepare
    const form = {};

    // Act
    const result = prompt.answer(form);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'evidence', message: 'Select how you can prove your immigration status' }],
    });
  });

  it('shows a recorded share code in groups of three, and prefills the applicant’s date of birth', () => {
    // Prepare
    const recorded = anApplication({
      profile: {
        household: [],
        immigrationStatus: 'limited-leave',
        immigrationEvidence: { kind: 'share-code', shareCode: 'W123ABC45', dateOfBirth: '1991-06-14' },
      },
    });
    const fresh = anApplication({
      profile: { household: [], immigrationStatus: 'limited-leave' },
      conversation: { answered: [], aboutYou: { dateOfBirth: '1991-06-14' } },
    });

    // Act
    const values = [prompt.current(recorded), prompt.current(fresh)];

    // Assess
    expect(values).toEqual([
      { evidence: 'share-code', shareCode: 'W12 3AB C45', ...born },
      { evidence: undefined, ...born },
    ]);
  });
});

describe('the local connection prompt', () => {
  const noExceptions = {
    worksInArea: false,
    closeFamilyInArea: false,
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

  it('reads a single ticked box, and refuses a value it never offered', () => {
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
      ok: false,
      errors: [{ field: 'exceptions', message: 'Select only from the options shown' }],
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
    expect(current).toEqual({ yearsInArea: '4', links: [], exceptions: ['rightToMove'] });
  });

  it('turns ticked links to the area (work, close family) into yes, beside the exceptions', () => {
    // Act
    const result = prompts['local-connection'].answer({
      yearsInArea: '1',
      links: ['worksInArea', 'closeFamilyInArea'],
      exceptions: 'careLeaver',
    });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'localConnection',
        value: {
          ...noExceptions,
          yearsInArea: 1,
          worksInArea: true,
          closeFamilyInArea: true,
          careLeaver: true,
        },
      },
    });
  });

  it('counts each box only in its own group: an exception among the links, or a link among the exceptions, is refused', () => {
    // Act
    const result = prompts['local-connection'].answer({
      yearsInArea: '2',
      links: ['armedForces'],
      exceptions: ['worksInArea'],
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'links', message: 'Select only from the options shown' },
        { field: 'exceptions', message: 'Select only from the options shown' },
      ],
    });
  });

  it('lists the years’ error and a box’s error together, in the order of the page', () => {
    expect(prompts['local-connection'].answer({ yearsInArea: 'many', links: ['isAdmin'] })).toEqual({
      ok: false,
      errors: [
        { field: 'yearsInArea', message: 'Enter a whole number of years, like 3' },
        { field: 'links', message: 'Select only from the options shown' },
      ],
    });
  });

  it('prefills the links given earlier, and none for an answer from before they were asked', () => {
    // Prepare
    const withLinks = anApplication({
      profile: {
        household: [],
        localConnection: { ...noExceptions, yearsInArea: 0, worksInArea: true },
      },
    });
    const { worksInArea: _w, closeFamilyInArea: _c, ...older } = noExceptions;
    const before = anApplication({
      profile: { household: [], localConnection: { ...older, yearsInArea: 9 } },
    });

    // Act
    const current = [withLinks, before].map((application) =>
      prompts['local-connection'].current(application),
    );

    // Assess
    expect(current).toEqual([
      { yearsInArea: '0', links: ['worksInArea'], exceptions: [] },
      { yearsInArea: '9', links: [], exceptions: [] },
    ]);
  });
});

describe('the income prompt', () => {
  const noIncome = { monthlyEarnings: '0', monthlyBenefits: '0', savings: '0', housingSupport: 'none' };

  it('reads pounds as people type them, with £, commas and spaces, into pence', () => {
    // Act
    const result = prompts.income.answer({
      monthlyEarnings: '£1,250.50',
      monthlyBenefits: '£ 300',
      savings: '0.5',
      housingSupport: 'universal-credit',
    });

    // Assess
    expect(result).toEqual({
      ok: true,
      effect: {
        kind: 'section',
        section: 'income',
        value: {
          monthlyEarnings: 125_050,
          monthlyBenefits: 30_000,
          savings: 50,
          housingSupport: 'universal-credit',
        },
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
        { field: 'housingSupport', message: 'Select whether you get help with your rent' },
      ],
    });
  });

  it.each(['universal-credit', 'housing-benefit', 'none'] as const)(
    'takes %s as the help with rent',
    (help) => {
      const result = prompts.income.answer({ ...noIncome, housingSupport: help });
      expect(result.ok && result.effect.kind === 'section' && result.effect.value).toMatchObject({
        housingSupport: help,
      });
    },
  );

  it.each(['', 'council-tax-support', 'UNIVERSAL-CREDIT'])('asks again for help with rent %j', (help) => {
    expect(prompts.income.answer({ ...noIncome, housingSupport: help })).toEqual({
      ok: false,
      errors: [{ field: 'housingSupport', message: 'Select whether you get help with your rent' }],
    });
  });

  it.each([
    ['monthlyEarnings', '1,000,000.01', 'Your household’s earnings must be £1,000,000 a month or less'],
    [
      'monthlyBenefits',
      '5000000',
      'Your household’s benefits and pensions must be £1,000,000 a month or less',
    ],
    ['savings', '10,000,000.01', 'Your household’s savings must be £10,000,000 or less'],
    ['savings', '1'.repeat(400), 'Your household’s savings must be £10,000,000 or less'],
  ])('refuses an absurd %s of %s with a message, not an exception', (field, amount, message) => {
    expect(prompts.income.answer({ ...noIncome, [field]: amount })).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
  });

  it('takes the largest believable amounts', () => {
    const result = prompts.income.answer({
      monthlyEarnings: '£1,000,000',
      monthlyBenefits: '1000000.00',
      savings: '10000000',
      housingSupport: 'none',
    });
    expect(result.ok).toBe(true);
  });

  it.each(['12.345', '-5', 'ten pounds', '1.2.3', '1e5', '12.'])('refuses %j', (savings) => {
    expect(prompts.income.answer({ ...noIncome, savings })).toEqual({
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
    expect(readMoney({ rent: '£1,000,000.01' }, 'rent', 'your rent')).toEqual({
      message: 'Your rent must be £1,000,000 a month or less',
    });
    expect(readMoney({ rent: '20' }, 'rent', 'your rent', { pence: 1_000, text: '£10' })).toEqual({
      message: 'Your rent must be £10 or less',
    });
  });

  it('prefills amounts as pounds, with pence only when there are some', () => {
    // Prepare
    const application = anApplication({
      profile: {
        household: [],
        income: {
          monthlyEarnings: 210_000,
          monthlyBenefits: 35_050,
          savings: 0,
          housingSupport: 'housing-benefit',
        },
      },
    });

    // Act
    const current = prompts.income.current(application);

    // Assess
    expect(current).toEqual({
      monthlyEarnings: '2100',
      monthlyBenefits: '350.50',
      savings: '0',
      housingSupport: 'housing-benefit',
    });
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
        { field: 'tenure', message: 'Select how you live there' },
        { field: 'addressLine', message: 'Enter your address' },
        { field: 'postcode', message: 'Enter your postcode' },
        { field: 'bedrooms', message: 'Enter how many bedrooms your home has, as a number' },
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

  it('takes 0 bedrooms, for a studio', () => {
    const result = prompts['current-home'].answer({ ...home, bedrooms: '0' });
    expect(result.ok).toBe(true);
  });

  it('asks no address of someone with nowhere to live, and keeps none they typed (found in review)', () => {
    // Act
    const empty = prompts['current-home'].answer({ tenure: 'no-home' });
    const typed = prompts['current-home'].answer({ ...home, tenure: 'no-home' });

    // Assess
    const expected = {
      ok: true,
      effect: { kind: 'section', section: 'currentHome', value: { bedrooms: 0, tenure: 'no-home' } },
    };
    expect(empty).toEqual(expected);
    expect(typed).toEqual(expected);
  });
});

describe('prompts without fields', () => {
  it.each(['identity-document', 'check-answers'] as const)('%s is simply answered', (id) => {
    expect(prompts[id].answer({})).toEqual({ ok: true, effect: { kind: 'answered' } });
  });
});

describe('memberKindPrompt', () => {
  const prompt = memberKindPrompt();
  const family = household('coupleWithTwoGirls');

  it.each(['partner', 'child', 'expected-baby', 'other-adult', 'lodger'])('takes %s', (kind) => {
    expect(prompt.answer({ kind }, household('singleAdult'))).toEqual({ ok: true, kind });
  });

  it.each([[{}], [{ kind: 'applicant' }], [{ kind: 'pet' }]])('asks again for %j', (form) => {
    expect(prompt.answer(form, [])).toEqual({
      ok: false,
      errors: [{ field: 'kind', message: 'Select who you are adding' }],
    });
  });

  it('refuses a second partner, but lets the partner stay a partner when changed', () => {
    expect(prompt.answer({ kind: 'partner' }, family)).toEqual({
      ok: false,
      errors: [{ field: 'kind', message: 'You have already added a partner' }],
    });
    expect(prompt.answer({ kind: 'partner' }, family, 'm2')).toEqual({ ok: true, kind: 'partner' });
    expect(prompt.answer({ kind: 'partner' }, family, 'm3').ok).toBe(false);
  });

  it('refuses a 21st person, but not a change to one of 20', () => {
    const [applicant, , child] = family;
    const twenty = [
      applicant,
      ...Array.from({ length: 19 }, (_, n) => ({ ...child, memberId: `m${n + 2}` })),
    ];
    expect(prompt.answer({ kind: 'child' }, twenty as HouseholdMember[])).toEqual({
      ok: false,
      errors: [{ field: 'kind', message: 'A household can have at most 20 people' }],
    });
    expect(prompt.answer({ kind: 'child' }, twenty as HouseholdMember[], 'm5').ok).toBe(true);
  });

  it('knows the kind of a member being changed: a baby not yet born is its own kind', () => {
    const [applicant, nia, cerys] = family;
    expect([applicant, nia, cerys].map((member) => member && memberKindOf(member))).toEqual([
      undefined,
      'partner',
      'child',
    ]);
    expect(memberKindOf({ ...(cerys as HouseholdMember), unborn: true })).toBe('expected-baby');
  });
});

describe('memberPrompt', () => {
  const prompt = memberPrompt(today, 'child');
  const cerys = {
    firstName: ' Cerys ',
    lastName: 'Pritchard',
    ...{ 'dateOfBirth-day': '9', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2014' },
    sex: 'female',
  };

  it('takes a child who will live with the applicant, with no needs until they are asked', () => {
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
        needsOwnRoomForDisability: false,
      },
    });
  });

  it.each(['partner', 'other-adult', 'lodger'] as const)('takes a %s as that relationship', (kind) => {
    const result = memberPrompt(today, kind).answer({ ...cerys, 'dateOfBirth-year': '1990' });
    expect(result.ok && result.member.relationship).toBe(kind);
  });

  it('asks a date of birth, not a due date, for someone already born', () => {
    expect(prompt.fields.map((field) => field.name)).toEqual(['firstName', 'lastName', 'dateOfBirth', 'sex']);
  });

  it('asks for every missing detail, in the order of the page', () => {
    expect(prompt.answer({})).toEqual({
      ok: false,
      errors: [
        { field: 'firstName', message: 'Enter their first name' },
        { field: 'lastName', message: 'Enter their last name' },
        { field: 'dateOfBirth', message: 'Enter their date of birth' },
        { field: 'sex', message: 'Select their sex' },
      ],
    });
  });

  it.each([
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

  it.each([
    ['partner', 'Your partner must be 16 or over: for someone younger, go back and choose ‘My child’'],
    ['other-adult', 'Another adult must be 16 or over: for someone younger, go back and choose ‘My child’'],
    ['lodger', 'A lodger must be 16 or over: for someone younger, go back and choose ‘My child’'],
  ] as const)('refuses a %s under 16', (kind, message) => {
    expect(memberPrompt(today, kind).answer(cerys)).toEqual({
      ok: false,
      errors: [{ field: 'dateOfBirth', message }],
    });
  });

  it('prefills a member being changed, but not one of another kind', () => {
    const [, nia] = household('coupleWithTwoGirls');
    expect(memberPrompt(today, 'partner').current(nia)).toEqual({
      firstName: 'Nia',
      lastName: 'Pritchard',
      ...dateOfBirth('21', '1', '1990'),
      sex: 'female',
    });
    expect(memberPrompt(today, 'lodger').current(nia)).toEqual({});
  });
});

describe('memberPrompt for a baby we are expecting', () => {
  const prompt = memberPrompt(today, 'expected-baby');
  const dueDate = (day: string, month: string, year: string): FormAnswers => ({
    'dueDate-day': day,
    'dueDate-month': month,
    'dueDate-year': year,
  });

  it('asks when the baby is due, not a date of birth, and no last name', () => {
    expect(prompt.fields.map((field) => field.name)).toEqual(['firstName', 'dueDate', 'sex']);
    expect(prompt.question).toBe('Tell us about the baby you are expecting');
  });

  it('takes an unborn child whose date of birth is the due date, with the family’s last name', () => {
    // Act
    const result = prompt.answer({ ...dueDate('14', '3', '2027'), sex: 'male' }, 'Pritchard');

    // Assess
    expect(result).toEqual({
      ok: true,
      member: {
        relationship: 'child',
        firstName: 'Baby',
        lastName: 'Pritchard',
        dateOfBirth: '2027-03-14',
        dueDate: '2027-03-14',
        sex: 'male',
        unborn: true,
        needsOwnRoomForDisability: false,
      },
    });
  });

  it('keeps a name already chosen', () => {
    const result = prompt.answer(
      { firstName: ' Gwen ', ...dueDate('2', '11', '2026'), sex: 'female' },
      'Pritchard',
    );
    expect(result.ok && result.member.firstName).toBe('Gwen');
  });

  it('asks for the due date and the sex', () => {
    expect(prompt.answer({})).toEqual({
      ok: false,
      errors: [
        { field: 'dueDate', message: 'Enter the date the baby is due' },
        { field: 'sex', message: 'Select a girl or a boy' },
      ],
    });
  });

  it.each([
    [
      dueDate('1', '11', '2026'),
      'The date the baby is due must be today or in the future: if the baby is born, add them as your child',
    ],
    [dueDate('1', '1', '2028'), 'The date the baby is due must be within the next 42 weeks'],
    [dueDate('30', '2', '2027'), 'The date the baby is due must be a real date'],
    [dueDate('', '3', '2027'), 'The date the baby is due must include a day'],
  ])('refuses the due date %j', (form, message) => {
    expect(prompt.answer({ ...form, sex: 'female' })).toEqual({
      ok: false,
      errors: [{ field: 'dueDate', message }],
    });
  });

  it('reads a due date from today up to 42 weeks ahead', () => {
    expect(readDueDate(dueDate('2', '11', '2026'), 'dueDate', today)).toBe('2026-11-02');
    expect(readDueDate(dueDate('23', '8', '2027'), 'dueDate', today)).toBe('2027-08-23');
    expect(readDueDate(dueDate('24', '8', '2027'), 'dueDate', today)).toEqual({
      message: 'The date the baby is due must be within the next 42 weeks',
    });
  });

  it('prefills the due date and leaves the name empty while the baby has none', () => {
    const baby = {
      memberId: 'm5',
      relationship: 'child',
      firstName: 'Baby',
      lastName: 'Pritchard',
      dateOfBirth: '2027-03-14',
      dueDate: '2027-03-14',
      sex: 'female',
      unborn: true,
      needsOwnRoomForDisability: false,
    } as const;
    expect(prompt.current(baby)).toEqual({ firstName: '', ...dueDate('14', '3', '2027'), sex: 'female' });
    expect(memberPrompt(today, 'child').current(baby)).toEqual({});
  });
});

describe('the needs of a member', () => {
  const [gareth, nia, cerys] = household('coupleWithTwoGirls') as [
    HouseholdMember,
    HouseholdMember,
    HouseholdMember,
  ];
  const born = (dateOfBirth: string, change: Partial<HouseholdMember> = {}): HouseholdMember => ({
    ...cerys,
    dateOfBirth,
    ...change,
  });

  it.each([
    ['the applicant', gareth, ['needsOwnRoomForDisability', 'needsOvernightCarer']],
    ['a partner', nia, ['needsOwnRoomForDisability', 'needsOvernightCarer']],
    ['a child of 12', cerys, ['needsOwnRoomForDisability', 'needsOvernightCarer']],
    ['a child of 14', born('2011-11-03'), ['needsOwnRoomForDisability', 'needsOvernightCarer']],
    ['a child of exactly 16', born('2010-11-02'), ['needsOvernightCarer', 'awayArmedForces', 'awayStudent']],
    ['a son of 21', born('2005-11-02'), ['needsOvernightCarer', 'awayArmedForces', 'awayStudent']],
    ['a son of 22', born('2004-11-02'), ['needsOvernightCarer', 'awayArmedForces']],
    [
      'another adult of 19',
      born('2007-01-01', { relationship: 'other-adult' }),
      ['needsOvernightCarer', 'awayStudent'],
    ],
    ['another adult of 60', born('1966-01-01', { relationship: 'other-adult' }), ['needsOvernightCarer']],
    ['a lodger', born('1990-01-01', { relationship: 'lodger' }), []],
    ['a baby not yet born', born('2027-03-14', { unborn: true }), []],
  ])('asks %s only what can apply', (_who, member, needs) => {
    expect(applicableNeeds(member, today)).toEqual(needs);
  });

  it('asks which apply, naming the member, with “None of these” last', () => {
    const prompt = memberNeedsPrompt(nia, today);
    expect(prompt.applies).toBe(true);
    expect(prompt.question).toBe('Do any of these apply to Nia?');
    const [field] = prompt.fields;
    expect(
      field?.kind === 'checkboxes' && field.options.map((option) => [option.value, option.text]),
    ).toEqual([
      ['needsOwnRoomForDisability', 'They cannot share a bedroom with you because of a disability'],
      ['needsOvernightCarer', 'They need a carer who does not live with you to stay overnight'],
      ['none', 'None of these'],
    ]);
  });

  it('has nothing to ask a lodger', () => {
    expect(memberNeedsPrompt(born('1990-01-01', { relationship: 'lodger' }), today).applies).toBe(false);
  });

  it('records the ticked needs as yes and the others offered as no', () => {
    const result = memberNeedsPrompt(born('2008-01-01'), today).answer({ needs: ['awayStudent'] });
    expect(result).toEqual({
      ok: true,
      member: {
        ...born('2008-01-01'),
        needsOwnRoomForDisability: false,
        needsOvernightCarer: false,
        awayStudent: true,
        awayArmedForces: false,
      },
    });
  });

  it('takes “None of these” as no to each', () => {
    const result = memberNeedsPrompt(cerys, today).answer({ needs: 'none' });
    expect(result).toEqual({
      ok: true,
      member: { ...cerys, needsOwnRoomForDisability: false, needsOvernightCarer: false },
    });
  });

  it('ignores a need that cannot apply, even when a crafted form ticks it', () => {
    const result = memberNeedsPrompt(cerys, today).answer({
      needs: ['needsOvernightCarer', 'awayArmedForces'],
    });
    expect(result.ok && result.member).toEqual({
      ...cerys,
      needsOwnRoomForDisability: false,
      needsOvernightCarer: true,
    });
  });

  it.each([
    [{}, 'Select which of these apply to Nia, or ‘None of these’'],
    [{ needs: ['awayStudent'] }, 'Select which of these apply to Nia, or ‘None of these’'],
    [{ needs: ['none', 'needsOvernightCarer'] }, 'Select ‘None of these’ only if none of the others apply'],
  ])('refuses %j', (form, message) => {
    expect(memberNeedsPrompt(nia, today).answer(form)).toEqual({
      ok: false,
      errors: [{ field: 'needs', message }],
    });
  });

  it('prefills what was answered, “None of these” for all no, and nothing before it was asked', () => {
    expect(memberNeedsPrompt(nia, today).current()).toEqual({});
    expect(memberNeedsPrompt({ ...nia, needsOvernightCarer: false }, today).current()).toEqual({
      needs: ['none'],
    });
    expect(
      memberNeedsPrompt(
        { ...nia, needsOwnRoomForDisability: true, needsOvernightCarer: true },
        today,
      ).current(),
    ).toEqual({ needs: ['needsOwnRoomForDisability', 'needsOvernightCarer'] });
  });

  it('drops needs that no longer apply once a child turns out to be 17', () => {
    const changed = withApplicableNeeds(
      { ...cerys, dateOfBirth: '2009-06-01', needsOwnRoomForDisability: true, needsOvernightCarer: true },
      today,
    );
    expect(changed).toEqual({
      ...cerys,
      dateOfBirth: '2009-06-01',
      needsOwnRoomForDisability: false,
      needsOvernightCarer: true,
    });
  });
});

describe('the household prompt: the applicant’s own needs', () => {
  it('asks about a room of their own only beside a partner', () => {
    const values = (field: ReturnType<typeof applicantNeedsField>) =>
      field.kind === 'checkboxes' ? field.options.map((option) => option.value) : [];
    expect(values(applicantNeedsField(true))).toEqual([
      'needsOvernightCarer',
      'needsOwnRoomForDisability',
      'none',
    ]);
    expect(values(applicantNeedsField(false))).toEqual(['needsOvernightCarer', 'none']);
  });

  it('records the applicant’s needs', () => {
    expect(prompts.household.answer({ needs: ['needsOvernightCarer'] })).toEqual({
      ok: true,
      effect: {
        kind: 'applicant-needs',
        value: { needsOvernightCarer: true, needsOwnRoomForDisability: false },
      },
    });
    expect(prompts.household.answer({ needs: 'none' })).toEqual({
      ok: true,
      effect: {
        kind: 'applicant-needs',
        value: { needsOvernightCarer: false, needsOwnRoomForDisability: false },
      },
    });
  });

  it('asks again when nothing is ticked', () => {
    expect(prompts.household.answer({})).toEqual({
      ok: false,
      errors: [{ field: 'needs', message: 'Select which of these apply to you, or ‘None of these’' }],
    });
  });

  it('prefills the needs once the household was answered, and nothing before', () => {
    const [gareth, ...others] = household('coupleWithTwoGirls') as HouseholdMember[];
    const profile = { household: [{ ...(gareth as HouseholdMember), needsOvernightCarer: true }, ...others] };
    expect(prompts.household.current(anApplication({ profile }))).toEqual({ needs: [] });
    expect(
      prompts.household.current(anApplication({ profile, conversation: { answered: ['household'] } })),
    ).toEqual({ needs: ['needsOvernightCarer'] });
  });
});

describe('the circumstances prompts', () => {
  const circumstances = (effect: unknown) => ({
    ok: true,
    effect: { kind: 'circumstances', ...(effect as object) },
  });

  it.each([
    ['owns-property', 'ownsProperty'],
    ['behaviour', 'unacceptableBehaviour'],
    ['disrepair', 'disrepair'],
    ['hardship-move', 'hardshipMove'],
    ['foster-carer', 'fosterCarer'],
  ] as const)('%s is a yes or no question that writes %s', (id, name) => {
    const prompt = prompts[id];
    expect(prompt.fields).toEqual([
      expect.objectContaining({ kind: 'radios', name, label: prompt.question }),
    ]);
    expect(prompt.answer({ [name]: 'yes' })).toEqual(circumstances({ value: { [name]: true } }));
    expect(prompt.answer({ [name]: 'no' })).toEqual(circumstances({ value: { [name]: false } }));
  });

  it.each([
    ['owns-property', 'ownsProperty', 'Select yes if you or anyone who will live with you owns a home'],
    [
      'behaviour',
      'unacceptableBehaviour',
      'Select yes if a court has found anyone responsible for serious anti-social behaviour',
    ],
    ['disrepair', 'disrepair', 'Select yes if your home is in serious disrepair or unsafe'],
    ['hardship-move', 'hardshipMove', 'Select yes if you need to move to this area to avoid hardship'],
    ['foster-carer', 'fosterCarer', 'Select yes if you are an approved foster carer'],
    [
      'homelessness-duty',
      'homelessnessDuty',
      'Select whether a council has a duty to help you because you are homeless',
    ],
    ['medical-need', 'medicalNeed', 'Select whether you need to move because of health or disability'],
    ['former-arrears', 'owesFormerLandlord', 'Select yes if you owe rent to a former landlord'],
  ] as const)(
    '%s asks again, in plain English, when nothing or something unknown is chosen',
    (id, field, message) => {
      for (const form of [{}, { [field]: 'maybe' }, { [field]: 'YES' }]) {
        expect(prompts[id].answer(form)).toEqual({ ok: false, errors: [{ field, message }] });
      }
    },
  );

  it.each(['none', 'prevention', 'relief', 'main'] as const)('takes the homelessness duty %s', (duty) => {
    expect(prompts['homelessness-duty'].answer({ homelessnessDuty: duty })).toEqual(
      circumstances({ value: { homelessnessDuty: duty } }),
    );
  });

  it('offers “I do not know” as none, saying an officer checks', () => {
    const [field] = prompts['homelessness-duty'].fields;
    const none =
      field?.kind === 'radios' ? field.options.find((option) => option.value === 'none') : undefined;
    expect(none).toEqual({
      value: 'none',
      text: 'No, or I do not know',
      hint: 'If you are not sure, choose this: an officer checks with the council’s homelessness team',
    });
  });

  it.each(['none', 'moderate', 'urgent'] as const)('takes the medical need %s', (need) => {
    expect(prompts['medical-need'].answer({ medicalNeed: need })).toEqual(
      circumstances({ value: { medicalNeed: need } }),
    );
  });

  it('asks how much rent is owed only after yes: yes opens the question, no settles it at nothing', () => {
    expect(prompts['former-arrears'].answer({ owesFormerLandlord: 'yes' })).toEqual(
      circumstances({ value: {}, reopens: ['arrears-details'] }),
    );
    expect(prompts['former-arrears'].answer({ owesFormerLandlord: 'no' })).toEqual(
      circumstances({
        value: { formerTenancyArrears: 0, arrearsRepaymentPlanKept: false },
        settles: ['arrears-details'],
      }),
    );
  });

  it('takes the rent owed and whether a repayment plan is kept', () => {
    expect(
      prompts['arrears-details'].answer({
        formerTenancyArrears: '£1,250.40',
        arrearsRepaymentPlanKept: 'yes',
      }),
    ).toEqual(circumstances({ value: { formerTenancyArrears: 125_040, arrearsRepaymentPlanKept: true } }));
  });

  it.each([
    [
      {},
      [
        ['formerTenancyArrears', 'Enter how much you owe, or 0 if there is none'],
        ['arrearsRepaymentPlanKept', 'Select yes if you are keeping to a plan to pay it back'],
      ],
    ],
    [
      { formerTenancyArrears: '0', arrearsRepaymentPlanKept: 'no' },
      [['formerTenancyArrears', 'Enter how much you owe: if you owe nothing, go back and answer no']],
    ],
    [
      { formerTenancyArrears: '1000000.01', arrearsRepaymentPlanKept: 'no' },
      [['formerTenancyArrears', 'How much you owe must be £1,000,000 or less']],
    ],
    [
      { formerTenancyArrears: '-40', arrearsRepaymentPlanKept: 'no' },
      [['formerTenancyArrears', 'Enter how much you owe in pounds, like 1250 or 1250.50']],
    ],
  ])('refuses the arrears %j', (form, errors) => {
    expect(prompts['arrears-details'].answer(form)).toEqual({
      ok: false,
      errors: errors.map(([field, message]) => ({ field, message })),
    });
  });

  it('prefills nothing before a question is answered, though the section has defaults', () => {
    const application = anApplication({
      profile: { household: [], circumstances: noCircumstances },
      conversation: { answered: ['owns-property'] },
    });
    expect(prompts['owns-property'].current(application)).toEqual({ ownsProperty: 'no' });
    expect(prompts.behaviour.current(application)).toEqual({ unacceptableBehaviour: undefined });
    expect(prompts['homelessness-duty'].current(application)).toEqual({ homelessnessDuty: undefined });
    expect(prompts['former-arrears'].current(application)).toEqual({ owesFormerLandlord: undefined });
  });

  it('prefills the answers given', () => {
    const application = anApplication({
      profile: {
        household: [],
        circumstances: {
          ...noCircumstances,
          fosterCarer: true,
          formerTenancyArrears: 80_000,
          arrearsRepaymentPlanKept: true,
          homelessnessDuty: 'relief',
          medicalNeed: 'urgent',
        },
      },
      conversation: { answered: [...CIRCUMSTANCE_PROMPTS] },
    });
    expect(prompts['foster-carer'].current(application)).toEqual({ fosterCarer: 'yes' });
    expect(prompts['former-arrears'].current(application)).toEqual({ owesFormerLandlord: 'yes' });
    expect(prompts['arrears-details'].current(application)).toEqual({
      formerTenancyArrears: '800',
      arrearsRepaymentPlanKept: 'yes',
    });
    expect(prompts['homelessness-duty'].current(application)).toEqual({ homelessnessDuty: 'relief' });
    expect(prompts['medical-need'].current(application)).toEqual({ medicalNeed: 'urgent' });
  });
});

describe('branching', () => {
  const answered = (ids: string[], circumstances = noCircumstances) =>
    aFinishedApplication({
      profile: { ...aFinishedApplication().profile, circumstances },
      conversation: { answered: ['contact', 'household', ...ids] },
    });

  it('asks how much rent is owed right after yes, and skips it after no', () => {
    // Prepare
    const before = ['owns-property'];
    const yes = answered([...before, 'former-arrears']);
    const no = answered([...before, 'former-arrears', 'arrears-details']);

    // Act, Assess
    expect(nextPrompt(yes)).toBe('arrears-details');
    expect(owesFormerLandlord(yes)).toBe(true);
    expect(nextPrompt(no)).toBe('behaviour');
    expect(owesFormerLandlord(no)).toBe(false);
    expect(isApplicable(no, 'arrears-details')).toBe(false);
  });

  it('counts arrears recorded as owing, whatever was asked', () => {
    const owes = answered([...CIRCUMSTANCE_PROMPTS], { ...noCircumstances, formerTenancyArrears: 1 });
    expect(owesFormerLandlord(owes)).toBe(true);
    expect(isApplicable(owes, 'arrears-details')).toBe(true);
  });

  it('skips disrepair for someone with no home, and asks it of everyone else', () => {
    const noHome = answered([
      'owns-property',
      'former-arrears',
      'arrears-details',
      'behaviour',
      'homelessness-duty',
    ]);
    const homeless = {
      ...noHome,
      profile: {
        ...noHome.profile,
        currentHome: {
          postcode: 'RV1 4AB',
          addressLine: 'No fixed address',
          bedrooms: 0,
          tenure: 'no-home' as const,
        },
      },
    };
    expect(nextPrompt(noHome)).toBe('disrepair');
    expect(nextPrompt(homeless)).toBe('medical-need');
    expect(isAnswered(homeless, 'disrepair')).toBe(true);
  });

  it('takes circumstances given whole through the API as every question answered', () => {
    const application = aFinishedApplication({ conversation: { answered: ['contact', 'household'] } });
    expect(CIRCUMSTANCE_PROMPTS.filter((prompt) => !isAnswered(application, prompt))).toEqual([]);
  });

  it('asks the circumstances questions once some were answered here, the others still to come', () => {
    const application = answered(['owns-property']);
    expect(CIRCUMSTANCE_PROMPTS.filter((prompt) => !isAnswered(application, prompt))).toEqual([
      'former-arrears',
      'behaviour',
      'homelessness-duty',
      'disrepair',
      'medical-need',
      'hardship-move',
      'foster-carer',
    ]);
  });

  it('goes back past a question that did not apply', () => {
    const no = answered(['owns-property', 'former-arrears', 'arrears-details']);
    const yes = answered(['owns-property', 'former-arrears']);
    expect(previousPrompt(no, 'behaviour')).toBe('former-arrears');
    expect(previousPrompt(yes, 'behaviour')).toBe('arrears-details');
    expect(previousPrompt(no, 'name')).toBeUndefined();
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
    ...CIRCUMSTANCE_PROMPTS.filter((prompt) => prompt !== 'arrears-details').map(
      (prompt) =>
        (a: Application): Application => ({
          ...a,
          profile: { ...a.profile, circumstances: noCircumstances },
          conversation: {
            answered: [
              ...(a.conversation?.answered ?? []),
              prompt,
              // "No" to rent owed settles how much.
              ...(prompt === 'former-arrears' ? ['arrears-details'] : []),
            ],
          },
        }),
    ),
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

    // Assess: each once, in order; how much rent is owed is skipped after "no".
    // A British citizen is never asked for immigration evidence.
    expect(asked).toEqual([
      ...PromptId.options.filter(
        (prompt) => prompt !== 'arrears-details' && prompt !== 'immigration-evidence',
      ),
      undefined,
    ]);
    expect(PromptId.options.indexOf('foster-carer')).toBe(PromptId.options.indexOf('identity-document') - 1);
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
    const { localConnection: _removed, ...profile } = aFinishedApplication().profile;
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
    const application = aFinishedApplication({
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
    const application = aFinishedApplication({ conversation: { answered: ['contact', 'household'] } });

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
