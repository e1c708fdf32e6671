import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import type { Language } from '../shared/i18n/index.js';
import { ConflictError, JourneyStateError, NotFoundError, RateLimitedError } from '../shared/ports.js';
import { ForbiddenError } from '../shared/services/decisions.js';
import { type AssetDirs, serveAsset } from './assets.js';
import {
  Csrf,
  formOf,
  html,
  OfficerSignInNeeded,
  redirect,
  SignInNeeded,
  WebError,
  type WebEvent,
  type WebResult,
} from './http.js';
import { chosenLanguage, languageCookie, pageLanguage, switchLink } from './language.js';
import type { Render } from './render.js';
import { matchRoute, type PageRenderer, type Route } from './routes.js';

/** What every site's handler needs, whichever pages it serves. */
export interface SiteOptions {
  render: Render;
  assets: AssetDirs;
  /** The key CSRF tokens are derived with (a secret; in AWS from the function's configuration). */
  csrfKey: string;
  /** Where a failure outside a person's control is reported (its name only: never a body or a token). */
  log?: (line: string) => void;
}

/**
 * A set of pages one handler serves: the applicant's site (web/applicant-site.ts) or the officers' console
 * (web/console-site.ts). Each is its own Lambda function in AWS, so each bundle carries only its own pages.
 */
export interface WebSite {
  routes: Route[];
  /** A language chosen with `?lang=` on one of this site's pages, to keep beyond the page (the applicant's). */
  languageChosen?: (event: WebEvent, language: Language) => Promise<void>;
}

/** Both sites' pages in one list, as the local runtime, the tests and the benchmarks serve them. */
export function bothSites(...sites: WebSite[]): WebSite {
  const chosen = sites.flatMap((site) => (site.languageChosen ? [site.languageChosen] : []));
  return {
    routes: sites.flatMap((site) => site.routes),
    languageChosen: async (event, language) => {
      for (const remember of chosen) await remember(event, language);
    },
  };
}

/**
 * The web front end's request handling (issue 5), whichever site: assets, CSRF, the page's language, the
 * page renderer with its security headers, routing, and the error pages. One handler of API Gateway HTTP API
 * (v2) events: a Lambda function in AWS, a route of the local gateway in `npm start`.
 */
export function createSiteHandler(
  options: SiteOptions,
  site: WebSite,
): (event: WebEvent) => Promise<WebResult> {
  const { routes } = site;
  const csrf = new Csrf(options.csrfKey);

  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    if (path.startsWith('/assets/') && (method === 'GET' || method === 'HEAD')) {
      return (await serveAsset(options.assets, path)) ?? notFound();
    }

    const { secret, cookies: csrfCookies } = csrf.secretFor(event);
    const chosen = path.startsWith('/officer') ? undefined : chosenLanguage(event);
    const cookies = chosen ? [...csrfCookies, languageCookie(chosen)] : csrfCookies;
    const language = pageLanguage(event);
    // The other language's link goes to this page; after a post to a page nobody can open (`/applications`), to the start.
    const switchTo = language === 'cy' ? 'en' : 'cy';
    const opens = method === 'GET' || typeof matchRoute(routes, 'GET', path) === 'object';
    const nonce = randomBytes(16).toString('base64');
    const page: PageRenderer = (template, context, status = 200, extra = {}) => {
      const body = options.render(template, {
        fieldErrors: {},
        values: {},
        errors: [],
        ...context,
        language,
        htmlLang: language === 'cy' ? 'cy' : 'en-GB',
        ...(path.startsWith('/officer')
          ? {}
          : {
              // Every applicant page has the quick exit (issue 9: web/safety.ts); the console does not.
              exitThisPage: true,
              languageSwitch: {
                language: switchTo,
                href: opens ? switchLink(event, switchTo) : `/?lang=${switchTo}`,
              },
            }),
        csrf: csrf.token(secret),
        cspNonce: nonce,
      });
      return html(status, body, {
        cookies,
        csp: [
          "default-src 'self'",
          `script-src 'self' 'nonce-${nonce}'`,
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          `form-action 'self'${extra.formAction ? ` ${extra.formAction}` : ''}`,
          "frame-ancestors 'none'",
          "base-uri 'none'",
          "object-src 'none'",
        ].join('; '),
      });
    };
    const problem = (status: number, title: string, message: string, next?: { link: string; text: string }) =>
      page(
        'error.njk',
        { title, message, ...(next ? { nextLink: next.link, nextText: next.text } : {}) },
        status,
      );

    try {
      const matched = matchRoute(routes, method === 'HEAD' ? 'GET' : method, path);
      if (matched === 'wrong-method') {
        return problem(405, 'This page cannot do that', 'Use the page’s own links and buttons to carry on.');
      }
      if (!matched) return notFoundPage(problem);
      const routed = { ...event, pathParameters: matched.params };
      if (chosen) await site.languageChosen?.(routed, chosen);
      let form = {};
      if (matched.route.form) {
        form = formOf(event);
        csrf.check(event, form);
      }
      const result = await matched.route.handler(routed, page, form);
      // A first visit that only redirects still gets its CSRF cookie.
      return cookies.length > 0 && !result.cookies ? { ...result, cookies } : result;
    } catch (error) {
      if (error instanceof SignInNeeded) return redirect('/sign-in', cookies);
      if (error instanceof OfficerSignInNeeded) return redirect('/officer/sign-in', cookies);
      if (error instanceof WebError) {
        return error.statusCode === 404
          ? notFoundPage(problem)
          : problem(
              error.statusCode,
              error.statusCode === 403 ? 'You cannot do that' : 'There is a problem',
              error.message,
            );
      }
      if (error instanceof NotFoundError) return notFoundPage(problem);
      if (error instanceof ForbiddenError) return problem(403, 'You cannot do that', error.message);
      if (error instanceof RateLimitedError) return problem(429, 'Please wait', error.message);
      if (error instanceof JourneyStateError || error instanceof ConflictError) {
        // What to do next depends on who is asking: an officer goes back to their queue.
        return problem(
          409,
          'That has already moved on',
          error.message,
          path.startsWith('/officer')
            ? { link: '/officer', text: 'Back to your queue' }
            : { link: '/', text: 'See where your application is' },
        );
      }
      if (error instanceof ZodError) {
        return problem(400, 'There is a problem', error.issues.map((issue) => issue.message).join('. '));
      }
      options.log?.(`web ${method} ${path} failed: ${error instanceof Error ? error.name : 'error'}`);
      return problem(
        500,
        'Sorry, there is a problem with the service',
        'Try again later. Your answers so far are saved.',
      );
    }
  };
}

const notFound = (): WebResult => ({
  statusCode: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: 'Not found',
});

const notFoundPage = (problem: (status: number, title: string, message: string) => WebResult) =>
  problem(404, 'Page not found', 'If you typed the web address, check it is correct.');
