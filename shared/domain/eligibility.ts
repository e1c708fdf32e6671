import type { Decision, ImmigrationStatus, Reason } from './application.js';
import { type Jurisdiction, type Policy, reviewRoute, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Eligibility for an allocation (Housing Act 1996 s160ZA in England, s160A in Wales): who, as a person from
 * abroad, the law lets a council allocate a home to. Three results:
 * - eligible: the status is eligible on its face;
 * - refer, to be checked: the answer needs documents or an officer's judgement (pre-settled status, limited
 *   leave, not sure);
 * - refer, likely not eligible: on the answer alone the law makes the applicant ineligible. Doorstep still
 *   does not refuse: an adverse automated decision is confirmed by a person before it takes effect (UK GDPR
 *   Art. 22), so the outcome is `refer` and the reasons say plainly what the answer means.
 * Every decision other than "eligible" carries the review route (s166A(9) England, s167(4A) Wales).
 */

/** Where the law on each kind of person from abroad sits, per jurisdiction. */
const clauses = {
  /** People subject to immigration control: ineligible unless of a prescribed class. */
  subjectToControl: {
    england:
      'Housing Act 1996 s160ZA(2); Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006 reg 3',
    wales:
      'Housing Act 1996 s160A(3); Allocation of Housing and Homelessness (Eligibility) (Wales) Regulations 2014 reg 3',
  },
  /** Other people from abroad: the habitual-residence and right-to-reside tests. */
  otherFromAbroad: {
    england:
      'Housing Act 1996 s160ZA(4); Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006 reg 4',
    wales:
      'Housing Act 1996 s160A(5); Allocation of Housing and Homelessness (Eligibility) (Wales) Regulations 2014 reg 4',
  },
  /** The whole section, where the answer does not yet say which part applies. */
  whole: statute.eligibility,
} as const satisfies Record<string, Record<Jurisdiction, string>>;

type Finding = {
  kind: 'eligible' | 'check' | 'likely-ineligible';
  clause: keyof typeof clauses;
  text: string;
};

const findings: Record<ImmigrationStatus, Finding> = {
  'british-or-irish': {
    kind: 'eligible',
    clause: 'otherFromAbroad',
    text: 'The law lets a council give a home to British and Irish citizens. They must normally live in the UK, Ireland, the Channel Islands or the Isle of Man.',
  },
  'eu-settled-status': {
    kind: 'eligible',
    clause: 'subjectToControl',
    text: 'The law lets a council give a home to people with settled status. This is the status from the EU Settlement Scheme that lets you stay in the UK with no time limit.',
  },
  'indefinite-leave': {
    kind: 'eligible',
    clause: 'subjectToControl',
    text: 'People with indefinite leave to remain can stay in the UK with no time limit. If they normally live in the UK, the law lets a council give them a home.',
  },
  'refugee-or-humanitarian-protection': {
    kind: 'eligible',
    clause: 'subjectToControl',
    text: 'The law lets a council give a home to refugees. It is the same for people given humanitarian protection.',
  },
  'eu-pre-settled-status': {
    kind: 'check',
    clause: 'otherFromAbroad',
    text: 'Pre-settled status on its own does not let a council give you a home. It depends on whether you work, work for yourself or have another right to live here. An officer will check this with you.',
  },
  'limited-leave': {
    kind: 'check',
    clause: 'subjectToControl',
    text: 'Most people with limited leave cannot be given a council home, but some can. For example, people whose leave lets them use public funds, or people here under a resettlement scheme. An officer will check your leave with you.',
  },
  'no-current-permission': {
    kind: 'likely-ineligible',
    clause: 'subjectToControl',
    text: 'You told us you do not have permission to stay in the UK. The law does not let a council give a home to someone who needs permission but does not have it. So from this answer, you are likely not to be eligible. This is not a decision yet. An officer will look at your situation first. If you have applied for permission, or your status has changed, tell the officer. That would change the answer.',
  },
  'not-sure': {
    kind: 'check',
    clause: 'whole',
    text: 'You were not sure of your immigration status. An officer will help you find out, for example with a share code.',
  },
};

export function assessEligibility(input: {
  immigrationStatus: ImmigrationStatus;
  policy: Policy;
  decidedAt: string;
}): Decision {
  const { immigrationStatus, policy, decidedAt } = input;
  const finding = findings[immigrationStatus];
  const base = {
    stage: Stage.Eligibility,
    inputs: { immigrationStatus },
    policyVersion: `${policy.policyId}@${policy.version}`,
    decidedBy: 'system' as const,
    decidedAt,
  };
  const reason: Reason = {
    rule:
      finding.kind === 'eligible'
        ? 'eligibility.immigration-status'
        : `eligibility.immigration-status.${finding.kind}`,
    clause: clauses[finding.clause][policy.jurisdiction],
    text: finding.text,
    answer: immigrationStatus,
  };

  if (finding.kind === 'eligible') {
    return {
      ...base,
      outcome: 'eligible',
      reasons: [reason],
      next: 'Next we ask a few questions to check you can join the housing register.',
    };
  }
  const reasons: Reason[] =
    finding.kind === 'likely-ineligible' ? [reason, officerConfirms(policy)] : [reason];
  return {
    ...base,
    outcome: 'refer',
    reasons,
    next: `An officer will contact you within ${policy.waits.officerDecisionDays} days. You do not need to do anything yet.`,
    review: reviewRoute(policy),
  };
}

/** Why a likely adverse answer goes to a person instead of ending the application (UK GDPR Art. 22). */
export function officerConfirms(policy: Policy): Reason {
  return {
    rule: 'decision.officer-confirms',
    clause: 'UK GDPR Art. 22',
    text: `A computer never decides against you on its own. An officer at ${policy.councilName} will check your answers and any documents. If they decide against you, they will write to you. The letter will say why, and how to ask for a review.`,
  };
}
