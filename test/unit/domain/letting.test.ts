import { pickHome } from '../../../shared/domain/letting';
import { aHome } from '../../fixtures/applications';

const riverside = {
  bedroomNeed: 2,
  landlordId: 'riverside-homes',
  policy: { councilName: 'Riverside Council', policyId: 'riverside-council', version: '2026-04' },
};

describe('pickHome', () => {
  it('picks the smallest available home with enough bedrooms', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_three', bedrooms: 3 }),
      aHome({ propertyId: 'prop_one', bedrooms: 1 }),
      aHome({ propertyId: 'prop_two', bedrooms: 2 }),
      aHome({ propertyId: 'prop_four', bedrooms: 4 }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_two');
  });

  it('picks a larger home when none has exactly the bedrooms needed', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_one', bedrooms: 1 }),
      aHome({ propertyId: 'prop_three', bedrooms: 3 }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_three');
  });

  it("passes over another landlord's home even when it is a better fit", () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_cwm', landlordId: 'cwm-valley-homes', bedrooms: 2 }),
      aHome({ propertyId: 'prop_riverside', bedrooms: 3 }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_riverside');
  });

  it('passes over homes already offered or let', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_offered', bedrooms: 2, status: 'offered' }),
      aHome({ propertyId: 'prop_let', bedrooms: 2, status: 'let' }),
      aHome({ propertyId: 'prop_available', bedrooms: 3, status: 'available' }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_available');
  });

  it('finds nothing when no available home of the landlord is big enough', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_small', bedrooms: 1 }),
      aHome({ propertyId: 'prop_let', bedrooms: 3, status: 'let' }),
      aHome({ propertyId: 'prop_cwm', landlordId: 'cwm-valley-homes', bedrooms: 3 }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked).toBeUndefined();
  });

  it('finds nothing in an empty list', () => {
    // Prepare
    const homes: ReturnType<typeof aHome>[] = [];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked).toBeUndefined();
  });

  it('breaks a tie between homes of the same size by the earliest available date', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_december', bedrooms: 2, availableFrom: '2026-12-01' }),
      aHome({ propertyId: 'prop_november', bedrooms: 2, availableFrom: '2026-11-20' }),
      aHome({ propertyId: 'prop_january', bedrooms: 2, availableFrom: '2027-01-05' }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_november');
  });

  it('prefers the smaller home over one available sooner', () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_big_soon', bedrooms: 3, availableFrom: '2026-11-05' }),
      aHome({ propertyId: 'prop_fits_later', bedrooms: 2, availableFrom: '2027-02-01' }),
    ];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.home.propertyId).toBe('prop_fits_later');
  });

  it("explains the match against the bedroom need, citing the council's allocation bedroom standard", () => {
    // Prepare
    const homes = [aHome({ bedrooms: 3 })];

    // Act
    const picked = pickHome(homes, riverside);

    // Assess
    expect(picked?.reasons).toEqual([
      {
        rule: 'matching.bedrooms',
        clause:
          'Riverside Council allocation scheme (policy riverside-council@2026-04): the bedroom standard decides which homes fit a household',
        text: 'Flat 3, 14 Weaver Court, Riverside has 3 bedrooms; your household needs 2.',
        answer: '2',
      },
    ]);
  });

  it("leaves the caller's list of homes in its order", () => {
    // Prepare
    const homes = [
      aHome({ propertyId: 'prop_three', bedrooms: 3 }),
      aHome({ propertyId: 'prop_two', bedrooms: 2 }),
    ];

    // Act
    pickHome(homes, riverside);

    // Assess
    expect(homes.map((home) => home.propertyId)).toEqual(['prop_three', 'prop_two']);
  });
});
