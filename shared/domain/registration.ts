import type { CurrentHome, Decision, Reason, Registration } from './application.js';
import type { BedroomNeed } from './bedrooms.js';
import { type Policy, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Joining the register: a band and an effective date.
 *
 * Today's honest minimum maps one reasonable-preference group, overcrowding (s166A(3)(c) in England,
 * s167(2)(c) in Wales), to band B and everyone else to band C; the full banding scheme arrives with the
 * assessment issue. The effective date is the day of registration.
 */
export function register(input: {
  need: BedroomNeed;
  currentHome: CurrentHome;
  policy: Policy;
  decidedAt: string;
}): { registration: Registration; decision: Decision } {
  const { need, currentHome, policy, decidedAt } = input;
  const preference = statute.reasonablePreference[policy.jurisdiction];
  const overcrowded = currentHome.tenure !== 'no-home' && currentHome.bedrooms < need.bedrooms;
  const reason: Reason = overcrowded
    ? {
        rule: 'priority.overcrowding',
        clause: `${preference}(c)`,
        text: `Your home has ${currentHome.bedrooms} bedrooms and your household needs ${need.bedrooms}, so you are overcrowded. Overcrowded households get reasonable preference: band B.`,
        answer: String(currentHome.bedrooms),
      }
    : {
        rule: 'priority.none',
        clause: preference,
        text: 'None of the reasonable-preference groups we check today applies to you, so you are in band C. If your situation changes, tell us and we will look again.',
      };
  const registration: Registration = {
    band: overcrowded ? 'B' : 'C',
    effectiveDate: decidedAt.slice(0, 10),
    bedroomNeed: need.bedrooms,
  };
  return {
    registration,
    decision: {
      stage: Stage.Registered,
      outcome: 'registered',
      reasons: [reason, ...need.reasons],
      inputs: {
        currentBedrooms: currentHome.bedrooms,
        tenure: currentHome.tenure,
        bedroomNeed: need.bedrooms,
      },
      policyVersion: `${policy.policyId}@${policy.version}`,
      decidedBy: 'system',
      decidedAt,
      next: `You are on the housing register in band ${registration.band} from ${registration.effectiveDate}. We will tell you when a home with ${need.bedrooms} bedroom${need.bedrooms === 1 ? '' : 's'} is offered to you.`,
    },
  };
}
