import {
  identityProblems,
  maskDocumentNumber,
  numberOnAnotherApplication,
  type ReadFields,
  unsureNameProblems,
} from '../../../shared/domain/identity-check';
import { person } from '../../support/households';

const fields = (values: Record<string, string>, confidence = 0.9): ReadFields =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence }]));

describe('maskDocumentNumber', () => {
  it.each([
    ['125583497', '******497'],
    ['PRITC805124GA9AB', '*************9AB'],
    ['497', '***'],
    ['', ''],
  ])('%s shows as %s', (number, masked) => {
    expect(maskDocumentNumber(number)).toBe(masked);
  });

  it('never shows the number in full in the problem the applicant sees', () => {
    expect(numberOnAnotherApplication('driving-licence', 'PRITC805124GA9AB').text).toBe(
      'This driving licence number (*************9AB) is already on another application: an officer will contact you to check it. You do not need to upload it again.',
    );
  });
});

describe('identityProblems', () => {
  const applicant = person('applicant', 'Zoë', 'female', '1990-02-03', { lastName: 'Müller-Smith' });
  const passport = {
    surname: 'MUELLER SMITH',
    givenNames: 'ZOE',
    dateOfBirth: '1990-02-03',
    expiryDate: '2030-01-01',
    checkDigitsValid: 'true',
  };

  it('accepts a name the MRZ transliterated, with the date of birth exact and the expiry after today', () => {
    expect(identityProblems(fields(passport), applicant, '2026-11-29')).toEqual([]);
  });

  it('finds the date of birth a day out, and a passport that expired yesterday', () => {
    const problems = identityProblems(
      fields({ ...passport, dateOfBirth: '1990-02-04', expiryDate: '2026-11-28' }),
      applicant,
      '2026-11-29',
    );
    expect(problems.map((problem) => problem.field)).toEqual(['date of birth', 'expiry date']);
  });

  it('accepts a passport that expires today', () => {
    expect(
      identityProblems(fields({ ...passport, expiryDate: '2026-11-29' }), applicant, '2026-11-29'),
    ).toEqual([]);
  });
});

describe('unsureNameProblems', () => {
  const applicant = person('applicant', 'Zoë', 'female', '1990-02-03', { lastName: 'Müller-Smith' });
  const exact = person('applicant', 'Zoe', 'female', '1990-02-03', { lastName: 'Mueller Smith' });
  const passport = { surname: 'MUELLER<SMITH', givenNames: 'ZOE' };
  const threshold = 0.8;

  it('sends a name read less surely than the threshold, matching only tolerantly, to an officer', () => {
    // Act
    const problems = unsureNameProblems(fields(passport, 0.56), applicant, threshold);

    // Assess
    expect(problems.map((problem) => problem.field)).toEqual(['name clarity']);
    expect(problems[0]?.text).toMatch(/officer will compare the photo with your answers/);
  });

  it('takes a name read less surely as confirmed when the answers give it letter for letter', () => {
    // Act
    const problems = unsureNameProblems(fields(passport, 0.56), exact, threshold);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts a tolerant match read at the threshold or above', () => {
    // Act
    const problems = unsureNameProblems(fields(passport, 0.8), applicant, threshold);

    // Assess
    expect(problems).toEqual([]);
  });

  it('leaves a name that does not match at all to identityProblems, which asks the applicant', () => {
    // Prepare
    const misread = fields({ ...passport, givenNames: 'ZDE' }, 0.56);
    const rest = fields({ dateOfBirth: '1990-02-03', expiryDate: '2030-01-01', checkDigitsValid: 'true' });

    // Act
    const unsure = unsureNameProblems(misread, applicant, threshold);
    const problems = identityProblems({ ...misread, ...rest }, applicant, '2026-11-29');

    // Assess
    expect(unsure).toEqual([]);
    expect(problems.map((problem) => problem.field)).toEqual(['given names']);
  });

  it('judges by the less sure of the two name fields', () => {
    // Prepare
    const read = {
      surname: { value: 'MUELLER<SMITH', confidence: 0.95 },
      givenNames: { value: 'ZOE', confidence: 0.5 },
    };

    // Act
    const problems = unsureNameProblems(read, applicant, threshold);

    // Assess
    expect(problems.map((problem) => problem.field)).toEqual(['name clarity']);
  });
});
