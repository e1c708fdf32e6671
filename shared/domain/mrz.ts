import { type FieldName, parse, states } from 'mrz';
import type { MrzReading, PassportFields } from '../ports.js';

/**
 * A passport's machine-readable zone (ICAO 9303 Part 4, TD3): two lines of 44 characters from A-Z, 0-9 and the
 * filler `<`. OCR engines misread it in predictable ways (O for 0, a dropped filler, `<` read as K), and the
 * zone carries check digits, so the repairs here are guided by them: a look-alike is swapped only where the
 * field's type or its check digit says so. Pure: no I/O, the reader's clock comes in as `today`.
 */

export const TD3_LINE_LENGTH = 44;

/** What an applicant is told when a photo shows no MRZ (every reader says it the same way). */
export const MRZ_NOT_FOUND =
  'No machine-readable zone was found. Take a photo of the whole photo page, flat, in focus and evenly lit, ' +
  'with the two lines of letters, numbers and < at the bottom clearly in the picture.';

/** What an applicant is told when the MRZ was found but did not read. */
export const MRZ_UNREADABLE =
  'The two lines of letters, numbers and < at the bottom of the photo page could not be read clearly. ' +
  'Take another photo: flat, in focus, evenly lit and without glare.';

/**
 * What an applicant is told when the photo is smeared, as by a phone moving while it took the picture, and the
 * MRZ did not read (or was not even found): a steadier photo is what helps. The framing is asked for too, since
 * a page whose MRZ was not found is judged smeared from its lower half, and a strongly patterned table could
 * look so.
 */
export const MRZ_SMEARED =
  'The photo is blurred, as if the phone moved as it was taken, so the two lines of letters, numbers and < at ' +
  'the bottom of the photo page could not be read. Take another photo of the whole page with the phone held ' +
  'still: rest your elbows on the table, in good light, with the two lines at the bottom in the picture.';

/** ICAO 9303 Part 3 §4.9: weights 7, 3, 1 repeating; A-Z count 10-35, `<` counts 0; the sum modulo 10. */
export function mrzCheckDigit(value: string): number {
  const weights = [7, 3, 1] as const;
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    let digit = 0;
    if (code >= 48 && code <= 57) digit = code - 48;
    else if (code >= 65 && code <= 90) digit = code - 55;
    sum += digit * (weights[i % 3] ?? 1);
  }
  return sum % 10;
}

/**
 * Letters OCR gives for digits (numeric fields), and the reverse (alphabetic fields). Beyond ICAO's usual six
 * pairs, D and Q for 0, A for 4 and T for 7 were seen on OCR-B (tesseract); in a numeric field any letter is
 * wrong, and the check digits still have the last word.
 */
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  B: '8',
  S: '5',
  Z: '2',
  G: '6',
  A: '4',
  T: '7',
};
const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '8': 'B',
  '5': 'S',
  '2': 'Z',
  '6': 'G',
};
/** Tesseract reads OCR-B's `<` as K, L or C; only a check digit may turn one back into a filler. */
const FILLER_LOOKALIKES = new Set(['K', 'L', 'C']);

/** Characters some engines print for a filler, and for two (a double chevron looks like `<<`). */
const FILLER_VARIANTS = /[‹›〈〉＜﹤く]/g;
const DOUBLE_FILLER_VARIANTS = /[«»《》]/g;

function fillersOf(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(DOUBLE_FILLER_VARIANTS, '<<')
    .replace(FILLER_VARIANTS, '<');
}

/**
 * Upper case, no spaces, filler variants as `<` (« as `<<`); any other character outside the MRZ alphabet
 * becomes `<` (counted as a repair by {@link readTd3}).
 */
export function normaliseMrzLine(raw: string): string {
  return fillersOf(raw).replace(/[^A-Z0-9<]/g, '<');
}

/** A line that could be a TD3 line: about 44 characters, mostly from the MRZ alphabet, with fillers or digits. */
export function looksLikeTd3Line(raw: string): boolean {
  const compact = fillersOf(raw);
  if (compact.length < 38 || compact.length > 50) return false;
  const inAlphabet = compact.replace(/[^A-Z0-9<]/g, '').length;
  return inAlphabet / compact.length >= 0.9 && /<|\d{6}/.test(compact);
}

/** ICAO's specimen state ("Utopia"), used on every specimen in Doc 9303, is in no list of real states. */
const SPECIMEN_STATE = 'UTO';

function isStateCode(code: string): boolean {
  const trimmed = code.replace(/<+$/, '');
  return trimmed === SPECIMEN_STATE || Object.hasOwn(states, trimmed);
}

interface Counted {
  text: string;
  repairs: number;
}

function mapChars(text: string, map: Readonly<Record<string, string>>): Counted {
  let repairs = 0;
  let out = '';
  for (const char of text) {
    const mapped = map[char];
    if (mapped !== undefined) repairs += 1;
    out += mapped ?? char;
  }
  return { text: out, repairs };
}

/** The look-alike readings of one character of an alphanumeric field (itself first). */
function alternatives(char: string): string[] {
  const options = [char];
  const digit = DIGIT_FOR_LETTER[char];
  const letter = LETTER_FOR_DIGIT[char];
  if (digit !== undefined) options.push(digit);
  if (letter !== undefined) options.push(letter);
  if (FILLER_LOOKALIKES.has(char)) options.push('<');
  return options;
}

/**
 * The readings of an alphanumeric field (document or personal number) whose check digit holds: the field as
 * read when it holds; otherwise look-alike swaps, fewest letters inside the number first (letters, where a
 * state uses them, lead the number: GBR's are all digits, POL's start with two), then fewest swaps. The field as
 * read when nothing holds. Capped so a line of noise stays cheap.
 */
function fieldCandidates(field: string, checkDigit: string, emptyMayBeFiller: boolean): Counted[] {
  // ICAO 9303 Part 4: a number is written from the left and padded with fillers at the end, so a filler
  // before its last letter or digit is a misread, however the check digit comes out (`<` counts 0 in it, so a
  // 7 read as `<` can balance another misread and pass).
  const holds = (text: string) =>
    (emptyMayBeFiller && /^<*$/.test(text) && (checkDigit === '<' || checkDigit === '0')) ||
    (/^[A-Z0-9]+<*$/.test(text) && String(mrzCheckDigit(text)) === checkDigit);
  if (holds(field)) return [{ text: field, repairs: 0 }];
  const positions = [...field].map((char, index) => ({ index, options: alternatives(char) }));
  const ambiguous = positions.filter((position) => position.options.length > 1).slice(0, 8);
  const found: Counted[] = [];
  const total = ambiguous.reduce((product, position) => product * position.options.length, 1);
  for (let combination = 1; combination < total; combination += 1) {
    const chars = [...field];
    let rest = combination;
    let repairs = 0;
    for (const position of ambiguous) {
      const choice = rest % position.options.length;
      rest = Math.floor(rest / position.options.length);
      if (choice > 0) {
        chars[position.index] = position.options[choice] ?? chars[position.index] ?? '<';
        repairs += 1;
      }
    }
    const text = chars.join('');
    if (holds(text)) found.push({ text, repairs });
  }
  found.sort((a, b) => lettersInside(a.text) - lettersInside(b.text) || a.repairs - b.repairs);
  return found.length > 0 ? found : [{ text: field, repairs: 0 }];
}

/** Letters and fillers after a number's first digit, not counting the fillers that pad it at the end. */
function lettersInside(text: string): number {
  const firstDigit = text.search(/\d/);
  if (firstDigit < 0) return 0;
  return text.slice(firstDigit).replace(/<+$/, '').replace(/\d/g, '').length;
}

/** The numeric characters of a check digit or date, with letters read for digits swapped back. */
function numeric(text: string): Counted {
  return mapChars(text, DIGIT_FOR_LETTER);
}

/**
 * Makes a line 44 long by growing or shrinking one run of fillers (OCR most often miscounts a long run of
 * `<`), or at the end when there is none to change. Returns every way of doing it, most likely first.
 */
function lengthCandidates(line: string): Counted[] {
  const delta = TD3_LINE_LENGTH - line.length;
  if (delta === 0) return [{ text: line, repairs: 0 }];
  const runs = [...line.matchAll(/<+/g)]
    .map((match) => ({ start: match.index, length: match[0].length }))
    .filter((run) => run.length + delta >= 1)
    .sort((a, b) => b.length - a.length || b.start - a.start);
  const candidates = runs.map((run) => ({
    text: line.slice(0, run.start) + '<'.repeat(run.length + delta) + line.slice(run.start + run.length),
    repairs: Math.abs(delta),
  }));
  const atEnd = delta > 0 ? line + '<'.repeat(delta) : line.slice(0, TD3_LINE_LENGTH);
  candidates.push({ text: atEnd, repairs: Math.abs(delta) });
  return candidates;
}

/**
 * Line 1 has no check digit to say where a character went missing; the names end in fillers, so the run at
 * the end is grown or shrunk (or the line padded or cut at the end when the names fill it).
 */
function fixLine1Length(line: string): Counted {
  const delta = TD3_LINE_LENGTH - line.length;
  if (delta === 0) return { text: line, repairs: 0 };
  if (delta > 0) return { text: line + '<'.repeat(delta), repairs: delta };
  const trailing = /<+$/.exec(line)?.[0].length ?? 0;
  const cut = trailing + delta >= 0 ? line.slice(0, TD3_LINE_LENGTH) : lengthCandidates(line)[0]?.text;
  return { text: cut ?? line.slice(0, TD3_LINE_LENGTH), repairs: -delta };
}

/**
 * Line 1: `P`, a type letter or filler, the issuing state, then the names (surname `<<` given names, `<` between
 * names, fillers to the end). Digits in letters-only fields become their look-alike letters, and a lone letter
 * standing in the fillers after the names (a filler read as K) becomes a filler again: ICAO allows only one
 * `<<` between names, so nothing after a later `<<` can be a name.
 */
function repairLine1(line: string): Counted {
  const head = mapChars(line.slice(0, 5), LETTER_FOR_DIGIT);
  const names = mapChars(line.slice(5), LETTER_FOR_DIGIT);
  let text = names.text;
  let repairs = head.repairs + names.repairs;
  const separator = text.indexOf('<<');
  if (separator >= 0) {
    const given = text.slice(separator + 2);
    const cleaned = given.replace(/(?<=<<)[A-Z](?=<|$)/g, '<');
    repairs += [...given].filter((char, index) => char !== cleaned[index]).length;
    text = text.slice(0, separator + 2) + cleaned;
  }
  return { text: head.text + text, repairs };
}

interface Line2Repair extends Counted {
  /** How many of the five check digits hold. */
  validChecks: number;
}

/** Line 2, field by field (ICAO 9303 Part 4 §4.2.2.2), repaired against its check digits. */
function repairLine2(line: string): Line2Repair {
  const nationality = mapChars(line.slice(10, 13), LETTER_FOR_DIGIT);
  const birth = numeric(line.slice(13, 20));
  const sex = line.slice(20, 21);
  const expiry = numeric(line.slice(21, 28));
  const documentCheck = numeric(line.slice(9, 10));
  const personalCheck = line.slice(42, 43) === '<' ? { text: '<', repairs: 0 } : numeric(line.slice(42, 43));
  const composite = numeric(line.slice(43, 44));
  const documentOptions = fieldCandidates(line.slice(0, 9), documentCheck.text, false).slice(0, 4);
  const personalOptions = fieldCandidates(line.slice(28, 42), personalCheck.text, true).slice(0, 4);
  let best: (Line2Repair & { inside: number }) | undefined;
  for (const document of documentOptions) {
    for (const personal of personalOptions) {
      const text =
        document.text +
        documentCheck.text +
        nationality.text +
        birth.text +
        sex +
        expiry.text +
        personal.text +
        personalCheck.text +
        composite.text;
      const repairs =
        document.repairs +
        documentCheck.repairs +
        nationality.repairs +
        birth.repairs +
        expiry.repairs +
        personal.repairs +
        personalCheck.repairs +
        composite.repairs;
      const validChecks = line2Checks(text);
      // As fieldCandidates orders them: fewest letters inside the numbers, then fewest swaps.
      const inside = lettersInside(document.text) + lettersInside(personal.text);
      if (
        !best ||
        validChecks > best.validChecks ||
        (validChecks === best.validChecks &&
          (inside < best.inside || (inside === best.inside && repairs < best.repairs)))
      )
        best = { text, repairs, validChecks, inside };
    }
  }
  return best
    ? { text: best.text, repairs: best.repairs, validChecks: best.validChecks }
    : { text: line, repairs: 0, validChecks: line2Checks(line) };
}

/**
 * Line 2 (normalised) made 44 long and repaired against its check digits, the way with the most check digits
 * holding and then the fewest repairs (length changes counted apart).
 */
function bestLine2(line: string): { repaired: Line2Repair; lengthRepairs: number } | undefined {
  let best: { repaired: Line2Repair; lengthRepairs: number } | undefined;
  // Recognisers also invent a character at the very start of a line, where nothing came before to hold it.
  const excess = Math.max(0, line.length - TD3_LINE_LENGTH);
  const trimmed = [0, 1, 2]
    .filter((start) => start <= excess)
    .flatMap((start) =>
      lengthCandidates(line.slice(start)).map((candidate) => ({
        text: candidate.text,
        repairs: candidate.repairs + start,
      })),
    );
  for (const candidate of trimmed) {
    const repaired = repairLine2(candidate.text);
    if (
      !best ||
      repaired.validChecks > best.repaired.validChecks ||
      (repaired.validChecks === best.repaired.validChecks &&
        repaired.repairs + candidate.repairs < best.repaired.repairs + best.lengthRepairs)
    )
      best = { repaired, lengthRepairs: candidate.repairs };
  }
  return best;
}

/** Line 2's fields that carry a check digit: where each starts, and where its check digit is. */
const CHECKED_FIELDS = [
  { from: 0, check: 9 },
  { from: 13, check: 19 },
  { from: 21, check: 27 },
  { from: 28, check: 42 },
] as const;

/**
 * One line 2 voted field by field from several readings of the same line (other engines, treatments, strips):
 * each reading is repaired on its own first, then for each field with a check digit the value most readings
 * agree on among those whose check digit holds (with its check digit as read beside it), or failing that the
 * character most readings have at each place when the field's check digit then holds; the nationality and
 * sex by plain majority; the composite check digit the one read most often, so it still checks the fields
 * voted. A misread differs from reading to reading while the truth repeats, so a line no single reading got
 * right can hold every check. Undefined with fewer than three readings, or when the line voted is one of the
 * readings already (nothing to gain). Pure: the caller judges the line with {@link readTd3} like any other.
 */
export function voteLine2(readings: readonly string[]): string | undefined {
  const lines = readings
    .map((raw) => normaliseMrzLine(raw))
    .filter((line) => Math.abs(line.length - TD3_LINE_LENGTH) <= 6)
    .flatMap((line) => {
      const best = bestLine2(line);
      return best ? [best.repaired.text] : [];
    });
  if (lines.length < 3) return undefined;
  const mostCommon = (values: readonly string[], allowed: (value: string) => boolean = () => true) => {
    const counts = new Map<string, number>();
    for (const value of values) if (allowed(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
    let chosen: string | undefined;
    let most = 0;
    for (const [value, count] of counts)
      if (count > most) {
        chosen = value;
        most = count;
      }
    return chosen;
  };
  const [first] = lines;
  if (first === undefined) return undefined;
  const chars = [...first];
  for (const { from, check } of CHECKED_FIELDS) {
    const segments = lines.map((line) => line.slice(from, check + 1));
    const holds = (segment: string) => fieldHolds(from, segment.slice(0, -1), segment.slice(-1));
    // Failing that, each character the one most readings have at its place, if its check digit then holds.
    const majority = [...first.slice(from, check + 1)]
      .map((_, i) => mostCommon(segments.map((segment) => segment.charAt(i))) ?? '<')
      .join('');
    const chosen = mostCommon(segments, holds) ?? (holds(majority) ? majority : mostCommon(segments));
    if (chosen) chars.splice(from, chosen.length, ...chosen);
  }
  const nationality = mostCommon(lines.map((line) => line.slice(10, 13)));
  if (nationality) chars.splice(10, 3, ...nationality);
  const sex = mostCommon(
    lines.map((line) => line.charAt(20)),
    (value) => Object.hasOwn(SEXES, value),
  );
  if (sex) chars[20] = sex;
  // The composite digit as most readings give it, whether or not it then holds: it is the one check across the
  // fields voted apart, so a minority's digit that happens to fit them must not vouch for them.
  chars[43] = mostCommon(lines.map((line) => line.charAt(43))) ?? '<';
  const line = chars.join('');
  return lines.includes(line) ? undefined : line;
}

/** How many of line 2's check digits hold: document number, birth, expiry, personal number, composite. */
function line2Checks(line: string): number {
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  return [
    ...CHECKED_FIELDS.map(({ from, check }) => fieldHolds(from, line.slice(from, check), line.charAt(check))),
    String(mrzCheckDigit(composite)) === line.slice(43, 44),
  ].filter(Boolean).length;
}

/**
 * Whether a checked field of line 2 (starting at `from`, {@link CHECKED_FIELDS}) holds against its check
 * digit: the document number must also be letters and digits then fillers; a personal number left empty
 * holds with a filler or 0 as its digit.
 */
function fieldHolds(from: number, value: string, digit: string): boolean {
  if (from === 28 && /^<*$/.test(value)) return digit === '<' || digit === '0';
  if (from === 0 && !/^[A-Z0-9]+<*$/.test(value)) return false;
  return String(mrzCheckDigit(value)) === digit;
}

/** Two-digit years (ICAO gives YYMMDD): a birth is the latest such date not after today. */
function birthDate(yymmdd: string, today: Date): string | undefined {
  const parts = datePartsOf(yymmdd);
  if (!parts) return undefined;
  const thisYear = today.getUTCFullYear();
  for (const century of [Math.floor(thisYear / 100) * 100, Math.floor(thisYear / 100) * 100 - 100]) {
    const iso = isoDate(century + parts.yy, parts.mm, parts.dd);
    if (iso && iso <= today.toISOString().slice(0, 10)) return iso;
  }
  return undefined;
}

/**
 * An expiry is within 50 years of today either way: a passport is valid for about ten years, so this reads
 * 35 as 2035 and an expired passport's 19 as 2019, not 2119.
 */
function expiryDate(yymmdd: string, today: Date): string | undefined {
  const parts = datePartsOf(yymmdd);
  if (!parts) return undefined;
  const thisYear = today.getUTCFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  const year = [century - 100, century, century + 100]
    .map((c) => c + parts.yy)
    .find((y) => y > thisYear - 50 && y <= thisYear + 50);
  return year === undefined ? undefined : isoDate(year, parts.mm, parts.dd);
}

function datePartsOf(yymmdd: string): { yy: number; mm: number; dd: number } | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  return {
    yy: Number(yymmdd.slice(0, 2)),
    mm: Number(yymmdd.slice(2, 4)),
    dd: Number(yymmdd.slice(4, 6)),
  };
}

/** The ISO date, or undefined when there is no such day (31 February). */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * When one state code is unknown and the other is a known code one letter away, the unknown one is that code
 * misread: nearly every passport is issued by the holder's own state.
 */
function reconcileStates(
  issuing: string,
  nationality: string,
): { issuing: string; nationality: string; repairs: number } {
  const oneApart = (a: string, b: string) =>
    a.length === b.length && [...a].filter((char, index) => char !== b[index]).length === 1;
  if (!isStateCode(issuing) && isStateCode(nationality) && oneApart(issuing, nationality))
    return { issuing: nationality, nationality, repairs: 1 };
  if (!isStateCode(nationality) && isStateCode(issuing) && oneApart(issuing, nationality))
    return { issuing, nationality: issuing, repairs: 1 };
  return { issuing, nationality, repairs: 0 };
}

/** ICAO 9303 Part 4: F, M, or `<` for unspecified; several states print X for unspecified, as the VIZ does. */
const SEXES: Readonly<Record<string, PassportFields['sex']>> = {
  F: 'female',
  M: 'male',
  X: 'unspecified',
  '<': 'unspecified',
};

export interface Td3ReadOptions {
  /** Which engine read the lines, reported with the reading. */
  engine: string;
  /** The reader's today, to place two-digit years. */
  today: Date;
  /** The engine's own confidence in what it read, from 0 to 1 (1 when it gives none). */
  engineConfidence?: number;
}

const CONFIDENCE_PER_REPAIR = 0.97;
const CONFIDENCE_WHEN_CHECKS_FAIL = 0.5;
/**
 * A reading whose sex could not be made out: below the local reader's 0.8 "sure enough", so it reads on for a
 * reading with the sex (and below both policies' 0.8 threshold today; a policy may set its own).
 */
const CONFIDENCE_WITHOUT_SEX = 0.75;

/**
 * Repairs two lines read from a passport's MRZ and parses them into {@link PassportFields}. The reading is
 * `ok` when every field has a value that can be right (a known state code, real dates) or, for the sex alone,
 * is left out when it cannot be made out (confidence lowered); check digits that still fail after repair are
 * reported (`checkDigitsValid: false`, confidence halved), not hidden.
 */
export function readTd3(rawLines: readonly string[], options: Td3ReadOptions): MrzReading {
  const { engine } = options;
  const fail = (reason: string): MrzReading => ({ ok: false, reason, engine });
  const [raw1, raw2] = rawLines;
  if (rawLines.length !== 2 || raw1 === undefined || raw2 === undefined)
    return fail(`Expected the two lines of a passport's machine-readable zone, found ${rawLines.length}.`);
  const normalised = [normaliseMrzLine(raw1), normaliseMrzLine(raw2)] as const;
  const outsideAlphabet = [raw1, raw2].reduce(
    (count, raw) => count + [...fillersOf(raw)].filter((char) => !/[A-Z0-9<]/.test(char)).length,
    0,
  );
  for (const line of normalised) {
    if (Math.abs(line.length - TD3_LINE_LENGTH) > 6)
      return fail(
        `A line of the machine-readable zone read as ${line.length} characters, too far from 44 to repair.`,
      );
  }

  const line1 = fixLine1Length(normalised[0]);
  const repaired1 = repairLine1(line1.text);
  const best2 = bestLine2(normalised[1]);
  if (!best2) return fail('The second line of the machine-readable zone could not be read.');
  const { repaired: repaired2, lengthRepairs: length2Repairs } = best2;

  const lines: [string, string] = [repaired1.text, repaired2.text];
  if (!lines[0].startsWith('P'))
    return fail('This is not a passport: the machine-readable zone does not start with P.');

  const states = reconcileStates(lines[0].slice(2, 5), lines[1].slice(10, 13));
  lines[0] = lines[0].slice(0, 2) + states.issuing + lines[0].slice(5);
  lines[1] = lines[1].slice(0, 10) + states.nationality + lines[1].slice(13);

  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(lines);
  } catch (error) {
    return fail(`The machine-readable zone could not be parsed: ${(error as Error).message}.`);
  }
  const detail = (field: FieldName) => parsed.details.find((d) => d.field === field);
  const value = (field: FieldName) => {
    const found = detail(field);
    return found?.valid ? (found.value ?? undefined) : undefined;
  };

  const issuingState = states.issuing.replace(/<+$/, '');
  const nationality = states.nationality.replace(/<+$/, '');
  if (!isStateCode(issuingState))
    return fail(`The issuing state read as "${issuingState}", which is not an ICAO 9303 code.`);
  if (!isStateCode(nationality))
    return fail(`The nationality read as "${nationality}", which is not an ICAO 9303 code.`);
  const name = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
  const surname = name(value('lastName'));
  if (!surname) return fail('The surname in the machine-readable zone could not be read.');
  // The sex has no check digit and no check of Doorstep's uses it: when it cannot be made out, the reading
  // stands without it (an officer has the photo), less sure, so other passes are still tried for a reading
  // that has it.
  const sex = SEXES[lines[1].charAt(20)];
  const dateOfBirth = birthDate(lines[1].slice(13, 19), options.today);
  if (!dateOfBirth) return fail('The date of birth in the machine-readable zone is not a real date.');
  const expiry = expiryDate(lines[1].slice(21, 27), options.today);
  if (!expiry) return fail('The expiry date in the machine-readable zone is not a real date.');
  // A number longer than nine characters goes on in the optional data, after a `<` check digit; mrz follows it.
  const documentNumber = value('documentNumber') ?? lines[1].slice(0, 9).replace(/<+$/, '');
  if (!documentNumber) return fail('The passport number in the machine-readable zone is blank.');

  const fields: PassportFields = {
    documentNumber,
    surname,
    givenNames: name(value('firstName')),
    nationality,
    issuingState,
    dateOfBirth,
    ...(sex ? { sex } : {}),
    expiryDate: expiry,
  };
  const checkDigitsValid = repaired2.validChecks === 5;
  const repairs =
    outsideAlphabet + line1.repairs + repaired1.repairs + length2Repairs + repaired2.repairs + states.repairs;
  const confidence =
    (options.engineConfidence ?? 1) *
    CONFIDENCE_PER_REPAIR ** repairs *
    (checkDigitsValid ? 1 : CONFIDENCE_WHEN_CHECKS_FAIL) *
    (sex ? 1 : CONFIDENCE_WITHOUT_SEX);
  return {
    ok: true,
    lines,
    fields,
    checkDigitsValid,
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
    repairs,
    engine,
  };
}

/** The more trustworthy of two readings: a reading beats none, valid check digits beat failing ones. */
export function betterReading(a: MrzReading, b: MrzReading): MrzReading {
  if (!a.ok) return b.ok ? b : a;
  if (!b.ok) return a;
  if (a.checkDigitsValid !== b.checkDigitsValid) return a.checkDigitsValid ? a : b;
  return b.confidence > a.confidence ? b : a;
}
