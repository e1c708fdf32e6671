import { LambdaEnvironment } from '../../shared/config.js';
import { applicantSite } from '../../web/applicant-site.js';
import { s3Documents } from '../adapters/documents.js';
import { createSiteFunction, csrfKeyOf } from '../lib/web-site.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * The applicant's site (web/applicant-site.ts) behind the HTTP API's `$default` route: every page outside
 * `/officer`, from the start page to the keys. No API Gateway authoriser: the pages check the applicant's
 * session cookie themselves.
 *
 * The documents bucket for upload slots, tenancy agreements and letters; no signer and no key issuer: a
 * tenant's key is shown from the credential the keys stage stored, and the web never signs anything.
 */
const env = LambdaEnvironment.parse(process.env);
export const handler = createSiteFunction({
  site: applicantSite(lambdaDepsWith(s3Documents)),
  csrfKey: csrfKeyOf(env),
  dir: __dirname,
});
