import * as z from 'zod';
import { ApplicationId } from '../domain/application.js';
import { ConflictError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { lettingExecutionName } from './letting-stages.js';
import { shortlistFor } from './shortlists.js';

export const DirectOfferBody = z.strictObject({ applicationId: ApplicationId });

export interface DirectOffer {
  applicationId: string;
  propertyId: string;
  /** The Letting execution that proposes the home; an officer approves the offer from the queue. */
  execution: string;
}

/**
 * A direct offer (issue 8): an officer offers one of their landlord's homes to a household on its shortlist. This
 * starts the home's Letting execution for that household, which proposes the offer for approval (by another
 * officer or the same one, from the queue); the offer goes live only when it is approved. Starting it twice is
 * one execution. Another landlord's home, or a household not on this landlord's register, is a 404; a household
 * the home does not fit, or that cannot take an offer now, is a 409 that says why.
 */
export async function offerHomeTo(
  deps: Pick<Deps, 'applications' | 'lettings' | 'workflow' | 'audit' | 'clock'>,
  input: { landlordId: string; officerId: string; propertyId: string; body: unknown },
): Promise<DirectOffer> {
  const { applicationId } = DirectOfferBody.parse(input.body);
  const view = await shortlistFor(deps, { landlordId: input.landlordId, propertyId: input.propertyId });
  const home = await deps.lettings.getHome(input.propertyId);
  if (home?.status !== 'available')
    throw new ConflictError('This home is not available: it has a live offer, or it is let');
  const skipped = view.skipped.find((household) => household.applicationId === applicationId);
  if (skipped)
    throw new ConflictError(
      `This home does not fit the household: ${skipped.reasons.map((reason) => reason.text).join(' ')}`,
    );
  if (!view.shortlist.some((entry) => entry.applicationId === applicationId))
    throw new NotFoundError('No household with that application id is on your register');
  const application = await deps.applications.get(applicationId);
  if (application?.status !== 'registered')
    throw new ConflictError('This household has an offer in progress already: it can have one at a time');
  const offered = await deps.lettings.listOffersOfHome(input.propertyId);
  if (offered.some((earlier) => earlier.applicationId === applicationId))
    throw new ConflictError('This household has been offered this home already');

  const execution = lettingExecutionName(applicationId, input.propertyId);
  await deps.workflow.startLetting(applicationId, execution, input.propertyId);
  await deps.audit.append({
    applicationId,
    at: deps.clock.now().toISOString(),
    type: 'direct-offer',
    actor: 'officer',
    facts: { propertyId: input.propertyId, officerId: input.officerId },
  });
  return { applicationId, propertyId: input.propertyId, execution };
}
