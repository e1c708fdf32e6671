import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Deps } from '../../shared/services/deps.js';
import { type SweepResult, sweepRetention } from '../../shared/services/retention.js';
import { s3Documents } from '../adapters/documents.js';
import { logger } from '../lib/logger.js';
import { lambdaDepsWith } from '../wiring.js';

/** Some deletions failed: the invocation fails (so it shows in the function's errors), and the next run retries. */
export class SweepIncomplete extends Error {
  override readonly name = 'SweepIncomplete';
}

/**
 * The daily retention sweep (EventBridge schedule, infra/constructs/retention.ts): deletes the documents and
 * share codes whose retention has ended. The scheduled event carries nothing the sweep needs, so it is not
 * read. Logs counts and pseudonymous ids only.
 */
export const createHandler = (deps: () => Deps) =>
  middy<unknown, Omit<SweepResult, 'failed'>, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async () => {
      const { failed, ...counts } = await sweepRetention(deps());
      logger.info('retention sweep done', { ...counts, failed: failed.length });
      if (failed.length > 0) {
        logger.error('retention sweep left entries to retry', { failed });
        throw new SweepIncomplete(`${failed.length} deletions failed; the next sweep retries them`);
      }
      return counts;
    });

export const handler = createHandler(lambdaDepsWith(s3Documents));
