import * as z from 'zod';
import { AsUploadedInspector } from '../../shared/adapters/aws/as-uploaded-inspector.js';
import type { Deps } from '../../shared/services/deps.js';
import { receiveUpload } from '../../shared/services/documents.js';
import { s3Documents } from '../adapters/documents.js';
import { textractReader } from '../adapters/reader.js';
import { guardDutyScanner } from '../adapters/scanner.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** Where uploads land in the bucket; the document store's keys are relative to it. */
export const QUARANTINE_PREFIX = 'quarantine/';

/** The part of an S3 ObjectCreated notification this function reads (object keys arrive URL-encoded). */
const ObjectCreated = z.object({
  Records: z
    .array(
      z.object({
        s3: z.object({
          object: z.object({
            key: z.string().min(1).max(1024),
            size: z.number().int().nonnegative().optional(),
          }),
        }),
      }),
    )
    .min(1)
    .max(100),
});

/**
 * The part of GuardDuty Malware Protection for S3's scan-result event (EventBridge) this function reads: the
 * object's key, not URL-encoded. The verdict itself is read from the object's tag by the scanner port.
 */
const ScanResult = z.object({
  'detail-type': z.literal('GuardDuty Malware Protection Object Scan Result'),
  detail: z.object({ s3ObjectDetails: z.object({ objectKey: z.string().min(1).max(1024) }) }),
});

/**
 * An upload in quarantine was scanned (GuardDuty's scan-result event in AWS) or arrived (the local upload
 * endpoint sends S3's ObjectCreated shape): each object is sniffed and its scan verdict read, then it is
 * promoted or rejected, and a passport photo is read.
 */
export const createHandler = (deps: () => Deps) =>
  stepHandler(
    z.union([ObjectCreated, ScanResult]),
    async (context, event) => {
      const keys =
        'Records' in event
          ? event.Records.map((record) => decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')))
          : [event.detail.s3ObjectDetails.objectKey];
      const outcomes = [];
      for (const key of keys) {
        if (!key.startsWith(QUARANTINE_PREFIX)) continue;
        outcomes.push((await receiveUpload(context, { key: key.slice(QUARANTINE_PREFIX.length) })).outcome);
      }
      return { outcome: outcomes.join(',') || 'ignored' };
    },
    deps,
  );

export const handler = createHandler(
  lambdaDepsWith((env) => ({
    ...s3Documents(env),
    ...textractReader(env),
    ...guardDutyScanner(env),
    // Uploads kept as they arrived: sharp cannot be bundled and pdf-lib does not fit (README, "Uploads").
    inspector: new AsUploadedInspector(),
  })),
);
