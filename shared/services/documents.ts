import { fileTypeFromBuffer } from 'file-type';
import * as z from 'zod';
import { type Application, type DocumentRecord, MAX_DOCUMENT_BYTES } from '../domain/application.js';
import { DOCUMENT_CATALOGUE, type FormsKind, isFormsKind } from '../domain/documents.js';
import { checkEvidence } from '../domain/evidence-check.js';
import {
  anotherPhotoPlease,
  fromSmearedPhoto,
  identityProblems,
  type ReadFields,
} from '../domain/identity-check.js';
import { policyFor } from '../policies.js';
import { ConflictError, type DocumentReading, type MrzReading, type UploadSlot } from '../ports.js';
import type { Deps } from './deps.js';
import { inspectUpload } from './upload-inspection.js';

/** How long an upload slot stays open. */
export const UPLOAD_SLOT_MINUTES = 15;

/** Where a document's bytes live: one key per document, under its application. */
export function documentKey(applicationId: string, documentId: string): string {
  return `applications/${applicationId}/${documentId}`;
}

const DOCUMENT_KEY = /^applications\/(app_[0-9A-Za-z]{16,40})\/(doc_[0-9A-Za-z]{16,40})$/;

/** The application and document a store key names ({@link documentKey}), or undefined for any other key. */
export function documentOfKey(key: string): { applicationId: string; documentId: string } | undefined {
  const [, applicationId, documentId] = DOCUMENT_KEY.exec(key) ?? [];
  return applicationId && documentId ? { applicationId, documentId } : undefined;
}

/** The longest page address a slot will redirect to. */
export const MAX_UPLOAD_REDIRECT_LENGTH = 300;

/** Where plain http is good enough: the local runtime and a developer's own browser. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Why a page address is not one an upload slot may send a browser back to, or undefined when it is (the
 * contract is on `DocumentStore.uploadSlot` in ports.ts). Only the shape can be checked: the service does not
 * know which origin the applicant is using. That is safe enough because the slot goes only to the signed-in
 * owner who asked for it, so a foreign host could only send that same person's browser where they chose to go.
 */
function uploadRedirectProblem(value: string): string | undefined {
  // Browsers read a backslash as a slash (`https:\\evil.example`), and spaces or control characters could be
  // trimmed differently by S3, the browser and this check.
  if (/[\\\s]/.test(value) || [...value].some((character) => character < ' ' || character === '\u007f')) {
    return 'redirectTo must not contain backslashes, spaces or control characters';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'redirectTo must be an absolute URL (https://…/applications/…): storage answers from another origin';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return 'redirectTo must be an https URL (plain http only on 127.0.0.1 or localhost)';
  }
  if (url.username !== '' || url.password !== '') {
    return 'redirectTo must not carry a user name or password';
  }
  if (value.includes('?') || value.includes('#')) {
    return 'redirectTo must have no query or fragment: storage appends its own query (bucket, key, etag)';
  }
  if (!url.pathname.startsWith('/applications/')) {
    return 'redirectTo must be a Doorstep page under /applications/';
  }
  // One spelling only (no `..` segments, default ports or capitals in the host), so the address checked here
  // is exactly the one signed into the slot and followed by the browser.
  if (url.href !== value) return `redirectTo must be written in its normal form: ${url.href}`;
  return undefined;
}

/** The page a browser without JavaScript returns to after uploading (S3's `success_action_redirect`). */
export const UploadRedirect = z
  .string()
  .max(MAX_UPLOAD_REDIRECT_LENGTH, `redirectTo can be at most ${MAX_UPLOAD_REDIRECT_LENGTH} characters`)
  .superRefine((value, context) => {
    const problem = uploadRedirectProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * The upload slot for a declared document. `redirectTo` (already checked by {@link UploadRedirect}) is passed to
 * the store unchanged: the browser is sent back there after a successful upload.
 */
export function uploadSlotFor(
  deps: Pick<Deps, 'documents' | 'clock'>,
  applicationId: string,
  document: DocumentRecord,
  redirectTo?: string,
): Promise<UploadSlot> {
  return deps.documents.uploadSlot({
    key: documentKey(applicationId, document.documentId),
    contentType: document.contentType,
    maxBytes: Math.min(document.sizeBytes, MAX_DOCUMENT_BYTES),
    expiresAt: new Date(deps.clock.now().getTime() + UPLOAD_SLOT_MINUTES * 60_000),
    ...(redirectTo === undefined ? {} : { redirectTo }),
  });
}

export type ReceiveOutcome =
  | 'unknown'
  | 'missing'
  | 'already-received'
  | 'rejected'
  | 'uploaded'
  | 'reading'
  | 'read';

/**
 * An upload arrived in quarantine (an S3 event in AWS; the local upload endpoint locally): the bytes are
 * sniffed and malware-scanned; a mismatch with what was declared, or a scan that finds or refuses something,
 * is rejected with the reason and deleted, anything else is promoted,
 * and a passport photo is read and checked against the applicant's answers. A document the runtime reads later
 * (a PDF of several pages in AWS: {@link LaterReader}) is promoted, its reading started, and it stays `uploaded`
 * with the job until services/later-reading.ts records what the job read. Idempotent per document.
 */
export async function receiveUpload(
  deps: Pick<
    Deps,
    'applications' | 'documents' | 'reader' | 'laterReader' | 'scanner' | 'inspector' | 'audit' | 'clock'
  >,
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
  const sniffProblem =
    bytes.byteLength > MAX_DOCUMENT_BYTES
      ? `The file is larger than ${MAX_DOCUMENT_BYTES / 1_048_576} MB.`
      : sniffed?.mime !== document.contentType
        ? `The file is not the ${describeType(document.contentType)} it was said to be${sniffed ? ` (it looks like ${describeType(sniffed.mime)})` : ''}.`
        : undefined;
  // Only bytes that are what they claim to be are scanned; a scan still running throws, so the upload stays in
  // quarantine for the retried notification, and only a clean verdict is promoted.
  const scan = sniffProblem
    ? undefined
    : await deps.scanner.scan({ key: input.key, bytes, declaredType: document.contentType });
  const refusal = sniffProblem
    ? `${sniffProblem} Upload it again as a photo (JPEG or PNG) or a PDF.`
    : scan && scan.verdict !== 'clean'
      ? scan.reason
      : undefined;
  // A clean upload is inspected (upload-inspection.ts): a photo turned upright and scaled down, a PDF's pages
  // counted, encrypted or oversized ones refused, signs of tampering noted for the officer. The inspected bytes
  // (a photo's normalised copy) are the ones kept and read.
  const inspected = refusal
    ? undefined
    : await inspectUpload(deps, { applicationId, bytes, contentType: document.contentType });
  const rejection = refusal ?? (inspected && 'rejection' in inspected ? inspected.rejection : undefined);
  const checked = inspected && 'bytes' in inspected ? inspected : undefined;
  const kept = checked?.bytes ?? bytes;

  // Every step that can fail (reading, saving) runs before quarantine is emptied, so a retried notification
  // finds the upload again; the bytes promoted are exactly the bytes checked (and inspected).
  let updated: DocumentRecord;
  let outcome: ReceiveOutcome;
  let promoted = false;
  let notStarted: string | undefined;
  if (rejection) {
    updated = {
      ...document,
      status: 'rejected',
      receivedAt: now.toISOString(),
      problem: rejection,
    };
    outcome = 'rejected';
  } else {
    updated = { ...document, status: 'uploaded', receivedAt: now.toISOString(), ...checked?.details };
    outcome = 'uploaded';
    if (document.kind === 'passport' && document.contentType !== 'application/pdf') {
      const reading = await deps.reader.readPassportMrz(kept);
      updated = withReading(updated, reading, application, now);
      if (updated.status === 'read') outcome = 'read';
    } else if (
      isFormsKind(document.kind) &&
      deps.laterReader?.readsLater({
        contentType: document.contentType,
        ...(checked?.details.pages ? { pages: checked.details.pages } : {}),
      })
    ) {
      // The job reads the promoted object, so it is promoted first. From here a retried notification finds
      // nothing in quarantine, so a start that fails is not thrown: the document goes to an officer instead.
      await deps.documents.promote(input.key, kept, document.contentType);
      promoted = true;
      try {
        const { jobId } = await deps.laterReader.startReading({
          kind: document.kind,
          key: input.key,
          documentId,
        });
        updated = { ...updated, readingJob: { jobId, startedAt: now.toISOString() } };
        outcome = 'reading';
      } catch (error) {
        notStarted = error instanceof Error ? error.name : 'unknown';
        updated = {
          ...updated,
          problem: `We could not start reading your ${DOCUMENT_CATALOGUE[document.kind].name.toLowerCase()} automatically, so an officer will check it.`,
        };
      }
    } else if (isFormsKind(document.kind)) {
      const reading = await deps.reader.readDocument({
        kind: document.kind,
        bytes: kept,
        contentType: document.contentType,
      });
      updated = withFormsReading(updated, document.kind, reading, application, now);
      if (updated.status === 'read') outcome = 'read';
    }
  }
  if (!rejection && !promoted) await deps.documents.promote(input.key, kept, document.contentType);
  await saveDocument(deps, application.applicationId, updated);
  if (rejection) await deps.documents.discardUpload(input.key);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now.toISOString(),
    type: `document-${outcome}`,
    stage: application.stage,
    actor: 'system',
    facts: {
      documentId,
      ...(sniffed ? { sniffed: sniffed.mime } : {}),
      ...(scan ? { scan: scan.verdict } : {}),
      ...(notStarted ? { readingNotStarted: notStarted } : {}),
    },
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
  const found = applicant ? identityProblems(readFields, applicant, now.toISOString().slice(0, 10)) : [];
  const problems = reading.smeared ? fromSmearedPhoto(found) : found;
  const { problem: _previous, ...rest } = document;
  return {
    ...rest,
    status: 'read',
    readFields,
    ...(problems.length > 0 ? { problem: anotherPhotoPlease(problems) } : {}),
  };
}

/**
 * Records what was read from a licence, payslip, statement, letter or bill, and what the applicant should do
 * about anything that does not check out (identity-check.ts for a licence, evidence-check.ts for the rest).
 * Unreadable: the document stays `uploaded`, for an officer, with the reason and how to take a better photo.
 */
export function withFormsReading(
  document: DocumentRecord,
  kind: FormsKind,
  reading: DocumentReading,
  application: Application,
  now: Date,
): DocumentRecord {
  const name = DOCUMENT_CATALOGUE[kind].name.toLowerCase();
  if (!reading.ok) {
    const advice = reading.reason.endsWith('.') ? reading.reason : `${reading.reason}.`;
    return {
      ...document,
      problem: `We could not read your ${name} automatically. ${advice} If it still cannot be read, an officer will check it.`,
    };
  }
  const today = now.toISOString().slice(0, 10);
  const policy = policyFor(application.policyId);
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const problems =
    kind === 'driving-licence'
      ? [
          ...(Object.values(reading.fields).some(
            (field) => field.confidence < policy.evidence.confidenceThreshold,
          )
            ? [
                `Parts of your driving licence did not read clearly enough to check: take another photo of the front, flat, in daylight, without glare on the plastic.`,
              ]
            : []),
          ...(applicant
            ? identityProblems(reading.fields, applicant, today, 'driving-licence').map(
                (problem) => problem.text,
              )
            : []),
        ]
      : checkEvidence({ kind, fields: reading.fields, application, policy, today }).problems.map(
          (problem) => problem.text,
        );
  const { problem: _previous, ...rest } = document;
  return {
    ...rest,
    status: 'read',
    readFields: reading.fields,
    ...(problems.length > 0 ? { problem: problems.join(' ') } : {}),
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
