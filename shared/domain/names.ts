/**
 * Tolerant name matching between a passport's machine-readable zone and the name the applicant typed.
 *
 * An MRZ holds only A-Z and the `<` filler (ICAO 9303 Part 3 §6): accents are dropped or transliterated
 * (Ä → AE, AXX or A, Ö → OE, OXX or O, Ü → UE, UXX or U, Ñ → NXX or N, ß → SS, Ø → OE or O, Å → AA or A,
 * Æ → AE), hyphens and spaces
 * become `<`, apostrophes are left out, and a name longer than the 39-character name field of a passport
 * (TD3) is cut short. People also type their names in another order, or leave out (or add) a middle name.
 * None of that makes a different person, so each is allowed and said in plain English; anything else is a
 * mismatch for an officer to look at. Pure: no I/O.
 */

export type NameMatchLevel = 'exact' | 'tolerant' | 'mismatch';

/** Which part of the name failed to match (on a mismatch). */
export type NamePart = 'surname' | 'given names';

export interface NameMatch {
  level: NameMatchLevel;
  /** Plain English: what was allowed for (tolerant), what differs (mismatch), or that they agree (exact). */
  reason: string;
  /** On a mismatch: the part that does not agree. */
  part?: NamePart;
}

/** The name as read from the MRZ: fillers or spaces between words. */
export interface MrzName {
  surname: string;
  givenNames: string;
}

/** The name as the applicant gave it. */
export interface AnsweredName {
  firstName: string;
  lastName: string;
}

/** The name field of a TD3 (passport) MRZ: line 1, characters 6 to 44 (ICAO 9303 Part 4). */
export const MRZ_NAME_LENGTH = 39;

/** Letters that do not decompose under NFKD, with their ICAO 9303 transliteration. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'SS',
  ẞ: 'SS',
  Ø: 'OE',
  Æ: 'AE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ħ: 'H',
  Ŀ: 'L',
  Ŋ: 'N',
  Ŧ: 'T',
  ı: 'I',
};

/** Letters whose ICAO transliteration is two letters, where some passports use the bare letter instead. */
const ICAO_DOUBLE: Record<string, string> = { Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA' };
/** Plain single letters some states use for letters ICAO writes as two (Ø → O). */
const SINGLE: Record<string, string> = { Ø: 'O', Œ: 'OE', Æ: 'AE' };

/** ICAO 9303 Part 3's other recommended forms, used by some states: Ä → AXX, Ñ → NXX, Ö → OXX, Ü → UXX. */
const ICAO_XX: Record<string, string> = { Ä: 'AXX', Ñ: 'NXX', Ö: 'OXX', Ü: 'UXX' };

type Scheme = 'plain' | 'icao' | 'icao-xx';

/**
 * The name in MRZ letters under one transliteration scheme: words separated by single spaces, apostrophes
 * left out, hyphens and any other non-letter a word break. 'plain' strips accents (Ä → A, Ø → O);
 * 'icao' writes ICAO 9303's two-letter forms (Ä → AE, Ø → OE).
 */
function transliterate(name: string, scheme: Scheme): string {
  let out = '';
  for (const character of name.toUpperCase()) {
    const double =
      scheme === 'icao-xx'
        ? (ICAO_XX[character] ?? ICAO_DOUBLE[character])
        : scheme === 'icao'
          ? ICAO_DOUBLE[character]
          : undefined;
    if (double) {
      out += double;
      continue;
    }
    const single = scheme === 'plain' ? SINGLE[character] : undefined;
    const special = single ?? UNDECOMPOSED[character];
    if (special) {
      out += special;
      continue;
    }
    out += character.normalize('NFKD').replace(/\p{M}/gu, '');
  }
  return out
    .replace(/['\u2019`\u02bc]/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** The MRZ side: upper case, fillers and other non-letters as word breaks. */
function mrzWords(text: string): string[] {
  return text
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

const words = (text: string) => text.split(' ').filter(Boolean);
const joined = (list: string[]) => list.join('');

/** True when `short` appears in `long` in the same order (a subsequence), with at least one word. */
function inOrderWithin(short: string[], long: string[]): boolean {
  if (short.length === 0) return false;
  let at = 0;
  for (const word of long) if (word === short[at]) at += 1;
  return at === short.length;
}

/** True when every word of `short` is among `long`'s words (as a multiset), with at least one word. */
function within(short: string[], long: string[]): boolean {
  if (short.length === 0) return false;
  const left = [...long];
  for (const word of short) {
    const index = left.indexOf(word);
    if (index < 0) return false;
    left.splice(index, 1);
  }
  return true;
}

/** The MRZ name field as the passport would print it: SURNAME<<GIVEN<NAMES. */
function nameField(surname: string[], given: string[]): string {
  return `${surname.join('<')}<<${given.join('<')}`;
}

interface PartResult {
  ok: boolean;
  notes: string[];
}

function compareSurname(answered: string[], read: string[], truncated: boolean): PartResult {
  if (joined(answered) === joined(read)) {
    const notes = answered.join(' ') === read.join(' ') ? [] : ['the words of the surname are run together'];
    return { ok: true, notes };
  }
  if (truncated && read.length > 0 && joined(answered).startsWith(joined(read))) {
    return { ok: true, notes: ['the surname is cut short in the machine-readable zone (39 characters)'] };
  }
  return { ok: false, notes: [] };
}

function compareGiven(answered: string[], read: string[], truncated: boolean): PartResult {
  if (answered.join(' ') === read.join(' ')) return { ok: true, notes: [] };
  if (answered.length === 0 && read.length === 0) return { ok: true, notes: [] };
  if (joined(answered) === joined(read) && answered.length > 0) {
    return { ok: true, notes: ['the given names are run together'] };
  }
  if (truncated && read.length === 0 && answered.length > 0) {
    return { ok: true, notes: ['the given names are left out: the surname fills the machine-readable zone'] };
  }
  if (truncated && read.length > 0 && read.length <= answered.length) {
    // ICAO 9303 Part 3 §6.2: a long name is cut, the last words first, down to initials.
    const prefixes = read.every((word, index) => (answered[index] ?? '').startsWith(word));
    if (prefixes) {
      return {
        ok: true,
        notes: ['the given names are cut short in the machine-readable zone (39 characters)'],
      };
    }
  }
  if (answered.length === read.length && within(answered, read)) {
    return { ok: true, notes: ['the given names are in a different order'] };
  }
  if (answered.length > read.length && within(read, answered)) {
    const extra = answered.filter((word) => !read.includes(word));
    const order = inOrderWithin(read, answered) ? [] : ['the given names are in a different order'];
    return {
      ok: true,
      notes: [`${plural(extra, 'middle name')} ${list(extra)} only in your answers`, ...order],
    };
  }
  if (read.length > answered.length && within(answered, read)) {
    const extra = read.filter((word) => !answered.includes(word));
    const order = inOrderWithin(answered, read) ? [] : ['the given names are in a different order'];
    return {
      ok: true,
      notes: [`${plural(extra, 'middle name')} ${list(extra)} only on the passport`, ...order],
    };
  }
  return { ok: false, notes: [] };
}

const plural = (items: string[], noun: string) => (items.length === 1 ? noun : `${noun}s`);
const list = (items: string[]) => items.join(' ');

/** The notes for how the answered name was spelt in MRZ letters, each letter with what it became. */
function spellingNotes(answer: AnsweredName, scheme: Scheme): string[] {
  const both = `${answer.firstName} ${answer.lastName}`;
  const notes: string[] = [];
  const special = [...new Set(both.replace(/[^\p{L}]/gu, '').replace(/[A-Za-z]/g, ''))];
  if (special.length > 0) {
    const mapped = special.map((letter) => `${letter} → ${transliterate(letter, scheme)}`).join(', ');
    const spelt = special.some((letter) => transliterate(letter, scheme).length > 1);
    notes.push(
      spelt ? `written in MRZ letters as ICAO 9303 allows (${mapped})` : `accents stripped (${mapped})`,
    );
  }
  if (/[-‐‑–]/.test(both)) notes.push('hyphens written as fillers');
  if (/['’`ʼ]/.test(both)) notes.push('apostrophes left out');
  return notes;
}

function attempt(
  answer: AnsweredName,
  read: { surname: string[]; given: string[] },
  scheme: Scheme,
  truncated: boolean,
): { surname: PartResult; given: PartResult; swapped: boolean } {
  const surname = words(transliterate(answer.lastName, scheme));
  const given = words(transliterate(answer.firstName, scheme));
  const straight = {
    surname: compareSurname(surname, read.surname, truncated),
    given: compareGiven(given, read.given, truncated),
    swapped: false,
  };
  if (straight.surname.ok && straight.given.ok) return straight;
  // Surname and given names typed the other way round (common where the family name comes first).
  const swapped = {
    surname: compareSurname(given, read.surname, truncated),
    given: compareGiven(surname, read.given, truncated),
    swapped: true,
  };
  if (swapped.surname.ok && swapped.given.ok) return swapped;
  return straight;
}

/**
 * Compares the name read from a passport's MRZ with the name the applicant gave. 'exact' when they agree
 * letter for letter (ignoring case and fillers); 'tolerant' when they agree once the MRZ's rules and the
 * usual ways people write names are allowed for (the reason says which); 'mismatch' otherwise.
 */
export function matchName(read: MrzName, answer: AnsweredName): NameMatch {
  const mrz = { surname: mrzWords(read.surname), given: mrzWords(read.givenNames) };
  const shown = `${mrz.surname.join(' ')}${mrz.given.length ? `, ${mrz.given.join(' ')}` : ''}`;
  const truncated = nameField(mrz.surname, mrz.given).length >= MRZ_NAME_LENGTH;

  // Exact: plain letters only (JavaScript upper-cases ß to SS, which is a transliteration, not a case).
  const typed = (text: string) =>
    /^[A-Za-z\s]*$/.test(text) ? text.toUpperCase().trim().split(/\s+/).filter(Boolean).join(' ') : undefined;
  if (typed(answer.lastName) === mrz.surname.join(' ') && typed(answer.firstName) === mrz.given.join(' ')) {
    return { level: 'exact', reason: `The name on the passport (${shown}) is the name you gave.` };
  }

  // Which part failed is told by the scheme that came closest: a transliterated surname (MUELLER for Müller)
  // fails only the plain scheme, so a misread first name is not blamed on the surname.
  let surnameMatched = false;
  for (const scheme of ['plain', 'icao', 'icao-xx'] as const) {
    const result = attempt(answer, mrz, scheme, truncated);
    surnameMatched ||= result.surname.ok;
    if (result.surname.ok && result.given.ok) {
      const notes = [
        ...(result.swapped ? ['surname and given names the other way round'] : []),
        ...spellingNotes(answer, scheme),
        ...result.surname.notes,
        ...result.given.notes,
      ];
      // Only the case or spacing differs: nothing else to say.
      if (notes.length === 0) {
        return { level: 'exact', reason: `The name on the passport (${shown}) is the name you gave.` };
      }
      return {
        level: 'tolerant',
        reason: `The name on the passport (${shown}) matches the name you gave (${answer.firstName} ${answer.lastName}): ${notes.join('; ')}.`,
      };
    }
  }
  const part: NamePart = surnameMatched ? 'given names' : 'surname';
  const readPart = part === 'surname' ? mrz.surname.join(' ') : mrz.given.join(' ');
  const answered = part === 'surname' ? answer.lastName : answer.firstName;
  return {
    level: 'mismatch',
    part,
    reason: `The ${part === 'surname' ? 'surname' : 'given names'} on the passport (MRZ: ${readPart || 'blank'}) ${part === 'surname' ? 'does' : 'do'} not match what you gave (${answered}).`,
  };
}
