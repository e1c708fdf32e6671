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
    },
  );

  it('cites Housing Act 1996 s160ZA for a council in England', () => {
    // Prepare
    const input = { immigrationStatus: 'british-or-irish' as const, policy: riverside, decidedAt };

    // Act
    const decision = assessEligibility(input);

    // Assess
    expect(decision.reasons.map((reason) => reason.clause)).toEqual(['Housing Act 1996 s160ZA']);
  });

  it('cites Housing Act 1996 s160A and the s167(4A) review for a council in Wales', () => {
    // Prepare
    const input = { immigrationStatus: 'limited-leave' as const, policy: cwmValley, decidedAt };

    // Act
    const decision = assessEligibility(input);

    // Assess
    expect(decision.reasons.map((reason) => reason.clause)).toEqual(['Housing Act 1996 s160A']);
    expect(decision.review?.route).toContain('Housing Act 1996 s167(4A)');
    expect(decision.review?.route).not.toContain('s166A');
  });

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
