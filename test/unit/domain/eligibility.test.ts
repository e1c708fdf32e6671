import { Decision, ImmigrationStatus } from '../../../shared/domain/application';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { Stage } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const decidedAt = '2026-11-02T10:00:00.000Z';

const eligibleOnItsFace: ImmigrationStatus[] = [
  'british-or-irish',
  'eu-settled-status',
  'indefinite-leave',
  'refugee-or-humanitarian-protection',
];
const needsAnOfficer: ImmigrationStatus[] = [
  'eu-pre-settled-status',
  'limited-leave',
  'no-current-permission',
  'not-sure',
];

describe('assessEligibility', () => {
  it('has a tested outcome for every immigration-status category the journey asks about', () => {
    // Prepare
    const tested = [...eligibleOnItsFace, ...needsAnOfficer];

    // Act
    const asked = ImmigrationStatus.options;

    // Assess
    expect([...tested].sort()).toEqual([...asked].sort());
  });

  it.each(eligibleOnItsFace)(
    'finds someone with status %s eligible on the face of it',
    (immigrationStatus) => {
      // Prepare
      const input = { immigrationStatus, policy: riverside, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(decision.outcome).toBe('eligible');
      expect(decision.stage).toBe(Stage.Eligibility);
      expect(decision.review).toBeUndefined();
      expect(decision.reasons).toEqual([
        expect.objectContaining({ rule: 'eligibility.immigration-status', answer: immigrationStatus }),
      ]);
    },
  );

  it.each(needsAnOfficer)(
    'refers someone with status %s to an officer and tells them how to ask for a review',
    (immigrationStatus) => {
      // Prepare
      const input = { immigrationStatus, policy: riverside, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(decision.outcome).toBe('refer');
      expect(decision.next).toMatch(/officer/i);
      expect(decision.review).toEqual({
        route: expect.stringContaining('Housing Act 1996 s166A(9)'),
        withinDays: riverside.reviewWithinDays,
      });
      expect(decision.review?.route).toContain('Riverside Council');
      expect(decision.reasons[0]?.text).toMatch(/officer/i);
      expect(decision.reasons[0]?.rule).toMatch(/^eligibility\.immigration-status\./);
    },
  );

  it('cites Housing Act 1996 s160ZA(4) and England’s 2006 regulations for a British citizen in England', () => {
    // Prepare
    const input = { immigrationStatus: 'british-or-irish' as const, policy: riverside, decidedAt };

    // Act
    const decision = assessEligibility(input);

    // Assess
    expect(decision.reasons.map((reason) => reason.clause)).toEqual([
      'Housing Act 1996 s160ZA(4); Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006 reg 4',
    ]);
  });

  it('cites Housing Act 1996 s160A(3) and the s167(4A) review for a council in Wales', () => {
    // Prepare
    const input = { immigrationStatus: 'limited-leave' as const, policy: cwmValley, decidedAt };

    // Act
    const decision = assessEligibility(input);

    // Assess
    expect(decision.reasons.map((reason) => reason.clause)).toEqual([
      'Housing Act 1996 s160A(3); Allocation of Housing and Homelessness (Eligibility) (Wales) Regulations 2014 reg 3',
    ]);
    expect(decision.review?.route).toContain('Housing Act 1996 s167(4A)');
    expect(decision.review?.route).not.toContain('s166A');
  });

  const table: Array<{
    status: ImmigrationStatus;
    outcome: 'eligible' | 'refer';
    rule: string;
    england: string;
    wales: string;
  }> = [
    {
      status: 'british-or-irish',
      outcome: 'eligible',
      rule: 'eligibility.immigration-status',
      england: 's160ZA(4)',
      wales: 's160A(5)',
    },
    {
      status: 'eu-settled-status',
      outcome: 'eligible',
      rule: 'eligibility.immigration-status',
      england: 's160ZA(2)',
      wales: 's160A(3)',
    },
    {
      status: 'indefinite-leave',
      outcome: 'eligible',
      rule: 'eligibility.immigration-status',
      england: 's160ZA(2)',
      wales: 's160A(3)',
    },
    {
      status: 'refugee-or-humanitarian-protection',
      outcome: 'eligible',
      rule: 'eligibility.immigration-status',
      england: 's160ZA(2)',
      wales: 's160A(3)',
    },
    {
      status: 'eu-pre-settled-status',
      outcome: 'refer',
      rule: 'eligibility.immigration-status.check',
      england: 's160ZA(4)',
      wales: 's160A(5)',
    },
    {
      status: 'limited-leave',
      outcome: 'refer',
      rule: 'eligibility.immigration-status.check',
      england: 's160ZA(2)',
      wales: 's160A(3)',
    },
    {
      status: 'no-current-permission',
      outcome: 'refer',
      rule: 'eligibility.immigration-status.likely-ineligible',
      england: 's160ZA(2)',
      wales: 's160A(3)',
    },
    {
      status: 'not-sure',
      outcome: 'refer',
      rule: 'eligibility.immigration-status.check',
      england: 's160ZA',
      wales: 's160A',
    },
  ];
  const tableInBothJurisdictions = [riverside, cwmValley].flatMap((policy) =>
    table.map((row) => ({ ...row, policy, council: policy.councilName, cited: row[policy.jurisdiction] })),
  );

  it.each(tableInBothJurisdictions)(
    '$council: $status is $outcome under Housing Act 1996 $cited ($rule)',
    ({ status, outcome, rule, cited, policy }) => {
      // Prepare
      const input = { immigrationStatus: status, policy, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(decision.outcome).toBe(outcome);
      expect(decision.reasons[0]).toMatchObject({ rule, answer: status });
      expect(decision.reasons[0]?.clause).toMatch(
        new RegExp(`^Housing Act 1996 ${cited.replace(/[()]/g, '\\$&')}(;|$)`),
      );
      const regulations =
        policy.jurisdiction === 'england'
          ? 'Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006'
          : 'Allocation of Housing and Homelessness (Eligibility) (Wales) Regulations 2014';
      if (cited.includes('(')) expect(decision.reasons[0]?.clause).toContain(regulations);
      if (outcome === 'refer') {
        expect(decision.review).toEqual({
          route: expect.stringContaining(policy.jurisdiction === 'england' ? 's166A(9)' : 's167(4A)'),
          withinDays: policy.reviewWithinDays,
        });
      } else {
        expect(decision.review).toBeUndefined();
      }
    },
  );

  it.each([riverside, cwmValley])(
    'says plainly that someone without permission is likely not eligible, and that an officer confirms it ($councilName)',
    (policy) => {
      // Prepare
      const input = { immigrationStatus: 'no-current-permission' as const, policy, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(decision.outcome).toBe('refer');
      expect(decision.reasons[0]?.text).toContain('you are likely not to be eligible');
      expect(decision.reasons[0]?.text).toContain('This is not a decision yet');
      expect(decision.reasons[1]).toMatchObject({
        rule: 'decision.officer-confirms',
        clause: 'UK GDPR Art. 22',
      });
      expect(decision.reasons[1]?.text).toContain(policy.councilName);
    },
  );

  const everyCouncilAndStatus = [riverside, cwmValley].flatMap((policy) =>
    ImmigrationStatus.options.map((immigrationStatus) => ({
      council: policy.councilName,
      immigrationStatus,
      policy,
    })),
  );

  it.each(everyCouncilAndStatus)(
    'never refuses on its own (UK GDPR Art 22): $council, $immigrationStatus ends eligible or with an officer',
    ({ immigrationStatus, policy }) => {
      // Prepare
      const input = { immigrationStatus, policy, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(['eligible', 'refer']).toContain(decision.outcome);
      for (const reason of decision.reasons) {
        expect(reason.text).not.toMatch(/you are not eligible/i);
        expect(reason.text.length).toBeGreaterThan(0);
      }
      expect(decision.next).not.toMatch(/not eligible/i);
    },
  );

  it('records the policy version, the decision time, the answer used and that the system decided', () => {
    // Prepare
    const input = { immigrationStatus: 'eu-settled-status' as const, policy: cwmValley, decidedAt };

    // Act
    const decision = assessEligibility(input);

    // Assess
    expect(decision.policyVersion).toBe('cwm-valley@2026-01');
    expect(decision.decidedAt).toBe(decidedAt);
    expect(decision.decidedBy).toBe('system');
    expect(decision.inputs).toEqual({ immigrationStatus: 'eu-settled-status' });
  });

  it.each(ImmigrationStatus.options)(
    'produces a decision record that passes the schema for %s',
    (immigrationStatus) => {
      // Prepare
      const input = { immigrationStatus, policy: riverside, decidedAt };

      // Act
      const decision = assessEligibility(input);

      // Assess
      expect(Decision.safeParse(decision).success).toBe(true);
    },
  );
});
