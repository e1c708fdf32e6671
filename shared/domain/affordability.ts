import type { HouseholdMember, Income, Reason } from './application.js';
import {
  allocationClause,
  type SizeCriteriaNeed,
  type SizeCriteriaScheme,
  sizeCriteriaNeed,
  type UnderOccupancy,
  underOccupancy,
} from './bedrooms.js';
import { ageOn } from './dates.js';
import type { Property } from './letting.js';
import { poundsAndPence } from './money.js';
import type { Policy } from './policy.js';

/**
 * Affordability of a home (DESIGN.md §6): the rent left after help with housing costs, as a share of the
 * household's net income, against the council's threshold. A flag for a conversation, never a refusal: every
 * outcome's reason says an officer talks it through.
 *
 * The help is an estimate from the applicant's answers, in a simplified model (the DWP or the council's benefits
 * team decides the real amount):
 *
 * - Net income = monthly earnings + monthly benefits, as the applicant gave them (help with rent not included; any
 *   Universal Credit the household already gets is part of its benefits).
 * - Eligible rent = the weekly rent (no service charges), less the under-occupancy reduction of the size criteria
 *   of the household's scheme (`underOccupancy`: 0, 14% or 25%).
 * - Universal Credit (Universal Credit Regulations 2013), monthly: the rent is weekly x 52 / 12 (Sch 4
 *   para 7(2)(a)); the housing costs element is the eligible rent. The award is the maximum amount (standard
 *   allowance for a single person or couple, under 25 or not, reg 36; a child element for each child under 16)
 *   plus the housing element, less 55% of earnings above the work allowance (reg 22; the work allowance only for
 *   a household responsible for a child). The help with rent is what the housing element adds to that award:
 *   max(0, rest + housing - taper) - max(0, rest - taper), so the taper first uses up the rest of the award.
 * - Housing Benefit (Housing Benefit Regulations 2006), weekly: the eligible rent, less 65% of the income above
 *   the applicable amount (reg 71; personal allowance for a single person, lone parent or couple and a child
 *   allowance for each child under 16, reg 22 and Sch 3).
 * - 'none': no help; the full rent is compared with income. No answer: the household is assumed to claim
 *   Universal Credit, and the reason says so.
 * Not modelled: unearned income that UC deducts in full (reg 66) or HB disregards; the limited capability for
 * work, carer and childcare elements; the higher first-child rate and the two-child limit (reg 24A); housing cost
 * contributions and non-dependant deductions (UC Sch 4 paras 13 to 16, HB reg 74); the benefit cap (UC reg 80A,
 * HB reg 75A); passporting to maximum HB; pension-age Housing Benefit, which uses other regulations (the reason
 * says an officer checks it). Each of these moves the estimate; none turns it into a refusal.
 */

/**
 * Benefit rates for 2025-26 (DWP, "Benefit and pension rates 2025 to 2026", from the Social Security Benefits
 * Up-rating Order 2025), in pence. Update every April; nothing else in this module holds a rate.
 */
export const SUPPORT_RATES = {
  year: '2025-26',
  universalCredit: {
    /** Monthly standard allowance (UC Regs 2013 reg 36, table). */
    standardAllowance: {
      singleUnder25: 31_698,
      single25OrOver: 40_014,
      coupleBothUnder25: 49_755,
      couple25OrOver: 62_810,
    },
    /** Monthly child element for each child (reg 36, the rate for a child born on or after 6 April 2017). */
    childElement: 29_281,
    /** Monthly work allowance when the award includes a housing costs element (reg 22(3), the lower amount). */
    workAllowanceWithHousing: 41_100,
    /** Share of earnings above the work allowance taken off the award (reg 22(1)(b)). */
    taperPercent: 55,
  },
  housingBenefit: {
    /** Weekly personal allowances (HB Regs 2006 reg 22 and Sch 3 para 1). */
    personalAllowance: { singleUnder25: 7_290, single25OrOverOrLoneParent: 9_205, couple: 14_465 },
    /** Weekly personal allowance for each child (Sch 3 para 2). */
    childAllowance: 8_466,
    /** Share of income above the applicable amount taken off eligible rent (reg 71). */
    taperPercent: 65,
  },
} as const;

export type AffordabilityOutcome = 'affordable' | 'near-threshold' | 'over-threshold';

export interface Affordability {
  outcome: AffordabilityOutcome;
  /** Rent after help as a percentage of net income; null when there is no income to compare with. */
  sharePercent: number | null;
  /** The help modelled: the household's answer, or Universal Credit when they gave none (`supportAssumed`). */
  support: 'universal-credit' | 'housing-benefit' | 'none';
  supportAssumed: boolean;
  monthlyRent: number;
  monthlyHelp: number;
  monthlyRentAfterHelp: number;
  monthlyIncome: number;
  sizeCriteria: SizeCriteriaNeed;
  underOccupancy: UnderOccupancy;
  /** The under-occupancy reason, how the help was estimated, and the outcome: in that order. */
  reasons: Reason[];
}

const HB = 'Housing Benefit Regulations 2006';
const UC = 'Universal Credit Regulations 2013';

/**
 * The under-occupancy reduction and affordability of one home for one household (see the module comment for the
 * model). Pure: the same answers, policy and day give the same result.
 */
export function assessAffordability(input: {
  household: readonly HouseholdMember[];
  income: Income;
  /** An approved foster carer: an extra bedroom in the size criteria. */
  fosterCarer?: boolean;
  home: Pick<Property, 'weeklyRent' | 'bedrooms'>;
  policy: Pick<Policy, 'councilName' | 'policyId' | 'version' | 'affordability'>;
  on: string;
}): Affordability {
  const { household, income, home, policy, on } = input;
  const answered = income.housingSupport;
  const support = answered ?? 'universal-credit';
  // The size criteria of the household's scheme; with no help, those of Universal Credit (the default).
  const scheme: SizeCriteriaScheme = support === 'housing-benefit' ? 'housing-benefit' : 'universal-credit';
  const sizeCriteria = sizeCriteriaNeed({
    household,
    on,
    scheme,
    ...(input.fosterCarer === undefined ? {} : { fosterCarer: input.fosterCarer }),
  });
  const reduction = underOccupancy(sizeCriteria, home.bedrooms);

  const monthlyRent = Math.round((home.weeklyRent * 52) / 12);
  const monthlyIncome = income.monthlyEarnings + income.monthlyBenefits;
  const family = familyOf(household, on);
  const monthlyRentAfterHelp =
    support === 'universal-credit'
      ? monthlyRent - universalCreditHelp(monthlyRent, reduction.reductionPercent, income, family)
      : support === 'housing-benefit'
        ? Math.round(
            ((home.weeklyRent -
              housingBenefitHelp(home.weeklyRent, reduction.reductionPercent, income, family)) *
              52) /
              12,
          )
        : monthlyRent;
  const monthlyHelp = monthlyRent - monthlyRentAfterHelp;

  const { thresholdPercent, nearWithinPoints } = policy.affordability;
  // Compared as products, so a share exactly on a boundary is not moved by floating-point division.
  const outcome: AffordabilityOutcome =
    monthlyRentAfterHelp * 100 > thresholdPercent * monthlyIncome
      ? 'over-threshold'
      : monthlyRentAfterHelp * 100 >= (thresholdPercent - nearWithinPoints) * monthlyIncome &&
          monthlyRentAfterHelp > 0
        ? 'near-threshold'
        : 'affordable';
  const sharePercent = monthlyIncome === 0 ? null : (monthlyRentAfterHelp * 100) / monthlyIncome;

  const reasons: Reason[] = [
    ...reduction.reasons,
    helpReason(support, answered === undefined, monthlyRent, monthlyHelp, sizeCriteria.pensionAge),
    outcomeReason(outcome, sharePercent, monthlyRentAfterHelp, monthlyIncome, policy),
  ];
  return {
    outcome,
    sharePercent,
    support,
    supportAssumed: answered === undefined,
    monthlyRent,
    monthlyHelp,
    monthlyRentAfterHelp,
    monthlyIncome,
    sizeCriteria,
    underOccupancy: reduction,
    reasons,
  };
}

interface Family {
  couple: boolean;
  /** Every adult of the benefit unit (applicant and partner) is under 25. */
  allUnder25: boolean;
  applicantUnder25: boolean;
  /** Children under 16 living in the home (not lodgers, not yet born). */
  children: number;
}

function familyOf(household: readonly HouseholdMember[], on: string): Family {
  let couple = false;
  let allUnder25 = true;
  let applicantUnder25 = true;
  let children = 0;
  for (const member of household) {
    if (member.unborn || member.relationship === 'lodger') continue;
    const age = ageOn(member.dateOfBirth, on);
    if (member.relationship === 'applicant' || member.relationship === 'partner') {
      if (member.relationship === 'partner') couple = true;
      if (age >= 25) allUnder25 = false;
      if (member.relationship === 'applicant' && age >= 25) applicantUnder25 = false;
    } else if (age < 16) {
      children += 1;
    }
  }
  return { couple, allUnder25, applicantUnder25, children };
}

/** What the UC housing costs element adds to the award, monthly (UC Regs 2013 reg 22, reg 36, Sch 4). */
function universalCreditHelp(
  monthlyRent: number,
  reductionPercent: number,
  income: Income,
  family: Family,
): number {
  const rates = SUPPORT_RATES.universalCredit;
  const housing = monthlyRent - Math.round((monthlyRent * reductionPercent) / 100);
  const standard = family.couple
    ? family.allUnder25
      ? rates.standardAllowance.coupleBothUnder25
      : rates.standardAllowance.couple25OrOver
    : family.applicantUnder25
      ? rates.standardAllowance.singleUnder25
      : rates.standardAllowance.single25OrOver;
  const rest = standard + rates.childElement * family.children;
  const workAllowance = family.children > 0 ? rates.workAllowanceWithHousing : 0;
  const taper = Math.round((Math.max(0, income.monthlyEarnings - workAllowance) * rates.taperPercent) / 100);
  return Math.max(0, rest + housing - taper) - Math.max(0, rest - taper);
}

/** Housing Benefit, weekly: eligible rent less the taper on income above the applicable amount (HB Regs reg 71). */
function housingBenefitHelp(
  weeklyRent: number,
  reductionPercent: number,
  income: Income,
  family: Family,
): number {
  const rates = SUPPORT_RATES.housingBenefit;
  const eligible = weeklyRent - Math.round((weeklyRent * reductionPercent) / 100);
  const weeklyIncome = Math.round(((income.monthlyEarnings + income.monthlyBenefits) * 12) / 52);
  const personal = family.couple
    ? rates.personalAllowance.couple
    : family.applicantUnder25 && family.children === 0
      ? rates.personalAllowance.singleUnder25
      : rates.personalAllowance.single25OrOverOrLoneParent;
  const applicable = personal + rates.childAllowance * family.children;
  const taper = Math.round((Math.max(0, weeklyIncome - applicable) * rates.taperPercent) / 100);
  return Math.max(0, eligible - taper);
}

function helpReason(
  support: Affordability['support'],
  assumed: boolean,
  monthlyRent: number,
  monthlyHelp: number,
  pensionAge: boolean,
): Reason {
  const rent = `the rent of ${poundsAndPence(monthlyRent)} a month`;
  if (support === 'none') {
    return {
      rule: 'affordability.help.none',
      clause: `${UC} Sch 4 and ${HB} Part 3 (help with rent not claimed)`,
      text: `You told us you do not get help with your rent, so we compared ${rent} with your income. If that changes, tell us: Universal Credit may help with the rent.`,
      answer: '0',
    };
  }
  if (support === 'universal-credit') {
    return {
      rule: 'affordability.help.universal-credit',
      clause: `${UC} reg 22 (work allowance and 55% taper), reg 36 and Sch 4 (housing costs element)`,
      text: `${assumed ? 'You have not told us whether you get help with your rent, so we assumed you would claim Universal Credit. ' : ''}We estimate Universal Credit would pay ${poundsAndPence(monthlyHelp)} a month towards ${rent}. This is an estimate from your answers: the Department for Work and Pensions decides the amount.`,
      answer: String(monthlyHelp),
    };
  }
  return {
    rule: 'affordability.help.housing-benefit',
    clause: `${HB} reg 71 (65% taper) and reg 22 (applicable amount)`,
    text: `We estimate Housing Benefit would pay ${poundsAndPence(monthlyHelp)} a month towards ${rent}. This is an estimate from your answers: the council's benefits team decides the amount.${pensionAge ? ' Housing Benefit at State Pension age is worked out under other rules, so an officer will check this figure with you.' : ''}`,
    answer: String(monthlyHelp),
  };
}

function outcomeReason(
  outcome: AffordabilityOutcome,
  sharePercent: number | null,
  rentAfterHelp: number,
  income: number,
  policy: Pick<Policy, 'councilName' | 'policyId' | 'version' | 'affordability'>,
): Reason {
  const { thresholdPercent } = policy.affordability;
  const clause = allocationClause(
    policy,
    `affordability, rent after help with housing costs up to ${thresholdPercent}% of net household income`,
  );
  const guide = `${policy.councilName}'s affordability guide of ${thresholdPercent}% of income`;
  if (sharePercent === null) {
    return {
      rule: `affordability.${outcome}`,
      clause,
      text:
        rentAfterHelp === 0
          ? 'Help with housing costs would meet the whole rent, so the rent leaves nothing for you to pay.'
          : `We have no income recorded for your household, so we cannot compare the rent of ${poundsAndPence(rentAfterHelp)} a month with it. This is not a refusal: an officer will talk it through with you before you decide.`,
    };
  }
  const share = `${sharePercent.toFixed(1)}%`;
  const paying = `After help with housing costs you would pay ${poundsAndPence(rentAfterHelp)} a month, ${share} of your household's net income of ${poundsAndPence(income)} a month`;
  const text = {
    affordable: `${paying}. That is within ${guide}.`,
    'near-threshold': `${paying}, close to ${guide}. This does not stop the offer: an officer will talk the costs through with you before you decide.`,
    'over-threshold': `${paying}, above ${guide}. This is not a refusal: an officer will talk it through with you before you decide, including any help you may be able to get.`,
  }[outcome];
  return { rule: `affordability.${outcome}`, clause, text, answer: share };
}
