import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoOutboxNotifier, documentClient, dynamoStores } from '../shared/adapters/aws/dynamodb.js';
import { QueuedTexts } from '../shared/adapters/aws/queued-texts.js';
import { StepFunctionsWorkflowClient } from '../shared/adapters/aws/step-functions.js';
import { LambdaEnvironment, type SessionSecrets } from '../shared/config.js';
import type {
  DocumentStore,
  KeyIssuer,
  MalwareScanner,
  TenancySigner,
  TextReader,
  UploadInspector,
  WorkflowClient,
} from '../shared/ports.js';
import { TextConsentNotifier } from '../shared/services/consents.js';
import { CouncilEventsAuditLog, nominationOfApplication } from '../shared/services/council-events.js';
import type { Deps } from '../shared/services/deps.js';
import { LanguageNotifier } from '../shared/services/language.js';
import { SafeContactNotifier } from '../shared/services/safe-contact.js';

/** The ports only some stages use; each function wires the ones it needs (functions/adapters/). */
export type Extras = Partial<
  Pick<
    Deps,
    'documents' | 'reader' | 'laterReader' | 'scanner' | 'inspector' | 'signer' | 'keyIssuer' | 'messaging'
  >
>;

/**
 * The composition root for Lambda: AWS adapters from the environment, created once per container on first
 * use (SDK clients are module-level singletons, STYLE.md). The local runtime has its own root. A function
 * that needs documents, reading, signing or keys passes their factories, so its bundle carries only those
 * SDK clients and libraries; the ports it does not need refuse, naming the setting they would need.
 */
export function lambdaDepsWith(extras: (env: LambdaEnvironment) => Extras): () => Deps {
  let deps: Deps | undefined;
  return () => {
    deps ??= build(extras);
    return deps;
  };
}

/** The core every function has: the table's stores, the outbox, the workflow client, the clock. */
export const lambdaDeps = lambdaDepsWith(() => ({}));

function build(extras: (env: LambdaEnvironment) => Extras): Deps {
  const env = LambdaEnvironment.parse(process.env);
  const db = documentClient(new DynamoDBClient({ region: env.AWS_REGION }));
  const clock = { now: () => new Date() };
  const workflow: WorkflowClient = env.APPLICATION_WORKFLOW_ARN
    ? new StepFunctionsWorkflowClient(
        new SFNClient({ region: env.AWS_REGION }),
        env.APPLICATION_WORKFLOW_ARN,
        env.LETTING_WORKFLOW_ARN,
        env.LETTERS_WORKFLOW_ARN,
      )
    : unavailableWorkflow;
  const stores = dynamoStores(db, env.TABLE_NAME);
  return {
    ...stores,
    // Every stage change of a nominated household becomes an event for its council (issue 10): delivered by the
    // council-events function's schedule, so here it is only written to the table.
    audit: new CouncilEventsAuditLog(stores.audit, {
      councilEvents: stores.councilEvents,
      clock,
      nominationOf: nominationOfApplication(stores),
    }),
    // Every message to an applicant goes only where and when they said is safe, and never by text without their
    // consent to texts (issue 9).
    // ... and each is written in the language they chose (issue 9).
    notifier: new LanguageNotifier(
      new TextConsentNotifier(
        new SafeContactNotifier(new DynamoOutboxNotifier(db, env.TABLE_NAME, clock), {
          applications: stores.applications,
          audit: stores.audit,
          clock,
        }),
        { applications: stores.applications, audit: stores.audit, clock },
      ),
      stores.applications,
    ),
    workflow,
    clock,
    documents: unavailable<DocumentStore>('DOCUMENTS_BUCKET'),
    reader: unavailable<TextReader>('a document reader'),
    scanner: unavailable<MalwareScanner>('malware scanner (DOCUMENTS_BUCKET)'),
    inspector: unavailable<UploadInspector>('upload inspector'),
    signer: unavailable<TenancySigner>('TENANCY_SIGNING_KEY_ARN and TENANCY_SIGNING_CERTIFICATE_PEM'),
    keyIssuer: unavailable<KeyIssuer>('KEY_CREDENTIALS_KEY_ARN'),
    // Texts are queued on the table and sent by the sms function (functions/sms): the End User Messaging client
    // would take the web function's bundle past 1 MiB.
    messaging: new QueuedTexts(db, env.TABLE_NAME, clock),
    ...extras(env),
    // Never the public local secrets in AWS: a function without its own cannot sign anyone in.
    // The sms function has the subject salt alone: it finds linked phones by it, and never checks a code.
    sessionSecrets: env.SUBJECT_SALT ? secretsOf(env.SUBJECT_SALT, env.SIGN_IN_CODE_KEY) : noSessionSecrets,
  };
}

/** A port this function is not configured for: every call fails, naming the missing setting. */
function unavailable<T extends object>(setting: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new Error(`This function has no ${setting}; its stage does not need it`)),
  });
}

const secretsOf = (subjectSalt: string, codeKey: string | undefined): SessionSecrets => ({
  subjectSalt,
  get codeKey(): string {
    if (!codeKey) throw new Error('This function has no SIGN_IN_CODE_KEY');
    return codeKey;
  },
});

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
  startLetting: () => Promise.reject(new Error('This function may not start workflows')),
  startLetters: () => Promise.reject(new Error('This function may not start workflows')),
};
