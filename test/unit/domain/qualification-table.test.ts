import { Circumstances, Decision, type Income, LocalConnection } from '../../../shared/domain/application';
import type { Policy } from '../../../shared/domain/policy';
import { assessQualification, qualificationChecks } from '../../../shared/domain/qualification';
import { policyFor } from '../../../shared/policies';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const decidedAt = '2026-11-02T10:00:00.000Z';

/** Riverside with one qualification rule changed: schemes in England differ, and the rules follow the data. */
const riversideWith = (qualification: Partial<Policy['qualification']>): Policy => ({
  ...riverside,
  qualification: { ...riverside.qualification, ...qualification },
});

interface Row {
  rule: string;
  policy: Policy;
  dateOfBirth?: string;
  connection?: Partial<LocalConnection>;
  /** Pass `null` for "income not answered". */
  income?: Partial<Income> | null;
  circumstances?: Partial<Circumstances>;
  outcome: 'qualifies' | 'refer';
  /** The rules the applicant does not meet (empty when they qualify). */
  unmet: string[];
  /** The reason the row exercises: its rule id, and a clause and text it must carry. */
  reason: { rule: string; clause?: string; text?: string; answer?: string };
  /** Rules that must not be applied at all under this policy. */
  notApplied?: string[];
}

const DA_AND_CARE_LEAVERS =
  'Allocation of Housing (Qualification Criteria for Victims of Domestic Abuse and Care Leavers) (England) Regulations 2025 reg 2';

const rows: Row[] = [
  // Riverside Council (England, s160ZA(7)): 18+, 2 years' residence or work, £60,000 income, £16,000 savings.
  {
    rule: 's160ZA(7) minimum age: an applicant whose 18th birthday is the decision date qualifies',
    policy: riverside,
    dateOfBirth: '2008-11-02',
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.minimum-age', text: 'You are 18.', answer: '2008-11-02' },
  },
  {
    rule: 's160ZA(7) minimum age: a 17-year-old is referred, told the day they can apply',
    policy: riverside,
    dateOfBirth: '2009-02-14',
    outcome: 'refer',
    unmet: ['qualification.minimum-age'],
    reason: {
      rule: 'qualification.minimum-age',
      clause: 'Housing Act 1996 s160ZA(7)',
      text: 'You can apply from your 18th birthday, on 2027-02-14.',
    },
  },
  {
    rule: 's160ZA(7) minimum age: a 29 February birthday turns 18 on 1 March in a common year',
    policy: riverside,
    dateOfBirth: '2012-02-29',
    outcome: 'refer',
    unmet: ['qualification.minimum-age'],
    reason: { rule: 'qualification.minimum-age', text: 'on 2030-03-01' },
  },
  {
    rule: 's160ZA(7) residence met at exactly the 2 years Riverside asks',
    policy: riverside,
    connection: { yearsInArea: 2 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.residence', text: 'lived in the area for 2 years', answer: '2' },
  },
  {
    rule: 's160ZA(7) residence short by a year is referred, saying what would change it',
    policy: riverside,
    connection: { yearsInArea: 1 },
    outcome: 'refer',
    unmet: ['qualification.residence'],
    reason: {
      rule: 'qualification.residence',
      text: 'You would qualify after 1 year more here. You would also qualify if you work in the area',
      answer: '1',
    },
  },
  {
    rule: 's160ZA(7) residence met by work (Riverside allows work)',
    policy: riverside,
    connection: { yearsInArea: 0, worksInArea: true },
    outcome: 'qualifies',
    unmet: [],
    reason: {
      rule: 'qualification.residence.work',
      clause: 'Housing Act 1996 s160ZA(7)',
      text: 'you work here',
    },
  },
  {
    rule: 's160ZA(7) close family does not meet residence (Riverside does not allow it)',
    policy: riverside,
    connection: { yearsInArea: 0, closeFamilyInArea: true },
    outcome: 'refer',
    unmet: ['qualification.residence'],
    reason: { rule: 'qualification.residence', text: 'Riverside Council does not accept close family' },
  },
  {
    rule: 's160ZA(7) residence met by close family where a scheme allows it',
    policy: riversideWith({ residenceAlternatives: { work: false, closeFamily: true } }),
    connection: { yearsInArea: 0, closeFamilyInArea: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.residence.close-family', text: 'five years or more' },
  },
  {
    rule: 's160ZA(7) work does not meet residence where a scheme does not allow it',
    policy: riversideWith({ residenceAlternatives: { work: false, closeFamily: false } }),
    connection: { yearsInArea: 0, worksInArea: true },
    outcome: 'refer',
    unmet: ['qualification.residence'],
    reason: { rule: 'qualification.residence', text: 'does not accept work in the area instead' },
  },
  {
    rule: 'Armed Forces Regs 2012: a serving member is not held to the residence rule',
    policy: riverside,
    connection: { yearsInArea: 0, armedForces: true },
    outcome: 'qualifies',
    unmet: [],
    reason: {
      rule: 'qualification.residence.exception.armedForces',
      clause: 'Allocation of Housing (Qualification Criteria for Armed Forces) (England) Regulations 2012',
      text: 'the 2-year residence rule does not apply to you',
    },
  },
  {
    rule: 'Right to Move Regs 2015: a social tenant moving for work is not held to the residence rule',
    policy: riverside,
    connection: { yearsInArea: 0, rightToMove: true },
    outcome: 'qualifies',
    unmet: [],
    reason: {
      rule: 'qualification.residence.exception.rightToMove',
      clause: 'Allocation of Housing (Qualification Criteria for Right to Move) (England) Regulations 2015',
    },
  },
  {
    rule: 'Domestic Abuse and Care Leavers Regs 2025: someone fleeing domestic abuse is not held to the residence rule',
    policy: riverside,
    connection: { yearsInArea: 0, fleeingDomesticAbuse: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.residence.exception.fleeingDomesticAbuse', clause: DA_AND_CARE_LEAVERS },
  },
  {
    rule: 'care leaver aged 24 is not held to the residence rule',
    policy: riverside,
    dateOfBirth: '2002-11-02',
    connection: { yearsInArea: 0, careLeaver: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.residence.exception.careLeaver', clause: DA_AND_CARE_LEAVERS },
  },
  {
    rule: 'care leaver aged 25 is held to the residence rule',
    policy: riverside,
    dateOfBirth: '2001-11-02',
    connection: { yearsInArea: 0, careLeaver: true },
    outcome: 'refer',
    unmet: ['qualification.residence'],
    reason: { rule: 'qualification.residence', text: 'The exception for care leavers ends at 25' },
  },
  {
    rule: 's160ZA(7) income cap: exactly £60,000 a year qualifies',
    policy: riverside,
    income: { monthlyEarnings: 500_000, monthlyBenefits: 0 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.income-cap', answer: '£60,000', text: 'limit is £60,000 a year' },
  },
  {
    rule: 's160ZA(7) income cap: £60,000.12 a year (monthly × 12) is referred',
    policy: riverside,
    income: { monthlyEarnings: 450_000, monthlyBenefits: 50_001 },
    outcome: 'refer',
    unmet: ['qualification.income-cap'],
    reason: {
      rule: 'qualification.income-cap',
      answer: '£60,000.12',
      text: 'If your income falls to £60,000 a year or less, you would qualify',
    },
  },
  {
    rule: 's160ZA(7) income cap counts benefits with earnings',
    policy: riverside,
    income: { monthlyEarnings: 400_000, monthlyBenefits: 150_000 },
    outcome: 'refer',
    unmet: ['qualification.income-cap'],
    reason: {
      rule: 'qualification.income-cap',
      text: '£4,000 earnings and £1,500 benefits a month, so £66,000 a year',
    },
  },
  {
    rule: 's160ZA(7) income not answered under a cap is referred, asking for it',
    policy: riverside,
    income: null,
    outcome: 'refer',
    unmet: ['qualification.income-cap'],
    reason: { rule: 'qualification.income-cap', text: 'Tell us your household' },
  },
  {
    rule: 's160ZA(7) savings cap: exactly £16,000 qualifies',
    policy: riverside,
    income: { savings: 1_600_000 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.savings-cap', answer: '£16,000' },
  },
  {
    rule: 's160ZA(7) savings cap: £16,000.01 is referred',
    policy: riverside,
    income: { savings: 1_600_001 },
    outcome: 'refer',
    unmet: ['qualification.savings-cap'],
    reason: { rule: 'qualification.savings-cap', answer: '£16,000.01', text: 'fall to £16,000 or less' },
  },
  {
    rule: 's160ZA(7) no income or savings cap in a scheme that sets none',
    policy: riversideWith({ incomeCapYearly: null, savingsCap: null }),
    income: { monthlyEarnings: 2_000_000, savings: 50_000_000 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.minimum-age' },
    notApplied: ['qualification.income-cap', 'qualification.savings-cap'],
  },
  {
    rule: 's160ZA(7) home ownership: an owner is referred (Riverside excludes owners)',
    policy: riverside,
    circumstances: { ownsProperty: true },
    outcome: 'refer',
    unmet: ['qualification.home-ownership'],
    reason: { rule: 'qualification.home-ownership', answer: 'yes', text: 'once you no longer own it' },
  },
  {
    rule: 's160ZA(7) home ownership: an owner qualifies in a scheme that accepts owners',
    policy: riversideWith({ excludeHomeOwners: false }),
    circumstances: { ownsProperty: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.minimum-age' },
    notApplied: ['qualification.home-ownership'],
  },
  {
    rule: 's160ZA(7) arrears £999.99 are below Riverside’s £1,000 and not serious',
    policy: riverside,
    circumstances: { formerTenancyArrears: 99_999 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.serious-arrears', answer: '£999.99, repayment plan kept: no' },
  },
  {
    rule: 's160ZA(7) arrears of exactly £1,000 without a plan are serious and referred',
    policy: riverside,
    circumstances: { formerTenancyArrears: 100_000 },
    outcome: 'refer',
    unmet: ['qualification.serious-arrears'],
    reason: {
      rule: 'qualification.serious-arrears',
      text: 'You could agree a plan with your former landlord',
    },
  },
  {
    rule: 'arrears £1,200 with a kept plan qualifies',
    policy: riverside,
    circumstances: { formerTenancyArrears: 120_000, arrearsRepaymentPlanKept: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.serious-arrears', answer: '£1,200, repayment plan kept: yes' },
  },
  {
    rule: 's160ZA(7) serious unacceptable behaviour is referred for an officer',
    policy: riverside,
    circumstances: { unacceptableBehaviour: true },
    outcome: 'refer',
    unmet: ['qualification.unacceptable-behaviour'],
    reason: {
      rule: 'qualification.unacceptable-behaviour',
      clause: 'Housing Act 1996 s160ZA(7)',
      text: 'Showing that the behaviour has stopped',
    },
  },
  {
    rule: 'a statutory exception lifts residence only: an armed-forces member over the income cap is referred',
    policy: riverside,
    connection: { yearsInArea: 0, armedForces: true },
    income: { monthlyEarnings: 600_000 },
    outcome: 'refer',
    unmet: ['qualification.income-cap'],
    reason: { rule: 'qualification.residence.exception.armedForces' },
  },
  {
    rule: 'every unmet rule is its own reason: under age, over the income cap and a home owner',
    policy: riverside,
    dateOfBirth: '2009-06-01',
    income: { monthlyEarnings: 600_000 },
    circumstances: { ownsProperty: true },
    outcome: 'refer',
    unmet: ['qualification.minimum-age', 'qualification.income-cap', 'qualification.home-ownership'],
    reason: { rule: 'qualification.home-ownership' },
  },
  // Cwm Valley (Wales, s160A(7)): no local criteria, only the unacceptable-behaviour test.
  {
    rule: 'Cwm Valley: income cap does not apply in Wales',
    policy: cwmValley,
    income: { monthlyEarnings: 900_000 },
    outcome: 'qualifies',
    unmet: [],
    reason: {
      rule: 'qualification.local-criteria',
      clause: 'Housing Act 1996 s160A(7)',
      text: 'your income',
    },
    notApplied: ['qualification.income-cap', 'qualification.savings-cap'],
  },
  {
    rule: 'Cwm Valley: savings cap does not apply in Wales',
    policy: cwmValley,
    income: { savings: 9_000_000 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria', text: 'savings' },
    notApplied: ['qualification.savings-cap'],
  },
  {
    rule: 'Cwm Valley: the 3-year residence rule does not apply in Wales',
    policy: cwmValley,
    connection: { yearsInArea: 0 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria', text: 'how long you have lived here' },
    notApplied: ['qualification.residence'],
  },
  {
    rule: 'Cwm Valley: a 16-year-old qualifies (no local age rule in Wales)',
    policy: cwmValley,
    dateOfBirth: '2010-06-01',
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria', text: 'your age' },
    notApplied: ['qualification.minimum-age'],
  },
  {
    rule: 'Cwm Valley: arrears of £5,000 without a plan do not stop qualifying in Wales',
    policy: cwmValley,
    circumstances: { formerTenancyArrears: 500_000 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria', text: 'arrears' },
    notApplied: ['qualification.serious-arrears'],
  },
  {
    rule: 'Cwm Valley: a home owner qualifies in Wales',
    policy: cwmValley,
    circumstances: { ownsProperty: true },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria', text: 'home' },
    notApplied: ['qualification.home-ownership'],
  },
  {
    rule: 'Cwm Valley: no income answer is needed in Wales',
    policy: cwmValley,
    income: null,
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.unacceptable-behaviour', answer: 'no' },
  },
  {
    rule: 'Cwm Valley: s160A(7) unacceptable behaviour is referred for an officer',
    policy: cwmValley,
    circumstances: { unacceptableBehaviour: true },
    outcome: 'refer',
    unmet: ['qualification.unacceptable-behaviour'],
    reason: {
      rule: 'qualification.unacceptable-behaviour',
      clause: 'Housing Act 1996 s160A(7)-(8)',
      text: 'still be unsuitable now',
      answer: 'yes',
    },
  },
  {
    rule: 'Cwm Valley: a Welsh policy file carrying an age and residence rule still cannot apply them',
    policy: {
      ...cwmValley,
      qualification: { ...cwmValley.qualification, minimumAge: 25, residenceYears: 10 },
    },
    dateOfBirth: '2009-01-01',
    connection: { yearsInArea: 1 },
    outcome: 'qualifies',
    unmet: [],
    reason: { rule: 'qualification.local-criteria' },
    notApplied: ['qualification.minimum-age', 'qualification.residence'],
  },
];

/** The row's input: an adult of 32 with 5 years in the area, £2,000 a month and £1,000 saved, unless it says otherwise. */
function inputOf(row: Row) {
  const income: Income | undefined =
    row.income === null
      ? undefined
      : { monthlyEarnings: 200_000, monthlyBenefits: 0, savings: 100_000, ...row.income };
  return {
    applicant: { dateOfBirth: row.dateOfBirth ?? '1994-03-14' },
    localConnection: LocalConnection.parse({ yearsInArea: 5, ...row.connection }),
    income,
    circumstances: Circumstances.parse(row.circumstances ?? {}),
    policy: row.policy,
    decidedAt,
  };
}

describe('qualification, one rule per row, under both shipped policies', () => {
  it('has at least 30 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows)('$rule', (row) => {
    // Prepare
    const input = inputOf(row);

    // Act
    const decision = assessQualification(input);
    const checks = qualificationChecks(input);

    // Assess
    expect(decision.outcome).toBe(row.outcome);
    expect(checks.filter((check) => !check.met).map((check) => check.reason.rule)).toEqual(row.unmet);
    const reason = decision.reasons.find((candidate) => candidate.rule === row.reason.rule);
    expect(reason).toBeDefined();
    if (row.reason.clause) expect(reason?.clause).toBe(row.reason.clause);
    if (row.reason.text) expect(reason?.text).toContain(row.reason.text);
    if (row.reason.answer) expect(reason?.answer).toBe(row.reason.answer);
    for (const rule of row.notApplied ?? []) {
      expect(decision.reasons.map((candidate) => candidate.rule)).not.toContain(rule);
    }
    expect(Decision.safeParse(decision).success).toBe(true);
  });

  it.each(rows)('cites the statute of the policy’s jurisdiction: $rule', (row) => {
    // Prepare
    const input = inputOf(row);
    const statute =
      row.policy.jurisdiction === 'england' ? 'Housing Act 1996 s160ZA(7)' : 'Housing Act 1996 s160A(7)';

    // Act
    const decision = assessQualification(input);

    // Assess
    for (const reason of decision.reasons) {
      const onStatute = reason.clause.startsWith(statute);
      const onRegulations =
        row.policy.jurisdiction === 'england' && / \(England\) Regulations 20\d\d/.test(reason.clause);
      const onArticle22 = reason.rule === 'decision.officer-confirms' && reason.clause === 'UK GDPR Art. 22';
      expect({ rule: reason.rule, cited: onStatute || onRegulations || onArticle22 }).toEqual({
        rule: reason.rule,
        cited: true,
      });
    }
    const wrongStatute = row.policy.jurisdiction === 'england' ? 's160A' : 's160ZA';
    expect(decision.reasons.some((reason) => reason.clause.includes(wrongStatute))).toBe(false);
  });

  it.each(rows.filter((row) => row.outcome === 'refer'))(
    'a referral carries the review route with the policy’s days and an officer confirms it (Art. 22): $rule',
    (row) => {
      // Prepare
      const input = inputOf(row);
      const reviewClause =
        row.policy.jurisdiction === 'england' ? 'Housing Act 1996 s166A(9)' : 'Housing Act 1996 s167(4A)';

      // Act
      const decision = assessQualification(input);

      // Assess
      expect(decision.review).toEqual({
        route: expect.stringContaining(reviewClause),
        withinDays: row.policy.reviewWithinDays,
      });
      expect(decision.reasons.at(-1)).toMatchObject({
        rule: 'decision.officer-confirms',
        clause: 'UK GDPR Art. 22',
      });
      expect(decision.next).toMatch(/officer will check before anything is decided/);
      expect(decision.decidedBy).toBe('system');
    },
  );

  it.each(rows.filter((row) => row.outcome === 'qualifies'))(
    'a qualifying decision has no review route: $rule',
    (row) => {
      // Act
      const decision = assessQualification(inputOf(row));

      // Assess
      expect(decision.review).toBeUndefined();
      expect(decision.reasons.some((reason) => reason.rule === 'decision.officer-confirms')).toBe(false);
    },
  );
});

describe('qualification inputs', () => {
  it('records in England every answer its rules read', () => {
    // Prepare
    const input = inputOf({ ...rows[0], circumstances: { formerTenancyArrears: 5_000 } } as Row);

    // Act
    const decision = assessQualification(input);

    // Assess
    expect(decision.inputs).toEqual({
      dateOfBirth: '2008-11-02',
      ...input.localConnection,
      monthlyEarnings: 200_000,
      monthlyBenefits: 0,
      savings: 100_000,
      ownsProperty: false,
      formerTenancyArrears: 5_000,
      arrearsRepaymentPlanKept: false,
      unacceptableBehaviour: false,
    });
  });

  it('records in Wales only the behaviour answer, so changing another answer does not re-decide', () => {
    // Prepare
    const input = { ...inputOf({ ...rows[0], policy: cwmValley } as Row) };

    // Act
    const decision = assessQualification(input);

    // Assess
    expect(decision.inputs).toEqual({ unacceptableBehaviour: false });
  });

  it('takes every circumstances default when the section is not answered', () => {
    // Prepare
    const { circumstances: _unanswered, ...input } = inputOf({ ...rows[0] } as Row);

    // Act
    const decision = assessQualification(input);

    // Assess
    expect(decision.outcome).toBe('qualifies');
    expect(decision.inputs).toMatchObject({ ownsProperty: false, formerTenancyArrears: 0 });
  });
});
