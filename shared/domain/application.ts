import * as z from 'zod';
import { Language } from '../i18n/language.js';
import { ConsentHistory } from './consents.js';
import { ContactSafety } from './contact-safety.js';
import { StoredImmigrationEvidence } from './immigration-evidence.js';
import { Stage } from './stage.js';

/**
 * The single applicant profile: entered once, read by every stage (DESIGN.md §1, "data entered once").
 * Types are inferred from these schemas and never written twice (STYLE.md).
 */

export const IsoDate = z.iso.date();
export const Pence = z.number().int().nonnegative();

/**
 * An amount an applicant gives, in pence: whole, never negative, and below a ceiling past which the answer is
 * surely a mistake (a misplaced decimal point), each with a message that names the problem in plain English.
 */
function Amount(what: string, ceilingPence: number, ceiling: string) {
  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return z
    .number()
    .int(`Give ${what} in whole pence`)
    .nonnegative(`${What} cannot be negative: enter 0 for none`)
    .max(ceilingPence, `More than ${ceiling} of ${what} is not believable: check the amount`);
}

export const ApplicationId = z
  .string()
  .regex(/^app_[0-9A-Za-z]{16,40}$/, 'An application id looks like app_ followed by letters and digits');
export type ApplicationId = z.infer<typeof ApplicationId>;

export const LandlordId = z
  .string()
  .regex(/^[a-z0-9-]{2,40}$/, 'A landlord id is lower-case letters, digits and dashes');

/** Immigration status categories asked at the Eligibility stage (Housing Act 1996 s160ZA / s160A). */
export const ImmigrationStatus = z.enum([
  'british-or-irish',
  'eu-settled-status',
  'eu-pre-settled-status',
  'indefinite-leave',
  'refugee-or-humanitarian-protection',
  'limited-leave',
  'no-current-permission',
  'not-sure',
]);
export type ImmigrationStatus = z.infer<typeof ImmigrationStatus>;

/**
 * How someone is related to the applicant. A lodger is part of the household for Housing Benefit's size
 * criteria but not for Universal Credit's (HB Regs 2006 reg B13 counts every occupier; UC Regs 2013 Sch 4
 * para 9 does not count a lodger).
 */
export const Relationship = z.enum(['applicant', 'partner', 'child', 'other-adult', 'lodger']);
export type Relationship = z.infer<typeof Relationship>;

export const HouseholdMember = z.object({
  memberId: z.string().min(1).max(40),
  relationship: Relationship,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  dateOfBirth: IsoDate,
  sex: z.enum(['female', 'male']),
  /** Expected, not yet born: an unborn child does not count for bedrooms (HB Regs 2006 reg B13). */
  unborn: z.boolean().default(false),
  /** A disabled child or partner who cannot share a bedroom because of their disability. */
  needsOwnRoomForDisability: z.boolean().default(false),
  /** For an unborn child: when the baby is due (some allocation schemes count a baby before birth). */
  dueDate: IsoDate.optional(),
  /** Needs a carer who does not live with them to stay overnight (an extra bedroom: HB Regs 2006 reg B13(6)(a)). */
  needsOvernightCarer: z.boolean().optional(),
  /** A student who lives away and means to come back (counted by the size criteria; schemes differ). */
  awayStudent: z.boolean().optional(),
  /** A son, daughter or stepchild away on armed-forces operations who means to come back (reg B13(6)(b)). */
  awayArmedForces: z.boolean().optional(),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

/** Everyone who will live in the home: the applicant once, at most one partner, each member id once. */
export const Household = z
  .array(HouseholdMember)
  .min(1, 'Tell us about at least yourself')
  .max(20)
  .superRefine((members, context) => {
    const applicants = members.filter((member) => member.relationship === 'applicant').length;
    if (applicants !== 1) {
      context.addIssue({ code: 'custom', message: 'Exactly one member is the applicant' });
    }
    if (members.filter((member) => member.relationship === 'partner').length > 1) {
      context.addIssue({ code: 'custom', message: 'A household has at most one partner of the applicant' });
    }
    const ids = new Set<string>();
    members.forEach((member, index) => {
      if (ids.has(member.memberId)) {
        context.addIssue({ code: 'custom', path: [index, 'memberId'], message: 'Each member id only once' });
      }
      ids.add(member.memberId);
    });
  });

export const Contact = z.object({
  email: z.email().max(254),
  phone: z
    .string()
    .regex(/^\+?[0-9 ]{10,16}$/, 'A phone number has 10 to 15 digits')
    .optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Income = z.object({
  /** Net monthly earnings of the household, in pence. */
  monthlyEarnings: Pence,
  /** Monthly benefits and pensions, in pence (not counting help with housing costs). */
  monthlyBenefits: Pence,
  /** Savings and other assets, in pence. */
  savings: Pence,
  /** Help with rent the household gets or would claim: the UC housing element or Housing Benefit. */
  housingSupport: z.enum(['none', 'universal-credit', 'housing-benefit']).optional(),
});
export type Income = z.infer<typeof Income>;

export const LocalConnection = z.object({
  /** Whole years the applicant has lived in the council's area, up to today. */
  yearsInArea: z.number().int().min(0).max(120),
  /** Works in the area (a local connection in many schemes). */
  worksInArea: z.boolean().optional(),
  /** A parent, adult child or sibling who has lived in the area for five years or more. */
  closeFamilyInArea: z.boolean().optional(),
  armedForces: z.boolean().default(false),
  fleeingDomesticAbuse: z.boolean().default(false),
  careLeaver: z.boolean().default(false),
  rightToMove: z.boolean().default(false),
});
export type LocalConnection = z.infer<typeof LocalConnection>;

export const Tenure = z.enum([
  'private-rent',
  'social-rent',
  'living-with-family',
  'owner',
  'temporary-accommodation',
  'no-home',
]);

/**
 * Where the household lives now. Someone with nowhere to live has no address or postcode to give (and must not
 * be made to invent one that letters would then go to): both are required for every other tenure.
 */
export const CurrentHome = z
  .object({
    postcode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'Enter a full UK postcode, like CF10 1AA')
      .optional(),
    addressLine: z.string().trim().min(1).max(200).optional(),
    bedrooms: z.number().int().min(0).max(10),
    tenure: Tenure,
  })
  .superRefine((home, context) => {
    if (home.tenure === 'no-home') return;
    if (home.addressLine === undefined)
      context.addIssue({ code: 'custom', path: ['addressLine'], message: 'Give the address you live at' });
    if (home.postcode === undefined)
      context.addIssue({ code: 'custom', path: ['postcode'], message: 'Give the postcode you live at' });
  });
export type CurrentHome = z.infer<typeof CurrentHome>;

/**
 * The household's circumstances that decide qualification and priority (Housing Act 1996 s160ZA(7) local
 * criteria; s166A(3) / s167(2) reasonable preference). Asked once, each with a plain question.
 */
export const Circumstances = z.object({
  /** Owns a home, or part of one, anywhere (a common local qualification criterion). */
  ownsProperty: z.boolean().default(false),
  /** Rent owed to a former landlord, in pence. */
  formerTenancyArrears: Amount('arrears', 100_000_000, '£1,000,000').default(0),
  /** Has kept to an agreed plan to repay those arrears (schemes treat this as not serious). */
  arrearsRepaymentPlanKept: z.boolean().default(false),
  /** A court found them, or someone in the household, responsible for serious anti-social behaviour. */
  unacceptableBehaviour: z.boolean().default(false),
  /** The council owes them a homelessness duty (Housing Act 1996 Part 7). */
  homelessnessDuty: z.enum(['none', 'prevention', 'relief', 'main']).default('none'),
  /** Their home is in serious disrepair or unsanitary (s166A(3)(b)). */
  disrepair: z.boolean().default(false),
  /** Need to move on medical or welfare grounds, including disability (s166A(3)(d)). */
  medicalNeed: z.enum(['none', 'moderate', 'urgent']).default('none'),
  /** Need to move to a particular area to avoid hardship, for example to give or receive care (s166A(3)(e)). */
  hardshipMove: z.boolean().default(false),
  /** An approved foster carer, or approved and waiting for a placement (an extra bedroom: reg B13(6)(c)). */
  fosterCarer: z.boolean().default(false),
});
export type Circumstances = z.infer<typeof Circumstances>;

/**
 * Document kinds an applicant can upload; content types checked at the slot and sniffed after upload. What each
 * proves, yields and how long it is kept is the catalogue in `documents.ts`. A BRP is a kind only so that it is
 * refused with its reason (`immigration-evidence.ts`), never stored.
 */
export const DocumentKind = z.enum([
  'passport',
  'driving-licence',
  'payslip',
  'bank-statement',
  'universal-credit-statement',
  'benefit-letter',
  'utility-bill',
  'council-tax-bill',
  'brp',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const DocumentContentType = z.enum(['image/jpeg', 'image/png', 'application/pdf']);
export type DocumentContentType = z.infer<typeof DocumentContentType>;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DocumentRecord = z.object({
  documentId: z.string().min(1),
  kind: DocumentKind,
  contentType: DocumentContentType,
  sizeBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  /**
   * declared: the applicant asked to upload it; read: fields were extracted; rejected: sniffing or a check failed;
   * deleted: its retention ended, so its bytes and what was read from it are gone (services/retention.ts).
   */
  status: z.enum(['declared', 'uploaded', 'read', 'rejected', 'deleted']),
  declaredAt: z.iso.datetime(),
  /** Fields read from the document (OCR), once reading exists; each with a confidence from 0 to 1. */
  readFields: z
    .record(z.string(), z.object({ value: z.string(), confidence: z.number().min(0).max(1) }))
    .optional(),
  receivedAt: z.iso.datetime().optional(),
  /** What is wrong with it, in plain English, and what to do next (rejected, unreadable, or not matching the answers). */
  problem: z.string().optional(),
  /**
   * Signs of possible tampering, in plain English, for the officer who checks it (domain/tampering.ts): never a
   * reason to refuse it on their own.
   */
  signals: z.array(z.string()).optional(),
  /** A photo's perceptual hash (64-bit dHash, hex), claimed per application to find the same photo on another. */
  imageHash: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  /** How many pages a PDF has (at most the cap, checked at upload). */
  pages: z.number().int().positive().optional(),
  /**
   * While the document is being read later (a PDF of several pages in AWS: Textract's asynchronous analysis), the
   * job reading it; it stays `uploaded` until the job's answer arrives, and loses this once it has.
   */
  readingJob: z.object({ jobId: z.string().min(1).max(64), startedAt: z.iso.datetime() }).optional(),
  /** When an officer checking it asked for another instead (it is then `rejected`, the reason in `problem`). */
  replacementAskedAt: z.iso.datetime().optional(),
  /**
   * When it is to be deleted: set when the application closes or is let, from the kind's retention
   * (`documents.ts`, UK GDPR Art. 5(1)(e)). Unset while the application is open.
   */
  deleteAfter: z.iso.datetime().optional(),
  /** When the retention sweep deleted it: the record keeps its kind and dates, nothing read from it. */
  deletedAt: z.iso.datetime().optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const Profile = z.object({
  household: z.array(HouseholdMember).default([]),
  contact: Contact.optional(),
  immigrationStatus: ImmigrationStatus.optional(),
  /**
   * A share code for an officer to check, when the applicant is not British or Irish (never checked here), with
   * the day it is to be deleted once the application closes or is let.
   */
  immigrationEvidence: StoredImmigrationEvidence.optional(),
  income: Income.optional(),
  localConnection: LocalConnection.optional(),
  currentHome: CurrentHome.optional(),
  circumstances: Circumstances.optional(),
});
export type Profile = z.infer<typeof Profile>;

/** One reason of a decision: the rule it rests on, the clause cited, plain English, and the answer it used. */
export const Reason = z.object({
  rule: z.string().min(1),
  clause: z.string().min(1),
  text: z.string().min(1),
  answer: z.string().optional(),
});
export type Reason = z.infer<typeof Reason>;

export const Outcome = z.enum([
  'eligible',
  'qualifies',
  'recorded',
  'verified',
  'registered',
  /** An officer must decide: documents or judgement are needed, or an adverse decision awaits confirmation (UK GDPR Art. 22). */
  'refer',
]);
export type Outcome = z.infer<typeof Outcome>;

export const Decision = z.object({
  stage: z.enum(Stage),
  outcome: Outcome,
  reasons: z.array(Reason).min(1),
  /** The answers the decision used, so it can be re-run and explained later. */
  inputs: z.record(z.string(), z.unknown()),
  policyVersion: z.string(),
  decidedBy: z.enum(['system', 'officer']),
  decidedAt: z.iso.datetime(),
  /** What happens next, in plain English. */
  next: z.string().min(1),
  /** How to ask for a review, when the decision goes against the applicant. */
  review: z.object({ route: z.string(), withinDays: z.number().int().positive() }).optional(),
  /** The decision letter's PDF, once a workflow step has written it (domain/letters.ts says which need one). */
  letter: z
    .object({ key: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), madeAt: z.iso.datetime() })
    .optional(),
});
export type Decision = z.infer<typeof Decision>;

export const Registration = z.object({
  band: z.enum(['A', 'B', 'C', 'D']),
  effectiveDate: IsoDate,
  bedroomNeed: z.number().int().min(1),
});
export type Registration = z.infer<typeof Registration>;

/**
 * An applicant's request for a review of a decision (Housing Act 1996 s166A(9) in England, s167(4A) in Wales),
 * made within the scheme's period. `decision` is the decision's place in the application's decisions, which only
 * ever grow. The reason is the applicant's own words: it stays on the application, never in the audit log.
 */
export const ReviewRequest = z.object({
  decision: z.number().int().min(0),
  reason: z.string().trim().min(3).max(1000),
  requestedAt: z.iso.datetime(),
  /** The day the council has said it will decide the review by (the scheme's period from the request). */
  dueBy: z.iso.date().optional(),
  /**
   * The review's result, once an officer has decided it: `upheld` (the decision stands) or `changed` (an
   * officer's later decision of the same stage replaced it). The reason is the officer's words to the household.
   */
  outcome: z
    .object({
      result: z.enum(['upheld', 'changed']),
      reason: z.string().trim().min(3).max(1000),
      decidedAt: z.iso.datetime(),
      decidedBy: z.string().min(1),
    })
    .optional(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ApplicationStatus = z.enum(['in-progress', 'waiting', 'registered', 'offered', 'let', 'closed']);

export const Application = z.object({
  applicationId: ApplicationId,
  landlordId: LandlordId,
  /** The applicant's pseudonymous subject id (from their verified email): who may read and answer this journey. */
  ownerId: z.string().min(1),
  policyId: z.string(),
  stage: z.enum(Stage),
  status: ApplicationStatus,
  profile: Profile,
  documents: z.array(DocumentRecord).default([]),
  decisions: z.array(Decision).default([]),
  registration: Registration.optional(),
  /** The live offer, while there is one (at most one per household at a time). */
  currentOfferId: z.string().optional(),
  /** Reviews the applicant asked for, one per decision at most. */
  reviewRequests: z.array(ReviewRequest).max(100).optional(),
  /**
   * Where the conversation is (DESIGN.md §1, data entered once): the prompts already answered, so none is asked
   * twice, and the applicant's own details while they are given one question at a time.
   */
  conversation: z
    .object({
      answered: z.array(z.string().max(40)).max(40).default([]),
      aboutYou: HouseholdMember.pick({ firstName: true, lastName: true, dateOfBirth: true, sex: true })
        .partial()
        .optional(),
    })
    .optional(),
  /**
   * The applicant's consents to uses of their data beyond the register (domain/consents.ts): every change,
   * oldest first, each with when, under which privacy notice and how it was given or withdrawn.
   */
  consents: ConsentHistory.optional(),
  /**
   * The applicant's copy of their data as a PDF (UK GDPR Art. 15(3)): when they last asked for one, and the one
   * the letters step made (services/your-data-pdf.ts), which is current once made at or after it was asked for.
   */
  dataCopy: z
    .object({
      requestedAt: z.iso.datetime(),
      made: z
        .object({
          key: z.string().min(1),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          madeAt: z.iso.datetime(),
          /** When the retention sweep deletes it (domain/retention.ts): a copy is for downloading, not for keeping. */
          deleteAfter: z.iso.datetime().optional(),
        })
        .optional(),
    })
    .optional(),
  /**
   * The applicant withdrew the application (issue 9): when, at which stage, and their reason if they gave one.
   * The reason is their own words: it stays here, never in the audit log. The application is then `closed`.
   */
  withdrawal: z
    .object({
      withdrawnAt: z.iso.datetime(),
      stage: z.enum(Stage),
      reason: z.string().trim().min(1).max(500).optional(),
      /** The live offer withdrawn with it, so a repeated withdrawal can still pass its home on. */
      offerId: z.string().min(1).optional(),
    })
    .optional(),
  /** How it is safe to contact the applicant (domain/contact-safety.ts): every message respects it. */
  contactSafety: ContactSafety.optional(),
  /**
   * The language the applicant chose on the web (issue 9; Welsh Language Standards): messages to them are written
   * in it. Absent: English, until they choose.
   */
  language: Language.optional(),
  /**
   * The partner council's nomination this application came from (issue 10; Housing Act 1996 s170), and which of
   * the journey's sections hold the council's answers, so the applicant is asked to check them rather than enter
   * them again (domain/nominations.ts).
   */
  nomination: z
    .object({
      nominationId: z.string().min(1),
      councilName: z.string().min(1),
      prefilled: z.array(z.string().max(40)).max(20),
    })
    .optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic-locking version: every write must name the version it read. */
  version: z.number().int().nonnegative(),
});
export type Application = z.infer<typeof Application>;

/** The newest decision of a stage, if the stage has decided. */
export function latestDecision(application: Application, stage: Stage): Decision | undefined {
  return application.decisions.findLast((decision) => decision.stage === stage);
}
