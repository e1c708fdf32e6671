import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { NotFoundError } from '../../../shared/ports';
import { decide } from '../../../shared/services/decisions';
import { caseForOfficer } from '../../../shared/services/officer-view';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const reviewToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXJldmlldy10b2tlbi1zZWNyZXQ=review-7f3a';
const answersToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-91c2';

/** A case with an open officer review and an answers wait the applicant has already answered. */
async function aCaseWithWaits(): Promise<{ deps: MemoryDeps; reviewId: string; answersId: string }> {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication());
  const { decisionId: answersId } = await awaitPerson(deps, {
    applicationId,
    stage: Stage.Eligibility,
    kind: 'answers',
    waitingFor: WaitingFor.Applicant,
    taskToken: answersToken,
  });
  await decide(deps, {
    decisionId: answersId,
    actor: { kind: 'applicant', subject: 'sub_gareth' },
    body: { decision: 'submitted' },
  });
  const { decisionId: reviewId } = await awaitPerson(deps, {
    applicationId,
    stage: Stage.Eligibility,
    kind: 'review',
    waitingFor: WaitingFor.Officer,
    taskToken: reviewToken,
  });
  return { deps, reviewId, answersId };
}

describe('caseForOfficer', () => {
  it('shows the application, its open waits and its timeline', async () => {
    // Prepare
    const { deps, reviewId } = await aCaseWithWaits();

    // Act
    const view = await caseForOfficer(deps, { applicationId, landlordId: 'riverside-homes' });

    // Assess
    expect(view.application.applicationId).toBe(applicationId);
    expect(view.waits).toEqual([
      expect.objectContaining({
        decisionId: reviewId,
        kind: 'review',
        waitingFor: WaitingFor.Officer,
        status: 'open',
      }),
    ]);
    expect(view.timeline.map((event) => event.type)).toEqual(['waiting', 'decided', 'waiting']);
  });

  it('never shows a task token', async () => {
    // Prepare
    const { deps } = await aCaseWithWaits();

    // Act
    const view = await caseForOfficer(deps, { applicationId, landlordId: 'riverside-homes' });

    // Assess
    for (const wait of view.waits) expect(wait).not.toHaveProperty('taskToken');
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(reviewToken);
    expect(shown).not.toContain(answersToken);
  });

  it('answers an officer of another landlord like a missing case', async () => {
    // Prepare
    const { deps } = await aCaseWithWaits();

    // Act
    const view = caseForOfficer(deps, { applicationId, landlordId: 'cwm-valley-homes' });

    // Assess
    await expect(view).rejects.toThrow(NotFoundError);
  });

  it('answers NotFoundError for an application that does not exist', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const view = caseForOfficer(deps, { applicationId, landlordId: 'riverside-homes' });

    // Assess
    await expect(view).rejects.toThrow(NotFoundError);
  });
});
