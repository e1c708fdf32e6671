import { join } from 'node:path';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { LambdaEnvironment } from '../../shared/config.js';
import type { OfficerIdentity } from '../../shared/ports.js';
import type { Deps } from '../../shared/services/deps.js';
import { createWebHandler } from '../../web/app.js';
import type { WebEvent, WebResult } from '../../web/http.js';
import { createRenderer } from '../../web/render.js';
import { s3Documents } from '../adapters/documents.js';
import { cognitoOfficerIdentity } from '../adapters/officer-identity.js';
import { logger } from '../lib/logger.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * Where the bundle keeps the web's files, next to this handler (infra/constructs/web.ts copies them there):
 * Doorstep's templates and static files, and GOV.UK Frontend's templates, macros, compiled CSS and JavaScript,
 * fonts and images, in the same layout as its `dist` folder.
 */
export const webFiles = (dir: string) => ({
  views: { viewsDir: join(dir, 'views'), govukDir: join(dir, 'govuk-frontend') },
  assets: { govukDir: join(dir, 'govuk-frontend', 'govuk'), staticDir: join(dir, 'static') },
});

/**
 * The web front end as a Lambda function behind the HTTP API's `$default` route: the applicant journey and
 * the officers' console, server-rendered (web/app.ts). No API Gateway authoriser: the pages check the
 * applicant's session cookie and the officer's ID token themselves. The logger never sees a request: bodies,
 * cookies and tokens stay out of the logs; a failure is logged by its name only.
 */
export function createHandler(options: {
  deps: () => Deps;
  officers: () => OfficerIdentity;
  csrfKey: string;
  dir: string;
}) {
  const files = webFiles(options.dir);
  const web = createWebHandler({
    deps: options.deps,
    officers: options.officers,
    render: createRenderer(files.views),
    assets: files.assets,
    csrfKey: options.csrfKey,
    log: (line) => logger.error(line),
  });
  return middy<WebEvent, WebResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler((event) => web(event));
}

// Validated once per cold start: a function deployed without its CSRF key fails at once, saying which.
const env = LambdaEnvironment.parse(process.env);
if (!env.WEB_CSRF_KEY) throw new Error('The web function needs WEB_CSRF_KEY');
let officers: OfficerIdentity | undefined;

// The documents bucket for upload slots and tenancy agreements; no signer and no key issuer: a tenant's key is
// shown from the credential the keys stage stored, and the web never signs anything.
export const handler = createHandler({
  deps: lambdaDepsWith(s3Documents),
  // One per container: it caches the user pool's public keys.
  officers: () => {
    officers ??= cognitoOfficerIdentity(env);
    return officers;
  },
  csrfKey: env.WEB_CSRF_KEY,
  dir: __dirname,
});
