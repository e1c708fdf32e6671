import * as z from 'zod';
import { ApplicationId, IsoDate, LandlordId, Pence, type Reason } from './application.js';
import { allocationClause } from './bedrooms.js';
import type { Policy } from './policy.js';

/** Accessibility features a home has and a household may need. */
export const AccessibilityFeature = z.enum(['step-free', 'wheelchair-standard', 'level-access-shower']);
export type AccessibilityFeature = z.infer<typeof AccessibilityFeature>;

/** A local lettings restriction: a minimum age (e.g. homes for older people) or a local connection. */
export const LocalLettings = z.object({
  minimumAge: z.number().int().optional(),
  /** Whole years the applicant must have lived in the area. */
  localConnectionYears: z.number().int().optional(),
});
export type LocalLettings = z.infer<typeof LocalLettings>;

/**
 * What kind of letting a home is (CORE lettings logs' "needs type"): general needs, or supported housing of one
 * of three kinds: sheltered (for older people, often with a warden or alarm), extra care (sheltered with care on
 * site) or other supported housing (with support tied to the tenancy). The rent regime (social or affordable
 * rent) is not modelled yet.
 */
export const HomeTenure = z.enum(['general-needs', 'sheltered', 'extra-care', 'supported']);
export type HomeTenure = z.infer<typeof HomeTenure>;

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
  /** How many people the home is designed for (bed spaces); unknown when absent. */
  bedSpaces: z.number().int().optional(),
  /** Features a household's accessibility need may require (issue 8); none recorded when absent. */
  accessibility: z.array(AccessibilityFeature).optional(),
  /** 0 for the ground floor; negative for a basement. */
  floor: z.number().int().optional(),
  /** Whether the landlord lets this home to a household with pets; no restriction recorded when absent. */
  petsAllowed: z.boolean().optional(),
  /** A local lettings policy for this home (Housing Act 1996 s166A(6)(b) England, s167(2E) Wales). */
  localLettings: LocalLettings.optional(),
  /** Weekly service charges on top of the rent (cleaning, communal heating, a warden), in pence; none when absent. */
  weeklyServiceCharge: Pence.optional(),
  tenure: HomeTenure.optional(),
  /** How to view the home (who to call, open viewing times), as an offer shows it. */
  viewing: z.string().max(500).optional(),
});
export type Property = z.infer<typeof Property>;

/**
 * What describes a home, as an officer adds and edits it: everything but its id, its landlord and its status
 * (available, offered, let), which the offer flow owns.
 */
export const HomeDetails = Property.omit({ propertyId: true, landlordId: true, status: true });
export type HomeDetails = z.infer<typeof HomeDetails>;

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
  /** When an officer approved the offer: from then until it is accepted, refused or lapses, it holds its home. */
  approvedAt: z.iso.datetime().optional(),
  /** The household's deadline to answer, set at approval from the policy; no answer by then is a refusal. */
  respondBy: z.iso.datetime().optional(),
  /** How many reminders before the deadline the household has been sent. */
  remindersSent: z.number().int().nonnegative().optional(),
  /** True when the offer was refused because nobody answered by the deadline. */
  lapsed: z.boolean().optional(),
});
export type Offer = z.infer<typeof Offer>;

/** An offer holds its home from approval until it is accepted and let, refused, lapses or is withdrawn. */
export function holdsHome(status: OfferStatus): boolean {
  return status === 'awaiting-applicant' || status === 'accepted';
}

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

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
  termsSha256: Sha256Hex,
  /** `signed` once the tenant's signature and the countersignature are in the PDF. */
  status: z.enum(['awaiting-signature', 'signed']),
  /** SHA-256 of the agreement PDF as generated: the signed PDF begins with exactly these bytes. */
  agreementSha256: Sha256Hex.optional(),
  /**
   * The tenant's signature as they gave it: their intent to sign these exact terms, identified by their
   * session. Recorded when they answer; the signing stage then applies it to the PDF and countersigns.
   */
  tenantSignature: z
    .object({ termsSha256: Sha256Hex, at: z.iso.datetime(), identity: z.literal('applicant-session') })
    .optional(),
  /** When the tenant signed; the signature is recorded as a CMS signature in the PDF. */
  signedAt: z.iso.datetime().optional(),
  /** When the landlord countersigned (a second CMS signature, an incremental update). */
  countersignedAt: z.iso.datetime().optional(),
  /** SHA-256 of the signed and countersigned PDF, so a copy can be checked against the record. */
  signedPdfSha256: Sha256Hex.optional(),
});
export type Tenancy = z.infer<typeof Tenancy>;

/** What the agreement calls the people who sign it: Wales's occupation contracts have contract-holders. */
export function occupierRole(kind: Tenancy['kind']): { one: string; many: string } {
  return kind === 'secure-occupation-contract'
    ? { one: 'contract-holder', many: 'contract-holders' }
    : { one: 'tenant', many: 'tenants' };
}

export const KeyCredential = z.object({
  credentialId: z.string(),
  tenancyId: z.string(),
  doorId: z.string(),
  holder: z.string(),
  /** The first day the key opens the door: the tenancy start date (from 00:00 UK time). */
  validFrom: IsoDate,
  /** The last day the key opens the door, inclusive (until 00:00 UK time the day after). */
  validUntil: IsoDate,
  issuedAt: z.iso.datetime(),
  /** A compact JWS (ES256, typ doorstep-key+jwt) a door verifies offline against Doorstep's JWKS. */
  format: z.literal('jws'),
  /** The credential itself: a bearer secret that opens the door, shown only to its holder (as a QR code). */
  jws: z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
});
export type KeyCredential = z.infer<typeof KeyCredential>;

/**
 * Matching, today's honest minimum: the smallest available home of the applicant's landlord with at least the
 * bedrooms the household needs under the council's allocation bedroom standard (`allocationBedroomNeed`),
 * earliest available first. Ranking by band and date and the policy's filters arrive with the offers issue.
 */
export function pickHome(
  homes: readonly Property[],
  need: {
    bedroomNeed: number;
    landlordId: string;
    policy: Pick<Policy, 'councilName' | 'policyId' | 'version'>;
  },
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
        clause: allocationClause(need.policy, 'the bedroom standard decides which homes fit a household'),
        text: `${home.address} has ${home.bedrooms} bedroom${home.bedrooms === 1 ? '' : 's'}; your household needs ${need.bedroomNeed}.`,
        answer: String(need.bedroomNeed),
      },
    ],
  };
}
