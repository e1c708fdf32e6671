import { DocumentKind, type DocumentRecord, ImmigrationStatus } from '../../../shared/domain/application';
import { FORMS_KINDS } from '../../../shared/domain/documents';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { checkEvidence } from '../../../shared/domain/evidence-check';
import {
  identityProblems,
  numberOnAnotherApplication,
  problemReasons,
  type ReadFields,
} from '../../../shared/domain/identity-check';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { documents } from '../../../shared/services/application-stages';
import { aCompleteApplication } from '../../fixtures/applications';
import { person } from '../../support/households';
import { memoryDeps } from '../../support/memory';
import {
  bedroomHouseholds,
  bedroomTexts,
  DECIDED_AT as decidedAt,
  eligibilityTexts,
  moreBedroomHouseholds,
  DECISION_POLICIES as policies,
  qualificationTexts,
  registrationTexts,
  DECIDED_ON as today,
} from './decision-texts';

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
    const texts = bedroomTexts([...bedroomHouseholds(), ...moreBedroomHouseholds()]);

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
