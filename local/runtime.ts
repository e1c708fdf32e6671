import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient, dynamoStores } from '../shared/adapters/aws/dynamodb.js';
import { createJourneyTable } from '../shared/adapters/aws/table.js';
import { documentsRoot, FileDocumentStore } from '../shared/adapters/local/file-document-store.js';
import { JoseKeyIssuer } from '../shared/adapters/local/jose-key-issuer.js';
import { LocalMrzReader } from '../shared/adapters/local/mrz-reader.js';
import { P12TenancySigner } from '../shared/adapters/local/p12-signer.js';
import { StructuralScanner } from '../shared/adapters/local/structural-scanner.js';
import { LocalUploadInspector } from '../shared/adapters/local/upload-inspector.js';
import type { Clock, OfficerIdentity } from '../shared/ports.js';
import { TextConsentNotifier } from '../shared/services/consents.js';
import { CouncilEventsAuditLog, nominationOfApplication } from '../shared/services/council-events.js';
import type { Deps } from '../shared/services/deps.js';
import { LanguageNotifier } from '../shared/services/language.js';
import { SafeContactNotifier } from '../shared/services/safe-contact.js';
import { receiveText } from '../shared/services/sms.js';
import { applicantSite } from '../web/applicant-site.js';
import { consoleSite } from '../web/console-site.js';
import { createRenderer, repositoryViews } from '../web/render.js';
import { createSiteHandler } from '../web/site.js';
import { journeyAsl } from './asl.js';
import { downloadEndpoint, startCouncilWorker } from './council-events.js';
import { localCouncils } from './councils.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { ExecutionStore } from './execution-store.js';
import { apiHandler, documentReceived, stepHandlers } from './functions.js';
import { LocalIdentityProvider } from './identity.js';
import { lockSimulator } from './lock-simulator.js';
import { LocalOfficerIdentity } from './officer-identity.js';
import { LocalOutbox } from './outbox.js';
import { startRetentionSweeps } from './retention.js';
import { seedDemoAdvert, seedDemoStock } from './seed.js';
import { startServer } from './server.js';
import { LocalTextMessages, textSimulator } from './text-messages.js';
import { uploadEndpoint } from './uploads.js';
import { LocalWorkflowEngine } from './workflow-engine.js';

export const TABLE_NAME = 'doorstep';

/** The repository's root, where the web templates and GOV.UK Frontend's files are. */
const REPOSITORY_ROOT = join(__dirname, '..');

export interface RuntimeOptions {
  /** Where data, keys and the ASL cache live (`.doorstep`); the database is in memory when `inMemory`. */
  dataDir: string;
  inMemory?: boolean;
  port?: number;
  clock?: Clock;
  log?: (line: string) => void;
  /** Pause between a failed step's retries, in ms (tests); the definition's backoff otherwise. */
  retryIntervalMs?: number;
}

export interface Runtime {
  url: string;
  deps: Deps;
  /** The journey table's document client (DynamoDB Local), for benches and tests that set records up directly. */
  db: DynamoDBDocumentClient;
  table: string;
  engine: LocalWorkflowEngine;
  outbox: LocalOutbox;
  /** Every phone's text thread (the simulated phone at `/local/sms`). */
  texts: LocalTextMessages;
  /** Officers' sign-in for the console: the local identity provider behind the port Cognito has in AWS. */
  officerIdentity: OfficerIdentity;
  /** The demo officers who sign in with an authenticator app, with the app key to add (printed by `npm start`). */
  authenticators: Array<{ email: string; key: string; uri: string }>;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * The composition root for `npm start` (DESIGN.md §2): DynamoDB Local as the store, the ASL that `cdk synth`
 * produces run by the local engine with the same handler modules as Lambda, the local identity provider,
 * and the HTTP API on 127.0.0.1. Everything it starts, `stop()` stops.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? { now: () => new Date() };
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  const dynamo = await time('dynamodbLocal', () =>
    startDynamoDbLocal(options.inMemory ? {} : { dbPath: join(options.dataDir, 'data') }),
  );
  try {
    await time('table', () => createJourneyTable(dynamo.client, TABLE_NAME));
    const db = documentClient(dynamo.client);
    const outbox = new LocalOutbox(db, TABLE_NAME, clock, log);
    const texts = new LocalTextMessages(db, TABLE_NAME, clock, log);
    const executions = new ExecutionStore(db, TABLE_NAME);
    const stores = dynamoStores(db, TABLE_NAME);
    const { asl, cached } = await time('asl', () => journeyAsl(join(options.dataDir, 'asl')));
    timings.aslFromCache = cached ? 1 : 0;

    let deps: Deps | undefined;
    const getDeps = (): Deps => {
      if (!deps) throw new Error('The local runtime is not wired yet');
      return deps;
    };
    const engine = new LocalWorkflowEngine({
      asl,
      functions: stepHandlers(getDeps),
      executions,
      waits: stores.waits,
      clock,
      log,
      ...(options.retryIntervalMs !== undefined ? { retryIntervalMs: options.retryIntervalMs } : {}),
    });
    let serverUrl = '';
    const documents = new FileDocumentStore(
      documentsRoot(options.dataDir),
      () => `${serverUrl}/local/uploads`,
      randomBytes(32).toString('base64url'),
      () => `${serverUrl}/local/downloads`,
    );
    const keysDir = join(options.dataDir, 'keys');
    // PaddleOCR's recogniser on onnxruntime-node, tesseract.js as the fallback (DESIGN.md §5); loaded on first use.
    const reader = new LocalMrzReader();
    // Partner councils' webhooks and exports (issue 10): delivered and run in the background, woken by new events.
    const councilWorker = startCouncilWorker(getDeps, log);
    deps = {
      ...stores,
      // Every stage change of a nominated household becomes an event for its council, delivered at once.
      audit: new CouncilEventsAuditLog(stores.audit, {
        councilEvents: stores.councilEvents,
        clock,
        nominationOf: nominationOfApplication(stores),
        wake: councilWorker.wake,
      }),
      messaging: texts,
      // Every message to an applicant goes only where and when they said is safe (issue 9), never by text
      // without their consent to texts, and in the language they chose.
      notifier: new LanguageNotifier(
        new TextConsentNotifier(
          new SafeContactNotifier(outbox, { applications: stores.applications, audit: stores.audit, clock }),
          { applications: stores.applications, audit: stores.audit, clock },
        ),
        stores.applications,
      ),
      workflow: engine,
      clock,
      documents,
      reader,
      // Structural checks and the EICAR test signature: not an antivirus (README).
      scanner: new StructuralScanner(),
      // Photos turned upright and scaled down, PDFs' pages and signs of editing (sharp, pdf-lib).
      inspector: new LocalUploadInspector(),
      signer: new P12TenancySigner({
        path: join(keysDir, 'tenancy-signer.p12'),
        commonName: 'Doorstep demo landlords (local)',
        organizationName: 'Doorstep',
      }),
      keyIssuer: new JoseKeyIssuer({ file: join(keysDir, 'credentials.jwk.json') }),
    };
    await time('seed', async () => {
      await seedDemoStock(getDeps());
      await seedDemoAdvert(getDeps());
    });
    const identity = await LocalIdentityProvider.open(
      join(options.dataDir, 'keys', 'identity.json'),
      'doorstep-local-idp',
      { clock },
    );
    const officerIdentity = new LocalOfficerIdentity(identity);
    // Partner councils' API (issue 10): the local token issuer and the councils function.
    const councils = await localCouncils({
      dataDir: options.dataDir,
      client: dynamo.client,
      db,
      table: TABLE_NAME,
      clock,
      deps: getDeps,
    });
    // The two sites as AWS deploys them: the console's function takes /officer, the applicant's the rest.
    const siteOptions = {
      render: createRenderer(repositoryViews(REPOSITORY_ROOT)),
      assets: {
        govukDir: join(REPOSITORY_ROOT, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
        staticDir: join(REPOSITORY_ROOT, 'web', 'static'),
      },
      csrfKey: randomBytes(32).toString('base64url'),
      log,
    };
    const web = createSiteHandler(siteOptions, applicantSite(getDeps));
    const officersConsole = createSiteHandler(
      siteOptions,
      consoleSite(getDeps, () => officerIdentity),
    );
    const server = await startServer({
      api: apiHandler(getDeps) as never,
      web: web as never,
      console: officersConsole as never,
      councils: councils.handler as never,
      identity,
      log,
      port: options.port ?? 0,
      streams: {
        ...councils.streams,
        '/local/sms': textSimulator({
          texts,
          receive: (inbound) => receiveText(getDeps(), inbound, { web: serverUrl }),
          origin: () => serverUrl,
        }),
        '/local/downloads': downloadEndpoint({ store: documents, clock }),
        '/local/uploads': uploadEndpoint({
          store: documents,
          clock,
          objectCreated: documentReceived(getDeps),
          log,
        }),
      },
      local: {
        ...councils.local,
        '/local/idp/token': async ({ method, body }) => {
          if (method !== 'POST') return { status: 405, body: { error: 'Use POST' } };
          const { email, password, code } = (body ?? {}) as {
            email?: unknown;
            password?: unknown;
            code?: unknown;
          };
          const signedIn =
            typeof email === 'string' && typeof password === 'string'
              ? await identity.signIn(email, password)
              : undefined;
          // An officer with an authenticator app sends its code in the same request: the endpoint is for scripts.
          const answer =
            signedIn?.kind === 'mfa' && typeof email === 'string' && typeof code === 'string'
              ? await identity.respondToMfa(email, signedIn.session, code)
              : signedIn;
          if (answer?.kind === 'signed-in')
            return { status: 200, body: { idToken: answer.idToken, expiresIn: answer.expiresIn } };
          if (signedIn?.kind === 'mfa')
            return {
              status: 401,
              body: {
                error: 'This officer also needs the code their authenticator app shows now, as `code`.',
              },
            };
          return { status: 401, body: { error: 'Wrong email or password. Check both and try again.' } };
        },
        '/local/idp/jwks.json': async () => ({ status: 200, body: { keys: [identity.publicJwk] } }),
        '/local/outbox': async () => ({ status: 200, body: { messages: await outbox.recent() } }),
        '/local/locks/open': lockSimulator(getDeps),
        '/health': async () => ({ status: 200, body: { ok: true, running: engine.running.length } }),
      },
    });
    serverUrl = server.url;
    const rearmed = await time('rearm', () => engine.rearm());
    if (rearmed > 0) log(`re-entered ${rearmed} running execution${rearmed === 1 ? '' : 's'}`);
    // Documents and share codes whose retention has ended: deleted now, then hourly (the Lambda runs daily).
    const retention = startRetentionSweeps(getDeps, log);

    return {
      url: server.url,
      db,
      table: TABLE_NAME,
      deps,
      engine,
      outbox,
      texts,
      officerIdentity,
      authenticators: identity.authenticators(),
      timings,
      async stop() {
        await councilWorker.stop();
        await retention.stop();
        await server.close();
        await engine.stop();
        await reader.close();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
