import { advertsForApplicant, expressInterest } from '../shared/services/adverts.js';
import type { Deps } from '../shared/services/deps.js';
import { applicantOf } from './applicant.js';
import { idParam, redirect } from './http.js';
import type { Route } from './routes.js';

/**
 * Choice-based lettings on the web (issue 8): a registered household sees the homes advertised now, each with
 * whether it fits them and, if not, why; it says it is interested with one button (a form: no JavaScript needed).
 */
export function advertRoutes(deps: () => Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/applications/{applicationId}/homes',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const found = await advertsForApplicant(context, { subject: who.subject, applicationId });
        const chosen = event.queryStringParameters?.interested;
        return page('homes.njk', {
          title: 'Homes you can choose',
          applicationId,
          ...found,
          fitting: found.adverts.filter((advert) => advert.fits),
          others: found.adverts.filter((advert) => !advert.fits),
          chosen: found.adverts.find((advert) => advert.propertyId === chosen && advert.interested),
          backLink: `/applications/${applicationId}/status`,
        });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/homes/{propertyId}/interest',
      form: true,
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const propertyId = event.pathParameters?.propertyId ?? '';
        await expressInterest(context, { subject: who.subject, applicationId, propertyId });
        return redirect(`/applications/${applicationId}/homes?interested=${encodeURIComponent(propertyId)}`);
      },
    },
  ];
}
