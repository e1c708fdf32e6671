import * as z from 'zod';
import { choiceReason } from '../domain/adverts.js';
import { assessAffordability } from '../domain/affordability.js';
import { type Application, ApplicationId, type Reason } from '../domain/application.js';
import { allocationClause } from '../domain/bedrooms.js';
import { type Offer, Property, pickHome } from '../domain/letting.js';
import { lettingsLogRecord } from '../domain/lettings-log.js';
import type { Policy } from '../domain/policy.js';
import { deletionEntries, withRetention } from '../domain/retention.js';
import { registeredHousehold, skipReasons } from '../domain/shortlist.js';
import { Stage } from '../domain/stage.js';
import { newId } from '../ids.js';
import { policyFor } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { syncRegister } from './register-index.js';
import { shortlistFor } from './shortlists.js';

export type LettingDeps = Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock' | 'notifier'>;

const PropertyId = Property.shape.propertyId;

/**
 * A Letting execution's input: the household, and the home when the offer is of a particular home (an officer's
 * direct offer from its shortlist, or the next household after a refusal); without one, the Offer stage picks the
 * household's best fitting home (the first offer after registration).
 */
export const LettingInput = z
  .object({
    applicationId: ApplicationId,
    /** The execution's input (`$$.Execution.Input`), which names the home when there is one. */
    execution: z.object({ propertyId: PropertyId.optional() }).optional(),
  })
  .transform(({ applicationId, execution }) => ({ applicationId, propertyId: execution?.propertyId }));
export const OfferInput = z.object({ applicationId: ApplicationId, offerId: z.string().min(1) });
export type OfferInput = z.infer<typeof OfferInput>;

export interface OfferResult {
  /** `no-home`: nothing to offer (no fitting home, or the home was taken); `unavailable`: this household cannot have this home now. */
  outcome: 'offered' | 'no-home' | 'unavailable';
  offerId?: string;
}

/** How many times matching tries the next home when another offer takes the first one a moment earlier. */
const MATCH_ATTEMPTS = 3;

/**
 * The Offer stage: proposes a home to the household, for an officer to approve. A proposal does not hold the home:
 * approval makes the offer live (see {@link approveOffer}), so of many proposals of one home only one can be
 * approved.
 */
export async function makeOffer(
  deps: LettingDeps,
  input: { applicationId: string; propertyId?: string | undefined },
): Promise<OfferResult> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  if (!application.registration)
    throw new JourneyStateError('Only a registered household can be offered a home');

  // Idempotent: a retried or resumed Offer stage finds the offer it already made.
  if (application.status === 'offered' && application.currentOfferId) {
    const current = await deps.lettings.getOffer(application.currentOfferId);
    if (!input.propertyId || current?.propertyId === input.propertyId)
      return { outcome: 'offered', offerId: application.currentOfferId };
    return { outcome: 'unavailable' };
  }
  if (application.status !== 'registered') return { outcome: 'unavailable' };
  if (input.propertyId) return offerHome(deps, application, input.propertyId);

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
    const offerId = await proposeOffer(deps, application, match.home, match.reasons);
    if (offerId) return { outcome: 'offered', offerId };
    taken.add(match.home.propertyId);
  }
  return { outcome: 'no-home' };
}

/**
 * A particular home for this household: it must still be available and still fit the household on the day
 * (circumstances change between the shortlist and the offer); otherwise the household is passed over, with the
 * rules it fails in the audit trail.
 */
async function offerHome(
  deps: LettingDeps,
  application: Application,
  propertyId: string,
): Promise<OfferResult> {
  const home = await deps.lettings.getHome(propertyId);
  if (!home || home.landlordId !== application.landlordId || home.status !== 'available')
    return { outcome: 'no-home' };
  const policy = policyFor(application.policyId);
  const on = deps.clock.now().toISOString().slice(0, 10);
  const household = registeredHousehold(application);
  const failed = household ? skipReasons(home, household, { policy, on }) : [];
  if (!household || failed.length > 0) {
    await deps.audit.append({
      applicationId: application.applicationId,
      at: deps.clock.now().toISOString(),
      type: 'offer-passed-over',
      actor: 'system',
      facts: { propertyId, rules: failed.map((reason) => reason.rule).join(' ') },
    });
    return { outcome: 'unavailable' };
  }
  const registration = household;
  const bids = await deps.lettings.listBids(home.propertyId);
  const chose = bids.some((bid) => bid.applicationId === application.applicationId);
  const reasons: Reason[] = [
    ...(chose ? [choiceReason(policy)] : []),
    {
      rule: 'matching.shortlist',
      clause: allocationClause(
        policy,
        'homes are offered in the order of the register: band, then effective date',
      ),
      text: `You are in band ${registration.band} from ${registration.effectiveDate}, and no household before you on the register was offered ${home.address} and took it.`,
      answer: `${registration.band} ${registration.effectiveDate}`,
    },
  ];
  const offerId = await proposeOffer(deps, application, home, reasons);
  return offerId ? { outcome: 'offered', offerId } : { outcome: 'no-home' };
}

/** Records a proposal; undefined when the home was taken or already proposed to this household. */
async function proposeOffer(
  deps: LettingDeps,
  application: Application,
  home: Property,
  matching: Reason[],
): Promise<string | undefined> {
  const policy = policyFor(application.policyId);
  const now = deps.clock.now().toISOString();
  const offer: Offer = {
    offerId: newId('off'),
    applicationId: application.applicationId,
    propertyId: home.propertyId,
    landlordId: application.landlordId,
    status: 'awaiting-approval',
    reasons: [...matching, ...costReasons(application, home, policy, now.slice(0, 10))],
    createdAt: now,
  };
  try {
    await deps.lettings.createOffer(offer);
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
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
  // The household hears that a home was found, and that an officer checks it first (the Offer stage begins).
  await deps.notifier.send({
    to: { applicationId: application.applicationId },
    template: 'offer-proposed',
    values: { officerDecisionDays: String(policy.waits.officerDecisionDays) },
  });
  return offer.offerId;
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

export async function liveOffer(deps: Pick<Deps, 'lettings'>, input: OfferInput): Promise<Offer> {
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
  /** Refused because nobody answered by the deadline, after the reminders. */
  lapsed: z.boolean().optional(),
});

/**
 * Closes an offer the officer rejected, the applicant refused, or that lapsed: a live offer frees its home, and
 * the household stays registered.
 */
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
    await deps.lettings.updateOffer(offer.offerId, input.status, {
      closedReason: input.reason,
      ...(input.lapsed ? { lapsed: true } : {}),
    });
    if (application.status === 'offered') {
      const { currentOfferId: _closed, ...rest } = application;
      await deps.applications.save({ ...rest, status: 'registered', updatedAt: now });
    }
    await deps.audit.append({
      applicationId: input.applicationId,
      at: now,
      type: input.lapsed ? 'offer-lapsed' : `offer-${input.status}`,
      actor: 'system',
      facts: { offerId: offer.offerId, propertyId: offer.propertyId },
    });
    // Refused, lapsed or rejected by an officer: the household stays registered, and hears so.
    await deps.notifier.send({
      to: { applicationId: input.applicationId },
      template: 'offer-closed',
      values: { status: input.status, lapsed: input.lapsed ? 'yes' : 'no' },
    });
  }
  return { outcome: input.status };
}

/**
 * An officer approves a proposed offer: from now it is the home's one live offer, until it is accepted, refused or
 * lapses, and the household has the policy's days to answer. Called before the workflow is resumed; when another
 * offer of the home was approved first this fails with a {@link ConflictError} saying so, and the officer rejects
 * this one instead. Approving an offer approved already answers the same (a double click).
 */
export async function approveOffer(
  deps: Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock'>,
  input: OfferInput & { officerId?: string },
): Promise<Offer> {
  const offer = await liveOffer(deps, input);
  if (offer.approvedAt && offer.status === 'awaiting-applicant') return offer;
  if (offer.status !== 'awaiting-approval')
    throw new ConflictError('This offer is no longer waiting for approval');
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const policy = policyFor(application.policyId);
  const now = deps.clock.now();
  const respondBy = new Date(now.getTime() + policy.waits.offerResponseDays * DAY_MS).toISOString();
  let approved: Offer;
  try {
    approved = await deps.lettings.approveOffer(offer.offerId, { approvedAt: now.toISOString(), respondBy });
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(
        'This home already has a live offer to another household, so this offer cannot be approved. Reject it with a reason, and the home’s next household will be considered if that offer ends.',
      );
    throw error;
  }
  await deps.audit.append({
    applicationId: offer.applicationId,
    at: now.toISOString(),
    type: 'offer-approved',
    actor: 'officer',
    facts: {
      offerId: offer.offerId,
      propertyId: offer.propertyId,
      respondBy,
      ...(input.officerId ? { officerId: input.officerId } : {}),
    },
  });
  return approved;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * The longest a timer waits before checking again. Step Functions allows a year, but the local engine's
 * setTimeout does not reach 25 days (DESIGN.md §5); a longer deadline is simply checked again.
 */
const LONGEST_TIMER_SECONDS = 20 * 86_400;

export const OfferTimerInput = z.object({
  applicationId: ApplicationId,
  offerId: z.string().min(1),
  kind: z.enum(['approval', 'response']),
});

export interface OfferTimer {
  /** `wait`: wait for the person until the next check; `escalate`: the approval is late; `lapse`: no answer in time. */
  due: 'wait' | 'escalate' | 'lapse';
  /** How long the workflow waits for the person before this timer is asked again (at least 1). */
  seconds: number;
  /** The deadline people see. */
  deadline: string;
}

/**
 * The deadlines of an offer, as timers the workflow waits on (DESIGN.md §1b: task tokens with deadlines, never
 * polling). Approval: an officer has the policy's days from the proposal, then it goes to a senior officer. The
 * household's answer: reminders the policy's hours before the deadline, each sent once, then no answer counts
 * as a refusal. Asked again each time a wait times out, so a retried step sends nothing twice.
 */
export async function offerTimer(
  deps: Pick<Deps, 'applications' | 'lettings' | 'notifier' | 'clock'>,
  input: z.infer<typeof OfferTimerInput>,
): Promise<OfferTimer> {
  const offer = await liveOffer(deps, input);
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const { waits } = policyFor(application.policyId);
  const now = deps.clock.now().getTime();
  if (input.kind === 'approval') {
    const deadline = Date.parse(offer.createdAt) + waits.officerDecisionDays * DAY_MS;
    return timer(now >= deadline ? 'escalate' : 'wait', now, deadline);
  }
  if (!offer.respondBy) throw new JourneyStateError('An offer is answered only after it is approved');
  const deadline = Date.parse(offer.respondBy);
  if (now >= deadline) return timer('lapse', now, deadline);
  const reminders = [...waits.offerReminderHoursBefore]
    .sort((a, b) => b - a)
    .map((hours) => deadline - hours * HOUR_MS);
  const due = reminders.filter((at) => at <= now).length;
  const sent = offer.remindersSent ?? 0;
  if (due > sent) {
    // Recorded first: a retry after a lost write could otherwise remind twice; a lost reminder is the lesser harm.
    await deps.lettings.updateOffer(offer.offerId, offer.status, { remindersSent: due });
    const home = await deps.lettings.getHome(offer.propertyId);
    await deps.notifier.send({
      to: { applicationId: offer.applicationId },
      template: 'offer-reminder',
      values: {
        deadline: offer.respondBy.slice(0, 10),
        hoursLeft: String(Math.ceil((deadline - now) / HOUR_MS)),
        address: home?.address ?? '',
      },
      discardAfter: offer.respondBy,
    });
  }
  const next = Math.min(deadline, ...reminders.filter((at) => at > now));
  return timer('wait', now, next, deadline);
}

function timer(due: OfferTimer['due'], now: number, until: number, deadline = until): OfferTimer {
  const seconds = Math.min(LONGEST_TIMER_SECONDS, Math.max(1, Math.ceil((until - now) / 1000)));
  return { due, seconds, deadline: new Date(deadline).toISOString() };
}

export const NextOfferInput = z.object({ applicationId: ApplicationId, offerId: z.string().min(1) });

export interface NextOffer {
  outcome: 'next' | 'none';
  applicationId?: string;
  propertyId?: string;
  /** The Letting execution that offers the home to that household ({@link lettingExecutionName}). */
  executionName?: string;
}

/**
 * After an offer is refused, lapses or is rejected: the next household on the home's shortlist that has not been
 * offered it and is free to take an offer, for a new Letting execution (which an officer approves in turn).
 * Nobody when the home is no longer available or the shortlist is used up.
 */
export async function nextOffer(
  deps: Pick<Deps, 'applications' | 'lettings' | 'clock'>,
  input: z.infer<typeof NextOfferInput>,
): Promise<NextOffer> {
  const offer = await liveOffer(deps, input);
  const home = await deps.lettings.getHome(offer.propertyId);
  if (home?.status !== 'available') return { outcome: 'none' };
  const [{ shortlist, advert }, offered] = await Promise.all([
    shortlistFor(deps, { landlordId: home.landlordId, propertyId: home.propertyId }),
    deps.lettings.listOffersOfHome(home.propertyId),
  ]);
  const had = new Set(offered.map((earlier) => earlier.applicationId));
  // An advertised home goes to the households that chose it (choice-based lettings), in the shortlist's order.
  const chose = advert ? new Set(advert.interested) : undefined;
  for (const entry of shortlist) {
    if (had.has(entry.applicationId) || (chose && !chose.has(entry.applicationId))) continue;
    const candidate = await deps.applications.get(entry.applicationId);
    if (candidate?.status === 'registered')
      return {
        outcome: 'next',
        applicationId: candidate.applicationId,
        propertyId: home.propertyId,
        executionName: lettingExecutionName(candidate.applicationId, home.propertyId),
      };
  }
  return { outcome: 'none' };
}

/**
 * The name of the Letting execution that offers a home to a household: one per pair, so an officer's direct
 * offer and the automatic next offer of the same home to the same household start it once (Step Functions
 * answers a second start with the same name and input with the first execution). At most 77 characters.
 */
export function lettingExecutionName(applicationId: string, propertyId: string): string {
  return `${applicationId}-${propertyId.slice('prop_'.length)}`;
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
    await deps.notifier.send({ to: { applicationId: input.applicationId }, template: 'let', values: {} });
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
