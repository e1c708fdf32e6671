import * as z from 'zod';
import { assessAffordability } from '../domain/affordability.js';
import { type Application, ApplicationId, type Reason } from '../domain/application.js';
import { allocationClause } from '../domain/bedrooms.js';
import { type Offer, type Property, pickHome } from '../domain/letting.js';
import { lettingsLogRecord } from '../domain/lettings-log.js';
import type { Policy } from '../domain/policy.js';
import { deletionEntries, withRetention } from '../domain/retention.js';
import { Stage } from '../domain/stage.js';
import { newId } from '../ids.js';
import { policyFor } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { syncRegister } from './register-index.js';

export type LettingDeps = Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock'>;

export const LettingInput = z.object({ applicationId: ApplicationId });
export const OfferInput = z.object({ applicationId: ApplicationId, offerId: z.string().min(1) });
export type OfferInput = z.infer<typeof OfferInput>;

export interface OfferResult {
  outcome: 'offered' | 'no-home';
  offerId?: string;
}

/** How many times matching tries the next home when another offer takes the first one a moment earlier. */
const MATCH_ATTEMPTS = 3;

/**
 * The Offer stage: picks a home and records the offer. The store allows one live offer per home, so two
 * lettings racing for the same home cannot both win; the loser tries the next home.
 */
export async function makeOffer(
  deps: LettingDeps,
  input: z.infer<typeof LettingInput>,
): Promise<OfferResult> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  if (!application.registration)
    throw new JourneyStateError('Only a registered household can be offered a home');

  // Idempotent: a retried or resumed Offer stage finds the offer it already made.
  if (application.status === 'offered' && application.currentOfferId) {
    return { outcome: 'offered', offerId: application.currentOfferId };
  }

  const policy = policyFor(application.policyId);
  const taken = new Set<string>();
  for (let attempt = 0; attempt < MATCH_ATTEMPTS; attempt += 1) {
    const homes = (await deps.lettings.listAvailableHomes(application.landlordId)).filter(
      (home) => !taken.has(home.propertyId),
    );
    const match = pickHome(homes, {
      bedroomNeed: application.registration.bedroomNeed,
      landlordId: application.landlordId,
      policy,
    });
    if (!match) return { outcome: 'no-home' };
    const now = deps.clock.now().toISOString();
    const offer: Offer = {
      offerId: newId('off'),
      applicationId: application.applicationId,
      propertyId: match.home.propertyId,
      landlordId: application.landlordId,
      status: 'awaiting-approval',
      reasons: [...match.reasons, ...costReasons(application, match.home, policy, now.slice(0, 10))],
      createdAt: now,
    };
    try {
      await deps.lettings.createOffer(offer);
    } catch (error) {
      if (error instanceof ConflictError) {
        taken.add(match.home.propertyId);
        continue;
      }
      throw error;
    }
    await deps.applications.save({
      ...application,
      status: 'offered',
      currentOfferId: offer.offerId,
      updatedAt: now,
    });
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'offer-made',
      actor: 'system',
      facts: { offerId: offer.offerId, propertyId: offer.propertyId },
    });
    return { outcome: 'offered', offerId: offer.offerId };
  }
  return { outcome: 'no-home' };
}

/**
 * What the offer says about the home's cost: the under-occupancy reduction under the size criteria of the
 * household's help with rent, and affordability against the council's threshold. A flag for the officer and the
 * applicant to talk through, never a refusal.
 */
function costReasons(application: Application, home: Property, policy: Policy, on: string): Reason[] {
  const { household, income, circumstances } = application.profile;
  if (!income) {
    return [
      {
        rule: 'affordability.not-assessed',
        clause: allocationClause(policy, 'affordability'),
        text: 'We do not know your income yet, so we could not check whether the rent is affordable. An officer will talk the costs through with you before you decide.',
      },
    ];
  }
  return assessAffordability({
    household,
    income,
    fosterCarer: circumstances?.fosterCarer ?? false,
    home,
    policy,
    on,
  }).reasons;
}

export async function liveOffer(deps: LettingDeps, input: OfferInput): Promise<Offer> {
  const offer = await deps.lettings.getOffer(input.offerId);
  if (!offer || offer.applicationId !== input.applicationId)
    throw new NotFoundError(`Offer ${input.offerId} not found`);
  return offer;
}

export const CloseOfferInput = z.object({
  applicationId: ApplicationId,
  /** Absent when an officer closes a letting from the attention wait: the household's live offer, if any. */
  offerId: z.string().min(1).optional(),
  status: z.enum(['refused', 'withdrawn']),
  reason: z.string().trim().min(1).max(500),
});

/** Closes an offer the officer rejected or the applicant refused: the home is free again, the household stays registered. */
export async function closeOffer(
  deps: LettingDeps,
  input: z.infer<typeof CloseOfferInput>,
): Promise<{ outcome: string }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const offerId = input.offerId ?? application.currentOfferId;
  if (!offerId) return { outcome: 'no-offer' };
  const offer = await liveOffer(deps, { applicationId: input.applicationId, offerId });
  const now = deps.clock.now().toISOString();
  if (offer.status !== input.status) {
    await deps.lettings.updateOffer(offer.offerId, input.status, input.reason);
    if (application.status === 'offered') {
      const { currentOfferId: _closed, ...rest } = application;
      await deps.applications.save({ ...rest, status: 'registered', updatedAt: now });
    }
    await deps.audit.append({
      applicationId: input.applicationId,
      at: now,
      type: `offer-${input.status}`,
      actor: 'system',
      facts: { offerId: offer.offerId },
    });
  }
  return { outcome: input.status };
}

/** A letting's records are named after its offer: one tenancy and one key credential per offer. */
export function tenancyIdFor(offer: Pick<Offer, 'offerId'>): string {
  return `ten_${offer.offerId.slice(4)}`;
}

export function credentialIdFor(offer: Pick<Offer, 'offerId'>): string {
  return `key_${offer.offerId.slice(4)}`;
}

/** Let: the offer and the home are let and the household's journey is complete. */
export async function completeLet(deps: LettingDeps, input: OfferInput): Promise<{ outcome: 'let' }> {
  const offer = await liveOffer(deps, input);
  const now = deps.clock.now().toISOString();
  if (offer.status !== 'let') await deps.lettings.updateOffer(offer.offerId, 'let');
  const application = await deps.applications.get(input.applicationId);
  if (application?.status === 'let') {
    // A retried step after the save: its documents' deletion dates go into the index this time.
    await deps.applications.scheduleDeletions(deletionEntries(application));
    await syncRegister(deps.applications, application);
  } else if (application) {
    const letApplication = await deps.applications.save({
      ...application,
      status: 'let',
      stage: Stage.Let,
      updatedAt: now,
      ...withRetention(application, now),
    });
    // UK GDPR Art. 5(1)(e): each document and the share code are deleted when their retention ends.
    await deps.applications.scheduleDeletions(deletionEntries(letApplication));
    await syncRegister(deps.applications, letApplication);
    await deps.audit.append({
      applicationId: input.applicationId,
      at: now,
      type: 'let',
      actor: 'system',
      facts: { offerId: offer.offerId, propertyId: offer.propertyId },
    });
  }
  if (application) await logLetting(deps, application, offer, now);
  return { outcome: 'let' };
}

/**
 * The letting's CORE-style lettings log record, written once per tenancy (the store ignores a second put, so a
 * retried Let step logs nothing twice). A letting without a tenancy or a home on record has nothing to log.
 */
async function logLetting(deps: LettingDeps, application: Application, offer: Offer, now: string) {
  const [tenancy, property] = await Promise.all([
    deps.lettings.getTenancy(tenancyIdFor(offer)),
    deps.lettings.getHome(offer.propertyId),
  ]);
  if (!tenancy || !property) return;
  await deps.lettings.putLettingsLog(
    lettingsLogRecord({ application, offer, property, tenancy, letDate: now.slice(0, 10) }),
  );
}
