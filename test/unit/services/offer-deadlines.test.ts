import type { Application } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';
import { ConflictError, type PendingWait } from '../../../shared/ports';
import { decide } from '../../../shared/services/decisions';
import {
  approveOffer,
  closeOffer,
  lettingExecutionName,
  makeOffer,
  nextOffer,
  offerTimer,
} from '../../../shared/services/letting-stages';
import { syncRegister } from '../../../shared/services/register-index';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * An offer's deadlines with an injected clock (issue 8): approval escalates after the policy's days, the household
 * is reminded before its deadline, no answer by then is a refusal, and the home's next household is found.
 */

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const khans = 'app_fedcba9876543210fedcba9876543210';
const owens = 'app_00000000000000000000000000000001';
const policy = policyFor('riverside-council');
const HOUR = 3_600_000;

function registered(applicationId: string, band: 'A' | 'B' | 'C', effectiveDate: string): Application {
  return aCompleteApplication({
    applicationId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band, effectiveDate, bedroomNeed: 2 },
  });
}

async function world(): Promise<MemoryDeps> {
  const deps = memoryDeps(new Date('2026-11-21T09:00:00Z'));
  for (const application of [
    registered(pritchards, 'B', '2026-01-10'),
    registered(khans, 'A', '2026-06-01'),
    registered(owens, 'B', '2025-03-02'),
  ]) {
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
  }
  await deps.lettings.putHome(aHome());
  return deps;
}

/** The Khans (band A, first on the shortlist) are proposed the home, and an officer approves it now. */
async function liveOffer(deps: MemoryDeps): Promise<string> {
  const { offerId } = await makeOffer(deps, { applicationId: khans, propertyId: 'prop_riverside-14' });
  if (!offerId) throw new Error('no offer');
  await approveOffer(deps, { applicationId: khans, offerId });
  return offerId;
}

/** The reminders sent about the offer (the household also hears when a home is found and the offer is live). */
const reminders = (deps: MemoryDeps) =>
  deps.notifier.sent.filter((message) => message.template === 'offer-reminder');

describe('the approval deadline', () => {
  it('waits for the officer until the policy’s days from the proposal, then escalates', async () => {
    // Prepare
    const deps = await world();
    const { offerId } = await makeOffer(deps, { applicationId: khans, propertyId: 'prop_riverside-14' });
    const input = { applicationId: khans, offerId: offerId ?? '', kind: 'approval' as const };
    const deadline = new Date(
      Date.parse('2026-11-21T09:00:00Z') + policy.waits.officerDecisionDays * 24 * HOUR,
    );

    // Act
    const first = await offerTimer(deps, input);
    deps.clock.advanceDays(policy.waits.officerDecisionDays);
    const late = await offerTimer(deps, input);

    // Assess
    expect(first).toEqual({
      due: 'wait',
      seconds: policy.waits.officerDecisionDays * 86_400,
      deadline: deadline.toISOString(),
    });
    expect(late).toEqual({ due: 'escalate', seconds: 1, deadline: deadline.toISOString() });
    // The household heard a home was found when it was proposed; the timers send nothing.
    expect(deps.notifier.sent.map((message) => message.template)).toEqual(['offer-proposed']);
  });

  it('gives a senior officer the policy’s senior days when the approval is escalated to them', async () => {
    // Prepare
    const deps = await world();
    const { offerId } = await makeOffer(deps, { applicationId: khans, propertyId: 'prop_riverside-14' });
    const wait = { applicationId: khans, stage: Stage.OfficerApproval, kind: 'approval' as const, offerId };

    // Act
    const officer = await awaitPerson(deps, {
      ...wait,
      waitingFor: WaitingFor.Officer,
      taskToken: 'token-1',
    });
    deps.clock.advanceDays(policy.waits.officerDecisionDays);
    const senior = await awaitPerson(deps, {
      ...wait,
      waitingFor: WaitingFor.SeniorOfficer,
      taskToken: 'token-2',
    });

    // Assess: the officer's wait is superseded (off the queue), the senior officer's is due in their days.
    expect(deps.waits.items.get(officer.decisionId)).toMatchObject({
      status: 'decided',
      decision: { superseded: true },
    });
    const parked = deps.waits.items.get(senior.decisionId) as PendingWait;
    expect(parked.waitingFor).toBe(WaitingFor.SeniorOfficer);
    expect(Date.parse(parked.deadline) - deps.clock.now().getTime()).toBe(
      policy.waits.seniorDecisionDays * 24 * HOUR,
    );
    expect((await deps.waits.listQueue('riverside-homes')).map((entry) => entry.decisionId)).toEqual([
      senior.decisionId,
    ]);
  });
});

describe('the household’s deadline to answer', () => {
  it('is set when an officer approves the offer, the policy’s days later', async () => {
    const deps = await world();
    const offerId = await liveOffer(deps);
    expect(deps.lettings.offers.get(offerId)).toMatchObject({
      status: 'awaiting-applicant',
      approvedAt: '2026-11-21T09:00:00.000Z',
      respondBy: new Date(
        Date.parse('2026-11-21T09:00:00Z') + policy.waits.offerResponseDays * 24 * HOUR,
      ).toISOString(),
    });
  });

  it('reminds the household before the deadline, each reminder once, then counts no answer as a refusal', async () => {
    // Prepare: the policy reminds 72 and 24 hours before the deadline.
    const deps = await world();
    const offerId = await liveOffer(deps);
    const respondBy = Date.parse(deps.lettings.offers.get(offerId)?.respondBy ?? '');
    const input = { applicationId: khans, offerId, kind: 'response' as const };
    const [early, late] = [...policy.waits.offerReminderHoursBefore].sort((a, b) => b - a) as [
      number,
      number,
    ];
    const at = (instant: number) => deps.clock.advanceSeconds((instant - deps.clock.now().getTime()) / 1000);

    // Act and assess: right after approval, wait until the first reminder.
    const waiting = await offerTimer(deps, input);
    expect(waiting.due).toBe('wait');
    expect(waiting.deadline).toBe(new Date(respondBy).toISOString());
    expect(deps.clock.now().getTime() + waiting.seconds * 1000).toBe(respondBy - early * HOUR);
    expect(reminders(deps)).toEqual([]);

    at(respondBy - early * HOUR);
    const reminded = await offerTimer(deps, input);
    expect(reminders(deps)).toEqual([
      {
        to: { applicationId: khans },
        template: 'offer-reminder',
        values: {
          deadline: new Date(respondBy).toISOString().slice(0, 10),
          hoursLeft: String(early),
          address: 'Flat 3, 14 Weaver Court, Riverside',
        },
        discardAfter: new Date(respondBy).toISOString(),
      },
    ]);
    expect(deps.clock.now().getTime() + reminded.seconds * 1000).toBe(respondBy - late * HOUR);

    // The same check again (a retried step) sends nothing more.
    await offerTimer(deps, input);
    expect(reminders(deps)).toHaveLength(1);

    at(respondBy - late * HOUR + 1000);
    const last = await offerTimer(deps, input);
    expect(reminders(deps)).toHaveLength(2);
    expect(reminders(deps)[1]?.values.hoursLeft).toBe(String(late));
    expect(deps.clock.now().getTime() + last.seconds * 1000).toBeGreaterThanOrEqual(respondBy);

    at(respondBy);
    expect(await offerTimer(deps, input)).toEqual({
      due: 'lapse',
      seconds: 1,
      deadline: new Date(respondBy).toISOString(),
    });
    expect(reminders(deps)).toHaveLength(2);
    expect(deps.lettings.offers.get(offerId)?.remindersSent).toBe(2);
  });

  it('sends one reminder, not two, when the check comes after both reminder times', async () => {
    const deps = await world();
    const offerId = await liveOffer(deps);
    const respondBy = Date.parse(deps.lettings.offers.get(offerId)?.respondBy ?? '');
    deps.clock.advanceSeconds((respondBy - HOUR - deps.clock.now().getTime()) / 1000);

    const timer = await offerTimer(deps, { applicationId: khans, offerId, kind: 'response' });

    expect(reminders(deps)).toHaveLength(1);
    expect(timer).toMatchObject({ due: 'wait', seconds: 3600 });
  });

  it('refuses to time an answer to an offer nobody has approved', async () => {
    const deps = await world();
    const { offerId } = await makeOffer(deps, { applicationId: khans, propertyId: 'prop_riverside-14' });
    await expect(
      offerTimer(deps, { applicationId: khans, offerId: offerId ?? '', kind: 'response' }),
    ).rejects.toThrow('An offer is answered only after it is approved');
  });

  it('records a lapse as a refusal that frees the home, and the next household is found', async () => {
    // Prepare
    const deps = await world();
    const offerId = await liveOffer(deps);

    // Act
    await closeOffer(deps, {
      applicationId: khans,
      offerId,
      status: 'refused',
      reason: 'No answer by the deadline',
      lapsed: true,
    });
    const next = await nextOffer(deps, { applicationId: khans, offerId });

    // Assess: band B households in effective-date order; the Owens (2025) before the Pritchards (2026).
    expect(deps.lettings.offers.get(offerId)).toMatchObject({ status: 'refused', lapsed: true });
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('available');
    expect(deps.audit.events.map((event) => event.type)).toContain('offer-lapsed');
    expect(next).toEqual({
      outcome: 'next',
      applicationId: owens,
      propertyId: 'prop_riverside-14',
      executionName: lettingExecutionName(owens, 'prop_riverside-14'),
    });
    expect(next.executionName?.length).toBeLessThanOrEqual(80);
  });
});

describe('the next household', () => {
  it('skips households offered the home already and households with an offer in progress', async () => {
    // Prepare: the Khans refused; the Owens have another home proposed.
    const deps = await world();
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-15' }));
    await makeOffer(deps, { applicationId: owens, propertyId: 'prop_riverside-15' });
    const offerId = await liveOffer(deps);
    await closeOffer(deps, { applicationId: khans, offerId, status: 'refused', reason: 'Too far from work' });

    // Act
    const next = await nextOffer(deps, { applicationId: khans, offerId });

    // Assess
    expect(next).toMatchObject({ outcome: 'next', applicationId: pritchards });
  });

  it('finds nobody when the shortlist is used up, or the home is no longer available', async () => {
    const deps = await world();
    let last = '';
    for (const applicationId of [khans, owens, pritchards]) {
      const { offerId } = await makeOffer(deps, { applicationId, propertyId: 'prop_riverside-14' });
      last = offerId ?? '';
      await closeOffer(deps, { applicationId, offerId: last, status: 'withdrawn', reason: 'Not suitable' });
    }
    expect(await nextOffer(deps, { applicationId: pritchards, offerId: last })).toEqual({ outcome: 'none' });

    await deps.lettings.putHome(aHome({ status: 'let' }));
    expect(await nextOffer(deps, { applicationId: pritchards, offerId: last })).toEqual({ outcome: 'none' });
  });
});

describe('an offer of a particular home', () => {
  it('explains the offer by the household’s place on the register', async () => {
    const deps = await world();
    const { offerId } = await makeOffer(deps, { applicationId: owens, propertyId: 'prop_riverside-14' });
    expect(deps.lettings.offers.get(offerId ?? '')?.reasons[0]).toMatchObject({
      rule: 'matching.shortlist',
      answer: 'B 2025-03-02',
    });
  });

  it('passes over a household the home no longer fits, with the rules in the audit trail', async () => {
    const deps = await world();
    await deps.lettings.putHome(aHome({ bedrooms: 1 }));
    expect(await makeOffer(deps, { applicationId: owens, propertyId: 'prop_riverside-14' })).toEqual({
      outcome: 'unavailable',
    });
    expect(deps.lettings.offers.size).toBe(0);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'offer-passed-over',
        facts: { propertyId: 'prop_riverside-14', rules: 'shortlist.bedrooms' },
      }),
    ]);
  });

  it('answers no-home when the home has a live offer already, and unavailable for a household with another offer', async () => {
    const deps = await world();
    await liveOffer(deps);
    expect(await makeOffer(deps, { applicationId: owens, propertyId: 'prop_riverside-14' })).toEqual({
      outcome: 'no-home',
    });
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-15' }));
    expect(await makeOffer(deps, { applicationId: khans, propertyId: 'prop_riverside-15' })).toEqual({
      outcome: 'unavailable',
    });
  });
});

describe('approving an offer through a decision', () => {
  it('makes the offer live; a second approval of the same home is a conflict, and its wait stays open', async () => {
    // Prepare: the home proposed to the Khans and the Owens, each with an officer's approval wait.
    const deps = await world();
    const waits: string[] = [];
    for (const [n, applicationId] of [khans, owens].entries()) {
      const { offerId } = await makeOffer(deps, { applicationId, propertyId: 'prop_riverside-14' });
      const { decisionId } = await awaitPerson(deps, {
        applicationId,
        stage: Stage.OfficerApproval,
        kind: 'approval',
        waitingFor: WaitingFor.Officer,
        taskToken: `token-${n}`,
        offerId,
      });
      waits.push(decisionId);
    }
    const actor = {
      kind: 'officer' as const,
      officerId: 'officer-ellis',
      landlordId: 'riverside-homes',
      roles: ['officer' as const],
    };
    const body = { decision: 'approve', reason: 'Suits the household' };

    // Act
    await decide(deps, { decisionId: waits[0] ?? '', actor, body });
    const second = decide(deps, { decisionId: waits[1] ?? '', actor, body });

    // Assess
    await expect(second).rejects.toThrow(ConflictError);
    await expect(second).rejects.toThrow(/already has a live offer to another household/);
    expect(deps.waits.items.get(waits[1] ?? '')?.status).toBe('open');
    expect(deps.workflow.resumed).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'offer-approved')).toEqual([
      expect.objectContaining({
        applicationId: khans,
        actor: 'officer',
        facts: expect.objectContaining({ officerId: 'officer-ellis' }),
      }),
    ]);
  });
});
