import type { HouseholdMember, Reason } from './application.js';
import { matchName, type NameMatch } from './names.js';

/** The fields read from an identity document, as stored on the document record (each with a confidence). */
export type ReadFields = Record<string, { value: string; confidence: number }>;

/**
 * What stops an identity document confirming the answers on its own, in plain English: a field that does not
 * agree with what the applicant told us, a number on another application, or a name read too unsurely.
 */
export interface IdentityProblem {
  field:
    | 'surname'
    | 'given names'
    | 'date of birth'
    | 'expiry date'
    | 'check digits'
    | 'document number'
    | 'name clarity';
  text: string;
}

const CLAUSE = 'Housing Act 1996 s166(1A) (the information an application needs)';

/** What to do when the passport and the answers disagree: the applicant can mend either side. */
const checkOrRetake = (doc: string) =>
  `check your answers, or take another photo, flat and in good light, if the ${doc} was misread`;

/** The name read from the passport against the name the applicant gave (domain/names.ts). */
export function nameMatchOf(fields: ReadFields, applicant: HouseholdMember): NameMatch {
  return matchName(
    { surname: fields.surname?.value ?? '', givenNames: fields.givenNames?.value ?? '' },
    { firstName: applicant.firstName, lastName: applicant.lastName },
  );
}

/**
 * Compares a passport's machine-readable zone with the applicant's answers: the name, tolerantly (order,
 * accents and MRZ transliteration, middle names, hyphens, truncation: domain/names.ts), the date of birth
 * exactly, that it has not expired by today, and that its check digits hold. A check-digit-valid MRZ can
 * still carry a misread name (DESIGN.md §5), which is why the names are compared and the applicant confirms
 * what was read. Each problem says what to do about it.
 */
export function identityProblems(
  fields: ReadFields,
  applicant: HouseholdMember,
  today: string,
  kind: 'passport' | 'driving-licence' = 'passport',
): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const value = (name: string) => fields[name]?.value ?? '';
  // A licence has no check digits: its driver number was checked against its surname and birth date as it
  // was read (domain/document-reading.ts), which lowers the fields' confidence when they disagree.
  const doc = kind === 'passport' ? 'passport' : 'driving licence';
  const where = kind === 'passport' ? 'MRZ: ' : 'read: ';
  if (kind === 'passport' && value('checkDigitsValid') !== 'true') {
    problems.push({
      field: 'check digits',
      text: 'Some of the letters and numbers at the bottom of your passport did not read clearly: take another photo of the page with your photo on it, flat, in good light, with the two lines at the bottom sharp.',
    });
  }
  const name = nameMatchOf(fields, applicant);
  if (name.level === 'mismatch') {
    const surname = name.part === 'surname';
    const read = value(surname ? 'surname' : 'givenNames') || 'blank';
    problems.push({
      field: surname ? 'surname' : 'given names',
      text: surname
        ? `The surname on your ${doc} (${where}${read}) does not match the surname you gave (${applicant.lastName}): ${checkOrRetake(doc)}.`
        : `The first names on your ${doc} (${where}${read}) do not match the first names you gave (${applicant.firstName}): ${checkOrRetake(doc)}.`,
    });
  }
  if (value('dateOfBirth') !== applicant.dateOfBirth) {
    problems.push({
      field: 'date of birth',
      text: `Your ${doc} says you were born on ${value('dateOfBirth') || 'an unreadable date'}, but you told us ${applicant.dateOfBirth}: ${checkOrRetake(doc)}.`,
    });
  }
  if (!value('expiryDate') || value('expiryDate') < today) {
    problems.push({
      field: 'expiry date',
      text: value('expiryDate')
        ? `Your ${doc} expired on ${value('expiryDate')}: upload a passport or photocard driving licence that is still valid.`
        : `The expiry date on your ${doc} could not be read: take another photo, flat and in good light.`,
    });
  }
  return problems;
}

/**
 * A passport read less surely than the policy's threshold (`evidence.confidenceThreshold`), whose name matches
 * the answers only tolerantly. The names are on the MRZ's first line, which has no check digit, so a misread
 * name passes every check (`npm run bench:ocr` counts them); the reading's confidence is the whole reading's
 * (repairs, a sex not made out, and the local reader's two engines reading the names differently all lower it),
 * so the words say the passport, not the name, read unclearly. A name that matches the answers letter for
 * letter is confirmed by them: a misread that lands exactly on what the applicant typed is not a real risk. A
 * tolerant match (a middle name missing, another order, letters transliterated) leaves room for a misread
 * letter, so an officer compares the photo with the answers. A mismatch is its own problem
 * ({@link identityProblems}). The applicant has nothing to do: the check digits held.
 */
export function unsureNameProblems(
  fields: ReadFields,
  applicant: HouseholdMember,
  threshold: number,
): IdentityProblem[] {
  const confidence = Math.min(fields.surname?.confidence ?? 0, fields.givenNames?.confidence ?? 0);
  if (confidence >= threshold || nameMatchOf(fields, applicant).level !== 'tolerant') return [];
  return [
    {
      field: 'name clarity',
      text: 'Your passport did not read clearly enough for us to be sure the name on it is the name you gave, so an officer will compare the photo with your answers. You do not need to do anything.',
    },
  ];
}

/**
 * What a passport photo whose check digits failed is asked for when the reader found the photo smeared (the
 * local reader's band gradients, `MrzReading.smeared`): a steadier hand, not only more light.
 */
export const SMEARED_CHECK_DIGITS =
  'Some of the letters and numbers at the bottom of your passport did not read clearly, as if the phone moved as the photo was taken: take another photo of the page with your photo on it with the phone held still (rest your elbows on the table), in good light, with the two lines at the bottom sharp.';

/** The problems of a passport read from a smeared photo: the check-digit problem says how to take a steadier one. */
export function fromSmearedPhoto(problems: IdentityProblem[]): IdentityProblem[] {
  return problems.map((problem) =>
    problem.field === 'check digits' ? { ...problem, text: SMEARED_CHECK_DIGITS } : problem,
  );
}

/** A document number with all but its last three characters hidden, for showing to people. */
export function maskDocumentNumber(number: string): string {
  return number.length <= 3
    ? '*'.repeat(number.length)
    : `${'*'.repeat(number.length - 3)}${number.slice(-3)}`;
}

/** The problem of an identity document whose number another application already holds. */
export function numberOnAnotherApplication(kind: string, number: string): IdentityProblem {
  const what = kind === 'driving-licence' ? 'driving licence number' : 'passport number';
  return {
    field: 'document number',
    text: `This ${what} (${maskDocumentNumber(number)}) is already on another application: an officer will contact you to check it. You do not need to upload it again.`,
  };
}

/** The reasons a verification decision gives for each problem, citing the rule. */
export function problemReasons(problems: IdentityProblem[]): Reason[] {
  return problems.map((problem) => ({
    rule: `verification.${problem.field.replaceAll(' ', '-')}`,
    clause: CLAUSE,
    text: problem.text,
  }));
}

/** What to ask the applicant when a passport photo does not check out: each problem says what to do. */
export function anotherPhotoPlease(problems: IdentityProblem[]): string {
  return problems.map((problem) => problem.text).join(' ');
}
