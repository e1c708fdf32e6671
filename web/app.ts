import type { OfficerIdentity } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { applicantSite } from './applicant-site.js';
import { consoleSite } from './console-site.js';
import { bothSites, createSiteHandler, type SiteOptions } from './site.js';

export interface WebOptions extends SiteOptions {
  deps: () => Deps;
  officers: () => OfficerIdentity;
}

/**
 * The whole web front end in one handler: the applicant's site and the officers' console, as the tests and the
 * benchmarks serve it. In AWS each site is a function of its own (functions/web, functions/console), and the
 * local runtime routes `/officer` to the console's handler the same way; all use the same site handler and pages.
 */
export function createWebHandler(options: WebOptions) {
  return createSiteHandler(
    options,
    bothSites(applicantSite(options.deps), consoleSite(options.deps, options.officers)),
  );
}
