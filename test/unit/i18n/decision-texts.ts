import {
  Circumstances,
  CurrentHome,
  type HouseholdMember,
  ImmigrationStatus,
  LocalConnection,
  Tenure,
} from '../../../shared/domain/application.js';
import { allocationBedroomNeed } from '../../../shared/domain/bedrooms.js';
import { assessEligibility } from '../../../shared/domain/eligibility.js';
import { assessQualification } from '../../../shared/domain/qualification.js';
import { register } from '../../../shared/domain/registration.js';
import { policyFor } from '../../../shared/policies.js';
import { person } from '../../support/households.js';

/**
 * Every text a decision can give an applicant, from every answer the journey asks about, under both councils:
 * what the Welsh catalogue's test (decision-reasons.test.ts) checks and the reading-age bench scores.
 */

export const DECISION_POLICIES = [policyFor('riverside-council'), policyFor('cwm-valley')];
export const DECIDED_AT = '2026-11-02T10:00:00.000Z';
export const DECIDED_ON = '2026-11-29';

/** Every text an eligibility decision can give, for every answer the journey asks about, in both countries. */
export function eligibilityTexts(): string[] {
  return DECISION_POLICIES.flatMap((policy) =>
    ImmigrationStatus.options.flatMap((immigrationStatus) => {
      const decision = assessEligibility({ immigrationStatus, policy, decidedAt: DECIDED_AT });
      return [...decision.reasons.map((reason) => reason.text), decision.next];
    }),
  );
}

/**
 * Every text a qualification decision can give: in Wales, and in England each rule met and not met, every way
 * round the residence rule (and every way it is not met, under a policy that accepts work or close family
 * instead), an applicant too young, income and savings over and under the caps or not yet given.
 */
export function qualificationTexts(): string[] {
  const [riverside, cwmValley] = DECISION_POLICIES;
  if (!riverside || !cwmValley) throw new Error('Both policies are needed');
  const instead = (work: boolean, closeFamily: boolean) => ({
    ...riverside,
    qualification: { ...riverside.qualification, residenceAlternatives: { work, closeFamily } },
  });
  const adult = { dateOfBirth: '1994-03-14' };
  const seventeen = { dateOfBirth: '2009-06-01' };
  const under = { monthlyEarnings: 200_000, monthlyBenefits: 0, savings: 100_000 };
  const over = { monthlyEarnings: 600_000, monthlyBenefits: 25_050, savings: 2_000_000 };
  const connections = [
    { yearsInArea: 6 },
    { yearsInArea: 1 },
    { yearsInArea: 0 },
    { yearsInArea: 1, armedForces: true },
    { yearsInArea: 1, rightToMove: true },
    { yearsInArea: 1, fleeingDomesticAbuse: true },
    { yearsInArea: 1, careLeaver: true },
    { yearsInArea: 1, worksInArea: true },
    { yearsInArea: 1, closeFamilyInArea: true },
    { yearsInArea: 1, worksInArea: true, closeFamilyInArea: true, careLeaver: true },
  ].map((answers) => LocalConnection.parse(answers));
  const circumstances = [
    {},
    { ownsProperty: true, unacceptableBehaviour: true, formerTenancyArrears: 250_000 },
    { formerTenancyArrears: 50_000 },
    { formerTenancyArrears: 250_000, arrearsRepaymentPlanKept: true },
  ].map((answers) => Circumstances.parse(answers));
  const decisions = [
    riverside,
    instead(false, true),
    instead(true, true),
    instead(false, false),
    cwmValley,
  ].flatMap((policy) =>
    [adult, seventeen].flatMap((applicant) =>
      connections.flatMap((localConnection) =>
        [under, over, undefined].flatMap((income) =>
          circumstances.map((answers) =>
            assessQualification({
              applicant,
              localConnection,
              income,
              circumstances: answers,
              policy,
              decidedAt: DECIDED_AT,
            }),
          ),
        ),
      ),
    ),
  );
  return [
    ...new Set(
      decisions.flatMap((decision) => [...decision.reasons.map((reason) => reason.text), decision.next]),
    ),
  ];
}

/**
 * Every text a registration decision gives of its own (the bedroom need's reasons are bedrooms.ts's): every
 * home, each reasonable-preference group alone and all at once, the armed forces' urgent need, none of them,
 * a first registration and a band gone up, kept or gone down, needing one bedroom or two, in both countries.
 */
export function registrationTexts(): string[] {
  const homes = Tenure.options.map((tenure) =>
    CurrentHome.parse({ tenure, bedrooms: 1, addressLine: '12 Mill Lane', postcode: 'RV1 4AB' }),
  );
  const circumstances = [
    {},
    { homelessnessDuty: 'prevention' },
    { homelessnessDuty: 'relief' },
    { homelessnessDuty: 'main' },
    { disrepair: true },
    { medicalNeed: 'moderate' },
    { medicalNeed: 'urgent' },
    { hardshipMove: true },
    { homelessnessDuty: 'main', disrepair: true, medicalNeed: 'urgent', hardshipMove: true },
  ].map((answers) => Circumstances.parse(answers));
  const previous = (band: 'A' | 'B' | 'C' | 'D') => ({
    registration: { band, effectiveDate: '2026-03-01', bedroomNeed: 2 },
    registeredOn: '2026-01-15',
  });
  const decisions = DECISION_POLICIES.flatMap((policy) =>
    homes.flatMap((currentHome) =>
      circumstances.flatMap((answers) =>
        [1, 2].flatMap((bedrooms) =>
          [undefined, previous('A'), previous('C'), previous('D')].flatMap((before) =>
            [true, false].map(
              (armedForces) =>
                register({
                  need: { bedrooms, reasons: [] },
                  currentHome,
                  circumstances: answers,
                  localConnection: { armedForces },
                  policy,
                  decidedAt: DECIDED_AT,
                  previous: before,
                }).decision,
            ),
          ),
        ),
      ),
    ),
  );
  return [
    ...new Set(
      decisions.flatMap((decision) => [...decision.reasons.map((reason) => reason.text), decision.next]),
    ),
  ];
}

const you = (extra = {}) => person('applicant', 'Siân', 'female', '1990-02-03', extra);
const partner = (extra = {}) => person('partner', 'Dafydd', 'male', '1989-05-01', extra);
const child = (name: string, sex: 'male' | 'female', dateOfBirth: string, extra = {}) =>
  person('child', name, sex, dateOfBirth, extra);

/** Each way a household's bedrooms are counted: the households the reading-age bench scores. */
export function bedroomHouseholds(): HouseholdMember[][] {
  return [
    [you()],
    [you(), partner()],
    [you({ needsOwnRoomForDisability: true }), partner()],
    [you(), person('lodger', 'Rhys', 'male', '1980-01-01')],
    [you(), child('Nel', 'female', '2027-01-10', { unborn: true, dueDate: '2027-01-10' })],
    [you(), child('Gwen', 'female', '2007-01-01'), child('Mali', 'female', '2005-01-01')],
    [
      you(),
      child('Osian', 'male', '2021-01-01'),
      child('Ifan', 'male', '2019-01-01'),
      child('Cai', 'male', '2018-01-01', { needsOwnRoomForDisability: true }),
    ],
    [
      you(),
      child('Osian', 'male', '2022-01-01'),
      child('Lowri', 'female', '2020-01-01'),
      child('Elin', 'female', '2014-01-01'),
    ],
    [you({ needsOvernightCarer: true })],
    [you(), partner({ needsOvernightCarer: true })],
    [you(), child('Osian', 'male', '2018-01-01', { needsOvernightCarer: true })],
    [you(), person('other-adult', 'Rhys', 'male', '1980-01-01')],
  ];
}

/**
 * Three more the Welsh catalogue's test counts too (the bench's published figures were taken without them): a
 * baby due after the counting date, two young children alone, a couple who both need an overnight carer.
 */
export function moreBedroomHouseholds(): HouseholdMember[][] {
  return [
    [you(), child('Nel', 'female', '2027-06-01', { unborn: true, dueDate: '2027-06-01' })],
    [you(), child('Osian', 'male', '2022-01-01'), child('Lowri', 'female', '2020-01-01')],
    [you({ needsOvernightCarer: true }), partner({ needsOvernightCarer: true })],
  ];
}

/**
 * Every reason a council's bedroom need gives (allocation schemes; the size criteria an offer's affordability
 * uses are not yet in Welsh) for each household given, under both councils' standards.
 */
export function bedroomTexts(households: readonly HouseholdMember[][] = bedroomHouseholds()): string[] {
  return [
    ...new Set(
      DECISION_POLICIES.flatMap((policy) =>
        households.flatMap((household) =>
          allocationBedroomNeed({ household, on: DECIDED_ON, policy }).reasons.map((reason) => reason.text),
        ),
      ),
    ),
  ];
}
