import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Deps } from '../../shared/services/deps.js';
import { logger } from './logger.js';

/** A Step Functions payload that does not match the task's schema: permanent, so the workflow does not retry it. */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
}

/** Validates the event with a zod schema before the handler sees it (the same for every step). */
export function parseEvent<S extends z.ZodType>(schema: S): middy.MiddlewareObj<unknown> {
  return {
    before: (request) => {
      const parsed = schema.safeParse(request.event);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(payload)').join(', ');
        throw new InvalidInput(`The step's input is not valid: ${fields}`);
      }
      request.event = parsed.data;
    },
  };
}

/**
 * A workflow step's Lambda handler: parse the payload, call one service, return its small result (STYLE.md:
 * thin handlers). Dependencies come from the runtime's composition root, resolved on first use.
 */
export function stepHandler<S extends z.ZodType, R>(
  schema: S,
  run: (deps: Deps, input: z.output<S>) => Promise<R>,
  deps: () => Deps,
): MiddyfiedHandler<unknown, R, Error, Context> {
  return middy<unknown, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(parseEvent(schema))
    .handler(async (event) => {
      const result = await run(deps(), event as z.output<S>);
      logger.info('step done', { result: summary(result) });
      return result;
    });
}

/** What a step logs of its result: the outcome and ids only, never answers or tokens. */
function summary(result: unknown): Record<string, unknown> {
  if (typeof result !== 'object' || result === null) return {};
  const picked: Record<string, unknown> = {};
  for (const key of ['outcome', 'stage', 'offerId', 'tenancyId', 'credentialId', 'decisionId']) {
    if (key in result) picked[key] = (result as Record<string, unknown>)[key];
  }
  return picked;
}
