import type { Property } from '../shared/domain/letting.js';
import type { Deps } from '../shared/services/deps.js';

/** Demo stock for the two shipped policies' landlords. Seeded once: a restart keeps homes as they are. */
export const DEMO_HOMES: Property[] = [
  {
    propertyId: 'prop_riverside-weaver-3',
    landlordId: 'riverside-homes',
    address: 'Flat 3, 14 Weaver Court, Riverside',
    postcode: 'RV2 7QT',
    bedrooms: 1,
    weeklyRent: 9_850,
    doorId: 'door-weaver-14-3',
    availableFrom: '2026-12-01',
    status: 'available',
  },
  {
    propertyId: 'prop_riverside-mill-22',
    landlordId: 'riverside-homes',
    address: '22 Mill Lane, Riverside',
    postcode: 'RV1 4AB',
    bedrooms: 2,
    weeklyRent: 11_250,
    doorId: 'door-mill-22',
    availableFrom: '2026-12-08',
    status: 'available',
  },
  {
    propertyId: 'prop_riverside-orchard-7',
    landlordId: 'riverside-homes',
    address: '7 Orchard Close, Riverside',
    postcode: 'RV3 9LP',
    bedrooms: 3,
    weeklyRent: 12_900,
    doorId: 'door-orchard-7',
    availableFrom: '2026-12-15',
    status: 'available',
  },
  {
    propertyId: 'prop_cwm-heol-5',
    landlordId: 'cwm-valley-homes',
    address: '5 Heol y Parc, Cwm',
    postcode: 'CF44 8AA',
    bedrooms: 2,
    weeklyRent: 10_400,
    doorId: 'door-heol-5',
    availableFrom: '2026-12-01',
    status: 'available',
  },
];

export async function seedDemoStock(deps: Pick<Deps, 'lettings'>): Promise<void> {
  for (const home of DEMO_HOMES) {
    if (!(await deps.lettings.getHome(home.propertyId))) await deps.lettings.putHome(home);
  }
}
