import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { LOCAL_SESSION_SECRETS, type SessionSecrets } from '../config.js';
import { ukMobile } from '../domain/sms.js';
import type { Language } from '../i18n/language.js';
import { RateLimitedError, SignInRefusedError } from '../ports.js';
import type { Deps } from './deps.js';

/**
 * Applicants sign in with a one-time code sent to their email address, or by text to their mobile (DESIGN.md
 * §1b; issue 9). Nothing here logs, and the code appears only in the message sent. An address or number is
 * personal data: it is kept only on the session (to prefill contact details); everything else is keyed by the
 * pseudonymous subject. A mobile linked to an application (services/sms.ts) signs in as that application's
 * owner, who proved they hold it; any other mobile is a subject of its own.
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

/** A UK mobile number as typed, as E.164. */
export const MobileNumber = z
  .string()
  .max(30)
  .transform((typed, context) => {
    const mobile = ukMobile(typed);
    if (!mobile) {
      context.addIssue({ code: 'custom', message: 'Enter a UK mobile number, like 07700 900982' });
      return z.NEVER;
    }
    return mobile;
  });

export const RequestCodeBody = z.object({ email: EmailAddress });
export const RequestTextCodeBody = z.object({ phone: MobileNumber });

/** A body with a phone and no email asks for a code by text; any other is read as an email sign-in. */
const byText = (body: unknown) =>
  typeof body === 'object' && body !== null && 'phone' in body && !('email' in body);

/** A one-time code as typed: people copy codes with spaces ("123 456"), which are dropped before the check. */
const oneTimeCode = (sentBy: 'email' | 'text') =>
  z
    .string()
    .max(20)
    .transform((code) => code.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[0-9]{6}$/, `The code is the 6 digits in the ${sentBy} we sent you`));

export const VerifyCodeBody = z.object({ email: EmailAddress, code: oneTimeCode('email') });
export const VerifyTextCodeBody = z.object({ phone: MobileNumber, code: oneTimeCode('text') });

/** A session token as Doorstep issues it: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type SessionDeps = Pick<Deps, 'sessions' | 'clock'> & Partial<Pick<Deps, 'sessionSecrets'>>;
/** Signing in by text needs the phones linked to applications, and the channel to send the code. */
type PhoneDeps = Partial<Pick<Deps, 'phones' | 'messaging'>>;

export const secretsOf = (deps: Partial<Pick<Deps, 'sessionSecrets'>>): SessionSecrets =>
  deps.sessionSecrets ?? LOCAL_SESSION_SECRETS;

/**
 * The pseudonymous key of a mobile number (E.164), keyed like a subject: it finds the phone's link and counts
 * the codes sent to it, and reveals nothing of the number.
 */
export function phoneKeyFor(phone: string, subjectSalt: string): string {
  return `tel_${createHmac('sha256', subjectSalt).update(`tel:${phone}`).digest('base64url').slice(0, 32)}`;
}

/** Who signs in with a code to this mobile: the owner of the application it is linked to, or itself. */
async function phoneSubject(deps: SessionDeps & PhoneDeps, phone: string): Promise<string> {
  const key = phoneKeyFor(phone, secretsOf(deps).subjectSalt);
  const link = await deps.phones?.get(key);
  return link?.subject ?? `sub_${key.slice(4)}`;
}

/** Who a code is for: the subject it signs in as, and where it is sent. */
async function recipientOf(
  deps: SessionDeps & PhoneDeps,
  body: { email: string } | { phone: string },
): Promise<{ subject: string; email?: string; phone?: string }> {
  if ('email' in body)
    return { subject: subjectFor(body.email, secretsOf(deps).subjectSalt), email: body.email };
  return { subject: await phoneSubject(deps, body.phone), phone: body.phone };
}

/**
 * Counts a request for a code to `counted` (a subject or a phone's key) against the limit, refusing (429)
 * when it is reached: the same rule for sign-in codes by email and by text, and for linking a phone.
 */
export async function admitCode(deps: SessionDeps, counted: string, where: string): Promise<void> {
  const admission = await deps.sessions.admitCodeRequest(
    counted,
    { limit: SIGN_IN.codeRequestsPerHour, windowSeconds: 3600 },
    deps.clock.now(),
  );
  if (!admission.admitted) {
    const minutes = Math.ceil(admission.retryAfterSeconds / 60);
    throw new RateLimitedError(
      `We have sent ${SIGN_IN.codeRequestsPerHour} codes to this ${where} in the last hour. Use the newest one, or ask again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      admission.retryAfterSeconds,
    );
  }
}

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
 * Sends a sign-in code to the address or mobile. Whether or not anyone has used it before, the answer is the
 * same; only asking too often is refused (RateLimitedError), counted per address or per mobile.
 */
export async function requestCode(
  deps: SessionDeps & Pick<Deps, 'notifier'> & PhoneDeps,
  body: unknown,
  /** The language of the page the code was asked for on: there is no application yet to take it from. */
  language?: Language,
): Promise<{ expiresInSeconds: number }> {
  const parsed = byText(body) ? RequestTextCodeBody.parse(body) : RequestCodeBody.parse(body);
  const secrets = secretsOf(deps);
  const { subject, email, phone } = await recipientOf(deps, parsed);
  const now = deps.clock.now();
  await admitCode(
    deps,
    phone ? phoneKeyFor(phone, secrets.subjectSalt) : subject,
    email ? 'address' : 'number',
  );

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
  const discardAfter = new Date(expiresAt * 1000).toISOString();
  if (phone) {
    if (!deps.messaging) throw new Error('Signing in by text needs the messaging port');
    await deps.messaging.sendText({
      to: phone,
      body: `${code} is your Doorstep sign-in code. It works for 10 minutes. Do not share it with anyone.`,
      discardAfter,
    });
  } else if (email) {
    await deps.notifier.send({
      to: { email },
      template: 'sign-in-code',
      values: { code },
      discardAfter,
      ...(language ? { language } : {}),
    });
  }
  return { expiresInSeconds: SIGN_IN.codeLifetimeSeconds };
}

/**
 * Checks a code and, if it is right, starts a session. The token is returned once, to be set as a cookie;
 * Doorstep keeps only its hash. Every try counts, even a right one, and a code works once.
 */
export async function verifyCode(
  deps: SessionDeps & PhoneDeps,
  body: unknown,
): Promise<{ token: string; subject: string; expiresAt: string }> {
  const parsed = byText(body) ? VerifyTextCodeBody.parse(body) : VerifyCodeBody.parse(body);
  const { code } = parsed;
  const secrets = secretsOf(deps);
  const { subject, email, phone } = await recipientOf(deps, parsed);
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
      `That code is not right. Check the 6 digits in the newest ${phone ? 'text' : 'email'} we sent you and try again.`,
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
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, subject, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The signed-in applicant behind a token, or undefined when the token is unknown, malformed or expired. */
export async function getSession(
  deps: SessionDeps,
  token: string,
): Promise<{ subject: string; email?: string; phone?: string } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const session = await deps.sessions.getSession(tokenHash(token));
  // The table's TTL removes expired sessions only eventually: expiry is checked here, on every request.
  if (!session || session.expiresAt <= epochSeconds(deps.clock.now())) return undefined;
  return {
    subject: session.subject,
    ...(session.email ? { email: session.email } : {}),
    ...(session.phone ? { phone: session.phone } : {}),
  };
}

/** Ends a session; ending one that is already gone is not an error. */
export async function signOut(deps: Pick<Deps, 'sessions'>, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await deps.sessions.deleteSession(tokenHash(token));
}
