import type { Application, HouseholdMember, Profile, Registration, ReviewRequest } from './application.js';
import { CONSENT_USES, type ConsentRecord, PRIVACY_NOTICE_VERSION } from './consents.js';
import { type ContactSafety, safeContactSummary } from './contact-safety.js';
import { DOCUMENT_CATALOGUE } from './documents.js';
import type { KeyCredential, Offer, Property, Tenancy } from './letting.js';
import { pounds } from './money.js';
import type { Policy } from './policy.js';
import { type Stage, stageTitles } from './stage.js';

/**
 * "What we hold about you" (UK GDPR Art. 15, the right of access; Art. 20, portability): one copy of everything
 * Doorstep holds about an applicant, as data (the JSON download) and as plain English (the page and the PDF; the
 * page in Welsh for an applicant who chose it, {@link CopyWording}), drawn from the same gathering so the three
 * never differ. Pure: the service reads the records and passes them in.
 *
 * What is left out is listed in the copy itself, each with its reason ({@link WITHHELD}): an applicant is
 * entitled to their personal data, not to other people's or to what keeps the service secure.
 */

/** A plain record of what an audit event says, without the officer who did it (see {@link WITHHELD}). */
export interface YourAuditEvent {
  at: string;
  type: string;
  actor: 'system' | 'applicant' | 'officer' | 'council';
  stage?: Stage;
  facts?: Record<string, string | number | boolean>;
}

/** A message sent to the applicant: when, and which message (its wording is the template's). */
export interface YourMessage {
  at: string;
  template: string;
  /** The channels it went on, space separated (email, text, post), before any the safe-contact rules held. */
  channels: string;
}

/** What the service reads for the copy; the application is checked for ownership before it gets here. */
export interface YourDataInput {
  application: Application;
  policy: Policy;
  offer?: { offer: Offer; home: Property };
  tenancy?: Tenancy;
  key?: KeyCredential;
  /** Waits for the applicant or an officer, without their task tokens. */
  waits: Array<{ stage: Stage; waitingFor: string; deadline: string }>;
  audit: readonly YourAuditEvent[];
  /**
   * The messages sent about the application, where the runtime keeps a list of them; undefined where it does not
   * (the outbox is kept by day for the sender, not by application), and the copy then says so.
   */
  messages?: readonly YourMessage[];
  madeAt: string;
}

export const YOUR_DATA_FORMAT = 'doorstep-your-data/1';

/**
 * Where each field of the application goes in the copy, or why it does not. A test holds it to the application's
 * schema, so a field added to the application without an entry here fails it: nothing held is left out unnoticed.
 */
export const APPLICATION_FIELDS_IN_COPY: Readonly<Record<string, string>> = {
  applicationId: 'application',
  landlordId: 'controller (the landlord’s name)',
  ownerId: 'left out: a pseudonymous key made from your email address, which is in your answers',
  policyId: 'controller (the allocation scheme followed)',
  stage: 'application',
  status: 'application',
  profile: 'answers and household',
  documents: 'documents',
  decisions: 'decisions',
  registration: 'registration',
  currentOfferId: 'offer, tenancy and key',
  reviewRequests: 'reviewRequests',
  conversation:
    'answers (your details while you were still giving them); which questions are answered is not data about you',
  consents: 'consents',
  dataCopy: 'auditEvents (when you asked for a copy and when it was made)',
  language: 'application (the language you chose)',
  nomination: 'nomination (the council that nominated you, and which answers it gave us)',
  withdrawal: 'withdrawal',
  contactSafety: 'contactSafety',
  createdAt: 'application',
  updatedAt: 'application',
  version: 'left out: a counter that stops two changes overwriting each other',
};

/** What the copy leaves out, and why, shown to the applicant in every copy. */
export const WITHHELD: ReadonlyArray<{ what: string; why: string }> = [
  {
    what: 'Which officer did something, by their staff id',
    why: 'That is the officer’s personal data (Data Protection Act 2018 Sch 2 para 16). The record still says an officer did it, and when. Ask us if you need to know who.',
  },
  {
    what: 'An officer’s notes on whether a document may have been altered',
    why: 'They may be needed to prevent or detect fraud, and telling you would harm that (Data Protection Act 2018 Sch 2 para 2). Your documents, what we read from them and every decision about them are included.',
  },
  {
    what: 'Security data: one-time codes, session and workflow tokens, your digital key itself, and fingerprints of document numbers and photos',
    why: 'They keep your account and home secure and tell you nothing about yourself. Your key is shown to you on its own page.',
  },
  {
    what: 'The files of your documents',
    why: 'You gave them to us, so this copy lists them and what we read from them. Ask us for a copy of a file while we still keep it.',
  },
];

/** The copy as data: the JSON download, and what the page and the PDF are written from. */
export interface YourData {
  format: typeof YOUR_DATA_FORMAT;
  madeAt: string;
  controller: { name: string; council: string };
  noticeVersion: string;
  application: {
    applicationId: string;
    status: Application['status'];
    stage: Stage;
    stageTitle: string;
    language: 'en' | 'cy';
    createdAt: string;
    updatedAt: string;
  };
  answers: Omit<Profile, 'household'> & {
    /** Your details while you were giving them one question at a time, before they joined your household. */
    aboutYouSoFar?: Record<string, string>;
  };
  household: HouseholdMember[];
  documents: Array<{
    documentId: string;
    kind: string;
    name: string;
    status: string;
    declaredAt: string;
    receivedAt?: string;
    pages?: number;
    read?: Record<string, string>;
    problem?: string;
    deleteAfter?: string;
    deletedAt?: string;
  }>;
  decisions: Array<{
    number: number;
    stage: Stage;
    stageTitle: string;
    outcome: string;
    decidedAt: string;
    decidedBy: 'system' | 'officer';
    reasons: Array<{ text: string; clause: string; answer?: string }>;
    next: string;
    review?: { route: string; withinDays: number };
  }>;
  reviewRequests: Array<
    Omit<ReviewRequest, 'outcome'> & { outcome?: Omit<NonNullable<ReviewRequest['outcome']>, 'decidedBy'> }
  >;
  registration?: Registration;
  offer?: {
    status: Offer['status'];
    address: string;
    postcode: string;
    bedrooms: number;
    weeklyRent: number;
    madeAt: string;
    respondBy?: string;
    closedReason?: string;
    reasons: Array<{ text: string; clause: string }>;
  };
  tenancy?: {
    kind: Tenancy['kind'];
    address: string;
    weeklyRent: number;
    startDate: string;
    status: Tenancy['status'];
    tenants: string[];
    signedAt?: string;
    countersignedAt?: string;
  };
  key?: { validFrom: string; validUntil: string; issuedAt: string };
  consents: Array<Omit<ConsentRecord, 'officerId'>>;
  contactSafety?: ContactSafety;
  withdrawal?: { withdrawnAt: string; stage: Stage; stageTitle: string; reason?: string };
  /** The partner council that nominated the household (Housing Act 1996 s170), and the answers it gave us. */
  nomination?: { nominationId: string; councilName: string; answersFromTheCouncil: string[] };
  waits: Array<{ stage: Stage; stageTitle: string; waitingFor: string; deadline: string }>;
  /** Null when no list of messages is kept per application (the copy says so, rather than "none"). */
  messages: YourMessage[] | null;
  auditEvents: YourAuditEvent[];
  withheld: ReadonlyArray<{ what: string; why: string }>;
}

/** Drops keys that name an officer: the event keeps that an officer acted, not which one. */
function withoutOfficers(facts: Record<string, string | number | boolean>) {
  return Object.fromEntries(Object.entries(facts).filter(([name]) => !/officer/i.test(name)));
}

export function yourData(input: YourDataInput): YourData {
  const { application, policy } = input;
  const { household, ...answers } = application.profile;
  const { offer, tenancy, key } = input;
  return {
    format: YOUR_DATA_FORMAT,
    madeAt: input.madeAt,
    controller: { name: policy.landlordName, council: policy.councilName },
    noticeVersion: PRIVACY_NOTICE_VERSION,
    application: {
      applicationId: application.applicationId,
      status: application.status,
      stage: application.stage,
      stageTitle: stageTitles[application.stage],
      language: application.language ?? 'en',
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
    },
    answers: {
      ...answers,
      ...(application.conversation?.aboutYou && Object.keys(application.conversation.aboutYou).length > 0
        ? { aboutYouSoFar: { ...application.conversation.aboutYou } as Record<string, string> }
        : {}),
    },
    household,
    documents: application.documents.map((document) => ({
      documentId: document.documentId,
      kind: document.kind,
      name: DOCUMENT_CATALOGUE[document.kind].name,
      status: document.status,
      declaredAt: document.declaredAt,
      ...(document.receivedAt ? { receivedAt: document.receivedAt } : {}),
      ...(document.pages ? { pages: document.pages } : {}),
      ...(document.readFields
        ? {
            read: Object.fromEntries(
              Object.entries(document.readFields).map(([field, reading]) => [field, reading.value]),
            ),
          }
        : {}),
      ...(document.problem ? { problem: document.problem } : {}),
      ...(document.deleteAfter ? { deleteAfter: document.deleteAfter } : {}),
      ...(document.deletedAt ? { deletedAt: document.deletedAt } : {}),
    })),
    decisions: application.decisions.map((decision, number) => ({
      number,
      stage: decision.stage,
      stageTitle: stageTitles[decision.stage],
      outcome: decision.outcome,
      decidedAt: decision.decidedAt,
      decidedBy: decision.decidedBy,
      reasons: decision.reasons.map(({ text, clause, answer }) => ({
        text,
        clause,
        ...(answer === undefined ? {} : { answer }),
      })),
      next: decision.next,
      ...(decision.review ? { review: decision.review } : {}),
    })),
    reviewRequests: (application.reviewRequests ?? []).map(({ outcome, ...request }) => {
      if (!outcome) return request;
      const { decidedBy: _officer, ...result } = outcome;
      return { ...request, outcome: result };
    }),
    ...(application.registration ? { registration: application.registration } : {}),
    ...(offer
      ? {
          offer: {
            status: offer.offer.status,
            address: offer.home.address,
            postcode: offer.home.postcode,
            bedrooms: offer.home.bedrooms,
            weeklyRent: offer.home.weeklyRent,
            madeAt: offer.offer.createdAt,
            ...(offer.offer.respondBy ? { respondBy: offer.offer.respondBy } : {}),
            ...(offer.offer.closedReason ? { closedReason: offer.offer.closedReason } : {}),
            reasons: offer.offer.reasons.map(({ text, clause }) => ({ text, clause })),
          },
        }
      : {}),
    ...(tenancy
      ? {
          tenancy: {
            kind: tenancy.kind,
            address: tenancy.address,
            weeklyRent: tenancy.weeklyRent,
            startDate: tenancy.startDate,
            status: tenancy.status,
            tenants: tenancy.tenants,
            ...(tenancy.signedAt ? { signedAt: tenancy.signedAt } : {}),
            ...(tenancy.countersignedAt ? { countersignedAt: tenancy.countersignedAt } : {}),
          },
        }
      : {}),
    ...(key ? { key: { validFrom: key.validFrom, validUntil: key.validUntil, issuedAt: key.issuedAt } } : {}),
    consents: (application.consents ?? []).map(({ officerId: _officer, ...record }) => record),
    ...(application.contactSafety ? { contactSafety: application.contactSafety } : {}),
    ...(application.nomination
      ? {
          nomination: {
            nominationId: application.nomination.nominationId,
            councilName: application.nomination.councilName,
            answersFromTheCouncil: application.nomination.prefilled,
          },
        }
      : {}),
    ...(application.withdrawal
      ? {
          withdrawal: {
            withdrawnAt: application.withdrawal.withdrawnAt,
            stage: application.withdrawal.stage,
            stageTitle: stageTitles[application.withdrawal.stage],
            ...(application.withdrawal.reason ? { reason: application.withdrawal.reason } : {}),
          },
        }
      : {}),
    waits: input.waits.map((wait) => ({
      stage: wait.stage,
      stageTitle: stageTitles[wait.stage],
      waitingFor: wait.waitingFor,
      deadline: wait.deadline,
    })),
    messages: input.messages ? [...input.messages] : null,
    auditEvents: input.audit.map((event) => ({
      at: event.at,
      type: event.type,
      actor: event.actor,
      ...(event.stage ? { stage: event.stage } : {}),
      ...(event.facts ? { facts: withoutOfficers(event.facts) } : {}),
    })),
    withheld: WITHHELD,
  };
}

/** One row of a section: a label and its value, both plain text. */
export interface YourDataRow {
  label: string;
  value: string;
}
/** A group of rows under an optional heading (a document, a decision, a person). */
export interface YourDataGroup {
  heading?: string;
  rows: YourDataRow[];
}
/** A section of the copy in plain English: what it is, why it is held, and its groups (none: `empty` says so). */
export interface YourDataSection {
  id: string;
  title: string;
  why: string;
  groups: YourDataGroup[];
  empty: string;
}

/** "2 November 2026, 09:30" in UK time, from an ISO instant; an ISO date as "2 November 2026". */
export function when(iso: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }),
  });
}

/** Names for the answers' fields; a field without one is still shown, under its name made readable. */
const FIELD_NAMES: Record<string, string> = {
  contact: 'Contact',
  email: 'Email address',
  phone: 'Phone number',
  immigrationStatus: 'Immigration status',
  immigrationEvidence: 'Evidence of immigration status',
  kind: 'Kind',
  shareCode: 'Share code',
  dateOfBirth: 'Date of birth',
  deleteAfter: 'To be deleted after',
  income: 'Income',
  monthlyEarnings: 'Earnings each month, after tax',
  monthlyBenefits: 'Benefits and pensions each month',
  savings: 'Savings and other assets',
  housingSupport: 'Help with rent',
  localConnection: 'Connection to the area',
  yearsInArea: 'Years lived in the area',
  worksInArea: 'Works in the area',
  closeFamilyInArea: 'Close family in the area',
  armedForces: 'Serves or served in the armed forces',
  fleeingDomesticAbuse: 'Fleeing domestic abuse',
  careLeaver: 'Care leaver',
  rightToMove: 'Moving for work (Right to Move)',
  currentHome: 'Where you live now',
  postcode: 'Postcode',
  addressLine: 'Address',
  bedrooms: 'Bedrooms',
  tenure: 'How you live there',
  circumstances: 'Your circumstances',
  ownsProperty: 'Owns a home or part of one',
  formerTenancyArrears: 'Rent owed to a former landlord',
  arrearsRepaymentPlanKept: 'Kept to a plan to repay it',
  unacceptableBehaviour: 'Found responsible for serious anti-social behaviour',
  homelessnessDuty: 'Homelessness duty the council owes',
  disrepair: 'Home in serious disrepair',
  medicalNeed: 'Need to move for medical or welfare reasons',
  hardshipMove: 'Need to move to avoid hardship',
  fosterCarer: 'Approved foster carer',
  relationship: 'Relationship to you',
  firstName: 'First name',
  lastName: 'Last name',
  sex: 'Sex',
  unborn: 'Not yet born',
  dueDate: 'Due date',
  needsOwnRoomForDisability: 'Needs a bedroom of their own because of a disability',
  needsOvernightCarer: 'Needs a carer to stay overnight',
  awayStudent: 'A student living away',
  awayArmedForces: 'Away on armed forces operations',
  memberId: 'Reference',
  aboutYouSoFar: 'Your details so far',
  aboutYou: 'About you',
};
/** Answers held in pence, shown in pounds. */
const MONEY_FIELDS = new Set(['monthlyEarnings', 'monthlyBenefits', 'savings', 'formerTenancyArrears']);

const readable = (name: string) =>
  FIELD_NAMES[name] ??
  `${name.charAt(0).toUpperCase()}${name
    .slice(1)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()}`;

/** Answers held as one of a list of codes (a status, a kind): the code is a word the copy chose, so it is translated. */
const CODED_FIELDS = new Set([
  'immigrationStatus',
  'kind',
  'housingSupport',
  'tenure',
  'homelessnessDuty',
  'medicalNeed',
  'relationship',
  'sex',
]);

/**
 * The copy's own words in the reader's language (issue 9): the page gives shared/i18n's `translate` and
 * `welshMonths` for an applicant who chose Welsh; the PDF keeps English. What the applicant typed (a name, an
 * address, a reason) never passes through either.
 */
export interface CopyWording {
  /** A text the copy chose (a title, a label, a code) in the reader's language; `{placeholders}` are filled after. */
  t: (english: string) => string;
  /** A date {@link when} wrote, its month in the reader's language. */
  date: (written: string) => string;
}
export const IN_ENGLISH: CopyWording = { t: (english) => english, date: (written) => written };

/** Every leaf of an answer as a row: nested answers get their parent's name before theirs. */
function rowsOf(value: unknown, label: string, field: string, wording: CopyWording): YourDataRow[] {
  const { t } = wording;
  if (value === undefined || value === null) return [];
  if (typeof value === 'boolean') return [{ label, value: t(value ? 'Yes' : 'No') }];
  if (typeof value === 'number')
    return [{ label, value: MONEY_FIELDS.has(field) ? pounds(value) : String(value) }];
  if (typeof value === 'string') {
    const dated = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value);
    if (dated) return [{ label, value: wording.date(when(value)) }];
    return [{ label, value: CODED_FIELDS.has(field) ? t(value) : value }];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => rowsOf(item, `${label} ${index + 1}`, field, wording));
  return Object.entries(value as Record<string, unknown>).flatMap(([name, inner]) =>
    rowsOf(inner, label ? `${label}: ${t(readable(name)).toLowerCase()}` : t(readable(name)), name, wording),
  );
}

/**
 * What the applicant said of contacting them safely, in the reader's language. contact-safety.ts writes it for
 * the console, in English: its parts with ";" between them, each one of a few, so each is translated on its own.
 */
function safeContactInWords(safety: ContactSafety, t: CopyWording['t']): string {
  const parts = safeContactSummary(safety)
    .replace(/\.$/, '')
    .split('; ')
    .map((part, index) => (index === 0 ? `${part.charAt(0).toLowerCase()}${part.slice(1)}` : part));
  const text = parts
    .map((part) => {
      const times = /^text only (.+), UK time$/.exec(part)?.[1];
      if (times === undefined) return t(part);
      const each = times.split(' or ').map((time) => t(time));
      return t('text only {times}, UK time').replace('{times}', each.join(` ${t('or')} `));
    })
    .join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const ACTORS: Record<YourAuditEvent['actor'], string> = {
  system: 'Doorstep',
  applicant: 'You',
  officer: 'An officer',
  council: 'The council',
};
const VIA: Record<ConsentRecord['via'], string> = {
  web: 'on this website',
  sms: 'by text message',
  officer: 'by an officer, for you',
};

/**
 * The copy in plain English, or in the reader's language with {@link CopyWording}: the page and the PDF are
 * written from these sections, in this order.
 */
export function yourDataSections(data: YourData, wording: CopyWording = IN_ENGLISH): YourDataSection[] {
  const { t } = wording;
  /** A text with `{placeholders}`, translated whole and then filled, so a value is never itself translated. */
  const say = (english: string, values: Record<string, string>) =>
    t(english).replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
  const at = (iso: string) => wording.date(when(iso));
  const named = (field: string) => t(readable(field));
  const answerGroups = Object.entries(data.answers)
    .map(([name, value]) => ({ heading: named(name), rows: rowsOf(value, '', name, wording) }))
    .filter((group) => group.rows.length > 0);
  return [
    {
      id: 'about',
      title: t('About this copy'),
      why: say('{landlord} decides how your data is used (the data controller) and made this copy for you.', {
        landlord: data.controller.name,
      }),
      groups: [
        {
          rows: [
            { label: t('Made'), value: at(data.madeAt) },
            { label: t('Application reference'), value: data.application.applicationId },
            { label: t('Started'), value: at(data.application.createdAt) },
            { label: t('Where it is now'), value: t(data.application.stageTitle) },
            {
              label: t('Language you chose'),
              value: t(data.application.language === 'cy' ? 'Welsh' : 'English'),
            },
            ...(data.nomination
              ? [
                  {
                    label: t('Nominated by'),
                    value: say('{council}, which gave us your answers to: {sections}', {
                      council: data.nomination.councilName,
                      sections:
                        data.nomination.answersFromTheCouncil
                          // A section is named as the journey names it ("current-home"); its answer's name is the field's.
                          .map((section) =>
                            named(
                              section.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase()),
                            ).toLowerCase(),
                          )
                          .join(', ') || t('none'),
                    }),
                  },
                ]
              : []),
            ...(data.withdrawal
              ? [
                  {
                    label: t('You withdrew it'),
                    value: data.withdrawal.reason
                      ? say('{date}, at “{stage}”. Your reason: {reason}', {
                          date: at(data.withdrawal.withdrawnAt),
                          stage: t(data.withdrawal.stageTitle),
                          reason: data.withdrawal.reason,
                        })
                      : say('{date}, at “{stage}”', {
                          date: at(data.withdrawal.withdrawnAt),
                          stage: t(data.withdrawal.stageTitle),
                        }),
                  },
                ]
              : []),
            { label: t('Privacy notice'), value: say('Version {version}', { version: data.noticeVersion }) },
          ],
        },
      ],
      empty: '',
    },
    {
      id: 'answers',
      title: t('Your answers'),
      why: t('To decide whether you can join the housing register, your priority and which homes fit you.'),
      groups: answerGroups,
      empty: t('You have not answered any questions yet.'),
    },
    {
      id: 'household',
      title: t('Your household'),
      why: t('To work out how many bedrooms you need and who will live in the home.'),
      groups: data.household.map((member) => ({
        heading: `${member.firstName} ${member.lastName}`,
        rows: rowsOf({ ...member, memberId: undefined }, '', 'member', wording),
      })),
      empty: t('You have not told us who will live with you yet.'),
    },
    {
      id: 'documents',
      title: t('Your documents and what we read from them'),
      why: t('To check who you are, your income and your address. Each is deleted when its time is up.'),
      groups: data.documents.map((document) => ({
        heading: t(document.name),
        rows: [
          { label: t('Status'), value: t(document.status) },
          { label: t('You told us about it'), value: at(document.declaredAt) },
          ...(document.receivedAt ? [{ label: t('We received it'), value: at(document.receivedAt) }] : []),
          ...Object.entries(document.read ?? {}).map(([field, value]) => ({
            label: say('Read from it: {field}', { field: named(field).toLowerCase() }),
            value,
          })),
          ...(document.problem ? [{ label: t('Problem'), value: t(document.problem) }] : []),
          ...(document.deleteAfter
            ? [{ label: t('To be deleted after'), value: at(document.deleteAfter) }]
            : []),
          ...(document.deletedAt ? [{ label: t('Deleted'), value: at(document.deletedAt) }] : []),
        ],
      })),
      empty: t('You have not given us any documents.'),
    },
    {
      id: 'decisions',
      title: t('Decisions and the reasons for them'),
      why: t('Every decision about your application, with the rule it rests on.'),
      groups: data.decisions.map((decision) => ({
        heading: `${t(decision.stageTitle)}: ${t(decision.outcome)}`,
        rows: [
          {
            label: t('Decided'),
            value: say(decision.decidedBy === 'officer' ? '{date}, by an officer' : '{date}, by Doorstep', {
              date: at(decision.decidedAt),
            }),
          },
          ...decision.reasons.map((reason, index) => ({
            label: say('Reason {position}', { position: String(index + 1) }),
            // The clause is the law or the scheme's rule, cited as it is written; the answer is the applicant's.
            value: `${t(reason.text)} (${reason.clause})${reason.answer ? ` ${say('Your answer: {answer}', { answer: reason.answer })}` : ''}`,
          })),
          { label: t('What happens next'), value: t(decision.next) },
          ...(decision.review ? [{ label: t('Asking for a review'), value: t(decision.review.route) }] : []),
        ],
      })),
      empty: t('Nothing has been decided yet.'),
    },
    {
      id: 'reviews',
      title: t('Reviews you asked for'),
      why: t('To review a decision you think is wrong.'),
      groups: data.reviewRequests.map((request) => ({
        heading: say('Review of decision {position}', { position: String(request.decision + 1) }),
        rows: [
          { label: t('Asked'), value: at(request.requestedAt) },
          { label: t('Your reason'), value: request.reason },
          ...(request.dueBy ? [{ label: t('To be decided by'), value: at(request.dueBy) }] : []),
          ...(request.outcome
            ? [
                {
                  label: t('Result'),
                  value: t(
                    request.outcome.result === 'upheld' ? 'The decision stands' : 'The decision was changed',
                  ),
                },
                // The officer's own words.
                { label: t('Why'), value: request.outcome.reason },
                { label: t('Decided'), value: at(request.outcome.decidedAt) },
              ]
            : []),
        ],
      })),
      empty: t('You have not asked for a review.'),
    },
    {
      id: 'register',
      title: t('Your place on the register'),
      why: t('To offer homes in the order the allocation scheme sets.'),
      groups: data.registration
        ? [
            {
              rows: [
                { label: t('Band'), value: data.registration.band },
                { label: t('On the register from'), value: at(data.registration.effectiveDate) },
                { label: t('Bedrooms you need'), value: String(data.registration.bedroomNeed) },
              ],
            },
          ]
        : [],
      empty: t('You are not on the register yet.'),
    },
    {
      id: 'letting',
      title: t('Offers, tenancy and keys'),
      why: t('To offer you a home, agree your tenancy and let you in.'),
      groups: [
        ...(data.offer
          ? [
              {
                heading: say('Offer of {address}', { address: data.offer.address }),
                rows: [
                  { label: t('Status'), value: t(data.offer.status) },
                  { label: t('Made'), value: at(data.offer.madeAt) },
                  { label: t('Postcode'), value: data.offer.postcode },
                  { label: t('Bedrooms'), value: String(data.offer.bedrooms) },
                  { label: t('Rent each week'), value: pounds(data.offer.weeklyRent) },
                  ...(data.offer.respondBy
                    ? [{ label: t('Answer by'), value: at(data.offer.respondBy) }]
                    : []),
                  ...(data.offer.closedReason
                    ? [{ label: t('Why it closed'), value: t(data.offer.closedReason) }]
                    : []),
                  ...data.offer.reasons.map((reason, index) => ({
                    label: say('Why it fits {position}', { position: String(index + 1) }),
                    value: `${t(reason.text)} (${reason.clause})`,
                  })),
                ],
              },
            ]
          : []),
        ...(data.tenancy
          ? [
              {
                heading: say('Tenancy of {address}', { address: data.tenancy.address }),
                rows: [
                  { label: t('Status'), value: t(data.tenancy.status) },
                  { label: t('Starts'), value: at(data.tenancy.startDate) },
                  { label: t('Rent each week'), value: pounds(data.tenancy.weeklyRent) },
                  { label: t('Named on it'), value: data.tenancy.tenants.join(', ') },
                  ...(data.tenancy.signedAt
                    ? [{ label: t('You signed'), value: at(data.tenancy.signedAt) }]
                    : []),
                  ...(data.tenancy.countersignedAt
                    ? [{ label: t('We signed'), value: at(data.tenancy.countersignedAt) }]
                    : []),
                ],
              },
            ]
          : []),
        ...(data.key
          ? [
              {
                heading: t('Your digital key'),
                rows: [
                  { label: t('Opens the door from'), value: at(data.key.validFrom) },
                  { label: t('Until'), value: at(data.key.validUntil) },
                  { label: t('Issued'), value: at(data.key.issuedAt) },
                ],
              },
            ]
          : []),
      ],
      empty: t('You have not been offered a home yet.'),
    },
    {
      id: 'consents',
      title: t('Your consents'),
      why: t('What you agreed we may do beyond your application, and when you changed your mind.'),
      groups: data.consents.map((record) => ({
        heading: t(CONSENT_USES[record.use].label),
        rows: [
          {
            label: t(record.given ? 'Given' : 'Withdrawn'),
            value: `${at(record.at)}, ${t(VIA[record.via])}`,
          },
          { label: t('Privacy notice'), value: say('Version {version}', { version: record.noticeVersion }) },
        ],
      })),
      empty: t('You have not given any consents.'),
    },
    {
      id: 'safe-contact',
      title: t('How it is safe to contact you'),
      why: t('So we never write, text or call you in a way that could put you at risk.'),
      groups: data.contactSafety
        ? [
            {
              rows: [
                { label: t('What you told us'), value: safeContactInWords(data.contactSafety, t) },
                { label: t('Told us'), value: at(data.contactSafety.updatedAt) },
              ],
            },
          ]
        : [],
      empty: t('You have not told us of any way it is not safe to contact you.'),
    },
    {
      id: 'waits',
      title: t('What we are waiting for'),
      why: t('So nothing is forgotten: each has a deadline.'),
      groups: data.waits.map((wait) => ({
        heading: t(wait.stageTitle),
        rows: [
          { label: t('Waiting for'), value: t(wait.waitingFor === 'applicant' ? 'You' : 'An officer') },
          { label: t('By'), value: at(wait.deadline) },
        ],
      })),
      empty: t('We are not waiting for anything.'),
    },
    {
      id: 'messages',
      title: t('Messages we sent you'),
      why: t('To tell you what is happening and what to do next.'),
      // A message is named by its template, as the record of it is; the channels are words the copy chose.
      groups: (data.messages ?? []).map((message) => ({
        rows: [
          {
            label: at(message.at),
            value: `${message.template.replace(/-/g, ' ')}${message.channels ? ` (${message.channels.split(' ').map(t).join(', ')})` : ''}`,
          },
        ],
      })),
      empty: t(
        data.messages
          ? 'We have no record of a message to you about this application. Ask us if you think we sent one.'
          : 'This copy cannot list them: messages wait in a queue for sending, which is not kept by application. Ask us and we will search it for yours.',
      ),
    },
    {
      id: 'audit',
      title: t('Our record of what happened'),
      why: t('So every step and decision can be checked later. It holds facts, not your answers.'),
      // Each event is named by its type, and its facts by their names, as the record holds them.
      groups: data.auditEvents.map((event) => ({
        heading: `${at(event.at)}: ${event.type.replace(/-/g, ' ')}`,
        rows: [
          // "Done by", not "By": a wait's "By" is its deadline, and Welsh says the two differently.
          { label: t('Done by'), value: t(ACTORS[event.actor]) },
          ...(event.stage ? [{ label: t('Stage'), value: t(stageTitles[event.stage]) }] : []),
          ...Object.entries(event.facts ?? {}).map(([name, value]) => ({
            label: readable(name),
            value: String(value),
          })),
        ],
      })),
      empty: t('Nothing recorded yet.'),
    },
    {
      id: 'withheld',
      title: t('What this copy leaves out, and why'),
      why: t(
        'You have the right to your personal data. Some of what we hold is someone else’s, or keeps the service safe.',
      ),
      groups: data.withheld.map((item) => ({
        heading: t(item.what),
        rows: [{ label: t('Why'), value: t(item.why) }],
      })),
      empty: '',
    },
  ];
}
