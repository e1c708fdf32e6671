import { isoDay } from '../domain/dates.js';
import type { Property, Tenancy } from '../domain/letting.js';
import { Stage } from '../domain/stage.js';
import { sha256Hex } from '../ids.js';
import { policyFor } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { type LettingDeps, liveOffer, type OfferInput, tenancyIdFor } from './letting-stages.js';
import {
  agreementKey,
  agreementPdf,
  appendSignature,
  occupierRole,
  sha256OfBytes,
  signedAgreementKey,
} from './tenancy-agreement.js';

/**
 * The tenancy stage: the agreement PDF and its signatures. Kept apart from the other letting stages so only
 * the functions that make or sign agreements carry pdf-lib, @signpdf and node-forge in their bundles.
 */

/** The tenancy's PDFs live in the document store; signing needs the landlord's signer too. */
type TenancyDeps = LettingDeps & Pick<Deps, 'documents'>;
type SigningDeps = TenancyDeps & Pick<Deps, 'signer'>;

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
