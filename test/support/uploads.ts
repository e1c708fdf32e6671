import type { DocumentRecord } from '../../shared/domain/application';
import type { MrzReading } from '../../shared/ports';
import { documentKey } from '../../shared/services/documents';
import { aCompleteApplication } from '../fixtures/applications';
import type { MemoryDeps } from './memory';

/** The smallest files that sniff as their type: a JPEG's JFIF header, a PNG's signature, a one-object PDF. */
export const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  0x00,
  0x01,
  ...new Array(64).fill(0),
]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** The one document an upload test sends: a slot on Gareth's complete application. */
export const applicationId = aCompleteApplication().applicationId;
export const documentId = 'doc_0123456789abcdef0123456789abcdef';
export const uploadKey = documentKey(applicationId, documentId);

/** A passport photo the applicant has declared and not yet sent; `changes` make it another document. */
export function aDeclaredDocument(changes: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    documentId,
    kind: 'passport',
    contentType: 'image/jpeg',
    sizeBytes: 4_000,
    status: 'declared',
    declaredAt: '2026-11-02T09:00:00.000Z',
    ...changes,
  };
}

/** Gareth's complete application with `document` declared, and `bytes` (if any) in quarantine as the upload left them. */
export async function givenAnUpload(
  deps: MemoryDeps,
  document: DocumentRecord,
  bytes?: Uint8Array,
): Promise<void> {
  await deps.applications.create(aCompleteApplication({ documents: [document] }));
  if (bytes) deps.documents.quarantine.set(documentKey(applicationId, document.documentId), bytes);
}

/** Each of `values` as a reader gives it, all read with the same confidence. */
export const readFields = (values: Record<string, string>, confidence: number) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence }]));

/** Gareth's passport photo (the one on his complete application) as the reader left it: `fields` read. */
export function aReadPassport(fields: Record<string, string>, confidence = 0.97): DocumentRecord {
  return {
    documentId: 'doc_passport1',
    kind: 'passport',
    contentType: 'image/jpeg',
    sizeBytes: 2_400_000,
    status: 'read',
    declaredAt: '2026-11-01T10:05:00.000Z',
    readFields: readFields(fields, confidence),
  };
}

/** A reader's answer for the demo applicant's passport, every check digit holding, with any field changed. */
export type PassportReading = Extract<MrzReading, { ok: true }>;

export const aPassportReading = (changes: Partial<PassportReading['fields']> = {}): PassportReading => ({
  ok: true,
  lines: ['P<GBRPRITCHARD<<GARETH<<<<<<<<<<<<<<<<<<<<<<<', '1255834972GBR8807021M3303148<<<<<<<<<<<<<<<0'],
  fields: {
    documentNumber: '125583497',
    surname: 'PRITCHARD',
    givenNames: 'GARETH',
    nationality: 'GBR',
    issuingState: 'GBR',
    dateOfBirth: '1988-07-02',
    sex: 'male',
    expiryDate: '2033-03-14',
    ...changes,
  },
  checkDigitsValid: true,
  confidence: 0.93,
  repairs: 0,
  engine: 'test',
});
