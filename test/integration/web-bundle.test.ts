import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { WebFunction } from '../../infra/constructs/web';
import { anHttpEvent } from '../support/http-events';

const run = promisify(execFile);

/** What a Lambda container would have: the settings the stack gives the web function, with made-up values. */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'eu-west-2',
  TABLE_NAME: 'doorstep-bundle-test',
  APPLICATION_WORKFLOW_ARN: 'arn:aws:states:eu-west-2:123456789012:stateMachine:doorstep-application:live',
  DOCUMENTS_BUCKET: 'doorstep-documents-bundle-test',
  SUBJECT_SALT: 'bundle-test-subject-salt-0123456789abcdef',
  SIGN_IN_CODE_KEY: 'bundle-test-code-key-0123456789abcdefghij',
  WEB_CSRF_KEY: 'bundle-test-csrf-key-0123456789abcdefghijk',
  OFFICER_USER_POOL_ID: 'eu-west-2_Rv7Hk2pQs',
  OFFICER_CLIENT_ID: '5r2k8d0f1a3b4c6e7g9h0j1k2l',
  // Fake credentials and no instance metadata: a page that called AWS would fail here, not reach an account.
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/**
 * Loads the bundle in a fresh Node.js process, as Lambda does (`require` of index.js with only the function's
 * environment), invokes its handler with each event in turn and returns the results.
 */
async function invokeBundle(
  bundleDir: string,
  events: APIGatewayProxyEventV2[],
  env: Record<string, string> = LAMBDA_ENV,
): Promise<APIGatewayProxyStructuredResultV2[]> {
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'doorstep-web-results-')), 'results.json');
  const script = `
    const { handler } = require(process.argv[1]);
    const context = {
      functionName: 'doorstep-web', functionVersion: '1', memoryLimitInMB: '512',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:doorstep-web:live',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', getRemainingTimeInMillis: () => 10000,
    };
    (async () => {
      const results = [];
      for (const event of JSON.parse(process.argv[2])) results.push(await handler(event, context));
      require('node:fs').writeFileSync(process.argv[3], JSON.stringify(results));
      process.exit(0);
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  await run(
    process.execPath,
    ['-e', script, join(bundleDir, 'index.js'), JSON.stringify(events), resultsFile],
    {
      env,
      // Lambda's working directory is the bundle's folder (/var/task): nothing of the repository is near.
      cwd: bundleDir,
      timeout: 60_000,
    },
  );
  return JSON.parse(readFileSync(resultsFile, 'utf8'));
}

const page = (path: string) =>
  anHttpEvent({ method: 'GET', path, routeKey: '$default', headers: { accept: 'text/html' } });

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) =>
    statSync(join(dir, entry)).isFile(),
  );

/**
 * The web functions bundled exactly as `cdk synth` and `cdk deploy` bundle it (the same construct: local esbuild,
 * then the copy of templates and assets), then loaded and called like Lambda: the pages that make no AWS call
 * render from the files in the bundle, without the repository next to them.
 */
/** The asset folder of each web function in a synthesised template, by the function's construct id. */
function bundlesOf(
  outdir: string,
  template: { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> },
) {
  return Object.fromEntries(
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([id, resource]) => [
        id.replace(/[0-9A-F]{8}$/, ''),
        join(outdir, resource.Metadata?.['aws:asset:path'] ?? 'missing'),
      ]),
  );
}

describe('the web functions’ bundles', () => {
  let bundleDir = '';
  let consoleDir = '';

  beforeAll(() => {
    const outdir = mkdtempSync(join(tmpdir(), 'doorstep-web-bundle-'));
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'WebBundle', { env: { region: 'eu-west-2' } });
    const environment = { TABLE_NAME: 'doorstep-bundle-test' };
    new WebFunction(stack, 'web', { folder: 'web', description: 'The applicant’s site', environment });
    new WebFunction(stack, 'console', { folder: 'console', description: 'The console', environment });
    const bundles = bundlesOf(outdir, app.synth().getStackByName(stack.stackName).template);
    bundleDir = bundles.web ?? 'missing';
    consoleDir = bundles.console ?? 'missing';
  }, 240_000);

  it('carries the templates and assets the pages read, and none of GOV.UK Frontend’s sources', () => {
    const files = filesUnder(bundleDir).map((file) => relative(bundleDir, join(bundleDir, file)));
    expect(files).toEqual(
      expect.arrayContaining([
        'index.js',
        'views/layout.njk',
        'views/officer/sign-in.njk',
        'static/doorstep.css',
        'i18n/cy.json',
        'govuk-frontend/govuk/template.njk',
        'govuk-frontend/govuk/macros/attributes.njk',
        'govuk-frontend/govuk/components/button/macro.njk',
        'govuk-frontend/govuk/components/button/template.njk',
        'govuk-frontend/govuk/govuk-frontend.min.css',
        'govuk-frontend/govuk/govuk-frontend.min.js',
        'govuk-frontend/govuk/assets/manifest.json',
      ]),
    );
    const govuk = files.filter((file) => file.startsWith('govuk-frontend/'));
    expect(govuk.filter((file) => /\.(scss|mjs|map)$/.test(file))).toEqual([]);
    expect(govuk.filter((file) => file.includes('/components/') && !file.endsWith('.njk'))).toEqual([]);
    expect(existsSync(join(bundleDir, 'govuk-frontend', 'govuk', 'assets', 'fonts'))).toBe(true);
    expect(statSync(join(bundleDir, 'index.js')).size).toBeLessThan(1024 * 1024);
  });

  it('renders the start page and serves GOV.UK Frontend’s stylesheet from the bundle', async () => {
    // Act
    const [start, css] = await invokeBundle(bundleDir, [page('/'), page('/assets/govuk-frontend.min.css')]);

    // Assess
    expect(start?.statusCode).toBe(200);
    expect(start?.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(start?.body).toContain('Apply for a social home');
    expect(start?.body).toContain('govuk-template');
    // A first visit gets its CSRF cookie, HttpOnly and Secure.
    expect(start?.cookies).toEqual([
      expect.stringMatching(/^doorstep_csrf=.+; HttpOnly; Secure; SameSite=Strict/),
    ]);

    expect(css?.statusCode).toBe(200);
    expect(css?.headers?.['content-type']).toBe('text/css; charset=utf-8');
    expect(css?.body).toBe(
      readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8'),
    );
  });

  it('renders a page in Welsh from the catalogue beside the bundle', async () => {
    // Act
    const [start] = await invokeBundle(bundleDir, [
      { ...page('/'), rawQueryString: 'lang=cy', queryStringParameters: { lang: 'cy' } },
    ]);

    // Assess
    expect(start?.statusCode).toBe(200);
    expect(start?.body).toContain('<html lang="cy"');
    expect(start?.body).toContain('Gwneud cais am gartref cymdeithasol');
  }, 30_000);

  it('serves fonts and Doorstep’s own script, and has no console page', async () => {
    // Act
    const [signIn, script, font, missing] = await invokeBundle(bundleDir, [
      page('/officer/sign-in'),
      page('/assets/doorstep.js'),
      page('/assets/fonts/bold-b542beb274-v2.woff2'),
      page('/no-such-page'),
    ]);

    // Assess
    expect(signIn?.statusCode).toBe(404);
    expect(script?.statusCode).toBe(200);
    expect(font).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(missing?.statusCode).toBe(404);
    expect(missing?.body).toContain('Page not found');
  });

  it('bundles the console on its own: the officers’ sign-in page renders, an applicant’s page does not exist', async () => {
    // Act
    const [signIn, start] = await invokeBundle(consoleDir, [page('/officer/sign-in'), page('/')]);

    // Assess
    expect(signIn?.statusCode).toBe(200);
    expect(signIn?.body).toContain('type="password"');
    expect(start?.statusCode).toBe(404);
    expect(statSync(join(consoleDir, 'index.js')).size).toBeLessThan(1024 * 1024);
  });

  it('refuses to start without its CSRF key, either site', async () => {
    const { WEB_CSRF_KEY: _, ...withoutKey } = LAMBDA_ENV;
    await expect(invokeBundle(bundleDir, [page('/')], withoutKey)).rejects.toThrow(/WEB_CSRF_KEY/);
    await expect(invokeBundle(consoleDir, [page('/officer/sign-in')], withoutKey)).rejects.toThrow(
      /WEB_CSRF_KEY/,
    );
  });
});
