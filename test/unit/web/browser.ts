import { join } from 'node:path';
import type { OfficerIdentity } from '../../../shared/ports';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { createWebHandler } from '../../../web/app';
import type { WebEvent, WebResult } from '../../../web/http';
import { createRenderer, repositoryViews } from '../../../web/render';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * The web handler as `npm start` wires it (real renderer, real templates, GOV.UK Frontend's files) over the
 * in-memory fakes, and a small browser that keeps cookies and reads forms' CSRF tokens, for the web's unit
 * tests. No server, no network: each request is an API Gateway v2 event.
 */

const root = join(__dirname, '..', '..', '..');
/** One renderer per test file: Nunjucks compiles each template once. */
const render = createRenderer(repositoryViews(root));
const assets = {
  govukDir: join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
  staticDir: join(root, 'web', 'static'),
};

type OfficerAccount = { email: string; password: string; token: string; claims: Record<string, unknown> };

/** Officers' sign-in as the console sees it (shared/ports.ts): a token per account, verified to its claims. */
export class FakeOfficerIdentity implements OfficerIdentity {
  constructor(private readonly accounts: readonly OfficerAccount[] = []) {}
  async signIn(email: string, password: string) {
    return this.accounts.find((account) => account.email === email && account.password === password)?.token;
  }
  async verify(idToken: string) {
    return this.accounts.find((account) => account.token === idToken)?.claims;
  }
}

export function aWebApp(input: { deps?: MemoryDeps; officers?: OfficerIdentity } = {}) {
  const deps = input.deps ?? memoryDeps();
  const logged: string[] = [];
  const officers = input.officers ?? new FakeOfficerIdentity();
  const handler = createWebHandler({
    deps: () => deps,
    officers: () => officers,
    render,
    assets,
    csrfKey: 'csrf-key-for-unit-tests-only',
    log: (line) => logged.push(line),
  });
  return { deps, handler, logged, browser: () => new Browser(handler) };
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  /** The Set-Cookie values of the response. */
  cookies: string[];
  body: string;
}

type Handler = (event: WebEvent) => Promise<WebResult>;

/** A browser: keeps the cookies the web sets (names only, like one site), and reads forms from the last page. */
export class Browser {
  readonly jar = new Map<string, string>();
  last: Response | undefined;

  constructor(private readonly handler: Handler) {}

  get(path: string) {
    return this.send('GET', path);
  }

  /** Posts a urlencoded form, with the last page's CSRF token unless the form names its own `_csrf`. */
  post(path: string, fields: Record<string, string | string[]> = {}) {
    const form = new URLSearchParams();
    if (!('_csrf' in fields) && this.last) form.append('_csrf', csrfTokenOf(this.last.body));
    for (const [name, value] of Object.entries(fields))
      for (const item of [value].flat()) form.append(name, item);
    return this.send('POST', path, {
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: string; headers?: Record<string, string>; isBase64Encoded?: boolean } = {},
  ): Promise<Response> {
    const [rawPath = '/', query = ''] = path.split('?');
    const event: WebEvent = {
      ...anHttpEvent({
        method,
        path: rawPath,
        routeKey: '$default',
        headers: { 'content-type': 'text/plain', ...options.headers },
        ...(this.jar.size > 0 ? { cookies: [...this.jar].map(([name, value]) => `${name}=${value}`) } : {}),
        ...(options.body !== undefined ? { body: options.body } : {}),
      }),
      rawQueryString: query,
      ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
      ...(options.isBase64Encoded ? { isBase64Encoded: true } : {}),
    };
    const result = await this.handler(event);
    const response: Response = {
      status: result.statusCode ?? 200,
      headers: Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
      ),
      cookies: result.cookies ?? [],
      body: result.body ?? '',
    };
    for (const cookie of response.cookies) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/Max-Age=0(;|$)/.test(cookie)) this.jar.delete(name);
      else this.jar.set(name, value.join('='));
    }
    if (response.headers['content-type']?.startsWith('text/html')) this.last = response;
    return response;
  }
}

/** Signs an applicant in the way the sign-in pages do (a code by email), and gives the browser the session. */
export async function signIn(deps: MemoryDeps, browser: Browser, email: string): Promise<string> {
  await requestCode(deps, { email });
  const code = deps.notifier.sent.at(-1)?.values.code ?? '';
  const { token, subject } = await verifyCode(deps, { email, code });
  browser.jar.set('doorstep_session', token);
  return subject;
}

export function csrfTokenOf(html: string): string {
  return /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

export function titleOf(html: string): string {
  return /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1]?.trim() ?? '';
}

/** The links of the GOV.UK error summary: where each goes, and what it says. */
export function errorSummaryOf(html: string): Array<{ href: string; text: string }> {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((link) => ({
    href: link[1] ?? '',
    text: (link[2] ?? '').trim(),
  }));
}

/** The GOV.UK error message shown beside a field (the `<p id="{id}-error">`), without its hidden prefix. */
export function fieldErrorOf(html: string, id: string): string | undefined {
  const message = new RegExp(`<p id="${id}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(
    html,
  )?.[1];
  return message
    ?.replace(/<span class="govuk-visually-hidden">Error:<\/span>/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value a text input shows, as HTML source (so escaping can be checked). */
export function inputValueOf(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return input ? (/value="([^"]*)"/.exec(input)?.[1] ?? '') : undefined;
}
