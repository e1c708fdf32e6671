import { z } from 'zod';
import { ApplicationId, IsoDate, LandlordId, Pence, type Reason } from './application.js';

/** A home the landlord lets. */
export const Property = z.object({
  propertyId: z.string().regex(/^prop_[0-9A-Za-z-]{1,40}$/),
  landlordId: LandlordId,
  address: z.string().min(1),
  postcode: z.string().min(1),
  bedrooms: z.number().int().min(0).max(10),
  /** Weekly rent, in pence. */
  weeklyRent: Pence,
  /** The door a digital key opens. */
  doorId: z.string().min(1),
  availableFrom: IsoDate,
  status: z.enum(['available', 'offered', 'let']),
});
export type Property = z.infer<typeof Property>;

export const OfferStatus = z.enum([
  'awaiting-approval',
  'awaiting-applicant',
  'accepted',
  'refused',
  'withdrawn',
  'let',
]);
export type OfferStatus = z.infer<typeof OfferStatus>;

export const Offer = z.object({
  offerId: z.string().regex(/^off_[0-9A-Za-z]{16,40}$/),
  applicationId: ApplicationId,
  propertyId: z.string(),
  landlordId: LandlordId,
  status: OfferStatus,
  reasons: z.array(
    z.object({ rule: z.string(), clause: z.string(), text: z.string(), answer: z.string().optional() }),
  ),
  createdAt: z.iso.datetime(),
  closedReason: z.string().optional(),
});
export type Offer = z.infer<typeof Offer>;

export const Tenancy = z.object({
  tenancyId: z.string(),
  offerId: z.string(),
  applicationId: ApplicationId,
  propertyId: z.string(),
  tenants: z.array(z.string()).min(1),
  address: z.string(),
  weeklyRent: Pence,
  startDate: IsoDate,
  /** England: an assured tenancy; Wales: a secure occupation contract (Renting Homes (Wales) Act 2016). */
  kind: z.enum(['assured-tenancy', 'secure-occupation-contract']),
  /** The agreement's terms, in order; hashed so a signature can name exactly what was signed. */
  terms: z.array(z.string()).min(1),
  termsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['awaiting-signature', 'signed']),
  signedAt: z.iso.datetime().optional(),
});
export type Tenancy = z.infer<typeof Tenancy>;

export const KeyCredential = z.object({
  credentialId: z.string(),
  tenancyId: z.string(),
  doorId: z.string(),
  holder: z.string(),
  validFrom: IsoDate,
  issuedAt: z.iso.datetime(),
  /** Signed credentials (JWS) arrive with the keys issue; today the record says so. */
  format: z.literal('record-only'),
});
export type KeyCredential = z.infer<typeof KeyCredential>;

/**
 * Matching, today's honest minimum: the smallest available home of the applicant's landlord with at least the
 * bedrooms the household needs, earliest available first. Ranking by band and date and the policy's filters
 * arrive with the offers issue.
 */
export function pickHome(
  homes: readonly Property[],
  need: { bedroomNeed: number; landlordId: string },
): { home: Property; reasons: Reason[] } | undefined {
  const fitting = homes
    .filter((home) => home.status === 'available' && home.landlordId === need.landlordId)
    .filter((home) => home.bedrooms >= need.bedroomNeed)
    .sort((a, b) => a.bedrooms - b.bedrooms || a.availableFrom.localeCompare(b.availableFrom));
  const home = fitting[0];
  if (!home) return undefined;
  return {
    home,
    reasons: [
      {
        rule: 'matching.bedrooms',
        clause: 'Housing Benefit Regulations 2006 reg B13',
        text: `${home.address} has ${home.bedrooms} bedroom${home.bedrooms === 1 ? '' : 's'}; your household needs ${need.bedroomNeed}.`,
        answer: String(need.bedroomNeed),
      },
    ],
  };
}
