import { createHandler as api } from '../functions/api/handler.js';
import { createHandler as awaitPerson } from '../functions/await-person/handler.js';
import { createHandler as closeCase } from '../functions/close-case/handler.js';
import { createHandler as closeOffer } from '../functions/close-offer/handler.js';
import { createHandler as documentReceivedHandler } from '../functions/document-received/handler.js';
import { createHandler as documents } from '../functions/documents/handler.js';
import { createHandler as eligibility } from '../functions/eligibility/handler.js';
import { createHandler as escalate } from '../functions/escalate/handler.js';
import { createHandler as household } from '../functions/household/handler.js';
import { createHandler as keys } from '../functions/keys/handler.js';
import { createHandler as letFn } from '../functions/let/handler.js';
import { createHandler as letters } from '../functions/letters/handler.js';
import { createHandler as nextOffer } from '../functions/next-offer/handler.js';
import { createHandler as offer } from '../functions/offer/handler.js';
import { createHandler as offerTimer } from '../functions/offer-timer/handler.js';
import { createHandler as qualification } from '../functions/qualification/handler.js';
import { createHandler as register } from '../functions/register/handler.js';
import { createHandler as tenancy } from '../functions/tenancy/handler.js';
import { createHandler as tenancySigning } from '../functions/tenancy-signing/handler.js';
import { createHandler as verification } from '../functions/verification/handler.js';
import type { Deps } from '../shared/services/deps.js';
import { journeyFunctionFolders } from '../workflows/journey-functions.js';
import type { LocalHandler } from './workflow-engine.js';

/** The workflow steps' handler modules, by folder: the same modules Lambda runs, given local dependencies. */
const factories: Record<string, (deps: () => Deps) => (event: never, context: never) => Promise<unknown>> = {
  eligibility,
  qualification,
  household,
  documents,
  verification,
  register,
  offer,
  'close-offer': closeOffer,
  'next-offer': nextOffer,
  'offer-timer': offerTimer,
  tenancy,
  'tenancy-signing': tenancySigning,
  keys,
  let: letFn,
  'await-person': awaitPerson,
  escalate,
  'close-case': closeCase,
  letters,
};

let invocation = 0;

/** A Lambda context for in-process calls: what middy and Powertools read from it. */
export function lambdaContext(functionName: string) {
  invocation += 1;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: 'live',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${functionName}:live`,
    memoryLimitInMB: '512',
    awsRequestId: `local-${process.pid}-${invocation}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 15_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function stepHandlers(deps: () => Deps): Record<string, LocalHandler> {
  const missing = Object.values(journeyFunctionFolders).filter((folder) => !(folder in factories));
  if (missing.length > 0) throw new Error(`No local handler for ${missing.join(', ')}`);
  return Object.fromEntries(
    Object.entries(factories).map(([folder, factory]) => {
      const handler = factory(deps);
      return [
        folder,
        (event: unknown) => handler(event as never, lambdaContext(`doorstep-${folder}`) as never),
      ];
    }),
  );
}

/** What S3's ObjectCreated notification runs in AWS; the local upload endpoint calls it after storing the bytes. */
export function documentReceived(deps: () => Deps) {
  const handler = documentReceivedHandler(deps);
  return (event: unknown) => handler(event as never, lambdaContext('doorstep-document-received') as never);
}

export function apiHandler(deps: () => Deps) {
  const handler = api(deps);
  return (event: unknown) => handler(event as never, lambdaContext('doorstep-api') as never);
}
