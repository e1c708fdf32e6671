import { addDays, isoDay } from '../shared/domain/dates.js';
import type { Property } from '../shared/domain/letting.js';
import type { Deps } from '../shared/services/deps.js';

/**
 * Demo stock for the two shipped policies' landlords (issue 8): a mix of sizes, rents with and without service
 * charges, general needs and sheltered homes, accessible and upstairs homes, homes that take pets and homes that
 * do not, and one sheltered flat kept for people aged 55 or over by a local lettings policy. The demo household
 * (a couple with two daughters, two bedrooms) fits the two-bedroom homes: bed spaces and restrictions are set so
 * the scripted journey still reaches an offer.
 */
export const DEMO_HOMES: Property[] = [
  {
    propertyId: 'prop_riverside-weaver-3',
    landlordId: 'riverside-homes',
    address: 'Flat 3, 14 Weaver Court, Riverside',
    postcode: 'RV2 7QT',
    bedrooms: 1,
    bedSpaces: 2,
    weeklyRent: 9_850,
    weeklyServiceCharge: 1_120,
    tenure: 'general-needs',
    floor: 2,
    petsAllowed: false,
    doorId: 'door-weaver-14-3',
    availableFrom: '2026-12-01',
    status: 'available',
    viewing: 'Call Riverside Homes’ lettings team on 01632 960 123 to book a viewing.',
  },
  {
    propertyId: 'prop_riverside-mill-22',
    landlordId: 'riverside-homes',
    address: '22 Mill Lane, Riverside',
    postcode: 'RV1 4AB',
    bedrooms: 2,
    bedSpaces: 4,
    weeklyRent: 11_250,
    tenure: 'general-needs',
    accessibility: ['step-free'],
    floor: 0,
    petsAllowed: true,
    doorId: 'door-mill-22',
    availableFrom: '2026-12-08',
    status: 'available',
    viewing: 'Open to view on Saturday mornings; the key is with the neighbour at number 20.',
  },
  {
    propertyId: 'prop_riverside-orchard-7',
    landlordId: 'riverside-homes',
    address: '7 Orchard Close, Riverside',
    postcode: 'RV3 9LP',
    bedrooms: 3,
    bedSpaces: 5,
    weeklyRent: 12_900,
    tenure: 'general-needs',
    floor: 0,
    petsAllowed: true,
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
    bedSpaces: 4,
    weeklyRent: 10_400,
    tenure: 'general-needs',
    floor: 0,
    petsAllowed: true,
    doorId: 'door-heol-5',
    availableFrom: '2026-12-01',
    status: 'available',
  },
  {
    propertyId: 'prop_riverside-orchard-house-4',
    landlordId: 'riverside-homes',
    address: 'Flat 4, Orchard House, Riverside',
    postcode: 'RV3 9LQ',
    bedrooms: 1,
    bedSpaces: 2,
    weeklyRent: 10_500,
    weeklyServiceCharge: 1_875,
    tenure: 'sheltered',
    accessibility: ['step-free', 'level-access-shower'],
    floor: 1,
    petsAllowed: true,
    localLettings: { minimumAge: 55 },
    doorId: 'door-orchard-house-4',
    availableFrom: '2026-12-14',
    status: 'available',
    viewing: 'Ask the scheme manager, on site on weekdays, or call 01632 960 456.',
  },
  {
    propertyId: 'prop_riverside-kingfisher-2',
    landlordId: 'riverside-homes',
    address: '2 Kingfisher Walk, Riverside',
    postcode: 'RV2 6KW',
    bedrooms: 3,
    bedSpaces: 5,
    weeklyRent: 13_400,
    tenure: 'general-needs',
    accessibility: ['step-free', 'wheelchair-standard', 'level-access-shower'],
    floor: 0,
    petsAllowed: true,
    doorId: 'door-kingfisher-2',
    availableFrom: '2027-01-05',
    status: 'available',
  },
  {
    propertyId: 'prop_cwm-ty-glas-6',
    landlordId: 'cwm-valley-homes',
    address: 'Flat 6, Tŷ Glas, Cwm',
    postcode: 'CF44 8BD',
    bedrooms: 1,
    bedSpaces: 1,
    weeklyRent: 8_750,
    weeklyServiceCharge: 640,
    tenure: 'general-needs',
    floor: 2,
    petsAllowed: false,
    doorId: 'door-ty-glas-6',
    availableFrom: '2026-12-10',
    status: 'available',
  },
];

/**
 * Seeds the demo stock once: a restart keeps homes as they are (an officer's changes, an offer's status). A demo
 * home stored before the stock index existed is not on its landlord's list: it gets the demo details (keeping
 * its status), which puts it on the list, once.
 */
export async function seedDemoStock(deps: Pick<Deps, 'lettings'>): Promise<void> {
  const listed = new Set<string>();
  for (const landlordId of new Set(DEMO_HOMES.map((home) => home.landlordId)))
    for (const home of await deps.lettings.listHomes(landlordId)) listed.add(home.propertyId);
  for (const home of DEMO_HOMES) {
    if (listed.has(home.propertyId)) continue;
    const { propertyId, landlordId, status: _status, ...details } = home;
    if (await deps.lettings.getHome(propertyId))
      await deps.lettings.updateHomeDetails(propertyId, landlordId, details);
    else await deps.lettings.putHome(home);
  }
}

/** The demo home advertised for choice-based lettings: households it fits can say they are interested. */
export const DEMO_ADVERTISED_HOME = 'prop_riverside-kingfisher-2';

/**
 * Keeps the demo advert open: while the home is available and its advert has closed (or there is none), it is
 * advertised again for two weeks from today, so the "homes you can choose" page always has something to show.
 */
export async function seedDemoAdvert(deps: Pick<Deps, 'lettings' | 'clock'>): Promise<void> {
  const today = isoDay(deps.clock.now());
  const home = await deps.lettings.getHome(DEMO_ADVERTISED_HOME);
  const advert = await deps.lettings.getAdvert(DEMO_ADVERTISED_HOME);
  if (home?.status !== 'available' || (advert && advert.closesOn >= today)) return;
  await deps.lettings.putAdvert({
    propertyId: home.propertyId,
    landlordId: home.landlordId,
    advertisedOn: today,
    closesOn: addDays(today, 14),
  });
}
