import type { DocumentRecord } from '../domain/application.js';
import { IMAGE_REUSED_SIGNAL } from '../domain/tampering.js';
import type { Deps } from './deps.js';

/** What inspection adds to a kept document's record. */
export type InspectionDetails = Pick<DocumentRecord, 'signals' | 'imageHash' | 'pages'>;

/**
 * Inspects an upload the scanner found clean (the {@link UploadInspector} port: photos turned upright and
 * scaled down, PDFs' pages counted, encrypted or oversized ones refused, signs of editing noted), and claims a
 * photo's perceptual hash for the application: a photo whose hash another application claimed first gets the
 * signal that it was uploaded there too. Signals are for the officer; only the inspector's refusals reject.
 * Returns the bytes to keep and read (a photo's normalised copy, the one kept: see README, "Uploads").
 */
export async function inspectUpload(
  deps: Pick<Deps, 'inspector' | 'applications'>,
  input: { applicationId: string; bytes: Uint8Array; contentType: string },
): Promise<{ rejection: string } | { bytes: Uint8Array; details: InspectionDetails }> {
  const inspection = await deps.inspector.inspect({ bytes: input.bytes, contentType: input.contentType });
  if (!inspection.ok) return { rejection: inspection.reason };
  const signals = [...inspection.signals];
  if (inspection.imageHash) {
    // Idempotent per application, so a retried notification claims again and gets itself back.
    const holder = await deps.applications.claimImageHash(inspection.imageHash, input.applicationId);
    if (holder !== input.applicationId) signals.push(IMAGE_REUSED_SIGNAL);
  }
  return {
    bytes: inspection.bytes,
    details: {
      ...(signals.length > 0 ? { signals } : {}),
      ...(inspection.imageHash ? { imageHash: inspection.imageHash } : {}),
      ...(inspection.pages ? { pages: inspection.pages } : {}),
    },
  };
}
