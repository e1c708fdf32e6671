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
