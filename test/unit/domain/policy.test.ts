import { Policy, reviewRoute, statute } from '../../../shared/domain/policy';
import { policyFor } from '../../../shared/policies';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');

describe('reviewRoute', () => {
  it('names the council, s166A(9) and the days to ask in England', () => {
    // Prepare
    const policy = riverside;

    // Act
    const route = reviewRoute(policy);

    // Assess
    expect(route.withinDays).toBe(21);
    expect(route.route).toContain('You can ask Riverside Council to review this decision');
    expect(route.route).toContain('(Housing Act 1996 s166A(9))');
    expect(route.route).toContain('within 21 days');
  });

  it('names s167(4A) in Wales', () => {
    // Prepare
    const policy = cwmValley;

    // Act
    const route = reviewRoute(policy);

    // Assess
    expect(route.route).toContain('Cwm Valley County Borough Council');
    expect(route.route).toContain('(Housing Act 1996 s167(4A))');
    expect(route.route).not.toContain('s166A');
  });

  it('takes the review period from the policy', () => {
    // Prepare
    const policy = { ...riverside, reviewWithinDays: 28 };

    // Act
    const route = reviewRoute(policy);

    // Assess
    expect(route.withinDays).toBe(28);
    expect(route.route).toContain('within 28 days');
  });
});

describe('statute', () => {
  it('cites the Part 6 sections of each jurisdiction for every kind of decision (DESIGN.md section 6)', () => {
    // Prepare
    const expected = {
      eligibility: { england: 'Housing Act 1996 s160ZA', wales: 'Housing Act 1996 s160A' },
      qualification: { england: 'Housing Act 1996 s160ZA(7)', wales: 'Housing Act 1996 s160A(7)' },
      reasonablePreference: { england: 'Housing Act 1996 s166A(3)', wales: 'Housing Act 1996 s167(2)' },
      reviewOfDecision: { england: 'Housing Act 1996 s166A(9)', wales: 'Housing Act 1996 s167(4A)' },
    };

    // Act
    const cited = { ...statute };

    // Assess
    expect(cited).toEqual(expected);
  });
});

describe('Policy', () => {
  it('rejects a minimum age under 16', () => {
    // Prepare
    const data = { ...riverside, qualification: { minimumAge: 15, residenceYears: 2 } };

    // Act
    const result = Policy.safeParse(data);

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects a jurisdiction other than England or Wales', () => {
    // Prepare
    const data = { ...riverside, jurisdiction: 'scotland' };

    // Act
    const result = Policy.safeParse(data);

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects a review period shorter than 7 days', () => {
    // Prepare
    const data = { ...riverside, reviewWithinDays: 3 };

    // Act
    const result = Policy.safeParse(data);

    // Assess
    expect(result.success).toBe(false);
  });
});
