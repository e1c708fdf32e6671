import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoOutboxNotifier, documentClient, dynamoStores } from '../shared/adapters/aws/dynamodb.js';
import { KmsCmsSigner } from '../shared/adapters/aws/kms-cms-signer.js';
import { KmsKeyIssuer } from '../shared/adapters/aws/kms-key-issuer.js';
import { S3DocumentStore } from '../shared/adapters/aws/s3-document-store.js';
import { StepFunctionsWorkflowClient } from '../shared/adapters/aws/step-functions.js';
import { TextractMrzReader } from '../shared/adapters/aws/textract-reader.js';
import { LambdaEnvironment, type SessionSecrets } from '../shared/config.js';
import type { DocumentStore, KeyIssuer, TenancySigner, WorkflowClient } from '../shared/ports.js';
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
  const kms = new KMSClient({ region: env.AWS_REGION });
  deps = {
    ...dynamoStores(db, env.TABLE_NAME),
    notifier: new DynamoOutboxNotifier(db, env.TABLE_NAME, clock),
    workflow,
    clock,
    // Each function is given only the settings (and permissions) its stage needs; the rest refuse, saying why.
    documents: env.DOCUMENTS_BUCKET
      ? new S3DocumentStore(new S3Client({ region: env.AWS_REGION }), env.DOCUMENTS_BUCKET)
      : unavailable<DocumentStore>('DOCUMENTS_BUCKET'),
    reader: new TextractMrzReader(new TextractClient({ region: env.AWS_REGION })),
    signer:
      env.TENANCY_SIGNING_KEY_ARN && env.TENANCY_SIGNING_CERTIFICATE_PEM
        ? new KmsCmsSigner(kms, {
            keyId: env.TENANCY_SIGNING_KEY_ARN,
            certificatePem: env.TENANCY_SIGNING_CERTIFICATE_PEM,
          })
        : unavailable<TenancySigner>('TENANCY_SIGNING_KEY_ARN and TENANCY_SIGNING_CERTIFICATE_PEM'),
    keyIssuer: env.KEY_CREDENTIALS_KEY_ARN
      ? new KmsKeyIssuer(kms, env.KEY_CREDENTIALS_KEY_ARN)
      : unavailable<KeyIssuer>('KEY_CREDENTIALS_KEY_ARN'),
    // Never the public local secrets in AWS: a function without its own cannot sign anyone in.
    sessionSecrets:
      env.SUBJECT_SALT && env.SIGN_IN_CODE_KEY
        ? { subjectSalt: env.SUBJECT_SALT, codeKey: env.SIGN_IN_CODE_KEY }
        : noSessionSecrets,
  };
  return deps;
}

/** A port this function is not configured for: every call fails, naming the missing setting. */
function unavailable<T extends object>(setting: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new Error(`This function has no ${setting}; its stage does not need it`)),
  });
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
