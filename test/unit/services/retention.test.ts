import type { Application, DocumentRecord } from '../../../shared/domain/application';
import { SHARE_CODE_ENTRY } from '../../../shared/domain/retention';
import { Stage } from '../../../shared/domain/stage';
import { documentNumberFingerprint } from '../../../shared/services/application-stages';
import { documentKey } from '../../../shared/services/documents';
import { sweepRetention } from '../../../shared/services/retention';
import { closeCase } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aReadPassport } from '../../support/uploads';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const otherApplicationId = 'app_fedcba9876543210fedcba9876543210';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Values read from the passport: personal data that must leave with the document, and never reach the audit. */
const PASSPORT_NUMBER = '925076473';
const SHARE_CODE = 'W123ABC45';
const BORN = '1988-04-12';

const field = (value: string) => ({ value, confidence: 0.98 });
const passport: DocumentRecord = {
  ...aReadPassport(
    {
      surname: 'PRITCHARD',
      givenNames: 'GARETH',
      documentNumber: PASSPORT_NUMBER,
      issuingState: 'GBR',
      dateOfBirth: BORN,
      checkDigitsValid: 'true',
    },
    0.98,
  ),
  receivedAt: '2026-11-01T10:05:40.000Z',
};
const payslip: DocumentRecord = {
  documentId: 'doc_payslip1',
  kind: 'payslip',
  contentType: 'application/pdf',
  sizeBytes: 180_000,
  status: 'read',
  declaredAt: '2026-11-01T10:06:00.000Z',
  receivedAt: '2026-11-01T10:06:20.000Z',
  readFields: { employeeName: field('Gareth Pritchard'), netPay: field('1,820.00') },
  problem: 'The name on the payslip, Gareth Pritchard, is spelt differently from your answer.',
};
const fingerprint = documentNumberFingerprint('passport', 'GBR', PASSPORT_NUMBER);

function anApplicationWithEvidence(overrides: Partial<Application> = {}): Application {
  const application = aCompleteApplication({ documents: [passport, payslip], ...overrides });
  return {
    ...application,
    profile: {
      ...application.profile,
      immigrationStatus: 'eu-settled-status',
      immigrationEvidence: { kind: 'share-code', shareCode: SHARE_CODE, dateOfBirth: BORN },
    },
  };
}

/** A closed application (through closeCase, as an officer closes it), its documents' bytes stored. */
async function closedApplication(application = anApplicationWithEvidence()): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  for (const document of application.documents) {
    await deps.documents.put(
      documentKey(application.applicationId, document.documentId),
      new Uint8Array([1, 2, 3]),
      document.contentType,
    );
  }
  await deps.applications.claimDocumentNumber(fingerprint, application.applicationId);
  await closeCase(deps, {
    applicationId: application.applicationId,
    stage: Stage.Verification,
    reason: 'Withdrawn by phone',
  });
  deps.audit.events.length = 0;
  return deps;
}

const daysAfterClosing = (deps: MemoryDeps, days: number) => deps.clock.advanceDays(days);

const stored = async (deps: MemoryDeps, id = applicationId) => {
  const application = await deps.applications.get(id);
  if (!application) throw new Error(`no application ${id}`);
  return application;
};

describe('the due-for-deletion index', () => {
  it('lists each document and the share code when the case closes, by the day each may go', async () => {
    // Prepare, Act
    const deps = await closedApplication();
    const closedAt = deps.clock.now().getTime();
    const later = (days: number) => new Date(closedAt + days * DAY_MS).toISOString();

    // Assess
    expect(await deps.applications.listDueForDeletion(later(365))).toEqual([
      { applicationId, documentId: 'doc_passport1', deleteAfter: later(30) },
      { applicationId, documentId: SHARE_CODE_ENTRY, deleteAfter: later(30) },
      { applicationId, documentId: 'doc_payslip1', deleteAfter: later(90) },
    ]);
    expect(await deps.applications.listDueForDeletion(later(29))).toEqual([]);
    expect((await stored(deps)).profile.immigrationEvidence).toMatchObject({ deleteAfter: later(30) });
  });

  it('is written again by a close retried after its save, so a crash between the two loses no entry', async () => {
    // Prepare: closed, then the index entries lost (as if the step stopped after saving)
    const deps = await closedApplication();
    deps.applications.deletions.clear();

    // Act
    await closeCase(deps, { applicationId, stage: Stage.Verification, reason: 'Withdrawn by phone' });

    // Assess
    expect(deps.applications.deletions.size).toBe(3);
  });
});

describe('sweepRetention', () => {
  it('deletes what is due and keeps the rest: bytes, read fields and the share code go; kind and dates stay', async () => {
    // Prepare
    const deps = await closedApplication();
    const deleteAfter = (await stored(deps)).documents[0]?.deleteAfter;
    daysAfterClosing(deps, 31);

    // Act
    const result = await sweepRetention(deps);

    // Assess
    expect(result).toEqual({ deleted: 2, alreadyGone: 0, rescheduled: 0, failed: [] });
    const application = await stored(deps);
    expect(application.documents[0]).toEqual({
      documentId: 'doc_passport1',
      kind: 'passport',
      contentType: 'image/jpeg',
      sizeBytes: 2_400_000,
      status: 'deleted',
      declaredAt: '2026-11-01T10:05:00.000Z',
      receivedAt: '2026-11-01T10:05:40.000Z',
      deleteAfter,
      deletedAt: deps.clock.now().toISOString(),
    });
    expect(application.documents[1]).toEqual(
      expect.objectContaining({ status: 'read', readFields: payslip.readFields }),
    );
    expect(application.profile.immigrationEvidence).toBeUndefined();
    expect(await deps.documents.read(documentKey(applicationId, 'doc_passport1'))).toBeUndefined();
    expect(await deps.documents.read(documentKey(applicationId, 'doc_payslip1'))).toBeDefined();
    expect([...deps.applications.deletions.values()]).toEqual([
      expect.objectContaining({ documentId: 'doc_payslip1' }),
    ]);
    // The decisions stay (documents.ts: the decision and its reasons are kept, the document is not).
    expect(application.decisions).toHaveLength(1);
  });

  it('deletes the payslip once its own 90 days have passed, with its problem text', async () => {
    // Prepare
    const deps = await closedApplication();
    daysAfterClosing(deps, 91);

    // Act
    const result = await sweepRetention(deps);

    // Assess
    expect(result.deleted).toBe(3);
    const deleted = (await stored(deps)).documents[1];
    expect(deleted?.status).toBe('deleted');
    expect(deleted).not.toHaveProperty('readFields');
    expect(deleted).not.toHaveProperty('problem');
    expect(deps.applications.deletions.size).toBe(0);
  });

  it('writes audit events with the kind and dates, never a value that was read or typed', async () => {
    // Prepare
    const deps = await closedApplication();
    daysAfterClosing(deps, 91);

    // Act
    await sweepRetention(deps);

    // Assess
    expect(
      deps.audit.events.map((event) => [event.type, event.facts?.kind ?? event.facts?.documentId]),
    ).toEqual([
      ['document-deleted', 'passport'],
      ['share-code-deleted', undefined],
      ['document-deleted', 'payslip'],
    ]);
    const audit = JSON.stringify(deps.audit.events);
    for (const personal of [
      PASSPORT_NUMBER,
      SHARE_CODE,
      BORN,
      'PRITCHARD',
      'Gareth',
      '1,820.00',
      fingerprint,
    ]) {
      expect(audit).not.toContain(personal);
    }
  });

  it('does nothing more when run again: no event, no write, nothing listed', async () => {
    // Prepare
    const deps = await closedApplication();
    daysAfterClosing(deps, 91);
    await sweepRetention(deps);
    const after = await stored(deps);
    const events = deps.audit.events.length;

    // Act
    const again = await sweepRetention(deps);

    // Assess
    expect(again).toEqual({ deleted: 0, alreadyGone: 0, rescheduled: 0, failed: [] });
    expect(await stored(deps)).toEqual(after);
    expect(deps.audit.events).toHaveLength(events);
  });

  it('gives up the passport number its application holds, so the same passport may apply again', async () => {
    // Prepare
    const deps = await closedApplication();
    daysAfterClosing(deps, 31);

    // Act
    await sweepRetention(deps);

    // Assess
    expect(deps.applications.documentNumbers.has(fingerprint)).toBe(false);
    expect(await deps.applications.claimDocumentNumber(fingerprint, otherApplicationId)).toBe(
      otherApplicationId,
    );
  });

  it('gives up the photo’s perceptual hash its application holds, and never another application’s', async () => {
    // Prepare: the passport photo's hash held by this application, the payslip's by another
    const deps = await closedApplication(
      anApplicationWithEvidence({
        documents: [
          { ...passport, imageHash: '0f0f0f0f0f0f0f0f' },
          { ...payslip, imageHash: 'a5a5a5a5a5a5a5a5' },
        ],
      }),
    );
    await deps.applications.claimImageHash('0f0f0f0f0f0f0f0f', applicationId);
    await deps.applications.claimImageHash('a5a5a5a5a5a5a5a5', otherApplicationId);
    daysAfterClosing(deps, 91);

    // Act
    await sweepRetention(deps);

    // Assess
    expect(deps.applications.imageHashes.has('0f0f0f0f0f0f0f0f')).toBe(false);
    expect(deps.applications.imageHashes.get('a5a5a5a5a5a5a5a5')).toBe(otherApplicationId);
    expect((await stored(deps)).documents.every((document) => document.imageHash === undefined)).toBe(true);
  });

  it('never releases another application’s claim on the same number', async () => {
    // Prepare: the number was claimed first by another application, so this one never held it
    const deps = memoryDeps();
    await deps.applications.claimDocumentNumber(fingerprint, otherApplicationId);
    await deps.applications.create(anApplicationWithEvidence());
    await closeCase(deps, {
      applicationId,
      stage: Stage.Verification,
      reason: 'Passport on another application',
    });
    daysAfterClosing(deps, 31);

    // Act
    await sweepRetention(deps);

    // Assess
    expect(deps.applications.documentNumbers.get(fingerprint)).toBe(otherApplicationId);
    expect((await stored(deps)).documents[0]?.status).toBe('deleted');
  });

  it('keeps the claim while another of the application’s documents with the same number is kept longer', async () => {
    // Prepare: the same passport read twice, the second copy dated later (a case closed, reopened, closed)
    const later = { ...passport, documentId: 'doc_passport2' };
    const deps = await closedApplication(anApplicationWithEvidence({ documents: [passport, later] }));
    const application = await stored(deps);
    const dated = application.documents.map((document) =>
      document.documentId === 'doc_passport2'
        ? {
            ...document,
            deleteAfter: new Date(Date.parse(document.deleteAfter ?? '') + 60 * DAY_MS).toISOString(),
          }
        : document,
    );
    await deps.applications.save({ ...application, documents: dated });
    daysAfterClosing(deps, 31);

    // Act
    await sweepRetention(deps);

    // Assess
    expect(deps.applications.documentNumbers.get(fingerprint)).toBe(applicationId);
    expect((await stored(deps)).documents.map((document) => document.status)).toEqual(['deleted', 'read']);
  });

  describe('restarted after stopping half-way', () => {
    it('re-runs cleanly when the bytes could not be deleted', async () => {
      // Prepare: storage fails once, on the passport
      const deps = await closedApplication();
      daysAfterClosing(deps, 31);
      const remove = deps.documents.delete.bind(deps.documents);
      let failures = 1;
      deps.documents.delete = async (key) => {
        if (failures-- > 0) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        await remove(key);
      };

      // Act
      const first = await sweepRetention(deps);
      const second = await sweepRetention(deps);

      // Assess: the first run kept the record whole and the entry listed; the second finished the work
      expect(first.failed).toEqual([{ applicationId, documentId: 'doc_passport1', error: 'TimeoutError' }]);
      expect(second).toEqual({ deleted: 1, alreadyGone: 0, rescheduled: 0, failed: [] });
      expect((await stored(deps)).documents[0]?.status).toBe('deleted');
      expect(deps.applications.documentNumbers.has(fingerprint)).toBe(false);
      expect(await deps.documents.read(documentKey(applicationId, 'doc_passport1'))).toBeUndefined();
      expect([...deps.applications.deletions.values()].map((entry) => entry.documentId)).toEqual([
        'doc_payslip1',
      ]);
    });

    it('re-runs cleanly when it stopped after marking the record, before taking the entry out', async () => {
      // Prepare: the index fails once, after the first record is marked
      const deps = await closedApplication();
      daysAfterClosing(deps, 31);
      const unschedule = deps.applications.unscheduleDeletion.bind(deps.applications);
      let failures = 1;
      deps.applications.unscheduleDeletion = async (entry) => {
        if (failures-- > 0) throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        await unschedule(entry);
      };

      // Act
      const first = await sweepRetention(deps);
      const second = await sweepRetention(deps);

      // Assess
      expect(first).toMatchObject({ deleted: 1, failed: [{ documentId: 'doc_passport1' }] });
      expect(second).toEqual({ deleted: 0, alreadyGone: 1, rescheduled: 0, failed: [] });
      const application = await stored(deps);
      expect(application.documents[0]?.status).toBe('deleted');
      expect(application.profile.immigrationEvidence).toBeUndefined();
      expect([...deps.applications.deletions.values()].map((entry) => entry.documentId)).toEqual([
        'doc_payslip1',
      ]);
    });

    it('retries a save that lost a race with another writer', async () => {
      // Prepare: someone else writes the application between the sweep's read and its save, once
      const deps = await closedApplication();
      daysAfterClosing(deps, 31);
      const save = deps.applications.save.bind(deps.applications);
      let raced = false;
      deps.applications.save = async (application) => {
        if (!raced) {
          raced = true;
          const current = await stored(deps);
          await save({ ...current, updatedAt: deps.clock.now().toISOString() });
        }
        return save(application);
      };

      // Act
      const result = await sweepRetention(deps);

      // Assess
      expect(result).toMatchObject({ deleted: 2, failed: [] });
      expect((await stored(deps)).documents[0]?.status).toBe('deleted');
    });
  });

  it('moves an entry whose record says a later date, and deletes nothing before that date', async () => {
    // Prepare: an entry listed earlier than the document's own date
    const deps = await closedApplication();
    const recorded = (await stored(deps)).documents[0]?.deleteAfter ?? '';
    await deps.applications.scheduleDeletions([
      { applicationId, documentId: 'doc_passport1', deleteAfter: deps.clock.now().toISOString() },
    ]);

    // Act
    const result = await sweepRetention(deps);

    // Assess
    expect(result).toEqual({ deleted: 0, alreadyGone: 0, rescheduled: 1, failed: [] });
    expect((await stored(deps)).documents[0]?.status).toBe('read');
    expect(await deps.applications.listDueForDeletion(recorded)).toContainEqual({
      applicationId,
      documentId: 'doc_passport1',
      deleteAfter: recorded,
    });
  });

  it('deletes the bytes of an entry whose application no longer exists, and takes the entry out', async () => {
    // Prepare
    const deps = memoryDeps();
    const key = documentKey(otherApplicationId, 'doc_orphan1');
    await deps.documents.put(key, new Uint8Array([1]), 'image/png');
    await deps.applications.scheduleDeletions([
      {
        applicationId: otherApplicationId,
        documentId: 'doc_orphan1',
        deleteAfter: '2026-10-01T00:00:00.000Z',
      },
    ]);

    // Act
    const result = await sweepRetention(deps);

    // Assess
    expect(result).toEqual({ deleted: 0, alreadyGone: 1, rescheduled: 0, failed: [] });
    expect(await deps.documents.read(key)).toBeUndefined();
    expect(deps.applications.deletions.size).toBe(0);
  });
});
