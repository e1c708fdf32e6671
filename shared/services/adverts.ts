import * as z from 'zod';
import { type Advert, isOpen, LONGEST_CYCLE_DAYS } from '../domain/adverts.js';
import type { Reason } from '../domain/application.js';
import { addDays, isoDay } from '../domain/dates.js';
import { registeredHousehold, skipReasons } from '../domain/shortlist.js';
import { policyFor, policyForLandlord } from '../policies.js';
import { ConflictError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/**
 * Choice-based lettings (issue 8; domain/adverts.ts): officers advertise their landlord's available homes for a
 * bidding cycle; a registered household sees the adverts it may choose from, each with whether the home fits it
 * and, if not, the rules it fails; it says it is interested, once per home. The officer then offers the home to
 * the interested household first on the shortlist (a direct offer), and after a refusal the next offer goes to the
 * next interested household (services/letting-stages.ts `nextOffer`).
 */

type AdvertDeps = Pick<Deps, 'applications' | 'lettings' | 'audit' | 'clock'>;

/** How the refusal of a home that does not fit begins; each rule it fails follows. */
export const DOES_NOT_FIT = 'This home does not fit your household:';

/**
 * A 409: the home does not fit the household. Its message says every rule it fails; `reasons` keeps them one by
 * one, so a page can show (and translate) each on its own: a reason may begin with an address or a number
 * ("4 people would live there"), which the catalogue cannot tell from the end of the sentence before it.
 */
export class HomeDoesNotFitError extends ConflictError {
  constructor(readonly reasons: readonly string[]) {
    super(`${DOES_NOT_FIT} ${reasons.join(' ')}`);
  }
}

/** The advert body: the last day households can say they are interested, today at the earliest. */
function advertBody(today: string) {
  const latest = addDays(today, LONGEST_CYCLE_DAYS);
  return z.strictObject({
    closesOn: z.iso
      .date('Give the closing date as YYYY-MM-DD')
      .refine((day) => day >= today, 'The closing date cannot be in the past')
      .refine((day) => day <= latest, `A bidding cycle runs for at most ${LONGEST_CYCLE_DAYS} days`),
  });
}

/**
 * An officer advertises one of their landlord's available homes, or moves the closing date of its advert.
 * Another landlord's home, or none, is a 404; a home that is offered or let is a 409.
 */
export async function advertiseHome(
  deps: AdvertDeps,
  input: { landlordId: string; officerId: string; propertyId: string; body: unknown },
): Promise<Advert> {
  const today = isoDay(deps.clock.now());
  const { closesOn } = advertBody(today).parse(input.body);
  const home = await deps.lettings.getHome(input.propertyId);
  if (!home || home.landlordId !== input.landlordId) throw new NotFoundError('No such property');
  if (home.status !== 'available') throw new ConflictError('Only an available home can be advertised');
  const running = await deps.lettings.getAdvert(home.propertyId);
  const advert: Advert = {
    propertyId: home.propertyId,
    landlordId: home.landlordId,
    // A cycle still running keeps its start; a new cycle starts today.
    advertisedOn: running && running.closesOn >= today ? running.advertisedOn : today,
    closesOn,
  };
  await deps.lettings.putAdvert(advert);
  await deps.audit.append({
    // A home's trail is kept under its property id (as the stock's changes are: services/stock.ts).
    applicationId: home.propertyId,
    at: deps.clock.now().toISOString(),
    type: 'home-advertised',
    actor: 'officer',
    facts: { officerId: input.officerId, advertisedOn: advert.advertisedOn, closesOn },
  });
  return advert;
}

export interface AdvertForApplicant {
  propertyId: string;
  address: string;
  postcode: string;
  bedrooms: number;
  weeklyRent: number;
  weeklyServiceCharge?: number;
  availableFrom: string;
  closesOn: string;
  /** The home fits the household under the scheme's rules; when not, `reasons` says which rules it fails. */
  fits: boolean;
  reasons: Reason[];
  /** The household said it is interested. */
  interested: boolean;
}

/**
 * The adverts open today for the applicant's own application, each with whether the home fits the household. A
 * household not on the register sees none, with the reason.
 */
export async function advertsForApplicant(
  deps: Pick<Deps, 'applications' | 'lettings' | 'clock'>,
  input: { subject: string; applicationId: string },
): Promise<{ adverts: AdvertForApplicant[]; notOnRegister?: string }> {
  const application = await ownedApplication(deps, input.subject, input.applicationId);
  const household = registeredHousehold(application);
  if (!household)
    return {
      adverts: [],
      notOnRegister: 'You can choose homes to be considered for once you are on the register.',
    };
  const today = isoDay(deps.clock.now());
  const policy = policyFor(application.policyId);
  const open = (await deps.lettings.listAdverts(application.landlordId, today)).filter((advert) =>
    isOpen(advert, today),
  );
  const adverts: AdvertForApplicant[] = [];
  for (const advert of open) {
    const [home, bids] = await Promise.all([
      deps.lettings.getHome(advert.propertyId),
      deps.lettings.listBids(advert.propertyId),
    ]);
    if (home?.status !== 'available') continue;
    const reasons = skipReasons(home, household, { policy, on: today });
    adverts.push({
      propertyId: home.propertyId,
      address: home.address,
      postcode: home.postcode,
      bedrooms: home.bedrooms,
      weeklyRent: home.weeklyRent,
      ...(home.weeklyServiceCharge === undefined ? {} : { weeklyServiceCharge: home.weeklyServiceCharge }),
      availableFrom: home.availableFrom,
      closesOn: advert.closesOn,
      fits: reasons.length === 0,
      reasons,
      interested: bids.some((bid) => bid.applicationId === application.applicationId),
    });
  }
  return { adverts };
}

/**
 * The applicant says they are interested in an advertised home: recorded once (a second time answers the same).
 * Only while the advert is open, the home is available and it fits the household; otherwise a 409 that says why.
 */
export async function expressInterest(
  deps: AdvertDeps,
  input: { subject: string; applicationId: string; propertyId: string },
): Promise<{ propertyId: string; interested: true }> {
  const application = await ownedApplication(deps, input.subject, input.applicationId);
  const household = registeredHousehold(application);
  if (!household) throw new ConflictError('You can choose homes once you are on the register');
  const today = isoDay(deps.clock.now());
  const [advert, home] = await Promise.all([
    deps.lettings.getAdvert(input.propertyId),
    deps.lettings.getHome(input.propertyId),
  ]);
  if (!advert || !home || home.landlordId !== application.landlordId)
    throw new NotFoundError('No such advert');
  if (!isOpen(advert, today) || home.status !== 'available')
    throw new ConflictError('This advert has closed: look for the homes advertised now');
  const reasons = skipReasons(home, household, { policy: policyForLandlord(home.landlordId), on: today });
  if (reasons.length > 0) throw new HomeDoesNotFitError(reasons.map((reason) => reason.text));
  const now = deps.clock.now().toISOString();
  if (
    await deps.lettings.putBid({
      propertyId: home.propertyId,
      applicationId: application.applicationId,
      at: now,
    })
  )
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'interest-expressed',
      actor: 'applicant',
      facts: { propertyId: home.propertyId },
    });
  return { propertyId: home.propertyId, interested: true };
}
