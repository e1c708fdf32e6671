import type { Application } from '../domain/application.js';
import { type YourData, yourData } from '../domain/your-data.js';
import { policyFor } from '../policies.js';
import { ConflictError, NotFoundError } from '../ports.js';
import { MESSAGE_EVENT } from './consents.js';
import type { Deps } from './deps.js';
import { credentialIdFor, tenancyIdFor } from './letting-stages.js';
import { ownedApplication } from './ownership.js';
import { sha256OfBytes } from './tenancy-documents.js';

/**
 * "What we hold about you" (UK GDPR Art. 15): everything held about an applicant, gathered from every store
 * that keeps something of theirs, for the applicant themselves (their own session: someone else's application
 * answers 404) or an officer of the application's landlord. The PDF is made by the letters step, whose function
 * carries pdf-lib (services/your-data-pdf.ts); here it is only asked for and served as stored, so the web and
 * API bundles carry no pdf-lib.
 */

type ReadDeps = Pick<Deps, 'applications' | 'lettings' | 'waits' | 'audit' | 'clock'>;

/** The copy of an application's data, as it stands now. */
export async function gatherYourData(deps: ReadDeps, application: Application): Promise<YourData> {
  const offer = application.currentOfferId
    ? await deps.lettings.getOffer(application.currentOfferId)
    : undefined;
  const home = offer ? await deps.lettings.getHome(offer.propertyId) : undefined;
  const tenancy = offer ? await deps.lettings.getTenancy(tenancyIdFor(offer)) : undefined;
  const key = offer ? await deps.lettings.getKey(credentialIdFor(offer)) : undefined;
  const waits = await deps.waits.listOpen(application.applicationId);
  const audit = await deps.audit.list(application.applicationId);
  return yourData({
    application,
    policy: policyFor(application.policyId),
    ...(offer && home ? { offer: { offer, home } } : {}),
    ...(tenancy ? { tenancy } : {}),
    ...(key ? { key } : {}),
    // Never the task token: only what is awaited, from whom, and by when.
    waits: waits.map(({ stage, waitingFor, deadline }) => ({ stage, waitingFor, deadline })),
    audit,
    // The messages as the notifier recorded them (services/consents.ts): which, when and on which channels.
    messages: audit.flatMap((event) =>
      event.type === MESSAGE_EVENT && typeof event.facts?.template === 'string'
        ? [{ at: event.at, template: event.facts.template, channels: String(event.facts.channels ?? '') }]
        : [],
    ),
    madeAt: deps.clock.now().toISOString(),
  });
}

export async function yourDataForApplicant(
  deps: ReadDeps,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<YourData> {
  return gatherYourData(deps, await ownedApplication(deps, input.applicant.subject, input.applicationId));
}

/** For an officer of the application's landlord (a request made by phone or letter); another landlord's is 404. */
export async function yourDataForOfficer(
  deps: ReadDeps,
  input: { landlordId: string; applicationId: string },
): Promise<YourData> {
  const application = await deps.applications.get(input.applicationId);
  if (!application || application.landlordId !== input.landlordId)
    throw new NotFoundError('No such application');
  return gatherYourData(deps, application);
}

/** The JSON download's file name. */
export const yourDataFilename = (applicationId: string, extension: 'json' | 'pdf') =>
  `your-data-${applicationId}.${extension}`;

export { dataCopyKey } from '../domain/retention.js';

/** Whether the stored PDF is the one last asked for (made at or after the request). */
export function dataCopyReady(application: Pick<Application, 'dataCopy'>): boolean {
  const copy = application.dataCopy;
  return copy?.made !== undefined && copy.made.madeAt >= copy.requestedAt;
}

/**
 * The applicant asks for their copy as a PDF: the request is recorded and the Letters workflow started, named
 * after the application's version, so a repeated post starts it once. The page then says it is being made.
 */
export async function requestDataCopy(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock' | 'workflow'>,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<void> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const at = deps.clock.now().toISOString();
  let saved: Application;
  try {
    saved = await deps.applications.save({
      ...application,
      dataCopy: { ...application.dataCopy, requestedAt: at },
      updatedAt: at,
    });
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError('Your application changed while you were asking. Try again.');
    throw error;
  }
  await deps.audit.append({
    applicationId: application.applicationId,
    at,
    type: 'data-copy-requested',
    actor: 'applicant',
  });
  await deps.workflow.startLetters(
    application.applicationId,
    `data-copy-${application.applicationId}-${saved.version}`,
  );
}

/** The PDF copy as stored, for its owner, once it is the one they last asked for. */
export async function dataCopyForApplicant(
  deps: Pick<Deps, 'applications' | 'documents'>,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<{ pdf: Uint8Array; filename: string }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const made = application.dataCopy?.made;
  if (!made || !dataCopyReady(application)) throw new NotFoundError('Your copy is not ready yet');
  const pdf = await deps.documents.read(made.key);
  if (!pdf) throw new NotFoundError('Your copy is not ready yet');
  // Only the bytes the record names go out: a stored file that changed is a fault, not a copy.
  if (sha256OfBytes(pdf) !== made.sha256)
    throw new Error(`The stored copy ${made.key} does not match its record`);
  return { pdf, filename: yourDataFilename(input.applicationId, 'pdf') };
}
