import type { DocumentRecord } from '../domain/application.js';
import { isFormsKind } from '../domain/documents.js';
import { ConflictError, type DocumentReading } from '../ports.js';
import type { Deps } from './deps.js';
import { documentOfKey, withFormsReading } from './documents.js';

/** Why a job that did not succeed read nothing, in words the applicant can act on (an officer sees it too). */
export const READING_FAILED =
  'The PDF could not be read: it may be damaged, or its pages may be too faint to read. Upload a clear photo of each page instead, or the page that shows your name, dates and amounts.';

/**
 * What finishing a reading did: `unknown` (no such document, or it waits for another job), `not-waiting` (the
 * document is no longer waiting for a reading: already read, rejected, deleted, or a repeated message), `read`,
 * or `unread` (it stays `uploaded`, for an officer, with the reason).
 */
export type FinishOutcome = 'unknown' | 'not-waiting' | 'read' | 'unread';

/** A reading job's completion (Textract's message in AWS): which job, which document, whether it succeeded. */
export interface ReadingFinished {
  jobId: string;
  /** The document store's key of the document read. */
  key: string;
  /** The job's tag, the document id it was started with, when the message carries one. */
  jobTag?: string;
  succeeded: boolean;
}

function waitingFor(document: DocumentRecord | undefined, jobId: string): boolean {
  return document?.status === 'uploaded' && document.readingJob?.jobId === jobId;
}

/**
 * A document read later ({@link LaterReader}) has been read: what the job found is collected and checked
 * exactly as a document read at once is (services/documents.ts, `withFormsReading`), and saved on the document,
 * which loses its job. Only a document still waiting for this very job changes, checked again on the version
 * that is written, so a repeated or late message changes nothing.
 */
export async function finishReading(
  deps: Pick<Deps, 'applications' | 'laterReader' | 'audit' | 'clock'>,
  input: ReadingFinished,
): Promise<{ outcome: FinishOutcome }> {
  const ids = documentOfKey(input.key);
  if (!ids || (input.jobTag !== undefined && input.jobTag !== ids.documentId)) return { outcome: 'unknown' };
  const found = await deps.applications.get(ids.applicationId);
  const document = found?.documents.find((candidate) => candidate.documentId === ids.documentId);
  if (!found || !document || !isFormsKind(document.kind)) return { outcome: 'unknown' };
  if (!waitingFor(document, input.jobId))
    return { outcome: document.readingJob && document.status === 'uploaded' ? 'unknown' : 'not-waiting' };
  if (!deps.laterReader) throw new Error('A reading finished, but this runtime has no reader for later');
  const kind = document.kind;

  const reading: DocumentReading = input.succeeded
    ? await deps.laterReader.collectReading({ kind, jobId: input.jobId })
    : { ok: false, reason: READING_FAILED };
  const now = deps.clock.now();
  let updated: DocumentRecord | undefined;
  for (let attempt = 0; ; attempt += 1) {
    const application = await deps.applications.get(ids.applicationId);
    const current = application?.documents.find((candidate) => candidate.documentId === ids.documentId);
    if (!application || !current || !waitingFor(current, input.jobId)) return { outcome: 'not-waiting' };
    const { readingJob: _done, ...rest } = current;
    updated = withFormsReading(rest, kind, reading, application, now);
    try {
      await deps.applications.save({
        ...application,
        documents: application.documents.map((candidate) =>
          candidate.documentId === ids.documentId ? (updated ?? candidate) : candidate,
        ),
        updatedAt: now.toISOString(),
      });
      break;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 2) throw error;
    }
  }
  const outcome: FinishOutcome = updated.status === 'read' ? 'read' : 'unread';
  await deps.audit.append({
    applicationId: found.applicationId,
    at: now.toISOString(),
    type: `document-${outcome}`,
    stage: found.stage,
    actor: 'system',
    facts: { documentId: ids.documentId, ...(reading.ok ? { pages: reading.pages } : {}) },
  });
  return { outcome };
}
