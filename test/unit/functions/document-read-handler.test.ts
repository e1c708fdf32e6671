import { createHandler } from '../../../functions/document-read/handler';
import type { DocumentRecord } from '../../../shared/domain/application';
import type { DocumentReading } from '../../../shared/ports';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { READING_FAILED } from '../../../shared/services/later-reading';
import { aCompleteApplication } from '../../fixtures/applications';
import { completionMessage, topicEvent } from '../../fixtures/textract/jobs';
import { type MemoryDeps, memoryDeps, ScriptedLaterReader } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const documentId = 'doc_0123456789abcdef0123456789abcdef';
const key = documentKey(applicationId, documentId);
const objectName = `documents/${key}`;
const jobId = `job-${documentId}`;
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

const agreeingPayslip: DocumentReading = {
  ok: true,
  pages: 3,
  fields: {
    employeeName: { value: 'Gareth Pritchard', confidence: 0.95 },
    payDate: { value: '2026-10-31', confidence: 0.95 },
    payPeriod: { value: 'monthly', confidence: 0.95 },
    netPay: { value: '205000', confidence: 0.95 },
  },
};

/** A three-page payslip PDF uploaded and received in AWS: promoted, its reading started, waiting for the job. */
async function given(reading: DocumentReading = agreeingPayslip) {
  const deps: MemoryDeps = memoryDeps();
  const laterReader = new ScriptedLaterReader(reading);
  deps.laterReader = laterReader;
  deps.inspector = { inspect: async ({ bytes }) => ({ ok: true, bytes, signals: [], pages: 3 }) };
  const document: DocumentRecord = {
    documentId,
    kind: 'payslip',
    contentType: 'application/pdf',
    sizeBytes: 4_000,
    status: 'declared',
    declaredAt: '2026-11-02T09:00:00.000Z',
  };
  await deps.applications.create(aCompleteApplication({ documents: [document] }));
  deps.documents.quarantine.set(key, PDF);
  expect(await receiveUpload(deps, { key })).toEqual({ outcome: 'reading' });
  return { deps, laterReader, handler: createHandler(() => deps) };
}

async function stored(deps: MemoryDeps) {
  return (await deps.applications.get(applicationId))?.documents.find(
    (document) => document.documentId === documentId,
  );
}

const delivered = (message: string) => topicEvent(message);

describe('a long PDF read later (Textract jobs in AWS)', () => {
  it('is promoted on receipt, its reading started from the promoted copy, and left waiting for the job', async () => {
    const { deps, laterReader } = await given();

    expect(laterReader.started).toEqual([{ kind: 'payslip', key, documentId }]);
    expect(deps.documents.promoted.has(key)).toBe(true);
    expect(deps.documents.quarantine.has(key)).toBe(false);
    expect(await stored(deps)).toMatchObject({
      status: 'uploaded',
      pages: 3,
      readingJob: { jobId, startedAt: '2026-11-02T09:30:00.000Z' },
    });
  });

  it('is read, checked like a document read at once, and saved when the job finishes', async () => {
    const { deps, laterReader, handler } = await given();

    const result = await handler(
      delivered(completionMessage({ objectName, jobTag: documentId, jobId })),
      aLambdaContext('document-read'),
    );

    expect(result).toEqual({ outcome: 'read' });
    expect(laterReader.collected).toEqual([jobId]);
    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.readFields?.netPay).toEqual({ value: '205000', confidence: 0.95 });
    expect(document?.problem).toBeUndefined();
    expect(document?.readingJob).toBeUndefined();
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'document-read',
      facts: { documentId, pages: 3 },
    });
  });

  it('raises what does not match the answers, as receiving a document read at once does', async () => {
    const { deps, handler } = await given({
      ...agreeingPayslip,
      fields: { ...agreeingPayslip.fields, employeeName: { value: 'Someone Else', confidence: 0.95 } },
    });

    await handler(delivered(completionMessage({ objectName, jobId })), aLambdaContext('document-read'));

    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.problem).toEqual(expect.stringContaining('Someone Else'));
  });

  it('changes nothing when the same message arrives again', async () => {
    const { deps, laterReader, handler } = await given();
    const message = delivered(completionMessage({ objectName, jobTag: documentId, jobId }));
    await handler(message, aLambdaContext('document-read'));
    const first = await deps.applications.get(applicationId);

    const again = await handler(message, aLambdaContext('document-read'));

    expect(again).toEqual({ outcome: 'not-waiting' });
    expect(laterReader.collected).toEqual([jobId]);
    expect(await deps.applications.get(applicationId)).toEqual(first);
  });

  it('leaves a failed job’s document for an officer, with a reason in plain English', async () => {
    const { deps, laterReader, handler } = await given();

    const result = await handler(
      delivered(completionMessage({ objectName, jobId, status: 'FAILED' })),
      aLambdaContext('document-read'),
    );

    expect(result).toEqual({ outcome: 'unread' });
    expect(laterReader.collected).toEqual([]);
    const document = await stored(deps);
    expect(document?.status).toBe('uploaded');
    expect(document?.readingJob).toBeUndefined();
    expect(document?.problem).toBe(
      `We could not read your payslip automatically. ${READING_FAILED} If it still cannot be read, an officer will check it.`,
    );
  });

  it('keeps a partly read document for an officer with the reader’s reason', async () => {
    const { deps, handler } = await given({ ok: false, reason: 'Only some pages of the PDF could be read' });

    await handler(delivered(completionMessage({ objectName, jobId })), aLambdaContext('document-read'));

    expect((await stored(deps))?.problem).toContain('Only some pages of the PDF could be read.');
  });

  it.each([
    ['a job the document is not waiting for', completionMessage({ objectName, jobId: 'another-job' })],
    ['a tag that is not the document’s', completionMessage({ objectName, jobId, jobTag: 'doc_someoneelse' })],
    [
      'a document nobody declared',
      completionMessage({
        objectName: `documents/${documentKey(applicationId, 'doc_fedcba9876543210fedcba98')}`,
        jobId,
      }),
    ],
    [
      'an object outside the promoted documents',
      completionMessage({ objectName: `quarantine/${key}`, jobId }),
    ],
  ])('ignores %s', async (_what, message) => {
    const { deps, laterReader, handler } = await given();
    const before = await deps.applications.get(applicationId);

    const result = await handler(delivered(message), aLambdaContext('document-read'));

    expect(result).toEqual({ outcome: 'unknown' });
    expect(laterReader.collected).toEqual([]);
    expect(await deps.applications.get(applicationId)).toEqual(before);
  });

  it('changes nothing on a document no longer waiting (an officer asked for another meanwhile)', async () => {
    const { deps, laterReader, handler } = await given();
    const application = await deps.applications.get(applicationId);
    if (!application) throw new Error('no application');
    await deps.applications.save({
      ...application,
      documents: application.documents.map(({ readingJob: _job, ...document }) => ({
        ...document,
        status: 'rejected',
        problem: 'Please send the latest payslip.',
      })),
    });

    const result = await handler(
      delivered(completionMessage({ objectName, jobId })),
      aLambdaContext('document-read'),
    );

    expect(result).toEqual({ outcome: 'not-waiting' });
    expect(laterReader.collected).toEqual([]);
    expect((await stored(deps))?.status).toBe('rejected');
  });

  it('refuses a message that is not Textract’s completion, so nothing is saved', async () => {
    const { deps, handler } = await given();
    const before = await deps.applications.get(applicationId);

    await expect(handler(delivered('not json'), aLambdaContext('document-read'))).rejects.toThrow(
      'not valid',
    );
    expect(await deps.applications.get(applicationId)).toEqual(before);
  });

  it('sends a document whose reading could not start to an officer, not back to quarantine', async () => {
    const deps = memoryDeps();
    const laterReader = new ScriptedLaterReader(agreeingPayslip);
    laterReader.startReading = () => Promise.reject(new Error('ProvisionedThroughputExceededException'));
    deps.laterReader = laterReader;
    await deps.applications.create(
      aCompleteApplication({
        documents: [
          {
            documentId,
            kind: 'bank-statement',
            contentType: 'application/pdf',
            sizeBytes: 4_000,
            status: 'declared',
            declaredAt: '2026-11-02T09:00:00.000Z',
          },
        ],
      }),
    );
    deps.documents.quarantine.set(key, PDF);

    expect(await receiveUpload(deps, { key })).toEqual({ outcome: 'uploaded' });
    expect(deps.documents.promoted.has(key)).toBe(true);
    expect(await stored(deps)).toMatchObject({
      status: 'uploaded',
      problem: 'We could not start reading your bank statement automatically, so an officer will check it.',
    });
  });

  it('reads a one-page PDF at once, as before', async () => {
    const deps = memoryDeps();
    const laterReader = new ScriptedLaterReader(agreeingPayslip);
    deps.laterReader = laterReader;
    deps.inspector = { inspect: async ({ bytes }) => ({ ok: true, bytes, signals: [], pages: 1 }) };
    deps.reader = {
      readPassportMrz: () => Promise.reject(new Error('not a passport')),
      readDocument: async () => agreeingPayslip,
    };
    await deps.applications.create(
      aCompleteApplication({
        documents: [
          {
            documentId,
            kind: 'payslip',
            contentType: 'application/pdf',
            sizeBytes: 4_000,
            status: 'declared',
            declaredAt: '2026-11-02T09:00:00.000Z',
          },
        ],
      }),
    );
    deps.documents.quarantine.set(key, PDF);

    expect(await receiveUpload(deps, { key })).toEqual({ outcome: 'read' });
    expect(laterReader.started).toEqual([]);
  });
});
