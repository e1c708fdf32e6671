import type { HouseholdMember, Reason } from './application.js';

/** The fields read from an identity document, as stored on the document record (each with a confidence). */
export type ReadFields = Record<string, { value: string; confidence: number }>;

/** A field read from a passport that does not agree with what the applicant told us, in plain English. */
export interface IdentityProblem {
  field: 'surname' | 'given names' | 'date of birth' | 'expiry date' | 'check digits';
  text: string;
}

const CLAUSE = 'Housing Act 1996 s166(1A) (the information an application needs)';

/** Letters only, upper case: an MRZ has no accents, spaces or hyphens (ICAO 9303 transliteration). */
function mrzName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * Compares a passport's machine-readable zone with the applicant's answers: surname, a given name, date of
 * birth, that it has not expired, and that its check digits hold. A check-digit-valid MRZ can still carry a
 * misread name (DESIGN.md §5), which is why the names are compared and the applicant confirms what was read.
 */
export function identityProblems(
  fields: ReadFields,
  applicant: HouseholdMember,
  today: string,
): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const value = (name: string) => fields[name]?.value ?? '';
  if (value('checkDigitsValid') !== 'true') {
    problems.push({
      field: 'check digits',
      text: 'Some of the letters and numbers at the bottom of your passport did not read clearly.',
    });
  }
  if (mrzName(value('surname')) !== mrzName(applicant.lastName)) {
    problems.push({
      field: 'surname',
      text: `Your passport says your surname is ${value('surname') || 'blank'}, but you told us ${applicant.lastName}.`,
    });
  }
  const givenNames = mrzName(value('givenNames')).split(' ');
  const firstName = mrzName(applicant.firstName).split(' ')[0] ?? '';
  if (!givenNames.includes(firstName)) {
    problems.push({
      field: 'given names',
      text: `Your passport gives your first names as ${value('givenNames') || 'blank'}, but you told us ${applicant.firstName}.`,
    });
  }
  if (value('dateOfBirth') !== applicant.dateOfBirth) {
    problems.push({
      field: 'date of birth',
      text: `Your passport says you were born on ${value('dateOfBirth') || 'an unreadable date'}, but you told us ${applicant.dateOfBirth}.`,
    });
  }
  if (!value('expiryDate') || value('expiryDate') < today) {
    problems.push({
      field: 'expiry date',
      text: `Your passport expired on ${value('expiryDate') || 'an unreadable date'}. We need one that is still valid.`,
    });
  }
  return problems;
}

/** The reasons a verification decision gives for each problem, citing the rule. */
export function problemReasons(problems: IdentityProblem[]): Reason[] {
  return problems.map((problem) => ({
    rule: `verification.${problem.field.replaceAll(' ', '-')}`,
    clause: CLAUSE,
    text: problem.text,
  }));
}

/** What to ask the applicant when a passport photo does not check out. */
export function anotherPhotoPlease(problems: IdentityProblem[]): string {
  const unreadable = problems.some((problem) => problem.field === 'check digits');
  const advice = unreadable
    ? 'Take another photo of the page with your photo on it: flat, in good light, with the two lines at the bottom sharp.'
    : 'If your answer was wrong, change it. If the photo was misread, take another, flat and in good light.';
  return `${problems.map((problem) => problem.text).join(' ')} ${advice}`;
}
