import type { Application, HouseholdMember } from './application.js';
import {
  applicantNeedsField,
  type FormAnswers,
  MAX_HOUSEHOLD,
  type MemberKind,
  memberKindPrompt,
  memberNeedsPrompt,
  memberPrompt,
  type Prompt,
  type PromptField,
  type PromptId,
} from './conversation.js';

/**
 * The conversation by text message (issue 9): the same prompts as the web (domain/conversation.ts), rendered as
 * short texts and read back from replies. Pure: no I/O.
 *
 * A prompt with several fields (income: earnings, benefits, savings, help with rent) is asked one field per
 * text, not parsed from one long reply: a reply to one short question is hard to get wrong, and a mistake is
 * answered about that field alone, with the prompt's own validation message, keeping the fields already given.
 * A field is asked only while its answer can still change what the prompt records: someone with nowhere to live
 * is not asked for an address, someone without a share code not asked for it.
 */

/** Prompts that cannot be answered by text (a photo): answered with a link to the web page. */
export const WEB_ONLY_PROMPTS: ReadonlySet<PromptId> = new Set(['identity-document']);

/**
 * The reply that sends the answers, once every question is answered: in English or Welsh, whichever the
 * applicant types. The declaration is in the text that asks for it, as it is beside the web page's button.
 */
export const SEND_WORDS = new Set(['SEND', 'ANFON']);

/**
 * Where someone is in adding the people who will live with them by text (the household prompt): asked whether
 * anyone (else) will, then who they are, their details, and the needs that can apply to them, then asked again.
 */
export type MemberStep =
  | { step: 'more' }
  | { step: 'kind' }
  | { step: 'details'; kind: MemberKind }
  | { step: 'needs'; memberId: string };

/** Where an applicant is in a prompt asked by text: the field asked now, and the fields answered so far. */
export interface TextState {
  prompt: PromptId;
  field: number;
  form: Record<string, string | string[]>;
  /** In the household prompt, while people are being added: the step of that. */
  member?: MemberStep | undefined;
}

/** What a reply is checked against: a prompt's `answer`, or a household step's, in the same shape. */
export interface Answerable {
  answer(
    form: FormAnswers,
  ): { ok: true; effect: unknown } | { ok: false; errors: Array<{ field: string; message: string }> };
}

/** A household step asked by text: its question, its fields, and how a reply to them is checked. */
export interface HouseholdStep {
  question: string;
  fields: readonly PromptField[];
  check: Answerable;
}

/** The question before anyone is added: whether anyone (else) will live with the applicant. */
export function householdMoreField(household: readonly HouseholdMember[]): PromptField {
  const others = household.filter((member) => member.relationship !== 'applicant');
  return {
    kind: 'radios',
    name: 'more',
    label: others.length > 0 ? 'Will anyone else live with you?' : 'Will anyone live with you?',
    ...(others.length > 0
      ? { hint: `You have added ${others.map((member) => member.firstName).join(', ')}.` }
      : {}),
    options: [
      { value: 'add', text: 'Yes, add someone' },
      { value: 'done', text: others.length > 0 ? 'No, that is everyone' : 'No, just me' },
    ],
  };
}

export const SELECT_MORE = 'Select whether anyone else will live with you';

/**
 * The household steps by text, from the same prompts as the web's household pages (memberKindPrompt,
 * memberPrompt, memberNeedsPrompt): the same fields, the same checks and the same messages.
 */
export function householdStep(step: MemberStep, application: Application, today: string): HouseholdStep {
  const household = application.profile.household;
  switch (step.step) {
    case 'more': {
      const field = householdMoreField(household);
      return {
        question: field.label,
        fields: [field],
        check: {
          answer: (form) => {
            if (form.more !== 'add' && form.more !== 'done')
              return { ok: false, errors: [{ field: 'more', message: SELECT_MORE }] };
            // A full household can add no one: said here, not after who and their details are asked.
            if (form.more === 'add' && household.length >= MAX_HOUSEHOLD) {
              return {
                ok: false,
                errors: [{ field: 'more', message: `A household can have at most ${MAX_HOUSEHOLD} people` }],
              };
            }
            return { ok: true, effect: form.more };
          },
        },
      };
    }
    case 'kind': {
      const prompt = memberKindPrompt();
      return {
        question: prompt.question,
        fields: prompt.fields,
        check: {
          answer: (form) => {
            const result = prompt.answer(form, household);
            return result.ok ? { ok: true, effect: result.kind } : result;
          },
        },
      };
    }
    case 'details': {
      const prompt = memberPrompt(today, step.kind);
      const familyName = household.find((member) => member.relationship === 'applicant')?.lastName;
      return {
        question: prompt.question,
        fields: prompt.fields,
        check: {
          answer: (form) => {
            const result = prompt.answer(form, familyName);
            return result.ok ? { ok: true, effect: result.member } : result;
          },
        },
      };
    }
    case 'needs': {
      const member = household.find((candidate) => candidate.memberId === step.memberId);
      if (!member) throw new Error(`No member ${step.memberId} in the household`);
      const prompt = memberNeedsPrompt(member, today);
      return {
        question: prompt.question,
        fields: prompt.fields,
        check: {
          answer: (form) => {
            const result = prompt.answer(form);
            return result.ok ? { ok: true, effect: result.member } : result;
          },
        },
      };
    }
  }
}

/** Words a reply can be instead of an answer. */
export const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
export const START_WORDS = new Set(['START', 'UNSTOP', 'YES']);
export const SKIP_WORD = 'SKIP';

/** A reply as a keyword: upper case, without spaces or a full stop people add. */
export const keywordOf = (reply: string) =>
  reply
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();

/**
 * A UK mobile number as E.164 (`+447700900982`), from how people type it ("07700 900982", "+44 7700 900982",
 * "(0)7700-900-982"), or undefined when it is not a UK mobile: Doorstep texts only UK mobiles.
 */
export function ukMobile(typed: string): string | undefined {
  const digits = typed.replace(/[\s()-]/g, '');
  const national = /^(?:\+44|0044|44)0?(7\d{9})$/.exec(digits)?.[1] ?? /^0(7\d{9})$/.exec(digits)?.[1];
  return national ? `+44${national}` : undefined;
}

/** A number shown back to its owner, partly hidden ("07700 ••• 982"): enough to recognise, not to copy. */
export const maskedMobile = (e164: string) => `0${e164.slice(3, 7)} ••• ${e164.slice(-3)}`;

/**
 * The fields a prompt asks by text. The household page's one question is the applicant's own needs (the web
 * page lists the household around it); it is asked once the people who will live with the applicant are added,
 * by text as on the web ({@link householdStep}).
 */
export function textFields(prompt: Prompt, application: Application): readonly PromptField[] {
  if (prompt.id === 'household') {
    return [
      applicantNeedsField(application.profile.household.some((member) => member.relationship === 'partner')),
    ];
  }
  return prompt.fields;
}

/** Text messages are cheapest and best shown in the GSM alphabet: curly quotes and dashes become plain ones. */
export const plainText = (text: string) =>
  text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...');

/**
 * Puts an English text in the applicant's language (shared/i18n's `translate`, given by the service, so this
 * module stays free of the catalogue): English stays English, and a text the catalogue lacks stays English.
 */
export type Translate = (english: string) => string;
const inEnglish: Translate = (english) => english;

/** What to reply, for each kind of field. */
function howToReply(field: PromptField, t: Translate): string[] {
  switch (field.kind) {
    case 'radios':
      return [
        t('Reply with the number of your answer:'),
        ...field.options.map((option, index) => `${index + 1} ${t(option.text)}`),
      ];
    case 'checkboxes': {
      const hasNone = field.options.some((option) => option.exclusive);
      return [
        t('Reply with the numbers of all that apply, like 1 3:'),
        ...field.options.map((option, index) => `${index + 1} ${t(option.text)}`),
        ...(hasNone ? [] : [t('Reply 0 if none of these apply.')]),
      ];
    }
    case 'date':
      return [t('Reply with the day, month and year, like 27 3 1990.')];
    case 'money':
      return [t('Reply in pounds, like 1250 or 1250.50. Reply 0 if there is none.')];
    case 'whole-number':
      return [t('Reply with a number.')];
    default:
      return 'optional' in field && field.optional ? [t(`Reply ${SKIP_WORD} to leave it out.`)] : [];
  }
}

/**
 * A field as a text: the prompt's question (with "1 of 3" when it has several fields), the field's label and
 * hint, and how to reply; a validation message first when the last reply was not right.
 */
export function renderField(
  prompt: Pick<Prompt, 'question'>,
  fields: readonly PromptField[],
  index: number,
  error?: string,
  t: Translate = inEnglish,
): string {
  const field = fields[index];
  if (!field) throw new Error(`No field ${index} in this prompt`);
  const several = fields.length > 1;
  const heading = several
    ? `${t(prompt.question)} ${t(`(${index + 1} of ${fields.length})`)}`
    : t(prompt.question);
  const label = several || field.label !== prompt.question ? [t(field.label)] : [];
  const lines = [
    ...(error ? [`${t(error)}.`.replace(/([.?!])\.$/, '$1')] : []),
    heading,
    ...label,
    ...(field.hint ? [t(field.hint)] : []),
    ...howToReply(field, t),
  ];
  return plainText(lines.join('\n'));
}

/** A prompt answered on the web: what it is, and the link to its page. */
export function renderWebOnly(
  prompt: Pick<Prompt, 'question' | 'hint'>,
  link: string,
  t: Translate = inEnglish,
): string {
  return plainText(
    [
      t(prompt.question),
      ...(prompt.hint ? [t(prompt.hint)] : []),
      t(`You cannot do this by text. Go to ${link}`),
    ].join('\n'),
  );
}

/**
 * The last step by text: every question is answered, so the answers can be sent, with the declaration the web
 * page shows beside its button, and the link to check them first on the web (too long to text back in full).
 */
export function renderSendAnswers(link: string, t: Translate = inEnglish): string {
  return plainText(
    [
      t('You have answered every question.'),
      t(`Check your answers at ${link}`),
      t(
        'By sending them you confirm they are true, as far as you know. We decide straight away whether you can join the housing register, and tell you why.',
      ),
      t('Reply SEND to send your answers.'),
    ].join('\n'),
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** A month typed as a word ("March", "mar") as its number; anything else as typed. */
const monthOf = (part: string) => {
  const index = MONTHS.indexOf(part.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index >= 0 && /^[a-z]+$/i.test(part) ? String(index + 1) : part;
};

/** How a reply that is not numbers of options is answered. */
export const NOT_OPTION_NUMBERS = 'Reply with the numbers of the options that apply, like 1 3';
export const NOT_A_DATE = 'Reply with the day, month and year, like 27 3 1990';

/**
 * Reads a reply to one field into the form the prompt's `answer` reads (as the web form sends it). Only what
 * a text cannot say in a form's shape is refused here; every other mistake is left to the prompt's own
 * validation, so text and web answer it with the same message.
 */
export function readReply(
  field: PromptField,
  reply: string,
): { ok: true; answers: Record<string, string | string[]> } | { ok: false; message: string } {
  const typed = reply.trim();
  switch (field.kind) {
    case 'radios': {
      const byNumber = /^\d+$/.test(typed) ? field.options[Number(typed) - 1] : undefined;
      const byWords = field.options.find(
        (option) =>
          option.text.toLowerCase() === typed.toLowerCase() ||
          option.value.toLowerCase() === typed.toLowerCase(),
      );
      // Not one of them: the prompt says what to select ("Select your sex").
      return { ok: true, answers: { [field.name]: (byNumber ?? byWords)?.value ?? '' } };
    }
    case 'checkboxes': {
      const parts = typed.split(/[\s,&]+|\band\b/i).filter(Boolean);
      const hasNone = field.options.some((option) => option.exclusive);
      if (!hasNone && parts.length === 1 && parts[0] === '0')
        return { ok: true, answers: { [field.name]: [] } };
      const chosen = parts.map((part) => (/^\d+$/.test(part) ? field.options[Number(part) - 1] : undefined));
      if (parts.length === 0 || chosen.some((option) => option === undefined)) {
        return { ok: false, message: NOT_OPTION_NUMBERS };
      }
      return {
        ok: true,
        answers: { [field.name]: [...new Set(chosen.map((option) => option?.value ?? ''))] },
      };
    }
    case 'date': {
      const parts = typed.split(/[\s/.,-]+/).filter(Boolean);
      if (parts.length > 3) return { ok: false, message: NOT_A_DATE };
      const [day = '', month = '', year = ''] = parts;
      return {
        ok: true,
        answers: {
          [`${field.name}-day`]: day,
          [`${field.name}-month`]: monthOf(month),
          [`${field.name}-year`]: year,
        },
      };
    }
    default:
      return { ok: true, answers: { [field.name]: keywordOf(typed) === SKIP_WORD ? '' : typed } };
  }
}

/** The form names a field fills (a date fills three). */
const namesOf = (field: PromptField) =>
  field.kind === 'date' ? ['day', 'month', 'year'].map((part) => `${field.name}-${part}`) : [field.name];

/** An answer a field could be given, to find out whether its answer matters (see {@link nextStep}). */
function someAnswer(field: PromptField): Record<string, string | string[]> {
  switch (field.kind) {
    case 'radios':
      return { [field.name]: field.options[0]?.value ?? '' };
    case 'checkboxes':
      return {
        [field.name]: field.options.filter((option) => !option.exclusive).map((option) => option.value),
      };
    case 'date':
      return { [`${field.name}-day`]: '1', [`${field.name}-month`]: '1', [`${field.name}-year`]: '2000' };
    case 'money':
    case 'whole-number':
      return { [field.name]: '1' };
    case 'email':
      return { [field.name]: 'someone@example.com' };
    case 'tel':
      return { [field.name]: '07700 900982' };
    case 'postcode':
      return { [field.name]: 'RV1 4AB' };
    default:
      return { [field.name]: 'Something' };
  }
}

/** What happens after a reply to a field: ask a field (again, with why), or the prompt is answered. */
export type TextStep =
  | { kind: 'ask'; state: TextState; error?: string }
  | { kind: 'answered'; form: FormAnswers };

/**
 * Takes a reply to the field asked now. A reply that is not right is asked again with the message the web
 * shows; a right one is kept and the next field that still matters is asked; when none is left, the prompt is
 * answered with every field given. The fields answered before are always kept.
 */
export function nextStep(
  prompt: Answerable,
  fields: readonly PromptField[],
  state: TextState,
  reply: string,
): TextStep {
  const field = fields[state.field];
  if (!field) return { kind: 'answered', form: state.form };
  const read = readReply(field, reply);
  if (!read.ok) return { kind: 'ask', state, error: read.message };
  const form = { ...state.form, ...read.answers };

  // A mistake in a field given so far is answered now, about that field, with the prompt's own message.
  const given = new Set(fields.slice(0, state.field + 1).map((candidate) => candidate.name));
  const result = prompt.answer(form);
  const mistake = result.ok ? undefined : result.errors.find((error) => given.has(error.field));
  if (mistake) {
    const index = fields.findIndex((candidate) => candidate.name === mistake.field);
    const wrong = fields[index];
    const kept = Object.fromEntries(
      Object.entries(form).filter(([name]) => !wrong || !namesOf(wrong).includes(name)),
    );
    return { kind: 'ask', state: { prompt: state.prompt, field: index, form: kept }, error: mistake.message };
  }

  // The next field not yet given, if its answer (or any later one's) can still change what is recorded.
  const next = fields.findIndex(
    (candidate, index) => index > state.field && !namesOf(candidate).some((name) => name in form),
  );
  if (next >= 0 && stillMatters(prompt, fields.slice(next), form)) {
    return { kind: 'ask', state: { prompt: state.prompt, field: next, form } };
  }
  return { kind: 'answered', form };
}

/**
 * Whether the fields left can change what the prompt records: answered left empty and answered with something,
 * the prompt records the same thing only when it ignores them (no address for someone with nowhere to live).
 */
function stillMatters(prompt: Answerable, left: readonly PromptField[], form: FormAnswers): boolean {
  const empty = prompt.answer(form);
  const filled = prompt.answer({ ...form, ...Object.assign({}, ...left.map(someAnswer)) });
  if (!empty.ok || !filled.ok) return true;
  return JSON.stringify(empty.effect) !== JSON.stringify(filled.effect);
}
