import { aWebApp } from './browser';

/** The page's CSP as directive name to its sources. */
function cspOf(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => tag[0]);

describe('every page', () => {
  it.each([
    ['a page', '/sign-in', 200],
    ['the not-found page', '/no-such-page', 404],
    ['the officers’ sign-in page', '/officer/sign-in', 200],
  ])('%s is not cached, not framed and not sniffed', async (_what, path, status) => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get(path);

    // Assess
    expect(response.status).toBe(status);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
  });

  it('carries a Content-Security-Policy that allows only this site’s files and the page’s own nonce', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get('/sign-in');

    // Assess
    const csp = cspOf(response.headers['content-security-policy']);
    const nonce = /^'nonce-([A-Za-z0-9+/=]{24})'$/.exec(csp['script-src']?.[1] ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", `'nonce-${nonce}'`],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'object-src': ["'none'"],
    });
    // Every inline script carries the nonce; every other script is one of this site's files.
    const tags = scriptTags(response.body);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      if (tag.includes('src=')) expect(tag).toMatch(/src="\/assets\/[^"]+"/);
      else expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(tags.filter((tag) => !tag.includes('src='))).toHaveLength(1);
  });

  it('gets a new nonce on every response', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const first = await browser.get('/sign-in');
    const second = await browser.get('/sign-in');

    // Assess
    const nonce = (header: string | undefined) => /'nonce-([^']+)'/.exec(header ?? '')?.[1];
    const secondNonce = nonce(second.headers['content-security-policy']);
    expect(nonce(first.headers['content-security-policy'])).not.toBe(secondNonce);
    expect(second.body).toContain(`nonce="${secondNonce}"`);
  });

  it('redirects without caching', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get('/officer');

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('assets', () => {
  it.each([
    ['/assets/govuk-frontend.min.css', 'text/css; charset=utf-8'],
    ['/assets/govuk-frontend.min.js', 'text/javascript; charset=utf-8'],
    ['/assets/doorstep.css', 'text/css; charset=utf-8'],
    ['/assets/doorstep.js', 'text/javascript; charset=utf-8'],
    ['/assets/doorstep-conversation.js', 'text/javascript; charset=utf-8'],
    ['/assets/doorstep-icon.svg', 'image/svg+xml'],
    ['/assets/manifest.json', 'application/json'],
  ])('serves %s, for any cache to keep', async (path, type) => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get(path);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const cacheControl = response.headers['cache-control'] ?? '';
    expect(cacheControl).toMatch(/^public, max-age=\d+$/);
    expect(Number(/max-age=(\d+)/.exec(cacheControl)?.[1])).toBeGreaterThanOrEqual(3600);
    expect(response.body.length).toBeGreaterThan(0);
    // Assets carry no personal data and no session: no cookie is set on them.
    expect(response.cookies).toEqual([]);
  });

  it.each([
    '/assets/../package.json',
    '/assets/%2e%2e/package.json',
    '/assets/..%2fpackage.json',
    '/assets/fonts/../../../../package.json',
    '/assets/package.json',
    '/assets/govuk-frontend.min.css.map',
    '/assets/doorstep-unknown.css',
    '/assets/',
    '/assets/.env',
  ])('answers 404 for %s', async (path) => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get(path);

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('"name": "doorstep"');
  });
});
