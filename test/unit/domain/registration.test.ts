import {
  Circumstances,
  type CurrentHome,
  Decision,
  type Reason,
  Registration,
} from '../../../shared/domain/application';
import type { Policy } from '../../../shared/domain/policy';
import { bandFor, preferences, reband, register } from '../../../shared/domain/registration';
import { Stage } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const decidedAt = '2026-11-02T10:00:00.000Z';

/** A household that needs 2 bedrooms, with the reasons the bedroom rule gave (the caller decides the rule). */
const bedroomReasons: Reason[] = [
  {
    rule: 'bedrooms.couple',
    clause: 'Housing Benefit Regulations 2006 reg B13(5)',
    text: 'One bedroom for you and your partner.',
  },
  {
    rule: 'bedrooms.children',
    clause: 'Housing Benefit Regulations 2006 reg B13(5)',
    text: 'One bedroom for two girls.',
  },
];
const needOfTwo = { bedrooms: 2, reasons: bedroomReasons };

function currentHome(overrides: Partial<CurrentHome> = {}): CurrentHome {
  return {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: 2,
    tenure: 'private-rent',
    ...overrides,
  };
}

const preferenceClause = (policy: Policy) =>
  policy.jurisdiction === 'england' ? 'Housing Act 1996 s166A(3)' : 'Housing Act 1996 s167(2)';

interface BandingRow {
  group: string;
  home?: Partial<CurrentHome>;
  circumstances?: Partial<Circumstances>;
  armedForces?: boolean;
  /** The reason the group gives: its rule, and the clause after the section (e.g. '(a)'). */
  rule: string;
  clause: { england: string; wales: string };
  band: (policy: Policy) => Policy['bands'][keyof Policy['bands']];
}

const groups: BandingRow[] = [
  {
    group: '(a) homeless: no home and no duty recorded yet',
    home: { tenure: 'no-home', bedrooms: 0 },
    rule: 'priority.homeless',
    clause: { england: '(a)', wales: '(a)' },
    band: (policy) => policy.bands.homeless,
  },
  {
    group: '(a) homeless: in temporary accommodation',
    home: { tenure: 'temporary-accommodation' },
    rule: 'priority.homeless',
    clause: { england: '(a)', wales: '(a)' },
    band: (policy) => policy.bands.homeless,
  },
  {
    group: 'relief duty: England (a) as homeless (s189B(2)); Wales (b) (H(W)A 2014 s73)',
    circumstances: { homelessnessDuty: 'relief' },
    rule: 'priority.homelessness-duty.relief',
    clause: { england: '(a)', wales: '(b)' },
    band: (policy) => policy.bands.homeless,
  },
  {
    group: '(b) main duty (England s193(2); Wales H(W)A 2014 s75)',
    circumstances: { homelessnessDuty: 'main' },
    rule: 'priority.homelessness-duty.main',
    clause: { england: '(b)', wales: '(b)' },
    band: (policy) => policy.bands.homeless,
  },
  {
    group: '(b) prevention duty (England s195(2); Wales H(W)A 2014 s66)',
    circumstances: { homelessnessDuty: 'prevention' },
    rule: 'priority.homelessness-duty.prevention',
    clause: { england: '(b)', wales: '(b)' },
    band: (policy) => policy.bands.homeless,
  },
  {
    group: '(c) overcrowded: fewer bedrooms than the household needs',
    home: { bedrooms: 1 },
    rule: 'priority.overcrowding',
    clause: { england: '(c)', wales: '(c)' },
    band: (policy) => policy.bands.insanitaryOrOvercrowded,
  },
  {
    group: '(c) insanitary: serious disrepair',
    circumstances: { disrepair: true },
    rule: 'priority.insanitary',
    clause: { england: '(c)', wales: '(c)' },
    band: (policy) => policy.bands.insanitaryOrOvercrowded,
  },
  {
    group: '(d) medical or welfare grounds, including disability',
    circumstances: { medicalNeed: 'moderate' },
    rule: 'priority.medical-welfare',
    clause: { england: '(d)', wales: '(d)' },
    band: (policy) => policy.bands.medicalOrWelfare,
  },
  {
    group: 'additional preference: urgent medical need',
    circumstances: { medicalNeed: 'urgent' },
    rule: 'priority.urgent-medical',
    clause: { england: ' (additional preference)', wales: ' (additional preference)' },
    band: (policy) => policy.bands.urgentMedical,
  },
  {
    group: '(e) hardship: a need to move to a particular area',
    circumstances: { hardshipMove: true },
    rule: 'priority.hardship',
    clause: { england: '(e)', wales: '(e)' },
    band: (policy) => policy.bands.hardship,
  },
  {
    group: 'additional preference: armed forces with an urgent need (homeless)',
    home: { tenure: 'no-home', bedrooms: 0 },
    armedForces: true,
    rule: 'priority.armed-forces-urgent',
    clause: { england: ' (additional preference)', wales: ' (additional preference)' },
    band: (policy) => policy.bands.armedForcesUrgent,
  },
];

const everyGroupInBothJurisdictions = [riverside, cwmValley].flatMap((policy) =>
  groups.map((row) => ({ ...row, policy, council: policy.councilName })),
);

describe('priority: every reasonable-preference group in both jurisdictions', () => {
  it.each(everyGroupInBothJurisdictions)('$council: $group', (row) => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome(row.home),
      circumstances: Circumstances.parse(row.circumstances ?? {}),
      localConnection: { armedForces: row.armedForces ?? false },
      policy: row.policy,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    const reason = decision.reasons.find((candidate) => candidate.rule === row.rule);
    expect(reason?.clause).toContain(`${preferenceClause(row.policy)}${row.clause[row.policy.jurisdiction]}`);
    expect(reason?.text).toContain(`band ${row.band(row.policy)}`);
    expect(registration.band).toBe(bandFor(preferences(input), row.policy));
    expect(registration.band <= row.band(row.policy)).toBe(true);
    const wrong = row.policy.jurisdiction === 'england' ? 's167' : 's166A';
    expect(decision.reasons.some((candidate) => candidate.clause.includes(wrong))).toBe(false);
    expect(Decision.safeParse(decision).success).toBe(true);
  });

  it('cites the Armed Forces additional-preference regulations in England only', () => {
    // Prepare
    const input = (policy: Policy) => ({
      need: needOfTwo,
      currentHome: currentHome({ tenure: 'no-home', bedrooms: 0 }),
      localConnection: { armedForces: true },
      policy,
    });

    // Act
    const england = preferences(input(riverside)).find((found) => found.group === 'armedForcesUrgent');
    const wales = preferences(input(cwmValley)).find((found) => found.group === 'armedForcesUrgent');

    // Assess
    expect(england?.reason.clause).toContain(
      'Housing Act 1996 (Additional Preference for Armed Forces) (England) Regulations 2012',
    );
    expect(wales?.reason.clause).toBe('Housing Act 1996 s167(2) (additional preference)');
  });

  it('gives no armed-forces additional preference without an urgent need', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      circumstances: Circumstances.parse({ medicalNeed: 'moderate' }),
      localConnection: { armedForces: true },
      policy: riverside,
    };

    // Act
    const found = preferences(input);

    // Assess
    expect(found.map((each) => each.group)).toEqual(['insanitaryOrOvercrowded', 'medicalOrWelfare']);
  });

  it('gives urgent medical need both the (d) group and additional preference', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome(),
      circumstances: Circumstances.parse({ medicalNeed: 'urgent' }),
      policy: riverside,
    };

    // Act
    const found = preferences(input);

    // Assess
    expect(found.map((each) => each.reason.clause)).toEqual([
      'Housing Act 1996 s166A(3)(d)',
      'Housing Act 1996 s166A(3) (additional preference)',
    ]);
    expect(bandFor(found, riverside)).toBe('A');
  });

  it('puts Riverside’s hardship group in band C and Cwm Valley’s in band B, as their schemes say', () => {
    // Prepare
    const input = (policy: Policy) => ({
      need: needOfTwo,
      currentHome: currentHome(),
      circumstances: Circumstances.parse({ hardshipMove: true }),
      policy,
      decidedAt,
    });

    // Act
    const inEngland = register(input(riverside)).registration.band;
    const inWales = register(input(cwmValley)).registration.band;

    // Assess
    expect([inEngland, inWales]).toEqual(['C', 'B']);
  });
});

describe('priority: the highest band wins and every group is listed', () => {
  it('lists hardship, overcrowding and urgent medical need, and takes band A', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      circumstances: Circumstances.parse({ hardshipMove: true, medicalNeed: 'urgent' }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration.band).toBe('A');
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([
      'priority.band',
      'priority.overcrowding',
      'priority.medical-welfare',
      'priority.urgent-medical',
      'priority.hardship',
      'priority.effective-date',
      'bedrooms.couple',
      'bedrooms.children',
    ]);
    expect(decision.reasons[0]).toEqual({
      rule: 'priority.band',
      clause: 'Housing Act 1996 s166A(3)',
      text: 'You are in band A, the highest band of the reasons that apply to you. An overcrowded or unhealthy home: band B. Medical or welfare reasons: band B. An urgent medical or welfare need: band A. Hardship if you cannot move to a certain area: band C.',
      answer: 'insanitaryOrOvercrowded, medicalOrWelfare, urgentMedical, hardship',
    });
  });

  it('names overcrowding and disrepair as two grounds of the one (c) group, listed once in the summary', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      circumstances: Circumstances.parse({ disrepair: true }),
      policy: cwmValley,
      decidedAt,
    };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.reasons.filter((reason) => reason.clause === 'Housing Act 1996 s167(2)(c)')).toHaveLength(
      2,
    );
    expect(decision.reasons[0]?.text).toBe(
      'You are in band B, the highest band of the reasons that apply to you. An overcrowded or unhealthy home: band B.',
    );
  });

  it.each([
    { policy: riverside, band: 'D', clause: 'Housing Act 1996 s166A(3)' },
    { policy: cwmValley, band: 'C', clause: 'Housing Act 1996 s167(2)' },
  ])(
    'with no group, puts a $policy.councilName household in its scheme’s band $band and says what would change it',
    ({ policy, band, clause }) => {
      // Prepare
      const input = { need: needOfTwo, currentHome: currentHome({ bedrooms: 3 }), policy, decidedAt };

      // Act
      const { registration, decision } = register(input);

      // Assess
      expect(registration.band).toBe(band);
      expect(decision.reasons[0]).toMatchObject({ rule: 'priority.none', clause });
      expect(decision.reasons[0]?.text).toContain(`so you are in band ${band}`);
      expect(decision.reasons[0]?.text).toContain('You would be in a higher band if you became homeless');
    },
  );

  it('does not treat a household with no home as overcrowded or in disrepair', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 0, tenure: 'no-home' }),
      circumstances: Circumstances.parse({ disrepair: true }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const found = preferences(input);

    // Assess
    expect(found.map((each) => each.reason.rule)).toEqual(['priority.homeless']);
  });

  it('treats a household living with family in too few bedrooms as overcrowded', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1, tenure: 'living-with-family' }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration } = register(input);

    // Assess
    expect(registration.band).toBe('B');
  });

  it('takes every default when the circumstances are not answered', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.inputs).toEqual({
      currentBedrooms: 1,
      tenure: 'private-rent',
      bedroomNeed: 2,
      homelessnessDuty: 'none',
      disrepair: false,
      medicalNeed: 'none',
      hardshipMove: false,
      armedForces: false,
    });
  });
});

describe('register', () => {
  it('makes the decision date the effective date and records the bedroom need', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt: '2026-11-02T16:45:12.000Z',
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration).toEqual({ band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 });
    expect(decision.reasons).toContainEqual(
      expect.objectContaining({ rule: 'priority.effective-date', clause: 'Housing Act 1996 s166A(1)' }),
    );
    expect(decision.next).toBe(
      'You are on the housing register in band B from 2026-11-02. We will tell you when a home with 2 bedrooms is offered to you.',
    );
  });

  it('gives the bedroom reasons last', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.reasons.slice(-2)).toEqual(bedroomReasons);
  });

  it('records a registered decision with its inputs and policy version that passes the schemas', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      policy: cwmValley,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(decision).toMatchObject({
      stage: Stage.Registered,
      outcome: 'registered',
      decidedBy: 'system',
      decidedAt,
      policyVersion: 'cwm-valley@2026-01',
      inputs: { currentBedrooms: 1, tenure: 'private-rent', bedroomNeed: 2 },
    });
    expect(decision.review).toBeUndefined();
    expect(decision.reasons.find((reason) => reason.rule === 'priority.effective-date')?.clause).toBe(
      'Housing Act 1996 s167(1)',
    );
    expect(Decision.safeParse(decision).success).toBe(true);
    expect(Registration.safeParse(registration).success).toBe(true);
  });

  it('says "bedroom" without an s when one bedroom is needed', () => {
    // Prepare
    const input = {
      need: { bedrooms: 1, reasons: [] },
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.next).toContain('a home with 1 bedroom is offered');
  });
});

describe('reband: the effective date after the band is worked out again', () => {
  const previous: Registration = { band: 'B', effectiveDate: '2026-03-10', bedroomNeed: 2 };
  const registeredOn = '2026-01-05';

  it.each([
    {
      change: 'a higher band takes the day of the change',
      band: 'A',
      effectiveDate: '2026-11-02',
      text: 'went up from B to A',
    },
    {
      change: 'the same band keeps its effective date',
      band: 'B',
      effectiveDate: '2026-03-10',
      text: 'still B',
    },
    {
      change: 'a lower band goes back to the day of registration',
      band: 'C',
      effectiveDate: '2026-01-05',
      text: 'went down from B to C',
    },
  ] as const)('$change', ({ band, effectiveDate, text }) => {
    // Act
    const result = reband({ previous, registeredOn, band, on: '2026-11-02', policy: riverside });

    // Assess
    expect(result.effectiveDate).toBe(effectiveDate);
    expect(result.reason).toMatchObject({
      rule: 'priority.effective-date',
      clause: 'Housing Act 1996 s166A(1)',
      answer: 'B',
    });
    expect(result.reason.text).toContain(text);
  });

  it('is what register uses when the household was registered before', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      circumstances: Circumstances.parse({ homelessnessDuty: 'main' }),
      policy: riverside,
      decidedAt,
      previous: { registration: previous, registeredOn },
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration).toEqual({ band: 'A', effectiveDate: '2026-11-02', bedroomNeed: 2 });
    expect(decision.next).toContain('band A from 2026-11-02');
  });

  it('keeps the effective date when only the bedroom need changes', () => {
    // Prepare
    const input = {
      need: { bedrooms: 3, reasons: [] },
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt,
      previous: { registration: previous, registeredOn },
    };

    // Act
    const { registration } = register(input);

    // Assess
    expect(registration).toEqual({ band: 'B', effectiveDate: '2026-03-10', bedroomNeed: 3 });
  });
});
