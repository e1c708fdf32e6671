import type { Property } from '../../../shared/domain/letting';
import {
  registeredHousehold,
  type ShortlistCandidate,
  shortlistHome,
} from '../../../shared/domain/shortlist';
import { policyFor } from '../../../shared/policies';
import { aCompleteApplication, aHome, anApplication } from '../../fixtures/applications';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const ON = '2026-11-29';

function aHousehold(overrides: Partial<ShortlistCandidate> = {}): ShortlistCandidate {
  return {
    applicationId: 'app_0000000000000001',
    landlordId: 'riverside-homes',
    band: 'B',
    effectiveDate: '2025-03-01',
    bedroomNeed: 2,
    householdSize: 3,
    ...overrides,
  };
}

describe('shortlistHome ranks the households a home fits', () => {
  it('puts band A first, then the earliest effective date, then the application id', () => {
    // Prepare
    const households = [
      aHousehold({ applicationId: 'app_000000000000000c', band: 'B', effectiveDate: '2024-01-01' }),
      aHousehold({ applicationId: 'app_000000000000000b', band: 'A', effectiveDate: '2026-01-01' }),
      aHousehold({ applicationId: 'app_000000000000000d', band: 'B', effectiveDate: '2023-06-01' }),
      aHousehold({ applicationId: 'app_000000000000000a', band: 'B', effectiveDate: '2024-01-01' }),
    ];

    // Act
    const { shortlist, skipped } = shortlistHome(aHome(), households, { policy: riverside, on: ON });

    // Assess
    expect(skipped).toEqual([]);
    expect(shortlist.map((entry) => [entry.position, entry.applicationId])).toEqual([
      [1, 'app_000000000000000b'],
      [2, 'app_000000000000000d'],
      [3, 'app_000000000000000a'],
      [4, 'app_000000000000000c'],
    ]);
  });

  it('lists a household whose needs the home meets, though the home has more than it needs', () => {
    // Prepare
    const home = aHome({
      bedrooms: 3,
      bedSpaces: 5,
      accessibility: ['step-free', 'level-access-shower'],
      petsAllowed: true,
      localLettings: { minimumAge: 55, localConnectionYears: 2 },
    });
    const household = aHousehold({
      bedroomNeed: 2,
      householdSize: 5,
      accessibilityNeeds: ['level-access-shower'],
      hasPets: true,
      applicantDateOfBirth: '1960-05-01',
      localConnectionYears: 2,
    });

    // Act
    const { shortlist, skipped } = shortlistHome(home, [household], { policy: riverside, on: ON });

    // Assess
    expect(shortlist).toHaveLength(1);
    expect(skipped).toEqual([]);
  });
});

/** Each row: the rule, the home, the household, and words the plain-English reason must contain. */
const skips: Array<[string, Partial<Property>, Partial<ShortlistCandidate>, string]> = [
  ['shortlist.bedrooms', { bedrooms: 1 }, { bedroomNeed: 2 }, 'needs 2 bedrooms; Flat 3, 14 Weaver Court'],
  ['shortlist.bed-spaces', { bedSpaces: 3 }, { householdSize: 4 }, '4 people would live there'],
  [
    'shortlist.accessibility',
    { accessibility: [] },
    { accessibilityNeeds: ['step-free'] },
    'step-free access',
  ],
  [
    'shortlist.accessibility',
    { accessibility: ['step-free'], floor: 2 },
    { accessibilityNeeds: ['wheelchair-standard'] },
    'wheelchair-standard design, which Flat 3, 14 Weaver Court, Riverside does not have (it is on floor 2)',
  ],
  ['shortlist.pets', { petsAllowed: false }, { hasPets: true }, 'does not let'],
  [
    'shortlist.local-lettings.minimum-age',
    { localLettings: { minimumAge: 55 } },
    { applicantDateOfBirth: '1972-11-30' },
    'aged 55 or over; the applicant is 53',
  ],
  [
    'shortlist.local-lettings.minimum-age',
    { localLettings: { minimumAge: 55 } },
    {},
    'we do not have the applicant’s date of birth',
  ],
  [
    'shortlist.local-lettings.local-connection',
    { localLettings: { localConnectionYears: 3 } },
    { localConnectionYears: 1 },
    'for 3 years; the applicant has lived there for 1 year',
  ],
  ['shortlist.landlord', {}, { landlordId: 'cwm-valley-homes' }, 'another landlord'],
];

describe('shortlistHome explains every household it skips', () => {
  it.each(skips)('skips under %s (row %#)', (rule, home, household, words) => {
    // Act
    const { shortlist, skipped } = shortlistHome(aHome(home), [aHousehold(household)], {
      policy: riverside,
      on: ON,
    });

    // Assess
    expect(shortlist).toEqual([]);
    expect(skipped).toHaveLength(1);
    const reason = skipped[0]?.reasons.find((each) => each.rule === rule);
    expect(reason?.text).toContain(words);
    expect(reason?.clause.length).toBeGreaterThan(10);
  });

  it('gives every rule a household fails, not just the first', () => {
    // Act
    const { skipped } = shortlistHome(
      aHome({ bedrooms: 1, bedSpaces: 2, petsAllowed: false }),
      [aHousehold({ bedroomNeed: 2, householdSize: 3, hasPets: true })],
      { policy: riverside, on: ON },
    );

    // Assess
    expect(skipped[0]?.reasons.map((reason) => reason.rule)).toEqual([
      'shortlist.bedrooms',
      'shortlist.bed-spaces',
      'shortlist.pets',
    ]);
  });

  it('lets a home that records nothing about pets to a household with pets', () => {
    // Act
    const { shortlist } = shortlistHome(aHome(), [aHousehold({ hasPets: true })], {
      policy: riverside,
      on: ON,
    });

    // Assess
    expect(shortlist).toHaveLength(1);
  });

  it('counts an applicant who turns 55 on the day of the shortlist as 55', () => {
    // Act
    const { shortlist } = shortlistHome(
      aHome({ localLettings: { minimumAge: 55 } }),
      [aHousehold({ applicantDateOfBirth: '1971-11-29' })],
      { policy: riverside, on: ON },
    );

    // Assess
    expect(shortlist).toHaveLength(1);
  });

  it('cites the bedroom standard of the council’s scheme, and Wales’s section for a local lettings policy', () => {
    // Act
    const england = shortlistHome(aHome({ bedrooms: 1 }), [aHousehold()], { policy: riverside, on: ON });
    const wales = shortlistHome(
      aHome({ localLettings: { localConnectionYears: 5 } }),
      [aHousehold({ localConnectionYears: 0 })],
      { policy: cwmValley, on: ON },
    );

    // Assess
    expect(england.skipped[0]?.reasons[0]?.clause).toContain('Riverside Council allocation scheme');
    expect(wales.skipped[0]?.reasons.at(-1)?.clause).toContain('Housing Act 1996 s167(2E)');
  });
});

describe('registeredHousehold', () => {
  it('keeps only what shortlisting needs from a registered application', () => {
    // Prepare
    const application = aCompleteApplication({
      status: 'registered',
      registration: { band: 'A', effectiveDate: '2026-02-03', bedroomNeed: 3 },
    });

    // Act
    const entry = registeredHousehold(application);

    // Assess
    expect(entry).toMatchObject({
      applicationId: application.applicationId,
      landlordId: application.landlordId,
      band: 'A',
      effectiveDate: '2026-02-03',
      bedroomNeed: 3,
      householdSize: 4,
      localConnectionYears: 6,
    });
    expect(entry?.applicantDateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has no entry for a case that is closed or let, or not yet registered', () => {
    // Prepare
    const registration = { band: 'A', effectiveDate: '2026-02-03', bedroomNeed: 3 } as const;

    // Act and assess
    expect(registeredHousehold(anApplication({ status: 'closed', registration }))).toBeUndefined();
    expect(registeredHousehold(anApplication({ status: 'let', registration }))).toBeUndefined();
    expect(registeredHousehold(anApplication({ status: 'in-progress' }))).toBeUndefined();
  });
});
