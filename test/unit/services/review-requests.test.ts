import type { Decision } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { ConflictError, JourneyStateError, NotFoundError } from '../../../shared/ports';
import type { Actor } from '../../../shared/services/decisions';
import { officerQueue } from '../../../shared/services/officer-view';
import { decideReview, requestReview, reviewDeadline } from '../../../shared/services/review-requests';
import { aCompleteApplication, referral } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';

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
        // Riverside decides reviews within 56 days of the request.
        dueBy: '2026-12-28',
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

describe('an officer deciding a review', () => {
  const officer = (landlordId: string): Extract<Actor, { kind: 'officer' }> => ({
    kind: 'officer',
    officerId: 'officer-1',
    landlordId,
    roles: ['officer'],
  });

  async function asked() {
    const given_ = await given();
    const application = given_.deps.applications.items.get(given_.applicationId);
    if (!application) throw new Error('missing');
    await requestReview(given_.deps, {
      applicant: given_.owner,
      applicationId: given_.applicationId,
      decision: 1,
      body: { reason: 'I have lived here three years.' },
    });
    return { ...given_, landlordId: application.landlordId };
  }

  it('puts the request on the landlord’s queue, due by the scheme’s period, without the applicant’s words', async () => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();

    // Act
    const queue = await officerQueue(deps, { landlordId });

    // Assess
    expect(queue.reviews).toEqual([
      {
        landlordId,
        applicationId,
        decision: 1,
        stage: Stage.Qualification,
        requestedAt: '2026-11-02T09:30:00.000Z',
        dueBy: '2026-12-28',
        applicationStage: expect.any(String),
      },
    ]);
    expect(JSON.stringify(queue)).not.toContain('three years');
    expect((await officerQueue(deps, { landlordId: 'another-landlord' })).reviews).toEqual([]);
  });

  it('records an upheld decision with the officer’s reasons, audits it and takes it off the queue', async () => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();
    deps.clock.advanceSeconds(3 * 24 * 60 * 60);

    // Act
    const decided = await decideReview(deps, {
      actor: officer(landlordId),
      applicationId,
      decision: 1,
      body: { result: 'upheld', reason: 'Council tax records show one year in the area.' },
    });

    // Assess
    expect(decided.outcome).toEqual({
      result: 'upheld',
      reason: 'Council tax records show one year in the area.',
      decidedAt: '2026-11-05T09:30:00.000Z',
      decidedBy: 'officer-1',
    });
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]).toEqual(decided);
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'review-decided',
      actor: 'officer',
      facts: { decision: 1, result: 'upheld', officerId: 'officer-1' },
    });
    expect((await officerQueue(deps, { landlordId })).reviews).toEqual([]);
  });

  it('answers the same decision again with the same review, and refuses a different one', async () => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();
    const body = { result: 'upheld', reason: 'Records show one year.' };
    const first = await decideReview(deps, { actor: officer(landlordId), applicationId, decision: 1, body });

    // Act
    const again = await decideReview(deps, { actor: officer(landlordId), applicationId, decision: 1, body });
    const other = decideReview(deps, {
      actor: officer(landlordId),
      applicationId,
      decision: 1,
      body: { result: 'upheld', reason: 'Something else.' },
    });

    // Assess
    expect(again).toEqual(first);
    await expect(other).rejects.toThrow(ConflictError);
    expect(deps.audit.events.filter((event) => event.type === 'review-decided')).toHaveLength(1);
  });

  it('refuses “changed” until an officer has made the new decision, then records it', async () => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();
    const body = { result: 'changed', reason: 'Work in the area counts: you qualify.' };

    // Act
    const early = decideReview(deps, { actor: officer(landlordId), applicationId, decision: 1, body });

    // Assess
    await expect(early).rejects.toThrow(JourneyStateError);
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]?.outcome).toBeUndefined();

    // Prepare: the officer's new decision of the same stage, after the request.
    const application = deps.applications.items.get(applicationId);
    if (!application) throw new Error('missing');
    deps.applications.items.set(applicationId, {
      ...application,
      decisions: [
        ...application.decisions,
        { ...referral, outcome: 'qualifies', decidedBy: 'officer', decidedAt: '2026-11-03T10:00:00.000Z' },
      ],
    });

    // Act
    const changed = await decideReview(deps, {
      actor: officer(landlordId),
      applicationId,
      decision: 1,
      body,
    });

    // Assess
    expect(changed.outcome?.result).toBe('changed');
  });

  it.each([
    ['another landlord’s case', { landlord: 'another-landlord', decision: 1 }, NotFoundError],
    ['a decision nobody asked a review of', { landlord: undefined, decision: 0 }, NotFoundError],
  ])('refuses %s like a missing one', async (_what, { landlord, decision }, kind) => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();

    // Act
    const deciding = decideReview(deps, {
      actor: officer(landlord ?? landlordId),
      applicationId,
      decision,
      body: { result: 'upheld', reason: 'Stands.' },
    });

    // Assess
    await expect(deciding).rejects.toThrow(kind);
  });

  it.each([
    [{ result: 'maybe', reason: 'Stands.' }, 'Select whether the decision stands or was changed'],
    [{ result: 'upheld', reason: ' ' }, 'Give your reasons, of at least 3 characters'],
  ])('refuses a bad answer with a reason and writes nothing (%#)', async (body, message) => {
    // Prepare
    const { deps, applicationId, landlordId } = await asked();

    // Act
    const deciding = decideReview(deps, { actor: officer(landlordId), applicationId, decision: 1, body });

    // Assess
    await expect(deciding).rejects.toThrow(message);
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]?.outcome).toBeUndefined();
    expect((await officerQueue(deps, { landlordId })).reviews).toHaveLength(1);
  });

  it('puts a lost queue entry back when the household asks again', async () => {
    // Prepare
    const { deps, applicationId, owner, landlordId } = await asked();
    deps.applications.reviewQueue.clear();

    // Act
    await requestReview(deps, { applicant: owner, applicationId, decision: 1, body: { reason: 'Again.' } });

    // Assess
    expect((await officerQueue(deps, { landlordId })).reviews).toHaveLength(1);
  });
});
