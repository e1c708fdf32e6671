import { occupierRole, type Tenancy } from '../domain/letting.js';
import { Stage } from '../domain/stage.js';
import { policyFor } from '../policies.js';
import { type AuditEvent, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import type { LettingDeps, OfferInput } from './letting-stages.js';
import { appendSignature } from './pdf-signatures.js';
import { agreementKey, sha256OfBytes, signedAgreementKey } from './tenancy-documents.js';
import { agreementOf } from './tenant-signature.js';

/** The stage reads and writes the tenancy's PDFs and signs with the landlord's signer. */
type SigningDeps = LettingDeps & Pick<Deps, 'documents' | 'signer'>;

/**
 * The signing stage, the machine task after the tenant's signature wait (DESIGN.md §1b "Who signs the
 * tenancy"). The API recorded the tenant's signature on the agreement's exact terms; this applies it: the
 * landlord's certificate goes onto the agreement PDF twice, each time as a CMS signature in an incremental
 * update, one recording the tenant's signature and one the countersignature. The signed PDF goes to
 * `tenancies/<tenancyId>/signed.pdf`, its hash on the record, and both signatures into the audit trail.
 *
 * Idempotent, so the workflow's retries are safe: a signed tenancy is never signed again, only its audit
 * events are completed if a failure came between the record and the trail. The one step a retry repeats is a
 * signature whose PDF was stored but not yet recorded: the retry signs the agreement afresh and replaces that
 * file, so the PDF still carries exactly two signatures.
 */
export async function applySignatures(
  deps: SigningDeps,
  input: OfferInput,
): Promise<{ outcome: 'signed'; tenancyId: string }> {
  let tenancy = await agreementOf(deps, input);
  if (tenancy.status !== 'signed') tenancy = await signAndCountersign(deps, tenancy);
  await completeAuditTrail(deps, tenancy);
  return { outcome: 'signed', tenancyId: tenancy.tenancyId };
}

async function signAndCountersign(deps: SigningDeps, tenancy: Tenancy): Promise<Tenancy> {
  const signature = tenancy.tenantSignature;
  if (!signature) throw new JourneyStateError('The tenant has not signed the agreement yet');
  // The terms never change once prepared; a signature on other terms is never applied to these.
  if (signature.termsSha256 !== tenancy.termsSha256) {
    throw new JourneyStateError('The tenant signed other terms than the agreement’s');
  }
  const application = await deps.applications.get(tenancy.applicationId);
  if (!application) throw new NotFoundError('The application of this tenancy is missing');
  const { landlordName } = policyFor(application.policyId);
  const agreement = await storedAgreement(deps, tenancy);

  // The signer is the person behind the session: the household member who made the application.
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const tenant = applicant
    ? `${applicant.firstName} ${applicant.lastName}`
    : (tenancy.tenants[0] ?? 'the tenant');
  const signedAt = new Date(signature.at);
  const countersignedAt = deps.clock.now();
  const signedByTenant = await appendSignature(agreement, deps.signer, {
    name: tenant,
    reason: `Signed by ${tenant} (${occupierRole(tenancy.kind).one}) via Doorstep`,
    signingTime: signedAt,
  });
  const countersigned = await appendSignature(signedByTenant, deps.signer, {
    name: landlordName,
    reason: `Countersigned by ${landlordName}`,
    signingTime: countersignedAt,
  });
  await deps.documents.put(signedAgreementKey(tenancy.tenancyId), countersigned, 'application/pdf');

  const signed: Tenancy = {
    ...tenancy,
    status: 'signed',
    agreementSha256: sha256OfBytes(agreement),
    signedAt: signature.at,
    countersignedAt: countersignedAt.toISOString(),
    signedPdfSha256: sha256OfBytes(countersigned),
  };
  await deps.lettings.putTenancy(signed);
  return signed;
}

/**
 * The agreement PDF exactly as prepared. Bytes that do not match the hash on the record are never signed; a
 * missing PDF (a tenancy prepared before agreements were PDFs) is made by the prepare step, which a resumed
 * TenancySigning stage runs again first.
 */
async function storedAgreement(deps: SigningDeps, tenancy: Tenancy): Promise<Uint8Array> {
  const pdf = await deps.documents.read(agreementKey(tenancy.tenancyId));
  if (!pdf) throw new JourneyStateError(`The agreement PDF of ${tenancy.tenancyId} is missing`);
  if (tenancy.agreementSha256 && sha256OfBytes(pdf) !== tenancy.agreementSha256) {
    throw new Error(`The stored agreement of ${tenancy.tenancyId} does not match its record`);
  }
  return pdf;
}

/**
 * The signature and the countersignature in the audit trail, each once: events already there (a retry after
 * the record was saved) are not appended again. Ids and hashes only: the audit log keeps no personal data
 * (names stay in the PDF and the tenancy).
 */
async function completeAuditTrail(deps: SigningDeps, tenancy: Tenancy): Promise<void> {
  const { tenancyId, applicationId } = tenancy;
  const recorded = new Set(
    (await deps.audit.list(applicationId))
      .filter((event) => event.facts?.tenancyId === tenancyId)
      .map((event) => event.type),
  );
  const signedAt = tenancy.signedAt ?? tenancy.countersignedAt;
  const countersignedAt = tenancy.countersignedAt ?? tenancy.signedAt;
  if (!signedAt || !countersignedAt || !tenancy.signedPdfSha256) return;
  const events: AuditEvent[] = [
    {
      applicationId,
      at: signedAt,
      type: 'tenancy-signed',
      stage: Stage.TenancySigning,
      actor: 'applicant',
      facts: {
        tenancyId,
        termsSha256: tenancy.termsSha256,
        ...(tenancy.agreementSha256 ? { agreementSha256: tenancy.agreementSha256 } : {}),
        identity: tenancy.tenantSignature?.identity ?? 'applicant-session',
      },
    },
    {
      applicationId,
      at: countersignedAt,
      type: 'tenancy-countersigned',
      stage: Stage.TenancySigning,
      actor: 'system',
      facts: { tenancyId, signedPdfSha256: tenancy.signedPdfSha256 },
    },
  ];
  for (const event of events) if (!recorded.has(event.type)) await deps.audit.append(event);
}
