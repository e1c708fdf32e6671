import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { FormAnswers } from '../shared/domain/conversation.js';

/**
 * HTTP for the server-rendered web journey and console: the same API Gateway HTTP API (v2) events as the JSON
 * API, answered with HTML. Forms are plain `application/x-www-form-urlencoded` posts, so every step works
 * without JavaScript.
 */

export type WebEvent = APIGatewayProxyEventV2;
export type WebResult = Exclude<APIGatewayProxyResultV2, string>;

/** The largest form the web accepts (documents never pass through it: they go to the upload slot). */
export const MAX_FORM_BYTES = 32 * 1024;

/** A page the browser must not cache (it holds personal data) and may not frame. */
export function html(
  statusCode: number,
  body: string,
  extra: { cookies?: string[]; csp?: string } = {},
): WebResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      ...(extra.csp ? { 'content-security-policy': extra.csp } : {}),
    },
    body,
    ...(extra.cookies && extra.cookies.length > 0 ? { cookies: extra.cookies } : {}),
  };
}

/** After a form post: 303 See Other, so a refresh does not post again (post/redirect/get). */
export function redirect(location: string, cookies: string[] = []): WebResult {
  return {
    statusCode: 303,
    headers: { location, 'cache-control': 'no-store' },
    ...(cookies.length > 0 ? { cookies } : {}),
  };
}

export class WebError extends Error {
  override readonly name = 'WebError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function headerOf(event: WebEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function cookieOf(event: WebEvent, name: string): string | undefined {
  const cookies = event.cookies ?? headerOf(event, 'cookie')?.split(';') ?? [];
  for (const cookie of cookies) {
    const [key, ...value] = cookie.trim().split('=');
    if (key === name && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** A cookie only the server reads (HttpOnly), sent only over HTTPS (Secure; browsers allow it on localhost), never by another site. */
export function cookie(name: string, value: string, maxAgeSeconds: number, path = '/'): string {
  return `${name}=${encodeURIComponent(value)}; HttpOnly; Secure; SameSite=Strict; Path=${path}; Max-Age=${maxAgeSeconds}`;
}
export const clearCookie = (name: string, path = '/') =>
  `${name}=; HttpOnly; Secure; SameSite=Strict; Path=${path}; Max-Age=0`;

/** Reads a urlencoded form; a field sent several times (checkboxes) becomes a list. */
export function formOf(event: WebEvent): FormAnswers {
  const type = headerOf(event, 'content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new WebError(415, 'This page takes a form. Use the page’s own button to send it.');
  }
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  if (Buffer.byteLength(raw) > MAX_FORM_BYTES) throw new WebError(413, 'The form is too large to send.');
  const form: FormAnswers = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = form[key];
    form[key] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return form;
}

/**
 * Protection against cross-site request forgery on every form: a random per-browser secret in an HttpOnly,
 * SameSite=Strict cookie, and in each form a token derived from it with the server's key. A post whose token
 * does not match the cookie is refused (on top of SameSite, which already stops most cross-site posts).
 */
export const CSRF_COOKIE = 'doorstep_csrf';
export class Csrf {
  constructor(private readonly key: string) {}

  /** The browser's secret, creating one (and the cookie that keeps it) on its first visit. */
  secretFor(event: WebEvent): { secret: string; cookies: string[] } {
    const existing = cookieOf(event, CSRF_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return { secret: existing, cookies: [] };
    const secret = randomBytes(24).toString('base64url');
    return { secret, cookies: [cookie(CSRF_COOKIE, secret, 60 * 60 * 24)] };
  }

  token(secret: string): string {
    return createHmac('sha256', this.key).update(`csrf:${secret}`).digest('base64url');
  }

  check(event: WebEvent, form: FormAnswers): void {
    const secret = cookieOf(event, CSRF_COOKIE);
    const sent = form._csrf;
    if (!secret || typeof sent !== 'string')
      throw new WebError(403, 'This form has expired. Go back, refresh the page and try again.');
    const expected = Buffer.from(this.token(secret));
    const actual = Buffer.from(sent);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new WebError(403, 'This form has expired. Go back, refresh the page and try again.');
    }
  }
}

/** Only a value that is safe in a path segment: Doorstep's ids are letters, digits, `_` and `-`. */
export function idParam(
  event: WebEvent & { pathParameters?: Record<string, string | undefined> },
  name: string,
): string {
  const value = event.pathParameters?.[name];
  if (!value || !/^[A-Za-z0-9_-]{1,80}$/.test(value)) throw new WebError(404, 'Page not found');
  return value;
}

/** Escapes text for HTML, for the rare markup built in code (GOV.UK table cells with a link). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A PDF for its owner (an agreement, a letter), never cached. HTTP API payload 2.0 carries binary as base64;
 * API Gateway sends the bytes. Used by the web and the JSON API alike.
 */
export function pdfResult(pdf: Uint8Array, filename: string): WebResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(pdf).toString('base64'),
    isBase64Encoded: true,
  };
}

/**
 * An applicant's document for the officer checking it: shown inline, never cached or sniffed, and nothing in
 * it may run or load (a PDF viewer gets no scripts; the bytes were sniffed and scanned when they arrived).
 */
export function documentResult(bytes: Uint8Array, contentType: string): WebResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': 'inline',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

/** The digital key's QR code: the key itself, so never cached, and nothing in the image may run. */
export function keySvgResult(svg: string): WebResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
    },
    body: svg,
  };
}

/** Thrown by an applicant's page when nobody is signed in: the site handler sends them to sign in. */
export class SignInNeeded extends Error {
  override readonly name = 'SignInNeeded';
}

/** Thrown by a console page when no officer is signed in: the site handler sends them to the console's sign-in. */
export class OfficerSignInNeeded extends Error {
  override readonly name = 'OfficerSignInNeeded';
}
