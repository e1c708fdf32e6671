import { addDays, startOfLondonDay } from './dates.js';
import type { Tenancy } from './letting.js';

/**
 * Digital keys: what a key credential says. A credential is a JWS (ES256) that a door checks offline against
 * Doorstep's published keys (the JWKS), so everything the door needs is in its claims.
 */

/** The JWS `typ` of a key credential, so a door never mistakes another token signed by Doorstep for a key. */
export const KEY_CREDENTIAL_TYPE = 'doorstep-key+jwt';
export const KEY_ISSUER = 'doorstep';

/**
 * How many days a key works from the tenancy start date: 730 (two years). A door checks a key offline, with
 * no revocation list to ask, so a key that is lost, or outlives its tenancy, keeps opening the door until it
 * expires: the window bounds that harm (a lock change covers the time until then). Two years is long enough
 * that keys can be renewed months before they lapse, in batches, so no tenant is locked out of their home
 * by a key running out; shorter windows would mean renewing every key at least once a year.
 */
export const KEY_VALIDITY_DAYS = 730;

/** The claims of a key credential: which door, who holds it, and when it works. */
export interface KeyClaims {
  [claim: string]: unknown;
  iss: typeof KEY_ISSUER;
  /** The credential's id: what a landlord names to revoke or replace it. */
  sub: string;
  door: string;
  holder: string;
  tenancy: string;
  /** 00:00 Europe/London on the tenancy start date, in epoch seconds. */
  nbf: number;
  /** 00:00 Europe/London the day after `validUntil`, in epoch seconds. */
  exp: number;
  iat: number;
  jti: string;
}

export interface KeyWindow {
  /** The first day the key opens the door (the tenancy start date). */
  validFrom: string;
  /** The last day the key opens the door, inclusive. */
  validUntil: string;
}

/**
 * The days a key works: from the tenancy start date for {@link KEY_VALIDITY_DAYS} days. The window is whole
 * days in UK time, so "valid until" means the same to the tenant and to the door, whatever the season.
 */
export function keyWindow(startDate: string): KeyWindow {
  return { validFrom: startDate, validUntil: addDays(startDate, KEY_VALIDITY_DAYS - 1) };
}

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The claims of the key for a tenancy's door, signed later by the key issuer. */
export function keyClaims(input: {
  credentialId: string;
  tenancy: Pick<Tenancy, 'tenancyId' | 'startDate'>;
  doorId: string;
  holder: string;
  issuedAt: Date;
  jti: string;
}): KeyClaims {
  const window = keyWindow(input.tenancy.startDate);
  return {
    iss: KEY_ISSUER,
    sub: input.credentialId,
    door: input.doorId,
    holder: input.holder,
    tenancy: input.tenancy.tenancyId,
    nbf: epochSeconds(startOfLondonDay(window.validFrom)),
    exp: epochSeconds(startOfLondonDay(addDays(window.validUntil, 1))),
    iat: epochSeconds(input.issuedAt),
    jti: input.jti,
  };
}
