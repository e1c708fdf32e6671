import { ZodError } from 'zod';
import { NotFoundError } from '../../../shared/ports';
import type { Actor } from '../../../shared/services/decisions';
import { addHome, editHome, homeForOfficer, listHomes } from '../../../shared/services/stock';
import { aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const ellis: Extract<Actor, { kind: 'officer' }> = {
  kind: 'officer',
  officerId: 'officer-ellis',
  landlordId: 'riverside-homes',
  roles: ['officer'],
};
const jones = { ...ellis, officerId: 'officer-jones', landlordId: 'cwm-valley-homes' };

/** A two-bedroom ground-floor flat as an officer types it in. */
const willowCourt = {
  address: 'Flat 1, 9 Willow Court, Riverside',
  postcode: 'rv2 8hx',
  bedrooms: 2,
  bedSpaces: 4,
  weeklyRent: 10_975,
  weeklyServiceCharge: 1_240,
  tenure: 'general-needs',
  accessibility: ['step-free', 'level-access-shower', 'step-free'],
  floor: 0,
  petsAllowed: true,
  availableFrom: '2026-12-10',
  viewing: 'Call the Riverside lettings team on 01632 960 123 to arrange a viewing.',
};

async function given(): Promise<MemoryDeps> {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putHome(aHome({ status: 'let', availableFrom: '2026-11-20' }));
  await deps.lettings.putHome(aHome({ propertyId: 'prop_cwm-1', landlordId: 'cwm-valley-homes' }));
  return deps;
}

describe('addHome', () => {
  it('adds an available home to the officer’s landlord, with a new id, a door and an audit event naming the fields', async () => {
    // Prepare
    const deps = await given();

    // Act
    const home = await addHome(deps, { actor: ellis, input: willowCourt });

    // Assess
    expect(home).toEqual({
      ...willowCourt,
      postcode: 'RV2 8HX',
      accessibility: ['step-free', 'level-access-shower'],
      propertyId: expect.stringMatching(/^prop_[0-9a-f]{32}$/),
      doorId: `door-${home.propertyId.slice(5)}`,
      landlordId: 'riverside-homes',
      status: 'available',
    });
    expect(await deps.lettings.getHome(home.propertyId)).toEqual(home);
    expect(await deps.audit.list(home.propertyId)).toEqual([
      {
        applicationId: home.propertyId,
        at: '2026-11-29T09:00:00.000Z',
        type: 'home-added',
        actor: 'officer',
        facts: {
          officerId: 'officer-ellis',
          propertyId: home.propertyId,
          fields:
            'address,postcode,bedrooms,weeklyRent,doorId,availableFrom,bedSpaces,accessibility,floor,petsAllowed,weeklyServiceCharge,tenure,viewing',
        },
      },
    ]);
  });

  it('refuses a negative rent, a made-up postcode and a status, each with its reason, and stores nothing', async () => {
    // Prepare
    const deps = await given();

    // Act
    const attempt = addHome(deps, {
      actor: ellis,
      input: { ...willowCourt, weeklyRent: -100, postcode: 'NOT A CODE', status: 'let' },
    });

    // Assess
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['weeklyRent', 'The weekly rent cannot be negative'],
        ['postcode', 'Enter a real postcode, like RV2 7QT'],
        ['', "Unknown field status: a home's id, landlord and status are not set here"],
      ]),
    );
    expect(await deps.lettings.listHomes('riverside-homes')).toHaveLength(1);
  });
});

describe('editHome', () => {
  it('changes the details and keeps the status, door and landlord, auditing the names of the fields changed', async () => {
    // Prepare
    const deps = await given();
    const before = aHome({ status: 'let', availableFrom: '2026-11-20' });

    // Act
    const home = await editHome(deps, {
      actor: ellis,
      propertyId: before.propertyId,
      input: {
        address: before.address,
        postcode: before.postcode,
        bedrooms: 2,
        weeklyRent: 11_500,
        availableFrom: before.availableFrom,
        localLettings: { minimumAge: 55 },
      },
    });

    // Assess
    expect(home).toEqual({ ...before, weeklyRent: 11_500, localLettings: { minimumAge: 55 } });
    expect(await deps.lettings.getHome(before.propertyId)).toEqual(home);
    const events = await deps.audit.list(before.propertyId);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'home-changed',
        facts: {
          officerId: 'officer-ellis',
          propertyId: before.propertyId,
          fields: 'weeklyRent,localLettings',
        },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('11500');
  });

  it('keeps an offer’s status change made while the officer was editing', async () => {
    // Prepare
    const deps = await given();
    const home = await addHome(deps, { actor: ellis, input: willowCourt });
    const read = deps.lettings.getHome.bind(deps.lettings);
    jest.spyOn(deps.lettings, 'getHome').mockImplementationOnce(async (propertyId) => {
      const seen = await read(propertyId);
      await deps.lettings.putHome({ ...home, status: 'offered' });
      return seen;
    });

    // Act
    const edited = await editHome(deps, {
      actor: ellis,
      propertyId: home.propertyId,
      input: { ...willowCourt, bedSpaces: 3 },
    });

    // Assess
    expect(edited).toMatchObject({ status: 'offered', bedSpaces: 3 });
    expect(await deps.lettings.getHome(home.propertyId)).toMatchObject({ status: 'offered', bedSpaces: 3 });
  });

  it('refuses to set the status or move a home to another landlord', async () => {
    // Prepare
    const deps = await given();

    // Act
    const attempt = editHome(deps, {
      actor: ellis,
      propertyId: 'prop_riverside-14',
      input: { ...willowCourt, status: 'available', landlordId: 'cwm-valley-homes' },
    });

    // Assess
    await expect(attempt).rejects.toThrow(ZodError);
    expect((await deps.lettings.getHome('prop_riverside-14'))?.status).toBe('let');
    expect(deps.audit.events).toEqual([]);
  });

  it('answers another landlord’s home, or none, as not found, and records nothing for an unchanged home', async () => {
    // Prepare
    const deps = await given();
    const same = aHome({ status: 'let', availableFrom: '2026-11-20' });
    const { propertyId: _id, landlordId: _landlord, status: _status, ...details } = same;

    // Act
    const another = editHome(deps, { actor: ellis, propertyId: 'prop_cwm-1', input: willowCourt });
    const missing = editHome(deps, { actor: ellis, propertyId: 'prop_nowhere', input: willowCourt });
    const unchanged = await editHome(deps, { actor: ellis, propertyId: same.propertyId, input: details });

    // Assess
    await expect(another).rejects.toThrow(NotFoundError);
    await expect(missing).rejects.toThrow(NotFoundError);
    await expect(
      homeForOfficer(deps, { landlordId: 'riverside-homes', propertyId: 'prop_cwm-1' }),
    ).rejects.toThrow(NotFoundError);
    expect(unchanged).toEqual(same);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('listHomes', () => {
  it('lists the landlord’s homes in every status, soonest available first, and no other landlord’s', async () => {
    // Prepare
    const deps = await given();
    const added = await addHome(deps, { actor: ellis, input: willowCourt });
    await addHome(deps, { actor: jones, input: { ...willowCourt, postcode: 'CF44 8AA' } });

    // Act
    const homes = await listHomes(deps, 'riverside-homes');

    // Assess
    expect(homes.map((home) => [home.propertyId, home.status])).toEqual([
      ['prop_riverside-14', 'let'],
      [added.propertyId, 'available'],
    ]);
  });
});
