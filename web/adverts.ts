import { ConflictError } from '../shared/ports.js';
import {
  advertsForApplicant,
  DOES_NOT_FIT,
  expressInterest,
  HomeDoesNotFitError,
} from '../shared/services/adverts.js';
import type { Deps } from '../shared/services/deps.js';
import { applicantOf } from './applicant.js';
import { idParam, redirect, type WebEvent } from './http.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * Choice-based lettings on the web (issue 8): a registered household sees the homes advertised now, each with
 * whether it fits them and, if not, why; it says it is interested with one button (a form: no JavaScript needed).
 * A refusal (the advert closed, the home no longer fits) comes back on the same page, saying why.
 */
export function advertRoutes(deps: () => Deps): Route[] {
  const homesPage = async (
    event: WebEvent & { pathParameters?: Record<string, string | undefined> },
    page: PageRenderer,
    problem?: { texts: readonly string[]; propertyId: string },
  ) => {
    const context = deps();
    const who = await applicantOf(context, event);
    const applicationId = idParam(event, 'applicationId');
    const found = await advertsForApplicant(context, { subject: who.subject, applicationId });
    const chosen = event.queryStringParameters?.interested;
    return page(
      'homes.njk',
      {
        title: 'Homes you can choose',
        applicationId,
        ...found,
        fitting: found.adverts.filter((advert) => advert.fits),
        others: found.adverts.filter((advert) => !advert.fits),
        chosen: found.adverts.find((advert) => advert.propertyId === chosen && advert.interested),
        // The problem links to the home it is about (the other homes' headings, when it is not listed now).
        errors: (problem?.texts ?? []).map((text) => ({ text, href: `#home-${problem?.propertyId}` })),
        backLink: `/applications/${applicationId}/status`,
      },
      problem ? 409 : 200,
    );
  };
  return [
    {
      method: 'GET',
      path: '/applications/{applicationId}/homes',
      handler: (event, page) => homesPage(event, page),
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/homes/{propertyId}/interest',
      form: true,
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const propertyId = event.pathParameters?.propertyId ?? '';
        try {
          await expressInterest(context, { subject: who.subject, applicationId, propertyId });
        } catch (error) {
          // A home that does not fit says each rule it fails as its own error, so each is translated whole.
          if (error instanceof HomeDoesNotFitError)
            return homesPage(event, page, {
              texts: error.reasons.map((reason) => `${DOES_NOT_FIT} ${reason}`),
              propertyId,
            });
          if (error instanceof ConflictError)
            return homesPage(event, page, { texts: [error.message], propertyId });
          throw error;
        }
        return redirect(`/applications/${applicationId}/homes?interested=${encodeURIComponent(propertyId)}`);
      },
    },
  ];
}
