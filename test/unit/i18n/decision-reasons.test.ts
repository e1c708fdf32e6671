import {
  Circumstances,
  CurrentHome,
  DocumentKind,
  type DocumentRecord,
  ImmigrationStatus,
  LocalConnection,
  Tenure,
} from '../../../shared/domain/application';
import { allocationBedroomNeed } from '../../../shared/domain/bedrooms';
import { FORMS_KINDS } from '../../../shared/domain/documents';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { checkEvidence } from '../../../shared/domain/evidence-check';
import {
  identityProblems,
  numberOnAnotherApplication,
  problemReasons,
  type ReadFields,
} from '../../../shared/domain/identity-check';
import { assessQualification } from '../../../shared/domain/qualification';
import { register } from '../../../shared/domain/registration';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { documents } from '../../../shared/services/application-stages';
import { aCompleteApplication } from '../../fixtures/applications';
import { person } from '../../support/households';
import { memoryDeps } from '../../support/memory';

const policies = [policyFor('riverside-council'), policyFor('cwm-valley')];
const decidedAt = '2026-11-02T10:00:00.000Z';
const today = '2026-11-29';

/** Every text an eligibility decision can give, for every answer the journey asks about, in both countries. */
function eligibilityTexts(): string[] {
  return policies.flatMap((policy) =>
    ImmigrationStatus.options.flatMap((immigrationStatus) => {
      const decision = assessEligibility({ immigrationStatus, policy, decidedAt });
      return [...decision.reasons.map((reason) => reason.text), decision.next];
    }),
  );
}

/**
 * Every text a qualification decision can give: in Wales, and in England each rule met and not met, every way
 * round the residence rule (and every way it is not met, under a policy that accepts work or close family
 * instead), an applicant too young, income and savings over and under the caps or not yet given.
 */
function qualificationTexts(): string[] {
  const [riverside, cwmValley] = policies;
  if (!riverside || !cwmValley) throw new Error('Both policies are needed');
  const instead = (work: boolean, closeFamily: boolean) => ({
    ...riverside,
    qualification: { ...riverside.qualification, residenceAlternatives: { work, closeFamily } },
  });
  const adult = { dateOfBirth: '1994-03-14' };
  const seventeen = { dateOfBirth: '2009-06-01' };
  const under = { monthlyEarnings: 200_000, monthlyBenefits: 0, savings: 100_000 };
  const over = { monthlyEarnings: 600_000, monthlyBenefits: 25_050, savings: 2_000_000 };
  const connections = [
    { yearsInArea: 6 },
    { yearsInArea: 1 },
    { yearsInArea: 0 },
    { yearsInArea: 1, armedForces: true },
    { yearsInArea: 1, rightToMove: true },
    { yearsInArea: 1, fleeingDomesticAbuse: true },
    { yearsInArea: 1, careLeaver: true },
    { yearsInArea: 1, worksInArea: true },
    { yearsInArea: 1, closeFamilyInArea: true },
    { yearsInArea: 1, worksInArea: true, closeFamilyInArea: true, careLeaver: true },
  ].map((answers) => LocalConnection.parse(answers));
  const circumstances = [
    {},
    { ownsProperty: true, unacceptableBehaviour: true, formerTenancyArrears: 250_000 },
    { formerTenancyArrears: 50_000 },
    { formerTenancyArrears: 250_000, arrearsRepaymentPlanKept: true },
  ].map((answers) => Circumstances.parse(answers));
  const decisions = [
    riverside,
    instead(false, true),
    instead(true, true),
    instead(false, false),
    cwmValley,
  ].flatMap((policy) =>
    [adult, seventeen].flatMap((applicant) =>
      connections.flatMap((localConnection) =>
        [under, over, undefined].flatMap((income) =>
          circumstances.map((answers) =>
            assessQualification({
              applicant,
              localConnection,
              income,
              circumstances: answers,
              policy,
              decidedAt,
            }),
          ),
        ),
      ),
    ),
  );
  return [
    ...new Set(
      decisions.flatMap((decision) => [...decision.reasons.map((reason) => reason.text), decision.next]),
    ),
  ];
}

/**
 * Every text a registration decision gives of its own (the bedroom need's reasons are bedrooms.ts's): every
 * home, each reasonable-preference group alone and all at once, the armed forces' urgent need, none of them,
 * a first registration and a band gone up, kept or gone down, needing one bedroom or two, in both countries.
 */
function registrationTexts(): string[] {
  const homes = Tenure.options.map((tenure) =>
    CurrentHome.parse({ tenure, bedrooms: 1, addressLine: '12 Mill Lane', postcode: 'RV1 4AB' }),
  );
  const circumstances = [
    {},
    { homelessnessDuty: 'prevention' },
    { homelessnessDuty: 'relief' },
    { homelessnessDuty: 'main' },
    { disrepair: true },
    { medicalNeed: 'moderate' },
    { medicalNeed: 'urgent' },
    { hardshipMove: true },
    { homelessnessDuty: 'main', disrepair: true, medicalNeed: 'urgent', hardshipMove: true },
  ].map((answers) => Circumstances.parse(answers));
  const previous = (band: 'A' | 'B' | 'C' | 'D') => ({
    registration: { band, effectiveDate: '2026-03-01', bedroomNeed: 2 },
    registeredOn: '2026-01-15',
  });
  const decisions = policies.flatMap((policy) =>
    homes.flatMap((currentHome) =>
      circumstances.flatMap((answers) =>
        [1, 2].flatMap((bedrooms) =>
          [undefined, previous('A'), previous('C'), previous('D')].flatMap((before) =>
            [true, false].map(
              (armedForces) =>
                register({
                  need: { bedrooms, reasons: [] },
                  currentHome,
                  circumstances: answers,
                  localConnection: { armedForces },
                  policy,
                  decidedAt,
                  previous: before,
                }).decision,
            ),
          ),
        ),
      ),
    ),
  );
  return [
    ...new Set(
      decisions.flatMap((decision) => [...decision.reasons.map((reason) => reason.text), decision.next]),
    ),
  ];
}

/**
 * Every reason a council's bedroom need gives (allocation schemes; the size criteria an offer's affordability
 * uses are not yet in Welsh): each way a household is counted, under both councils' standards.
 */
function bedroomTexts(): string[] {
  const on = today;
  const you = (extra = {}) => person('applicant', 'Siân', 'female', '1990-02-03', extra);
  const partner = (extra = {}) => person('partner', 'Dafydd', 'male', '1989-05-01', extra);
  const child = (name: string, sex: 'male' | 'female', dateOfBirth: string, extra = {}) =>
    person('child', name, sex, dateOfBirth, extra);
  const households = [
    [you()],
    [you(), partner()],
    [you({ needsOwnRoomForDisability: true }), partner()],
    [you(), person('lodger', 'Rhys', 'male', '1980-01-01')],
    [you(), child('Nel', 'female', '2027-01-10', { unborn: true, dueDate: '2027-01-10' })],
    [you(), child('Nel', 'female', '2027-06-01', { unborn: true, dueDate: '2027-06-01' })],
    [you(), child('Gwen', 'female', '2007-01-01'), child('Mali', 'female', '2005-01-01')],
    [
      you(),
      child('Osian', 'male', '2021-01-01'),
      child('Ifan', 'male', '2019-01-01'),
      child('Cai', 'male', '2018-01-01', { needsOwnRoomForDisability: true }),
    ],
    [
      you(),
      child('Osian', 'male', '2022-01-01'),
      child('Lowri', 'female', '2020-01-01'),
      child('Elin', 'female', '2014-01-01'),
    ],
    [you(), child('Osian', 'male', '2022-01-01'), child('Lowri', 'female', '2020-01-01')],
    [you({ needsOvernightCarer: true })],
    [you(), partner({ needsOvernightCarer: true })],
    [you({ needsOvernightCarer: true }), partner({ needsOvernightCarer: true })],
    [you(), child('Osian', 'male', '2018-01-01', { needsOvernightCarer: true })],
    [you(), person('other-adult', 'Rhys', 'male', '1980-01-01')],
  ];
  return [
    ...new Set(
      policies.flatMap((policy) =>
        households.flatMap((household) =>
          allocationBedroomNeed({ household, on, policy }).reasons.map((reason) => reason.text),
        ),
      ),
    ),
  ];
}

/**
 * What the documents stage says of each document (shared/services/application-stages.ts): every kind in every
 * state, beside a passport that was read and matches, and what happens next.
 */
const STATUSES: DocumentRecord['status'][] = ['declared', 'uploaded', 'read', 'rejected', 'deleted'];

async function documentStageTexts(): Promise<string[]> {
  const document = (kind: DocumentKind, status: DocumentRecord['status'], index: number): DocumentRecord => ({
    documentId: `doc_${kind.replaceAll('-', '')}${index}`,
    kind,
    contentType: 'image/jpeg',
    sizeBytes: 2_400_000,
    status,
    declaredAt: '2026-11-01T10:05:00.000Z',
  });
  const deps = memoryDeps();
  const application = aCompleteApplication();
  await deps.applications.create({
    ...application,
    documents: [
      document('passport', 'read', 0),
      ...DocumentKind.options.flatMap((kind) =>
        STATUSES.map((status, index) => document(kind, status, index + 1)),
      ),
    ],
  });
  await documents(deps, { applicationId: application.applicationId });
  const decision = (await deps.applications.get(application.applicationId))?.decisions.at(-1);
  return decision ? [...new Set([...decision.reasons.map((reason) => reason.text), decision.next])] : [];
}

/**
 * Everything a document read as forms confirms (the verification decision's reasons), and every problem it can
 * have, for every kind, in both countries: parts too unclear to check, someone else's name, dated after today or
 * too long ago, income far from the answers, another address.
 */
function evidenceTexts(): string[] {
  const application = aCompleteApplication();
  const read = (values: Record<string, string>, confidence = 0.95) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence }]));
  const holders = { employeeName: 'Rhys Morgan', accountHolder: 'Rhys Morgan', claimantName: 'Rhys Morgan' };
  const dates = (date: string) => ({
    payDate: date,
    periodEnd: date,
    assessmentPeriodEnd: date,
    letterDate: date,
    billDate: date,
  });
  const money = {
    netPay: '900000',
    payPeriod: 'monthly',
    totalPayment: '900000',
    amount: '900000',
    postcode: 'CF10 1AA',
  };
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const own = `${applicant?.firstName} ${applicant?.lastName}`;
  const matching = {
    employeeName: own,
    accountHolder: own,
    claimantName: own,
    ...dates(today),
    netPay: '210000',
    payPeriod: 'monthly',
    totalPayment: '35000',
    amount: '35000',
    postcode: 'RV1 4AB',
  };
  const readings = [
    read(matching),
    read({ ...holders, ...dates(today), surname: 'EVANS' }, 0.2),
    read({ ...dates(today) }),
    read({ ...holders, ...dates('2027-01-01'), ...money }),
    read({ ...holders, ...dates('2025-01-01'), ...money }),
  ];
  return [
    ...new Set(
      policies.flatMap((policy) =>
        FORMS_KINDS.flatMap((kind) =>
          readings.flatMap((fields) => {
            const check = checkEvidence({ kind, fields, application, policy, today });
            return [...check.confirmed, ...check.problems.map((problem) => problem.text)];
          }),
        ),
      ),
    ),
  ];
}

/** English words a Welsh text should not have left in it: a pattern that swallowed an untranslated sentence. */
const englishLeftIn = (texts: string[]) =>
  texts
    .map((text) => translate('cy', text, { strict: true }))
    .filter((welsh) => /\b(you|your|the|and|is|are)\b/i.test(welsh));

const fields = (values: Record<string, string>): ReadFields =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence: 0.9 }]));

/**
 * Every problem an identity document can have, each on its own (as the verification decision's reasons show
 * them), from a passport and a licence broken one field at a time, and a number already on another application.
 */
function identityTexts(): string[] {
  const applicant = person('applicant', 'Siân', 'female', '1990-02-03', { lastName: 'Evans' });
  const good = {
    surname: 'EVANS',
    givenNames: 'SIAN',
    dateOfBirth: '1990-02-03',
    expiryDate: '2030-01-01',
    checkDigitsValid: 'true',
  };
  const broken: Array<Record<string, string>> = [
    { ...good, checkDigitsValid: 'false' },
    { ...good, surname: 'JONES' },
    { ...good, surname: '' },
    { ...good, givenNames: '' },
    { ...good, givenNames: 'MEGAN' },
    { ...good, dateOfBirth: '1991-02-03' },
    { ...good, dateOfBirth: '' },
    { ...good, expiryDate: '2026-11-28' },
    { ...good, expiryDate: '' },
  ];
  const problems = (['passport', 'driving-licence'] as const).flatMap((kind) => [
    ...broken.flatMap((values) => identityProblems(fields(values), applicant, today, kind)),
    numberOnAnotherApplication(kind, '125583497'),
  ]);
  return problemReasons(problems).map((reason) => reason.text);
}

describe('the Welsh catalogue, for what the domain decides', () => {
  it('has Welsh for every reason and next step an eligibility decision can give, in England and Wales', () => {
    // Prepare
    const texts = eligibilityTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThanOrEqual(ImmigrationStatus.options.length * 2 * 2);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every reason and next step a qualification decision can give, in England and Wales', () => {
    // Prepare
    const texts = qualificationTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every reason and next step a registration decision gives: the band, why, and the date', () => {
    // Prepare
    const texts = registrationTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every reason a council’s bedroom need gives, under both councils’ standards', () => {
    // Prepare
    const texts = bedroomTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(12);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for what the documents stage says of every kind of document in every state', async () => {
    // Prepare
    const texts = await documentStageTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(DocumentKind.options.length * 4);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every problem an identity document can have: each field that disagrees, and a used number', () => {
    // Prepare
    const texts = identityTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(new Set(texts).size).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for everything a payslip, statement, letter or bill confirms, and every problem it can have', () => {
    // Prepare
    const texts = evidenceTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('keeps the values in a reason as they are, in Welsh: the council, and a number masked as in English', () => {
    // Prepare
    const [officer] = assessEligibility({
      immigrationStatus: 'no-current-permission',
      policy: policyFor('cwm-valley'),
      decidedAt,
    }).reasons.slice(1);
    const used = numberOnAnotherApplication('passport', '125583497').text;

    // Act
    const officerWelsh = translate('cy', officer?.text ?? '', { strict: true });
    const usedWelsh = translate('cy', used, { strict: true });

    // Assess
    expect(officerWelsh).toContain(policyFor('cwm-valley').councilName);
    expect(usedWelsh).toContain('******497');
    expect(usedWelsh).not.toBe(used);
  });

  it('translates a text built of sentences sentence by sentence, several problems included, or not at all', () => {
    // Prepare
    const applicant = person('applicant', 'Siân', 'female', '1990-02-03', { lastName: 'Evans' });
    const problems = identityProblems(
      fields({ surname: 'EVANS', givenNames: 'SIAN', dateOfBirth: '1991-02-03', expiryDate: '2026-01-01' }),
      applicant,
      today,
    );
    const joined = problems.map((problem) => problem.text).join(' ');

    // Act
    const welsh = translate('cy', joined, { strict: true });
    const halfKnown = translate('cy', `${problems[0]?.text} A sentence no rule gives.`);

    // Assess
    expect(problems).toHaveLength(3);
    expect(welsh).toMatch(
      /^Doedd rhai o’r llythrennau .* Mae eich pasbort yn dweud .* Daeth eich pasbort i ben ar 2026-01-01:/,
    );
    expect(halfKnown).toBe(`${problems[0]?.text} A sentence no rule gives.`);
  });

  it('leaves a reason English when the catalogue has none, and says so when asked strictly', () => {
    const text = 'A reason no rule gives.';
    expect(translate('cy', text)).toBe(text);
    expect(() => translate('cy', text, { strict: true })).toThrow(MissingTranslation);
  });
});
