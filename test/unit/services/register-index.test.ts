import type { CurrentHome, HouseholdMember } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import {
  eligibility,
  household as householdStage,
  qualification,
  registration,
} from '../../../shared/services/application-stages';
import { updateProfile } from '../../../shared/services/applications';
import { completeLet, makeOffer } from '../../../shared/services/letting-stages';
import { closeCase } from '../../../shared/services/waits';
import { aCompleteApplication, aHome, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * The register index follows the application: the registration stage and a reassessment put the household's
 * entry, closing the case or letting a home takes it off.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const gareth = { subject: 'sub_gareth' };
const rhys: HouseholdMember = {
  memberId: 'm6',
  relationship: 'other-adult',
  firstName: 'Rhys',
  lastName: 'Pritchard',
  dateOfBirth: '2003-03-14',
  sex: 'male',
  unborn: false,
  needsOwnRoomForDisability: false,
};

/** Gareth's household of four on Riverside's register, living in a one-bedroom flat. */
async function registered(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  const complete = aCompleteApplication();
  const currentHome: CurrentHome = {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: 1,
    tenure: 'private-rent',
  };
  await deps.applications.create({ ...complete, profile: { ...complete.profile, currentHome } });
  for (const stage of [eligibility, qualification, householdStage, registration]) {
    await stage(deps, { applicationId });
  }
  return deps;
}

const register = (deps: MemoryDeps) => deps.applications.listRegister('riverside-homes');

describe('the register index', () => {
  it('puts a household on its landlord’s register when the registration stage registers it', async () => {
    // Act
    const deps = await registered();

    // Assess
    expect(await register(deps)).toEqual([
      {
        applicationId,
        landlordId: 'riverside-homes',
        band: 'B',
        effectiveDate: '2026-11-02',
        bedroomNeed: 2,
        householdSize: 4,
        applicantDateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        localConnectionYears: 6,
      },
    ]);
  });

  it('writes the same single entry when the registration stage runs again', async () => {
    // Prepare
    const deps = await registered();

    // Act
    await registration(deps, { applicationId });

    // Assess
    expect(await register(deps)).toHaveLength(1);
  });

  it('rewrites the entry when a change of circumstances changes the household', async () => {
    // Prepare
    const deps = await registered();
    deps.clock.advanceDays(30);

    // Act
    await updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'household',
      body: [...household('coupleWithTwoGirls'), rhys],
    });

    // Assess
    const [entry, ...others] = await register(deps);
    expect(others).toEqual([]);
    expect(entry?.householdSize).toBe(5);
    expect(entry?.bedroomNeed).toBe(3);
  });

  it('takes the household off the register when an officer closes the case, and again on a retry', async () => {
    // Prepare
    const deps = await registered();

    // Act
    await closeCase(deps, { applicationId, stage: Stage.Registered, reason: 'Withdrawn by phone' });
    await deps.applications.putRegistered({
      applicationId,
      landlordId: 'riverside-homes',
      band: 'B',
      effectiveDate: '2026-11-02',
      bedroomNeed: 2,
      householdSize: 4,
    });
    await closeCase(deps, { applicationId, stage: Stage.Registered, reason: 'Withdrawn by phone' });

    // Assess
    expect(await register(deps)).toEqual([]);
  });

  it('takes the household off the register when its home is let', async () => {
    // Prepare
    const deps = await registered();
    await deps.lettings.putHome(aHome({ bedrooms: 2 }));
    const { offerId } = await makeOffer(deps, { applicationId });
    if (!offerId) throw new Error('no offer was made');

    // Act
    await completeLet(deps, { applicationId, offerId });

    // Assess
    expect(await register(deps)).toEqual([]);
  });
});
