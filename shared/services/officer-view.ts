import type { Application } from '../domain/application.js';
import { type AuditEvent, NotFoundError, type PendingWait } from '../ports.js';
import type { Deps } from './deps.js';

/** What an officer sees of a wait: never the task token. */
export type WaitView = Omit<PendingWait, 'taskToken'>;

export interface CaseView {
  application: Application;
  waits: WaitView[];
  timeline: AuditEvent[];
}

/** An officer's view of a case of their own landlord; any other landlord's case answers like a missing one. */
export async function caseForOfficer(
  deps: Pick<Deps, 'applications' | 'waits' | 'audit'>,
  input: { applicationId: string; landlordId: string },
): Promise<CaseView> {
  const application = await deps.applications.get(input.applicationId);
  if (!application || application.landlordId !== input.landlordId)
    throw new NotFoundError('No such application');
  const waits = (await deps.waits.listOpen(application.applicationId)).map(
    ({ taskToken: _secret, ...wait }) => wait,
  );
  return { application, waits, timeline: await deps.audit.list(application.applicationId) };
}
