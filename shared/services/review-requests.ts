import * as z from 'zod';
import type { Application, ReviewRequest } from '../domain/application.js';
import { addDays } from '../domain/dates.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Applicant } from './applications.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/**
 * Asking for a review of a decision (Housing Act 1996 s166A(9) in England, s167(4A) in Wales): the route every
 * adverse or referred decision and its letter describe. The request is recorded on the application, where the
 * officer's case page shows it, within the period the decision states; one request per decision, so asking
 * twice answers the first request. The audit log records that a review was asked for, never the reason.
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
  if (existing) return { request: existing, created: false };
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
  const request: ReviewRequest = { decision: input.decision, reason, requestedAt: now };
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
  return { request, created: true };
}
