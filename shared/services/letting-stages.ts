import { z } from 'zod';
import { ApplicationId } from '../domain/application.js';
import { isoDay } from '../domain/dates.js';
import { type Offer, type Property, pickHome, type Tenancy } from '../domain/letting.js';
import { Stage } from '../domain/stage.js';
import { newId, sha256Hex } from '../ids.js';
import { policyFor } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import {
  agreementKey,
  agreementPdf,
  appendSignature,
  occupierRole,
  sha256OfBytes,
  signedAgreementKey,
} from './tenancy-agreement.js';

type LettingDeps = Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock'>;
/** The tenancy's PDFs live in the document store; signing needs the landlord's signer too. */
type TenancyDeps = LettingDeps & Pick<Deps, 'documents'>;
type SigningDeps = TenancyDeps & Pick<Deps, 'signer'>;

export const LettingInput = z.object({ applicationId: ApplicationId });
export const OfferInput = z.object({ applicationId: ApplicationId, offerId: z.string().min(1) });
export type OfferInput = z.infer<typeof OfferInput>;

export interface OfferResult {
  outcome: 'offered' | 'no-home';
  offerId?: string;
}

/** How many times matching tries the next home when another offer takes the first one a moment earlier. */
const MATCH_ATTEMPTS = 3;

/**
 * The Offer stage: picks a home and records the offer. The store allows one live offer per home, so two
 * lettings racing for the same home cannot both win; the loser tries the next home.
 */
export async function makeOffer(
  deps: LettingDeps,
  input: z.infer<typeof LettingInput>,
): Promise<OfferResult> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  if (!application.registration)
    throw new JourneyStateError('Only a registered household can be offered a home');

  // Idempotent: a retried or resumed Offer stage finds the offer it already made.
  if (application.status === 'offered' && application.currentOfferId) {
    return { outcome: 'offered', offerId: application.currentOfferId };
  }

  const taken = new Set<string>();
  for (let attempt = 0; attempt < MATCH_ATTEMPTS; attempt += 1) {
    const homes = (await deps.lettings.listAvailableHomes(application.landlordId)).filter(
      (home) => !taken.has(home.propertyId),
    );
    const match = pickHome(homes, {
      bedroomNeed: application.registration.bedroomNeed,
      landlordId: application.landlordId,
    });
    if (!match) return { outcome: 'no-home' };
    const now = deps.clock.now().toISOString();
    const offer: Offer = {
      offerId: newId('off'),
      applicationId: application.applicationId,
      propertyId: match.home.propertyId,
      landlordId: application.landlordId,
      status: 'awaiting-approval',
      reasons: match.reasons,
      createdAt: now,
    };
    try {
      await deps.lettings.createOffer(offer);
    } catch (error) {
      if (error instanceof ConflictError) {
        taken.add(match.home.propertyId);
        continue;
      }
      throw error;
    }
    await deps.applications.save({
      ...application,
      status: 'offered',
      currentOfferId: offer.offerId,
      updatedAt: now,
    });
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'offer-made',
      actor: 'system',
      facts: { offerId: offer.offerId, propertyId: offer.propertyId },
    });
    return { outcome: 'offered', offerId: offer.offerId };
  }
  return { outcome: 'no-home' };
}

async function liveOffer(deps: LettingDeps, input: OfferInput): Promise<Offer> {
  const offer = await deps.lettings.getOffer(input.offerId);
  if (!offer || offer.applicationId !== input.applicationId)
    throw new NotFoundError(`Offer ${input.offerId} not found`);
  return offer;
}

export const CloseOfferInput = z.object({
  applicationId: ApplicationId,
  /** Absent when an officer closes a letting from the attention wait: the household's live offer, if any. */
  offerId: z.string().min(1).optional(),
  status: z.enum(['refused', 'withdrawn']),
  reason: z.string().trim().min(1).max(500),
});

/** Closes an offer the officer rejected or the applicant refused: the home is free again, the household stays registered. */
export async function closeOffer(
  deps: LettingDeps,
  input: z.infer<typeof CloseOfferInput>,
): Promise<{ outcome: string }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const offerId = input.offerId ?? application.currentOfferId;
  if (!offerId) return { outcome: 'no-offer' };
  const offer = await liveOffer(deps, { applicationId: input.applicationId, offerId });
  const now = deps.clock.now().toISOString();
  if (offer.status !== input.status) {
    await deps.lettings.updateOffer(offer.offerId, input.status, input.reason);
    if (application.status === 'offered') {
      const { currentOfferId: _closed, ...rest } = application;
      await deps.applications.save({ ...rest, status: 'registered', updatedAt: now });
    }
    await deps.audit.append({
      applicationId: input.applicationId,
      at: now,
      type: `offer-${input.status}`,
      actor: 'system',
      facts: { offerId: offer.offerId },
    });
  }
  return { outcome: input.status };
}

/**
 * The tenancy agreement: its terms, built from the application and the home, hashed so the signature step can
 * name exactly what was signed, and the agreement PDF the tenant reads and signs
 * (`tenancies/<tenancyId>/agreement.pdf`).
 */
export async function prepareTenancy(
  deps: TenancyDeps,
  input: OfferInput,
): Promise<{ outcome: 'prepared'; tenancyId: string }> {
  const offer = await liveOffer(deps, input);
  const existing = await deps.lettings.getTenancy(tenancyIdFor(offer));
  if (existing) return { outcome: 'prepared', tenancyId: existing.tenancyId };

  const application = await deps.applications.get(input.applicationId);
  const home = await deps.lettings.getHome(offer.propertyId);
  if (!application || !home) throw new NotFoundError('The application or the home of this offer is missing');
  const policy = policyFor(application.policyId);
  const tenants = application.profile.household
    .filter((member) => member.relationship === 'applicant' || member.relationship === 'partner')
    .map((member) => `${member.firstName} ${member.lastName}`);
  const today = isoDay(deps.clock.now());
  // ISO dates compare as strings: the later of the home's availability and today.
  const startDate = [home.availableFrom, today].sort().at(-1) ?? today;
  const kind = policy.jurisdiction === 'wales' ? 'secure-occupation-contract' : 'assured-tenancy';
  const rent = `£${(home.weeklyRent / 100).toFixed(2)}`;
  const terms = [
    kind === 'assured-tenancy'
      ? `This is an assured tenancy under the Housing Act 1988 between ${policy.landlordName} and ${tenants.join(' and ')}.`
      : `This is a secure occupation contract under the Renting Homes (Wales) Act 2016 between ${policy.landlordName} and ${tenants.join(' and ')}.`,
    `The home is ${home.address}, ${home.postcode}, with ${home.bedrooms} bedroom${home.bedrooms === 1 ? '' : 's'}.`,
    `It starts on ${startDate}. The rent is ${rent} a week, payable in advance.`,
  ];
  const tenancy: Tenancy = {
    tenancyId: tenancyIdFor(offer),
    offerId: offer.offerId,
    applicationId: application.applicationId,
    propertyId: home.propertyId,
    tenants,
    address: `${home.address}, ${home.postcode}`,
    weeklyRent: home.weeklyRent,
    startDate,
    kind,
    terms,
    termsSha256: sha256Hex(terms.join('\n')),
    status: 'awaiting-signature',
  };
  // The PDF before the record: a failure in between leaves no tenancy, so the retry writes both again.
  const pdf = await agreementPdf(tenancy, home, policy.landlordName);
  await deps.documents.put(agreementKey(tenancy.tenancyId), pdf, 'application/pdf');
  const prepared: Tenancy = { ...tenancy, agreementSha256: sha256OfBytes(pdf) };
  await deps.lettings.putTenancy(prepared);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: deps.clock.now().toISOString(),
    type: 'tenancy-prepared',
    actor: 'system',
    facts: {
      tenancyId: prepared.tenancyId,
      termsSha256: prepared.termsSha256,
      agreementSha256: sha256OfBytes(pdf),
    },
  });
  return { outcome: 'prepared', tenancyId: prepared.tenancyId };
}

/** A letting's records are named after its offer: one tenancy and one key credential per offer. */
export function tenancyIdFor(offer: Pick<Offer, 'offerId'>): string {
  return `ten_${offer.offerId.slice(4)}`;
}

export function credentialIdFor(offer: Pick<Offer, 'offerId'>): string {
  return `key_${offer.offerId.slice(4)}`;
}

/**
 * Records the tenant's signature on the agreement's exact terms, and the landlord's countersignature
 * (DESIGN.md §1b "Who signs the tenancy"). The applicant's session is the identity today; their decision names
 * the terms' hash (intent to sign these terms). Doorstep then applies the landlord's certificate twice, each
 * time as a CMS signature in an incremental update: one recording the tenant's signature, one the
 * countersignature. The signed PDF goes to `tenancies/<tenancyId>/signed.pdf` and its hash on the record.
 * Idempotent: a repeated signature finds the tenancy signed and signs nothing again.
 */
export async function recordSignature(
  deps: SigningDeps,
  input: OfferInput & { termsSha256: string },
): Promise<Tenancy> {
  const offer = await liveOffer(deps, input);
  const tenancy = await deps.lettings.getTenancy(tenancyIdFor(offer));
  if (!tenancy) throw new JourneyStateError('There is no agreement to sign yet');
  if (tenancy.termsSha256 !== input.termsSha256) {
    throw new ConflictError('The agreement changed since you read it; read it again before signing');
  }
  if (tenancy.status === 'signed') return tenancy;

  const application = await deps.applications.get(input.applicationId);
  const home = await deps.lettings.getHome(offer.propertyId);
  if (!application || !home) throw new NotFoundError('The application or the home of this offer is missing');
  const { landlordName } = policyFor(application.policyId);
  const agreement = await agreementToSign(deps, tenancy, home, landlordName);
  // The signer is the person behind the session: the household member who made the application.
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const tenant = applicant
    ? `${applicant.firstName} ${applicant.lastName}`
    : (tenancy.tenants[0] ?? 'the tenant');
  const now = deps.clock.now();
  const signedByTenant = await appendSignature(agreement, deps.signer, {
    name: tenant,
    reason: `Signed by ${tenant} (${occupierRole(tenancy.kind).one}) via Doorstep`,
    signingTime: now,
  });
  const countersigned = await appendSignature(signedByTenant, deps.signer, {
    name: landlordName,
    reason: `Countersigned by ${landlordName}`,
    signingTime: now,
  });
  await deps.documents.put(signedAgreementKey(tenancy.tenancyId), countersigned, 'application/pdf');

  const at = now.toISOString();
  const signed: Tenancy = {
    ...tenancy,
    status: 'signed',
    signedAt: at,
    countersignedAt: at,
    signedPdfSha256: sha256OfBytes(countersigned),
  };
  await deps.lettings.putTenancy(signed);
  // Ids and hashes only: the audit log keeps no personal data (names stay in the PDF and the tenancy).
  await deps.audit.append({
    applicationId: tenancy.applicationId,
    at,
    type: 'tenancy-signed',
    stage: Stage.TenancySigning,
    actor: 'applicant',
    facts: {
      tenancyId: tenancy.tenancyId,
      termsSha256: tenancy.termsSha256,
      agreementSha256: sha256OfBytes(agreement),
      identity: 'applicant-session',
    },
  });
  await deps.audit.append({
    applicationId: tenancy.applicationId,
    at,
    type: 'tenancy-countersigned',
    stage: Stage.TenancySigning,
    actor: 'system',
    facts: { tenancyId: tenancy.tenancyId, signedPdfSha256: sha256OfBytes(countersigned) },
  });
  return signed;
}

/**
 * The agreement PDF exactly as prepared; a tenancy prepared before agreements were PDFs has its PDF made now,
 * from the record. Bytes that do not match the hash on the record are never signed.
 */
async function agreementToSign(
  deps: TenancyDeps,
  tenancy: Tenancy,
  home: Property,
  landlordName: string,
): Promise<Uint8Array> {
  const key = agreementKey(tenancy.tenancyId);
  let pdf = await deps.documents.read(key);
  if (!pdf) {
    pdf = await agreementPdf(tenancy, home, landlordName);
    await deps.documents.put(key, pdf, 'application/pdf');
  }
  if (tenancy.agreementSha256 && sha256OfBytes(pdf) !== tenancy.agreementSha256) {
    throw new Error(`The stored agreement of ${tenancy.tenancyId} does not match its record`);
  }
  return pdf;
}

/** Let: the offer and the home are let and the household's journey is complete. */
export async function completeLet(deps: LettingDeps, input: OfferInput): Promise<{ outcome: 'let' }> {
  const offer = await liveOffer(deps, input);
  const now = deps.clock.now().toISOString();
  if (offer.status !== 'let') await deps.lettings.updateOffer(offer.offerId, 'let');
  const application = await deps.applications.get(input.applicationId);
  if (application && application.status !== 'let') {
    await deps.applications.save({ ...application, status: 'let', stage: Stage.Let, updatedAt: now });
    await deps.audit.append({
      applicationId: input.applicationId,
      at: now,
      type: 'let',
      actor: 'system',
      facts: { offerId: offer.offerId, propertyId: offer.propertyId },
    });
  }
  return { outcome: 'let' };
}
