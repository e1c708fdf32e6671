import * as z from 'zod';
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
 * An upload arrived in quarantine (S3 ObjectCreated in AWS; the local upload endpoint locally): each object is
 * sniffed, promoted or rejected, and a passport photo is read.
 */
export const createHandler = (deps: () => Deps) =>
  stepHandler(
    ObjectCreated,
    async (context, event) => {
      const outcomes = [];
      for (const record of event.Records) {
        const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
        if (!key.startsWith(QUARANTINE_PREFIX)) continue;
        outcomes.push((await receiveUpload(context, { key: key.slice(QUARANTINE_PREFIX.length) })).outcome);
      }
      return { outcome: outcomes.join(',') || 'ignored' };
    },
    deps,
  );

export const handler = createHandler(
  lambdaDepsWith((env) => ({ ...s3Documents(env), ...textractReader(env), ...guardDutyScanner(env) })),
);
