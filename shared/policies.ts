import { Policy, type Policy as PolicyType } from './domain/policy.js';
import cwmValley from './policy/cwm-valley.json';
import riverside from './policy/riverside-council.json';
import { NotFoundError } from './ports.js';

/** Every policy Doorstep ships, validated once when the module loads: a bad policy file fails fast. */
const policies = new Map<string, PolicyType>(
  [riverside, cwmValley].map((data) => {
    const policy = Policy.parse(data);
    return [policy.policyId, policy];
  }),
);

export function policyFor(policyId: string): PolicyType {
  const policy = policies.get(policyId);
  if (!policy) throw new NotFoundError(`No allocation policy called ${policyId}`);
  return policy;
}

export function policyForLandlord(landlordId: string): PolicyType {
  const policy = [...policies.values()].find((candidate) => candidate.landlordId === landlordId);
  if (!policy) throw new NotFoundError(`No allocation policy for landlord ${landlordId}`);
  return policy;
}

/** Whether a landlord uses Doorstep (has an allocation policy here). */
export function landlordUsesDoorstep(landlordId: string): boolean {
  return [...policies.values()].some((candidate) => candidate.landlordId === landlordId);
}

/** The landlords that use Doorstep, for an applicant to choose from. */
export function doorstepLandlords(): Array<{ landlordId: string; landlordName: string }> {
  return [...policies.values()].map((policy) => ({
    landlordId: policy.landlordId,
    landlordName: policy.landlordName,
  }));
}

/**
 * The terms on which a council nominates to a landlord (Housing Act 1996 s170), from the landlord's nomination
 * agreement: undefined when the landlord has no agreement with that council.
 */
export function nominationTerms(
  landlordId: string,
  councilId: string,
):
  | {
      policy: PolicyType;
      agreement: NonNullable<PolicyType['nominationAgreement']>;
      councilName: string;
      decisionDays: number;
    }
  | undefined {
  const policy = [...policies.values()].find((candidate) => candidate.landlordId === landlordId);
  const agreement = policy?.nominationAgreement;
  const council = agreement?.councils.find((candidate) => candidate.councilId === councilId);
  if (!policy || !agreement || !council) return undefined;
  return { policy, agreement, councilName: council.councilName, decisionDays: council.decisionDays };
}

/** Every council with a nomination agreement with a landlord here, once each (for creating council clients). */
export function nominatingCouncils(): Array<{
  councilId: string;
  councilName: string;
  landlordIds: string[];
}> {
  const councils = new Map<string, { councilId: string; councilName: string; landlordIds: string[] }>();
  for (const policy of policies.values()) {
    for (const council of policy.nominationAgreement?.councils ?? []) {
      const known = councils.get(council.councilId) ?? { ...council, landlordIds: [] };
      known.landlordIds.push(policy.landlordId);
      councils.set(council.councilId, {
        councilId: known.councilId,
        councilName: known.councilName,
        landlordIds: known.landlordIds,
      });
    }
  }
  return [...councils.values()];
}
