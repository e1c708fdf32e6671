import type { Context } from 'aws-lambda';

/** The smallest Lambda context a handler (and Powertools' injectLambdaContext) reads. */
export function aLambdaContext(functionName = 'doorstep-eligibility'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '7',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:123456789012:function:${functionName}:live`,
    memoryLimitInMB: '256',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/02/[7]0123456789abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
