import type { Decision, ImmigrationStatus, Reason } from './application.js';
import { type Policy, reviewRoute, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Eligibility for an allocation (Housing Act 1996 s160ZA in England, s160A in Wales).
 *
 * Today's honest minimum: the immigration-status category decides "eligible" where the category is eligible
 * on its face, and "refer" where documents or an officer's judgement are needed. Doorstep never refuses on
 * its own: an adverse automated decision is confirmed by a person first (UK GDPR Art. 22).
 */
const eligibleOnItsFace: Partial<Record<ImmigrationStatus, string>> = {
  'british-or-irish': 'British and Irish citizens who normally live in the UK or Ireland are eligible.',
  'eu-settled-status': 'People with settled status under the EU Settlement Scheme are eligible.',
  'indefinite-leave': 'People with indefinite leave to remain who normally live in the UK are eligible.',
  'refugee-or-humanitarian-protection':
    'People granted refugee status or humanitarian protection are eligible.',
};

const needsAnOfficer: Record<Exclude<ImmigrationStatus, keyof typeof eligibleOnItsFace>, string> = {
  'eu-pre-settled-status':
    'Pre-settled status alone does not make someone eligible; it depends on whether you are working or have another right to live here. An officer will check this with you.',
  'limited-leave':
    'Most people with limited leave are not eligible, but some are (for example, with no condition stopping access to public funds). An officer will check your leave with you.',
  'no-current-permission':
    'Without permission to stay in the UK, most people are not eligible. An officer will look at your situation before any decision is made.',
  'not-sure':
    'You were not sure of your immigration status. An officer will help you find out, for example with a share code.',
};

export function assessEligibility(input: {
  immigrationStatus: ImmigrationStatus;
  policy: Policy;
  decidedAt: string;
}): Decision {
  const { immigrationStatus, policy, decidedAt } = input;
  const clause = statute.eligibility[policy.jurisdiction];
  const eligibleText = eligibleOnItsFace[immigrationStatus];
  const inputs = { immigrationStatus };

  if (eligibleText !== undefined) {
    const reason: Reason = {
      rule: 'eligibility.immigration-status',
      clause,
      text: eligibleText,
      answer: immigrationStatus,
    };
    return {
      stage: Stage.Eligibility,
      outcome: 'eligible',
      reasons: [reason],
      inputs,
      policyVersion: `${policy.policyId}@${policy.version}`,
      decidedBy: 'system',
      decidedAt,
      next: 'Next we ask a few questions to check you qualify for the housing register.',
    };
  }

  const text = needsAnOfficer[immigrationStatus as keyof typeof needsAnOfficer];
  return {
    stage: Stage.Eligibility,
    outcome: 'refer',
    reasons: [{ rule: 'eligibility.immigration-status', clause, text, answer: immigrationStatus }],
    inputs,
    policyVersion: `${policy.policyId}@${policy.version}`,
    decidedBy: 'system',
    decidedAt,
    next: `An officer will contact you within ${policy.waits.officerDecisionDays} days. You do not need to do anything yet.`,
    review: reviewRoute(policy),
  };
}
