import { ImmigrationStatus } from '../../../shared/domain/application';
import { assessEligibility } from '../../../shared/domain/eligibility';
import {
  identityProblems,
  numberOnAnotherApplication,
  problemReasons,
  type ReadFields,
} from '../../../shared/domain/identity-check';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { person } from '../../support/households';

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
  });

  it('has Welsh for every problem an identity document can have: each field that disagrees, and a used number', () => {
    // Prepare
    const texts = identityTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(new Set(texts).size).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
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

  it('leaves a reason English when the catalogue has none, and says so when asked strictly', () => {
    const text = 'A reason no rule gives.';
    expect(translate('cy', text)).toBe(text);
    expect(() => translate('cy', text, { strict: true })).toThrow(MissingTranslation);
  });
});
