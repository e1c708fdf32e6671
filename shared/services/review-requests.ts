import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import type { Application, ReviewRequest } from '../domain/application.js';
import { addDays } from '../domain/dates.js';
import { stageTitles } from '../domain/stage.js';
import { policyFor } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError, type ReviewQueueEntry } from '../ports.js';
import type { Applicant } from './applications.js';
import type { Actor } from './decisions.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/**
 * Asking for a review of a decision (Housing Act 1996 s166A(9) in England, s167(4A) in Wales): the route every
 * adverse or referred decision and its letter describe. The request is recorded on the application, where the
 * officer's case page shows it, within the period the decision states; one request per decision, so asking
 * twice answers the first request. The audit log records that a review was asked for, never the reason.
 *
 * The request joins the landlord's queue of reviews, due by the scheme's period for deciding reviews, until an
 * officer decides it: `upheld` (the decision stands, with the officer's reasons) or `changed` (the officer has
 * already made the new decision: an override once registered, or the case's review wait before). The queue is
 * written after the application, and both writes are idempotent: asking again puts a lost entry back, and the
 * queue shows only requests the application still holds undecided, so a lost delete hides itself.
 */

export const ReviewRequestBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Tell us why you think the decision is wrong, in a few words')
    .max(1000, 'Your reason must be 1,000 characters or fewer'),
});

/** The last day a review of the decision can be asked for, or undefined when the decision offers none. */
export function reviewDeadline(application: Application, decision: number): string | undefined {
  const made = application.decisions[decision];
  if (!made?.review) return undefined;
  return addDays(made.decidedAt.slice(0, 10), made.review.withinDays);
}

export async function requestReview(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock'>,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string; decision: number; body: unknown },
): Promise<{ request: ReviewRequest; created: boolean }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const made = application.decisions[input.decision];
  if (!made) throw new NotFoundError('No such decision');
  const { reason } = ReviewRequestBody.parse(input.body);
  const existing = application.reviewRequests?.find((request) => request.decision === input.decision);
  if (existing) {
    if (!existing.outcome) await deps.applications.queueReview(queueEntry(application, existing));
    return { request: existing, created: false };
  }
  const lastDay = reviewDeadline(application, input.decision);
  if (!lastDay) {
    throw new JourneyStateError(
      'This decision is not one you need to ask a review of: it did not go against you.',
    );
  }
  const now = deps.clock.now().toISOString();
  if (now.slice(0, 10) > lastDay) {
    throw new JourneyStateError(
      `The time to ask for a review of this decision ended on ${lastDay}. Contact the lettings team if something has changed.`,
    );
  }
  const request: ReviewRequest = {
    decision: input.decision,
    reason,
    requestedAt: now,
    dueBy: addDays(now.slice(0, 10), policyFor(application.policyId).reviewDecisionDays),
  };
  try {
    await deps.applications.save({
      ...application,
      reviewRequests: [...(application.reviewRequests ?? []), request],
      updatedAt: now,
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      throw new ConflictError('Your application changed while you were asking. Try again.');
    }
    throw error;
  }
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'review-requested',
    stage: made.stage,
    actor: 'applicant',
    facts: { decision: input.decision },
  });
  await deps.applications.queueReview(queueEntry(application, request));
  return { request, created: true };
}

/** A request's entry on the queue (requests made before reviews were queued are due from their request day). */
export function queueEntry(application: Application, request: ReviewRequest): ReviewQueueEntry {
  const decision = application.decisions[request.decision];
  if (!decision) throw new Error(`Review request for missing decision ${request.decision}`);
  return {
    landlordId: application.landlordId,
    applicationId: application.applicationId,
    decision: request.decision,
    stage: decision.stage,
    requestedAt: request.requestedAt,
    dueBy:
      request.dueBy ??
      addDays(request.requestedAt.slice(0, 10), policyFor(application.policyId).reviewDecisionDays),
  };
}

/** An officer's decision on a review: the result and the reasons the household will read. */
export const ReviewDecisionBody = z.object({
  result: z.enum(['upheld', 'changed'], 'Select whether the decision stands or was changed'),
  reason: z
    .string()
    .trim()
    .min(3, 'Give your reasons, of at least 3 characters')
    .max(1000, 'Your reasons must be 1,000 characters or fewer'),
});

/**
 * An officer of the case's landlord decides a review the household asked for. `changed` needs the new decision
 * made first (a decision of the same stage by an officer since the request), so the record never says a
 * decision changed that did not. Deciding again with the same answer returns the same review; a different
 * answer is a conflict.
 */
export async function decideReview(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock' | 'notifier'>,
  input: {
    actor: Extract<Actor, { kind: 'officer' }>;
    applicationId: string;
    decision: number;
    body: unknown;
  },
): Promise<ReviewRequest> {
  const application = await deps.applications.get(input.applicationId);
  // Another landlord's application answers exactly like a missing one.
  if (!application || application.landlordId !== input.actor.landlordId)
    throw new NotFoundError('No such application');
  const request = application.reviewRequests?.find((each) => each.decision === input.decision);
  if (!request) throw new NotFoundError('No review was asked for this decision');
  const body = ReviewDecisionBody.parse(input.body);
  if (request.outcome) {
    const { result, reason } = request.outcome;
    if (isDeepStrictEqual({ result, reason }, body)) return request;
    throw new ConflictError('This review has already been decided');
  }
  const reviewed = application.decisions[input.decision];
  if (!reviewed) throw new NotFoundError('No such decision');
  if (body.result === 'changed') {
    const replaced = application.decisions
      .slice(input.decision + 1)
      .some(
        (later) =>
          later.stage === reviewed.stage &&
          later.decidedBy === 'officer' &&
          later.decidedAt >= request.requestedAt,
      );
    if (!replaced) {
      throw new JourneyStateError(
        'Make the new decision first (an override, or the case’s review), then record that the review changed it',
      );
    }
  }
  const now = deps.clock.now().toISOString();
  const decided: ReviewRequest = {
    ...request,
    outcome: { ...body, decidedAt: now, decidedBy: input.actor.officerId },
  };
  try {
    await deps.applications.save({
      ...application,
      reviewRequests: (application.reviewRequests ?? []).map((each) =>
        each.decision === input.decision ? decided : each,
      ),
      updatedAt: now,
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      throw new ConflictError('The case changed while you were deciding. Look at it again and retry.');
    }
    throw error;
  }
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'review-decided',
    stage: reviewed.stage,
    actor: 'officer',
    facts: { decision: input.decision, result: body.result, officerId: input.actor.officerId },
  });
  await deps.applications.unqueueReview(queueEntry(application, request));
  // The household hears the review is decided; the reasons are on its status page, behind sign-in.
  await deps.notifier.send({
    to: { applicationId: application.applicationId },
    template: 'review-decided',
    values: { stage: stageTitles[reviewed.stage], result: body.result },
  });
  return decided;
}
