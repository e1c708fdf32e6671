import { DEMO_ADVERTISED_HOME, DEMO_HOMES, seedDemoAdvert, seedDemoStock } from '../../../local/seed';
import { memoryDeps } from '../../support/memory';

describe('the demo stock', () => {
  it('seeds every demo home once, and a restart keeps an officer’s change and an offer’s status', async () => {
    // Prepare
    const deps = memoryDeps();
    await seedDemoStock(deps);
    const mill = DEMO_HOMES.find((home) => home.propertyId === 'prop_riverside-mill-22');
    if (!mill) throw new Error('Mill Lane is demo stock');
    await deps.lettings.putHome({ ...mill, status: 'offered', weeklyRent: 11_500 });

    // Act
    await seedDemoStock(deps);

    // Assess
    expect(await deps.lettings.listHomes('riverside-homes')).toHaveLength(5);
    expect(await deps.lettings.listHomes('cwm-valley-homes')).toHaveLength(2);
    expect(await deps.lettings.getHome('prop_riverside-mill-22')).toMatchObject({
      status: 'offered',
      weeklyRent: 11_500,
    });
  });

  it('has homes with service charges, sheltered housing, accessibility, pets and one local lettings restriction', () => {
    expect(DEMO_HOMES.some((home) => home.weeklyServiceCharge)).toBe(true);
    expect(DEMO_HOMES.some((home) => home.tenure === 'sheltered')).toBe(true);
    expect(DEMO_HOMES.some((home) => home.accessibility?.includes('wheelchair-standard'))).toBe(true);
    expect(DEMO_HOMES.some((home) => home.petsAllowed === false)).toBe(true);
    expect(DEMO_HOMES.filter((home) => home.localLettings)).toHaveLength(1);
    expect(DEMO_HOMES.every((home) => home.bedSpaces !== undefined && home.floor !== undefined)).toBe(true);
  });

  it('keeps one demo home advertised for two weeks, advertised again once its advert has closed', async () => {
    // Prepare
    const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
    await seedDemoStock(deps);

    // Act
    await seedDemoAdvert(deps);
    const first = await deps.lettings.getAdvert(DEMO_ADVERTISED_HOME);
    deps.clock.advanceDays(3);
    await seedDemoAdvert(deps);
    const kept = await deps.lettings.getAdvert(DEMO_ADVERTISED_HOME);
    deps.clock.advanceDays(12);
    await seedDemoAdvert(deps);

    // Assess
    expect(first).toMatchObject({ advertisedOn: '2026-11-29', closesOn: '2026-12-13' });
    expect(kept).toEqual(first);
    expect(await deps.lettings.getAdvert(DEMO_ADVERTISED_HOME)).toMatchObject({
      advertisedOn: '2026-12-14',
      closesOn: '2026-12-28',
    });
  });
});
