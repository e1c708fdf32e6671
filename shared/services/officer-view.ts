import * as z from 'zod';
import type { Application } from '../domain/application.js';
import type { Offer, Property } from '../domain/letting.js';
import { pageOf, QUEUE_VIEWS, type QueuePage, type QueueView, sortQueue } from '../domain/queue.js';
import { type Stage, WaitingFor } from '../domain/stage.js';
import {
  type AuditEvent,
  NotFoundError,
  type PendingWait,
  type QueueEntry,
  type ReviewQueueEntry,
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

/**
 * Narrows the officers' queue to one view (`show`: offers to approve, documents to review, ...), to one kind of
 * wait, or to the waits for one role (escalations: senior officers), and picks a page of it.
 */
export const QueueFilter = z.object({
  show: z.enum(QUEUE_VIEWS, { error: `Show one of: ${QUEUE_VIEWS.join(', ')}` }).exactOptional(),
  kind: WaitKindSchema.exactOptional(),
  waitingFor: z.enum([WaitingFor.Officer, WaitingFor.SeniorOfficer]).exactOptional(),
  page: z.coerce.number().int().min(1).max(100_000).exactOptional(),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/** A wait on the queue, with where its application is now (a review may wait while the journey moved on). */
export type QueueItem = QueueEntry & { applicationStage: Stage };

/** A review the household asked for, waiting for an officer's decision, with where its application is now. */
export type ReviewQueueItem = ReviewQueueEntry & { applicationStage: Stage };

export interface OfficerQueue {
  show: QueueView;
  /** The waits on this page of the view, soonest deadline first. */
  entries: QueueItem[];
  /** How many waits and reviews each view holds over the whole queue, whatever the filter: the console's links. */
  counts: Record<QueueView, number>;
  /** Reviews asked for (s166A(9) / s167(4A)) and not yet decided on this page of the view, soonest due first. */
  reviews: ReviewQueueItem[];
  page: QueuePage;
}

/**
 * The officers' queue of a landlord: every wait an officer or a senior officer must act on (offers to approve,
 * documents to review, cases needing attention, escalations) and the reviews households asked for, sorted into
 * views (domain/queue.ts), soonest due first, a page at a time, never a task token.
 *
 * The counts come from the landlord's queue index, which the wait store writes in the same transaction as each
 * wait (and applications are never deleted), so the applications are read only for the page shown: the page
 * costs the same with 10,000 open cases as with 10 (bench/console-queue.ts). A page's wait whose application is
 * another landlord's is still left out. Reviews are few and their queue entry is written after the decision
 * is saved, not with it, so every queued review's application is read and a review it no longer holds
 * undecided is left out, of the counts too.
 */
export async function officerQueue(
  deps: Pick<Deps, 'applications' | 'waits' | 'clock'>,
  input: { landlordId: string; filter?: QueueFilter },
): Promise<OfficerQueue> {
  const [queue, reviewQueue] = await Promise.all([
    deps.waits.listQueue(input.landlordId),
    deps.applications.listReviewQueue(input.landlordId),
  ]);
  const ownedApplication = async (applicationId: string) => {
    const application = await deps.applications.get(applicationId);
    return application?.landlordId === input.landlordId ? application : undefined;
  };
  const undecided = (
    await Promise.all(
      reviewQueue.map(async (entry): Promise<ReviewQueueItem | undefined> => {
        const application = await ownedApplication(entry.applicationId);
        const request = application?.reviewRequests?.find((each) => each.decision === entry.decision);
        return application && request && !request.outcome
          ? { ...entry, applicationStage: application.stage }
          : undefined;
      }),
    )
  ).filter((review) => review !== undefined);
  const { show = 'all', kind, waitingFor, page = 1 } = input.filter ?? {};
  const sorted = sortQueue({ waits: queue, reviews: undecided }, show, deps.clock.now());
  // `kind` and `waitingFor` are about waits: with either, the list holds only the waits that match.
  const rows =
    kind === undefined && waitingFor === undefined
      ? sorted.rows
      : sorted.rows.filter(
          (row) =>
            'wait' in row &&
            (kind === undefined || row.wait.kind === kind) &&
            (waitingFor === undefined || row.wait.waitingFor === waitingFor),
        );
  const shown = pageOf(rows, page);
  const entries = (
    await Promise.all(
      shown.rows.map(async (row): Promise<QueueItem | undefined> => {
        if (!('wait' in row)) return undefined;
        const application = await ownedApplication(row.wait.applicationId);
        return application ? { ...row.wait, applicationStage: application.stage } : undefined;
      }),
    )
  ).filter((entry) => entry !== undefined);
  return {
    show,
    entries,
    counts: sorted.counts,
    reviews: shown.rows.flatMap((row) => ('review' in row ? [row.review] : [])),
    page: shown.page,
  };
}
