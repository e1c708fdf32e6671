import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from './language.js';

export { Language, languageOf } from './language.js';

/**
 * Welsh and English (issue 9; Welsh Language Standards): the domain and the pages are written in English, and
 * each channel translates at its edge, gettext style: the English text is the key and the Welsh catalogue
 * (`cy.json`) maps it to Welsh. No i18n library. The catalogue is data, read once from disk, not code: the web
 * function's bundle is near its 1 MiB limit, and its templates and this file are copied beside it
 * (infra/constructs/web.ts). It is grouped by where the texts are shown; the groups are only for its readers.
 * Its Welsh is plain, everyday Welsh (Cymraeg clir), not yet checked by a qualified translator: it must be before
 * Doorstep goes live in Wales (Welsh Language Standards; README "Welsh and English").
 *
 * A text built with values in it (a date, a name, a number) is matched by a catalogue entry with `{placeholders}`:
 * "Do any of these apply to {name}?". A placeholder's value is kept as it is (a name, an address), except that
 * the months of its dates are written in Welsh (a May who is a person stays May) and the placeholders named in {@link TRANSLATED_PLACEHOLDERS} are looked up in the
 * catalogue themselves ("day and month").
 */

/**
 * Placeholders whose value is itself catalogue text, exact or a pattern (words the domain chose, never something
 * typed): "day and month", "14 days", "between 4 and 9 months". `benefit` is "Universal Credit" or "Housing
 * Benefit" in an offer's spare-bedroom reason (bedrooms.ts `underOccupancy`), so one entry serves both benefits.
 * `statute` is a law a decision letter cites ("Housing Act 1996 s160A", policy.ts `statute`). `why` is a rule a
 * household fails for a home (shortlist.ts `skipReasons`), after "This home does not fit your household:".
 * `confirmed` is what a payslip, statement, letter or bill confirmed, after "Your payslip:" in a verification
 * reason (application-stages.ts `verification`): the first of its sentences, the others looked up on their own.
 */
const TRANSLATED_PLACEHOLDERS = new Set([
  'missing',
  'days',
  'range',
  'benefit',
  'statute',
  'why',
  'confirmed',
]);
/**
 * Placeholders that hold a list of catalogue texts, and what stands between the items: ", " for `groups`
 * ("hardship (band C), medical or welfare grounds (band B)"); "; " for `notes`, what a name read from a passport
 * was allowed for (names.ts `matchName`), since a note can hold a comma ("accents stripped (â → A, ë → E)").
 */
const LIST_PLACEHOLDERS = new Map([
  ['groups', ', '],
  ['notes', '; '],
]);
/** Placeholders that only ever hold a number, so "{count} days" cannot swallow a whole sentence ending in "days". */
const NUMBER_PLACEHOLDERS = new Set(['count', 'year', 'from', 'to', 'position', 'needed']);
/** Where one sentence ends and the next begins: a full stop, question or exclamation mark, a space, a capital. */
const SENTENCE_BREAK = /(?<=[.?!])\s+(?=[A-Z])/;

const MONTHS: Record<string, string> = {
  January: 'Ionawr',
  February: 'Chwefror',
  March: 'Mawrth',
  April: 'Ebrill',
  May: 'Mai',
  June: 'Mehefin',
  July: 'Gorffennaf',
  August: 'Awst',
  September: 'Medi',
  October: 'Hydref',
  November: 'Tachwedd',
  December: 'Rhagfyr',
};
const MONTH_NAMES = new RegExp(`\\b(${Object.keys(MONTHS).join('|')})\\b`, 'g');

/** Month names in a text in Welsh: "1 March 2008" as "1 Mawrth 2008". */
export const welshMonths = (text: string) => text.replace(MONTH_NAMES, (month) => MONTHS[month] ?? month);

/** A month's name where it is part of a date: after a day ("1 March") or before a year ("March 2008"). */
const MONTH_IN_DATE = new RegExp(
  `(?<=\\b\\d{1,2}\\s)(${Object.keys(MONTHS).join('|')})\\b|\\b(${Object.keys(MONTHS).join('|')})(?=\\s\\d{4}\\b)`,
  'g',
);

/**
 * A placeholder's value in Welsh: months in its dates in Welsh, and nothing else changed. A month's name that is
 * not part of a date is someone's name ("May", "June") and stays as it is.
 */
const welshValue = (value: string) => value.replace(MONTH_IN_DATE, (month) => MONTHS[month] ?? month);

interface Pattern {
  regex: RegExp;
  names: string[];
  welsh: string;
}

/** Where the catalogue is: beside this module in the repository, in `i18n/` beside the web function's bundle. */
const CATALOGUE_FILES = [join(__dirname, 'cy.json'), join(__dirname, 'i18n', 'cy.json')];

interface Catalogue {
  exact: ReadonlyMap<string, string>;
  /** The entries with placeholders, compiled once: "For example, {date}" matches "For example, 9 5 2027". */
  patterns: Pattern[];
}
let loaded: Catalogue | undefined;

/** The Welsh catalogue, every group in one map: read on the first Welsh text asked for. */
export function welshCatalogue(): ReadonlyMap<string, string> {
  return catalogue().exact;
}

function catalogue(): Catalogue {
  if (loaded) return loaded;
  const file = CATALOGUE_FILES.find((candidate) => existsSync(candidate));
  // A bundle without its catalogue is a broken deployment: say so, rather than show English as if it were Welsh.
  if (!file) throw new Error(`The Welsh catalogue is missing: looked for ${CATALOGUE_FILES.join(' and ')}`);
  const groups = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const exact = new Map(Object.values(groups).flatMap((group) => Object.entries(group)));
  const patterns = [...exact]
    .filter(([english]) => /\{[a-z]+\}/.test(english))
    .map(([english, welsh]) => {
      const names: string[] = [];
      const source = english
        .split(/(\{[a-z]+\})/)
        .map((part) => {
          const name = /^\{([a-z]+)\}$/.exec(part)?.[1];
          if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          return NUMBER_PLACEHOLDERS.has(name) ? '(\\d[\\d,]*)' : '(.+?)';
        })
        .join('');
      return { regex: new RegExp(`^${source}$`, 's'), names, welsh };
    });
  loaded = { exact, patterns };
  return loaded;
}

/** The Welsh for an English text, or undefined when the catalogue has none (strict callers report it). */
export function welshFor(english: string): string | undefined {
  const { exact, patterns } = catalogue();
  const welsh = exact.get(english);
  if (welsh !== undefined) return welsh;
  for (const pattern of patterns) {
    const match = pattern.regex.exec(english);
    // A placeholder holds a value, never a sentence: "{council}'s limit is {amount}." is not the last sentence
    // of a longer text with the rest taken as the council's name (that text goes sentence by sentence).
    if (!match || match.slice(1).some((value) => SENTENCE_BREAK.test(value))) continue;
    const values = new Map(pattern.names.map((name, index) => [name, match[index + 1] ?? '']));
    let missing = false;
    const filled = pattern.welsh.replace(/\{([a-z]+)\}/g, (_whole, name: string) => {
      const value = values.get(name) ?? '';
      const separator = LIST_PLACEHOLDERS.get(name);
      if (separator !== undefined) {
        const items = value.split(separator).map((item) => welshFor(item));
        if (items.some((item) => item === undefined)) missing = true;
        return items.join(separator);
      }
      if (!TRANSLATED_PLACEHOLDERS.has(name)) return welshValue(value);
      const translated = welshFor(value);
      if (translated === undefined) missing = true;
      return translated ?? value;
    });
    if (!missing) return filled;
  }
  return bySentence(english);
}

/**
 * A text the domain built from sentences that each depend on an answer ("You have lived here 2 years.
 * Riverside Council asks for 5.", a document's problems one after another) has no entry of its own: each of
 * its sentences is looked up instead, and it is Welsh only if every one of them is.
 */
function bySentence(english: string): string | undefined {
  const sentences = english.split(SENTENCE_BREAK);
  if (sentences.length < 2) return undefined;
  const welsh = sentences.map((sentence) => welshFor(sentence));
  return welsh.every((sentence) => sentence !== undefined) ? welsh.join(' ') : undefined;
}

export class MissingTranslation extends Error {
  override readonly name = 'MissingTranslation';
}

/**
 * A text in the language asked for. A text the catalogue does not have stays English, so a page never breaks
 * (an untranslated sentence is better than none); `strict` throws instead, for tests that every text is there.
 */
export function translate(language: Language, english: string, options: { strict?: boolean } = {}): string {
  if (language === 'en' || english === '') return english;
  const welsh = welshFor(english);
  if (welsh !== undefined) return welsh;
  if (options.strict) throw new MissingTranslation(`No Welsh for: ${english}`);
  return english;
}
