import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import * as z from 'zod';

/**
 * Authenticator-app codes for the local identity provider, as Cognito checks them in AWS: RFC 6238 TOTP with
 * HMAC-SHA-1, 30-second steps and 6 digits, which every authenticator app reads from an `otpauth://` key.
 */

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side of now: a phone's clock a little off, or a code typed just as it changed. */
const WINDOW_STEPS = 1;
const ISSUER = 'Doorstep (local)';

const totp = (secret: string, email = '') =>
  new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A new app key: 20 random bytes (RFC 4226 §4's recommended length for SHA-1), in base32 as apps take it. */
export function newAuthenticatorKey(): string {
  return new Secret({ size: 20 }).base32;
}

/** The code an app with this key shows at `at`. */
export function authenticatorCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/**
 * The time step (RFC 6238's T) a code belongs to, when it is one the app shows within a step of `now`;
 * undefined for any other code. The caller remembers the step, so one code signs in only once.
 */
export function authenticatorStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The `otpauth://` URI an authenticator app adds the key from (what a QR code would carry). */
export function authenticatorUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

const AuthenticatorKeys = z.record(z.string(), z.string().regex(/^[A-Z2-7]+=*$/));

/**
 * The app keys of the officers who sign in with one, by email, kept in `file` (mode 0600, beside the identity
 * provider's signing key): made on first start for each of `emails` that has none yet, the same ever after.
 */
export function openAuthenticatorKeys(file: string, emails: readonly string[]): Map<string, string> {
  const keys = existsSync(file) ? AuthenticatorKeys.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  const missing = emails.filter((email) => !keys[email]);
  if (missing.length > 0) {
    for (const email of missing) keys[email] = newAuthenticatorKey();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  }
  return new Map(Object.entries(keys).filter(([email]) => emails.includes(email)));
}
