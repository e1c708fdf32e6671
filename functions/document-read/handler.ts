import * as z from 'zod';
import { storeKeyOf } from '../../shared/adapters/aws/textract-jobs.js';
import type { Deps } from '../../shared/services/deps.js';
import { finishReading } from '../../shared/services/later-reading.js';
import { textractLaterReader } from '../adapters/reader.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * The completion message Textract publishes to the topic when a `StartDocumentAnalysis` job ends (only the
 * fields read here are checked): `Status` is SUCCEEDED, FAILED or ERROR.
 */
const Completion = z.object({
  JobId: z.string().min(1).max(64),
  Status: z.string().min(1).max(40),
  API: z.literal('StartDocumentAnalysis'),
  JobTag: z.string().min(1).max(64).optional(),
  DocumentLocation: z.object({ S3ObjectName: z.string().min(1).max(1024), S3Bucket: z.string().min(1) }),
});

/** SNS's Lambda event: each record's message is Textract's completion, as JSON text. */
const TopicMessages = z.object({
  Records: z
    .array(
      z.object({
        Sns: z.object({
          Message: z
            .string()
            .max(10_000)
            .transform((text, context) => {
              try {
                return JSON.parse(text) as unknown;
              } catch {
                context.addIssue({ code: 'custom', message: 'The message is not JSON' });
                return z.NEVER;
              }
            })
            .pipe(Completion),
        }),
      }),
    )
    .min(1)
    .max(10),
});

/**
 * Textract has finished reading a long PDF (its message on the topic): what it read is collected, checked
 * against the answers and saved on the document (services/later-reading.ts). A message for a document that is
 * no longer waiting for that job changes nothing, so a repeated delivery is harmless.
 */
export const createHandler = (deps: () => Deps) =>
  stepHandler(
    TopicMessages,
    async (context, event) => {
      const outcomes = [];
      for (const { Sns } of event.Records) {
        const job = Sns.Message;
        const key = storeKeyOf(job.DocumentLocation.S3ObjectName);
        if (!key) {
          outcomes.push('unknown');
          continue;
        }
        const finished = await finishReading(context, {
          jobId: job.JobId,
          key,
          succeeded: job.Status === 'SUCCEEDED',
          ...(job.JobTag === undefined ? {} : { jobTag: job.JobTag }),
        });
        outcomes.push(finished.outcome);
      }
      return { outcome: outcomes.join(',') };
    },
    deps,
  );

export const handler = createHandler(lambdaDepsWith(textractLaterReader));
