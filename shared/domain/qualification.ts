import {
  Circumstances,
  type Decision,
  type HouseholdMember,
  type Income,
  type LocalConnection,
  type Reason,
} from './application.js';
import { ageOn } from './dates.js';
import { officerConfirms } from './eligibility.js';
import { pounds } from './money.js';
import { type Policy, reviewRoute, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Qualification for the register.
 *
 * England (Housing Act 1996 s160ZA(7)): the council's local criteria, as policy data: minimum age; years of
 * residence, met instead by work or close family where the scheme allows; the statutory exceptions to a
 * residence rule (armed forces, Right to Move, domestic abuse, care leavers under 25); a yearly income cap and
 * a savings cap; home ownership; serious former-tenancy arrears unless a repayment plan is kept; serious
 * unacceptable behaviour.
 * Wales: councils may not set local criteria; the only test is unacceptable behaviour (s160A(7)-(8)).
 *
 * Each rule gives one reason: the rule, the clause, plain English with the answer used and, when it is not
 * met, what would change that. Any rule not met makes the outcome `refer` with the review route: an officer
 * confirms an adverse decision before it takes effect (UK GDPR Art. 22).
 */

export interface QualificationInput {
  applicant: Pick<HouseholdMember, 'dateOfBirth'>;
  localConnection: LocalConnection;
  /** Needed in England where the policy caps income or savings; without it those rules refer. */
  income?: Income | undefined;
  /** Not yet answered: every answer takes its default (owns nothing, no arrears, no behaviour found). */
  circumstances?: Circumstances | undefined;
  policy: Policy;
  decidedAt: string;
}

/** One rule's finding: the reason given, and whether the applicant meets the rule. */
export interface QualificationCheck {
  reason: Reason;
  met: boolean;
}

/** Statutory exceptions to a local residence rule, with the instrument each rests on. */
const residenceExceptions: Array<{
  flag: 'armedForces' | 'rightToMove' | 'fleeingDomesticAbuse' | 'careLeaver';
  clause: string;
  text: string;
  underAge?: number;
}> = [
  {
    flag: 'armedForces',
    clause: 'Allocation of Housing (Qualification Criteria for Armed Forces) (England) Regulations 2012',
    text: 'Members and recent veterans of the armed forces cannot be excluded by a residence rule.',
  },
  {
    flag: 'rightToMove',
    clause: 'Allocation of Housing (Qualification Criteria for Right to Move) (England) Regulations 2015',
    text: 'Social tenants who need to move here for work (Right to Move) cannot be excluded by a residence rule.',
  },
  {
    flag: 'fleeingDomesticAbuse',
    clause:
      'Allocation of Housing (Qualification Criteria for Victims of Domestic Abuse and Care Leavers) (England) Regulations 2025 reg 2',
    text: 'People fleeing domestic abuse are not held to a residence rule.',
  },
  {
    flag: 'careLeaver',
    clause:
      'Allocation of Housing (Qualification Criteria for Victims of Domestic Abuse and Care Leavers) (England) Regulations 2025 reg 2',
    text: 'Care leavers under 25 are not held to a residence rule.',
    underAge: 25,
  },
];

/** The day someone turns `age` (a 29 February birthday falls on 1 March in other years, as ageOn counts it). */
function birthdayAt(dateOfBirth: string, age: number): string {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const target = year + age;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  if (month === 2 && day === 29 && !leap) return `${target}-03-01`;
  return `${target}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const yes = (answer: boolean) => (answer ? 'yes' : 'no');
/** What would change a finding of serious anti-social behaviour, in both countries. */
const behaviourCanChange =
  'An officer will look at what happened and what has changed since. Showing that the behaviour has stopped would change the answer. For example, you could show a time of good behaviour, or support you have accepted.';

const yearsText = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

/** Every rule the policy's jurisdiction applies, in the order an officer reads them. */
export function qualificationChecks(input: QualificationInput): QualificationCheck[] {
  const circumstances = input.circumstances ?? Circumstances.parse({});
  return input.policy.jurisdiction === 'wales'
    ? walesChecks(input.policy, circumstances)
    : englandChecks(input, circumstances);
}

function walesChecks(policy: Policy, circumstances: Circumstances): QualificationCheck[] {
  const clause = statute.qualification.wales;
  return [
    {
      met: true,
      reason: {
        rule: 'qualification.local-criteria',
        clause,
        text: `In Wales, the law does not let a council make its own rules about who can join the register. So ${policy.councilName} does not look at your age or how long you have lived here. It does not look at your income, savings, home or rent arrears either.`,
      },
    },
    circumstances.unacceptableBehaviour
      ? {
          met: false,
          reason: {
            rule: 'qualification.unacceptable-behaviour',
            clause: `${clause}-(8)`,
            text: `You told us a court found you, or someone in your household, responsible for serious anti-social behaviour. In Wales, a council can only turn someone away for this if the behaviour makes them unsuitable to be a tenant. They must also still be unsuitable now. ${behaviourCanChange}`,
            answer: 'yes',
          },
        }
      : {
          met: true,
          reason: {
            rule: 'qualification.unacceptable-behaviour',
            clause,
            text: 'No court has found you or anyone in your household responsible for serious anti-social behaviour. In Wales, that is the only test.',
            answer: 'no',
          },
        },
  ];
}

function englandChecks(input: QualificationInput, circumstances: Circumstances): QualificationCheck[] {
  const { applicant, localConnection, income, policy, decidedAt } = input;
  const rules = policy.qualification;
  const clause = statute.qualification.england;
  const council = policy.councilName;
  const age = ageOn(applicant.dateOfBirth, decidedAt.slice(0, 10));
  const checks: QualificationCheck[] = [];

  // Minimum age.
  checks.push(
    age >= rules.minimumAge
      ? {
          met: true,
          reason: {
            rule: 'qualification.minimum-age',
            clause,
            text: `You are ${age}. ${council} accepts applicants aged ${rules.minimumAge} or over.`,
            answer: applicant.dateOfBirth,
          },
        }
      : {
          met: false,
          reason: {
            rule: 'qualification.minimum-age',
            clause,
            text: `You are ${age}. ${council} accepts applicants aged ${rules.minimumAge} or over, unless an officer decides your circumstances are exceptional. You can apply from your ${ordinal(rules.minimumAge)} birthday, on ${birthdayAt(applicant.dateOfBirth, rules.minimumAge)}.`,
            answer: applicant.dateOfBirth,
          },
        },
  );

  // Residence, or what meets it instead.
  const needed = rules.residenceYears;
  if (needed > 0) checks.push(residenceCheck(localConnection, age, policy));

  // Income and savings caps.
  if (rules.incomeCapYearly !== null || rules.savingsCap !== null) {
    if (income === undefined) {
      checks.push({
        met: false,
        reason: {
          rule: 'qualification.income-cap',
          clause,
          text: `${council} has limits on income and savings, and we do not have your answers about them yet. Tell us your household's income and savings and we will look again.`,
        },
      });
    } else {
      if (rules.incomeCapYearly !== null) checks.push(incomeCheck(income, rules.incomeCapYearly, council));
      if (rules.savingsCap !== null) checks.push(savingsCheck(income, rules.savingsCap, council));
    }
  }

  // Home ownership.
  if (rules.excludeHomeOwners) {
    checks.push(
      circumstances.ownsProperty
        ? {
            met: false,
            reason: {
              rule: 'qualification.home-ownership',
              clause,
              text: `You told us you own a home, or part of one. ${council} does not usually accept home owners. An officer will look at whether you can live in it or sell it. If you cannot, you may qualify: for example, if it is not safe for you, or not suitable for a disability. You may also qualify once you no longer own it.`,
              answer: 'yes',
            },
          }
        : {
            met: true,
            reason: {
              rule: 'qualification.home-ownership',
              clause,
              text: `You do not own a home. ${council} does not accept home owners.`,
              answer: 'no',
            },
          },
    );
  }

  // Serious former-tenancy arrears.
  if (rules.seriousArrears !== null) checks.push(arrearsCheck(circumstances, rules.seriousArrears, council));

  // Serious unacceptable behaviour (a local criterion in England, s160ZA(7)).
  checks.push(
    circumstances.unacceptableBehaviour
      ? {
          met: false,
          reason: {
            rule: 'qualification.unacceptable-behaviour',
            clause,
            text: `You told us a court found you, or someone in your household, responsible for serious anti-social behaviour. ${council} does not accept people whose behaviour makes them unsuitable to be a tenant. ${behaviourCanChange}`,
            answer: 'yes',
          },
        }
      : {
          met: true,
          reason: {
            rule: 'qualification.unacceptable-behaviour',
            clause,
            text: 'No court has found you or anyone in your household responsible for serious anti-social behaviour.',
            answer: 'no',
          },
        },
  );
  return checks;
}

function residenceCheck(localConnection: LocalConnection, age: number, policy: Policy): QualificationCheck {
  const clause = statute.qualification.england;
  const council = policy.councilName;
  const needed = policy.qualification.residenceYears;
  const alternatives = policy.qualification.residenceAlternatives;
  const years = localConnection.yearsInArea;
  const answer = String(years);
  if (years >= needed) {
    return {
      met: true,
      reason: {
        rule: 'qualification.residence',
        clause,
        text: `You have lived in the area for ${yearsText(years)}. ${council} asks for ${needed}.`,
        answer,
      },
    };
  }
  const exception = residenceExceptions.find(
    (candidate) =>
      localConnection[candidate.flag] === true &&
      (candidate.underAge === undefined || age < candidate.underAge),
  );
  if (exception) {
    return {
      met: true,
      reason: {
        rule: `qualification.residence.exception.${exception.flag}`,
        clause: exception.clause,
        text: `${exception.text} So the ${needed}-year residence rule does not apply to you.`,
        answer,
      },
    };
  }
  if (alternatives.work && localConnection.worksInArea === true) {
    return {
      met: true,
      reason: {
        rule: 'qualification.residence.work',
        clause,
        text: `You have lived in the area for ${yearsText(years)}. But you work here. ${council} accepts work in the area instead of the ${needed}-year residence rule.`,
        answer: 'works in the area',
      },
    };
  }
  if (alternatives.closeFamily && localConnection.closeFamilyInArea === true) {
    return {
      met: true,
      reason: {
        rule: 'qualification.residence.close-family',
        clause,
        text: `You have lived in the area for ${yearsText(years)}. But close family of yours have lived here for five years or more. ${council} accepts that instead of the ${needed}-year residence rule.`,
        answer: 'close family in the area',
      },
    };
  }
  const instead = [
    alternatives.work ? 'work in the area' : undefined,
    alternatives.closeFamily
      ? 'have a parent, adult child, brother or sister who has lived here five years'
      : undefined,
  ].filter((text) => text !== undefined);
  const notAccepted = [
    !alternatives.work && localConnection.worksInArea === true
      ? `${council} does not accept work in the area instead.`
      : undefined,
    !alternatives.closeFamily && localConnection.closeFamilyInArea === true
      ? `${council} does not accept close family in the area instead.`
      : undefined,
  ].filter((text) => text !== undefined);
  const lateCareLeaver =
    localConnection.careLeaver && age >= 25
      ? ' The exception for care leavers ends at 25, so it no longer applies to you.'
      : '';
  return {
    met: false,
    reason: {
      rule: 'qualification.residence',
      clause,
      text: [
        `You have lived in the area for ${yearsText(years)}. ${council} asks for ${yearsText(needed)}.`,
        ...notAccepted,
        `${lateCareLeaver.trim()}`,
        `You would qualify after ${yearsText(needed - years)} more here.`,
        instead.length > 0 ? `You would also qualify if you ${instead.join(' or ')}.` : '',
        'You would also qualify if you are in the armed forces, fleeing domestic abuse, a care leaver under 25 or moving here for work (Right to Move).',
      ]
        .filter((part) => part.length > 0)
        .join(' '),
      answer,
    },
  };
}

function incomeCheck(income: Income, capYearly: number, council: string): QualificationCheck {
  const yearly = (income.monthlyEarnings + income.monthlyBenefits) * 12;
  const sum = `${pounds(income.monthlyEarnings)} earnings and ${pounds(income.monthlyBenefits)} benefits a month, so ${pounds(yearly)} a year`;
  return yearly <= capYearly
    ? {
        met: true,
        reason: {
          rule: 'qualification.income-cap',
          clause: statute.qualification.england,
          text: `Your household's income is ${sum}. ${council}'s limit is ${pounds(capYearly)} a year.`,
          answer: pounds(yearly),
        },
      }
    : {
        met: false,
        reason: {
          rule: 'qualification.income-cap',
          clause: statute.qualification.england,
          text: `Your household's income is ${sum}. ${council}'s limit is ${pounds(capYearly)} a year. So you could probably afford a home without help. If your income falls to ${pounds(capYearly)} a year or less, you would qualify. An officer will also look at whether your circumstances are exceptional.`,
          answer: pounds(yearly),
        },
      };
}

function savingsCheck(income: Income, cap: number, council: string): QualificationCheck {
  return income.savings <= cap
    ? {
        met: true,
        reason: {
          rule: 'qualification.savings-cap',
          clause: statute.qualification.england,
          text: `Your household has ${pounds(income.savings)} in savings and other assets. ${council}'s limit is ${pounds(cap)}.`,
          answer: pounds(income.savings),
        },
      }
    : {
        met: false,
        reason: {
          rule: 'qualification.savings-cap',
          clause: statute.qualification.england,
          text: `Your household has ${pounds(income.savings)} in savings and other assets. ${council}'s limit is ${pounds(cap)}. If your savings fall to ${pounds(cap)} or less, you would qualify. An officer will also look at whether your circumstances are exceptional.`,
          answer: pounds(income.savings),
        },
      };
}

function arrearsCheck(circumstances: Circumstances, serious: number, council: string): QualificationCheck {
  const owed = circumstances.formerTenancyArrears;
  const clause = statute.qualification.england;
  const rule = 'qualification.serious-arrears';
  const answer = `${pounds(owed)}${owed > 0 ? `, repayment plan kept: ${yes(circumstances.arrearsRepaymentPlanKept)}` : ''}`;
  if (owed < serious) {
    return {
      met: true,
      reason: {
        rule,
        clause,
        text:
          owed === 0
            ? 'You do not owe rent to a former landlord.'
            : `You owe ${pounds(owed)} to a former landlord. ${council} treats arrears of ${pounds(serious)} or more as serious, so this does not stop you joining.`,
        answer,
      },
    };
  }
  if (circumstances.arrearsRepaymentPlanKept) {
    return {
      met: true,
      reason: {
        rule,
        clause,
        text: `You owe ${pounds(owed)} to a former landlord. You keep to a plan you agreed to pay it back, so ${council} does not count it against you.`,
        answer,
      },
    };
  }
  return {
    met: false,
    reason: {
      rule,
      clause,
      text: `You owe ${pounds(owed)} to a former landlord. ${council} treats arrears of ${pounds(serious)} or more as serious unless you keep to an agreed plan to repay them. You could agree a plan with your former landlord and keep to it. Or you could pay the arrears down below ${pounds(serious)}. Either would change this.`,
      answer,
    },
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The answers a decision used, so it can be re-run and explained later (only those its rules read). */
function inputsUsed(input: QualificationInput): Record<string, unknown> {
  const circumstances = input.circumstances ?? Circumstances.parse({});
  if (input.policy.jurisdiction === 'wales') {
    return { unacceptableBehaviour: circumstances.unacceptableBehaviour };
  }
  const rules = input.policy.qualification;
  const capped = rules.incomeCapYearly !== null || rules.savingsCap !== null;
  return {
    dateOfBirth: input.applicant.dateOfBirth,
    ...input.localConnection,
    ...(capped && input.income
      ? {
          monthlyEarnings: input.income.monthlyEarnings,
          monthlyBenefits: input.income.monthlyBenefits,
          savings: input.income.savings,
        }
      : {}),
    ...(rules.excludeHomeOwners ? { ownsProperty: circumstances.ownsProperty } : {}),
    ...(rules.seriousArrears !== null
      ? {
          formerTenancyArrears: circumstances.formerTenancyArrears,
          arrearsRepaymentPlanKept: circumstances.arrearsRepaymentPlanKept,
        }
      : {}),
    unacceptableBehaviour: circumstances.unacceptableBehaviour,
  };
}

export function assessQualification(input: QualificationInput): Decision {
  const { policy, decidedAt } = input;
  const checks = qualificationChecks(input);
  const base = {
    stage: Stage.Qualification,
    inputs: inputsUsed(input),
    policyVersion: `${policy.policyId}@${policy.version}`,
    decidedBy: 'system' as const,
    decidedAt,
  };
  const reasons = checks.map((check) => check.reason);
  if (checks.every((check) => check.met)) {
    return {
      ...base,
      outcome: 'qualifies',
      reasons,
      next: 'Next we ask about the people who will live with you.',
    };
  }
  return {
    ...base,
    outcome: 'refer',
    reasons: [...reasons, officerConfirms(policy)],
    next: 'It looks as if you may not qualify yet. An officer will check before anything is decided, and will write to you with the reasons.',
    review: reviewRoute(policy),
  };
}
