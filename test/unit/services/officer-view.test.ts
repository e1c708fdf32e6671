import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { NotFoundError } from '../../../shared/ports';
import { decide } from '../../../shared/services/decisions';
import { caseForOfficer, officerQueue } from '../../../shared/services/officer-view';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { parkAnswersWait } from '../../support/waits';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const reviewToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXJldmlldy10b2tlbi1zZWNyZXQ=review-7f3a';
const answersToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-91c2';

/** A case with an open officer review and an answers wait the applicant has already answered. */
async function aCaseWithWaits(): Promise<{ deps: MemoryDeps; reviewId: string; answersId: string }> {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication());
  const answersId = await parkAnswersWait(deps, { applicationId, taskToken: answersToken });
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

describe('officerQueue', () => {
  const cwmApplicationId = 'app_fedcba9876543210fedcba9876543210';
  const token = (name: string) => `AQCEAAAAKgAAAAMAAAAAAAAAAc2VjcmV0=${name}-token`;

  /**
   * Riverside's queue: a review (due first), an attention wait escalated to a senior officer, an offer to
   * approve (due last), and the applicant's own wait; Cwm Valley has an approval of its own.
   */
  async function aLandlordsQueue(): Promise<{
    deps: MemoryDeps;
    ids: { review: string; attention: string; answers: string; approval: string; cwmApproval: string };
  }> {
    const deps = memoryDeps();
    await deps.applications.create(aCompleteApplication({ stage: Stage.Verification }));
    await deps.applications.create(
      aCompleteApplication({
        applicationId: cwmApplicationId,
        landlordId: 'cwm-valley-homes',
        policyId: 'cwm-valley',
        stage: Stage.OfficerApproval,
      }),
    );
    const park = (input: Omit<Parameters<typeof awaitPerson>[1], 'applicationId'>, id = applicationId) =>
      awaitPerson(deps, { applicationId: id, ...input }).then(({ decisionId }) => decisionId);
    const review = await park({
      stage: Stage.Verification,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      taskToken: token('review'),
    });
    deps.clock.advanceDays(1);
    const attention = await park({
      stage: Stage.Documents,
      kind: 'attention',
      waitingFor: WaitingFor.SeniorOfficer,
      taskToken: token('attention'),
      error: { Error: 'States.TaskFailed' },
    });
    const answers = await park({
      stage: Stage.Verification,
      kind: 'answers',
      waitingFor: WaitingFor.Applicant,
      taskToken: token('answers'),
    });
    deps.clock.advanceDays(1);
    const approval = await park({
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      taskToken: token('approval'),
      offerId: 'off_0123456789abcdef01234567',
    });
    const cwmApproval = await park(
      {
        stage: Stage.OfficerApproval,
        kind: 'approval',
        waitingFor: WaitingFor.Officer,
        taskToken: token('cwm-approval'),
      },
      cwmApplicationId,
    );
    return { deps, ids: { review, attention, answers, approval, cwmApproval } };
  }

  it('lists the waits officers must act on, soonest deadline first, with counts per view', async () => {
    // Prepare
    const { deps, ids } = await aLandlordsQueue();

    // Act
    const queue = await officerQueue(deps, { landlordId: 'riverside-homes' });

    // Assess
    expect(queue.entries.map((entry) => entry.decisionId)).toEqual([ids.review, ids.attention, ids.approval]);
    expect(queue.entries[1]).toEqual({
      decisionId: ids.attention,
      applicationId,
      landlordId: 'riverside-homes',
      stage: Stage.Documents,
      kind: 'attention',
      waitingFor: WaitingFor.SeniorOfficer,
      deadline: '2026-11-13T09:30:00.000Z',
      createdAt: '2026-11-03T09:30:00.000Z',
      problem: 'States.TaskFailed',
      status: 'open',
      applicationStage: Stage.Verification,
    });
    expect(queue.counts).toEqual({
      all: 3,
      approvals: 1,
      documents: 1,
      referrals: 1,
      reviews: 0,
      'near-deadline': 0,
    });
    expect(queue.page).toEqual({ number: 1, pages: 1, size: 50 });
  });

  it('shows a wait being decided until its decision is recorded', async () => {
    // Prepare
    const { deps, ids } = await aLandlordsQueue();
    await deps.waits.claim(ids.review);
    const whileDeciding = await officerQueue(deps, { landlordId: 'riverside-homes' });

    // Act
    await deps.waits.complete(ids.review, { decision: 'proceed' });
    const decided = await officerQueue(deps, { landlordId: 'riverside-homes' });

    // Assess
    expect(whileDeciding.entries[0]).toMatchObject({ decisionId: ids.review, status: 'deciding' });
    expect(decided.entries.map((entry) => entry.decisionId)).toEqual([ids.attention, ids.approval]);
    expect(decided.counts.documents).toBe(0);
  });

  it('narrows the list by kind or by role, and still counts the whole queue', async () => {
    // Prepare
    const { deps, ids } = await aLandlordsQueue();

    // Act
    const approvals = await officerQueue(deps, {
      landlordId: 'riverside-homes',
      filter: { kind: 'approval' },
    });
    const escalations = await officerQueue(deps, {
      landlordId: 'riverside-homes',
      filter: { waitingFor: WaitingFor.SeniorOfficer },
    });

    // Assess
    expect(approvals.entries.map((entry) => entry.decisionId)).toEqual([ids.approval]);
    expect(escalations.entries.map((entry) => entry.decisionId)).toEqual([ids.attention]);
    expect(approvals.counts).toEqual(escalations.counts);
    expect(approvals.counts.documents).toBe(1);
  });

  it('shows another landlord’s officers none of these waits, and never a task token', async () => {
    // Prepare
    const { deps, ids } = await aLandlordsQueue();

    // Act
    const riverside = await officerQueue(deps, { landlordId: 'riverside-homes' });
    const cwm = await officerQueue(deps, { landlordId: 'cwm-valley-homes' });

    // Assess
    expect(cwm.entries.map((entry) => [entry.decisionId, entry.applicationStage])).toEqual([
      [ids.cwmApproval, Stage.OfficerApproval],
    ]);
    const shown = JSON.stringify([riverside, cwm]);
    expect(shown).not.toContain('taskToken');
    expect(shown).not.toContain('-token');
  });

  it('leaves out of the page a wait whose application is gone', async () => {
    // Prepare
    const { deps } = await aLandlordsQueue();
    deps.applications.items.delete(applicationId);

    // Act
    const queue = await officerQueue(deps, { landlordId: 'riverside-homes' });

    // Assess
    expect(queue.entries).toEqual([]);
  });

  it('shows one view at a time (documents, referrals, near the deadline) and still counts the whole queue', async () => {
    // Prepare
    const { deps, ids } = await aLandlordsQueue();
    // Now 2026-11-10T09:30Z: the review is due in exactly two days, the attention wait in three.
    deps.clock.advanceDays(6);

    // Act
    const views = await Promise.all(
      (['documents', 'referrals', 'near-deadline', 'reviews'] as const).map((show) =>
        officerQueue(deps, { landlordId: 'riverside-homes', filter: { show } }),
      ),
    );

    // Assess
    expect(views.map((view) => view.entries.map((entry) => entry.decisionId))).toEqual([
      [ids.review],
      [ids.attention],
      [ids.review],
      [],
    ]);
    expect(views.map((view) => view.show)).toEqual(['documents', 'referrals', 'near-deadline', 'reviews']);
    expect(views[2]?.counts).toEqual({
      all: 3,
      approvals: 1,
      documents: 1,
      referrals: 1,
      reviews: 0,
      'near-deadline': 1,
    });
  });

  it('shows the queue 50 at a time, the last page for a page past the end, with counts over all of it', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create(aCompleteApplication({ stage: Stage.OfficerApproval }));
    for (let n = 0; n < 51; n += 1)
      await awaitPerson(deps, {
        applicationId,
        stage: Stage.OfficerApproval,
        kind: 'approval',
        waitingFor: WaitingFor.Officer,
        taskToken: token(`approval-${n}`),
      });

    // Act
    const first = await officerQueue(deps, { landlordId: 'riverside-homes' });
    const past = await officerQueue(deps, { landlordId: 'riverside-homes', filter: { page: 9 } });

    // Assess
    expect(first.entries).toHaveLength(50);
    expect(first.page).toEqual({ number: 1, pages: 2, size: 50 });
    expect(past.entries).toHaveLength(1);
    expect(past.page).toEqual({ number: 2, pages: 2, size: 50 });
    expect(past.counts.approvals).toBe(51);
    expect(past.entries[0]?.decisionId).not.toBe(first.entries.at(-1)?.decisionId);
  });
});
