import * as z from 'zod';

/** The bands of a banding scheme, A the highest priority. */
export const Band = z.enum(['A', 'B', 'C', 'D']);
export type Band = z.infer<typeof Band>;

/**
 * A landlord's nomination agreement with the councils that nominate households to it (Housing Act 1996 s170: a
 * housing association co-operates with a council's allocation scheme "to such extent as is reasonable", usually
 * by an agreement giving the council nomination rights). Each council says how many days the landlord has to
 * decide a nomination, and the agreement names the grounds on which it may refuse one, so a refusal cites them.
 */
export const NominationAgreement = z.object({
  /** The agreement's own name and date, cited in every decision. */
  title: z.string().min(1),
  councils: z
    .array(
      z.object({
        councilId: z.string().regex(/^[a-z0-9-]{2,40}$/),
        councilName: z.string().min(1),
        /** Calendar days from the nomination to the landlord's decision on it. */
        decisionDays: z.number().int().min(1).max(90),
      }),
    )
    .min(1),
  /** The grounds the agreement allows for refusing a nomination, each cited by its clause. */
  refusalGrounds: z
    .array(
      z.object({
        ground: z.string().regex(/^[a-z0-9-]{2,40}$/),
        clause: z.string().min(1),
        text: z.string().min(1),
      }),
    )
    .min(1),
  /** The clause under which a nomination is accepted. */
  acceptanceClause: z.string().min(1),
});
export type NominationAgreement = z.infer<typeof NominationAgreement>;

/**
 * A council's or landlord's allocation policy, as versioned data (DESIGN.md §1: "Policy is data").
 * Jurisdiction decides which statute every reason cites.
 */
export const Policy = z.object({
  policyId: z.string().min(1),
  version: z.string().min(1),
  landlordId: z.string().min(1),
  /** The landlord's name as it appears on a tenancy agreement and in its countersignature. */
  landlordName: z.string().min(1),
  councilName: z.string().min(1),
  jurisdiction: z.enum(['england', 'wales']),
  /** Local qualification criteria (England only: Housing Act 1996 s160ZA(7); Wales has none, s160A(7)). */
  qualification: z.object({
    /** Youngest age at which an applicant may join the register (England: a local qualification criterion). */
    minimumAge: z.number().int().min(16).max(25),
    /** Whole years of residence in the area an applicant needs (England only; 0 means no residence rule). */
    residenceYears: z.number().int().min(0).max(10),
    /** Whether working in the area, or close family living there, meets the residence rule instead. */
    residenceAlternatives: z.object({ work: z.boolean(), closeFamily: z.boolean() }),
    /** Household income above which an applicant does not qualify: yearly, in pence, net; null for no cap. */
    incomeCapYearly: z.number().int().positive().nullable(),
    /** Savings and assets above which an applicant does not qualify, in pence; null for no cap. */
    savingsCap: z.number().int().positive().nullable(),
    /** Whether owning a home disqualifies (schemes make exceptions an officer applies). */
    excludeHomeOwners: z.boolean(),
    /** Former-tenancy arrears at or above this do not qualify unless a repayment plan is kept; null for no rule. */
    seriousArrears: z.number().int().positive().nullable(),
  }),
  /**
   * The council's allocation bedroom standard: which homes a household may be offered. Schemes differ from the
   * social-sector size criteria (which decide Housing Benefit / UC under-occupancy), so both are computed.
   */
  bedroomStandard: z.object({
    /** Children of the same sex share a bedroom while both are under this age (16 in the size criteria; some schemes 21). */
    sameSexShareUnder: z.number().int().min(10).max(25),
    /** Children of opposite sexes share while both are under this age (10 in the size criteria). */
    mixedSexShareUnder: z.number().int().min(0).max(16),
    /** Count an unborn child from this many weeks before the due date; null: only once born. */
    countUnbornWeeksBeforeDue: z.number().int().min(0).max(40).nullable(),
  }),
  /** Rent after help with housing costs, as a share of net household income (a flag for an officer, never a refusal). */
  affordability: z.object({
    /** Above this percentage of net income, an officer talks the household through it before an offer. */
    thresholdPercent: z.number().min(10).max(80),
    /** Within this many points below the threshold, the offer carries a note (near the threshold). */
    nearWithinPoints: z.number().min(0).max(20),
  }),
  /** The council's bands for each reasonable-preference group (s166A(3) / s167(2)); the highest applying wins. */
  bands: z.object({
    homeless: Band,
    insanitaryOrOvercrowded: Band,
    medicalOrWelfare: Band,
    /** Urgent medical or welfare need: often one band higher (additional preference, s166A(3) final words). */
    urgentMedical: Band,
    hardship: Band,
    /** Armed forces with an urgent need: additional preference (Allocation of Housing (England) Regs 2012). */
    armedForcesUrgent: Band,
    none: Band,
  }),
  /** How documents read automatically are checked (issue 7): below the threshold, or on a mismatch, a person looks. */
  evidence: z.object({
    /** A field read with less confidence than this (0 to 1) is not compared: an officer or a new photo decides. */
    confidenceThreshold: z.number().min(0.5).max(1),
    /** How far, in per cent, income on a payslip or statement may differ from the income declared. */
    incomeTolerancePercent: z.number().min(0).max(50),
    /** How recent evidence must be, in days: of income (payslips, statements) and of address (bills). */
    recentDays: z.object({
      income: z.number().int().min(7).max(400),
      address: z.number().int().min(7).max(400),
    }),
  }),
  /** How many days an applicant has to ask for a review of a decision (often 21). */
  reviewWithinDays: z.number().int().min(7).max(56),
  /** How many days the council takes at most to decide a review it was asked for (schemes often say 8 weeks). */
  reviewDecisionDays: z.number().int().min(7).max(90),
  /** Backstops for waits on people, in days; the deadlines themselves are data on the record. */
  waits: z.object({
    applicantAnswersDays: z.number().int().min(1).max(300),
    officerDecisionDays: z.number().int().min(1).max(60),
    offerResponseDays: z.number().int().min(1).max(60),
    signingDays: z.number().int().min(1).max(60),
    /** A senior officer's time to decide an offer's approval escalated to them (issue 8). */
    seniorDecisionDays: z.number().int().min(1).max(60),
    /**
     * When the household is reminded before an offer lapses, in hours before its deadline (issue 8): no answer
     * by the deadline, after these reminders, counts as a refusal.
     */
    offerReminderHoursBefore: z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      )
      .max(5),
  }),
  /** The councils that nominate households to this landlord, and on what terms (issue 10). */
  nominationAgreement: NominationAgreement.optional(),
});
export type Policy = z.infer<typeof Policy>;

export type Jurisdiction = Policy['jurisdiction'];

/** The statute each kind of decision rests on, per jurisdiction (DESIGN.md §6). */
export const statute = {
  eligibility: { england: 'Housing Act 1996 s160ZA', wales: 'Housing Act 1996 s160A' },
  qualification: { england: 'Housing Act 1996 s160ZA(7)', wales: 'Housing Act 1996 s160A(7)' },
  reasonablePreference: { england: 'Housing Act 1996 s166A(3)', wales: 'Housing Act 1996 s167(2)' },
  reviewOfDecision: { england: 'Housing Act 1996 s166A(9)', wales: 'Housing Act 1996 s167(4A)' },
} as const satisfies Record<string, Record<Jurisdiction, string>>;

/** The review route every adverse or referred decision carries, in plain English. */
export function reviewRoute(policy: Policy): { route: string; withinDays: number } {
  return {
    route: `You can ask ${policy.councilName} to review this decision (${statute.reviewOfDecision[policy.jurisdiction]}). Reply to the decision letter or tell us in your journey within ${policy.reviewWithinDays} days, saying why you think it is wrong.`,
    withinDays: policy.reviewWithinDays,
  };
}
