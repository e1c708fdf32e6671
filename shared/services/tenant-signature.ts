import type { Tenancy } from '../domain/letting.js';
import { ConflictError, JourneyStateError } from '../ports.js';
import type { Deps } from './deps.js';
import { liveOffer, type OfferInput, tenancyIdFor } from './letting-stages.js';

/** Reading and recording the tenant's signature tells nobody anything: the signing stage that follows does. */
type SignatureDeps = Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock'>;

/**
 * The tenant's signature as they give it (DESIGN.md §1b "Who signs the tenancy"): the API records their intent
 * to sign the agreement's exact terms and resumes the workflow; the signing stage (tenancy-signing.ts) then
 * applies it to the PDF and countersigns. Kept apart from the PDF code, so the API carries none of it.
 */

/** The live offer's tenancy agreement; a journey that has not prepared one yet has nothing to sign. */
export async function agreementOf(deps: SignatureDeps, input: OfferInput): Promise<Tenancy> {
  const offer = await liveOffer(deps, input);
  const tenancy = await deps.lettings.getTenancy(tenancyIdFor(offer));
  if (!tenancy) throw new JourneyStateError('There is no agreement to sign yet');
  return tenancy;
}

/** The live offer's agreement, provided the terms the tenant read are still its terms. */
export async function agreementOnTerms(
  deps: SignatureDeps,
  input: OfferInput & { termsSha256: string },
): Promise<Tenancy> {
  const tenancy = await agreementOf(deps, input);
  if (tenancy.termsSha256 !== input.termsSha256) {
    throw new ConflictError('The agreement changed since you read it; read it again before signing');
  }
  return tenancy;
}

/**
 * Records the tenant's signature: the terms' hash their decision names, when, and the identity behind it (the
 * applicant's session today). Idempotent: the first signature stands, and signing again changes nothing.
 */
export async function recordTenantSignature(
  deps: SignatureDeps,
  input: OfferInput & { termsSha256: string },
): Promise<Tenancy> {
  const tenancy = await agreementOnTerms(deps, input);
  if (tenancy.status === 'signed' || tenancy.tenantSignature) return tenancy;
  const recorded: Tenancy = {
    ...tenancy,
    tenantSignature: {
      termsSha256: tenancy.termsSha256,
      at: deps.clock.now().toISOString(),
      identity: 'applicant-session',
    },
  };
  await deps.lettings.putTenancy(recorded);
  return recorded;
}
