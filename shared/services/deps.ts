import type { SessionSecrets } from '../config.js';
import type {
  ApplicationStore,
  AuditLog,
  Clock,
  LettingStore,
  Notifier,
  SessionStore,
  WaitStore,
  WorkflowClient,
} from '../ports.js';

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
  /** Sign-in secrets; when absent (the local runtime, tests) the public LOCAL_SESSION_SECRETS are used. */
  sessionSecrets?: SessionSecrets;
}
