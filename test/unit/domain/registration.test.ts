import { type CurrentHome, Decision, Registration } from '../../../shared/domain/application';
import { bedroomNeed } from '../../../shared/domain/bedrooms';
import { register } from '../../../shared/domain/registration';
import { Stage } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';
import { household } from '../../fixtures/applications';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const decidedAt = '2026-11-02T10:00:00.000Z';

/** Gareth and Nia Pritchard with Cerys and Elin: they need 2 bedrooms on the test clock. */
const needOfTwo = bedroomNeed(household('coupleWithTwoGirls'), '2026-11-02');

function currentHome(overrides: Partial<CurrentHome> = {}): CurrentHome {
  return {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: 1,
    tenure: 'private-rent',
    ...overrides,
  };
}

describe('register', () => {
  it('puts an overcrowded household in England in band B, citing s166A(3)(c)', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 1 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration.band).toBe('B');
    expect(decision.reasons[0]).toEqual(
      expect.objectContaining({
        rule: 'priority.overcrowding',
        clause: 'Housing Act 1996 s166A(3)(c)',
        answer: '1',
      }),
    );
  });

  it('puts an overcrowded household in Wales in band B, citing s167(2)(c)', () => {
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
    expect(registration.band).toBe('B');
    expect(decision.reasons[0]).toEqual(
      expect.objectContaining({ rule: 'priority.overcrowding', clause: 'Housing Act 1996 s167(2)(c)' }),
    );
    expect(decision.policyVersion).toBe('cwm-valley@2026-01');
  });

  it('puts a household with exactly the bedrooms it needs in band C', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 2 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration.band).toBe('C');
    expect(decision.reasons[0]?.rule).toBe('priority.none');
  });

  it('puts a household with more bedrooms than it needs in band C', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 3 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration } = register(input);

    // Assess
    expect(registration.band).toBe('C');
  });

  it('does not treat a household with no home as overcrowded', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome({ bedrooms: 0, tenure: 'no-home' }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration.band).toBe('C');
    expect(decision.reasons.some((reason) => reason.rule === 'priority.overcrowding')).toBe(false);
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

  it('makes the decision date the effective date and records the bedroom need', () => {
    // Prepare
    const input = {
      need: needOfTwo,
      currentHome: currentHome(),
      policy: riverside,
      decidedAt: '2026-11-02T16:45:12.000Z',
    };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(registration).toEqual({ band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 });
    expect(decision.next).toBe(
      'You are on the housing register in band B from 2026-11-02. We will tell you when a home with 2 bedrooms is offered to you.',
    );
  });

  it('gives the bedroom reasons after the priority reason', () => {
    // Prepare
    const input = { need: needOfTwo, currentHome: currentHome(), policy: riverside, decidedAt };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.reasons.slice(1)).toEqual(needOfTwo.reasons);
    expect(decision.reasons).toHaveLength(needOfTwo.reasons.length + 1);
  });

  it('records a registered decision with its inputs and policy version that passes the schemas', () => {
    // Prepare
    const input = { need: needOfTwo, currentHome: currentHome(), policy: riverside, decidedAt };

    // Act
    const { registration, decision } = register(input);

    // Assess
    expect(decision).toMatchObject({
      stage: Stage.Registered,
      outcome: 'registered',
      decidedBy: 'system',
      decidedAt,
      policyVersion: 'riverside-council@2026-04',
      inputs: { currentBedrooms: 1, tenure: 'private-rent', bedroomNeed: 2 },
    });
    expect(Decision.safeParse(decision).success).toBe(true);
    expect(Registration.safeParse(registration).success).toBe(true);
  });

  it('says "bedroom" without an s when one bedroom is needed', () => {
    // Prepare
    const need = bedroomNeed(household('singleAdult'), '2026-11-02');
    const input = { need, currentHome: currentHome({ bedrooms: 1 }), policy: riverside, decidedAt };

    // Act
    const { decision } = register(input);

    // Assess
    expect(decision.next).toContain('a home with 1 bedroom is offered');
  });
});
