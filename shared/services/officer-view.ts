import * as z from 'zod';
import type { Application } from '../domain/application.js';
import type { Offer, Property } from '../domain/letting.js';
import { type Stage, WaitingFor } from '../domain/stage.js';
import {
  type AuditEvent,
  NotFoundError,
  type PendingWait,
  type QueueEntry,
  type ReviewQueueEntry,
  type WaitKind,
} from '../ports.js';
import type { Deps } from './deps.js';
import { WaitKindSchema } from './waits.js';

/** What an officer sees of a wait: never the task token; for an offer's approval, the offer and its home. */
export type WaitView = Omit<PendingWait, 'taskToken'> & {
  offer?: { offer: Offer; home: Omit<Property, 'doorId'> };
};

export interface CaseView {
  application: Application;
  waits: WaitView[];
  timeline: AuditEvent[];
}

/** An officer's view of a case of their own landlord; any other landlord's case answers like a missing one. */
export async function caseForOfficer(
  deps: Pick<Deps, 'applications' | 'waits' | 'audit' | 'lettings'>,
  input: { applicationId: string; landlordId: string },
): Promise<CaseView> {
  const application = await deps.applications.get(input.applicationId);
  if (!application || application.landlordId !== input.landlordId)
    throw new NotFoundError('No such application');
  const waits = await Promise.all(
    (await deps.waits.listOpen(application.applicationId)).map(
      async ({ taskToken: _secret, ...wait }): Promise<WaitView> => {
        // An officer approves an offer seeing what is offered and why: the home, its rent and the reasons.
        const offer = wait.offerId ? await deps.lettings.getOffer(wait.offerId) : undefined;
        const home = offer ? await deps.lettings.getHome(offer.propertyId) : undefined;
        if (!offer || !home) return wait;
        const { doorId: _door, ...homeView } = home;
        return { ...wait, offer: { offer, home: homeView } };
      },
    ),
  );
  return { application, waits, timeline: await deps.audit.list(application.applicationId) };
}

/** Narrows the officers' queue to one kind of wait, or to the waits for one role (escalations: senior officers). */
export const QueueFilter = z.object({
  kind: WaitKindSchema.exactOptional(),
  waitingFor: z.enum([WaitingFor.Officer, WaitingFor.SeniorOfficer]).exactOptional(),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/** A wait on the queue, with where its application is now (a review may wait while the journey moved on). */
export type QueueItem = QueueEntry & { applicationStage: Stage };

/** A review the household asked for, waiting for an officer's decision, with where its application is now. */
export type ReviewQueueItem = ReviewQueueEntry & { applicationStage: Stage };

export interface OfficerQueue {
  /** The waits the filter keeps, soonest deadline first. */
  entries: QueueItem[];
  /** How many waits of each kind the whole queue holds, whatever the filter: the console's tabs. */
  counts: Record<WaitKind, number>;
  /** Reviews asked for (s166A(9) / s167(4A)) and not yet decided, soonest due first; no filter applies. */
  reviews: ReviewQueueItem[];
}

/**
 * The officers' queue of a landlord: every wait an officer or a senior officer must act on (offers to approve,
 * documents to review, cases needing attention, escalations), soonest deadline first, never a task token, and
 * the reviews households asked for. Only the landlord's own applications appear; an entry whose application is
 * gone or is another landlord's is left out, and so is a review the application no longer holds undecided.
 */
export async function officerQueue(
  deps: Pick<Deps, 'applications' | 'waits'>,
  input: { landlordId: string; filter?: QueueFilter },
): Promise<OfficerQueue> {
  const [queue, reviewQueue] = await Promise.all([
    deps.waits.listQueue(input.landlordId),
    deps.applications.listReviewQueue(input.landlordId),
  ]);
  const applications = new Map<string, Application>();
  await Promise.all(
    [...new Set([...queue, ...reviewQueue].map((entry) => entry.applicationId))].map(
      async (applicationId) => {
        const application = await deps.applications.get(applicationId);
        if (application?.landlordId === input.landlordId) applications.set(applicationId, application);
      },
    ),
  );
  const owned: QueueItem[] = [];
  for (const entry of queue) {
    const application = applications.get(entry.applicationId);
    if (application) owned.push({ ...entry, applicationStage: application.stage });
  }
  const reviews: ReviewQueueItem[] = [];
  for (const entry of reviewQueue) {
    const application = applications.get(entry.applicationId);
    const request = application?.reviewRequests?.find((each) => each.decision === entry.decision);
    if (application && request && !request.outcome)
      reviews.push({ ...entry, applicationStage: application.stage });
  }
  const counts: Record<WaitKind, number> = {
    approval: 0,
    review: 0,
    attention: 0,
    answers: 0,
    response: 0,
    signature: 0,
  };
  for (const entry of owned) counts[entry.kind] += 1;
  const { kind, waitingFor } = input.filter ?? {};
  return {
    entries: owned.filter(
      (entry) =>
        (kind === undefined || entry.kind === kind) &&
        (waitingFor === undefined || entry.waitingFor === waitingFor),
    ),
    counts,
    reviews,
  };
}
