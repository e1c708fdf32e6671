import type { OfficerIdentity } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { assistedRoutes } from './assisted.js';
import { nominationRoutes } from './nominations.js';
import { officerRoutes } from './officer.js';
import { officerSignInRoutes } from './officer-sign-in.js';
import { officerPrivacyRoutes } from './privacy.js';
import { shortlistRoutes } from './shortlist.js';
import type { WebSite } from './site.js';
import { stockRoutes } from './stock.js';

/** The path every console page is under: API Gateway sends these to the console's function. */
export const CONSOLE_PREFIX = '/officer';

/** The lettings officers' console: every page under `/officer`, behind the officer's verified ID token. */
export function consoleSite(deps: () => Deps, officers: () => OfficerIdentity): WebSite {
  return {
    routes: [
      ...officerSignInRoutes(officers),
      ...officerRoutes(deps, officers),
      ...assistedRoutes(deps, officers),
      ...stockRoutes(deps, officers),
      ...shortlistRoutes(deps, officers),
      ...nominationRoutes(deps, officers),
      ...officerPrivacyRoutes(deps, officers),
    ],
  };
}
