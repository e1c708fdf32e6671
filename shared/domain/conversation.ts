import * as z from 'zod';
import {
  type Application,
  type Circumstances,
  type DocumentRecord,
  HouseholdMember,
  ImmigrationStatus,
  Income,
  LocalConnection,
  type Profile,
  Tenure,
} from './application.js';
import { addDays, ageOn } from './dates.js';
import { BRP_REFUSAL, formatShareCode, ShareCode } from './immigration-evidence.js';
import { Stage } from './stage.js';

/**
 * The conversation's prompt model (issue 5; the conversation issue grows it into the full engine). From the
 * application alone it decides what to ask next, and each prompt says what it asks, how to validate the answer
 * and what the answer writes. Channels only render prompts: the web journey today, SMS later. Pure: no I/O.
 */

export const PromptId = z.enum([
  'name',
  'date-of-birth',
  'sex',
  'contact',
  'immigration-status',
  'immigration-evidence',
  'household',
  'local-connection',
  'income',
  'current-home',
  'owns-property',
  'former-arrears',
  'arrears-details',
  'behaviour',
  'homelessness-duty',
  'disrepair',
  'medical-need',
  'hardship-move',
  'foster-carer',
  'identity-document',
  'check-answers',
]);
export type PromptId = z.infer<typeof PromptId>;

/** One field of a prompt, as a channel renders it. Dates come as `<name>-day`, `<name>-month`, `<name>-year`. */
export type PromptField =
  | {
      kind: 'text' | 'email' | 'tel' | 'postcode';
      name: string;
      label: string;
      hint?: string;
      autocomplete?: string;
      optional?: boolean;
    }
  | { kind: 'date'; name: string; label: string; hint: string }
  | { kind: 'whole-number' | 'money'; name: string; label: string; hint?: string }
  | {
      kind: 'radios' | 'checkboxes';
      name: string;
      label: string;
      hint?: string;
      /** An `exclusive` option ("None of these") unticks the others where JavaScript runs; the server checks too. */
      options: ReadonlyArray<{ value: string; text: string; hint?: string; exclusive?: boolean }>;
    };

/** A form as a channel sends it: field name to value (checkboxes send several). */
export type FormAnswers = Record<string, string | string[] | undefined>;

/** What an answer writes: a profile section, the applicant's own details, or just "asked and answered". */
export type AnswerEffect =
  | {
      kind: 'section';
      section:
        | 'immigrationStatus'
        | 'immigrationEvidence'
        | 'localConnection'
        | 'income'
        | 'currentHome'
        | 'contact';
      value: unknown;
    }
  | { kind: 'about-you'; value: Partial<AboutYou> }
  | {
      /**
       * Part of the circumstances section. A follow-up question an answer makes unnecessary is `settled` (marked
       * answered), and one it makes necessary is `reopened` (asked next, even if answered before).
       */
      kind: 'circumstances';
      value: Partial<Circumstances>;
      settles?: PromptId[];
      reopens?: PromptId[];
    }
  | {
      kind: 'applicant-needs';
      value: Pick<HouseholdMember, 'needsOwnRoomForDisability' | 'needsOvernightCarer'>;
    }
  | { kind: 'answered' };

export type AnswerResult =
  | { ok: true; effect: AnswerEffect }
  | { ok: false; errors: Array<{ field: string; message: string }> };

export interface Prompt {
  id: PromptId;
  /** The question, which is also the page's heading. */
  question: string;
  hint?: string;
  fields: readonly PromptField[];
  /** The answer already given, to prefill (data entered once: changing an answer starts from it). */
  current(application: Application): FormAnswers;
  answer(form: FormAnswers): AnswerResult;
}

const AboutYou = HouseholdMember.pick({ firstName: true, lastName: true, dateOfBirth: true, sex: true });
type AboutYou = z.infer<typeof AboutYou>;

const applicantMember = (profile: Profile) =>
  profile.household.find((member) => member.relationship === 'applicant');

const text = (form: FormAnswers, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};
const list = (form: FormAnswers, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value : value ? [value] : []).filter((item) => item !== '');
};

/**
 * Turns a schema's failure into field errors a page shows beside each field (GOV.UK error messages): one
 * message per field, its first problem (an empty postcode is not also "not a full postcode"), in the order the
 * fields are on the page, as the error summary must list them.
 */
function fieldErrors(error: z.ZodError, pageOrder: readonly string[]) {
  const first = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!first.has(field)) first.set(field, issue.message);
  }
  const rank = (field: string) => {
    const index = pageOrder.indexOf(field);
    return index === -1 ? pageOrder.length : index;
  };
  return [...first].sort(([a], [b]) => rank(a) - rank(b)).map(([field, message]) => ({ field, message }));
}

const capitalised = (what: string) => `${what[0]?.toUpperCase()}${what.slice(1)}`;

/** Reads a GOV.UK date input (day, month, year) into a real ISO date, or the message to show. */
function readRealDate(form: FormAnswers, name: string, what: string): string | { message: string } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `${name}-${part}`));
  if (!day && !month && !year) return { message: `Enter ${what}` };
  if (!day || !month || !year) {
    const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean).join(' and ');
    return { message: `${capitalised(what)} must include a ${missing}` };
  }
  if (![day, month, year].every((part) => /^\d+$/.test(part)) || year.length !== 4) {
    return { message: `${capitalised(what)} must be a real date, like 27 3 1990` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return { message: `${capitalised(what)} must be a real date` };
  }
  return iso;
}

/**
 * Reads a GOV.UK date input (day, month, year) into an ISO date, or the message to show. A real date, in the
 * past, no more than 120 years ago.
 */
export function readDate(
  form: FormAnswers,
  name: string,
  what: string,
  today: string,
): string | { message: string } {
  const iso = readRealDate(form, name, what);
  if (typeof iso !== 'string') return iso;
  if (iso > today) return { message: `${capitalised(what)} must be in the past` };
  if (Number(iso.slice(0, 4)) < Number(today.slice(0, 4)) - 120) {
    return { message: `${capitalised(what)} must be after ${Number(today.slice(0, 4)) - 120}` };
  }
  return iso;
}

/** The longest a pregnancy runs from today: 42 weeks. A due date further ahead is surely a mistake. */
const LONGEST_PREGNANCY_DAYS = 42 * 7;

/** Reads the date a baby is due: a real date, from today to 42 weeks ahead. */
export function readDueDate(form: FormAnswers, name: string, today: string): string | { message: string } {
  const iso = readRealDate(form, name, 'the date the baby is due');
  if (typeof iso !== 'string') return iso;
  if (iso < today) {
    return {
      message:
        'The date the baby is due must be today or in the future: if the baby is born, add them as your child',
    };
  }
  if (iso > addDays(today, LONGEST_PREGNANCY_DAYS)) {
    return { message: 'The date the baby is due must be within the next 42 weeks' };
  }
  return iso;
}

/** A ceiling for an amount, past which it is surely a mistake (a misplaced decimal point), in pence and in words. */
export interface MoneyCeiling {
  pence: number;
  text: string;
}
/** £1,000,000 a month: far above any household a social landlord houses, far below where arithmetic misbehaves. */
export const MONTHLY_CEILING: MoneyCeiling = { pence: 100_000_000, text: '£1,000,000 a month' };
export const SAVINGS_CEILING: MoneyCeiling = { pence: 1_000_000_000, text: '£10,000,000' };
export const ARREARS_CEILING: MoneyCeiling = { pence: 100_000_000, text: '£1,000,000' };

/** Reads pounds and pence as typed ("1,250.50", "£300") into pence, or the message to show. */
export function readMoney(
  form: FormAnswers,
  name: string,
  what: string,
  ceiling: MoneyCeiling = MONTHLY_CEILING,
): number | { message: string } {
  const raw = text(form, name).replace(/[£,\s]/g, '');
  if (raw === '') return { message: `Enter ${what}, or 0 if there is none` };
  if (!/^\d+(\.\d{1,2})?$/.test(raw)) return { message: `Enter ${what} in pounds, like 1250 or 1250.50` };
  const pence = Math.round(Number(raw) * 100);
  if (!(pence <= ceiling.pence)) return { message: `${capitalised(what)} must be ${ceiling.text} or less` };
  return pence;
}

const dateParts = (iso: string | undefined, name: string): FormAnswers => {
  if (!iso) return {};
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
};
const pounds = (pence: number | undefined) =>
  pence === undefined ? undefined : (pence / 100).toFixed(2).replace(/\.00$/, '');

export const IMMIGRATION_OPTIONS: ReadonlyArray<{ value: ImmigrationStatus; text: string; hint?: string }> = [
  { value: 'british-or-irish', text: 'British or Irish citizen' },
  { value: 'eu-settled-status', text: 'EU Settlement Scheme: settled status' },
  { value: 'eu-pre-settled-status', text: 'EU Settlement Scheme: pre-settled status' },
  { value: 'indefinite-leave', text: 'Indefinite leave to remain' },
  { value: 'refugee-or-humanitarian-protection', text: 'Refugee status or humanitarian protection' },
  {
    value: 'limited-leave',
    text: 'Another kind of permission with a time limit',
    hint: 'For example, a work or study visa',
  },
  { value: 'no-current-permission', text: 'No permission to stay at the moment' },
  { value: 'not-sure', text: 'I am not sure', hint: 'An officer will help you work it out' },
];

/** How someone who is not British or Irish can show their status; a BRP is an option only to say why not. */
export const IMMIGRATION_EVIDENCE_OPTIONS: ReadonlyArray<{
  value: 'share-code' | 'brp' | 'none';
  text: string;
  hint?: string;
}> = [
  {
    value: 'share-code',
    text: 'A share code from the Home Office’s ‘view and prove your immigration status’ service',
    hint: 'Get one on GOV.UK: search for ‘prove your immigration status’',
  },
  { value: 'brp', text: 'A biometric residence permit (BRP)' },
  { value: 'none', text: 'I do not have a share code', hint: 'An officer will help you get one' },
];

export const TENURE_OPTIONS: ReadonlyArray<{ value: z.infer<typeof Tenure>; text: string }> = [
  { value: 'private-rent', text: 'I rent from a private landlord' },
  { value: 'social-rent', text: 'I rent from a council or housing association' },
  { value: 'living-with-family', text: 'I live with family or friends' },
  { value: 'owner', text: 'I own my home' },
  { value: 'temporary-accommodation', text: 'I am in temporary accommodation' },
  { value: 'no-home', text: 'I have nowhere to live' },
];

const CONNECTION_OPTIONS = [
  { value: 'armedForces', text: 'I serve, or have served, in the armed forces' },
  { value: 'fleeingDomesticAbuse', text: 'I am leaving my home because of domestic abuse' },
  { value: 'careLeaver', text: 'I grew up in care' },
  { value: 'rightToMove', text: 'I need to move here for work (Right to Move)' },
] as const;

/** Links to the area that meet some councils' residence rule instead of years lived there. */
const LINK_OPTIONS = [
  { value: 'worksInArea', text: 'I work in the area' },
  {
    value: 'closeFamilyInArea',
    text: 'A close relative has lived here for 5 years or more',
    hint: 'Your parent, adult child, brother or sister',
  },
] as const;

export const HOUSING_SUPPORT_OPTIONS: ReadonlyArray<{
  value: NonNullable<Income['housingSupport']>;
  text: string;
  hint?: string;
}> = [
  { value: 'universal-credit', text: 'Yes, the housing part of Universal Credit' },
  {
    value: 'housing-benefit',
    text: 'Yes, Housing Benefit',
    hint: 'Most people who get it have reached State Pension age',
  },
  { value: 'none', text: 'No' },
];

export const HOMELESSNESS_DUTY_OPTIONS: ReadonlyArray<{
  value: Circumstances['homelessnessDuty'];
  text: string;
  hint: string;
}> = [
  {
    value: 'prevention',
    text: 'Yes, to help stop me becoming homeless',
    hint: 'You are likely to lose your home in the next 8 weeks, and the council is helping you keep it or find another',
  },
  {
    value: 'relief',
    text: 'Yes, to help me find somewhere to live',
    hint: 'You are homeless now, and the council is helping you find a home',
  },
  {
    value: 'main',
    text: 'Yes, to house me',
    hint: 'The council has decided it must find you a home: you may be in temporary accommodation while you wait',
  },
  {
    value: 'none',
    text: 'No, or I do not know',
    hint: 'If you are not sure, choose this: an officer checks with the council’s homelessness team',
  },
];

export const MEDICAL_NEED_OPTIONS: ReadonlyArray<{
  value: Circumstances['medicalNeed'];
  text: string;
  hint?: string;
}> = [
  {
    value: 'moderate',
    text: 'Yes, our home makes a health condition or disability harder to live with',
    hint: 'For example, the stairs are hard to manage, or there is no room for equipment',
  },
  {
    value: 'urgent',
    text: 'Yes, and it is urgent',
    hint: 'Our home puts someone’s life or health at serious risk, or someone cannot leave hospital until we move',
  },
  { value: 'none', text: 'No' },
];

const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

/** The questions about the household's circumstances: each answers part of one profile section. */
export const CIRCUMSTANCE_PROMPTS = [
  'owns-property',
  'former-arrears',
  'arrears-details',
  'behaviour',
  'homelessness-duty',
  'disrepair',
  'medical-need',
  'hardship-move',
  'foster-carer',
] as const satisfies readonly PromptId[];
type CircumstancePrompt = (typeof CIRCUMSTANCE_PROMPTS)[number];
const isCircumstancePrompt = (prompt: PromptId): prompt is CircumstancePrompt =>
  (CIRCUMSTANCE_PROMPTS as readonly PromptId[]).includes(prompt);

type YesNoCircumstance =
  | 'ownsProperty'
  | 'unacceptableBehaviour'
  | 'disrepair'
  | 'hardshipMove'
  | 'fosterCarer';

/** A yes-or-no question about the household's circumstances, its radios the page's heading. */
function yesNoQuestion(input: {
  id: CircumstancePrompt;
  name: YesNoCircumstance;
  question: string;
  hint: string;
  error: string;
}): Prompt {
  return {
    id: input.id,
    question: input.question,
    fields: [{ kind: 'radios', name: input.name, label: input.question, hint: input.hint, options: YES_NO }],
    // Unanswered, the section's default (no) is not the applicant's answer: nothing is ticked.
    current: (application) => ({
      [input.name]: isAnswered(application, input.id)
        ? application.profile.circumstances?.[input.name]
          ? 'yes'
          : 'no'
        : undefined,
    }),
    answer: (form) => {
      const answer = text(form, input.name);
      if (answer !== 'yes' && answer !== 'no') {
        return { ok: false, errors: [{ field: input.name, message: input.error }] };
      }
      const value: Partial<Circumstances> = {};
      value[input.name] = answer === 'yes';
      return { ok: true, effect: { kind: 'circumstances', value } };
    },
  };
}

/** A circumstances question answered by one of several choices (homelessness duty, medical need). */
function choiceQuestion<Name extends 'homelessnessDuty' | 'medicalNeed'>(input: {
  id: CircumstancePrompt;
  name: Name;
  question: string;
  hint: string;
  options: ReadonlyArray<{ value: NonNullable<Circumstances[Name]>; text: string; hint?: string }>;
  error: string;
}): Prompt {
  return {
    id: input.id,
    question: input.question,
    fields: [
      { kind: 'radios', name: input.name, label: input.question, hint: input.hint, options: input.options },
    ],
    // Unanswered, the section's default is not the applicant's answer: nothing is ticked.
    current: (application) => ({
      [input.name]: isAnswered(application, input.id)
        ? application.profile.circumstances?.[input.name]
        : undefined,
    }),
    answer: (form) => {
      const chosen = choiceOf(form, input.name, input.options);
      if (!chosen) return { ok: false, errors: [{ field: input.name, message: input.error }] };
      const value: Partial<Circumstances> = { [input.name]: chosen };
      return { ok: true, effect: { kind: 'circumstances', value } };
    },
  };
}

/** The option of a set of radios that was chosen, if it is one of them. */
function choiceOf<T extends string>(form: FormAnswers, name: string, options: ReadonlyArray<{ value: T }>) {
  const answer = text(form, name);
  return options.find((option) => option.value === answer)?.value;
}

const personName = z.string().trim();

export function promptsFor(today: string): Record<PromptId, Prompt> {
  return {
    name: {
      id: 'name',
      question: 'What is your name?',
      fields: [
        { kind: 'text', name: 'firstName', label: 'First name', autocomplete: 'given-name' },
        { kind: 'text', name: 'lastName', label: 'Last name', autocomplete: 'family-name' },
      ],
      current: (application) => {
        const about = application.conversation?.aboutYou ?? applicantMember(application.profile);
        return { firstName: about?.firstName, lastName: about?.lastName };
      },
      answer: (form) => {
        const parsed = z
          .object({
            firstName: personName
              .min(1, 'Enter your first name')
              .max(100, 'First name must be 100 characters or fewer'),
            lastName: personName
              .min(1, 'Enter your last name')
              .max(100, 'Last name must be 100 characters or fewer'),
          })
          .safeParse({ firstName: text(form, 'firstName'), lastName: text(form, 'lastName') });
        return parsed.success
          ? { ok: true, effect: { kind: 'about-you', value: parsed.data } }
          : { ok: false, errors: fieldErrors(parsed.error, ['firstName', 'lastName']) };
      },
    },
    'date-of-birth': {
      id: 'date-of-birth',
      question: 'What is your date of birth?',
      fields: [
        {
          kind: 'date',
          name: 'dateOfBirth',
          label: 'What is your date of birth?',
          hint: 'For example, 27 3 1990',
        },
      ],
      current: (application) =>
        dateParts(
          (application.conversation?.aboutYou ?? applicantMember(application.profile))?.dateOfBirth,
          'dateOfBirth',
        ),
      answer: (form) => {
        const date = readDate(form, 'dateOfBirth', 'your date of birth', today);
        return typeof date === 'string'
          ? { ok: true, effect: { kind: 'about-you', value: { dateOfBirth: date } } }
          : { ok: false, errors: [{ field: 'dateOfBirth', message: date.message }] };
      },
    },
    sex: {
      id: 'sex',
      question: 'What is your sex?',
      hint: 'We use this only to work out how many bedrooms your household needs, under the bedroom rules.',
      fields: [
        {
          kind: 'radios',
          name: 'sex',
          label: 'What is your sex?',
          options: [
            { value: 'female', text: 'Female' },
            { value: 'male', text: 'Male' },
          ],
        },
      ],
      current: (application) => ({
        sex: (application.conversation?.aboutYou ?? applicantMember(application.profile))?.sex,
      }),
      answer: (form) => {
        const sex = z.enum(['female', 'male'], { error: 'Select your sex' }).safeParse(text(form, 'sex'));
        return sex.success
          ? { ok: true, effect: { kind: 'about-you', value: { sex: sex.data } } }
          : { ok: false, errors: [{ field: 'sex', message: 'Select your sex' }] };
      },
    },
    contact: {
      id: 'contact',
      question: 'How can we contact you?',
      hint: 'We send you updates about your application and any offer of a home.',
      fields: [
        { kind: 'email', name: 'email', label: 'Email address', autocomplete: 'email' },
        {
          kind: 'tel',
          name: 'phone',
          label: 'UK mobile or phone number (optional)',
          hint: 'For text messages about viewings and offers',
          autocomplete: 'tel',
          optional: true,
        },
      ],
      current: (application) => ({
        email: application.profile.contact?.email,
        phone: application.profile.contact?.phone,
      }),
      answer: (form) => {
        const parsed = z
          .object({
            email: z
              .string()
              .min(1, 'Enter your email address')
              .pipe(z.email('Enter an email address in the right format, like name@example.com').max(254)),
            phone: z
              .string()
              .regex(/^\+?[0-9 ]{10,16}$/, 'Enter a phone number, like 07700 900 982 or +44 7700 900 982')
              .optional(),
          })
          .safeParse({
            email: text(form, 'email'),
            ...(text(form, 'phone') ? { phone: text(form, 'phone') } : {}),
          });
        return parsed.success
          ? { ok: true, effect: { kind: 'section', section: 'contact', value: parsed.data } }
          : { ok: false, errors: fieldErrors(parsed.error, ['email', 'phone']) };
      },
    },
    'immigration-status': {
      id: 'immigration-status',
      question: 'What is your immigration status?',
      hint: 'This decides whether you can apply for a home (Housing Act 1996, section 160ZA in England, 160A in Wales).',
      fields: [
        {
          kind: 'radios',
          name: 'immigrationStatus',
          label: 'What is your immigration status?',
          options: IMMIGRATION_OPTIONS,
        },
      ],
      current: (application) => ({ immigrationStatus: application.profile.immigrationStatus }),
      answer: (form) => {
        const status = ImmigrationStatus.safeParse(text(form, 'immigrationStatus'));
        return status.success
          ? { ok: true, effect: { kind: 'section', section: 'immigrationStatus', value: status.data } }
          : {
              ok: false,
              errors: [{ field: 'immigrationStatus', message: 'Select your immigration status' }],
            };
      },
    },
    'immigration-evidence': {
      id: 'immigration-evidence',
      question: 'How can you prove your immigration status?',
      // Recorded for an officer, who checks it on the Home Office service: Doorstep never checks a share code.
      hint: 'An officer checks your share code on the Home Office’s service before your application is decided.',
      fields: [
        {
          kind: 'radios',
          name: 'evidence',
          label: 'What can you give us?',
          options: IMMIGRATION_EVIDENCE_OPTIONS,
        },
        {
          kind: 'text',
          name: 'shareCode',
          label: 'Share code',
          hint: 'If you have one: 9 letters and numbers, like W12 3AB C45',
          autocomplete: 'off',
          optional: true,
        },
        {
          kind: 'date',
          name: 'dateOfBirth',
          label: 'Your date of birth',
          hint: 'The service asks it with the share code. For example, 27 3 1990',
        },
      ],
      current: (application) => {
        const evidence = application.profile.immigrationEvidence;
        const born = (application.conversation?.aboutYou ?? applicantMember(application.profile))
          ?.dateOfBirth;
        return evidence?.kind === 'share-code'
          ? {
              evidence: 'share-code',
              shareCode: formatShareCode(evidence.shareCode),
              ...dateParts(evidence.dateOfBirth, 'dateOfBirth'),
            }
          : { evidence: evidence?.kind, ...dateParts(born, 'dateOfBirth') };
      },
      answer: (form) => {
        const evidence = choiceOf(form, 'evidence', IMMIGRATION_EVIDENCE_OPTIONS);
        if (evidence === undefined) {
          return {
            ok: false,
            errors: [{ field: 'evidence', message: 'Select how you can prove your immigration status' }],
          };
        }
        // BRPs ended with 2024 (replaced by eVisas): refused with the reason and what to give instead.
        if (evidence === 'brp') return { ok: false, errors: [{ field: 'evidence', message: BRP_REFUSAL }] };
        if (evidence === 'none') {
          return {
            ok: true,
            effect: { kind: 'section', section: 'immigrationEvidence', value: { kind: 'none' } },
          };
        }
        const errors: Array<{ field: string; message: string }> = [];
        const code = ShareCode.safeParse(text(form, 'shareCode'));
        if (!code.success) {
          errors.push({
            field: 'shareCode',
            message: code.error.issues[0]?.message ?? 'Enter your share code',
          });
        }
        const born = readDate(form, 'dateOfBirth', 'your date of birth', today);
        if (typeof born !== 'string') errors.push({ field: 'dateOfBirth', message: born.message });
        if (!code.success || typeof born !== 'string') return { ok: false, errors };
        return {
          ok: true,
          effect: {
            kind: 'section',
            section: 'immigrationEvidence',
            value: { kind: 'share-code', shareCode: code.data, dateOfBirth: born },
          },
        };
      },
    },
    household: {
      id: 'household',
      question: 'Who will live with you?',
      hint: 'Add everyone who will move in with you, including children and a baby you are expecting.',
      // The page lists the household; its one question is the applicant's own needs (applicantNeedsField).
      fields: [],
      current: (application) => {
        const you = applicantMember(application.profile);
        if (!you || !isAnswered(application, 'household')) return { needs: [] };
        const needs = NEED_NAMES.filter((need) => you[need] === true);
        return { needs: needs.length > 0 ? needs : ['none'] };
      },
      answer: (form) => {
        const needs = readNeeds(form, ['needsOvernightCarer', 'needsOwnRoomForDisability'], 'you');
        if (!needs.ok) return needs;
        return {
          ok: true,
          effect: {
            kind: 'applicant-needs',
            value: {
              needsOvernightCarer: needs.chosen.has('needsOvernightCarer'),
              needsOwnRoomForDisability: needs.chosen.has('needsOwnRoomForDisability'),
            },
          },
        };
      },
    },
    'local-connection': {
      id: 'local-connection',
      question: 'How long have you lived in the area?',
      fields: [
        {
          kind: 'whole-number',
          name: 'yearsInArea',
          label: 'How many whole years have you lived in the area?',
          hint: 'Enter 0 if you do not live here yet',
        },
        {
          kind: 'checkboxes',
          name: 'links',
          label: 'Do you have other links to the area?',
          hint: 'Select all that apply. Some councils count these instead of the years you have lived here.',
          options: LINK_OPTIONS,
        },
        {
          kind: 'checkboxes',
          name: 'exceptions',
          label: 'Do any of these apply to you?',
          hint: 'Select all that apply. The rules about how long you have lived here do not apply to these.',
          options: CONNECTION_OPTIONS,
        },
      ],
      current: (application) => {
        const connection = application.profile.localConnection;
        return {
          yearsInArea: connection ? String(connection.yearsInArea) : undefined,
          links: connection
            ? LINK_OPTIONS.map((option) => option.value).filter((name) => connection[name] === true)
            : [],
          exceptions: connection
            ? CONNECTION_OPTIONS.map((option) => option.value).filter((name) => connection[name])
            : [],
        };
      },
      answer: (form) => {
        const years = text(form, 'yearsInArea');
        const errors: Array<{ field: string; message: string }> = [];
        if (!/^\d{1,3}$/.test(years) || Number(years) > 120) {
          errors.push({
            field: 'yearsInArea',
            message:
              years === ''
                ? 'Enter how many years you have lived in the area'
                : 'Enter a whole number of years, like 3',
          });
        }
        // Each box counts only in its own group: a crafted form cannot tick an exception among the links.
        const links = new Set(list(form, 'links'));
        const exceptions = new Set(list(form, 'exceptions'));
        for (const [field, chosen, options] of [
          ['links', links, LINK_OPTIONS],
          ['exceptions', exceptions, CONNECTION_OPTIONS],
        ] as const) {
          if ([...chosen].some((value) => !options.some((option) => option.value === value)))
            errors.push({ field, message: 'Select only from the options shown' });
        }
        if (errors.length > 0) return { ok: false, errors };
        const value = LocalConnection.parse({
          yearsInArea: Number(years),
          ...Object.fromEntries(LINK_OPTIONS.map((option) => [option.value, links.has(option.value)])),
          ...Object.fromEntries(
            CONNECTION_OPTIONS.map((option) => [option.value, exceptions.has(option.value)]),
          ),
        });
        return { ok: true, effect: { kind: 'section', section: 'localConnection', value } };
      },
    },
    income: {
      id: 'income',
      question: 'What is your household’s income?',
      hint: 'Add up everyone who will live with you. Use amounts after tax, for a month.',
      fields: [
        { kind: 'money', name: 'monthlyEarnings', label: 'Earnings each month, after tax' },
        {
          kind: 'money',
          name: 'monthlyBenefits',
          label: 'Benefits and pensions each month',
          hint: 'Including Universal Credit, but not help with your rent',
        },
        { kind: 'money', name: 'savings', label: 'Savings and other money you have now' },
        {
          kind: 'radios',
          name: 'housingSupport',
          label: 'Do you get help with your rent, or would you claim it?',
          hint: 'We use this to work out whether a home is affordable for you.',
          options: HOUSING_SUPPORT_OPTIONS,
        },
      ],
      current: (application) => ({
        monthlyEarnings: pounds(application.profile.income?.monthlyEarnings),
        monthlyBenefits: pounds(application.profile.income?.monthlyBenefits),
        savings: pounds(application.profile.income?.savings),
        housingSupport: application.profile.income?.housingSupport,
      }),
      answer: (form) => {
        const read = {
          monthlyEarnings: readMoney(form, 'monthlyEarnings', 'your household’s earnings'),
          monthlyBenefits: readMoney(form, 'monthlyBenefits', 'your household’s benefits and pensions'),
          savings: readMoney(form, 'savings', 'your household’s savings', SAVINGS_CEILING),
        };
        const errors = Object.entries(read)
          .filter((entry): entry is [string, { message: string }] => typeof entry[1] !== 'number')
          .map(([field, problem]) => ({ field, message: problem.message }));
        const housingSupport = choiceOf(form, 'housingSupport', HOUSING_SUPPORT_OPTIONS);
        if (!housingSupport) {
          errors.push({ field: 'housingSupport', message: 'Select whether you get help with your rent' });
        }
        if (errors.length > 0) return { ok: false, errors };
        return {
          ok: true,
          effect: { kind: 'section', section: 'income', value: Income.parse({ ...read, housingSupport }) },
        };
      },
    },
    'current-home': {
      id: 'current-home',
      question: 'Where do you live now?',
      fields: [
        { kind: 'radios', name: 'tenure', label: 'How do you live there?', options: TENURE_OPTIONS },
        {
          kind: 'text',
          name: 'addressLine',
          label: 'Address',
          hint: 'House number or name, and street. Leave it empty if you have nowhere to live.',
          autocomplete: 'street-address',
        },
        { kind: 'postcode', name: 'postcode', label: 'Postcode', autocomplete: 'postal-code' },
        {
          kind: 'whole-number',
          name: 'bedrooms',
          label: 'How many bedrooms does it have?',
          hint: 'Enter 0 for a studio or if you have no home',
        },
      ],
      current: (application) => {
        const home = application.profile.currentHome;
        return {
          addressLine: home?.addressLine,
          postcode: home?.postcode,
          bedrooms: home ? String(home.bedrooms) : undefined,
          tenure: home?.tenure,
        };
      },
      answer: (form) => {
        const bedrooms = text(form, 'bedrooms');
        const tenure = Tenure.safeParse(text(form, 'tenure'));
        // Nowhere to live: no address, no postcode and no bedrooms to ask for (found in review: a homeless
        // applicant had to invent an address, and their letters would have gone to it).
        const homeless = tenure.success && tenure.data === 'no-home';
        const parsed = z
          .object({
            addressLine: homeless
              ? z.undefined().optional()
              : z
                  .string()
                  .trim()
                  .min(1, 'Enter your address')
                  .max(200, 'The address must be 200 characters or fewer'),
            postcode: homeless
              ? z.undefined().optional()
              : z
                  .string()
                  .trim()
                  .toUpperCase()
                  .min(1, 'Enter your postcode')
                  .regex(
                    /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/,
                    'Enter a full UK postcode, like RV1 4AB',
                  ),
            bedrooms: z
              .number({ error: 'Enter how many bedrooms your home has, as a number' })
              .int('Enter a whole number of bedrooms')
              .min(0, 'Enter 0 or more bedrooms')
              .max(10, 'Enter 10 bedrooms or fewer'),
            tenure: Tenure,
          })
          .safeParse({
            ...(homeless ? {} : { addressLine: text(form, 'addressLine'), postcode: text(form, 'postcode') }),
            bedrooms: homeless ? 0 : /^\d{1,2}$/.test(bedrooms) ? Number(bedrooms) : undefined,
            tenure: tenure.success ? tenure.data : undefined,
          });
        const errors = parsed.success
          ? []
          : fieldErrors(parsed.error, ['tenure', 'addressLine', 'postcode', 'bedrooms']);
        if (!tenure.success) {
          errors.unshift({ field: 'tenure', message: 'Select how you live there' });
        }
        if (!parsed.success || errors.length > 0) {
          // One error per field, in page order.
          const seen = new Set<string>();
          return {
            ok: false,
            errors: errors.filter((error) => !seen.has(error.field) && seen.add(error.field)),
          };
        }
        const value = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
        return { ok: true, effect: { kind: 'section', section: 'currentHome', value } };
      },
    },
    'owns-property': yesNoQuestion({
      id: 'owns-property',
      name: 'ownsProperty',
      question: 'Do you, or anyone who will live with you, own a home?',
      hint: 'Or part of a home, in the UK or abroad, including one you are buying with a mortgage.',
      error: 'Select yes if you or anyone who will live with you owns a home',
    }),
    'former-arrears': {
      id: 'former-arrears',
      question: 'Do you owe rent to a landlord you used to rent from?',
      fields: [
        {
          kind: 'radios',
          name: 'owesFormerLandlord',
          label: 'Do you owe rent to a landlord you used to rent from?',
          hint: 'A council, a housing association or a private landlord. Not rent for the home you live in now.',
          options: YES_NO,
        },
      ],
      current: (application) => ({
        owesFormerLandlord: owesFormerLandlord(application)
          ? 'yes'
          : isAnswered(application, 'former-arrears')
            ? 'no'
            : undefined,
      }),
      answer: (form) => {
        const answer = text(form, 'owesFormerLandlord');
        if (answer === 'yes') {
          // How much, and whether a plan is kept, is the next question.
          return { ok: true, effect: { kind: 'circumstances', value: {}, reopens: ['arrears-details'] } };
        }
        if (answer === 'no') {
          return {
            ok: true,
            effect: {
              kind: 'circumstances',
              value: { formerTenancyArrears: 0, arrearsRepaymentPlanKept: false },
              settles: ['arrears-details'],
            },
          };
        }
        return {
          ok: false,
          errors: [
            { field: 'owesFormerLandlord', message: 'Select yes if you owe rent to a former landlord' },
          ],
        };
      },
    },
    'arrears-details': {
      id: 'arrears-details',
      question: 'The rent you owe a former landlord',
      fields: [
        {
          kind: 'money',
          name: 'formerTenancyArrears',
          label: 'How much do you owe?',
          hint: 'Add up what you owe to every landlord you used to rent from',
        },
        {
          kind: 'radios',
          name: 'arrearsRepaymentPlanKept',
          label: 'Are you keeping to a plan to pay it back?',
          hint: 'An agreement with the landlord to pay an amount each week or month',
          options: YES_NO,
        },
      ],
      current: (application) => {
        const circumstances = application.profile.circumstances;
        const owed = circumstances?.formerTenancyArrears ?? 0;
        return owed > 0
          ? {
              formerTenancyArrears: pounds(owed),
              arrearsRepaymentPlanKept: circumstances?.arrearsRepaymentPlanKept ? 'yes' : 'no',
            }
          : {};
      },
      answer: (form) => {
        const errors: Array<{ field: string; message: string }> = [];
        const owed = readMoney(form, 'formerTenancyArrears', 'how much you owe', ARREARS_CEILING);
        if (typeof owed !== 'number') errors.push({ field: 'formerTenancyArrears', message: owed.message });
        else if (owed === 0) {
          errors.push({
            field: 'formerTenancyArrears',
            message: 'Enter how much you owe: if you owe nothing, go back and answer no',
          });
        }
        const plan = text(form, 'arrearsRepaymentPlanKept');
        if (plan !== 'yes' && plan !== 'no') {
          errors.push({
            field: 'arrearsRepaymentPlanKept',
            message: 'Select yes if you are keeping to a plan to pay it back',
          });
        }
        if (errors.length > 0 || typeof owed !== 'number') return { ok: false, errors };
        return {
          ok: true,
          effect: {
            kind: 'circumstances',
            value: { formerTenancyArrears: owed, arrearsRepaymentPlanKept: plan === 'yes' },
          },
        };
      },
    },
    behaviour: yesNoQuestion({
      id: 'behaviour',
      name: 'unacceptableBehaviour',
      question:
        'Has a court found you, or anyone who will live with you, responsible for serious anti-social behaviour?',
      hint: 'For example, a possession order or an injunction because of how someone behaved. An officer looks at what happened and when: it does not always stop you joining the register.',
      error: 'Select yes if a court has found anyone responsible for serious anti-social behaviour',
    }),
    'homelessness-duty': choiceQuestion({
      id: 'homelessness-duty',
      name: 'homelessnessDuty',
      question: 'Has a council told you it has a duty to help you because you are homeless?',
      hint: 'Or because you are about to be. The council’s housing options or homelessness team tells you in a letter.',
      options: HOMELESSNESS_DUTY_OPTIONS,
      error: 'Select whether a council has a duty to help you because you are homeless',
    }),
    disrepair: yesNoQuestion({
      id: 'disrepair',
      name: 'disrepair',
      question: 'Is your home in serious disrepair, or unsafe to live in?',
      hint: 'For example, serious damp and mould, no working heating or toilet, or a dangerous structure.',
      error: 'Select yes if your home is in serious disrepair or unsafe',
    }),
    'medical-need': choiceQuestion({
      id: 'medical-need',
      name: 'medicalNeed',
      question: 'Do you need to move because of someone’s health or disability?',
      hint: 'Yours, or that of anyone who will live with you. An officer may ask for a letter from a doctor or support worker.',
      options: MEDICAL_NEED_OPTIONS,
      error: 'Select whether you need to move because of health or disability',
    }),
    'hardship-move': yesNoQuestion({
      id: 'hardship-move',
      name: 'hardshipMove',
      question: 'Do you need to move to this area to avoid hardship?',
      hint: 'For example, to give care to someone or to be cared for, or to be near treatment you need.',
      error: 'Select yes if you need to move to this area to avoid hardship',
    }),
    'foster-carer': yesNoQuestion({
      id: 'foster-carer',
      name: 'fosterCarer',
      question: 'Are you an approved foster carer?',
      hint: 'Or approved and waiting for a child to be placed with you.',
      error: 'Select yes if you are an approved foster carer',
    }),
    'identity-document': {
      id: 'identity-document',
      question: 'Send a photo of your passport',
      hint: 'Take a photo of the page with your photo on it, in good light, with all four corners in the picture.',
      fields: [],
      current: () => ({}),
      answer: () => ({ ok: true, effect: { kind: 'answered' } }),
    },
    'check-answers': {
      id: 'check-answers',
      question: 'Check your answers before sending them',
      fields: [],
      current: () => ({}),
      answer: () => ({ ok: true, effect: { kind: 'answered' } }),
    },
  };
}

/** The identity documents the journey accepts today (issue 7 adds the rest). */
const IDENTITY_KINDS = new Set<DocumentRecord['kind']>(['passport', 'driving-licence']);

/** Whether the applicant has sent an identity document that is not rejected. */
export const hasIdentityDocument = (application: Pick<Application, 'documents'>) =>
  application.documents.some(
    (document) => IDENTITY_KINDS.has(document.kind) && document.status !== 'rejected',
  );

/** Whether a prompt has its answer (so it is not asked again, unless the applicant chooses to change it). */
export function isAnswered(application: Application, prompt: PromptId): boolean {
  const { profile } = application;
  const about = application.conversation?.aboutYou;
  const answered = new Set(application.conversation?.answered ?? []);
  if (isCircumstancePrompt(prompt)) {
    if (!isApplicable(application, prompt) || answered.has(prompt)) return true;
    return circumstancesGivenWhole(application);
  }
  switch (prompt) {
    case 'name':
      return Boolean(applicantMember(profile) || about?.firstName);
    case 'date-of-birth':
      return Boolean(applicantMember(profile) || about?.dateOfBirth);
    case 'sex':
      return Boolean(applicantMember(profile));
    case 'contact':
    case 'household':
    case 'check-answers':
      return answered.has(prompt);
    case 'immigration-status':
      return profile.immigrationStatus !== undefined;
    case 'immigration-evidence':
      return !isApplicable(application, prompt) || profile.immigrationEvidence !== undefined;
    case 'local-connection':
      return profile.localConnection !== undefined;
    case 'income':
      return profile.income !== undefined;
    case 'current-home':
      return profile.currentHome !== undefined;
    case 'identity-document':
      // Sent, and the applicant confirmed what was read from it (or chose to go on without a reading).
      return hasIdentityDocument(application) && answered.has(prompt);
  }
}

/**
 * Whether the circumstances were given whole through the API (PUT .../profile/circumstances), not one question
 * at a time here: then every question about them is answered.
 */
export const circumstancesGivenWhole = (application: Application) =>
  application.profile.circumstances !== undefined &&
  !CIRCUMSTANCE_PROMPTS.some((id) => application.conversation?.answered.includes(id));

/**
 * Whether the applicant said they owe rent to a former landlord: an amount is recorded, or they said yes and
 * the amount is the question still to answer.
 */
export function owesFormerLandlord(application: Application): boolean {
  const answered = application.conversation?.answered ?? [];
  return (
    (application.profile.circumstances?.formerTenancyArrears ?? 0) > 0 ||
    (answered.includes('former-arrears') && !answered.includes('arrears-details'))
  );
}

/**
 * Whether a prompt applies to this applicant at all (branching): how much rent is owed only after "yes, I owe
 * rent"; disrepair only for someone with a home; evidence of immigration status only for someone who is not
 * British or Irish. A prompt that does not apply is never asked.
 */
export function isApplicable(application: Application, prompt: PromptId): boolean {
  switch (prompt) {
    case 'arrears-details':
      return owesFormerLandlord(application);
    case 'disrepair':
      return application.profile.currentHome?.tenure !== 'no-home';
    case 'immigration-evidence': {
      // British and Irish citizens are never asked: their status needs no share code.
      const status = application.profile.immigrationStatus;
      return status !== undefined && status !== 'british-or-irish';
    }
    default:
      return true;
  }
}

/** What the applicant is asked next: the first unanswered prompt while the answers are open, else nothing. */
export function nextPrompt(application: Application): PromptId | undefined {
  if (!answersAreOpen(application)) return undefined;
  return PromptId.options.find((prompt) => !isAnswered(application, prompt));
}

/** The prompt asked before this one (for a Back link), skipping any that do not apply. */
export function previousPrompt(application: Application, prompt: PromptId): PromptId | undefined {
  return PromptId.options
    .slice(0, PromptId.options.indexOf(prompt))
    .findLast((candidate) => isApplicable(application, candidate));
}

/** Answers can be given and changed until they are sent: in the Eligibility stage, before its decision. */
export const answersAreOpen = (application: Application) =>
  !application.conversation?.answered.includes('check-answers') &&
  application.stage === Stage.Eligibility &&
  application.status === 'in-progress' &&
  !application.decisions.some((decision) => decision.stage === Stage.Eligibility);

/**
 * Why the applicant cannot tell us about a change of circumstances here, or undefined when they can (issue 6).
 * Only a household on the register with no offer under way: before registration the stages are still deciding
 * on the answers sent, an offer is answered (or an officer told) first, and a closed or let application is over.
 */
export function changeRefusal(application: Application): string | undefined {
  if (application.status === 'registered' && application.registration) return undefined;
  if (answersAreOpen(application)) {
    return 'Your answers are not sent yet. You can still change any of them before you send them.';
  }
  switch (application.status) {
    case 'let':
      return 'You have moved in, so this application is finished. Tell your landlord about any change.';
    case 'closed':
      return 'This application is closed, so nothing on it can change. If you still need a home, you can apply again.';
    case 'offered':
      return 'We have offered you a home. Answer the offer first; if something has changed, tell the lettings team.';
    default:
      return 'We are still deciding on the answers you sent, so they cannot change here yet. If something has changed, tell the lettings team; once you are on the register you can tell us here.';
  }
}

/** The applicant's own details, once all four are given, as their household member. */
export function aboutYouMember(about: unknown): HouseholdMember | undefined {
  const parsed = AboutYou.safeParse(about ?? {});
  if (!parsed.success) return undefined;
  return HouseholdMember.parse({ ...parsed.data, memberId: 'applicant', relationship: 'applicant' });
}

/*
 * Someone who will live with the applicant, in up to three short pages (the GOV.UK "add another thing"
 * pattern, branching on the server so it works without JavaScript): who they are (memberKindPrompt), their
 * details (memberPrompt: a due date for a baby not yet born, a date of birth for everyone else), then only the
 * needs that can apply to them at their age and relationship (memberNeedsPrompt), if any.
 */

/** Who someone is to the applicant, as the first page asks it: a baby not yet born is a kind of its own. */
export const MemberKind = z.enum(['partner', 'child', 'expected-baby', 'other-adult', 'lodger']);
export type MemberKind = z.infer<typeof MemberKind>;

export const MEMBER_KIND_OPTIONS: ReadonlyArray<{ value: MemberKind; text: string; hint: string }> = [
  {
    value: 'partner',
    text: 'My partner',
    hint: 'Husband, wife, civil partner or someone you live with as a couple',
  },
  { value: 'child', text: 'My child', hint: 'Or a child you look after, of any age' },
  {
    value: 'expected-baby',
    text: 'A baby we are expecting',
    hint: 'Someone who will live with you is pregnant',
  },
  { value: 'other-adult', text: 'Another adult', hint: 'For example, a parent, brother, sister or friend' },
  { value: 'lodger', text: 'A lodger', hint: 'Someone who pays you to live in your home' },
];

/** The kind of an existing member, for changing them. */
export function memberKindOf(member: HouseholdMember): MemberKind | undefined {
  if (member.unborn) return 'expected-baby';
  return member.relationship === 'applicant' ? undefined : member.relationship;
}

type MemberErrors = Array<{ field: string; message: string }>;

/** The first page: who is being added (or who a member is, when changing them). */
export function memberKindPrompt() {
  const fields: readonly PromptField[] = [
    {
      kind: 'radios',
      name: 'kind',
      label: 'Who are you adding to your household?',
      options: MEMBER_KIND_OPTIONS,
    },
  ];
  return {
    question: 'Who are you adding to your household?',
    fields,
    /** `household` is who lives there now, and `memberId` the member being changed, if any. */
    answer(
      form: FormAnswers,
      household: readonly HouseholdMember[],
      memberId?: string,
    ): { ok: true; kind: MemberKind } | { ok: false; errors: MemberErrors } {
      const kind = MemberKind.safeParse(text(form, 'kind'));
      if (!kind.success)
        return { ok: false, errors: [{ field: 'kind', message: 'Select who you are adding' }] };
      if (kind.data === 'partner' && hasOtherPartner(household, memberId)) {
        return { ok: false, errors: [{ field: 'kind', message: 'You have already added a partner' }] };
      }
      if (memberId === undefined && household.length >= MAX_HOUSEHOLD) {
        return {
          ok: false,
          errors: [{ field: 'kind', message: `A household can have at most ${MAX_HOUSEHOLD} people` }],
        };
      }
      return { ok: true, kind: kind.data };
    },
  };
}

/** Whether someone other than `memberId` is the applicant's partner (a household has at most one). */
export const hasOtherPartner = (household: readonly HouseholdMember[], memberId?: string) =>
  household.some((member) => member.relationship === 'partner' && member.memberId !== memberId);

const MEMBER_QUESTIONS: Record<MemberKind, string> = {
  partner: 'Tell us about your partner',
  child: 'Tell us about your child',
  'expected-baby': 'Tell us about the baby you are expecting',
  'other-adult': 'Tell us about the adult who will live with you',
  lodger: 'Tell us about your lodger',
};

/** The most people a household can have (the Household schema's limit). */
export const MAX_HOUSEHOLD = 20;

/** The household with someone added, under the first member id not yet used (`m5` after `m1`..`m4`). */
export function withNewMember(
  household: readonly HouseholdMember[],
  member: Omit<HouseholdMember, 'memberId'>,
): { household: HouseholdMember[]; memberId: string } {
  const used = new Set(household.map((candidate) => candidate.memberId));
  let n = household.length + 1;
  while (used.has(`m${n}`)) n += 1;
  const memberId = `m${n}`;
  return { household: [...household, { ...member, memberId }], memberId };
}

/** The name a baby not yet named is known by. */
export const UNNAMED_BABY = 'Baby';

/** The second page: the member's details, which depend on who they are. */
export function memberPrompt(today: string, kind: MemberKind) {
  const sexField: PromptField = {
    kind: 'radios',
    name: 'sex',
    label: 'Sex',
    options: [
      { value: 'female', text: 'Female' },
      { value: 'male', text: 'Male' },
    ],
  };
  const fields: readonly PromptField[] =
    kind === 'expected-baby'
      ? [
          {
            kind: 'text',
            name: 'firstName',
            label: 'First name, if you have chosen one (optional)',
            optional: true,
          },
          {
            kind: 'date',
            name: 'dueDate',
            label: 'When is the baby due?',
            hint: `For example, ${exampleDueDate(today)}`,
          },
          {
            kind: 'radios',
            name: 'sex',
            label: 'Is the baby a girl or a boy?',
            hint: 'If you do not know yet, choose either and change it when you know. An officer checks your household before any offer.',
            options: [
              { value: 'female', text: 'A girl' },
              { value: 'male', text: 'A boy' },
            ],
          },
        ]
      : [
          { kind: 'text', name: 'firstName', label: 'First name' },
          { kind: 'text', name: 'lastName', label: 'Last name' },
          { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 9 5 2014' },
          sexField,
        ];
  return {
    question: MEMBER_QUESTIONS[kind],
    fields,
    /** What the page shows for a member being changed. */
    current(member: HouseholdMember | undefined): FormAnswers {
      if (!member || memberKindOf(member) !== kind) return {};
      return kind === 'expected-baby'
        ? {
            firstName: member.firstName === UNNAMED_BABY ? '' : member.firstName,
            ...dateParts(member.dueDate ?? member.dateOfBirth, 'dueDate'),
            sex: member.sex,
          }
        : {
            firstName: member.firstName,
            lastName: member.lastName,
            ...dateParts(member.dateOfBirth, 'dateOfBirth'),
            sex: member.sex,
          };
    },
    /** `familyName` names a baby's family (the applicant's last name), as the page does not ask it. */
    answer(
      form: FormAnswers,
      familyName?: string,
    ): { ok: true; member: Omit<HouseholdMember, 'memberId'> } | { ok: false; errors: MemberErrors } {
      const errors: MemberErrors = [];
      const firstName = text(form, 'firstName');
      const sex = z.enum(['female', 'male']).safeParse(text(form, 'sex'));
      if (kind === 'expected-baby') {
        if (firstName.length > 100) {
          errors.push({ field: 'firstName', message: 'A name must be 100 characters or fewer' });
        }
        const due = readDueDate(form, 'dueDate', today);
        if (typeof due !== 'string') errors.push({ field: 'dueDate', message: due.message });
        if (!sex.success) errors.push({ field: 'sex', message: 'Select a girl or a boy' });
        if (errors.length > 0 || !sex.success || typeof due !== 'string') return { ok: false, errors };
        return {
          ok: true,
          member: {
            relationship: 'child',
            firstName: firstName || UNNAMED_BABY,
            lastName: familyName?.trim() || UNNAMED_BABY,
            // The date of birth of someone not yet born is the date they are expected (shared/domain/bedrooms.ts).
            dateOfBirth: due,
            dueDate: due,
            sex: sex.data,
            unborn: true,
            needsOwnRoomForDisability: false,
          },
        };
      }
      if (!firstName) errors.push({ field: 'firstName', message: 'Enter their first name' });
      const lastName = text(form, 'lastName');
      if (!lastName) errors.push({ field: 'lastName', message: 'Enter their last name' });
      if (firstName.length > 100 || lastName.length > 100)
        errors.push({
          field: firstName.length > 100 ? 'firstName' : 'lastName',
          message: 'A name must be 100 characters or fewer',
        });
      const date = readDate(form, 'dateOfBirth', 'their date of birth', today);
      if (typeof date !== 'string') errors.push({ field: 'dateOfBirth', message: date.message });
      else if (kind !== 'child' && ageOn(date, today) < 16) {
        errors.push({
          field: 'dateOfBirth',
          message: `${kind === 'partner' ? 'Your partner' : kind === 'lodger' ? 'A lodger' : 'Another adult'} must be 16 or over: for someone younger, go back and choose ‘My child’`,
        });
      }
      if (!sex.success) errors.push({ field: 'sex', message: 'Select their sex' });
      if (errors.length > 0 || !sex.success || typeof date !== 'string') return { ok: false, errors };
      return {
        ok: true,
        member: {
          relationship: kind,
          firstName,
          lastName,
          dateOfBirth: date,
          sex: sex.data,
          unborn: false,
          needsOwnRoomForDisability: false,
        },
      };
    },
  };
}

/** An example due date for the hint: about four months from today. */
function exampleDueDate(today: string): string {
  const [year, month, day] = addDays(today, 120).split('-').map(Number);
  return `${day} ${month} ${year}`;
}

/** The needs a member can have that change the bedrooms a household needs. */
export const NEED_NAMES = [
  'needsOwnRoomForDisability',
  'needsOvernightCarer',
  'awayStudent',
  'awayArmedForces',
] as const;
export type NeedName = (typeof NEED_NAMES)[number];

/** The oldest a student living away is asked about: the size criteria count them, and most are 18 to 21. */
const OLDEST_AWAY_STUDENT = 21;

/**
 * The needs that can apply to a member, by relationship and age (HB Regs 2006 reg B13; UC Regs 2013 Sch 4):
 * a child under 16 or a partner who cannot share a bedroom because of a disability; anyone who lives in the
 * home (not a lodger) who needs a carer to stay overnight; a son or daughter of 16 or over away on armed forces
 * operations; someone aged 16 to 21 studying away. A baby not yet born and a lodger have none.
 */
export function applicableNeeds(member: HouseholdMember, today: string): NeedName[] {
  if (member.unborn || member.relationship === 'lodger') return [];
  const age = ageOn(member.dateOfBirth, today);
  const needs: NeedName[] = [];
  if (member.relationship === 'partner' || member.relationship === 'applicant') {
    needs.push('needsOwnRoomForDisability');
  } else if (member.relationship === 'child' && age < 16) needs.push('needsOwnRoomForDisability');
  needs.push('needsOvernightCarer');
  if (member.relationship === 'child' && age >= 16) needs.push('awayArmedForces');
  if (
    member.relationship !== 'partner' &&
    member.relationship !== 'applicant' &&
    age >= 16 &&
    age <= OLDEST_AWAY_STUDENT
  ) {
    needs.push('awayStudent');
  }
  return needs;
}

/** A member with only the needs that still apply to them (after their relationship or date of birth changed). */
export function withApplicableNeeds(member: HouseholdMember, today: string): HouseholdMember {
  const applicable = new Set(applicableNeeds(member, today));
  const { needsOvernightCarer, awayStudent, awayArmedForces, ...rest } = member;
  return {
    ...rest,
    needsOwnRoomForDisability:
      applicable.has('needsOwnRoomForDisability') && member.needsOwnRoomForDisability,
    ...(applicable.has('needsOvernightCarer') && needsOvernightCarer !== undefined
      ? { needsOvernightCarer }
      : {}),
    ...(applicable.has('awayStudent') && awayStudent !== undefined ? { awayStudent } : {}),
    ...(applicable.has('awayArmedForces') && awayArmedForces !== undefined ? { awayArmedForces } : {}),
  };
}

const NONE = 'none';

/** Reads a needs checkbox answer: some of the offered needs, or "None of these", never both or neither. */
function readNeeds(
  form: FormAnswers,
  offered: readonly NeedName[],
  who: string,
): { ok: true; chosen: Set<NeedName> } | { ok: false; errors: MemberErrors } {
  const ticked = list(form, 'needs');
  const chosen = new Set(offered.filter((need) => ticked.includes(need)));
  if (ticked.includes(NONE) && chosen.size > 0) {
    return {
      ok: false,
      errors: [{ field: 'needs', message: 'Select ‘None of these’ only if none of the others apply' }],
    };
  }
  if (!ticked.includes(NONE) && chosen.size === 0) {
    return {
      ok: false,
      errors: [{ field: 'needs', message: `Select which of these apply to ${who}, or ‘None of these’` }],
    };
  }
  return { ok: true, chosen };
}

/** The applicant's own needs, on the household page: a room of their own only matters beside a partner. */
export function applicantNeedsField(hasPartner: boolean): PromptField {
  return {
    kind: 'checkboxes',
    name: 'needs',
    label: 'Do any of these apply to you?',
    hint: 'Select all that apply.',
    options: [
      {
        value: 'needsOvernightCarer',
        text: 'I need a carer who does not live with me to stay overnight',
      },
      ...(hasPartner
        ? [
            {
              value: 'needsOwnRoomForDisability',
              text: 'I cannot share a bedroom with my partner because of a disability',
            },
          ]
        : []),
      { value: NONE, text: 'None of these', exclusive: true },
    ],
  };
}

const NEED_TEXT: Record<NeedName, (member: HouseholdMember) => { text: string; hint?: string }> = {
  needsOwnRoomForDisability: (member) => ({
    text:
      member.relationship === 'partner'
        ? 'They cannot share a bedroom with you because of a disability'
        : 'They cannot share a bedroom with another child because of a disability',
  }),
  needsOvernightCarer: () => ({ text: 'They need a carer who does not live with you to stay overnight' }),
  awayStudent: () => ({
    text: 'They are a student living away, and will come back to live with you',
    hint: 'For example, at university and home in the holidays',
  }),
  awayArmedForces: () => ({
    text: 'They are away on armed forces operations, and will come back to live with you',
  }),
};

/** The third page, only when some need can apply: which needs apply to this member. */
export function memberNeedsPrompt(member: HouseholdMember, today: string) {
  const offered = applicableNeeds(member, today);
  const question = `Do any of these apply to ${member.firstName}?`;
  const fields: readonly PromptField[] = [
    {
      kind: 'checkboxes',
      name: 'needs',
      label: question,
      hint: 'Select all that apply. We use these to work out how many bedrooms your household needs.',
      options: [
        ...offered.map((need) => ({ value: need, ...NEED_TEXT[need](member) })),
        { value: NONE, text: 'None of these', exclusive: true },
      ],
    },
  ];
  return {
    question,
    fields,
    /** Whether there is anything to ask at all. */
    applies: offered.length > 0,
    /** Answered once: a carer overnight is offered to everyone with any need to ask, and recorded yes or no. */
    current(): FormAnswers {
      if (member.needsOvernightCarer === undefined) return {};
      const needs = offered.filter((need) => member[need] === true);
      return { needs: needs.length > 0 ? needs : [NONE] };
    },
    answer(form: FormAnswers): { ok: true; member: HouseholdMember } | { ok: false; errors: MemberErrors } {
      const needs = readNeeds(form, offered, member.firstName);
      if (!needs.ok) return needs;
      const answered = Object.fromEntries(offered.map((need) => [need, needs.chosen.has(need)]));
      return { ok: true, member: withApplicableNeeds({ ...member, ...answered }, today) };
    },
  };
}
