import { colemanLiau } from 'coleman-liau';
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';
import { MESSAGE_TEXTS } from '../shared/i18n/messages.js';
import { conversationTexts, statusPageTexts, templateKeys } from '../test/unit/i18n/applicant-texts.js';
import {
  bedroomHouseholds,
  bedroomTexts,
  eligibilityTexts,
  moreBedroomHouseholds,
  qualificationTexts,
  registrationTexts,
} from '../test/unit/i18n/decision-texts.js';

/**
 * `npm run bench:reading-age`: how hard the English an applicant reads is (issue 9: "plain English, aim for a
 * reading age of 9"). The texts are collected as the Welsh catalogue's tests collect them (every text a prompt
 * can show, every reason a decision can give, every message, every template text marked for translation), each
 * `{placeholder}` replaced by a neutral word, and scored by three formulas from npm (the `words` collection:
 * flesch-kincaid, coleman-liau, smog-formula; syllables by `syllable`). Each gives a US school grade; reading
 * age = grade + 5, and a grade under 0 counts as 0. Short texts make every formula noisy, hence three; texts of
 * under five words (labels, options, titles) say nothing alone ("Continue" is 3 syllables: grade 20), so each
 * group's are scored together, one sentence each. Figures only, never assertions: the README records them.
 */
const PLACEHOLDER_WORD = 'this';
const TARGET_AGE = 9;
const GRADE_TO_AGE = 5;

interface Score {
  text: string;
  fk: number;
  cl: number;
  smog: number;
}

function counts(text: string) {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  const syllables = words.map((word) => (/^\d+$/.test(word) ? 1 : Math.max(1, syllable(word))));
  return {
    sentence: sentences,
    word: words.length,
    syllable: syllables.reduce((sum, count) => sum + count, 0),
    letter: words.reduce((sum, word) => sum + word.replace(/['’]/g, '').length, 0),
    polysillabicWord: syllables.filter((count) => count >= 3).length,
  };
}

const age = (grade: number) => (Number.isFinite(grade) ? Math.max(0, grade) : 0) + GRADE_TO_AGE;

const clean = (raw: string) =>
  raw
    .replace(/\{[a-zA-Z]+\}/g, PLACEHOLDER_WORD)
    .replace(/\s+/g, ' ')
    .trim();

function score(raw: string): Score {
  const text = clean(raw);
  const c = counts(text);
  return { text, fk: age(fleschKincaid(c)), cl: age(colemanLiau(c)), smog: age(smogFormula(c)) };
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const fixed = (value: number) => value.toFixed(1).padStart(5);
const truncate = (text: string, length = 100) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** Texts this short (labels, options, titles) are scored together as one text, one sentence each. */
const MIN_WORDS = 5;

function report(name: string, texts: readonly string[]): Score[] {
  const unique = [...new Set(texts.map(clean).filter((text) => text !== ''))];
  const scores = unique.filter((text) => counts(text).word >= MIN_WORDS).map(score);
  const short = unique.filter((text) => counts(text).word < MIN_WORDS);
  const line = (label: string, values: number[]) =>
    `    ${label.padEnd(16)} median ${fixed(percentile(values, 50))}   p90 ${fixed(percentile(values, 90))}   ` +
    `≤ ${TARGET_AGE}: ${share(values).padStart(4)}`;
  console.log(`\n${name}: ${scores.length} texts of ${MIN_WORDS}+ words`);
  if (scores.length) {
    console.log(
      line(
        'Flesch-Kincaid',
        scores.map((s) => s.fk),
      ),
    );
    console.log(
      line(
        'Coleman-Liau',
        scores.map((s) => s.cl),
      ),
    );
    console.log(
      line(
        'SMOG',
        scores.map((s) => s.smog),
      ),
    );
    console.log('    hardest (reading age FK / CL / SMOG):');
    const shown = new Set<string>();
    for (const s of [...scores].sort((a, b) => b.fk - a.fk)) {
      const text = truncate(s.text);
      if (shown.has(text) || shown.size === 5) continue;
      shown.add(text);
      console.log(`    ${fixed(s.fk)} /${fixed(s.cl)} /${fixed(s.smog)}  ${text}`);
    }
  }
  if (short.length) {
    const pooled = score(short.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' '));
    console.log(
      `    and ${short.length} shorter texts (labels, options, titles), scored together: ` +
        `FK ${pooled.fk.toFixed(1)}, CL ${pooled.cl.toFixed(1)}, SMOG ${pooled.smog.toFixed(1)}`,
    );
  }
  return scores;
}

const share = (values: readonly number[]) =>
  `${((100 * values.filter((value) => value <= TARGET_AGE).length) / Math.max(1, values.length)).toFixed(0)}%`;

function main() {
  console.log(
    `Reading age = US grade + ${GRADE_TO_AGE} (a grade under 0 counts as 0); {placeholders} read as "${PLACEHOLDER_WORD}".`,
  );
  console.log(`Target (issue 9): reading age ${TARGET_AGE}. Percentiles are nearest-rank.`);
  const all = [
    report('Conversation prompts (questions, hints, labels, options, errors)', conversationTexts()),
    report('Decision reasons: eligibility', eligibilityTexts()),
    report('Decision reasons: qualification', qualificationTexts()),
    report('Decision reasons: banding', registrationTexts()),
    report('Decision reasons: bedrooms', bedroomTexts([...bedroomHouseholds(), ...moreBedroomHouseholds()])),
    report('Messages to the applicant (MESSAGE_TEXTS)', MESSAGE_TEXTS),
    report('Status page: what happens next, wait estimates', statusPageTexts()),
    report(
      'Template texts marked | t (web/views/*.njk)',
      templateKeys().map(({ key }) => key),
    ),
  ].flat();
  const fk = all.map((s) => s.fk);
  const cl = all.map((s) => s.cl);
  console.log(
    `\nOverall (${all.length} texts of ${MIN_WORDS}+ words, FK): median ${percentile(fk, 50).toFixed(1)}, p90 ${percentile(fk, 90).toFixed(1)}, ` +
      `${share(fk)} at reading age ${TARGET_AGE} or under (Coleman-Liau: median ${percentile(cl, 50).toFixed(1)}, ` +
      `p90 ${percentile(cl, 90).toFixed(1)}, ${share(cl)}).`,
  );
}

main();
