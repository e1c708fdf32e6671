import { join } from 'node:path';
import type { OfficerCodeAnswer, OfficerIdentity, OfficerSignIn } from '../../../shared/ports';
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

type OfficerAccount = {
  email: string;
  password: string;
  token: string;
  claims: Record<string, unknown>;
  /** The code this officer's authenticator app shows (a fake has no clock): the password then asks for it. */
  appCode?: string;
  /** An officer with no app yet: the key the provider hands out to add, and the first code the app will show. */
  newApp?: { secret: string; code: string };
};

/**
 * Officers' sign-in as the console sees it (shared/ports.ts): a token per account, verified to its claims,
 * and for an officer with an app (or one to add) a session per sign-in that a right code spends. Sessions look
 * like Cognito's, with characters a cookie must carry safely; `expireSessions` ends them all, as time would.
 */
export class FakeOfficerIdentity implements OfficerIdentity {
  /** Live sessions, to whose email. */
  readonly sessions = new Map<string, string>();
  /** Every code the console sent, with its email and session. */
  readonly codes: Array<{ email: string; session: string; code: string; setUp: boolean }> = [];
  private issued = 0;

  constructor(private readonly accounts: readonly OfficerAccount[] = []) {}

  async signIn(email: string, password: string): Promise<OfficerSignIn> {
    const account = this.accounts.find((each) => each.email === email && each.password === password);
    if (!account) return { kind: 'refused' };
    if (account.newApp)
      return { kind: 'mfa-setup', session: this.session(email), secret: account.newApp.secret };
    if (account.appCode) return { kind: 'mfa', session: this.session(email) };
    return { kind: 'signed-in', idToken: account.token };
  }

  async respondToMfa(email: string, session: string, code: string) {
    this.codes.push({ email, session, code, setUp: false });
    return this.answer(email, session, code, (account) => account.appCode);
  }

  async completeMfaSetup(email: string, session: string, code: string) {
    this.codes.push({ email, session, code, setUp: true });
    return this.answer(email, session, code, (account) => account.newApp?.code);
  }

  async verify(idToken: string) {
    return this.accounts.find((account) => account.token === idToken)?.claims;
  }

  expireSessions() {
    this.sessions.clear();
  }

  private session(email: string) {
    this.issued += 1;
    const session = `AYABeC7Hk2pQs+session/${this.issued}==`;
    this.sessions.set(session, email);
    return session;
  }

  private answer(
    email: string,
    session: string,
    code: string,
    expected: (account: OfficerAccount) => string | undefined,
  ): OfficerCodeAnswer {
    const account = this.accounts.find((each) => each.email === email);
    if (!account || this.sessions.get(session) !== email) return { kind: 'expired' };
    if (expected(account) !== code) return { kind: 'refused' };
    this.sessions.delete(session);
    return { kind: 'signed-in', idToken: account.token };
  }
}

/** Ellis, an officer of Riverside Homes, who signs in with the token `id-token-ellis` (set it as her cookie). */
export function ellisIdentity(): FakeOfficerIdentity {
  return new FakeOfficerIdentity([
    {
      email: 'ellis@riverside-homes.example',
      password: 'correct horse battery staple',
      token: 'id-token-ellis',
      claims: {
        sub: 'officer-ellis',
        email: 'ellis@riverside-homes.example',
        'custom:landlordId': 'riverside-homes',
        'cognito:groups': ['officer'],
      },
    },
  ]);
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
