import type { Application } from '../domain/application.js';
import type { Offer } from '../domain/letting.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';

/**
 * Object-level authorisation for applicants (DESIGN.md §1b): the application if the signed-in applicant owns
 * it; someone else's answers exactly like a missing one (404), so ids cannot be probed.
 */
export async function ownedApplication(
  deps: Pick<Deps, 'applications'>,
  subject: string,
  applicationId: string,
): Promise<Application> {
  return ownedBy(await deps.applications.get(applicationId), subject);
}

/**
 * The same rule for an application already read (a page reads it while the session is checked, one round trip
 * instead of two): the application if `subject` owns it, else the same 404 as a missing one.
 */
export function ownedBy(application: Application | undefined, subject: string): Application {
  if (!application || application.ownerId !== subject) throw new NotFoundError('No such application');
  return application;
}

/** The application's live (or last) offer, if it has one. */
export async function currentOffer(
  deps: Pick<Deps, 'lettings'>,
  application: Application,
): Promise<Offer | undefined> {
  return application.currentOfferId ? deps.lettings.getOffer(application.currentOfferId) : undefined;
}
