import * as z from 'zod';
import {
  type Application,
  CurrentHome,
  type DocumentRecord,
  HouseholdMember,
  ImmigrationStatus,
  Income,
  LocalConnection,
  type Profile,
} from './application.js';
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
  'household',
  'local-connection',
  'income',
  'current-home',
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
      options: ReadonlyArray<{ value: string; text: string; hint?: string }>;
    };

/** A form as a channel sends it: field name to value (checkboxes send several). */
export type FormAnswers = Record<string, string | string[] | undefined>;

/** What an answer writes: a profile section, the applicant's own details, or just "asked and answered". */
export type AnswerEffect =
  | {
      kind: 'section';
      section: 'immigrationStatus' | 'localConnection' | 'income' | 'currentHome' | 'contact';
      value: unknown;
    }
  | { kind: 'about-you'; value: Partial<AboutYou> }
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
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `${name}-${part}`));
  if (!day && !month && !year) return { message: `Enter ${what}` };
  if (!day || !month || !year) {
    const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean).join(' and ');
    return { message: `${what[0]?.toUpperCase()}${what.slice(1)} must include a ${missing}` };
  }
  if (![day, month, year].every((part) => /^\d+$/.test(part)) || year.length !== 4) {
    return { message: `${what[0]?.toUpperCase()}${what.slice(1)} must be a real date, like 27 3 1990` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return { message: `${what[0]?.toUpperCase()}${what.slice(1)} must be a real date` };
  }
  if (iso > today) return { message: `${what[0]?.toUpperCase()}${what.slice(1)} must be in the past` };
  if (Number(year) < Number(today.slice(0, 4)) - 120) {
    return {
      message: `${what[0]?.toUpperCase()}${what.slice(1)} must be after ${Number(today.slice(0, 4)) - 120}`,
    };
  }
  return iso;
}

/** Reads pounds and pence as typed ("1,250.50", "£300") into pence, or the message to show. */
export function readMoney(form: FormAnswers, name: string, what: string): number | { message: string } {
  const raw = text(form, name).replace(/[£,\s]/g, '');
  if (raw === '') return { message: `Enter ${what}, or 0 if there is none` };
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(raw)) return { message: `Enter ${what} in pounds, like 1250 or 1250.50` };
  return Math.round(Number(raw) * 100);
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

export const TENURE_OPTIONS: ReadonlyArray<{ value: z.infer<typeof CurrentHome>['tenure']; text: string }> = [
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
            email: z.email('Enter an email address in the right format, like name@example.com').max(254),
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
    household: {
      id: 'household',
      question: 'Who will live with you?',
      hint: 'Add everyone who will move in with you, including children and anyone expecting a baby.',
      fields: [],
      current: () => ({}),
      answer: () => ({ ok: true, effect: { kind: 'answered' } }),
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
          exceptions: connection
            ? CONNECTION_OPTIONS.map((option) => option.value).filter((name) => connection[name])
            : [],
        };
      },
      answer: (form) => {
        const years = text(form, 'yearsInArea');
        if (!/^\d{1,3}$/.test(years) || Number(years) > 120) {
          return {
            ok: false,
            errors: [
              {
                field: 'yearsInArea',
                message:
                  years === ''
                    ? 'Enter how many years you have lived in the area'
                    : 'Enter a whole number of years, like 3',
              },
            ],
          };
        }
        const chosen = new Set(list(form, 'exceptions'));
        const value = LocalConnection.parse({
          yearsInArea: Number(years),
          ...Object.fromEntries(CONNECTION_OPTIONS.map((option) => [option.value, chosen.has(option.value)])),
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
          hint: 'Including Universal Credit',
        },
        { kind: 'money', name: 'savings', label: 'Savings and other money you have now' },
      ],
      current: (application) => ({
        monthlyEarnings: pounds(application.profile.income?.monthlyEarnings),
        monthlyBenefits: pounds(application.profile.income?.monthlyBenefits),
        savings: pounds(application.profile.income?.savings),
      }),
      answer: (form) => {
        const read = {
          monthlyEarnings: readMoney(form, 'monthlyEarnings', 'your household’s earnings'),
          monthlyBenefits: readMoney(form, 'monthlyBenefits', 'your household’s benefits and pensions'),
          savings: readMoney(form, 'savings', 'your household’s savings'),
        };
        const errors = Object.entries(read)
          .filter((entry): entry is [string, { message: string }] => typeof entry[1] !== 'number')
          .map(([field, problem]) => ({ field, message: problem.message }));
        if (errors.length > 0) return { ok: false, errors };
        return { ok: true, effect: { kind: 'section', section: 'income', value: Income.parse(read) } };
      },
    },
    'current-home': {
      id: 'current-home',
      question: 'Where do you live now?',
      fields: [
        {
          kind: 'text',
          name: 'addressLine',
          label: 'Address',
          hint: 'House number or name, and street',
          autocomplete: 'street-address',
        },
        { kind: 'postcode', name: 'postcode', label: 'Postcode', autocomplete: 'postal-code' },
        {
          kind: 'whole-number',
          name: 'bedrooms',
          label: 'How many bedrooms does it have?',
          hint: 'Enter 0 for a studio or if you have no home',
        },
        { kind: 'radios', name: 'tenure', label: 'How do you live there?', options: TENURE_OPTIONS },
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
        const parsed = CurrentHome.extend({
          addressLine: z
            .string()
            .trim()
            .min(1, 'Enter your address')
            .max(200, 'The address must be 200 characters or fewer'),
          postcode: z
            .string()
            .trim()
            .toUpperCase()
            .min(1, 'Enter your postcode')
            .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'Enter a full UK postcode, like RV1 4AB'),
          bedrooms: z
            .number({ error: 'Enter how many bedrooms your home has, as a number' })
            .int('Enter a whole number of bedrooms')
            .min(0, 'Enter 0 or more bedrooms')
            .max(10, 'Enter 10 bedrooms or fewer'),
          tenure: z.enum(CurrentHome.shape.tenure.options, { error: 'Select how you live there' }),
        }).safeParse({
          addressLine: text(form, 'addressLine'),
          postcode: text(form, 'postcode'),
          bedrooms: /^\d{1,2}$/.test(bedrooms) ? Number(bedrooms) : undefined,
          tenure: text(form, 'tenure') || undefined,
        });
        return parsed.success
          ? { ok: true, effect: { kind: 'section', section: 'currentHome', value: parsed.data } }
          : {
              ok: false,
              errors: fieldErrors(parsed.error, ['addressLine', 'postcode', 'bedrooms', 'tenure']),
            };
      },
    },
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

/** What the applicant is asked next: the first unanswered prompt while the answers are open, else nothing. */
export function nextPrompt(application: Application): PromptId | undefined {
  if (!answersAreOpen(application)) return undefined;
  return PromptId.options.find((prompt) => !isAnswered(application, prompt));
}

/** Answers can be given and changed until they are sent: in the Eligibility stage, before its decision. */
export const answersAreOpen = (application: Application) =>
  !application.conversation?.answered.includes('check-answers') &&
  application.stage === Stage.Eligibility &&
  application.status === 'in-progress' &&
  !application.decisions.some((decision) => decision.stage === Stage.Eligibility);

/** The applicant's own details, once all four are given, as their household member. */
export function aboutYouMember(about: unknown): HouseholdMember | undefined {
  const parsed = AboutYou.safeParse(about ?? {});
  if (!parsed.success) return undefined;
  return HouseholdMember.parse({ ...parsed.data, memberId: 'applicant', relationship: 'applicant' });
}

/** Adding someone to the household: one page per person (the GOV.UK "add another thing" pattern). */
export function memberPrompt(today: string) {
  const fields: readonly PromptField[] = [
    {
      kind: 'radios',
      name: 'relationship',
      label: 'How are they related to you?',
      options: [
        {
          value: 'partner',
          text: 'My partner',
          hint: 'Husband, wife, civil partner or someone you live with as a couple',
        },
        { value: 'child', text: 'My child', hint: 'Or a child you look after' },
        { value: 'other-adult', text: 'Another adult' },
      ],
    },
    { kind: 'text', name: 'firstName', label: 'First name' },
    { kind: 'text', name: 'lastName', label: 'Last name' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 9 5 2014' },
    {
      kind: 'radios',
      name: 'sex',
      label: 'Sex',
      options: [
        { value: 'female', text: 'Female' },
        { value: 'male', text: 'Male' },
      ],
    },
    {
      kind: 'checkboxes',
      name: 'needs',
      label: 'Do they need a bedroom of their own because of a disability?',
      options: [
        {
          value: 'needsOwnRoomForDisability',
          text: 'Yes, they cannot share a bedroom because of a disability',
        },
      ],
    },
  ];
  return {
    question: 'Tell us about someone who will live with you',
    fields,
    answer(
      form: FormAnswers,
    ):
      | { ok: true; member: Omit<HouseholdMember, 'memberId'> }
      | { ok: false; errors: Array<{ field: string; message: string }> } {
      const errors: Array<{ field: string; message: string }> = [];
      const relationship = z.enum(['partner', 'child', 'other-adult']).safeParse(text(form, 'relationship'));
      if (!relationship.success)
        errors.push({ field: 'relationship', message: 'Select how they are related to you' });
      const firstName = text(form, 'firstName');
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
      const sex = z.enum(['female', 'male']).safeParse(text(form, 'sex'));
      if (!sex.success) errors.push({ field: 'sex', message: 'Select their sex' });
      if (errors.length > 0 || !relationship.success || !sex.success || typeof date !== 'string') {
        return { ok: false, errors };
      }
      return {
        ok: true,
        member: {
          relationship: relationship.data,
          firstName,
          lastName,
          dateOfBirth: date,
          sex: sex.data,
          unborn: false,
          needsOwnRoomForDisability: list(form, 'needs').includes('needsOwnRoomForDisability'),
        },
      };
    },
  };
}
