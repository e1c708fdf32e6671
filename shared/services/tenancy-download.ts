import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { tenancyIdFor } from './letting-stages.js';
import { currentOffer, ownedApplication } from './ownership.js';
import { agreementKey, sha256OfBytes, signedAgreementKey } from './tenancy-documents.js';

export interface TenancyPdf {
  pdf: Uint8Array;
  /** True once the tenant has signed and the landlord countersigned. */
  signed: boolean;
  filename: string;
}

/**
 * The applicant's copy of their tenancy agreement: the agreement to read before signing, the signed and
 * countersigned PDF after. Someone else's application answers exactly like a missing one (DESIGN.md §1b).
 */
export async function tenancyPdfForApplicant(
  deps: Pick<Deps, 'applications' | 'lettings' | 'documents'>,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<TenancyPdf> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const offer = await currentOffer(deps, application);
  const tenancy = offer ? await deps.lettings.getTenancy(tenancyIdFor(offer)) : undefined;
  if (!tenancy) throw new NotFoundError('There is no tenancy agreement for this application yet');

  const signed = tenancy.status === 'signed';
  const pdf = await deps.documents.read(
    signed ? signedAgreementKey(tenancy.tenancyId) : agreementKey(tenancy.tenancyId),
  );
  if (!pdf) throw new NotFoundError('The tenancy agreement is not ready yet');
  // Only the bytes the record names go out: a stored file that changed is a fault, not an agreement.
  const recorded = signed ? tenancy.signedPdfSha256 : tenancy.agreementSha256;
  if (recorded && sha256OfBytes(pdf) !== recorded) {
    throw new Error(`The stored PDF of ${tenancy.tenancyId} does not match its record`);
  }
  return {
    pdf,
    signed,
    filename: `${signed ? 'signed-tenancy' : 'tenancy'}-${tenancy.tenancyId}.pdf`,
  };
}
