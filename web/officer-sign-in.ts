import * as z from 'zod';
import type { FormAnswers } from '../shared/domain/conversation.js';
import type { OfficerCodeAnswer, OfficerIdentity } from '../shared/ports.js';
import { renderQrSvg } from '../shared/services/keys.js';
import { clearCookie, cookie, cookieOf, redirect, type WebEvent, type WebResult } from './http.js';
import { OFFICER_COOKIE, OFFICER_COOKIE_SECONDS } from './officer.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * Officers' sign-in to the console: a password, then the code of their authenticator app (the user pool
 * requires one), or, the first time, adding the app. Between the steps the provider's session waits in a
 * cookie of its own: HttpOnly, Secure, SameSite=Strict, sent only to the sign-in pages and for no longer
 * than the provider keeps the session, so it is never in a URL, a page or a log. Every form carries the
 * CSRF token, as all the web's forms do (web/app.ts).
 */

const SIGN_IN_PATH = '/officer/sign-in';
const PENDING_COOKIE = 'doorstep_officer_sign_in';
/** As long as Cognito keeps a sign-in session for the console's client (infra/constructs/officers.ts). */
const PENDING_COOKIE_SECONDS = 10 * 60;
/** What an officer's authenticator app shows as the account's issuer. */
const APP_ISSUER = 'Doorstep lettings';

const consoleChrome = { serviceName: 'Doorstep lettings console', serviceUrl: '/officer' };

/** A sign-in waiting for its app code: who, the provider's session, and for a new app its key (base32). */
const PendingSignIn = z.object({
  email: z.string().min(1).max(320),
  session: z.string().min(1).max(3000),
  secret: z
    .string()
    .regex(/^[A-Z2-7]{16,128}=*$/)
    .optional(),
});
type PendingSignIn = z.infer<typeof PendingSignIn>;

function pendingOf(event: WebEvent): PendingSignIn | undefined {
  const raw = cookieOf(event, PENDING_COOKIE);
  if (!raw) return undefined;
  try {
    const parsed = PendingSignIn.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const pendingCookie = (pending: PendingSignIn) =>
  cookie(
    PENDING_COOKIE,
    Buffer.from(JSON.stringify(pending)).toString('base64url'),
    PENDING_COOKIE_SECONDS,
    SIGN_IN_PATH,
  );
const noPendingCookie = clearCookie(PENDING_COOKIE, SIGN_IN_PATH);

const withCookies = (result: WebResult, cookies: string[]): WebResult => ({
  ...result,
  cookies: [...(result.cookies ?? []), ...cookies],
});

type FieldError = { field: string; message: string };

function signInPage(page: PageRenderer, email: string, errors: FieldError[]): WebResult {
  return page(
    'officer/sign-in.njk',
    {
      title: 'Sign in',
      ...consoleChrome,
      values: { email },
      errors: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
    },
    400,
  );
}

/** Back to the password, when the provider's session has run out (or the cookie holding it has). */
const timedOut = (page: PageRenderer, email = '') =>
  withCookies(
    signInPage(page, email, [{ field: 'email', message: 'Your sign-in timed out. Sign in again.' }]),
    [noPendingCookie],
  );

const signedIn = (idToken: string) =>
  redirect('/officer', [
    cookie(OFFICER_COOKIE, idToken, OFFICER_COOKIE_SECONDS, '/officer'),
    noPendingCookie,
  ]);

/** The code as typed, less the spaces some apps show in the middle; the error to show, if any. */
function codeOf(form: FormAnswers): { code: string; error?: string } {
  const code = typeof form.code === 'string' ? form.code.replace(/[\s-]/g, '') : '';
  if (!code) return { code, error: 'Enter the 6-digit code from your authenticator app' };
  if (!/^\d{6}$/.test(code)) return { code, error: 'The code must be 6 digits' };
  return { code };
}

const CODE_DID_NOT_WORK =
  'That code did not work. Enter the code your authenticator app shows now, or wait for its next one';

/** An app key in groups of four, as people copy it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The `otpauth://` URI authenticator apps add an account from (Google's Key Uri Format): what the QR code holds. */
const otpauthUri = (secret: string, email: string) =>
  `otpauth://totp/${encodeURIComponent(APP_ISSUER)}:${encodeURIComponent(email)}?${new URLSearchParams({
    secret,
    issuer: APP_ISSUER,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  })}`;

export function officerSignInRoutes(identity: () => OfficerIdentity): Route[] {
  const codePage = (page: PageRenderer, error?: string) =>
    page(
      'officer/sign-in-code.njk',
      {
        title: 'Enter the 6-digit code from your authenticator app',
        ...consoleChrome,
        backLink: SIGN_IN_PATH,
        ...(error ? { errors: [{ text: error, href: '#code' }], fieldErrors: { code: error } } : {}),
      },
      error ? 400 : 200,
    );

  const setUpPage = async (
    page: PageRenderer,
    pending: PendingSignIn & { secret: string },
    error?: string,
  ) => {
    const qr = await renderQrSvg(otpauthUri(pending.secret, pending.email));
    return page(
      'officer/set-up-app.njk',
      {
        title: 'Set up your authenticator app',
        ...consoleChrome,
        backLink: SIGN_IN_PATH,
        appKey: grouped(pending.secret),
        qrCode: `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`,
        minutes: PENDING_COOKIE_SECONDS / 60,
        ...(error ? { errors: [{ text: error, href: '#code' }], fieldErrors: { code: error } } : {}),
      },
      error ? 400 : 200,
    );
  };

  /** What the provider said about a code, as the page to show next. */
  const afterCode = (
    answer: OfficerCodeAnswer,
    page: PageRenderer,
    pending: PendingSignIn,
    again: (error: string) => Promise<WebResult> | WebResult,
  ) => {
    if (answer.kind === 'signed-in') return signedIn(answer.idToken);
    if (answer.kind === 'expired') return timedOut(page, pending.email);
    return again(CODE_DID_NOT_WORK);
  };

  return [
    {
      method: 'GET',
      path: SIGN_IN_PATH,
      handler: async (_event, page) => page('officer/sign-in.njk', { title: 'Sign in', ...consoleChrome }),
    },
    {
      method: 'POST',
      path: SIGN_IN_PATH,
      form: true,
      handler: async (_event, page, form) => {
        const email = typeof form.email === 'string' ? form.email.trim() : '';
        const password = typeof form.password === 'string' ? form.password : '';
        const errors: FieldError[] = [];
        if (!email) errors.push({ field: 'email', message: 'Enter your work email address' });
        if (!password) errors.push({ field: 'password', message: 'Enter your password' });
        if (errors.length > 0) return signInPage(page, email, errors);
        const answer = await identity().signIn(email, password);
        switch (answer.kind) {
          case 'signed-in':
            return signedIn(answer.idToken);
          case 'refused':
            return signInPage(page, email, [
              { field: 'email', message: 'The email address or password is wrong' },
            ]);
          case 'mfa':
            return redirect(`${SIGN_IN_PATH}/code`, [pendingCookie({ email, session: answer.session })]);
          case 'mfa-setup':
            return redirect(`${SIGN_IN_PATH}/set-up`, [
              pendingCookie({ email, session: answer.session, secret: answer.secret }),
            ]);
        }
      },
    },
    {
      method: 'GET',
      path: `${SIGN_IN_PATH}/code`,
      handler: async (event, page) => {
        const pending = pendingOf(event);
        if (!pending || pending.secret) return redirect(SIGN_IN_PATH);
        return codePage(page);
      },
    },
    {
      method: 'POST',
      path: `${SIGN_IN_PATH}/code`,
      form: true,
      handler: async (event, page, form) => {
        const pending = pendingOf(event);
        if (!pending || pending.secret) return timedOut(page, pending?.email);
        const { code, error } = codeOf(form);
        if (error) return codePage(page, error);
        const answer = await identity().respondToMfa(pending.email, pending.session, code);
        return afterCode(answer, page, pending, (again) => codePage(page, again));
      },
    },
    {
      method: 'GET',
      path: `${SIGN_IN_PATH}/set-up`,
      handler: async (event, page) => {
        const pending = pendingOf(event);
        if (!pending?.secret) return redirect(SIGN_IN_PATH);
        return setUpPage(page, { ...pending, secret: pending.secret });
      },
    },
    {
      method: 'POST',
      path: `${SIGN_IN_PATH}/set-up`,
      form: true,
      handler: async (event, page, form) => {
        const pending = pendingOf(event);
        if (!pending?.secret) return timedOut(page, pending?.email);
        const withKey = { ...pending, secret: pending.secret };
        const { code, error } = codeOf(form);
        if (error) return setUpPage(page, withKey, error);
        const answer = await identity().completeMfaSetup(pending.email, pending.session, code);
        return afterCode(answer, page, pending, (again) => setUpPage(page, withKey, again));
      },
    },
    {
      method: 'POST',
      path: '/officer/sign-out',
      form: true,
      handler: async () => redirect(SIGN_IN_PATH, [clearCookie(OFFICER_COOKIE, '/officer'), noPendingCookie]),
    },
  ];
}
