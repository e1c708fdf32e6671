import { join } from 'node:path';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { WebEvent, WebResult } from '../../web/http.js';
import { createRenderer } from '../../web/render.js';
import { createSiteHandler, type WebSite } from '../../web/site.js';
import { logger } from './logger.js';

/**
 * Where a web bundle keeps its files, next to its handler (infra/constructs/web.ts copies them there):
 * Doorstep's templates and static files, and GOV.UK Frontend's templates, macros, compiled CSS and JavaScript,
 * fonts and images, in the same layout as its `dist` folder.
 */
export const webFiles = (dir: string) => ({
  views: { viewsDir: join(dir, 'views'), govukDir: join(dir, 'govuk-frontend') },
  assets: { govukDir: join(dir, 'govuk-frontend', 'govuk'), staticDir: join(dir, 'static') },
});

/**
 * A web site (the applicant's, or the officers' console) as a Lambda function behind the HTTP API: its pages,
 * server-rendered by the site handler (web/site.ts). The logger never sees a request: bodies, cookies and
 * tokens stay out of the logs; a failure is logged by its name only.
 */
export function createSiteFunction(options: { site: WebSite; csrfKey: string; dir: string }) {
  const files = webFiles(options.dir);
  const web = createSiteHandler(
    {
      render: createRenderer(files.views),
      assets: files.assets,
      csrfKey: options.csrfKey,
      log: (line) => logger.error(line),
    },
    options.site,
  );
  return middy<WebEvent, WebResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler((event) => web(event));
}

/** The CSRF key, validated once per cold start: a function deployed without it fails at once, saying which. */
export function csrfKeyOf(env: LambdaEnvironment): string {
  if (!env.WEB_CSRF_KEY) throw new Error('The web functions need WEB_CSRF_KEY');
  return env.WEB_CSRF_KEY;
}
