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
 * Doorstep holds about an applicant, as data (the JSON download) and as plain English (the page and the PDF),
 * drawn from the same gathering so the three never differ. Pure: the service reads the records and passes them in.
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
};
/** Answers held in pence, shown in pounds. */
const MONEY_FIELDS = new Set(['monthlyEarnings', 'monthlyBenefits', 'savings', 'formerTenancyArrears']);

const readable = (name: string) =>
  FIELD_NAMES[name] ??
  `${name.charAt(0).toUpperCase()}${name
    .slice(1)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()}`;

/** Every leaf of an answer as a row: nested answers get their parent's name before theirs. */
function rowsOf(value: unknown, label: string, field: string): YourDataRow[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'boolean') return [{ label, value: value ? 'Yes' : 'No' }];
  if (typeof value === 'number')
    return [{ label, value: MONEY_FIELDS.has(field) ? pounds(value) : String(value) }];
  if (typeof value === 'string') {
    const dated = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value);
    return [{ label, value: dated ? when(value) : value }];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => rowsOf(item, `${label} ${index + 1}`, field));
  return Object.entries(value as Record<string, unknown>).flatMap(([name, inner]) =>
    rowsOf(inner, label ? `${label}: ${readable(name).toLowerCase()}` : readable(name), name),
  );
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

/** The copy in plain English: the page and the PDF are written from these sections, in this order. */
export function yourDataSections(data: YourData): YourDataSection[] {
  const answerGroups = Object.entries(data.answers)
    .map(([name, value]) => ({ heading: readable(name), rows: rowsOf(value, '', name) }))
    .filter((group) => group.rows.length > 0);
  return [
    {
      id: 'about',
      title: 'About this copy',
      why: `${data.controller.name} decides how your data is used (the data controller) and made this copy for you.`,
      groups: [
        {
          rows: [
            { label: 'Made', value: when(data.madeAt) },
            { label: 'Application reference', value: data.application.applicationId },
            { label: 'Started', value: when(data.application.createdAt) },
            { label: 'Where it is now', value: data.application.stageTitle },
            { label: 'Language you chose', value: data.application.language === 'cy' ? 'Welsh' : 'English' },
            ...(data.nomination
              ? [
                  {
                    label: 'Nominated by',
                    value: `${data.nomination.councilName}, which gave us your answers to: ${
                      data.nomination.answersFromTheCouncil
                        .map((section) => readable(section).toLowerCase())
                        .join(', ') || 'none'
                    }`,
                  },
                ]
              : []),
            ...(data.withdrawal
              ? [
                  {
                    label: 'You withdrew it',
                    value: `${when(data.withdrawal.withdrawnAt)}, at “${data.withdrawal.stageTitle}”${
                      data.withdrawal.reason ? `. Your reason: ${data.withdrawal.reason}` : ''
                    }`,
                  },
                ]
              : []),
            { label: 'Privacy notice', value: `Version ${data.noticeVersion}` },
          ],
        },
      ],
      empty: '',
    },
    {
      id: 'answers',
      title: 'Your answers',
      why: 'To decide whether you can join the housing register, your priority and which homes fit you.',
      groups: answerGroups,
      empty: 'You have not answered any questions yet.',
    },
    {
      id: 'household',
      title: 'Your household',
      why: 'To work out how many bedrooms you need and who will live in the home.',
      groups: data.household.map((member) => ({
        heading: `${member.firstName} ${member.lastName}`,
        rows: rowsOf({ ...member, memberId: undefined }, '', 'member'),
      })),
      empty: 'You have not told us who will live with you yet.',
    },
    {
      id: 'documents',
      title: 'Your documents and what we read from them',
      why: 'To check who you are, your income and your address. Each is deleted when its time is up.',
      groups: data.documents.map((document) => ({
        heading: document.name,
        rows: [
          { label: 'Status', value: document.status },
          { label: 'You told us about it', value: when(document.declaredAt) },
          ...(document.receivedAt ? [{ label: 'We received it', value: when(document.receivedAt) }] : []),
          ...Object.entries(document.read ?? {}).map(([field, value]) => ({
            label: `Read from it: ${readable(field).toLowerCase()}`,
            value,
          })),
          ...(document.problem ? [{ label: 'Problem', value: document.problem }] : []),
          ...(document.deleteAfter
            ? [{ label: 'To be deleted after', value: when(document.deleteAfter) }]
            : []),
          ...(document.deletedAt ? [{ label: 'Deleted', value: when(document.deletedAt) }] : []),
        ],
      })),
      empty: 'You have not given us any documents.',
    },
    {
      id: 'decisions',
      title: 'Decisions and the reasons for them',
      why: 'Every decision about your application, with the rule it rests on.',
      groups: data.decisions.map((decision) => ({
        heading: `${decision.stageTitle}: ${decision.outcome}`,
        rows: [
          {
            label: 'Decided',
            value: `${when(decision.decidedAt)}, by ${decision.decidedBy === 'officer' ? 'an officer' : 'Doorstep'}`,
          },
          ...decision.reasons.map((reason, index) => ({
            label: `Reason ${index + 1}`,
            value: `${reason.text} (${reason.clause})${reason.answer ? ` Your answer: ${reason.answer}` : ''}`,
          })),
          { label: 'What happens next', value: decision.next },
          ...(decision.review ? [{ label: 'Asking for a review', value: decision.review.route }] : []),
        ],
      })),
      empty: 'Nothing has been decided yet.',
    },
    {
      id: 'reviews',
      title: 'Reviews you asked for',
      why: 'To review a decision you think is wrong.',
      groups: data.reviewRequests.map((request) => ({
        heading: `Review of decision ${request.decision + 1}`,
        rows: [
          { label: 'Asked', value: when(request.requestedAt) },
          { label: 'Your reason', value: request.reason },
          ...(request.dueBy ? [{ label: 'To be decided by', value: when(request.dueBy) }] : []),
          ...(request.outcome
            ? [
                {
                  label: 'Result',
                  value:
                    request.outcome.result === 'upheld' ? 'The decision stands' : 'The decision was changed',
                },
                { label: 'Why', value: request.outcome.reason },
                { label: 'Decided', value: when(request.outcome.decidedAt) },
              ]
            : []),
        ],
      })),
      empty: 'You have not asked for a review.',
    },
    {
      id: 'register',
      title: 'Your place on the register',
      why: 'To offer homes in the order the allocation scheme sets.',
      groups: data.registration
        ? [
            {
              rows: [
                { label: 'Band', value: data.registration.band },
                { label: 'On the register from', value: when(data.registration.effectiveDate) },
                { label: 'Bedrooms you need', value: String(data.registration.bedroomNeed) },
              ],
            },
          ]
        : [],
      empty: 'You are not on the register yet.',
    },
    {
      id: 'letting',
      title: 'Offers, tenancy and keys',
      why: 'To offer you a home, agree your tenancy and let you in.',
      groups: [
        ...(data.offer
          ? [
              {
                heading: `Offer of ${data.offer.address}`,
                rows: [
                  { label: 'Status', value: data.offer.status },
                  { label: 'Made', value: when(data.offer.madeAt) },
                  { label: 'Postcode', value: data.offer.postcode },
                  { label: 'Bedrooms', value: String(data.offer.bedrooms) },
                  { label: 'Rent each week', value: pounds(data.offer.weeklyRent) },
                  ...(data.offer.respondBy
                    ? [{ label: 'Answer by', value: when(data.offer.respondBy) }]
                    : []),
                  ...(data.offer.closedReason
                    ? [{ label: 'Why it closed', value: data.offer.closedReason }]
                    : []),
                  ...data.offer.reasons.map((reason, index) => ({
                    label: `Why it fits ${index + 1}`,
                    value: `${reason.text} (${reason.clause})`,
                  })),
                ],
              },
            ]
          : []),
        ...(data.tenancy
          ? [
              {
                heading: `Tenancy of ${data.tenancy.address}`,
                rows: [
                  { label: 'Status', value: data.tenancy.status },
                  { label: 'Starts', value: when(data.tenancy.startDate) },
                  { label: 'Rent each week', value: pounds(data.tenancy.weeklyRent) },
                  { label: 'Named on it', value: data.tenancy.tenants.join(', ') },
                  ...(data.tenancy.signedAt
                    ? [{ label: 'You signed', value: when(data.tenancy.signedAt) }]
                    : []),
                  ...(data.tenancy.countersignedAt
                    ? [{ label: 'We signed', value: when(data.tenancy.countersignedAt) }]
                    : []),
                ],
              },
            ]
          : []),
        ...(data.key
          ? [
              {
                heading: 'Your digital key',
                rows: [
                  { label: 'Opens the door from', value: when(data.key.validFrom) },
                  { label: 'Until', value: when(data.key.validUntil) },
                  { label: 'Issued', value: when(data.key.issuedAt) },
                ],
              },
            ]
          : []),
      ],
      empty: 'You have not been offered a home yet.',
    },
    {
      id: 'consents',
      title: 'Your consents',
      why: 'What you agreed we may do beyond your application, and when you changed your mind.',
      groups: data.consents.map((record) => ({
        heading: CONSENT_USES[record.use].label,
        rows: [
          { label: record.given ? 'Given' : 'Withdrawn', value: `${when(record.at)}, ${VIA[record.via]}` },
          { label: 'Privacy notice', value: `Version ${record.noticeVersion}` },
        ],
      })),
      empty: 'You have not given any consents.',
    },
    {
      id: 'safe-contact',
      title: 'How it is safe to contact you',
      why: 'So we never write, text or call you in a way that could put you at risk.',
      groups: data.contactSafety
        ? [
            {
              rows: [
                { label: 'What you told us', value: safeContactSummary(data.contactSafety) },
                { label: 'Told us', value: when(data.contactSafety.updatedAt) },
              ],
            },
          ]
        : [],
      empty: 'You have not told us of any way it is not safe to contact you.',
    },
    {
      id: 'waits',
      title: 'What we are waiting for',
      why: 'So nothing is forgotten: each has a deadline.',
      groups: data.waits.map((wait) => ({
        heading: wait.stageTitle,
        rows: [
          { label: 'Waiting for', value: wait.waitingFor === 'applicant' ? 'You' : 'An officer' },
          { label: 'By', value: when(wait.deadline) },
        ],
      })),
      empty: 'We are not waiting for anything.',
    },
    {
      id: 'messages',
      title: 'Messages we sent you',
      why: 'To tell you what is happening and what to do next.',
      groups: (data.messages ?? []).map((message) => ({
        rows: [
          {
            label: when(message.at),
            value: `${message.template.replace(/-/g, ' ')}${message.channels ? ` (${message.channels.split(' ').join(', ')})` : ''}`,
          },
        ],
      })),
      empty: data.messages
        ? 'We have no record of a message to you about this application. Ask us if you think we sent one.'
        : 'This copy cannot list them: messages wait in a queue for sending, which is not kept by application. Ask us and we will search it for yours.',
    },
    {
      id: 'audit',
      title: 'Our record of what happened',
      why: 'So every step and decision can be checked later. It holds facts, not your answers.',
      groups: data.auditEvents.map((event) => ({
        heading: `${when(event.at)}: ${event.type.replace(/-/g, ' ')}`,
        rows: [
          { label: 'By', value: ACTORS[event.actor] },
          ...(event.stage ? [{ label: 'Stage', value: stageTitles[event.stage] }] : []),
          ...Object.entries(event.facts ?? {}).map(([name, value]) => ({
            label: readable(name),
            value: String(value),
          })),
        ],
      })),
      empty: 'Nothing recorded yet.',
    },
    {
      id: 'withheld',
      title: 'What this copy leaves out, and why',
      why: 'You have the right to your personal data. Some of what we hold is someone else’s, or keeps the service safe.',
      groups: data.withheld.map((item) => ({
        heading: item.what,
        rows: [{ label: 'Why', value: item.why }],
      })),
      empty: '',
    },
  ];
}
