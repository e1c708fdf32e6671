import * as z from 'zod';
import { ApplicationId, IsoDate, LandlordId, type Reason } from './application.js';
import { allocationClause } from './bedrooms.js';
import type { Policy } from './policy.js';

/**
 * Choice-based lettings (issue 8): a landlord advertises a home for a bidding cycle, households it fits say they
 * are interested, and the home is offered to the interested household the scheme ranks first (band, then effective
 * date), like a direct offer but among bidders only. Housing Act 1996 s166A(2) (England) and s167(1A) (Wales)
 * allow a scheme to let applicants choose which homes to be considered for.
 */

/** The longest a bidding cycle may run, in days (a week or two is usual; a month at most). */
export const LONGEST_CYCLE_DAYS = 28;

export const Advert = z.object({
  propertyId: z.string(),
  landlordId: LandlordId,
  advertisedOn: IsoDate,
  /** The last day households can say they are interested (inclusive). */
  closesOn: IsoDate,
});
export type Advert = z.infer<typeof Advert>;

/** A household's interest in an advertised home: recorded once, kept with the home. */
export const Bid = z.object({
  propertyId: z.string(),
  applicationId: ApplicationId,
  at: z.iso.datetime(),
});
export type Bid = z.infer<typeof Bid>;

/** Whether an advert takes interest on the day `on` (ISO date). */
export function isOpen(advert: Pick<Advert, 'advertisedOn' | 'closesOn'>, on: string): boolean {
  return advert.advertisedOn <= on && on <= advert.closesOn;
}

/** Why a household may say it is interested in a home, in plain English with the scheme's clause. */
export function choiceReason(
  policy: Pick<Policy, 'councilName' | 'policyId' | 'version' | 'jurisdiction'>,
): Reason {
  const statute = policy.jurisdiction === 'wales' ? 'Housing Act 1996 s167(1A)' : 'Housing Act 1996 s166A(2)';
  return {
    rule: 'matching.choice',
    clause: `${allocationClause(policy, 'choice-based lettings: households choose the homes they are considered for')}; ${statute}`,
    text: 'You said you were interested in this home when it was advertised, and you were the first on the register of those who did.',
  };
}
