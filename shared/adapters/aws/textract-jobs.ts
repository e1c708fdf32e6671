import {
  type Block,
  GetDocumentAnalysisCommand,
  type GetDocumentAnalysisCommandOutput,
  StartDocumentAnalysisCommand,
  type TextractClient,
} from '@aws-sdk/client-textract';
import type { DocumentContentType } from '../../domain/application.js';
import type { FormsKind } from '../../domain/documents.js';
import type { DocumentReading, LaterReader } from '../../ports.js';
import { queriesFor, readingFromBlocks } from './textract-forms.js';

/**
 * Where the S3 document store keeps promoted objects (s3-document-store.ts, repeated so the function that
 * collects readings does not bundle the S3 client): the store's keys live under it.
 */
const PROMOTED_PREFIX = 'documents/';

/** The document store's key of the object a job read (its S3 name), or undefined when it is not a promoted one. */
export function storeKeyOf(objectName: string): string | undefined {
  return objectName.startsWith(PROMOTED_PREFIX) ? objectName.slice(PROMOTED_PREFIX.length) : undefined;
}

/** Textract's answer when a job could not read the document at all, in words an applicant can act on. */
export const JOB_FAILED =
  'The PDF could not be read: it may be damaged, or its pages may be pictures too faint to read. Upload a clear photo of each page instead, or the page that shows your name, dates and amounts.';

/** Textract read only some pages. */
export const JOB_PARTIAL =
  'Only some pages of the PDF could be read, so it cannot be checked automatically: an officer will look at the pages.';

/**
 * Long PDFs read by Amazon Textract's asynchronous analysis (DESIGN.md §3): `StartDocumentAnalysis` on the
 * promoted object in S3 (the bytes never pass through Lambda), FORMS and QUERIES with the synchronous path's
 * queries put to every page, Textract's completion published to an SNS topic through a role Textract assumes;
 * functions/document-read then collects the blocks with `GetDocumentAnalysis`, page by page of results, and
 * turns them into fields with the synchronous path's own code (textract-forms.ts). Nothing polls.
 *
 * The document id is both the job's tag and its client request token, so a retried start (the SDK's, or a
 * retried upload notification) gets the same job back instead of reading the document twice.
 */
export class TextractLaterReader implements LaterReader {
  constructor(
    private readonly textract: TextractClient,
    private readonly settings: { bucket: string; topicArn: string; roleArn: string },
  ) {}

  /**
   * A PDF that is not known to have a single page: the synchronous API refuses more than one, and the AWS
   * inspector's page count is only a lower bound (pages in compressed object streams are not counted), so a PDF
   * whose pages are unknown is read this way too.
   */
  readsLater(document: { contentType: DocumentContentType; pages?: number }): boolean {
    return document.contentType === 'application/pdf' && document.pages !== 1;
  }

  async startReading(input: {
    kind: FormsKind;
    key: string;
    documentId: string;
  }): Promise<{ jobId: string }> {
    const output = await this.textract.send(
      new StartDocumentAnalysisCommand({
        DocumentLocation: {
          S3Object: { Bucket: this.settings.bucket, Name: `${PROMOTED_PREFIX}${input.key}` },
        },
        FeatureTypes: ['FORMS', 'QUERIES'],
        // A query is put to the first page only unless told otherwise: a long document's answer may be anywhere.
        QueriesConfig: { Queries: queriesFor(input.kind).map((query) => ({ ...query, Pages: ['*'] })) },
        NotificationChannel: { SNSTopicArn: this.settings.topicArn, RoleArn: this.settings.roleArn },
        ClientRequestToken: input.documentId,
        JobTag: input.documentId,
      }),
    );
    if (!output.JobId) throw new Error('Textract started a document analysis without a job id');
    return { jobId: output.JobId };
  }

  async collectReading(input: { kind: FormsKind; jobId: string }): Promise<DocumentReading> {
    const blocks: Block[] = [];
    let pages = 1;
    let nextToken: string | undefined;
    do {
      const output: GetDocumentAnalysisCommandOutput = await this.textract.send(
        new GetDocumentAnalysisCommand({
          JobId: input.jobId,
          MaxResults: 1000,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      );
      if (output.JobStatus === 'FAILED') return { ok: false, reason: JOB_FAILED };
      if (output.JobStatus === 'PARTIAL_SUCCESS') return { ok: false, reason: JOB_PARTIAL };
      // The completion message arrives once the job has finished, so a job still running is a fault: thrown, so
      // the message is delivered again.
      if (output.JobStatus !== 'SUCCEEDED')
        throw new Error(`Textract job ${input.jobId} is ${output.JobStatus ?? 'in no known state'}`);
      pages = output.DocumentMetadata?.Pages ?? pages;
      blocks.push(...(output.Blocks ?? []));
      nextToken = output.NextToken;
    } while (nextToken);
    return readingFromBlocks(input.kind, blocks, pages);
  }
}
