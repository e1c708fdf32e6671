import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HouseholdMember } from '../../../shared/domain/application.js';
import {
  applicantNeedsField,
  type FormAnswers,
  MemberKind,
  memberKindPrompt,
  memberNeedsPrompt,
  memberPrompt,
  type PromptField,
  promptsFor,
} from '../../../shared/domain/conversation.js';
import { nextStep, type OpenWait } from '../../../shared/domain/next-steps.js';
import { Stage, WaitingFor } from '../../../shared/domain/stage.js';
import { estimateRangeText } from '../../../shared/domain/wait-estimate.js';
import { policyFor } from '../../../shared/policies.js';

/**
 * Every text the conversation's prompts can show an applicant: each prompt's question, hint, labels and options,
 * the household member prompts, and the error message each bad answer gets. The bad answers are made from each
 * field's kind, one field at a time, with the other fields answered well, so a message behind another one is
 * reached too.
 */

export const TODAY = '2026-11-29';

const BAD_VALUES: Record<PromptField['kind'], string[]> = {
  text: ['', 'x'.repeat(201), 'not a code', 'W12'],
  email: ['', 'not-an-email', `${'x'.repeat(250)}@example.com`],
  tel: ['12', 'phone me'],
  postcode: ['', 'NOT A POSTCODE'],
  'whole-number': ['', 'lots', '999', '11', '-1'],
  money: ['', 'lots', '12.345', '99999999999', '0'],
  radios: ['', 'nonsense'],
  checkboxes: [],
  date: [],
};

const GOOD_VALUES: Record<PromptField['kind'], string> = {
  text: 'Rhys',
  email: 'rhys@example.com',
  tel: '07700 900 982',
  postcode: 'RV1 4AB',
  'whole-number': '2',
  money: '100',
  radios: '',
  checkboxes: '',
  date: '',
};

/** Date answers that are wrong in each way a date input can be, and right ones far in the past and future. */
const BAD_DATES: Array<[string, string, string]> = [
  ['', '', ''],
  ['1', '', ''],
  ['', '1', ''],
  ['', '', '2000'],
  ['1', '1', ''],
  ['1', '', '2000'],
  ['', '1', '2000'],
  ['a', 'b', 'c'],
  ['31', '2', '2000'],
  ['1', '1', '20'],
  ['1', '1', '1800'],
  ['1', '1', '2999'],
  ['1', '1', '2000'],
  ['1', '1', '2026'],
  ['1', '6', '2026'],
  ['1', '1', '2027'],
];

function goodAnswer(field: PromptField): FormAnswers {
  if (field.kind === 'date')
    return { [`${field.name}-day`]: '1', [`${field.name}-month`]: '1', [`${field.name}-year`]: '2000' };
  if (field.kind === 'radios' || field.kind === 'checkboxes')
    return { [field.name]: field.options[0]?.value ?? '' };
  return { [field.name]: GOOD_VALUES[field.kind] };
}

function badAnswers(field: PromptField): FormAnswers[] {
  if (field.kind === 'date') {
    return BAD_DATES.map(([day, month, year]) => ({
      [`${field.name}-day`]: day,
      [`${field.name}-month`]: month,
      [`${field.name}-year`]: year,
    }));
  }
  if (field.kind === 'radios') {
    return [...BAD_VALUES.radios, ...field.options.map((option) => option.value)].map((value) => ({
      [field.name]: value,
    }));
  }
  if (field.kind === 'checkboxes') {
    const values = field.options.map((option) => option.value);
    return [{}, { [field.name]: values }, ...values.map((value) => ({ [field.name]: value }))];
  }
  return BAD_VALUES[field.kind].map((value) => ({ [field.name]: value }));
}

/** Each form that answers every field well but one. */
function formsFor(fields: readonly PromptField[]): FormAnswers[] {
  const good = Object.assign({}, ...fields.map(goodAnswer)) as FormAnswers;
  return [{}, good, ...fields.flatMap((field) => badAnswers(field).map((bad) => ({ ...good, ...bad })))];
}

function fieldTexts(field: PromptField): string[] {
  const texts = [field.label, field.hint ?? ''];
  if (field.kind === 'radios' || field.kind === 'checkboxes')
    for (const option of field.options) texts.push(option.text, option.hint ?? '');
  return texts;
}

const member = (relationship: HouseholdMember['relationship'], dateOfBirth: string): HouseholdMember => ({
  memberId: 'm2',
  relationship,
  firstName: 'Eira',
  lastName: 'Morgan',
  dateOfBirth,
  sex: 'female',
  unborn: false,
  needsOwnRoomForDisability: false,
});

export function conversationTexts(): string[] {
  const texts: string[] = [];
  for (const prompt of Object.values(promptsFor(TODAY))) {
    texts.push(prompt.question, prompt.hint ?? '', ...prompt.fields.flatMap(fieldTexts));
    for (const form of formsFor(prompt.fields)) {
      const result = prompt.answer(form);
      if (!result.ok) texts.push(...result.errors.map((error) => error.message));
    }
  }
  for (const hasPartner of [false, true]) {
    const field = applicantNeedsField(hasPartner);
    texts.push(...fieldTexts(field));
    for (const form of formsFor([field])) {
      const result = promptsFor(TODAY).household.answer(form);
      if (!result.ok) texts.push(...result.errors.map((error) => error.message));
    }
  }
  const kinds = memberKindPrompt();
  texts.push(kinds.question, ...kinds.fields.flatMap(fieldTexts));
  const full = Array.from({ length: 20 }, (_, index) => ({
    ...member('child', '2015-01-01'),
    memberId: `m${index}`,
  }));
  for (const [form, household] of [
    [{}, []],
    [{ kind: 'partner' }, [member('partner', '1990-01-01')]],
    [{ kind: 'child' }, full],
  ] as const) {
    const result = kinds.answer(form, household);
    if (!result.ok) texts.push(...result.errors.map((error) => error.message));
  }
  for (const kind of MemberKind.options) {
    const prompt = memberPrompt(TODAY, kind);
    texts.push(prompt.question, ...prompt.fields.flatMap(fieldTexts));
    for (const form of formsFor(prompt.fields)) {
      const result = prompt.answer(form, 'Morgan');
      if (!result.ok) texts.push(...result.errors.map((error) => error.message));
    }
  }
  for (const someone of [
    member('partner', '1990-01-01'),
    member('child', '2020-01-01'),
    member('child', '2008-01-01'),
    member('other-adult', '2007-01-01'),
  ]) {
    const prompt = memberNeedsPrompt(someone, TODAY);
    texts.push(prompt.question, ...prompt.fields.flatMap(fieldTexts));
    for (const form of formsFor(prompt.fields)) {
      const result = prompt.answer(form);
      if (!result.ok) texts.push(...result.errors.map((error) => error.message));
    }
  }
  return [...new Set(texts.filter((text) => text !== ''))];
}

const views = join(__dirname, '..', '..', '..', 'web', 'views');

/**
 * Every `"English" | t` and `t("English")` in the applicant's templates (the officer console is English only),
 * and each choice of a translated ternary: `("{count} bedroom" if n == 1 else "{count} bedrooms") | t`.
 */
export function templateKeys(): Array<{ file: string; key: string }> {
  const keys: Array<{ file: string; key: string }> = [];
  const marked = /"([^"]+)"\s*\)?\s*\|\s*t\b|'([^']+)'\s*\)?\s*\|\s*t\b|\bt\(\s*"([^"]+)"/g;
  for (const file of readdirSync(views).filter((name) => name.endsWith('.njk'))) {
    const source = readFileSync(join(views, file), 'utf8');
    for (const match of source.matchAll(marked))
      keys.push({ file, key: match[1] ?? match[2] ?? match[3] ?? '' });
    // Inside such a group, a text has a capital or a space; a value it is compared with ("changed") has neither.
    for (const group of translatedGroups(source))
      for (const match of group.matchAll(/"([^"]*)"/g))
        if (/[A-Z ]/.test(match[1] ?? '')) keys.push({ file, key: match[1] ?? '' });
  }
  return keys;
}

/** The parenthesised expressions a template translates whole, `( ... ) | t`, from the `(` to its `)`. */
function translatedGroups(source: string): string[] {
  const groups: string[] = [];
  for (const match of source.matchAll(/\)\s*\|\s*t\b/g)) {
    let depth = 0;
    for (let index = match.index; index >= 0; index -= 1) {
      if (source[index] === ')') depth += 1;
      if (source[index] === '(') depth -= 1;
      if (depth === 0) {
        groups.push(source.slice(index, match.index + 1));
        break;
      }
    }
  }
  return groups;
}

const web = join(__dirname, '..', '..', '..', 'web');

/** The applicant's pages' code: the officer console's files (officer*.ts, stock.ts, shortlist.ts) stay English. */
export const APPLICANT_PAGE_CODE = [
  'app.ts',
  'http.ts',
  'applicant.ts',
  'check-answers.ts',
  'changes.ts',
  'reviews.ts',
  'letters.ts',
  'adverts.ts',
  'task-list.ts',
  '../shared/domain/task-list.ts',
  'safety.ts',
];

/**
 * The texts the applicant's page code hands a template to show: titles, messages, link texts and error messages
 * written as string literals (`title: '...'`, `message: '...'`, `new WebError(404, '...')`, a ternary's
 * choices for one of them). Texts built from values are the catalogue's patterns, tested on their own.
 */
export function pageCodeTexts(files = APPLICANT_PAGE_CODE): Array<{ file: string; key: string }> {
  const literal = String.raw`'((?:[^'\\\n]|\\.)*)'`;
  const keyed = new RegExp(
    String.raw`\b(?:title|message|text|link|nextText|button|waitingText|outcomeText|titleText)\s*:\s*(?:[^,{}\n]*?\?\s*)?${literal}(?:\s*:\s*${literal})?`,
    'g',
  );
  const thrown = new RegExp(
    String.raw`(?:WebError\(\d+,|refuse\(|problem\(\d+,)\s*${literal}(?:,\s*${literal})?`,
    'g',
  );
  const keys: Array<{ file: string; key: string }> = [];
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(join(web, file), 'utf8');
    } catch {
      continue;
    }
    for (const pattern of [keyed, thrown])
      for (const match of source.matchAll(pattern))
        for (const key of match.slice(1)) if (key) keys.push({ file, key: key.replace(/\\'/g, "'") });
  }
  return keys;
}

/**
 * What the status page can say happens next: every kind of wait, for each of the people it can wait for, on time
 * and late, and each status with nothing waiting; and the wait estimate's ranges, short and long.
 */
export function statusPageTexts(): string[] {
  const policy = policyFor('riverside-council');
  const now = '2026-11-29T10:00:00.000Z';
  const texts: string[] = [];
  const kinds: Array<OpenWait['kind']> = [
    'answers',
    'review',
    'attention',
    'approval',
    'response',
    'signature',
  ];
  for (const kind of kinds)
    for (const waitingFor of [WaitingFor.Applicant, WaitingFor.Officer, WaitingFor.SeniorOfficer])
      for (const stage of [Stage.Eligibility, Stage.Documents])
        for (const deadline of ['2027-02-27T10:00:00.000Z', '2026-11-01T10:00:00.000Z']) {
          const next = nextStep({
            status: 'waiting',
            stage,
            waits: [{ kind, waitingFor, stage, deadline }],
            policy,
            now,
          });
          texts.push(next.who, next.what, next.when ?? '');
        }
  for (const status of ['closed', 'let', 'registered', 'in-progress'] as const) {
    const next = nextStep({ status, stage: Stage.Registered, waits: [], policy, now });
    texts.push(next.who, next.what, next.when ?? '');
  }
  // A review the household asked for: due later, overdue, or with no day set.
  for (const openReview of [{ dueBy: '2027-01-24' }, { dueBy: '2026-11-01' }, {}]) {
    const next = nextStep({
      status: 'registered',
      stage: Stage.Registered,
      waits: [],
      policy,
      now,
      openReview,
    });
    texts.push(next.who, next.what, next.when ?? '');
  }
  for (const [fromMonths, toMonths] of [
    [0, 1],
    [0, 5],
    [0, 30],
    [3, 3],
    [1, 1],
    [30, 30],
    [4, 9],
    [1, 30],
    [12, 30],
    [26, 40],
  ] as const) {
    texts.push(estimateRangeText({ kind: 'estimate', lets: 12, windowDays: 365, fromMonths, toMonths }));
  }
  return [...new Set(texts.filter((text) => text !== ''))];
}
