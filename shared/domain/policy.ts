import * as z from 'zod';

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
  qualification: z.object({
    /** Youngest age at which an applicant may join the register (England: a local qualification criterion). */
    minimumAge: z.number().int().min(16).max(25),
    /** Whole years of residence in the area an applicant needs (England only; 0 means no residence rule). */
    residenceYears: z.number().int().min(0).max(10),
  }),
  /** How many days an applicant has to ask for a review of a decision (often 21). */
  reviewWithinDays: z.number().int().min(7).max(56),
  /** Backstops for waits on people, in days; the deadlines themselves are data on the record. */
  waits: z.object({
    applicantAnswersDays: z.number().int().min(1).max(300),
    officerDecisionDays: z.number().int().min(1).max(60),
    offerResponseDays: z.number().int().min(1).max(60),
    signingDays: z.number().int().min(1).max(60),
  }),
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
