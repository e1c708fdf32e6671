import { isoDay } from '../domain/dates.js';
import type { Tenancy } from '../domain/letting.js';
import { sha256Hex } from '../ids.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { type LettingDeps, liveOffer, type OfferInput, tenancyIdFor } from './letting-stages.js';
import { agreementPdf } from './tenancy-agreement.js';
import { agreementKey, sha256OfBytes } from './tenancy-documents.js';

/**
 * The tenancy stage's first step: the agreement and its PDF. Kept apart from the other letting stages so only
 * the function that makes agreements carries pdf-lib; the signatures are applied by the signing stage
 * (tenancy-signing.ts), which carries @signpdf instead.
 */

/** The tenancy's PDFs live in the document store. */
type TenancyDeps = LettingDeps & Pick<Deps, 'documents'>;

/**
 * Where the stage stands, for the workflow's next step: `prepared` waits for the tenant's signature;
 * `signed-by-tenant` (the signature was recorded, its application to the PDF had not finished) and `signed`
 * go straight to the signing step, so a resumed stage never asks the tenant to sign twice.
 */
export type PreparedOutcome = 'prepared' | 'signed-by-tenant' | 'signed';

/**
 * The tenancy agreement: its terms, built from the application and the home, hashed so the signature step can
 * name exactly what was signed, and the agreement PDF the tenant reads and signs
 * (`tenancies/<tenancyId>/agreement.pdf`).
 */
export async function prepareTenancy(
  deps: TenancyDeps,
  input: OfferInput,
): Promise<{ outcome: PreparedOutcome; tenancyId: string }> {
  const offer = await liveOffer(deps, input);
  const existing = await deps.lettings.getTenancy(tenancyIdFor(offer));
  if (existing) return { outcome: await preparedAlready(deps, existing), tenancyId: existing.tenancyId };

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
 * A tenancy prepared before (a retry, or a resumed stage): where it stands. One prepared before agreements
 * were PDFs has its PDF made now, from the record, before anyone signs it.
 */
async function preparedAlready(deps: TenancyDeps, tenancy: Tenancy): Promise<PreparedOutcome> {
  if (tenancy.status === 'signed') return 'signed';
  const key = agreementKey(tenancy.tenancyId);
  if (!(await deps.documents.read(key))) {
    const application = await deps.applications.get(tenancy.applicationId);
    const home = await deps.lettings.getHome(tenancy.propertyId);
    if (!application || !home)
      throw new NotFoundError('The application or the home of this offer is missing');
    const pdf = await agreementPdf(tenancy, home, policyFor(application.policyId).landlordName);
    const agreementSha256 = sha256OfBytes(pdf);
    // The PDF is deterministic: one made again must be the one the record names.
    if (tenancy.agreementSha256 && tenancy.agreementSha256 !== agreementSha256) {
      throw new Error(`The agreement of ${tenancy.tenancyId} no longer matches its record`);
    }
    await deps.documents.put(key, pdf, 'application/pdf');
    await deps.lettings.putTenancy({ ...tenancy, agreementSha256 });
  }
  return tenancy.tenantSignature ? 'signed-by-tenant' : 'prepared';
}
