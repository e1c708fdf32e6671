import type { SessionSecrets } from '../config.js';
import type {
  ApplicationStore,
  AuditLog,
  Clock,
  DocumentStore,
  KeyIssuer,
  LaterReader,
  LettingStore,
  MalwareScanner,
  Messaging,
  NominationStore,
  Notifier,
  PhoneLinkStore,
  SessionStore,
  TenancySigner,
  TextReader,
  UploadInspector,
  WaitStore,
  WorkflowClient,
} from '../ports.js';
import type { CouncilEventStore } from './council-events.js';
import type { CouncilExportStore } from './council-exports.js';

/** Everything a service may use. Each service names the part it needs, so tests pass only that. */
export interface Deps {
  applications: ApplicationStore;
  lettings: LettingStore;
  waits: WaitStore;
  audit: AuditLog;
  notifier: Notifier;
  workflow: WorkflowClient;
  clock: Clock;
  sessions: SessionStore;
  /** Text messages (issue 9): questions answered by text, and sign-in codes sent to a phone. */
  messaging: Messaging;
  /** Phones linked to an application, so the text thread acts on that application only. */
  phones: PhoneLinkStore;
  /** Nominations from partner councils (issue 10). */
  nominations: NominationStore;
  /** Events for partner councils and their webhook endpoints (issue 10). */
  councilEvents: CouncilEventStore;
  /** A webhook host's addresses, checked at registration (issue 10); absent: the system's DNS resolver. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Partner councils' export jobs (issue 10). */
  councilExports: CouncilExportStore;
  documents: DocumentStore;
  reader: TextReader;
  /** Reads long PDFs later (Textract's asynchronous analysis in AWS); absent where every page is read at once. */
  laterReader?: LaterReader;
  /** Scans uploads before promotion (GuardDuty's verdict in AWS, structural checks locally). */
  scanner: MalwareScanner;
  /** Checks and prepares a clean upload before promotion (sharp and pdf-lib locally; byte checks in AWS). */
  inspector: UploadInspector;
  signer: TenancySigner;
  keyIssuer: KeyIssuer;
  /** Sign-in secrets; when absent (the local runtime, tests) the public LOCAL_SESSION_SECRETS are used. */
  sessionSecrets?: SessionSecrets;
}
