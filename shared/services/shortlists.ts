import { isoDay } from '../domain/dates.js';
import { type Shortlist, shortlistHome } from '../domain/shortlist.js';
import { policyForLandlord } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';

export interface ShortlistView extends Shortlist {
  propertyId: string;
  /** The day the shortlist was drawn up: ages and the register are as they were that day. */
  on: string;
  /**
   * When the home is advertised (choice-based lettings): its cycle, and the households that said they are
   * interested, in the order they did. The home is offered among these, in the shortlist's order.
   */
  advert?: { advertisedOn: string; closesOn: string; interested: string[] };
}

/**
 * The shortlist for one of the officer's landlord's homes (issue 8): the registered households it fits, in the
 * scheme's order, and every household it does not, with the rules it fails. Read from the landlord's register
 * index, never a scan. Another landlord's home, or none, is a 404 (object-level: DESIGN.md §1b). Reads only.
 */
export async function shortlistFor(
  deps: Pick<Deps, 'applications' | 'lettings' | 'clock'>,
  input: { landlordId: string; propertyId: string },
): Promise<ShortlistView> {
  const home = await deps.lettings.getHome(input.propertyId);
  if (!home || home.landlordId !== input.landlordId) throw new NotFoundError('No such property');
  const on = isoDay(deps.clock.now());
  const [register, advert] = await Promise.all([
    deps.applications.listRegister(home.landlordId),
    deps.lettings.getAdvert(home.propertyId),
  ]);
  const drawn = shortlistHome(home, register, { policy: policyForLandlord(home.landlordId), on });
  if (!advert) return { propertyId: home.propertyId, on, ...drawn };
  const bids = await deps.lettings.listBids(home.propertyId);
  return {
    propertyId: home.propertyId,
    on,
    ...drawn,
    advert: {
      advertisedOn: advert.advertisedOn,
      closesOn: advert.closesOn,
      interested: bids.map((bid) => bid.applicationId),
    },
  };
}
