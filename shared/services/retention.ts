import type { Application, DocumentRecord } from '../domain/application.js';
import {
  DATA_COPY_ENTRY,
  type DeletionEntry,
  dataCopyKey,
  deletedDocument,
  isDue,
  SHARE_CODE_ENTRY,
} from '../domain/retention.js';
import { ConflictError } from '../ports.js';
import { documentNumberFingerprint } from './application-stages.js';
import type { Deps } from './deps.js';
import { documentKey } from './documents.js';

/**
 * The retention sweep (UK GDPR Art. 5(1)(e); issue 7, "Privacy"): deletes every document and share code whose
 * `deleteAfter` has come, found through the due-for-deletion index (domain/retention.ts), never by reading
 * every application. Run daily in AWS (functions/retention-sweep) and at start and hourly locally.
 *
 * For each entry, in this order, each step safe to repeat, so a sweep that stops half-way is simply run again:
 * 1. give up the claims on the identity document's number (DOCNUM) and on the photo's perceptual hash (PHASH),
 *    only where this application holds them;
 * 2. delete the bytes (quarantine and promoted copies);
 * 3. append an audit event with no personal data (at least once: a crash before step 4 appends it again);
 * 4. mark the record `deleted`, without what was read from it (or drop the share code from the profile);
 * 5. take the entry out of the index.
 * Decisions, their reasons and the audit trail are kept (documents.ts explains why).
 */

export type RetentionDeps = Pick<Deps, 'applications' | 'documents' | 'audit' | 'clock'>;

export interface SweepResult {
  /** Documents and share codes deleted by this run. */
  deleted: number;
  /** Entries with nothing left to delete (done by an earlier run, or the application is gone). */
  alreadyGone: number;
  /** Entries whose record says a later date: moved to that date in the index. */
  rescheduled: number;
  /** Entries that failed (pseudonymous ids and the error's name only); the next run tries them again. */
  failed: Array<{ applicationId: string; documentId: string; error: string }>;
}

type Outcome = 'deleted' | 'already-gone' | 'rescheduled';

/** A save that lost a race with another writer (an officer's note, say) is retried on a fresh read. */
const SAVE_ATTEMPTS = 3;

export async function sweepRetention(deps: RetentionDeps): Promise<SweepResult> {
  const now = deps.clock.now().toISOString();
  const result: SweepResult = { deleted: 0, alreadyGone: 0, rescheduled: 0, failed: [] };
  for (const entry of await deps.applications.listDueForDeletion(now)) {
    try {
      const outcome = await sweepEntry(deps, entry, now);
      if (outcome === 'deleted') result.deleted += 1;
      else if (outcome === 'rescheduled') result.rescheduled += 1;
      else result.alreadyGone += 1;
    } catch (error) {
      result.failed.push({
        applicationId: entry.applicationId,
        documentId: entry.documentId,
        error: error instanceof Error ? error.name : 'Error',
      });
    }
  }
  return result;
}

async function sweepEntry(deps: RetentionDeps, entry: DeletionEntry, now: string): Promise<Outcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const application = await deps.applications.get(entry.applicationId);
      const outcome =
        entry.documentId === SHARE_CODE_ENTRY
          ? await eraseShareCode(deps, application, entry, now)
          : entry.documentId === DATA_COPY_ENTRY
            ? await deleteDataCopy(deps, application, entry, now)
            : await deleteDocument(deps, application, entry, now);
      await deps.applications.unscheduleDeletion(entry);
      return outcome;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

async function deleteDocument(
  deps: RetentionDeps,
  application: Application | undefined,
  entry: DeletionEntry,
  now: string,
): Promise<Outcome> {
  const key = documentKey(entry.applicationId, entry.documentId);
  const document = application?.documents.find((candidate) => candidate.documentId === entry.documentId);
  if (!application || !document || document.status === 'deleted') {
    // Nothing on record to mark; the bytes go all the same (deleting what is not there is a no-op).
    await deps.documents.delete(key);
    return 'already-gone';
  }
  if (!isDue(document.deleteAfter, now)) return reschedule(deps, entry, document.deleteAfter);

  // A claim another of this application's documents still needs (same number or photo, kept longer) stays.
  const keptLonger = (same: (other: DocumentRecord) => boolean) =>
    application.documents.some(
      (other) =>
        other.documentId !== document.documentId &&
        other.status !== 'deleted' &&
        !isDue(other.deleteAfter, now) &&
        same(other),
    );
  const fingerprint = numberFingerprint(document);
  if (fingerprint && !keptLonger((other) => numberFingerprint(other) === fingerprint)) {
    await deps.applications.releaseDocumentNumber(fingerprint, application.applicationId);
  }
  const { imageHash } = document;
  if (imageHash && !keptLonger((other) => other.imageHash === imageHash)) {
    await deps.applications.releaseImageHash(imageHash, application.applicationId);
  }
  await deps.documents.delete(key);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'document-deleted',
    actor: 'system',
    facts: {
      documentId: document.documentId,
      kind: document.kind,
      deleteAfter: document.deleteAfter ?? now,
      reason: 'retention',
    },
  });
  await deps.applications.save({
    ...application,
    documents: application.documents.map((candidate) =>
      candidate.documentId === document.documentId ? deletedDocument(candidate, now) : candidate,
    ),
    updatedAt: now,
  });
  return 'deleted';
}

async function eraseShareCode(
  deps: RetentionDeps,
  application: Application | undefined,
  entry: DeletionEntry,
  now: string,
): Promise<Outcome> {
  const evidence = application?.profile.immigrationEvidence;
  if (!application || evidence?.kind !== 'share-code') return 'already-gone';
  if (!isDue(evidence.deleteAfter, now)) return reschedule(deps, entry, evidence.deleteAfter);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'share-code-deleted',
    actor: 'system',
    facts: { deleteAfter: evidence.deleteAfter ?? now, reason: 'retention' },
  });
  // The code and the date of birth beside it go; the officer's check and the decisions it supported stay.
  const { immigrationEvidence: _erased, ...profile } = application.profile;
  await deps.applications.save({ ...application, profile, updatedAt: now });
  return 'deleted';
}

/** The applicant's PDF copy of their data: the bytes go, and so does the record, so a new one can be asked for. */
async function deleteDataCopy(
  deps: RetentionDeps,
  application: Application | undefined,
  entry: DeletionEntry,
  now: string,
): Promise<Outcome> {
  const made = application?.dataCopy?.made;
  if (!application || !made) {
    await deps.documents.delete(dataCopyKey(entry.applicationId));
    return 'already-gone';
  }
  if (!isDue(made.deleteAfter, now)) return reschedule(deps, entry, made.deleteAfter);
  await deps.documents.delete(made.key);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'data-copy-deleted',
    actor: 'system',
    facts: { deleteAfter: made.deleteAfter ?? now, reason: 'retention' },
  });
  // A copy asked for since this one was made is still to be made: its request stays.
  const { dataCopy, ...rest } = application;
  const pending =
    dataCopy && dataCopy.requestedAt > made.madeAt ? { dataCopy: { requestedAt: dataCopy.requestedAt } } : {};
  await deps.applications.save({ ...rest, ...pending, updatedAt: now });
  return 'deleted';
}

/**
 * An entry whose record now says a later date (or none): the record wins. The entry moves to that date, or
 * goes when there is no date (nothing is due until the application closes again and dates it).
 */
async function reschedule(
  deps: RetentionDeps,
  entry: DeletionEntry,
  deleteAfter: string | undefined,
): Promise<Outcome> {
  if (deleteAfter) await deps.applications.scheduleDeletions([{ ...entry, deleteAfter }]);
  return 'rescheduled';
}

/** The fingerprint under which a read identity document's number was claimed, if it has one. */
function numberFingerprint(document: DocumentRecord): string | undefined {
  const field = (name: string) => document.readFields?.[name]?.value ?? '';
  if (document.kind !== 'passport' && document.kind !== 'driving-licence') return undefined;
  if (!field('documentNumber')) return undefined;
  return documentNumberFingerprint(document.kind, field('issuingState'), field('documentNumber'));
}
