import { fileTypeFromBuffer } from 'file-type';
import { type Application, type DocumentRecord, MAX_DOCUMENT_BYTES } from '../domain/application.js';
import { anotherPhotoPlease, identityProblems, type ReadFields } from '../domain/identity-check.js';
import { ConflictError, type MrzReading, type UploadSlot } from '../ports.js';
import type { Deps } from './deps.js';

/** How long an upload slot stays open. */
export const UPLOAD_SLOT_MINUTES = 15;

/** Where a document's bytes live: one key per document, under its application. */
export function documentKey(applicationId: string, documentId: string): string {
  return `applications/${applicationId}/${documentId}`;
}

const DOCUMENT_KEY = /^applications\/(app_[0-9A-Za-z]{16,40})\/(doc_[0-9A-Za-z]{16,40})$/;

export function uploadSlotFor(
  deps: Pick<Deps, 'documents' | 'clock'>,
  applicationId: string,
  document: DocumentRecord,
): Promise<UploadSlot> {
  return deps.documents.uploadSlot({
    key: documentKey(applicationId, document.documentId),
    contentType: document.contentType,
    maxBytes: Math.min(document.sizeBytes, MAX_DOCUMENT_BYTES),
    expiresAt: new Date(deps.clock.now().getTime() + UPLOAD_SLOT_MINUTES * 60_000),
  });
}

export type ReceiveOutcome = 'unknown' | 'missing' | 'already-received' | 'rejected' | 'uploaded' | 'read';

/**
 * An upload arrived in quarantine (an S3 event in AWS; the local upload endpoint locally): the bytes are
 * sniffed, a mismatch with what was declared is rejected with the reason and deleted, anything else is promoted,
 * and a passport photo is read and checked against the applicant's answers. Idempotent per document.
 */
export async function receiveUpload(
  deps: Pick<Deps, 'applications' | 'documents' | 'reader' | 'audit' | 'clock'>,
  input: { key: string },
): Promise<{ outcome: ReceiveOutcome }> {
  const [, applicationId, documentId] = DOCUMENT_KEY.exec(input.key) ?? [];
  if (!applicationId || !documentId) {
    await deps.documents.discardUpload(input.key);
    return { outcome: 'unknown' };
  }
  const application = await deps.applications.get(applicationId);
  const document = application?.documents.find((candidate) => candidate.documentId === documentId);
  if (!application || !document) {
    // Nobody declared this upload: it is not kept.
    await deps.documents.discardUpload(input.key);
    return { outcome: 'unknown' };
  }
  if (document.status !== 'declared') {
    // A second POST to the same slot after the first was checked: it is not kept.
    await deps.documents.discardUpload(input.key);
    return { outcome: 'already-received' };
  }
  const bytes = await deps.documents.readQuarantined(input.key);
  if (!bytes) return { outcome: 'missing' };

  const now = deps.clock.now();
  const sniffed = await fileTypeFromBuffer(bytes);
  const rejection =
    bytes.byteLength > MAX_DOCUMENT_BYTES
      ? `The file is larger than ${MAX_DOCUMENT_BYTES / 1_048_576} MB.`
      : sniffed?.mime !== document.contentType
        ? `The file is not the ${describeType(document.contentType)} it was said to be${sniffed ? ` (it looks like ${describeType(sniffed.mime)})` : ''}.`
        : undefined;

  // Every step that can fail (reading, saving) runs before quarantine is emptied, so a retried notification
  // finds the upload again; the bytes promoted are exactly the bytes checked.
  let updated: DocumentRecord;
  let outcome: ReceiveOutcome;
  if (rejection) {
    updated = {
      ...document,
      status: 'rejected',
      receivedAt: now.toISOString(),
      problem: `${rejection} Upload it again as a photo (JPEG or PNG) or a PDF.`,
    };
    outcome = 'rejected';
  } else {
    updated = { ...document, status: 'uploaded', receivedAt: now.toISOString() };
    outcome = 'uploaded';
    if (document.kind === 'passport' && document.contentType !== 'application/pdf') {
      const reading = await deps.reader.readPassportMrz(bytes);
      updated = withReading(updated, reading, application, now);
      if (updated.status === 'read') outcome = 'read';
    }
  }
  if (!rejection) await deps.documents.promote(input.key, bytes, document.contentType);
  await saveDocument(deps, application.applicationId, updated);
  if (rejection) await deps.documents.discardUpload(input.key);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now.toISOString(),
    type: `document-${outcome}`,
    stage: application.stage,
    actor: 'system',
    facts: { documentId, ...(sniffed ? { sniffed: sniffed.mime } : {}) },
  });
  return { outcome };
}

function describeType(mime: string): string {
  return { 'image/jpeg': 'JPEG photo', 'image/png': 'PNG image', 'application/pdf': 'PDF' }[mime] ?? mime;
}

/** Records what was read from a passport, and what does not match the answers, on the document. */
function withReading(
  document: DocumentRecord,
  reading: MrzReading,
  application: Application,
  now: Date,
): DocumentRecord {
  if (!reading.ok) {
    const advice = reading.reason.endsWith('.') ? reading.reason : `${reading.reason}.`;
    return {
      ...document,
      problem: `We could not read your passport automatically. ${advice} If it still cannot be read, an officer will check it.`,
    };
  }
  const confidence = Math.round(reading.confidence * 100) / 100;
  const readFields: ReadFields = Object.fromEntries(
    [...Object.entries(reading.fields), ['checkDigitsValid', String(reading.checkDigitsValid)]].map(
      ([name, value]) => [name, { value: String(value), confidence }],
    ),
  );
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const problems = applicant ? identityProblems(readFields, applicant, now.toISOString().slice(0, 10)) : [];
  const { problem: _previous, ...rest } = document;
  return {
    ...rest,
    status: 'read',
    readFields,
    ...(problems.length > 0 ? { problem: anotherPhotoPlease(problems) } : {}),
  };
}

/** Replaces one document on the application, re-reading once if someone else wrote it meanwhile. */
async function saveDocument(
  deps: Pick<Deps, 'applications' | 'clock'>,
  applicationId: string,
  document: DocumentRecord,
) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const application = await deps.applications.get(applicationId);
    if (!application) return;
    try {
      await deps.applications.save({
        ...application,
        documents: application.documents.map((candidate) =>
          candidate.documentId === document.documentId ? document : candidate,
        ),
        updatedAt: deps.clock.now().toISOString(),
      });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 2) throw error;
    }
  }
}
