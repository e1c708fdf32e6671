import { ZodError } from 'zod';
import type { Application, CurrentHome, HouseholdMember } from '../../../shared/domain/application';
import { letterNumbers } from '../../../shared/domain/letters';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import {
  eligibility,
  household as householdStage,
  qualification,
  registration,
} from '../../../shared/services/application-stages';
import { updateProfile } from '../../../shared/services/applications';
import { overrideDecision } from '../../../shared/services/overrides';
import { aCompleteApplication, aHome, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const gareth = { subject: 'sub_gareth' };
/** Overrides are a senior officer's (shared/services/overrides.ts). */
const officer = {
  kind: 'officer' as const,
  officerId: 'off_siân',
  landlordId: 'riverside-homes',
  roles: ['officer' as const, 'senior-officer' as const],
};

/** A son born on 10 November 2026: a new baby (Owain shares with Elin, both under 10, or has a room). */
const owain: HouseholdMember = {
  memberId: 'm5',
  relationship: 'child',
  firstName: 'Owain',
  lastName: 'Pritchard',
  dateOfBirth: '2026-11-10',
  sex: 'male',
  unborn: false,
  needsOwnRoomForDisability: false,
};
/** Gareth's grown-up son, who lives with them until he moves out. */
const rhys: HouseholdMember = { ...owain, memberId: 'm6', firstName: 'Rhys', dateOfBirth: '2003-03-14' };
const gareths = household('coupleWithTwoGirls');

/**
 * Gareth's household, put on Riverside's register by the Application stages on 2 November 2026 (no home fits
 * then), living in a home of `bedrooms` bedrooms. Then 30 days pass.
 */
async function registered(
  options: { bedrooms?: number; members?: HouseholdMember[] } = {},
): Promise<MemoryDeps> {
  const deps = memoryDeps();
  const complete = aCompleteApplication();
  const currentHome: CurrentHome = {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: options.bedrooms ?? 1,
    tenure: 'private-rent',
  };
  await deps.applications.create({
    ...complete,
    profile: { ...complete.profile, household: options.members ?? gareths, currentHome },
  });
  for (const stage of [eligibility, qualification, householdStage, registration]) {
    await stage(deps, { applicationId });
  }
  deps.clock.advanceDays(30);
  return deps;
}

async function stored(deps: MemoryDeps): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('the application was not stored');
  return application;
}

const change = (deps: MemoryDeps, section: 'household' | 'income', body: unknown) =>
  updateProfile(deps, { applicant: gareth, applicationId, section, body });

describe('a change of circumstances after registration', () => {
  it('registers the household first (the Application stages)', async () => {
    const application = await stored(await registered());
    expect(application.status).toBe('registered');
    expect(application.registration).toEqual({ band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 });
  });

  it('a new baby raises the bedroom need; the band stays, and so does its effective date', async () => {
    // Prepare: a one-bedroom home, overcrowded already (band B).
    const deps = await registered();
    const before = (await stored(deps)).decisions.length;

    // Act
    const result = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(result.reassessment).toEqual({ outcome: 'registered', matching: 'no-home' });
    const application = await stored(deps);
    expect(application.registration).toEqual({ band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 3 });
    expect(application.decisions).toHaveLength(before + 1);
    const decision = application.decisions.at(-1);
    expect(decision).toMatchObject({
      stage: Stage.Registered,
      outcome: 'registered',
      decidedBy: 'system',
      decidedAt: '2026-12-02T09:30:00.000Z',
      review: { withinDays: 21 },
    });
    expect(decision?.reasons[0]).toMatchObject({
      rule: 'reassessment.change',
      clause: 'Housing Act 1996 s166A(1)',
      answer: 'household',
    });
    expect(decision?.reasons[0]?.text).toMatch(
      /^You told us the people in your household changed, so .*you now need 3 bedrooms \(before, 2\)/,
    );
    expect(decision?.reasons.find((reason) => reason.rule === 'priority.effective-date')?.text).toContain(
      'keep your effective date, 2026-11-02',
    );
    // A change to the registration is a decision the household is told about in writing, and the Letters
    // workflow is started (once, by name) to write its PDF, which this function cannot.
    expect(letterNumbers(application)).toContain(application.decisions.length - 1);
    expect(deps.workflow.letters).toEqual([
      { applicationId, name: `letters-${applicationId}-${application.decisions.length}` },
    ]);
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'decision',
      stage: Stage.Registered,
      facts: expect.objectContaining({ reassessment: true }),
    });
  });

  it('a new baby that makes the home overcrowded raises the band from the day of the change, and matching starts a Letting', async () => {
    // Prepare: a two-bedroom home fits four (band D), and a three-bedroom home is free.
    const deps = await registered({ bedrooms: 2 });
    expect((await stored(deps)).registration?.band).toBe('D');
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-21', bedrooms: 3 }));

    // Act
    const result = await change(deps, 'household', [...gareths, owain]);

    // Assess
    const application = await stored(deps);
    expect(application.registration).toEqual({ band: 'B', effectiveDate: '2026-12-02', bedroomNeed: 3 });
    expect(result.reassessment).toEqual({ outcome: 'registered', matching: 'letting-started' });
    const number = application.decisions.length - 1;
    expect(deps.workflow.lettings).toEqual([{ applicationId, name: `${applicationId}-change-${number}` }]);
  });

  it('someone moving out lowers the need, and a lower band goes back to the day they joined the register', async () => {
    // Prepare: Rhys (23) has a room of his own in a three-bedroom home (band D); the baby makes it overcrowded
    // (band B from 2 December).
    const deps = await registered({ bedrooms: 3, members: [...gareths, rhys] });
    expect((await stored(deps)).registration).toEqual({
      band: 'D',
      effectiveDate: '2026-11-02',
      bedroomNeed: 3,
    });
    await change(deps, 'household', [...gareths, rhys, owain]);
    expect((await stored(deps)).registration).toEqual({
      band: 'B',
      effectiveDate: '2026-12-02',
      bedroomNeed: 4,
    });
    deps.clock.advanceDays(10);

    // Act: Rhys moves out.
    const result = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(result.reassessment?.outcome).toBe('registered');
    const application = await stored(deps);
    expect(application.registration).toEqual({ band: 'D', effectiveDate: '2026-11-02', bedroomNeed: 3 });
    expect(application.decisions.at(-1)?.reasons[0]?.text).toContain('your band went from B to D');
    expect(application.decisions.at(-1)?.reasons[0]?.text).toContain('you now need 3 bedrooms (before, 4)');
  });

  it('an income rise over the cap refers the household to an officer and changes nothing else', async () => {
    // Prepare
    const deps = await registered();
    const before = await stored(deps);

    // Act: £7,000 a month is £84,000 a year, over Riverside's £60,000 cap.
    const result = await change(deps, 'income', { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 });

    // Assess
    expect(result.reassessment).toEqual({ outcome: 'refer' });
    const application = await stored(deps);
    expect(application.status).toBe('registered');
    expect(application.registration).toEqual(before.registration);
    const referral = application.decisions.at(-1);
    expect(referral).toMatchObject({ stage: Stage.Qualification, outcome: 'refer', decidedBy: 'system' });
    expect(referral?.reasons[0]?.text).toMatch(/^You told us your income or savings changed/);
    expect(referral?.next).toMatch(/You stay on the housing register/);
    expect(referral?.review?.route).toContain('s166A(9)');
    // A referral is not a letter: nothing has been decided against the household yet.
    expect(letterNumbers(application)).toEqual(letterNumbers(before));
    expect(deps.notifier.sent.at(-1)).toMatchObject({
      to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
      template: 'reassessment-referred',
    });
  });

  it('holds a household change while a referral waits, and assesses it once an officer lets the household stay', async () => {
    // Prepare: referred on income, then a baby arrives.
    const deps = await registered();
    await change(deps, 'income', { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 });
    const held = await change(deps, 'household', [...gareths, owain]);
    expect(held.reassessment).toEqual({ outcome: 'refer' });
    expect((await stored(deps)).registration?.bedroomNeed).toBe(2);

    // Act
    const result = await overrideDecision(deps, {
      actor: officer,
      applicationId,
      body: { kind: 'proceed', reason: 'The rise is a one-off bonus; usual pay is under the cap.' },
    });

    // Assess
    expect(result).toMatchObject({ outcome: 'overridden', reassessment: { outcome: 'registered' } });
    const application = await stored(deps);
    expect(application.registration?.bedroomNeed).toBe(3);
    const officers = application.decisions.filter((decision) => decision.decidedBy === 'officer');
    expect(officers).toEqual([
      expect.objectContaining({
        stage: Stage.Qualification,
        outcome: 'qualifies',
        reasons: [
          expect.objectContaining({ rule: 'officer.override', text: expect.stringMatching(/bonus/) }),
        ],
      }),
    ]);
    // The same income again keeps the officer's decision: no new referral.
    const again = await change(deps, 'income', { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 });
    expect(again.reassessment?.outcome).toBe('unchanged');
  });

  it('leaves a live offer as it is and notes it for an officer', async () => {
    // Prepare: an offer of a two-bedroom home is waiting for Gareth's answer.
    const deps = await registered();
    await deps.lettings.putHome(aHome());
    const offerId = 'off_0123456789abcdef';
    await deps.lettings.createOffer({
      offerId,
      applicationId,
      propertyId: 'prop_riverside-14',
      landlordId: 'riverside-homes',
      status: 'awaiting-applicant',
      reasons: [],
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    const application = await stored(deps);
    await deps.applications.save({ ...application, status: 'offered', currentOfferId: offerId });
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-21', bedrooms: 3 }));

    // Act
    const result = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(result.reassessment).toEqual({ outcome: 'registered', matching: 'offer-live' });
    expect((await deps.lettings.getOffer(offerId))?.status).toBe('awaiting-applicant');
    const after = await stored(deps);
    expect(after).toMatchObject({ status: 'offered', currentOfferId: offerId });
    expect(after.registration?.bedroomNeed).toBe(3);
    expect(after.decisions.at(-1)?.next).toMatch(/offer of a home already: it stays as it is/);
    expect(deps.workflow.lettings).toEqual([]);
    expect(deps.audit.events).toContainEqual(
      expect.objectContaining({
        type: 'offer-needs-check',
        facts: { offerId, bedroomNeedBefore: 2, bedroomNeedNow: 3 },
      }),
    );
    expect(deps.notifier.sent.at(-1)).toMatchObject({ template: 'offer-needs-check' });
  });

  it('records the same change once, however often it is sent', async () => {
    // Prepare
    const deps = await registered({ bedrooms: 2 });
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-21', bedrooms: 3 }));

    // Act
    const first = await change(deps, 'household', [...gareths, owain]);
    const decisions = (await stored(deps)).decisions.length;
    const second = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(first.reassessment?.outcome).toBe('registered');
    expect(second.reassessment?.outcome).toBe('unchanged');
    expect((await stored(deps)).decisions).toHaveLength(decisions);
    expect(deps.workflow.lettings).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'decision')).toHaveLength(
      // Eligibility, Qualification, Household, Registered, then the change.
      5,
    );
  });

  it('starts the Letting on a repeated request when the first start failed after the decision was saved', async () => {
    // Prepare
    const deps = await registered({ bedrooms: 2 });
    await deps.lettings.putHome(aHome({ propertyId: 'prop_riverside-21', bedrooms: 3 }));
    deps.workflow.failNext = true;
    await expect(change(deps, 'household', [...gareths, owain])).rejects.toThrow('ThrottlingException');
    expect(deps.workflow.lettings).toEqual([]);

    // Act
    const retried = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(retried.reassessment).toEqual({ outcome: 'unchanged', matching: 'letting-started' });
    expect(deps.workflow.lettings).toHaveLength(1);
  });

  it('does nothing of the kind before registration: the Application workflow assesses there', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create(aCompleteApplication());

    // Act
    const result = await change(deps, 'household', [...gareths, owain]);

    // Assess
    expect(result.reassessment).toBeUndefined();
    expect((await stored(deps)).decisions).toEqual([]);
  });
});

describe('an officer overriding a registered household’s decision', () => {
  it('changes the band with a recorded reason; a higher band is effective from that day', async () => {
    // Prepare
    const deps = await registered({ bedrooms: 2 });

    // Act
    const result = await overrideDecision(deps, {
      actor: officer,
      applicationId,
      body: {
        kind: 'band',
        band: 'B',
        reason: 'Medical evidence of an urgent need the form could not capture.',
      },
    });

    // Assess
    expect(result).toEqual({ applicationId, outcome: 'overridden' });
    const application = await stored(deps);
    expect(application.registration).toEqual({ band: 'B', effectiveDate: '2026-12-02', bedroomNeed: 2 });
    const decision = application.decisions.at(-1);
    expect(decision).toMatchObject({
      stage: Stage.Registered,
      outcome: 'registered',
      decidedBy: 'officer',
      reasons: [
        expect.objectContaining({
          rule: 'officer.override',
          text: expect.stringMatching(/^An officer changed your band from D to B: Medical/),
        }),
        expect.objectContaining({ rule: 'priority.effective-date' }),
      ],
    });
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'overridden',
      actor: 'officer',
      facts: { kind: 'band', from: 'D', to: 'B' },
    });
    // The officer's band stands while the answers it was set on stay the same.
    const same = await change(deps, 'household', gareths);
    expect(same.reassessment?.outcome).toBe('unchanged');
    expect((await stored(deps)).registration?.band).toBe('B');
  });

  it('writes nothing when the band is already the one asked for, and asks for no letter', async () => {
    const deps = await registered();
    // The registration letter's PDF was written by the register step.
    const application = await stored(deps);
    await deps.applications.save({
      ...application,
      decisions: application.decisions.map((decision) =>
        decision.outcome === 'registered'
          ? {
              ...decision,
              letter: { key: 'letters/x.pdf', sha256: 'a'.repeat(64), madeAt: decision.decidedAt },
            }
          : decision,
      ),
    });
    const result = await overrideDecision(deps, {
      actor: officer,
      applicationId,
      body: { kind: 'band', band: 'B', reason: 'Checked.' },
    });
    expect(result.outcome).toBe('unchanged');
    expect(deps.workflow.letters).toEqual([]);
  });

  it('has the Letters workflow write the new band’s letter, and a retried override starts it only once', async () => {
    // Prepare
    const deps = await registered({ bedrooms: 2 });
    const body = { kind: 'band', band: 'B', reason: 'Medical evidence.' };

    // Act
    await overrideDecision(deps, { actor: officer, applicationId, body });
    await overrideDecision(deps, { actor: officer, applicationId, body });

    // Assess
    const decisions = (await stored(deps)).decisions.length;
    expect(deps.workflow.letters).toEqual([{ applicationId, name: `letters-${applicationId}-${decisions}` }]);
  });

  it('closes the case on a referral, and the letter confirms the adverse decision', async () => {
    // Prepare
    const deps = await registered();
    await change(deps, 'income', { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 });

    // Act
    const result = await overrideDecision(deps, {
      actor: officer,
      applicationId,
      body: { kind: 'close', reason: 'Payslips confirm £84,000 a year.' },
    });

    // Assess
    expect(result.outcome).toBe('closed');
    const application = await stored(deps);
    expect(application.status).toBe('closed');
    expect(application.decisions.at(-1)).toMatchObject({ stage: Stage.Qualification, decidedBy: 'officer' });
    expect(letterNumbers(application)).toContain(application.decisions.length - 1);
  });

  it('needs a reason, the officer’s own landlord, and a registered household', async () => {
    const deps = await registered();
    await expect(
      overrideDecision(deps, { actor: officer, applicationId, body: { kind: 'band', band: 'A' } }),
    ).rejects.toThrow(ZodError);
    await expect(
      overrideDecision(deps, {
        actor: { ...officer, landlordId: 'cwm-valley-homes' },
        applicationId,
        body: { kind: 'band', band: 'A', reason: 'Urgent.' },
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      overrideDecision(deps, { actor: officer, applicationId, body: { kind: 'proceed', reason: 'Fine.' } }),
    ).rejects.toThrow(JourneyStateError);

    const early = memoryDeps();
    await early.applications.create(aCompleteApplication());
    await expect(
      overrideDecision(early, {
        actor: officer,
        applicationId,
        body: { kind: 'band', band: 'A', reason: 'Urgent.' },
      }),
    ).rejects.toThrow(JourneyStateError);
  });
});
