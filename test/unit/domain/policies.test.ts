import { Policy } from '../../../shared/domain/policy';
import { policyFor, policyForLandlord } from '../../../shared/policies';
import cwmValleyFile from '../../../shared/policy/cwm-valley.json';
import riversideFile from '../../../shared/policy/riverside-council.json';
import { NotFoundError } from '../../../shared/ports';

describe('policyFor', () => {
  it('throws NotFoundError for a policy Doorstep does not ship', () => {
    // Prepare
    const policyId = 'atlantis-council';

    // Act
    const lookUp = () => policyFor(policyId);

    // Assess
    expect(lookUp).toThrow(NotFoundError);
    expect(lookUp).toThrow('No allocation policy called atlantis-council');
  });

  it.each([
    { file: 'riverside-council.json', data: riversideFile },
    { file: 'cwm-valley.json', data: cwmValleyFile },
  ])('parses the shipped policy $file', ({ data }) => {
    // Prepare
    const policyId = data.policyId;

    // Act
    const result = Policy.safeParse(data);

    // Assess
    expect(result.success).toBe(true);
    expect(policyFor(policyId)).toEqual(result.data);
  });

  it('ships Riverside Council as an English scheme and Cwm Valley as a Welsh one', () => {
    // Prepare
    const ids = ['riverside-council', 'cwm-valley'];

    // Act
    const jurisdictions = ids.map((id) => policyFor(id).jurisdiction);

    // Assess
    expect(jurisdictions).toEqual(['england', 'wales']);
  });
});

describe('policyForLandlord', () => {
  it("finds the policy by the landlord's id", () => {
    // Prepare
    const landlordId = 'cwm-valley-homes';

    // Act
    const policy = policyForLandlord(landlordId);

    // Assess
    expect(policy.policyId).toBe('cwm-valley');
  });

  it('throws NotFoundError for a landlord without a policy', () => {
    // Prepare
    const landlordId = 'unknown-homes';

    // Act
    const lookUp = () => policyForLandlord(landlordId);

    // Assess
    expect(lookUp).toThrow(NotFoundError);
  });
});
