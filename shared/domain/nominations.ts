import * as z from 'zod';
import {
  type Application,
  Circumstances,
  CurrentHome,
  type HouseholdMember,
  ImmigrationStatus,
  Income,
  IsoDate,
  LandlordId,
  LocalConnection,
  type Profile,
  Reason,
} from './application.js';
import { addDays, isoDay } from './dates.js';
import type { NominationAgreement } from './policy.js';

/**
 * Nominations (issue 10; Housing Act 1996 s170): a council that owes a household a duty asks a housing association
 * to house it, under the nomination agreement between them. The council sends what it already knows about the
 * household; Doorstep invites the household into the journey with those answers in its profile, to confirm, not to
 * enter again (DESIGN.md §1: data entered once). The landlord decides on the nomination by the agreement's
 * deadline, citing the agreement. Pure rules and schemas here: services/nominations.ts does the work.
 *
 * The household's schemas mirror the application's profile sections (domain/application.ts), with every object
 * strict: a field the API does not know is a 400 naming it, never silently dropped.
 */

export const NominationId = z
  .string()
  .regex(/^nom_[0-9a-f]{32}$/, 'A nomination id looks like nom_ followed by 32 hexadecimal digits')
  .meta({ description: 'Doorstep’s id for the nomination, as returned when it was created.' });
export type NominationId = z.infer<typeof NominationId>;

export const CouncilId = z
  .string()
  .regex(/^[a-z0-9-]{2,40}$/, 'A council id is lower-case letters, digits and dashes');

const Name = z.string().trim().min(1).max(100);
const Sex = z.enum(['female', 'male']);

/** The person the council nominates: the applicant, who will be invited and sign in. */
export const NominatedApplicant = z
  .object({
    firstName: Name,
    lastName: Name,
    dateOfBirth: IsoDate.meta({ description: 'ISO 8601 date, like 1988-07-02' }),
    sex: Sex,
  })
  .strict()
  .meta({
    description: 'The person nominated, who will be the applicant and is invited to confirm the answers.',
  });

/** Someone who will live with the applicant (HB Regs 2006 reg B13 counts each for bedrooms). */
export const NominatedMember = z
  .object({
    relationship: z.enum(['partner', 'child', 'other-adult', 'lodger']),
    firstName: Name,
    lastName: Name,
    dateOfBirth: IsoDate.meta({ description: 'For a baby not yet born, the date it is due' }),
    sex: Sex,
    unborn: z.boolean().optional(),
    needsOwnRoomForDisability: z.boolean().optional(),
    needsOvernightCarer: z.boolean().optional(),
  })
  .strict()
  .meta({ description: 'Someone else who will live in the home.' });

/**
 * How to reach the household with the invitation: an email address, a UK mobile, or both (at least one). The
 * invitation goes there, and signing in with that address or number is what lets the household take it up.
 */
export const NominationContact = z
  .object({
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{10,16}$/, 'A phone number has 10 to 15 digits')
      .optional(),
  })
  .strict()
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: 'Give an email address or a mobile number to send the invitation to',
  })
  .meta({ description: 'Where the invitation goes: an email address, a UK mobile, or both.' });

/** The homelessness duty the council owes the household (Housing Act 1996 Part 7), the reason it nominates. */
export const OwedDuty = z.enum(['prevention', 'relief', 'main', 'none']).meta({
  description:
    'The homelessness duty the council owes: prevention (s195), relief (s189B), main (s193), or none (a nomination for another reason).',
});

export const NominationHousehold = z
  .object({
    applicant: NominatedApplicant,
    members: z.array(NominatedMember).max(19).default([]),
    contact: NominationContact,
    homelessnessDuty: OwedDuty,
    immigrationStatus: ImmigrationStatus.optional(),
    currentHome: CurrentHome.strict().optional(),
    income: Income.strict().optional(),
    localConnection: LocalConnection.strict().optional(),
  })
  .strict()
  .superRefine((household, context) => {
    if (household.members.filter((member) => member.relationship === 'partner').length > 1) {
      context.addIssue({ code: 'custom', path: ['members'], message: 'A household has at most one partner' });
    }
  })
  .meta({
    description:
      'What the council knows about the household, in the sections the journey asks: each given here is shown to the household to confirm, not asked again.',
  });
export type NominationHousehold = z.infer<typeof NominationHousehold>;

/** `POST /v1/nominations`: the calling council is the token's, never the body's. */
export const CreateNominationBody = z
  .object({
    landlordId: LandlordId.meta({
      description:
        'The housing association nominated to, which must have a nomination agreement with the council',
    }),
    councilReference: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9/_.-]+$/, 'A council reference is letters, digits and / _ . -')
      .meta({ description: 'The council’s own reference for the case (no personal data)' }),
    household: NominationHousehold,
  })
  .strict()
  .meta({ description: 'A nomination of a household to a housing association (Housing Act 1996 s170).' });
export type CreateNominationBody = z.infer<typeof CreateNominationBody>;

/** `POST /v1/nominations/{nominationId}/withdraw`. */
export const WithdrawNominationBody = z
  .object({
    reason: z.string().trim().max(500).optional().meta({
      description: 'Why the council withdraws it; kept with the nomination, never sent to the household',
    }),
  })
  .strict()
  .meta({ description: 'The council withdraws its nomination; withdrawing again answers the same.' });

/**
 * Where a nomination is: `received` (stored, not yet sent), `invited` (the household has been told how to start),
 * `applying` (the household has signed in and its application is under way), `decided` (the landlord accepted or
 * refused it), `housed` (a home is let to the household), `withdrawn` (by the council, or the household left).
 */
export const NominationStatus = z.enum(['received', 'invited', 'applying', 'decided', 'housed', 'withdrawn']);
export type NominationStatus = z.infer<typeof NominationStatus>;

export const NominationDecision = z.object({
  outcome: z.enum(['accepted', 'refused']),
  /** Each reason cites the nomination agreement's clause it rests on. */
  reasons: z.array(Reason).min(1),
  decidedAt: z.iso.datetime(),
  /** The officer's pseudonymous id. */
  decidedBy: z.string().min(1),
  /** Decided after the agreement's deadline. */
  late: z.boolean(),
});
export type NominationDecision = z.infer<typeof NominationDecision>;

/** The nomination as stored. */
export const Nomination = z.object({
  nominationId: NominationId,
  councilId: CouncilId,
  landlordId: LandlordId,
  councilReference: z.string().min(1).max(64),
  household: NominationHousehold,
  /** The agreement's terms on the day it arrived: later changes to the agreement do not move its deadline. */
  agreement: z.object({
    title: z.string().min(1),
    councilName: z.string().min(1),
    decisionDays: z.number().int().positive(),
  }),
  /** The day the landlord must decide by: the nomination's day plus the agreement's days. */
  decisionDueBy: IsoDate,
  /**
   * The pseudonymous subjects (services/sessions.ts) of the invitation's email address and mobile: signing in as
   * one of them takes the invitation up. Never the address or number themselves in an index.
   */
  invitedSubjects: z.array(z.string().min(1)).min(1).max(2),
  invitedAt: z.iso.datetime().optional(),
  /** The application the household's sign-in made, with the council's answers in its profile. */
  applicationId: z.string().optional(),
  claimedAt: z.iso.datetime().optional(),
  decision: NominationDecision.optional(),
  withdrawal: z
    .object({
      withdrawnAt: z.iso.datetime(),
      by: z.enum(['council', 'applicant']),
      reason: z.string().max(500).optional(),
    })
    .optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().nonnegative(),
});
export type Nomination = z.infer<typeof Nomination>;

/** The day the landlord must decide a nomination by (s170 agreement terms), from the day it arrived. */
export function decisionDueBy(createdAt: string, decisionDays: number): string {
  return addDays(isoDay(new Date(createdAt)), decisionDays);
}

/** Whether the landlord's decision is overdue on `today` (ISO date): undecided, open, and past its day. */
export function decisionOverdue(nomination: Nomination, today: string): boolean {
  return !nomination.decision && !nomination.withdrawal && today > nomination.decisionDueBy;
}

/**
 * The nomination's status, derived from the nomination and its household's application (if it has one), so the
 * council never reads a status that disagrees with the journey: a let application is `housed`, one the household
 * withdrew is `withdrawn`, whatever the nomination itself last recorded.
 */
export function nominationStatus(
  nomination: Nomination,
  application?: Pick<Application, 'status' | 'withdrawal'>,
): NominationStatus {
  if (nomination.withdrawal || application?.withdrawal) return 'withdrawn';
  if (application?.status === 'let') return 'housed';
  if (nomination.decision) return 'decided';
  if (nomination.applicationId) return 'applying';
  if (nomination.invitedAt) return 'invited';
  return 'received';
}

/** What the council reads of its nomination: never the household's data back, only where it is and why. */
export const NominationView = z
  .object({
    nominationId: NominationId,
    landlordId: z.string(),
    councilReference: z.string(),
    status: NominationStatus,
    createdAt: z.iso.datetime(),
    decisionDueBy: IsoDate.meta({ description: 'The day the landlord must decide by, under the agreement' }),
    decisionOverdue: z.boolean(),
    invitedAt: z.iso.datetime().optional(),
    applicationStartedAt: z.iso.datetime().optional(),
    decision: z
      .object({
        outcome: z.enum(['accepted', 'refused']),
        reasons: z.array(
          z
            .object({ clause: z.string(), text: z.string() })
            .meta({ description: 'A reason, citing the agreement' }),
        ),
        decidedAt: z.iso.datetime(),
        late: z.boolean(),
      })
      .optional(),
    withdrawal: z.object({ withdrawnAt: z.iso.datetime(), by: z.enum(['council', 'applicant']) }).optional(),
  })
  .meta({ description: 'A nomination as the council that made it sees it.' });
export type NominationView = z.infer<typeof NominationView>;

export const NominationPage = z
  .object({
    nominations: z.array(NominationView),
    next: z
      .string()
      .optional()
      .meta({ description: 'An opaque cursor for the next page; absent on the last page' }),
  })
  .meta({ description: 'A page of the council’s nominations, newest first.' });

export function nominationView(
  nomination: Nomination,
  application: Pick<Application, 'status' | 'withdrawal'> | undefined,
  today: string,
): NominationView {
  const status = nominationStatus(nomination, application);
  const withdrawnAt = nomination.withdrawal?.withdrawnAt ?? application?.withdrawal?.withdrawnAt;
  return {
    nominationId: nomination.nominationId,
    landlordId: nomination.landlordId,
    councilReference: nomination.councilReference,
    status,
    createdAt: nomination.createdAt,
    decisionDueBy: nomination.decisionDueBy,
    decisionOverdue: decisionOverdue(nomination, today),
    ...(nomination.invitedAt ? { invitedAt: nomination.invitedAt } : {}),
    ...(nomination.claimedAt ? { applicationStartedAt: nomination.claimedAt } : {}),
    ...(nomination.decision
      ? {
          decision: {
            outcome: nomination.decision.outcome,
            reasons: nomination.decision.reasons.map((reason) => ({
              clause: reason.clause,
              text: reason.text,
            })),
            decidedAt: nomination.decision.decidedAt,
            late: nomination.decision.late,
          },
        }
      : {}),
    ...(withdrawnAt
      ? { withdrawal: { withdrawnAt, by: nomination.withdrawal?.by ?? ('applicant' as const) } }
      : {}),
  };
}

/** The listing's page size: 1 to 100, 25 when not given. */
export const ListNominationsQuery = z
  .object({
    limit: z.coerce
      .number()
      .int('limit is a whole number')
      .min(1, 'limit is at least 1')
      .max(100, 'limit is at most 100')
      .default(25),
    cursor: z.string().max(512).optional(),
  })
  .strict();

/** Where a page of a council's nominations ends: the last one's creation time and id (newest first). */
export const ListPosition = z.object({
  councilId: CouncilId,
  createdAt: z.iso.datetime(),
  nominationId: NominationId,
});
export type ListPosition = z.infer<typeof ListPosition>;

/** An opaque, URL-safe cursor for a listing position. */
export const encodeCursor = (position: ListPosition) =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/**
 * Reads a cursor back, or undefined when it is not one this API made for this council: a cursor only ever names
 * a place in the caller's own list, so another council's cursor is refused rather than followed.
 */
export function decodeCursor(cursor: string, councilId: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const position = ListPosition.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return position.success && position.data.councilId === councilId ? position.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The landlord's decision on a nomination, as an officer gives it: accepted, or refused on one or more of the
 * agreement's grounds (each cited by its clause), with an optional note in the officer's words.
 */
export const NominationDecisionBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('accepted'), note: z.string().trim().min(3).max(1000).optional() }).strict(),
  z
    .object({
      outcome: z.literal('refused'),
      grounds: z
        .array(z.string().min(1).max(40))
        .min(1, 'Choose at least one ground from the agreement')
        .max(10),
      note: z.string().trim().min(3).max(1000).optional(),
    })
    .strict(),
]);
export type NominationDecisionBody = z.infer<typeof NominationDecisionBody>;

/**
 * The reasons of a decision, each citing the agreement: an acceptance its acceptance clause, a refusal each ground
 * it rests on. A ground the agreement does not have is an error naming it (a refusal must rest on the agreement).
 */
export function decisionReasons(
  agreement: NominationAgreement,
  body: NominationDecisionBody,
): { ok: true; reasons: Reason[] } | { ok: false; message: string } {
  const rule = 'nomination-agreement';
  if (body.outcome === 'accepted') {
    return {
      ok: true,
      reasons: [
        {
          rule,
          clause: `${agreement.title}, ${agreement.acceptanceClause}`,
          text:
            body.note ?? 'The landlord accepts the nomination and will offer the household a suitable home.',
        },
      ],
    };
  }
  const reasons: Reason[] = [];
  for (const ground of new Set(body.grounds)) {
    const found = agreement.refusalGrounds.find((candidate) => candidate.ground === ground);
    if (!found) {
      return {
        ok: false,
        message: `The agreement has no refusal ground ‘${ground}’: choose from ${agreement.refusalGrounds.map((candidate) => candidate.ground).join(', ')}`,
      };
    }
    reasons.push({ rule, clause: `${agreement.title}, ${found.clause}`, text: found.text });
  }
  if (body.note) reasons.push({ rule, clause: agreement.title, text: body.note });
  return { ok: true, reasons };
}

/** Which of the journey's questions the council's answers settle (conversation.ts `answered`). */
export type PrefilledSection =
  | 'about-you'
  | 'contact'
  | 'household'
  | 'immigration-status'
  | 'current-home'
  | 'income'
  | 'local-connection'
  | 'homelessness-duty';

/**
 * The application's profile from the council's answers, and the journey's questions they answer, so none is asked
 * again (conversation.ts `isAnswered`). The applicant is its own household member; the others get member ids as
 * the household pages would give them (`m2`, `m3`, ...). A section the council did not send stays unanswered and
 * is asked as usual. The homelessness duty answers its own question only: the other questions about the
 * household's circumstances are still asked one by one.
 */
export function profileFromNomination(household: NominationHousehold): {
  profile: Profile;
  answered: string[];
  prefilled: PrefilledSection[];
} {
  const applicant: HouseholdMember = {
    memberId: 'applicant',
    relationship: 'applicant',
    ...household.applicant,
    unborn: false,
    needsOwnRoomForDisability: false,
  };
  const members: HouseholdMember[] = household.members.map((member, index) => ({
    memberId: `m${index + 2}`,
    relationship: member.relationship,
    firstName: member.firstName,
    lastName: member.lastName,
    dateOfBirth: member.dateOfBirth,
    sex: member.sex,
    unborn: member.unborn ?? false,
    needsOwnRoomForDisability: member.needsOwnRoomForDisability ?? false,
    ...(member.unborn ? { dueDate: member.dateOfBirth } : {}),
    ...(member.needsOvernightCarer !== undefined ? { needsOvernightCarer: member.needsOvernightCarer } : {}),
  }));
  const { email, phone } = household.contact;
  const profile: Profile = {
    household: [applicant, ...members],
    ...(email ? { contact: { email, ...(phone ? { phone } : {}) } } : {}),
    ...(household.immigrationStatus ? { immigrationStatus: household.immigrationStatus } : {}),
    ...(household.currentHome ? { currentHome: household.currentHome } : {}),
    ...(household.income ? { income: household.income } : {}),
    ...(household.localConnection ? { localConnection: household.localConnection } : {}),
    circumstances: Circumstances.parse({ homelessnessDuty: household.homelessnessDuty }),
  };
  const prefilled: PrefilledSection[] = [
    'about-you',
    ...(email ? (['contact'] as const) : []),
    'household',
    ...(household.immigrationStatus ? (['immigration-status'] as const) : []),
    ...(household.currentHome ? (['current-home'] as const) : []),
    ...(household.income ? (['income'] as const) : []),
    ...(household.localConnection ? (['local-connection'] as const) : []),
    'homelessness-duty',
  ];
  // The household page is still shown, with the council's members on it to check: it asks the applicant's own
  // needs, which the council does not send, and lets them add someone the council missed. Nobody is entered again.
  const answered = ['homelessness-duty', ...(email ? ['contact'] : [])];
  return { profile, answered, prefilled };
}
