import { createHash } from 'node:crypto';

/**
 * Where a tenancy's PDFs live in the document store, and the hash that ties each file to its record. Apart from
 * the code that makes and signs the PDFs, so the API can serve them without carrying pdf-lib or @signpdf.
 */
export const agreementKey = (tenancyId: string) => `tenancies/${tenancyId}/agreement.pdf`;
export const signedAgreementKey = (tenancyId: string) => `tenancies/${tenancyId}/signed.pdf`;

export const sha256OfBytes = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
