import { NotFoundError } from '../../../shared/ports';
import { shortlistFor } from '../../../shared/services/shortlists';
import { aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const riverside = 'riverside-homes';

/** Riverside's register of three households and its two-bedroom home, and Cwm Valley's home. */
async function given(): Promise<MemoryDeps> {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  const entry = { landlordId: riverside, effectiveDate: '2025-01-10', householdSize: 3 } as const;
  await deps.applications.putRegistered({
    ...entry,
    applicationId: 'app_000000000000000c',
    band: 'C',
    bedroomNeed: 2,
  });
  await deps.applications.putRegistered({
    ...entry,
    applicationId: 'app_000000000000000a',
    band: 'A',
    bedroomNeed: 3,
  });
  await deps.applications.putRegistered({
    ...entry,
    applicationId: 'app_000000000000000b',
    band: 'B',
    bedroomNeed: 1,
  });
  await deps.applications.putRegistered({
    ...entry,
    landlordId: 'cwm-valley-homes',
    applicationId: 'app_000000000000000d',
    band: 'A',
    bedroomNeed: 1,
  });
  await deps.lettings.putHome(aHome({ bedrooms: 2 }));
  await deps.lettings.putHome(aHome({ propertyId: 'prop_cwm-1', landlordId: 'cwm-valley-homes' }));
  return deps;
}

describe('shortlistFor (officers)', () => {
  it('ranks the landlord’s register for its home and explains each household skipped', async () => {
    // Prepare
    const deps = await given();

    // Act
    const result = await shortlistFor(deps, { landlordId: riverside, propertyId: 'prop_riverside-14' });

    // Assess
    expect(result.on).toBe('2026-11-29');
    expect(result.shortlist.map((entry) => [entry.position, entry.applicationId])).toEqual([
      [1, 'app_000000000000000b'],
      [2, 'app_000000000000000c'],
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        applicationId: 'app_000000000000000a',
        reasons: [expect.objectContaining({ rule: 'shortlist.bedrooms' })],
      }),
    ]);
  });

  it('answers not found for another landlord’s home, or none, naming nobody on either register', async () => {
    // Prepare
    const deps = await given();

    // Act
    const another = shortlistFor(deps, { landlordId: riverside, propertyId: 'prop_cwm-1' });
    const missing = shortlistFor(deps, { landlordId: riverside, propertyId: 'prop_nowhere' });

    // Assess
    await expect(another).rejects.toThrow(NotFoundError);
    await expect(missing).rejects.toThrow(NotFoundError);
  });
});
