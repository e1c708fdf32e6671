import type { Application } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError, type PendingWait } from '../../../shared/ports';
import { updateProfile } from '../../../shared/services/applications';
import { approveOffer, makeOffer } from '../../../shared/services/letting-stages';
import { syncRegister } from '../../../shared/services/register-index';
import { sweepRetention } from '../../../shared/services/retention';
import { awaitPerson } from '../../../shared/services/waits';
import { withdrawApplication } from '../../../shared/services/withdrawal';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * Withdrawing an application (issue 9) from each stage it can be withdrawn from: the workflow's waits end, a
 * live offer is withdrawn and its home passed on, the household leaves the register, the retention clock
 * starts, the applicant is told, and a second withdrawal answers the same.
 */

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const khans = 'app_fedcba9876543210fedcba9876543210';
const owens = 'app_00000000000000000000000000000001';
const gareth = 'sub_gareth';
const NOW = '2026-11-21T09:00:00.000Z';

function registered(applicationId: string, band: 'A' | 'B' | 'C', effectiveDate: string): Application {
  return aCompleteApplication({
    applicationId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band, effectiveDate, bedroomNeed: 2 },
  });
}

async function world(...applications: Application[]): Promise<MemoryDeps> {
  const deps = memoryDeps(new Date(NOW));
  for (const application of applications) {
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
  }
  await deps.lettings.putHome(aHome());
  return deps;
}

function aWait(change: Partial<PendingWait> = {}): PendingWait {
  return {
    decisionId: 'dec_answers',
    taskToken: 'token-answers',
    applicationId: pritchards,
    landlordId: 'riverside-homes',
    stage: Stage.Household,
    kind: 'answers',
    waitingFor: WaitingFor.Applicant,
    deadline: '2026-12-05T09:00:00.000Z',
    createdAt: NOW,
    status: 'open',
    ...change,
  };
}

const withdraw = (deps: MemoryDeps, body: unknown = {}, subject = gareth, applicationId = pritchards) =>
  withdrawApplication(deps, { subject, applicationId, body });

describe('withdrawing before registration', () => {
  it('closes the application with the withdrawal, ends the workflow’s wait and tells the applicant', async () => {
    // Prepare: the Household stage waits for the applicant's answers
    const deps = await world(aCompleteApplication({ applicationId: pritchards, stage: Stage.Household }));
    await deps.waits.park(aWait());

    // Act
    const result = await withdraw(deps, { reason: '  We have found somewhere to live  ' });

    // Assess
    expect(result).toEqual({
      applicationId: pritchards,
      status: 'withdrawn',
      withdrawnAt: NOW,
      created: true,
    });
    const saved = await deps.applications.get(pritchards);
    expect(saved).toMatchObject({
      status: 'closed',
      withdrawal: { withdrawnAt: NOW, stage: Stage.Household, reason: 'We have found somewhere to live' },
    });
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-answers', error: 'ApplicationWithdrawn' }]);
    expect(deps.waits.items.get('dec_answers')).toMatchObject({
      status: 'decided',
      decision: { withdrawn: true },
    });
    expect(deps.notifier.sent).toEqual([
      {
        to: { applicationId: pritchards },
        template: 'withdrawn',
        values: { stage: 'Your household', withdrawnOn: '2026-11-21' },
      },
    ]);
  });

  it('audits the withdrawal with its stage and whether a reason was given, never the reason', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));

    // Act
    await withdraw(deps, { reason: 'My partner must not find out where I am' });

    // Assess
    expect(deps.audit.events).toEqual([
      {
        applicationId: pritchards,
        at: NOW,
        type: 'withdrawn',
        stage: Stage.Eligibility,
        actor: 'applicant',
        facts: { from: 'in-progress', reasonGiven: true },
      },
    ]);
    expect(JSON.stringify(deps.audit.events)).not.toContain('partner');
  });

  it('starts the retention clock: the passport is deleted by the sweep after its 30 days, not before', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await deps.documents.put(`applications/${pritchards}/doc_passport1`, new Uint8Array([1]), 'image/jpeg');

    // Act
    await withdraw(deps);
    deps.clock.advanceDays(29);
    const early = await sweepRetention(deps);
    deps.clock.advanceDays(1);
    const due = await sweepRetention(deps);

    // Assess
    expect(early.deleted).toBe(0);
    expect(due.deleted).toBe(1);
    const saved = await deps.applications.get(pritchards);
    expect(saved?.documents[0]).toMatchObject({ status: 'deleted', deleteAfter: '2026-12-21T09:00:00.000Z' });
    expect(deps.documents.promoted.size).toBe(0);
  });

  it('takes no more answers: a change is refused with a reason, as a conflict', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await withdraw(deps);

    // Act + Assess
    await expect(
      updateProfile(deps, {
        applicant: { subject: gareth },
        applicationId: pritchards,
        section: 'contact',
        body: { email: 'new@example.org' },
      }),
    ).rejects.toThrow(new JourneyStateError('You withdrew this application, so its answers cannot change'));
  });

  it('ends a workflow that parks a wait after the withdrawal (a machine step was running): nobody is asked', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await withdraw(deps);
    deps.notifier.sent.length = 0;

    // Act
    await awaitPerson(deps, {
      applicationId: pritchards,
      stage: Stage.Qualification,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      taskToken: 'token-late',
    });

    // Assess
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-late', error: 'ApplicationWithdrawn' }]);
    expect(deps.waits.items.size).toBe(0);
    expect(deps.notifier.sent).toEqual([]);
  });
});

describe('withdrawing from the register', () => {
  it('takes the household off its landlord’s register', async () => {
    // Prepare
    const deps = await world(registered(pritchards, 'B', '2026-01-10'), registered(owens, 'B', '2025-03-02'));

    // Act
    await withdraw(deps);

    // Assess
    const register = await deps.applications.listRegister('riverside-homes');
    expect(register.map((entry) => entry.applicationId)).toEqual([owens]);
    expect((await deps.applications.get(pritchards))?.withdrawal?.stage).toBe(Stage.Registered);
  });
});

describe('withdrawing during an offer', () => {
  async function offered(approve: boolean): Promise<{ deps: MemoryDeps; offerId: string }> {
    const deps = await world(
      registered(pritchards, 'A', '2026-01-10'),
      registered(khans, 'B', '2026-06-01'),
      registered(owens, 'B', '2025-03-02'),
    );
    const { offerId } = await makeOffer(deps, { applicationId: pritchards, propertyId: 'prop_riverside-14' });
    if (!offerId) throw new Error('no offer');
    if (approve) await approveOffer(deps, { applicationId: pritchards, offerId });
    await deps.waits.park(
      aWait({
        decisionId: 'dec_response',
        taskToken: 'token-response',
        stage: approve ? Stage.ApplicantResponse : Stage.OfficerApproval,
        kind: approve ? 'response' : 'approval',
        waitingFor: approve ? WaitingFor.Applicant : WaitingFor.Officer,
        offerId,
      }),
    );
    return { deps, offerId };
  }

  it.each([
    ['a live offer waiting for the household’s answer', true],
    ['an offer waiting for an officer’s approval', false],
  ])('withdraws %s, releases the home and offers it to the next household', async (_what, approve) => {
    // Prepare
    const { deps, offerId } = await offered(approve);

    // Act
    await withdraw(deps);

    // Assess
    expect(deps.lettings.offers.get(offerId)).toMatchObject({
      status: 'withdrawn',
      closedReason: 'The household withdrew its application',
    });
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('available');
    const saved = await deps.applications.get(pritchards);
    expect(saved?.currentOfferId).toBeUndefined();
    expect(saved?.withdrawal).toMatchObject({ stage: Stage.Registered, offerId });
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-response', error: 'ApplicationWithdrawn' }]);
    // Band B, earliest effective date first: the Owens (2025) before the Khans.
    expect(deps.workflow.lettings).toEqual([
      { applicationId: owens, name: expect.stringContaining(owens), propertyId: 'prop_riverside-14' },
    ]);
    expect(deps.audit.events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['offer-withdrawn', 'withdrawn']),
    );
  });
});

describe('withdrawing twice, and what cannot be withdrawn', () => {
  it('answers a second withdrawal the same, doing nothing twice', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await deps.waits.park(aWait());
    await withdraw(deps, { reason: 'Moving away' });
    deps.clock.advanceDays(1);

    // Act
    const again = await withdraw(deps, { reason: 'Something else' });

    // Assess
    expect(again).toEqual({
      applicationId: pritchards,
      status: 'withdrawn',
      withdrawnAt: NOW,
      created: false,
    });
    expect((await deps.applications.get(pritchards))?.withdrawal?.reason).toBe('Moving away');
    expect(deps.audit.events.filter((event) => event.type === 'withdrawn')).toHaveLength(1);
    expect(deps.notifier.sent).toHaveLength(1);
    expect(deps.workflow.failed).toHaveLength(1);
  });

  it('finishes on a second try what a failure stopped: the wait is given back, then ended', async () => {
    // Prepare: the workflow service is throttled once
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await deps.waits.park(aWait());
    deps.workflow.failNext = true;

    // Act
    await expect(withdraw(deps)).rejects.toThrow('ThrottlingException');
    const open = await deps.waits.listOpen(pritchards);
    const again = await withdraw(deps);

    // Assess
    expect(open.map((wait) => wait.decisionId)).toEqual(['dec_answers']);
    expect(again.created).toBe(false);
    expect(deps.notifier.sent.map((message) => message.template)).toEqual(['withdrawn']);
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-answers', error: 'ApplicationWithdrawn' }]);
    expect(await deps.waits.listOpen(pritchards)).toEqual([]);
  });

  it('closes a wait the workflow no longer holds (it timed out) without failing the withdrawal', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));
    await deps.waits.park(aWait());
    deps.workflow.failNextWith = 'TaskTimedOut';

    // Act
    const result = await withdraw(deps);

    // Assess
    expect(result.created).toBe(true);
    expect(deps.waits.items.get('dec_answers')?.status).toBe('decided');
  });

  it('answers someone else’s application as a missing one, changing nothing', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));

    // Act + Assess
    await expect(withdraw(deps, {}, 'sub_someone-else')).rejects.toThrow(NotFoundError);
    expect((await deps.applications.get(pritchards))?.status).toBe('in-progress');
  });

  it.each([
    ['let', 'The home is let to you, so there is no application to withdraw'],
    ['closed', 'This application was closed by the lettings team, so there is nothing to withdraw'],
  ] as const)('refuses an application that is %s, saying why', async (status, why) => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards, status }));

    // Act + Assess
    await expect(withdraw(deps)).rejects.toThrow(JourneyStateError);
    await expect(withdraw(deps)).rejects.toThrow(why);
    expect(deps.audit.events).toEqual([]);
  });

  it('refuses a reason longer than 500 characters, withdrawing nothing', async () => {
    // Prepare
    const deps = await world(aCompleteApplication({ applicationId: pritchards }));

    // Act + Assess
    await expect(withdraw(deps, { reason: 'x'.repeat(501) })).rejects.toThrow(
      'Your reason must be 500 characters or fewer',
    );
    expect((await deps.applications.get(pritchards))?.status).toBe('in-progress');
  });
});
