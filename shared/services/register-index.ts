import type { Application } from '../domain/application.js';
import { registeredHousehold } from '../domain/shortlist.js';
import type { ApplicationStore } from '../ports.js';

/**
 * Keeps the landlord's register index (domain/shortlist.ts) in step with an application just saved: a registered
 * household's entry is put (again), any other's is removed. Derived from the saved application alone,
 * so a retried step writes the same thing (idempotent).
 */
export async function syncRegister(
  applications: Pick<ApplicationStore, 'putRegistered' | 'removeRegistered'>,
  application: Application,
): Promise<void> {
  const entry = registeredHousehold(application);
  // Removing an entry that is not there is a no-op, so a case closed before registration needs no test here.
  if (entry) await applications.putRegistered(entry);
  else await applications.removeRegistered(application.landlordId, application.applicationId);
}
