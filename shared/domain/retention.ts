import type { Application, DocumentRecord } from './application.js';
import { deleteAfter, withDeletionDates } from './documents.js';

/**
 * Retention (UK GDPR Art. 5(1)(e), storage limitation): when an application closes or is let, each document and
 * the share code get the day they are to be deleted (documents.ts says how long each kind is kept), and a
 * due-for-deletion index lists them by that day, so the daily sweep (services/retention.ts) finds what is due
 * without reading every application. Pure: no I/O here.
 */

/** The share code's id in the due-for-deletion index, beside the documents' ids (which start `doc_`). */
export const SHARE_CODE_ENTRY = 'evisa-share-code';

/** The applicant's PDF copy of their data (services/your-data-pdf.ts) in the due-for-deletion index. */
export const DATA_COPY_ENTRY = 'data-copy';

/**
 * Days a PDF copy of an applicant's data is kept after it is made: long enough to download it, and no longer, since
 * everything in it is held on the application anyway (UK GDPR Art. 5(1)(e)). A new copy can be asked for any time.
 */
export const DATA_COPY_RETENTION_DAYS = 30;

/** Where the PDF copy lives in the document store: beside the decision letters, which the letters step writes. */
export const dataCopyKey = (applicationId: string) => `letters/${applicationId}/your-data.pdf`;

/**
 * One thing due for deletion: a document of an application, its share code ({@link SHARE_CODE_ENTRY}) or the PDF
 * copy of its data ({@link DATA_COPY_ENTRY}).
 */
export interface DeletionEntry {
  applicationId: string;
  documentId: string;
  /** When it may be deleted (ISO 8601): the sweep deletes it on its first run at or after this instant. */
  deleteAfter: string;
}

/**
 * An application's documents and profile as it closes or is let: each document and the share code with the
 * day it is to be deleted. Dates set before (a case closed twice) are kept, so closing again never keeps
 * anything longer.
 */
export function withRetention(
  application: Application,
  closedAt: string,
): Pick<Application, 'documents' | 'profile'> {
  const evidence = application.profile.immigrationEvidence;
  return {
    documents: withDeletionDates(application.documents, closedAt),
    profile:
      evidence?.kind === 'share-code'
        ? {
            ...application.profile,
            immigrationEvidence: {
              ...evidence,
              deleteAfter: evidence.deleteAfter ?? deleteAfter('evisa-share-code', closedAt),
            },
          }
        : application.profile,
  };
}

/** What the due-for-deletion index must hold for an application: everything dated and not deleted yet. */
export function deletionEntries(application: Application): DeletionEntry[] {
  const { applicationId } = application;
  const entries: DeletionEntry[] = application.documents.flatMap((document) =>
    document.deleteAfter && document.status !== 'deleted'
      ? [{ applicationId, documentId: document.documentId, deleteAfter: document.deleteAfter }]
      : [],
  );
  const evidence = application.profile.immigrationEvidence;
  if (evidence?.kind === 'share-code' && evidence.deleteAfter) {
    entries.push({ applicationId, documentId: SHARE_CODE_ENTRY, deleteAfter: evidence.deleteAfter });
  }
  const copy = application.dataCopy?.made;
  if (copy?.deleteAfter)
    entries.push({ applicationId, documentId: DATA_COPY_ENTRY, deleteAfter: copy.deleteAfter });
  return entries;
}

/** Due at `now` (ISO 8601): its date has come. */
export const isDue = (deleteAfterDate: string | undefined, now: string): boolean =>
  deleteAfterDate !== undefined && Date.parse(deleteAfterDate) <= Date.parse(now);

/**
 * A document's record once its bytes are deleted: its id, kind, type, size and dates stay (what was asked for
 * and when, for the decision's audit), and nothing else. Kept by name rather than removed by name, so a field
 * added to the record later (what was read, a problem quoting it, a photo's hash) is dropped by default.
 */
export function deletedDocument(document: DocumentRecord, at: string): DocumentRecord {
  const { documentId, kind, contentType, sizeBytes, declaredAt, receivedAt, deleteAfter } = document;
  return {
    documentId,
    kind,
    contentType,
    sizeBytes,
    status: 'deleted',
    declaredAt,
    ...(receivedAt === undefined ? {} : { receivedAt }),
    ...(deleteAfter === undefined ? {} : { deleteAfter }),
    deletedAt: at,
  };
}
