import * as fc from 'fast-check';
import { type Affordability, assessAffordability, SUPPORT_RATES } from '../../../shared/domain/affordability';
import type { HouseholdMember, Income } from '../../../shared/domain/application';
import { policyFor } from '../../../shared/policies';
import { aHousehold, boy, girl, household, partner, TODAY, you } from '../../support/households';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');

function income(
  monthlyEarnings: number,
  monthlyBenefits: number,
  housingSupport?: Income['housingSupport'],
): Income {
  return { monthlyEarnings, monthlyBenefits, savings: 0, ...(housingSupport ? { housingSupport } : {}) };
}

function assess(
  members: HouseholdMember[],
  answers: Income,
  weeklyRent: number,
  bedrooms: number,
  policy = riverside,
): Affordability {
  return assessAffordability({
    household: members,
    income: answers,
    home: { weeklyRent, bedrooms },
    policy,
    on: TODAY,
  });
}

const single = household(you());

describe('assessAffordability: outcomes against the council’s threshold', () => {
  it.each([
    {
      rule: 'no help: £433.33 rent on £2,000 income is 21.7%, within Riverside’s 35%',
      members: single,
      answers: income(200_000, 0, 'none'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 43_333,
      share: '21.7%',
    },
    {
      rule: 'no help: the same rent on £1,300 is 33.3%, near the threshold',
      members: single,
      answers: income(130_000, 0, 'none'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'near-threshold',
      afterHelp: 43_333,
      share: '33.3%',
    },
    {
      rule: 'no help: the same rent on £1,000 is 43.3%, over the threshold',
      members: single,
      answers: income(100_000, 0, 'none'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'over-threshold',
      afterHelp: 43_333,
      share: '43.3%',
    },
    {
      rule: 'exactly at the threshold (35.0%) is near, not over',
      members: single,
      answers: income(100_000, 30_000, 'none'),
      rent: 10_500,
      bedrooms: 1,
      policy: riverside,
      outcome: 'near-threshold',
      afterHelp: 45_500,
      share: '35.0%',
    },
    {
      rule: 'a penny less income puts the same rent over the threshold',
      members: single,
      answers: income(100_000, 29_999, 'none'),
      rent: 10_500,
      bedrooms: 1,
      policy: riverside,
      outcome: 'over-threshold',
      afterHelp: 45_500,
      share: '35.0%',
    },
    {
      rule: 'exactly 5 points below the threshold (30.0%) is near',
      members: single,
      answers: income(130_000, 0, 'none'),
      rent: 9_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'near-threshold',
      afterHelp: 39_000,
      share: '30.0%',
    },
    {
      rule: 'a penny more income makes the same rent affordable',
      members: single,
      answers: income(130_001, 0, 'none'),
      rent: 9_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 39_000,
      share: '30.0%',
    },
    {
      rule: 'Riverside (35%): 37.0% of income is over the threshold',
      members: single,
      answers: income(123_000, 0, 'none'),
      rent: 10_500,
      bedrooms: 1,
      policy: riverside,
      outcome: 'over-threshold',
      afterHelp: 45_500,
      share: '37.0%',
    },
    {
      rule: 'Cwm Valley (40%): the same 37.0% is near the threshold',
      members: single,
      answers: income(123_000, 0, 'none'),
      rent: 10_500,
      bedrooms: 1,
      policy: cwmValley,
      outcome: 'near-threshold',
      afterHelp: 45_500,
      share: '37.0%',
    },
    {
      rule: 'UC, no earnings: the housing element meets the whole rent of a home that fits',
      members: single,
      answers: income(0, 40_014, 'universal-credit'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 0,
      share: '0.0%',
    },
    {
      rule: 'UC, £1,500 earnings: the 55% taper uses up the standard allowance first, leaving £8.47 of help',
      members: single,
      answers: income(150_000, 0, 'universal-credit'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 42_486,
      share: '28.3%',
    },
    {
      rule: 'UC, one spare bedroom: 14% of the rent is not met',
      members: single,
      answers: income(0, 40_014, 'universal-credit'),
      rent: 10_000,
      bedrooms: 2,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 6_067,
      share: '15.2%',
    },
    {
      rule: 'UC, two spare bedrooms: the 25% reduction puts the rent over the threshold',
      members: single,
      answers: income(0, 40_014, 'universal-credit'),
      rent: 20_000,
      bedrooms: 3,
      policy: riverside,
      outcome: 'over-threshold',
      afterHelp: 21_667,
      share: '54.1%',
    },
    {
      rule: 'UC, a lone parent: the work allowance and child element mean the taper never reaches the housing element',
      members: household(you(), boy('Ben', 5)),
      answers: income(100_000, 0, 'universal-credit'),
      rent: 10_000,
      bedrooms: 2,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 0,
      share: '0.0%',
    },
    {
      rule: 'HB, benefits only: income 29p a week above the applicable amount leaves 19p a week to pay',
      members: single,
      answers: income(0, 40_014, 'housing-benefit'),
      rent: 10_000,
      bedrooms: 1,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 82,
      share: '0.2%',
    },
    {
      rule: 'HB, a working couple with two girls: 65% of income above the applicable amount comes off the rent',
      members: household(you(), partner(), girl('Cerys', 12), girl('Elin', 6)),
      answers: income(180_000, 20_000, 'housing-benefit'),
      rent: 12_000,
      bedrooms: 2,
      policy: riverside,
      outcome: 'affordable',
      afterHelp: 41_565,
      share: '20.8%',
    },
  ] as const)('$rule', ({ members, answers, rent, bedrooms, policy, outcome, afterHelp, share }) => {
    // Act
    const result = assess([...members], answers, rent, bedrooms, policy);

    // Assess
    expect(result.outcome).toBe(outcome);
    expect(result.monthlyRentAfterHelp).toBe(afterHelp);
    expect(result.monthlyHelp).toBe(result.monthlyRent - afterHelp);
    expect(result.reasons.at(-1)).toMatchObject({ rule: `affordability.${outcome}`, answer: share });
  });
});

describe('assessAffordability: the reasons', () => {
  it('says a near-threshold rent does not stop the offer and an officer talks it through', () => {
    // Act
    const result = assess(single, income(130_000, 0, 'none'), 10_000, 1);

    // Assess
    expect(result.reasons.at(-1)).toEqual({
      rule: 'affordability.near-threshold',
      clause:
        'Riverside Council allocation scheme (policy riverside-council@2026-04): affordability, rent after help with housing costs up to 35% of net household income',
      text: "After help with housing costs you would pay £433.33 a month, 33.3% of your household's net income of £1,300.00 a month, close to Riverside Council's affordability guide of 35% of income. This does not stop the offer: an officer will talk the costs through with you before you decide.",
      answer: '33.3%',
    });
  });

  it('says an over-threshold rent is not a refusal', () => {
    // Act
    const result = assess(single, income(100_000, 0, 'none'), 10_000, 1);

    // Assess
    expect(result.reasons.at(-1)?.text).toContain(
      "above Riverside Council's affordability guide of 35% of income. This is not a refusal: an officer will talk it through with you before you decide",
    );
  });

  it('puts the under-occupancy reason first, then how the help was estimated, then the outcome', () => {
    // Act
    const result = assess(single, income(0, 40_014, 'universal-credit'), 20_000, 3);

    // Assess
    expect(result.reasons.map((reason) => reason.rule)).toEqual([
      'under-occupancy.25',
      'affordability.help.universal-credit',
      'affordability.over-threshold',
    ]);
    expect(result.reasons[1]).toMatchObject({
      clause:
        'Universal Credit Regulations 2013 reg 22 (work allowance and 55% taper), reg 36 and Sch 4 (housing costs element)',
      answer: '65000',
    });
    expect(result.underOccupancy.reductionPercent).toBe(25);
  });

  it('assumes Universal Credit when the household has not said, and says so', () => {
    // Act
    const result = assess(single, income(0, 40_014), 10_000, 1);

    // Assess
    expect(result).toMatchObject({
      support: 'universal-credit',
      supportAssumed: true,
      outcome: 'affordable',
    });
    expect(result.sizeCriteria.scheme).toBe('universal-credit');
    expect(result.reasons[1]?.text).toMatch(
      /^You have not told us whether you get help with your rent, so we assumed you would claim Universal Credit\./,
    );
  });

  it('uses the Housing Benefit size criteria for a household on Housing Benefit, so a lodger keeps a room', () => {
    // Prepare
    const members = household(you(), { ...you(), relationship: 'lodger', firstName: 'Pat' });

    // Act
    const onHousingBenefit = assess(members, income(0, 40_014, 'housing-benefit'), 10_000, 2);
    const onUniversalCredit = assess(members, income(0, 40_014, 'universal-credit'), 10_000, 2);

    // Assess
    expect(onHousingBenefit.underOccupancy.reductionPercent).toBe(0);
    expect(onUniversalCredit.underOccupancy.reductionPercent).toBe(14);
  });

  it('compares the full rent with income when the household gets no help', () => {
    // Act
    const result = assess(single, income(200_000, 0, 'none'), 10_000, 1);

    // Assess
    expect(result.monthlyHelp).toBe(0);
    expect(result.reasons[1]).toMatchObject({ rule: 'affordability.help.none', answer: '0' });
  });

  it('flags a household with no income recorded as over the threshold, without refusing', () => {
    // Act
    const result = assess(single, income(0, 0, 'none'), 10_000, 1);

    // Assess
    expect(result).toMatchObject({ outcome: 'over-threshold', sharePercent: null });
    expect(result.reasons.at(-1)?.text).toBe(
      'We have no income recorded for your household, so we cannot compare the rent of £433.33 a month with it. This is not a refusal: an officer will talk it through with you before you decide.',
    );
  });

  it('asks an officer to check pension-age Housing Benefit, with no spare-bedroom reduction', () => {
    // Prepare
    const members = household(you({}, '1950-01-01'));

    // Act
    const result = assess(members, income(0, 90_000, 'housing-benefit'), 10_000, 2);

    // Assess
    expect(result.underOccupancy.reductionPercent).toBe(0);
    expect(result.reasons[1]?.text).toContain('an officer will check this figure with you');
  });

  it('keeps every rate in one place, with the year it applies to', () => {
    expect(SUPPORT_RATES.year).toBe('2025-26');
    expect(SUPPORT_RATES.universalCredit.taperPercent).toBe(55);
    expect(SUPPORT_RATES.housingBenefit.taperPercent).toBe(65);
  });
});

describe('assessAffordability (property-based)', () => {
  const answers = fc
    .record({
      earnings: fc.integer({ min: 0, max: 600_000 }),
      benefits: fc.integer({ min: 0, max: 300_000 }),
      support: fc.constantFrom<Income['housingSupport'] | undefined>(
        undefined,
        'none',
        'universal-credit',
        'housing-benefit',
      ),
    })
    .map(({ earnings, benefits, support }) => income(earnings, benefits, support));
  const rank = { affordable: 0, 'near-threshold': 1, 'over-threshold': 2 } as const;

  it('never makes a home more affordable when its rent is higher', () => {
    fc.assert(
      fc.property(
        aHousehold,
        answers,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.constantFrom(riverside, cwmValley),
        (members, money, bedrooms, rent, more, policy) => {
          const cheaper = assess(members, money, rent, bedrooms, policy);
          const dearer = assess(members, money, rent + more, bedrooms, policy);
          return (
            dearer.monthlyRentAfterHelp >= cheaper.monthlyRentAfterHelp &&
            rank[dearer.outcome] >= rank[cheaper.outcome]
          );
        },
      ),
      { seed: 20261102, numRuns: 500 },
    );
  });

  it('never pays more help than the rent, nor less than nothing', () => {
    fc.assert(
      fc.property(
        aHousehold,
        answers,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 100_000 }),
        (members, money, bedrooms, rent) => {
          const result = assess(members, money, rent, bedrooms);
          return result.monthlyHelp >= 0 && result.monthlyHelp <= result.monthlyRent;
        },
      ),
      { seed: 20261102, numRuns: 500 },
    );
  });
});
