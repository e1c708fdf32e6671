import {
  asDigit,
  asLetter,
  editDistance,
  type FieldReading,
  normaliseAddress,
  normaliseBenefit,
  normaliseDate,
  normaliseDateRange,
  normaliseFrequency,
  normaliseMoney,
  normaliseName,
  normalisePostcode,
} from './document-fields.js';
import { DOCUMENT_CATALOGUE, type FormsKind } from './documents.js';

/**
 * From the text a local OCR engine saw on a document's pages to the fields the catalogue says the document
 * yields (documents.ts), anchored on the labels printed beside the values ("Net pay", "Statement period", a
 * photocard licence's numbered fields 1. to 8.). Pure: no I/O. Textract answers its own queries; this is the
 * local reader's way to the same fields, through the same normalisers (document-fields.ts).
 *
 * A field is returned only when it was found; its confidence is the lowest OCR confidence among the words its
 * value was read from.
 */

/** A word as the OCR engine read it, confidence from 0 to 1. */
export interface OcrWord {
  text: string;
  confidence: number;
}

/**
 * A line of text in reading order, confidence from 0 to 1. Where `words` are given, `text` is the words
 * joined by single spaces, so a value's words can be found from its place in the line.
 */
export interface OcrLine {
  text: string;
  confidence: number;
  words?: readonly OcrWord[];
}

/**
 * A printed label: words compared in a canonical form (lower case, look-alikes folded: 0 as o, 1, I and | as
 * l, 5 as s, "rn" as m), first exactly, then allowing a misread letter or two ("Statement penod"). A photocard
 * licence's numbered fields ("4b.") are patterns at the start of a line instead. "ri" is folded to n both in
 * the label and in what was read, since OCR reads one for the other ("Pay penod").
 */
type Label = { words: string; canonical: string } | { numbered: RegExp };

const label = (words: string): Label => ({ words, canonical: canonical(words) });

function canonical(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/rn/g, 'm')
    .replace(/ri/g, 'n')
    .replace(/[01|!i]/g, (char) => (char === '0' ? 'o' : 'l'))
    .replace(/[5$]/g, 's')
    .replace(/[^a-z0-9]/g, '');
}

/** A photocard licence's numbered field ("4b."), which OCR may read as "4h," or "l." (Directive 2006/126/EC). */
function numbered(number: string): Label {
  const digits: Record<string, string> = { '1': '[1lI|]', '5': '[5S]', '8': '[8B]', '2': '[2Z]' };
  const pattern = [...number].map((char) => digits[char] ?? (char === 'b' ? '[bh6]' : char)).join('');
  // A speck or a bit of the card's pattern read as a short word may come before the number.
  return { numbered: new RegExp(`^\\s*(?:\\S{1,4}\\s+)?${pattern}\\s*[.,:]`) };
}

/** Misread letters allowed in a label: none in a short one (Name, Date), where one letter makes another word. */
const tolerance = (length: number): number => (length <= 5 ? 0 : length <= 10 ? 1 : 2);

/**
 * Whether OCR's reading of a label is the label misread: a letter or two wrong, or the label's last letters
 * lost ("Addre" for "Address"; only with all its words there, so "Money" is never "Money in").
 */
function isMisread(read: string, label: string, allWords: boolean): boolean {
  if (editDistance(read, label) <= tolerance(label.length)) return true;
  return allWords && read.length >= 4 && read.length >= label.length * 0.7 && label.startsWith(read);
}

/**
 * How a label is looked for: at a line's start exactly, anywhere exactly, at the start with misreads, then
 * (a long label only, of {@link LONG_LABEL} letters or more) anywhere with misreads, for a line that starts
 * with a speck read as a letter ("B g addres:").
 */
type Search = 'start' | 'anywhere' | 'fuzzy' | 'fuzzy-anywhere';

const LONG_LABEL = 7;

/** Where the label ends in the line's text, if the line has it the way the search looks. */
function labelEnd(text: string, wanted: Label, search: Search): number | undefined {
  if ('numbered' in wanted) {
    if (search !== 'start') return undefined;
    const match = wanted.numbered.exec(text);
    return match ? match[0].length : undefined;
  }
  const words = [...text.matchAll(/\S+/g)].map((match) => ({
    canonical: canonical(match[0]),
    end: (match.index ?? 0) + match[0].length,
  }));
  const count = wanted.words.split(' ').length;
  const fuzzy = search === 'fuzzy' || search === 'fuzzy-anywhere';
  if (search === 'fuzzy-anywhere' && wanted.canonical.length < LONG_LABEL) return undefined;
  const allowed = fuzzy ? tolerance(wanted.canonical.length) : 0;
  const starts =
    search === 'anywhere' || search === 'fuzzy-anywhere' ? words.length : Math.min(1, words.length);
  for (let first = 0; first < starts; first += 1) {
    // OCR may split a word in two or join two: one word more or fewer than the label has.
    for (
      let taken = Math.max(1, count - 1);
      taken <= count + 1 && first + taken <= words.length;
      taken += 1
    ) {
      const read = words
        .slice(first, first + taken)
        .map((word) => word.canonical)
        .join('');
      if (read.length === 0) continue;
      if (allowed === 0 ? read === wanted.canonical : isMisread(read, wanted.canonical, taken === count))
        return words[first + taken - 1]?.end;
    }
  }
  return undefined;
}

/** What a rule yields from the text after its label: fields by name, or nothing if the text is not a value. */
type Parse = (text: string) => Record<string, string> | undefined;

interface Rule {
  labels: readonly Label[];
  parse: Parse;
  /** Text right after the label that means another label ("Employee number" is not "Employee"). */
  unless?: RegExp;
  /** An address: the label's line and the lines after it, to the one that ends with a postcode. */
  multiline?: boolean;
}

const one =
  (field: string, normalise: (text: string) => string | undefined): Parse =>
  (text) => {
    const value = normalise(text);
    return value === undefined ? undefined : { [field]: value };
  };

const range =
  (start: string, end: string): Parse =>
  (text) => {
    const period = normaliseDateRange(text);
    return period ? { [start]: period.start, [end]: period.end } : undefined;
  };

const address: Parse = (text) => {
  const value = normaliseAddress(text.split('\n'));
  const postcode = normalisePostcode(text);
  return value === undefined ? undefined : { address: value, ...(postcode ? { postcode } : {}) };
};

/** A name is not "Employee number 004417": text after a label that is itself a label's end is refused. */
const NOT_A_VALUE = /^\s*(?:number|no\b|id\b|ref|reference|of birth)/i;

const RULES: Readonly<Record<FormsKind, readonly Rule[]>> = {
  payslip: [
    { labels: [label('employer name'), label('employer')], parse: one('employerName', normaliseName) },
    {
      labels: [label('employee name'), label('employee')],
      parse: one('employeeName', normaliseName),
      unless: NOT_A_VALUE,
    },
    {
      labels: [label('pay date'), label('date paid'), label('payment date')],
      parse: one('payDate', normaliseDate),
    },
    {
      labels: [label('pay period'), label('pay frequency'), label('paid')],
      parse: one('payPeriod', normaliseFrequency),
    },
    {
      labels: [label('gross pay'), label('total gross pay'), label('total pay')],
      parse: one('grossPay', normaliseMoney),
    },
    { labels: [label('net pay'), label('take home pay')], parse: one('netPay', normaliseMoney) },
  ],
  'bank-statement': [
    { labels: [label('account holder'), label('account name')], parse: one('accountHolder', normaliseName) },
    { labels: [label('address')], parse: address, multiline: true },
    { labels: [label('statement period'), label('period')], parse: range('periodStart', 'periodEnd') },
    {
      labels: [label('money in'), label('total paid in'), label('paid in')],
      parse: one('moneyIn', normaliseMoney),
    },
    {
      labels: [label('closing balance'), label('balance carried forward')],
      parse: one('closingBalance', normaliseMoney),
    },
  ],
  'universal-credit-statement': [
    {
      labels: [label('claimant name'), label('name')],
      parse: one('claimantName', normaliseName),
      unless: NOT_A_VALUE,
    },
    { labels: [label('assessment period')], parse: range('assessmentPeriodStart', 'assessmentPeriodEnd') },
    {
      labels: [label('housing costs element'), label('housing element'), label('housing')],
      parse: one('housingElement', normaliseMoney),
    },
    {
      labels: [
        label('total payment'),
        label('total to pay'),
        label('we will pay you'),
        label("we'll pay you"),
      ],
      parse: one('totalPayment', normaliseMoney),
    },
  ],
  'benefit-letter': [
    { labels: [label('name')], parse: one('claimantName', normaliseName), unless: NOT_A_VALUE },
    { labels: [label('address')], parse: address, multiline: true },
    { labels: [label('benefit')], parse: one('benefit', normaliseBenefit) },
    { labels: [label('amount')], parse: one('amount', normaliseMoney) },
    {
      labels: [label('how often'), label('frequency'), label('paid')],
      parse: one('frequency', normaliseFrequency),
    },
    {
      labels: [label('date of letter'), label('letter date'), label('date')],
      parse: one('letterDate', normaliseDate),
      unless: NOT_A_VALUE,
    },
  ],
  'utility-bill': [
    { labels: [label('account holder'), label('account name')], parse: one('accountHolder', normaliseName) },
    {
      labels: [label('billing address'), label('supply address'), label('address')],
      parse: address,
      multiline: true,
    },
    { labels: [label('postcode')], parse: one('postcode', normalisePostcode) },
    { labels: [label('your supplier'), label('supplier')], parse: one('supplier', normaliseName) },
    {
      labels: [label('bill date'), label('date of bill'), label('date of issue')],
      parse: one('billDate', normaliseDate),
    },
  ],
  'council-tax-bill': [
    { labels: [label('account holder'), label('liable person')], parse: one('accountHolder', normaliseName) },
    { labels: [label('property address'), label('address')], parse: address, multiline: true },
    { labels: [label('postcode')], parse: one('postcode', normalisePostcode) },
    {
      labels: [label('billing authority'), label('council name'), label('authority')],
      parse: one('council', normaliseName),
    },
    {
      labels: [label('date of issue'), label('issue date'), label('bill date')],
      parse: one('billDate', normaliseDate),
    },
  ],
  // The photocard's numbered fields: 1. surname, 2. given names, 3. date and place of birth, 4a. issued,
  // 4b. expires, 4c. issuer, 5. driver number (and the card's issue number), 8. address.
  'driving-licence': [
    { labels: [numbered('1')], parse: one('surname', normaliseName) },
    { labels: [numbered('2')], parse: one('givenNames', normaliseName) },
    { labels: [numbered('3')], parse: one('dateOfBirth', normaliseDate) },
    { labels: [numbered('4b')], parse: one('expiryDate', normaliseDate) },
    { labels: [numbered('5')], parse: one('documentNumber', normaliseDriverNumber) },
    { labels: [numbered('8')], parse: address, multiline: true },
  ],
};

/** How much an address without a postcode (one OCR could not read, or none printed) lowers its confidence. */
const UNENDED_ADDRESS_FACTOR = 0.5;

/** An address runs over at most this many lines after its label's. */
const ADDRESS_LINES = 5;

/** Where each word of a line starts and ends in its text (words joined by single spaces). */
function wordSpans(line: OcrLine): Array<{ from: number; to: number; confidence: number }> {
  if (!line.words || line.words.length === 0)
    return [{ from: 0, to: line.text.length, confidence: line.confidence }];
  const spans: Array<{ from: number; to: number; confidence: number }> = [];
  let at = 0;
  for (const word of line.words) {
    const from = line.text.indexOf(word.text, at);
    if (from < 0) return [{ from: 0, to: line.text.length, confidence: line.confidence }];
    spans.push({ from, to: from + word.text.length, confidence: word.confidence });
    at = from + word.text.length;
  }
  return spans;
}

/** The confidences of the words that overlap characters `from` to `to` of a line. */
function confidencesOver(line: OcrLine, from: number, to: number): number[] {
  return wordSpans(line)
    .filter((span) => span.from < to && span.to > from && /\S/.test(line.text.slice(span.from, span.to)))
    .map((span) => span.confidence);
}

/** Where the value starts: after the label and any separator OCR kept (":", "|", "-"). */
function valueStart(text: string, labelEnd: number): number {
  const rest = /^[\s:;|.\-–—]*/.exec(text.slice(labelEnd));
  return labelEnd + (rest?.[0].length ?? 0);
}

type Found = Record<string, FieldReading>;

interface Place {
  line: OcrLine;
  from: number;
  to: number;
}

/** The value after a label found on line `index`: on the label's line, else on the next (a label above it). */
function valueAfter(
  rule: Rule,
  lines: readonly OcrLine[],
  index: number,
  end: number,
  isLabel: (text: string) => boolean,
): Found | undefined {
  const line = lines[index];
  if (!line || rule.unless?.test(line.text.slice(end))) return undefined;
  const start = valueStart(line.text, end);
  const candidates: Place[][] = [];
  let doubt = 1;
  const sameLine: Place = { line, from: start, to: line.text.length };
  const hasPostcode = (part: Place) => normalisePostcode(part.line.text.slice(part.from)) !== undefined;
  if (rule.multiline) {
    const parts = start < line.text.length ? [sameLine] : [];
    for (const next of lines.slice(index + 1, index + 1 + ADDRESS_LINES)) {
      if (parts.some(hasPostcode) || isLabel(next.text)) break;
      parts.push({ line: next, from: 0, to: next.text.length });
    }
    // Without a postcode to end it, an address is only what is on its label's line, and likely cut short.
    const ended = parts.findIndex(hasPostcode);
    candidates.push(ended >= 0 ? parts.slice(0, ended + 1) : parts.filter((part) => part === sameLine));
    if (ended < 0) doubt = UNENDED_ADDRESS_FACTOR;
  } else {
    candidates.push([sameLine]);
    const next = lines[index + 1];
    if (next && !isLabel(next.text)) candidates.push([{ line: next, from: 0, to: next.text.length }]);
  }
  for (const parts of candidates) {
    const text = parts.map((part) => part.line.text.slice(part.from, part.to)).join('\n');
    const fields = text.trim() ? rule.parse(text) : undefined;
    if (!fields) continue;
    // A value is only as sure as its least sure word: one misread word makes a wrong name or amount.
    const confidence =
      doubt * Math.min(...parts.flatMap((part) => confidencesOver(part.line, part.from, part.to)));
    return Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, { value, confidence: round(confidence) }]),
    );
  }
  return undefined;
}

/**
 * The value of one rule: its labels looked for exactly at a line's start, then exactly anywhere in a line,
 * then with misreads at a line's start, then (long labels) anywhere. A search with misreads skips lines where
 * another rule's label is exactly, where this search looks: "Employer" is not a misread "Employee".
 */
function applyRule(
  rule: Rule,
  lines: readonly OcrLine[],
  isLabel: (text: string) => boolean,
  claimedByOther: (text: string, search: 'start' | 'anywhere') => boolean,
): Found | undefined {
  for (const search of ['start', 'anywhere', 'fuzzy', 'fuzzy-anywhere'] as const) {
    for (const wanted of rule.labels) {
      for (const [index, line] of lines.entries()) {
        if (search === 'fuzzy' && claimedByOther(line.text, 'start')) continue;
        if (search === 'fuzzy-anywhere' && claimedByOther(line.text, 'anywhere')) continue;
        const end = labelEnd(line.text, wanted, search);
        if (end === undefined) continue;
        const found = valueAfter(rule, lines, index, end, isLabel);
        if (found) return found;
      }
    }
  }
  return undefined;
}

const round = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/** The fields of a document of this kind, from its OCR lines in reading order (every page, one after another). */
export function extractFields(kind: FormsKind, lines: readonly OcrLine[]): Found {
  return crossChecked(kind, fieldsByLabel(kind, lines));
}

/** The fields found beside their labels, before the checks that need every field ({@link crossChecked}). */
export function fieldsByLabel(kind: FormsKind, lines: readonly OcrLine[]): Found {
  const rules = RULES[kind];
  const has = (rule: Rule, text: string, search: 'start' | 'anywhere') =>
    rule.labels.some((wanted) => labelEnd(text, wanted, search) !== undefined);
  // A line that starts with a label (or a licence's field number) ends an address running down the lines.
  const isLabel = (text: string) =>
    rules.some((rule) => !rule.multiline && has(rule, text, 'start')) ||
    /^\s*\d{1,2}[a-c]?\s*[.,]\s/.test(text);
  const found: Found = {};
  for (const rule of rules) {
    const claimedByOther = (text: string, search: 'start' | 'anywhere') =>
      rules.some((other) => other !== rule && has(other, text, search));
    const fields = applyRule(rule, lines, isLabel, claimedByOther);
    for (const [name, reading] of Object.entries(fields ?? {})) found[name] ??= reading;
  }
  return found;
}

/** Which normaliser each catalogue field takes (document-fields.ts), for readers that answer field by field. */
const FIELD_FORMS: Readonly<Record<string, (text: string) => string | undefined>> = {
  payDate: normaliseDate,
  periodStart: normaliseDate,
  periodEnd: normaliseDate,
  assessmentPeriodStart: normaliseDate,
  assessmentPeriodEnd: normaliseDate,
  letterDate: normaliseDate,
  billDate: normaliseDate,
  dateOfBirth: normaliseDate,
  expiryDate: normaliseDate,
  grossPay: normaliseMoney,
  netPay: normaliseMoney,
  moneyIn: normaliseMoney,
  closingBalance: normaliseMoney,
  housingElement: normaliseMoney,
  totalPayment: normaliseMoney,
  amount: normaliseMoney,
  benefit: normaliseBenefit,
  postcode: normalisePostcode,
  address: (text) => normaliseAddress(text.split('\n')),
  payPeriod: normaliseFrequency,
  frequency: normaliseFrequency,
  documentNumber: (text) => normaliseDriverNumber(text),
};

/** A field's text (a Textract query's answer) in the field's normal form; names and other text by default. */
export function normaliseField(field: string, text: string): string | undefined {
  return (FIELD_FORMS[field] ?? normaliseName)(text);
}

/** Checks that need every field read: a licence's driver number against its surname and date of birth. */
export function crossChecked(kind: FormsKind, found: Found): Found {
  return kind === 'driving-licence' ? crossCheckDriverNumber(found) : found;
}

/** Why nothing was read when the page has no legible print, for the applicant to act on. */
export const ILLEGIBLE =
  'No printed text could be read: the photo may be blurred, too dark or too far away. Retake it in daylight, flat on a table, with the whole page filling the frame.';

/** Why nothing was read when the print is legible but none of the kind's details are there. */
export function notThisKind(kind: FormsKind): string {
  const name = DOCUMENT_CATALOGUE[kind].name;
  // "a payslip", but "a UK photocard…", "a Universal Credit statement", "a Council Tax bill": proper names stay.
  const common = /^[A-Z][a-z]/.test(name) && !/^(?:Universal Credit|Council Tax)/.test(name);
  return `This does not look like a ${common ? `${name[0]?.toLowerCase()}${name.slice(1)}` : name}: none of the details it should show could be found. Check you chose the right document, and that the photo shows the whole page.`;
}

/**
 * A GB driver number (DVLA): 5 letters of the surname padded with 9s, the decade digit of the birth year, the
 * birth month (plus 50 for a woman), the day, the year's last digit, two initials padded with 9, a digit and
 * two check letters. Look-alikes are repaired by place: where the number holds digits, an O is a 0.
 */
export function normaliseDriverNumber(text: string): string | undefined {
  // DejaVu's bold J comes out of tesseract as "])" or ")": both are the one letter.
  const compact = text.replace(/\s+/g, '').replace(/[\])][\])]|[\])]/g, 'J');
  if (compact.length < 16) return undefined;
  const raw = compact.slice(0, 16);
  const digitPlaces = new Set([5, 6, 7, 8, 9, 10, 13]);
  const repaired = [...raw]
    .map((char, at) => {
      if (digitPlaces.has(at)) return asDigit(char);
      // Surname and initials hold letters or the 9 that pads them.
      if (at < 5 || at === 11 || at === 12) return char === '9' ? '9' : asLetter(char);
      return char.toUpperCase();
    })
    .join('');
  return /^[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z0-9]{2}$/.test(repaired) ? repaired : undefined;
}

/** How much a disagreement between the driver number and the printed surname or birth date lowers confidence. */
const DISAGREEMENT_FACTOR = 0.5;

/**
 * The driver number encodes the surname's first five letters and the date of birth: where the printed fields
 * disagree with it, one of them is misread (or the card is not genuine), so every field involved is marked
 * less sure for a person to look at.
 */
function crossCheckDriverNumber(found: Found): Found {
  const number = found.documentNumber?.value;
  if (!number) return found;
  const suspects = new Set<string>();
  const surname = found.surname?.value;
  if (surname) {
    const letters = surname
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase();
    const expected = `${letters}99999`.slice(0, 5);
    if (expected !== number.slice(0, 5)) suspects.add('surname');
  }
  const birth = found.dateOfBirth?.value;
  if (birth) {
    const month = Number(birth.slice(5, 7));
    const coded = Number(number.slice(6, 8));
    const agrees =
      number[5] === birth[2] &&
      number[10] === birth[3] &&
      number.slice(8, 10) === birth.slice(8, 10) &&
      (coded === month || coded === month + 50);
    if (!agrees) suspects.add('dateOfBirth');
  }
  if (suspects.size === 0) return found;
  suspects.add('documentNumber');
  return Object.fromEntries(
    Object.entries(found).map(([name, reading]) => [
      name,
      suspects.has(name)
        ? { ...reading, confidence: round(reading.confidence * DISAGREEMENT_FACTOR) }
        : reading,
    ]),
  );
}
