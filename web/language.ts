import { type Language, languageOf } from '../shared/i18n/index.js';
import { cookieOf, type WebEvent } from './http.js';

/**
 * The language a page is shown in (issue 9): chosen with `?lang=cy` or `?lang=en` (a plain link, so it works
 * without JavaScript) and remembered in a cookie, so every page after it is in that language too. The officer
 * console is English only: officers work in English (README "Welsh and English").
 */

export const LANGUAGE_COOKIE = 'doorstep_lang';
const A_YEAR = 60 * 60 * 24 * 365;

/** The language asked for on this request (`?lang=`), if any. */
export const chosenLanguage = (event: WebEvent): Language | undefined =>
  languageOf(event.queryStringParameters?.lang);

export function pageLanguage(event: WebEvent): Language {
  if (event.rawPath.startsWith('/officer')) return 'en';
  return chosenLanguage(event) ?? languageOf(cookieOf(event, LANGUAGE_COOKIE)) ?? 'en';
}

/**
 * Remembers the choice. Not HttpOnly: it holds nothing secret, and a script may read it to show the page's
 * language. SameSite=Lax, not Strict, so a link from an email opens in the language chosen.
 */
export const languageCookie = (language: Language) =>
  `${LANGUAGE_COOKIE}=${language}; Secure; SameSite=Lax; Path=/; Max-Age=${A_YEAR}`;

/**
 * The link to this page in the other language: the same path and query (an answer being changed stays
 * `?change=1`), with `lang` set. A page drawn after a form post links to the page's own address, which shows the
 * question again with the answers saved so far.
 */
export function switchLink(event: WebEvent, to: Language): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {}))
    if (name !== 'lang' && value !== undefined) query.set(name, value);
  query.set('lang', to);
  return `${event.rawPath}?${query.toString()}`;
}
