import type { Decision, HouseholdMember, LocalConnection, Reason } from './application.js';
import { ageOn } from './dates.js';
import { type Policy, reviewRoute, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Qualification for the register under the council's local criteria.
 *
 * England (Housing Act 1996 s160ZA(7)): today the age and residence rules, with the statutory exceptions to
 * residence rules. Wales: schemes may not set local qualification criteria; only the unacceptable-behaviour
 * test of s160A(7) applies, which needs an officer, so Doorstep records that it does not ask it yet.
 * A household that does not meet a rule is referred: an officer confirms an adverse decision (UK GDPR Art. 22).
 */

/** Statutory exceptions to a local residence rule, with the instrument each rests on. */
const residenceExceptions: Array<{
  flag: keyof LocalConnection;
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

export function assessQualification(input: {
  applicant: Pick<HouseholdMember, 'dateOfBirth'>;
  localConnection: LocalConnection;
  policy: Policy;
  decidedAt: string;
}): Decision {
  const { applicant, localConnection, policy, decidedAt } = input;
  const policyVersion = `${policy.policyId}@${policy.version}`;
  const inputs = { dateOfBirth: applicant.dateOfBirth, ...localConnection };

  if (policy.jurisdiction === 'wales') {
    return {
      stage: Stage.Qualification,
      outcome: 'qualifies',
      reasons: [
        {
          rule: 'qualification.wales',
          clause: statute.qualification.wales,
          text: 'Councils in Wales cannot set their own rules about who joins the register. The only test is serious unacceptable behaviour, which an officer looks at only if there is a reason to.',
        },
      ],
      inputs,
      policyVersion,
      decidedBy: 'system',
      decidedAt,
      next: 'Next we ask about the people who will live with you.',
    };
  }

  const clause = statute.qualification.england;
  const age = ageOn(applicant.dateOfBirth, decidedAt.slice(0, 10));
  const reasons: Reason[] = [];
  let meetsEveryRule = true;

  if (age >= policy.qualification.minimumAge) {
    reasons.push({
      rule: 'qualification.minimum-age',
      clause,
      text: `You are ${age}. ${policy.councilName} accepts applicants aged ${policy.qualification.minimumAge} or over.`,
      answer: applicant.dateOfBirth,
    });
  } else {
    meetsEveryRule = false;
    reasons.push({
      rule: 'qualification.minimum-age',
      clause,
      text: `You are ${age}. ${policy.councilName} accepts applicants aged ${policy.qualification.minimumAge} or over, unless an officer decides your circumstances are exceptional.`,
      answer: applicant.dateOfBirth,
    });
  }

  const needed = policy.qualification.residenceYears;
  const exception = residenceExceptions.find(
    (candidate) =>
      localConnection[candidate.flag] === true &&
      (candidate.underAge === undefined || age < candidate.underAge),
  );
  if (localConnection.yearsInArea >= needed) {
    reasons.push({
      rule: 'qualification.residence',
      clause,
      text: `You have lived in the area for ${localConnection.yearsInArea} years. ${policy.councilName} asks for ${needed}.`,
      answer: String(localConnection.yearsInArea),
    });
  } else if (exception) {
    reasons.push({
      rule: `qualification.residence.exception.${exception.flag}`,
      clause: exception.clause,
      text: `${exception.text} So the ${needed}-year residence rule does not apply to you.`,
      answer: String(localConnection.yearsInArea),
    });
  } else {
    meetsEveryRule = false;
    reasons.push({
      rule: 'qualification.residence',
      clause,
      text: `You have lived in the area for ${localConnection.yearsInArea} years. ${policy.councilName} asks for ${needed} years, unless you are in the armed forces, fleeing domestic abuse, a care leaver or moving for work.`,
      answer: String(localConnection.yearsInArea),
    });
  }

  if (meetsEveryRule) {
    return {
      stage: Stage.Qualification,
      outcome: 'qualifies',
      reasons,
      inputs,
      policyVersion,
      decidedBy: 'system',
      decidedAt,
      next: 'Next we ask about the people who will live with you.',
    };
  }
  return {
    stage: Stage.Qualification,
    outcome: 'refer',
    reasons,
    inputs,
    policyVersion,
    decidedBy: 'system',
    decidedAt,
    next: 'It looks as if you may not qualify yet. An officer will check before anything is decided, and will write to you with the reasons.',
    review: reviewRoute(policy),
  };
}
