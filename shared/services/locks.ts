import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify } from 'jose';
import * as z from 'zod';
import { KEY_CREDENTIAL_TYPE, KEY_ISSUER } from '../domain/keys.js';

/**
 * A door lock, simulated: what a smart lock does with a key presented to it (a QR code scanned, or NFC). It
 * checks the credential offline against Doorstep's published keys (JWKS) and its own clock, and opens only
 * for an untampered key, signed by Doorstep, for this door, on a day the key works.
 */

export type DoorRefusal =
  | 'tampered'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-door'
  | 'malformed'
  | 'unknown-key';

export type DoorAnswer =
  | { opened: true; holder: string; credentialId: string }
  | { opened: false; reason: DoorRefusal; message: string };

/** What the door says, in plain English, when it stays shut. */
export const refusalMessages: Record<DoorRefusal, string> = {
  tampered: 'This key has been changed since Doorstep issued it, so the door cannot trust it.',
  expired: 'This key has expired. Ask your landlord for a new one.',
  'not-yet-valid': 'This key does not work yet: it opens the door from the day your tenancy starts.',
  'wrong-door': 'This key is for a different door.',
  malformed: 'This is not a Doorstep key. Show the QR code from your Doorstep account.',
  'unknown-key':
    'This key was not signed by a key this door knows. If it is new, the door may need to refresh its keys.',
};

/**
 * A door's clock drifts between time checks, so the door allows this much either side of a key's window:
 * without it a key could be refused for the first seconds of a tenancy by a door running a little slow.
 */
export const DOOR_CLOCK_TOLERANCE_SECONDS = 60;

export const DoorAttempt = z.object({
  doorId: z.string().min(1).max(100),
  /** The compact JWS the tenant's QR code holds. */
  credential: z.string().min(1).max(4096),
});

const KeySet = z.object({ keys: z.array(z.looseObject({ kty: z.string() })) });

const refused = (reason: DoorRefusal): DoorAnswer => ({
  opened: false,
  reason,
  message: refusalMessages[reason],
});

/**
 * Tries a key on a door at `now` (the door's clock, injected: tests move it, never real time). The signature
 * is checked before anything the key claims, so a key whose dates or door were edited is `tampered`, not
 * expired or for another door.
 */
export async function tryDoor(input: {
  doorId: string;
  credential: string;
  now: Date;
  jwks: { keys: Array<Record<string, unknown>> };
}): Promise<DoorAnswer> {
  const keys = createLocalJWKSet(KeySet.parse(input.jwks) as JSONWebKeySet);
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(input.credential, keys, {
      algorithms: ['ES256'],
      typ: KEY_CREDENTIAL_TYPE,
      issuer: KEY_ISSUER,
      requiredClaims: ['sub', 'door', 'holder', 'nbf', 'exp'],
      currentDate: input.now,
      clockTolerance: DOOR_CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return refused(refusalFor(error));
  }
  const { door, holder, sub } = claims;
  if (typeof door !== 'string' || typeof holder !== 'string' || typeof sub !== 'string') {
    return refused('malformed');
  }
  if (door !== input.doorId) return refused('wrong-door');
  return { opened: true, holder, credentialId: sub };
}

function refusalFor(error: unknown): DoorRefusal {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'tampered';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  // JWTExpired is a JWTClaimValidationFailed too: test it first.
  if (error instanceof errors.JWTExpired) return 'expired';
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    error.claim === 'nbf' &&
    error.reason === 'check_failed'
  ) {
    return 'not-yet-valid';
  }
  // Anything else is not a Doorstep key: not a JWS at all, another algorithm (`none` included), another
  // token type or issuer, or claims missing. All of these fail before the door trusts anything in them.
  if (error instanceof errors.JOSEError) return 'malformed';
  throw error;
}
