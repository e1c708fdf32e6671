import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { LOCAL_SESSION_SECRETS, type SessionSecrets } from '../config.js';
import { RateLimitedError, SignInRefusedError } from '../ports.js';
import type { Deps } from './deps.js';

/**
 * Applicants sign in with a one-time code sent to their email address (DESIGN.md §1b). Nothing here logs, and
 * the code appears only in the message the notifier sends. An address is personal data: it is kept only on
 * the session (to prefill contact details); everything else is keyed by the pseudonymous subject.
 */

export const SIGN_IN = {
  /** A code works for 10 minutes. */
  codeLifetimeSeconds: 10 * 60,
  /** At most 5 codes asked for one address in any hour. */
  codeRequestsPerHour: 5,
  /** At most 5 tries at one code; then it is spent. */
  attemptsPerCode: 5,
  /** A session lasts 12 hours from sign-in. */
  sessionLifetimeSeconds: 12 * 60 * 60,
} as const;

export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address, like name@example.org').max(254));

export const RequestCodeBody = z.object({ email: EmailAddress });

export const VerifyCodeBody = z.object({
  email: EmailAddress,
  // People copy codes with spaces ("123 456"): those are dropped before the check.
  code: z
    .string()
    .max(20)
    .transform((code) => code.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[0-9]{6}$/, 'The code is the 6 digits in the email we sent you')),
});

/** A session token as Doorstep issues it: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type SessionDeps = Pick<Deps, 'sessions' | 'clock'> & Partial<Pick<Deps, 'sessionSecrets'>>;

const secretsOf = (deps: Partial<Pick<Deps, 'sessionSecrets'>>): SessionSecrets =>
  deps.sessionSecrets ?? LOCAL_SESSION_SECRETS;

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The pseudonymous subject id of an address: a keyed hash of the normalised address, so the same person always
 * gets the same id, the id reveals nothing of the address, and nobody without the salt can compute it.
 */
export function subjectFor(email: string, subjectSalt: string): string {
  const normalised = EmailAddress.parse(email);
  return `sub_${createHmac('sha256', subjectSalt).update(normalised).digest('base64url').slice(0, 32)}`;
}

function codeHash(codeKey: string, salt: string, subject: string, code: string): Buffer {
  return createHmac('sha256', codeKey).update(`${salt}:${subject}:${code}`).digest();
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Sends a sign-in code to the address. Whether or not anyone has used the address before, the answer is the
 * same; only asking too often is refused (RateLimitedError).
 */
export async function requestCode(
  deps: SessionDeps & Pick<Deps, 'notifier'>,
  body: unknown,
): Promise<{ expiresInSeconds: number }> {
  const { email } = RequestCodeBody.parse(body);
  const secrets = secretsOf(deps);
  const subject = subjectFor(email, secrets.subjectSalt);
  const now = deps.clock.now();

  const admission = await deps.sessions.admitCodeRequest(
    subject,
    { limit: SIGN_IN.codeRequestsPerHour, windowSeconds: 3600 },
    now,
  );
  if (!admission.admitted) {
    const minutes = Math.ceil(admission.retryAfterSeconds / 60);
    throw new RateLimitedError(
      `We have sent ${SIGN_IN.codeRequestsPerHour} codes to this address in the last hour. Use the newest one, or ask again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      admission.retryAfterSeconds,
    );
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('base64url');
  const expiresAt = epochSeconds(now) + SIGN_IN.codeLifetimeSeconds;
  await deps.sessions.putCode({
    subject,
    codeId: randomBytes(12).toString('base64url'),
    salt,
    codeHash: codeHash(secrets.codeKey, salt, subject, code).toString('base64url'),
    attempts: 0,
    createdAt: now.toISOString(),
    expiresAt,
  });
  // The only place the code appears. The message is useless once the code expires: never deliver it late.
  await deps.notifier.send({
    to: { email },
    template: 'sign-in-code',
    values: { code },
    discardAfter: new Date(expiresAt * 1000).toISOString(),
  });
  return { expiresInSeconds: SIGN_IN.codeLifetimeSeconds };
}

/**
 * Checks a code and, if it is right, starts a session. The token is returned once, to be set as a cookie;
 * Doorstep keeps only its hash. Every try counts, even a right one, and a code works once.
 */
export async function verifyCode(
  deps: SessionDeps,
  body: unknown,
): Promise<{ token: string; subject: string; expiresAt: string }> {
  const { email, code } = VerifyCodeBody.parse(body);
  const secrets = secretsOf(deps);
  const subject = subjectFor(email, secrets.subjectSalt);
  const now = deps.clock.now();

  const live = await deps.sessions.attemptCode(subject, SIGN_IN.attemptsPerCode, now);
  if (!live) {
    throw new SignInRefusedError(
      'That code has expired, has been used or has been tried too many times. Ask for a new code.',
    );
  }
  const expected = Buffer.from(live.codeHash, 'base64url');
  const given = codeHash(secrets.codeKey, live.salt, subject, code);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    if (live.attempts >= SIGN_IN.attemptsPerCode) {
      await deps.sessions.spendCode(subject, live.codeId);
      throw new SignInRefusedError(
        'That code is not right, and it has now been tried too many times. Ask for a new code.',
      );
    }
    throw new SignInRefusedError(
      'That code is not right. Check the 6 digits in the newest email we sent you and try again.',
    );
  }
  // Two requests with the right code at once: only the one that spends it signs in.
  if (!(await deps.sessions.spendCode(subject, live.codeId))) {
    throw new SignInRefusedError('That code has already been used. Ask for a new code.');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = epochSeconds(now) + SIGN_IN.sessionLifetimeSeconds;
  await deps.sessions.putSession({
    tokenHash: tokenHash(token),
    subject,
    email,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, subject, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The signed-in applicant behind a token, or undefined when the token is unknown, malformed or expired. */
export async function getSession(
  deps: SessionDeps,
  token: string,
): Promise<{ subject: string; email: string } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const session = await deps.sessions.getSession(tokenHash(token));
  // The table's TTL removes expired sessions only eventually: expiry is checked here, on every request.
  if (!session || session.expiresAt <= epochSeconds(deps.clock.now())) return undefined;
  return { subject: session.subject, email: session.email };
}

/** Ends a session; ending one that is already gone is not an error. */
export async function signOut(deps: Pick<Deps, 'sessions'>, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await deps.sessions.deleteSession(tokenHash(token));
}
