import type { CurrentHome, Decision } from '../../../shared/domain/application';
import { Stage, stageTitles } from '../../../shared/domain/stage';
import {
  eligibility,
  household,
  qualification,
  registration,
} from '../../../shared/services/application-stages';
import { updateProfile } from '../../../shared/services/applications';
import { issueKeys } from '../../../shared/services/keys';
import { closeOffer, completeLet, makeOffer } from '../../../shared/services/letting-stages';
import { overrideDecision } from '../../../shared/services/overrides';
import { syncRegister } from '../../../shared/services/register-index';
import { decideReview, requestReview } from '../../../shared/services/review-requests';
import { aCompleteApplication, aHome, referral } from '../../fixtures/applications';
import { aLetting } from '../../fixtures/lettings';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * Every stage change reaches the applicant through the Notifier (issue 9), not only the waits that ask them for
 * something: each decision, an offer found, an offer ended, the key issued, the move in. What is sent names the
 * stage and the outcome, never a reason or anything the household told us.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const toGareth = { applicationId };
const templatesSent = (deps: MemoryDeps) => deps.notifier.sent.map((message) => message.template);

async function gareth(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  const complete = aCompleteApplication();
  const currentHome: CurrentHome = {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: 1,
    tenure: 'private-rent',
  };
  await deps.applications.create({ ...complete, profile: { ...complete.profile, currentHome } });
  return deps;
}

describe('the applicant hears of every decision', () => {
  it('sends each stage’s decision, from eligibility to registration, with the stage and its outcome only', async () => {
    // Prepare
    const deps = await gareth();

    // Act
    for (const stage of [eligibility, qualification, household, registration]) {
      await stage(deps, { applicationId });
    }

    // Assess
    expect(deps.notifier.sent).toEqual([
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Eligibility], outcome: 'eligible' },
      },
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Qualification], outcome: 'qualifies' },
      },
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Household], outcome: 'recorded' },
      },
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Registered], outcome: 'registered' },
      },
    ]);
  });

  it('sends nothing again when a stage is retried and decides the same', async () => {
    // Prepare
    const deps = await gareth();
    await eligibility(deps, { applicationId });

    // Act
    await eligibility(deps, { applicationId });

    // Assess
    expect(templatesSent(deps)).toEqual(['decision']);
  });

  it('sends nothing while the stage still needs the applicant’s answers (the wait that asks them does)', async () => {
    // Prepare
    const deps = memoryDeps();
    const complete = aCompleteApplication();
    const { immigrationStatus: _unanswered, ...profile } = complete.profile;
    await deps.applications.create({ ...complete, profile });

    // Act
    const result = await eligibility(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('needs-answers');
    expect(deps.notifier.sent).toEqual([]);
  });
});

describe('the applicant hears how their letting goes', () => {
  async function registered(): Promise<MemoryDeps> {
    const deps = memoryDeps();
    const application = aCompleteApplication({
      stage: Stage.Registered,
      status: 'registered',
      registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
    });
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
    await deps.lettings.putHome(aHome());
    return deps;
  }

  it('hears a home was found and that an officer checks it first, with the officers’ days', async () => {
    // Prepare
    const deps = await registered();

    // Act
    await makeOffer(deps, { applicationId, propertyId: 'prop_riverside-14' });

    // Assess
    expect(deps.notifier.sent).toEqual([
      { to: toGareth, template: 'offer-proposed', values: { officerDecisionDays: '10' } },
    ]);
  });

  it('hears an offer ended, and whether it lapsed, once however often the step runs', async () => {
    // Prepare
    const deps = await registered();
    const { offerId } = await makeOffer(deps, { applicationId, propertyId: 'prop_riverside-14' });
    const close = {
      applicationId,
      offerId,
      status: 'refused' as const,
      reason: 'No answer in time',
      lapsed: true,
    };

    // Act
    await closeOffer(deps, close);
    await closeOffer(deps, close);

    // Assess
    expect(deps.notifier.sent.filter((message) => message.template === 'offer-closed')).toEqual([
      { to: toGareth, template: 'offer-closed', values: { status: 'refused', lapsed: 'yes' } },
    ]);
  });

  it('hears the key is ready and from when it works, never the key itself, once', async () => {
    // Prepare
    const deps = memoryDeps();
    const letting = await aLetting(deps);

    // Act
    await issueKeys(deps, { applicationId, offerId: letting.offerId });
    await issueKeys(deps, { applicationId, offerId: letting.offerId });

    // Assess
    expect(deps.notifier.sent).toEqual([
      { to: toGareth, template: 'key-issued', values: { validFrom: letting.startDate } },
    ]);
  });

  it('hears the letting is complete when the Let step runs, once', async () => {
    // Prepare
    const deps = memoryDeps();
    const letting = await aLetting(deps);

    // Act
    await completeLet(deps, { applicationId, offerId: letting.offerId });
    await completeLet(deps, { applicationId, offerId: letting.offerId });

    // Assess
    expect(deps.notifier.sent).toEqual([{ to: toGareth, template: 'let', values: {} }]);
  });
});

describe('the applicant hears an officer’s decisions too', () => {
  const senior = {
    kind: 'officer' as const,
    officerId: 'off_sian',
    landlordId: 'riverside-homes',
    roles: ['officer' as const, 'senior-officer' as const],
  };

  it('hears a senior officer changed the band, without the officer’s reason', async () => {
    // Prepare
    const deps = await gareth();
    for (const stage of [eligibility, qualification, household, registration]) {
      await stage(deps, { applicationId });
    }
    const before = deps.notifier.sent.length;

    // Act
    await overrideDecision(deps, {
      actor: senior,
      applicationId,
      body: { kind: 'band', band: 'A', reason: 'Medical evidence from the GP shows an urgent need.' },
    });

    // Assess
    expect(deps.notifier.sent.slice(before)).toEqual([
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Registered], outcome: 'registered', decidedBy: 'officer' },
      },
    ]);
    expect(JSON.stringify(deps.notifier.sent)).not.toContain('GP');
  });

  it('hears the review it asked for is decided, and how, without the officer’s reasons', async () => {
    // Prepare
    const deps = memoryDeps();
    const eligible = {
      ...referral,
      stage: Stage.Eligibility,
      outcome: 'eligible',
      review: undefined,
    } as never;
    const application = aCompleteApplication({ decisions: [eligible, referral as Decision] });
    await deps.applications.create(application);
    await requestReview(deps, {
      applicant: { subject: application.ownerId },
      applicationId,
      decision: 1,
      body: { reason: 'I have lived here three years.' },
    });

    // Act
    await decideReview(deps, {
      actor: { ...senior, roles: ['officer'] },
      applicationId,
      decision: 1,
      body: { result: 'upheld', reason: 'Council tax records show one year in the area.' },
    });

    // Assess
    expect(deps.notifier.sent).toEqual([
      {
        to: toGareth,
        template: 'review-decided',
        values: { stage: stageTitles[referral.stage], result: 'upheld' },
      },
    ]);
  });
});

describe('the applicant hears what a change of circumstances decided', () => {
  async function registeredGareth(): Promise<MemoryDeps> {
    const deps = await gareth();
    for (const stage of [eligibility, qualification, household, registration]) {
      await stage(deps, { applicationId });
    }
    deps.clock.advanceDays(30);
    return deps;
  }
  const application = (deps: MemoryDeps) => deps.applications.items.get(applicationId);

  it('hears the new registration when a baby raises the bedroom need', async () => {
    // Prepare
    const deps = await registeredGareth();
    const owner = { subject: application(deps)?.ownerId ?? '' };
    const before = deps.notifier.sent.length;
    const baby = {
      memberId: 'm5',
      relationship: 'child' as const,
      firstName: 'Owain',
      lastName: 'Pritchard',
      dateOfBirth: '2026-11-10',
      sex: 'male' as const,
      unborn: false,
      needsOwnRoomForDisability: false,
    };

    // Act
    await updateProfile(deps, {
      applicant: owner,
      applicationId,
      section: 'household',
      body: [...(application(deps)?.profile.household ?? []), baby],
    });

    // Assess
    expect(deps.notifier.sent.slice(before)).toEqual([
      {
        to: toGareth,
        template: 'decision',
        values: { stage: stageTitles[Stage.Registered], outcome: 'registered' },
      },
    ]);
  });

  it('hears an officer is looking when a change is referred, before the officers are told', async () => {
    // Prepare
    const deps = await registeredGareth();
    const owner = { subject: application(deps)?.ownerId ?? '' };
    const before = deps.notifier.sent.length;

    // Act
    await updateProfile(deps, {
      applicant: owner,
      applicationId,
      section: 'income',
      body: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 },
    });

    // Assess
    expect(deps.notifier.sent.slice(before).map((message) => [message.to, message.template])).toEqual([
      [toGareth, 'decision'],
      [{ role: 'officer', landlordId: 'riverside-homes' }, 'reassessment-referred'],
    ]);
    expect(deps.notifier.sent.at(-2)?.values).toEqual({
      stage: stageTitles[Stage.Qualification],
      outcome: 'refer',
    });
  });
});
