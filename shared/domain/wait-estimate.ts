import type { LettingsLogRecord } from './lettings-log.js';
import { byRegisterOrder, type RegisteredHousehold } from './shortlist.js';

/**
 * Where a registered household stands (issue 9, "what happens next"): its place in its band, and an estimate of
 * its wait drawn from the landlord's recent lets of homes its size. Pure: the caller reads the register index
 * and the lettings log. The estimate is a rate, not a promise: households with a more urgent need may join
 * ahead, and homes come free when tenants move on, not on a timetable; the page says so.
 */

/** How far back the lets counted for an estimate go: a year, so a season's lull or rush evens out. */
export const ESTIMATE_WINDOW_DAYS = 365;
/**
 * Fewer lets of a size than this in the window and no estimate is given: from two or three lets a rate is
 * little more than a guess, and a guess shown as a range of months would look like a promise.
 */
export const MIN_LETS_TO_ESTIMATE = 5;
/**
 * The range allows for lets coming faster or slower than last year: the let count's 80% interval as if lets
 * arrived at random at a steady rate (Poisson, normal approximation: count ± 1.28 √count).
 */
const Z_80 = 1.2816;
const DAYS_PER_MONTH = 365.25 / 12;

export interface RegisterPlace {
  band: RegisteredHousehold['band'];
  bedroomNeed: number;
  /** 1 for the household the scheme ranks first in the band. */
  position: number;
  /** Households in the band, this one included. */
  inBand: number;
  /** Other households in the band from the same effective date: among them the order is fixed but arbitrary. */
  sameDay: number;
  /** Households needing the same number of bedrooms that the scheme ranks ahead of this one, in any band. */
  aheadForSize: number;
}

/**
 * A household's place on its landlord's register. The register index is eventually consistent, so the
 * household's own entry (from its application) replaces whatever the index holds for it, or is added.
 */
export function registerPlace(
  register: readonly RegisteredHousehold[],
  household: RegisteredHousehold,
): RegisterPlace {
  const others = register.filter(
    (entry) => entry.applicationId !== household.applicationId && entry.landlordId === household.landlordId,
  );
  const ahead = others.filter((entry) => byRegisterOrder(entry, household) < 0);
  const inBand = others.filter((entry) => entry.band === household.band);
  return {
    band: household.band,
    bedroomNeed: household.bedroomNeed,
    position: ahead.filter((entry) => entry.band === household.band).length + 1,
    inBand: inBand.length + 1,
    sameDay: inBand.filter((entry) => entry.effectiveDate === household.effectiveDate).length,
    aheadForSize: ahead.filter((entry) => entry.bedroomNeed === household.bedroomNeed).length,
  };
}

export type WaitEstimate =
  | {
      kind: 'estimate';
      /** Lets of homes with the household's number of bedrooms in the window. */
      lets: number;
      windowDays: number;
      /** The shorter and longer ends of the range, in whole months (from may be 0: within `to` months). */
      fromMonths: number;
      toMonths: number;
    }
  | {
      kind: 'too-few-lets';
      lets: number;
      windowDays: number /** The lets an estimate needs. */;
      needed: number;
    };

const dayNumber = (isoDate: string) =>
  Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/**
 * How long until a home comes for this household, if homes its size are let as fast as in the last year and
 * the households ahead of it are housed first: (households ahead + 1) ÷ lets a month, as a range.
 */
export function waitEstimate(input: {
  lets: ReadonlyArray<Pick<LettingsLogRecord, 'letDate' | 'bedrooms'>>;
  place: Pick<RegisterPlace, 'bedroomNeed' | 'aheadForSize'>;
  /** Today, as an ISO date: lets after today (a clock behind the log) and before the window are not counted. */
  today: string;
}): WaitEstimate {
  const last = dayNumber(input.today);
  const first = last - ESTIMATE_WINDOW_DAYS + 1;
  const lets = input.lets.filter((record) => {
    const day = dayNumber(record.letDate);
    return record.bedrooms === input.place.bedroomNeed && day >= first && day <= last;
  }).length;
  if (lets < MIN_LETS_TO_ESTIMATE)
    return { kind: 'too-few-lets', lets, windowDays: ESTIMATE_WINDOW_DAYS, needed: MIN_LETS_TO_ESTIMATE };
  const windowMonths = ESTIMATE_WINDOW_DAYS / DAYS_PER_MONTH;
  const households = input.place.aheadForSize + 1;
  const spread = Z_80 * Math.sqrt(lets);
  const months = (letsInWindow: number) => households / (letsInWindow / windowMonths);
  const fromMonths = Math.floor(months(lets + spread));
  const toMonths = Math.max(1, Math.ceil(months(lets - spread)));
  return { kind: 'estimate', lets, windowDays: ESTIMATE_WINDOW_DAYS, fromMonths, toMonths };
}

/** A number of months as people say it: "1 month", "8 months", "2 years" (from 24 months, in whole years). */
export function monthsText(months: number): string {
  if (months >= 24) {
    const years = Math.round(months / 12);
    return `${years} years`;
  }
  return `${months} month${months === 1 ? '' : 's'}`;
}

/** The estimate's range in plain English: "between 4 and 9 months", "within 2 months". */
export function estimateRangeText(estimate: Extract<WaitEstimate, { kind: 'estimate' }>): string {
  if (estimate.fromMonths === 0) return `within ${monthsText(estimate.toMonths)}`;
  const from = monthsText(estimate.fromMonths);
  const to = monthsText(estimate.toMonths);
  if (from === to) return `about ${to}`;
  // "between 4 and 9 months", "between 2 and 3 years"; a range across units names both.
  const sameUnit = estimate.fromMonths >= 24 === estimate.toMonths >= 24;
  return `between ${sameUnit ? from.replace(/ (months?|years)$/, '') : from} and ${to}`;
}
