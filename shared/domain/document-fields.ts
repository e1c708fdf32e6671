/**
 * The one shape every document field takes, whoever read it (Textract in AWS, OCR locally): the text of a
 * printed value turned into the form the rest of Doorstep compares. Pure: no I/O.
 *
 * - dates: ISO `yyyy-mm-dd`, from 31/10/2026, 31.10.2026, 31 Oct 2026, 31 October 2026 or 2026-10-31;
 * - money: integer pence as a string ("181445" for £1,814.45; "-1250" for £12.50 overdrawn);
 * - UK postcodes: upper case, one space before the inward code ("CF14 3AB");
 * - names, addresses and other text: trimmed, single-spaced; an address's lines joined by ", ";
 * - how often something is paid: weekly, fortnightly, four-weekly or monthly.
 *
 * OCR confuses look-alike characters (O and 0, l, I and 1, S and 5, B and 8); where a place can only hold a
 * digit or only a letter, the look-alike is read as the character the place holds.
 */

/** A field as read, with the reader's confidence in it from 0 to 1. */
export type FieldReading = { value: string; confidence: number };

const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
  '!': '1',
  L: '1',
  Z: '2',
  S: '5',
  $: '5',
  G: '6',
  B: '8',
};

const TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
  '|': 'I',
  ')': 'J',
  ']': 'J',
};

/** A character where only a digit can stand. */
export const asDigit = (char: string): string => TO_DIGIT[char] ?? char;
/** A character where only a (capital) letter can stand. */
export const asLetter = (char: string): string => TO_LETTER[char] ?? char.toUpperCase();

/** Trimmed, single-spaced, without the separators OCR leaves at either end (":", "|", "-", stray dots). */
export function normaliseText(text: string): string | undefined {
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;|.,\-–—_]+/, '')
    .replace(/[\s:;|,\-–—_]+$/, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : undefined;
}

/** A person's or organisation's name: text with at least two letters and no more digits than a trading name. */
export function normaliseName(text: string): string | undefined {
  const name = normaliseText(text);
  if (!name) return undefined;
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  const digits = name.match(/\d/g)?.length ?? 0;
  return letters >= 2 && digits <= letters / 4 ? name : undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month's number from its name or a three-letter (or Sept) abbreviation, O and 0 confused as OCR does. */
function monthNumber(word: string): number | undefined {
  const plain = word.toLowerCase().replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/\.$/, '');
  if (plain.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month === plain || month.startsWith(plain));
  return index < 0 ? undefined : index + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31 September rolls over into October: not a date.
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years: up to 50 are this century, later ones the last (a payslip's 26, a birth year's 88). */
const fullYear = (year: string): number =>
  year.length === 2 ? (Number(year) <= 50 ? 2000 : 1900) + Number(year) : Number(year);

/**
 * Look-alikes read as digits in a word that is mostly digits already (a "3l/1O/2026", a "£l,8l4.45"); a word
 * of letters ("Oct", "Bill") is left alone.
 */
function digitsIn(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const digits = word.match(/\d/g)?.length ?? 0;
      const lookAlikes = [...word].filter((char) => TO_DIGIT[char] !== undefined).length;
      return digits > 0 && digits >= lookAlikes ? [...word].map(asDigit).join('') : word;
    })
    .join('');
}

/** A four-digit year first: in "3. 02.07.1988" the field's number is not the day. */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.,-]\s*(\d{1,2})\s*[/.,-]\s*(\d{4})(?!\d)/;
const SHORT_NUMERIC_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?!\d)/;
const ISO_DATE = /(\d{4})\s*-\s*(\d{2})\s*-\s*(\d{2})/;
const WORDED_DATE = /(\d{1,2})\s*(?:st|nd|rd|th)?\s+([A-Za-z0][A-Za-z01|]{2,9}\.?)\s+(\d{4}|\d{2})(?!\d)/;

/** The first date in the text, as an ISO date. */
export function normaliseDate(text: string): string | undefined {
  const repaired = digitsIn(text);
  const iso = ISO_DATE.exec(repaired);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const worded = WORDED_DATE.exec(repaired);
  const numeric = NUMERIC_DATE.exec(repaired) ?? SHORT_NUMERIC_DATE.exec(repaired);
  // The earlier of the two in the text is the date meant.
  if (worded && (!numeric || worded.index <= numeric.index)) {
    const month = monthNumber(worded[2] ?? '');
    if (month) return isoDate(fullYear(worded[3] ?? ''), month, Number(worded[1]));
  }
  if (numeric) return isoDate(fullYear(numeric[3] ?? ''), Number(numeric[2]), Number(numeric[1]));
  return undefined;
}

/** A period printed as "1 October 2026 to 31 October 2026" (or with a dash): its first and last days. */
export function normaliseDateRange(text: string): { start: string; end: string } | undefined {
  const parts = text.split(/\s+(?:to|until|[-–—])\s+/i);
  if (parts.length < 2) return undefined;
  const start = normaliseDate(parts[0] ?? '');
  const end = normaliseDate(parts.slice(1).join(' '));
  return start && end && start <= end ? { start, end } : undefined;
}

/**
 * The first amount of money in the text, in pence. A pound sign or two decimals is needed (a bare "12" could be
 * anything); thousands may be grouped by commas or spaces; overdrawn is a leading minus or a trailing DR/OD.
 */
export function normaliseMoney(text: string): string | undefined {
  const repaired = digitsIn(text.replace(/£\s*/g, '£'));
  const match = /(-)?\s*(£)?(\d{1,3}(?:[, ]\d{3})+|\d+)(?:[.,](\d{2}))?(?!\d)(\s*(?:DR|OD)\b)?/i.exec(
    repaired.replace(/(\d)\s+(?=\d{3}(?:\D|$))/g, '$1,'),
  );
  if (!match) return undefined;
  const [, minus, pound, whole, pence, overdrawn] = match;
  if (!pound && pence === undefined) return undefined;
  const value = Number((whole ?? '').replace(/[, ]/g, '')) * 100 + Number(pence ?? '0');
  if (!Number.isSafeInteger(value)) return undefined;
  return String(minus || overdrawn ? -value : value);
}

/** The outward code's shapes: A9, A99, AA9, AA99, A9A, AA9A (the inward code is always 9AA). */
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/**
 * The inward code holds a digit then two letters, so those places are repaired outright; the outward code's
 * shape varies, so each of its places after the first is tried as it is, as a digit and as a letter, and the
 * valid shape needing the fewest repairs wins.
 */
function repairedPostcode(compact: string): string | undefined {
  const inward = compact.slice(-3);
  const outward = compact.slice(0, -3);
  if (outward.length < 2 || outward.length > 4) return undefined;
  const fixedInward = asDigit(inward[0] ?? '') + asLetter(inward[1] ?? '') + asLetter(inward[2] ?? '');
  if (!/^\d[A-Z]{2}$/.test(fixedInward)) return undefined;
  let best: { text: string; changes: number } | undefined;
  const tails = (rest: string): Array<{ text: string; changes: number }> => {
    if (rest.length === 0) return [{ text: '', changes: 0 }];
    const head = rest[0] ?? '';
    const options = new Map<string, number>([[head.toUpperCase(), 0]]);
    if (!options.has(asDigit(head))) options.set(asDigit(head), 1);
    if (!options.has(asLetter(head))) options.set(asLetter(head), 1);
    return [...options].flatMap(([char, changes]) =>
      tails(rest.slice(1)).map((tail) => ({ text: char + tail.text, changes: changes + tail.changes })),
    );
  };
  for (const tail of tails(outward.slice(1))) {
    const text = asLetter(outward[0] ?? '') + tail.text;
    if (OUTWARD.test(text) && (!best || tail.changes < best.changes)) best = { text, changes: tail.changes };
  }
  return best ? `${best.text} ${fixedInward}` : undefined;
}

/** Candidates: an outward code of 2 to 4 characters, optional spaces, an inward code of 3. */
const POSTCODE_CANDIDATE =
  /(?:^|[^A-Za-z0-9])([A-Za-z0-9|]{2,4})\s{0,2}([0-9OoIlSsZBG|][A-Za-z0-9|)\]]{2})(?![A-Za-z0-9])/g;

/** The last UK postcode in the text (an address ends with it), upper case with one space. */
export function normalisePostcode(text: string): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(POSTCODE_CANDIDATE)) {
    const outward = match[1] ?? '';
    // The outward code starts with a letter: a leading digit is a house number, not a postcode.
    if (/^\d/.test(outward) && !/^[0158]/.test(outward)) continue;
    const postcode = repairedPostcode(`${outward}${match[2] ?? ''}`);
    if (postcode && /[A-Za-z]/.test(outward)) found = postcode;
  }
  return found;
}

/**
 * An address from the lines it was printed on: each line trimmed and single-spaced, empty ones dropped,
 * trailing commas removed, joined by ", " (a one-line address keeps its own commas); the postcode, where it
 * ends the address, normalised.
 */
export function normaliseAddress(lines: readonly string[]): string | undefined {
  const parts = lines
    .flatMap((line) => line.split(','))
    .map((part) => normaliseText(part))
    .filter((part): part is string => part !== undefined);
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1] ?? '';
  const postcode = normalisePostcode(last);
  if (postcode) {
    // "Cardiff CF14 3AB" on one line: the town and the postcode are kept as two parts.
    const before = normaliseText(last.replace(/\s*[A-Za-z0-9|]{2,4}\s{0,2}[A-Za-z0-9|)\]]{3}\s*$/, ''));
    parts.splice(parts.length - 1, 1, ...(before ? [before] : []), postcode);
  }
  return parts.join(', ');
}

export type PaymentFrequency = 'weekly' | 'fortnightly' | 'four-weekly' | 'monthly';

/** How often a payment is made, from the words payslips and award letters use. */
export function normaliseFrequency(text: string): PaymentFrequency | undefined {
  // "woeks" is a misread "weeks" (and never a "work": r is not among the vowels looked for).
  const plain = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\bw[aeo]{2}k/g, 'week');
  if (/four[- ]?week|4[- ]?week|every 4 weeks|every four weeks|28 days/.test(plain)) return 'four-weekly';
  if (/fortnight|two[- ]?week|2[- ]?week|every 2 weeks|every two weeks|14 days/.test(plain))
    return 'fortnightly';
  if (/month|calendar|per month|a month|pcm/.test(plain)) return 'monthly';
  if (/week|per week|a week|every week|7 days/.test(plain)) return 'weekly';
  return undefined;
}

/**
 * The benefits an award letter may be for, as DWP and HMRC name them: a name read with a letter or two wrong,
 * or in other capitals ("Personal independence Payment"), is the benefit it nearly spells, so verification
 * compares one name per benefit.
 */
const BENEFITS = [
  'Attendance Allowance',
  "Carer's Allowance",
  'Child Benefit',
  'Disability Living Allowance',
  'Employment and Support Allowance',
  'Housing Benefit',
  "Jobseeker's Allowance",
  'Pension Credit',
  'Personal Independence Payment',
  'State Pension',
  'Universal Credit',
];

/** Lower case, letters only, I, l and 1 as one letter: the form two spellings of a benefit are compared in. */
const lettersOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[1|!i]/g, 'l')
    .replace(/0/g, 'o')
    .replace(/[^a-z]/g, '');

/** Edits between two short strings (insertions, deletions, substitutions): how far a misread is from a word. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A benefit's name as DWP or HMRC writes it, when the text nearly spells one; other text as a name. */
export function normaliseBenefit(text: string): string | undefined {
  const read = lettersOf(text);
  if (read.length === 0) return undefined;
  const nearest = BENEFITS.map((name) => ({ name, edits: editDistance(read, lettersOf(name)) })).sort(
    (a, b) => a.edits - b.edits,
  )[0];
  // One edit in ten letters: "Child Benefit" never becomes "Housing Benefit".
  if (nearest && nearest.edits <= Math.floor(lettersOf(nearest.name).length / 10)) return nearest.name;
  return normaliseName(text);
}
