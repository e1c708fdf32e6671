import { LambdaEnvironment } from '../../shared/config.js';
import type { OfficerIdentity } from '../../shared/ports.js';
import { consoleSite } from '../../web/console-site.js';
import { s3Documents } from '../adapters/documents.js';
import { cognitoOfficerIdentity } from '../adapters/officer-identity.js';
import { createSiteFunction, csrfKeyOf } from '../lib/web-site.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * The lettings officers' console (web/console-site.ts) behind the HTTP API's `/officer` routes. No API Gateway
 * authoriser: every page but signing in verifies the officer's Cognito ID token itself, on every request.
 */
const env = LambdaEnvironment.parse(process.env);
let officers: OfficerIdentity | undefined;
export const handler = createSiteFunction({
  site: consoleSite(lambdaDepsWith(s3Documents), () => {
    // One per container: it caches the user pool's public keys.
    officers ??= cognitoOfficerIdentity(env);
    return officers;
  }),
  csrfKey: csrfKeyOf(env),
  dir: __dirname,
});
