import type { Deps } from '../shared/services/deps.js';
import { advertRoutes } from './adverts.js';
import { applicantRoutes, rememberLanguage } from './applicant.js';
import { changeRoutes } from './changes.js';
import { letterRoutes } from './letters.js';
import { privacyRoutes } from './privacy.js';
import { reviewRoutes } from './reviews.js';
import { safetyRoutes } from './safety.js';
import type { WebSite } from './site.js';
import { textMessageRoutes } from './text-messages.js';

/** The applicant's site: every page outside `/officer`, from the start page to the keys. */
export function applicantSite(deps: () => Deps): WebSite {
  return {
    routes: [
      ...applicantRoutes(deps),
      ...changeRoutes(deps),
      ...letterRoutes(deps),
      ...advertRoutes(deps),
      ...reviewRoutes(deps),
      ...privacyRoutes(deps),
      ...safetyRoutes(deps),
      ...textMessageRoutes(deps),
    ],
    languageChosen: (event, language) => rememberLanguage(deps(), event, language),
  };
}
