import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { HttpWebhookSender } from '../../shared/adapters/http-webhook-sender.js';
import { runQueuedExports } from '../../shared/services/council-exports.js';
import type { Deps } from '../../shared/services/deps.js';
import { deliverDue, type WebhookSender } from '../../shared/services/webhook-delivery.js';
import { s3Documents } from '../adapters/documents.js';
import { logger } from '../lib/logger.js';
import { lambdaDepsWith } from '../wiring.js';

/** Never loopback or a private address in AWS: a council's URL must not reach into Doorstep's network (SSRF). */
const awsSender = new HttpWebhookSender({ allowLoopback: false });

/**
 * The partner councils' worker (issue 10), run every minute by an EventBridge schedule
 * (infra/constructs/council-events.ts): delivers the webhooks that are due (first attempts and retries, until
 * none is left due or the run nears its time) and runs queued CSV exports. Everything it does is scheduled in
 * the table, so a run that fails leaves its work for the next. Logs counts only, never an event, a URL or a row.
 */
export const createHandler = (deps: () => Deps, sender: WebhookSender = awsSender) =>
  middy<unknown, { attempts: number; exports: number }, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (_event, context) => {
      const exports = await runQueuedExports(deps());
      let attempts = 0;
      // Deliveries come in batches of 50: keep going while there are more and a batch's worth of time is left.
      for (;;) {
        const made = await deliverDue({ ...deps(), sender });
        attempts += made;
        if (made === 0 || context.getRemainingTimeInMillis() < 20_000) break;
      }
      logger.info('council events worker done', { attempts, exports });
      return { attempts, exports };
    });

export const handler = createHandler(lambdaDepsWith(s3Documents));
