import { longDate } from '../domain/dates.js';
import type { Letter } from '../domain/letters.js';
import { type Language, translate, welshMonths } from './index.js';

/**
 * A decision letter's words in one language (issue 9; Welsh Language Standards: correspondence in the language
 * the person chose). The PDF (services/letter-pdf.ts) and the letter's page (web/views/letter.njk) are both
 * drawn from this, so in the same language they say the same. The PDF is written once, in the language on the
 * application then (it is the letter as sent, kept with its hash); the page follows the page's language, so an
 * applicant who switched language since reads it in the one they chose now.
 *
 * The decision's own texts (its reasons, what happens next) are translated through the catalogue, as on the
 * status page. Two things stay as they were written: an officer's reason is in the officer's own words, and a
 * clause is a citation of a law or a scheme ("Housing Act 1996 s160A"), as the status page shows it, unless the
 * catalogue has it (the one clause the letter itself writes in words).
 */
export interface LetterText {
  language: Language;
  /** For the PDF's /Lang and the page's `lang`. */
  lang: 'en-GB' | 'cy';
  landlordName: string;
  onBehalf: string;
  to: Letter['to'];
  date: string;
  reference: string;
  title: string;
  summary: string;
  headings: { grounds: string; next: string; review: string };
  grounds: Array<{ text: string; clause: string }>;
  next: string;
  /** How to ask for a review, then by when and under which law. */
  review: [string, string];
  decidedBy: string;
  /** At the foot of every page of the PDF, before its page number. */
  footer: string;
}

/** The English of every text a letter adds to its decision's own: the catalogue's keys. */
export const LETTER_LABELS = {
  onBehalf: 'On behalf of {council}: housing register',
  reference: 'Reference {reference}',
  grounds: 'Why we decided this',
  next: 'What happens next',
  review: 'If you think this decision is wrong',
  askBy:
    'Ask by {date}, {count} days from the date of this letter. You have the right to ask for a review under {statute}.',
  officerReason: 'The officer’s reason: {reason}',
  footer: '{landlord} · decision letter {reference}',
  page: 'page {page} of {pages}',
} as const;

/**
 * A label in the letter's language: its template looked up as it is written ("On behalf of {council}: housing
 * register"), then its values put in as they are, so a council called "St. David" or a person called May is
 * never read as a sentence break or a month. Values that need a language (a date, a law) come already in it.
 */
function label(
  language: Language,
  english: string,
  values: Record<string, string | number>,
  options: { strict?: boolean },
): string {
  return fill(translate(language, english, options), values);
}

/** Puts each `{placeholder}`'s value in, as it is (a function replacer: a "$&" in an officer's words stays). */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{([a-z]+)\}/g, (_whole, name: string) => String(values[name] ?? ''));

/**
 * The letter in `language`. `strict` throws on any text the catalogue lacks (for the tests that every letter has
 * all its Welsh); otherwise such a text stays English, as on the pages.
 */
export function letterText(
  letter: Letter,
  language: Language,
  options: { strict?: boolean } = {},
): LetterText {
  const t = (english: string) => translate(language, english, options);
  const date = (iso: string) => (language === 'cy' ? welshMonths(longDate(iso)) : longDate(iso));
  return {
    language,
    lang: language === 'cy' ? 'cy' : 'en-GB',
    landlordName: letter.landlordName,
    onBehalf: label(language, LETTER_LABELS.onBehalf, { council: letter.councilName }, options),
    to: { name: letter.to.name, address: letter.to.generated ? letter.to.address.map(t) : letter.to.address },
    date: date(letter.date),
    reference: label(language, LETTER_LABELS.reference, { reference: letter.reference }, options),
    title: t(letter.title),
    summary: t(letter.summary),
    headings: {
      grounds: t(LETTER_LABELS.grounds),
      next: t(LETTER_LABELS.next),
      review: t(LETTER_LABELS.review),
    },
    grounds: letter.grounds.map((ground) => ({
      // The officer's words are kept as written; only the words around them are translated.
      text: ground.byOfficer
        ? label(language, LETTER_LABELS.officerReason, { reason: ground.text }, options)
        : t(ground.text),
      clause: translate(language, ground.clause),
    })),
    next: t(letter.next),
    review: [
      t(letter.review.text),
      label(
        language,
        LETTER_LABELS.askBy,
        {
          date: date(letter.review.byDate),
          count: letter.review.withinDays,
          statute: t(letter.review.clause),
        },
        options,
      ),
    ],
    decidedBy: t(letter.decidedBy),
    footer: label(
      language,
      LETTER_LABELS.footer,
      { landlord: letter.landlordName, reference: letter.reference },
      options,
    ),
  };
}

/** "page 1 of 2" in the letter's language. */
export function pageOf(language: Language, page: number, pages: number): string {
  return label(language, LETTER_LABELS.page, { page, pages }, {});
}
