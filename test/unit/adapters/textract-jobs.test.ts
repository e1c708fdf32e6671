import { TextractClient, ThrottlingException } from '@aws-sdk/client-textract';
import { queriesFor } from '../../../shared/adapters/aws/textract-forms';
import {
  JOB_FAILED,
  JOB_PARTIAL,
  storeKeyOf,
  TextractLaterReader,
} from '../../../shared/adapters/aws/textract-jobs';
import {
  JOB_FAILED_RESULT,
  JOB_ID,
  JOB_PARTIAL_RESULT,
  STARTED,
  ZOFIA_STATEMENT_TWO_PAGES,
} from '../../fixtures/textract/jobs';

/**
 * Textract's asynchronous analysis against hand-written `StartDocumentAnalysis` and `GetDocumentAnalysis`
 * answers (test/fixtures/textract/jobs.ts): nothing here can reach AWS, so the client's `send` is replaced.
 */
const credentials = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'example/secret/for/offline/use/only',
};
const settings = {
  bucket: 'doorstep-documents',
  topicArn: 'arn:aws:sns:eu-west-2:123456789012:doorstep-textract',
  roleArn: 'arn:aws:iam::123456789012:role/doorstep-textract-publishes',
};
const documentId = 'doc_0123456789abcdef0123456789abcdef';
const key = `applications/app_0123456789abcdef0123456789abcdef/${documentId}`;

function jobs(answers: Array<() => unknown>) {
  const client = new TextractClient({ region: 'eu-west-2', credentials });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  client.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    const answer = answers.shift();
    if (!answer) throw new Error('No more answers');
    return answer();
  }) as never;
  return { reader: new TextractLaterReader(client, settings), sent };
}

describe('TextractLaterReader', () => {
  it('reads later a PDF of several pages or of pages it could not count, never a photo or a one-page PDF', () => {
    const { reader } = jobs([]);

    expect(reader.readsLater({ contentType: 'application/pdf', pages: 3 })).toBe(true);
    expect(reader.readsLater({ contentType: 'application/pdf' })).toBe(true);
    expect(reader.readsLater({ contentType: 'application/pdf', pages: 1 })).toBe(false);
    expect(reader.readsLater({ contentType: 'image/jpeg' })).toBe(false);
  });

  it('starts an analysis of the promoted object, every page asked the same queries, tagged by the document', async () => {
    // Prepare
    const { reader, sent } = jobs([() => STARTED]);

    // Act
    const started = await reader.startReading({ kind: 'bank-statement', key, documentId });

    // Assess
    expect(started).toEqual({ jobId: JOB_ID });
    expect(sent).toEqual([
      {
        name: 'StartDocumentAnalysisCommand',
        input: {
          DocumentLocation: { S3Object: { Bucket: 'doorstep-documents', Name: `documents/${key}` } },
          FeatureTypes: ['FORMS', 'QUERIES'],
          QueriesConfig: {
            Queries: queriesFor('bank-statement').map((query) => ({ ...query, Pages: ['*'] })),
          },
          NotificationChannel: { SNSTopicArn: settings.topicArn, RoleArn: settings.roleArn },
          ClientRequestToken: documentId,
          JobTag: documentId,
        },
      },
    ]);
  });

  it('collects every page of results and reads them as the synchronous path does', async () => {
    const [first, second] = ZOFIA_STATEMENT_TWO_PAGES;
    const { reader, sent } = jobs([() => first, () => second]);

    const reading = await reader.collectReading({ kind: 'bank-statement', jobId: JOB_ID });

    expect(sent).toEqual([
      { name: 'GetDocumentAnalysisCommand', input: { JobId: JOB_ID, MaxResults: 1000 } },
      {
        name: 'GetDocumentAnalysisCommand',
        input: { JobId: JOB_ID, MaxResults: 1000, NextToken: 'results-page-2' },
      },
    ]);
    expect(reading).toEqual({
      ok: true,
      pages: 2,
      fields: {
        accountHolder: { value: 'Ms Zofia Wisniewska', confidence: 0.979 },
        address: { value: 'Flat 4, 27 Roundhay Road, Leeds, LS8 5AJ', confidence: 0.942 },
        periodStart: { value: '2026-10-07', confidence: 0.965 },
        periodEnd: { value: '2026-11-06', confidence: 0.965 },
        // The more confident of the two pages' answers.
        moneyIn: { value: '165088', confidence: 0.984 },
        closingBalance: { value: '20357', confidence: 0.99 },
      },
    });
  });

  it.each([
    ['failed', JOB_FAILED_RESULT, JOB_FAILED],
    ['read only some pages', JOB_PARTIAL_RESULT, JOB_PARTIAL],
  ])(
    'answers a job that %s in plain English, for the applicant and an officer',
    async (_what, answer, reason) => {
      const { reader } = jobs([() => answer]);

      expect(await reader.collectReading({ kind: 'payslip', jobId: JOB_ID })).toEqual({ ok: false, reason });
    },
  );

  it('throws for a job still running, so the message is delivered again', async () => {
    const { reader } = jobs([() => ({ ...JOB_FAILED_RESULT, JobStatus: 'IN_PROGRESS' })]);

    await expect(reader.collectReading({ kind: 'payslip', jobId: JOB_ID })).rejects.toThrow('IN_PROGRESS');
  });

  it('lets throttling through for the caller to retry', async () => {
    const { reader } = jobs([
      () => {
        throw new ThrottlingException({ $metadata: {}, message: 'Slow down' });
      },
    ]);

    await expect(reader.startReading({ kind: 'payslip', key, documentId })).rejects.toBeInstanceOf(
      ThrottlingException,
    );
  });

  it("gives the document store's key of a promoted object, and nothing for any other", () => {
    expect(storeKeyOf(`documents/${key}`)).toBe(key);
    expect(storeKeyOf(`quarantine/${key}`)).toBeUndefined();
  });
});
