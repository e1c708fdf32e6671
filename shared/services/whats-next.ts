import { isoDay } from '../domain/dates.js';
import { type NextStep, nextStep } from '../domain/next-steps.js';
import { registeredHousehold } from '../domain/shortlist.js';
import {
  ESTIMATE_WINDOW_DAYS,
  estimateRangeText,
  type RegisterPlace,
  registerPlace,
  type WaitEstimate,
  waitEstimate,
} from '../domain/wait-estimate.js';
import { policyFor } from '../policies.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

export interface WhatHappensNext {
  next: NextStep;
  /** Once registered and waiting for a home: the household's place and its wait estimate. */
  standing?: {
    place: RegisterPlace;
    estimate: WaitEstimate;
    /** The estimate's range in words ("between 4 and 9 months"), when there is one. */
    range?: string;
  };
}

/**
 * The applicant's "what happens next" (issue 9): who their application waits for and by when, and once on the
 * register, their place in the band and an estimate of the wait from the landlord's recent lets. Only the
 * owner sees it (another applicant's application answers 404). Reads the register from its index and the
 * lettings log for one year: two queries, no scan.
 */
export async function whatHappensNext(
  deps: Pick<Deps, 'applications' | 'waits' | 'lettings' | 'clock'>,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<WhatHappensNext> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const policy = policyFor(application.policyId);
  const now = deps.clock.now();
  const waits = await deps.waits.listOpen(application.applicationId);
  const openReview = application.reviewRequests?.find((request) => !request.outcome);
  const next = nextStep({
    status: application.status,
    stage: application.stage,
    waits: waits.map(({ kind, waitingFor, stage, deadline }) => ({ kind, waitingFor, stage, deadline })),
    policy,
    now: now.toISOString(),
    ...(openReview ? { openReview: openReview.dueBy ? { dueBy: openReview.dueBy } : {} } : {}),
  });
  const household = registeredHousehold(application);
  // An offered household's wait is over for now: its place would only distract from the offer.
  if (!household || application.status !== 'registered') return { next };
  const today = isoDay(now);
  const from = isoDay(new Date(now.getTime() - (ESTIMATE_WINDOW_DAYS - 1) * 86_400_000));
  const [register, lets] = await Promise.all([
    deps.applications.listRegister(application.landlordId),
    deps.lettings.listLettingsLog(application.landlordId, from, today),
  ]);
  const place = registerPlace(register, household);
  const estimate = waitEstimate({ lets, place, today });
  return {
    next,
    standing: {
      place,
      estimate,
      ...(estimate.kind === 'estimate' ? { range: estimateRangeText(estimate) } : {}),
    },
  };
}
