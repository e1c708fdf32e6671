import type { Decision } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import { requestReview, reviewDeadline } from '../../../shared/services/review-requests';
import { aCompleteApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';

/** A referral on qualification, made on 2 November 2026, open to review for 21 days (to 23 November). */
const referral: Decision = {
  stage: Stage.Qualification,
  outcome: 'refer',
  reasons: [
    { rule: 'qualification.residence', clause: 'Housing Act 1996 s160ZA(7)', text: 'One year, not two.' },
  ],
  inputs: {},
  policyVersion: 'riverside-council@2026-04',
  decidedBy: 'system',
  decidedAt: '2026-11-02T09:30:00.000Z',
  next: 'An officer will check.',
  review: { route: 'Ask Riverside Council to review this decision.', withinDays: 21 },
};
const eligible: Decision = {
  ...referral,
  stage: Stage.Eligibility,
  outcome: 'eligible',
  review: undefined,
} as never;

async function given(decisions: Decision[] = [eligible, referral]) {
  const deps = memoryDeps();
  const application = aCompleteApplication({ decisions });
  await deps.applications.create(application);
  return { deps, applicationId: application.applicationId, owner: { subject: application.ownerId } };
}

describe('asking for a review of a decision (s166A(9) / s167(4A))', () => {
  it('records the request on the application, within the decision’s period, and audits it without the reason', async () => {
    // Prepare
    const { deps, applicationId, owner } = await given();

    // Act
    const result = await requestReview(deps, {
      applicant: owner,
      applicationId,
      decision: 1,
      body: { reason: 'I have lived here since 2023, not 2025: my council tax bills show it.' },
    });

    // Assess
    expect(result.created).toBe(true);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toEqual([
      {
        decision: 1,
        reason: 'I have lived here since 2023, not 2025: my council tax bills show it.',
        requestedAt: '2026-11-02T09:30:00.000Z',
      },
    ]);
    expect(deps.audit.events.at(-1)).toMatchObject({ type: 'review-requested', facts: { decision: 1 } });
    expect(JSON.stringify(deps.audit.events)).not.toContain('council tax');
  });

  it('answers the first request when asked twice, and records one', async () => {
    // Prepare
    const { deps, applicationId, owner } = await given();
    const ask = () =>
      requestReview(deps, { applicant: owner, applicationId, decision: 1, body: { reason: 'Wrong years.' } });
    await ask();

    // Act
    const again = await ask();

    // Assess
    expect(again.created).toBe(false);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toHaveLength(1);
  });

  it('ends on the last day the decision states', async () => {
    // Prepare
    const { deps, applicationId, owner } = await given();
    const application = deps.applications.items.get(applicationId);
    if (!application) throw new Error('missing');
    expect(reviewDeadline(application, 1)).toBe('2026-11-23');
    deps.clock.advanceSeconds(22 * 24 * 60 * 60);

    // Act
    const late = requestReview(deps, {
      applicant: owner,
      applicationId,
      decision: 1,
      body: { reason: 'Too late?' },
    });

    // Assess
    await expect(late).rejects.toThrow(JourneyStateError);
    await expect(late).rejects.toThrow('ended on 2026-11-23');
  });

  it.each([
    ['a decision that did not go against them', 0, JourneyStateError],
    ['a decision that does not exist', 7, NotFoundError],
  ])('refuses %s and writes nothing', async (_what, decision, kind) => {
    // Prepare
    const { deps, applicationId, owner } = await given();

    // Act
    const asking = requestReview(deps, {
      applicant: owner,
      applicationId,
      decision,
      body: { reason: 'Because.' },
    });

    // Assess
    await expect(asking).rejects.toThrow(kind);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toBeUndefined();
  });

  it('refuses another applicant’s application like a missing one', async () => {
    // Prepare
    const { deps, applicationId } = await given();

    // Act
    const asking = requestReview(deps, {
      applicant: { subject: 'sub_someone_else' },
      applicationId,
      decision: 1,
      body: { reason: 'Not mine.' },
    });

    // Assess
    await expect(asking).rejects.toThrow(NotFoundError);
  });

  it.each([
    ['', 'Tell us why you think the decision is wrong, in a few words'],
    ['x'.repeat(1001), 'Your reason must be 1,000 characters or fewer'],
  ])('asks for a reason of the right length (%#)', async (reason, message) => {
    // Prepare
    const { deps, applicationId, owner } = await given();

    // Act
    const asking = requestReview(deps, { applicant: owner, applicationId, decision: 1, body: { reason } });

    // Assess
    await expect(asking).rejects.toThrow(message);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toBeUndefined();
  });
});
