import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoOutboxNotifier, documentClient, dynamoStores } from '../shared/adapters/aws/dynamodb.js';
import { StepFunctionsWorkflowClient } from '../shared/adapters/aws/step-functions.js';
import { LambdaEnvironment, type SessionSecrets } from '../shared/config.js';
import type { WorkflowClient } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';

let deps: Deps | undefined;

/**
 * The composition root for Lambda: AWS adapters from the environment, created once per container on first
 * use (SDK clients are module-level singletons, STYLE.md). The local runtime has its own root.
 */
export function lambdaDeps(): Deps {
  if (deps) return deps;
  const env = LambdaEnvironment.parse(process.env);
  const db = documentClient(new DynamoDBClient({ region: env.AWS_REGION }));
  const clock = { now: () => new Date() };
  const workflow: WorkflowClient = env.APPLICATION_WORKFLOW_ARN
    ? new StepFunctionsWorkflowClient(new SFNClient({ region: env.AWS_REGION }), env.APPLICATION_WORKFLOW_ARN)
    : unavailableWorkflow;
  deps = {
    ...dynamoStores(db, env.TABLE_NAME),
    notifier: new DynamoOutboxNotifier(db, env.TABLE_NAME, clock),
    workflow,
    clock,
    // Never the public local secrets in AWS: a function without its own cannot sign anyone in.
    sessionSecrets:
      env.SUBJECT_SALT && env.SIGN_IN_CODE_KEY
        ? { subjectSalt: env.SUBJECT_SALT, codeKey: env.SIGN_IN_CODE_KEY }
        : noSessionSecrets,
  };
  return deps;
}

const noSessionSecrets: SessionSecrets = {
  get subjectSalt(): string {
    throw new Error('This function has no SUBJECT_SALT');
  },
  get codeKey(): string {
    throw new Error('This function has no SIGN_IN_CODE_KEY');
  },
};

/**
 * Workflow steps never resume workflows themselves (that would make the state machine depend on its own
 * functions): only the API function is given the workflow's ARN and the permission.
 */
const unavailableWorkflow: WorkflowClient = {
  resume: () => Promise.reject(new Error('This function may not resume workflows')),
  fail: () => Promise.reject(new Error('This function may not fail workflow tasks')),
  startApplication: () => Promise.reject(new Error('This function may not start workflows')),
};
