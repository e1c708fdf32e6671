import { isoDay } from '../domain/dates.js';
import { type Shortlist, shortlistHome } from '../domain/shortlist.js';
import { policyForLandlord } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';

export interface ShortlistView extends Shortlist {
  propertyId: string;
  /** The day the shortlist was drawn up: ages and the register are as they were that day. */
  on: string;
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
  const register = await deps.applications.listRegister(home.landlordId);
  const drawn = shortlistHome(home, register, { policy: policyForLandlord(home.landlordId), on });
  return { propertyId: home.propertyId, on, ...drawn };
}
