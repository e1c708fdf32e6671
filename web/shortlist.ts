import { ZodError } from 'zod';
import type { FormAnswers } from '../shared/domain/conversation.js';
import { ConflictError, type OfficerIdentity } from '../shared/ports.js';
import { advertiseHome } from '../shared/services/adverts.js';
import type { Deps } from '../shared/services/deps.js';
import { offerHomeTo } from '../shared/services/direct-offers.js';
import { shortlistFor } from '../shared/services/shortlists.js';
import { idParam, redirect, type WebEvent } from './http.js';
import { officerOf } from './officer.js';
import type { PageRenderer, Route } from './routes.js';
import { consoleChrome } from './stock.js';

/**
 * A home's shortlist in the console (issue 8): the households it fits in the scheme's order, those who chose it
 * when it is advertised, and those it does not fit with the rules; a button offers the home to a household (a
 * direct offer, approved from the queue), and a form advertises it for choice-based lettings.
 */

const text = (value: FormAnswers[string]) => (typeof value === 'string' ? value.trim() : '');

export function shortlistRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const render = async (
    event: WebEvent & { pathParameters?: Record<string, string | undefined> },
    page: PageRenderer,
    form: FormAnswers = {},
    errors: Array<{ field: string; message: string }> = [],
    status = errors.length > 0 ? 400 : 200,
  ) => {
    const officer = await officerOf(identity(), event);
    const propertyId = idParam(event, 'propertyId');
    const context = deps();
    const view = await shortlistFor(context, { landlordId: officer.landlordId, propertyId });
    const home = await context.lettings.getHome(propertyId);
    const interested = new Set(view.advert?.interested ?? []);
    return page(
      'officer/shortlist.njk',
      {
        title: `Shortlist: ${home?.address}`,
        ...consoleChrome,
        backLink: '/officer/homes',
        home,
        view,
        rows: view.shortlist.map((entry) => ({ ...entry, interested: interested.has(entry.applicationId) })),
        offered: event.queryStringParameters?.offered,
        values: form,
        errors: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
        fieldErrors: Object.fromEntries(errors.map((error) => [error.field, { text: error.message }])),
      },
      status,
    );
  };
  return [
    {
      method: 'GET',
      path: '/officer/homes/{propertyId}/shortlist',
      handler: (event, page) => render(event, page),
    },
    {
      method: 'POST',
      path: '/officer/homes/{propertyId}/offers',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const propertyId = idParam(event, 'propertyId');
        try {
          const offer = await offerHomeTo(deps(), {
            landlordId: officer.landlordId,
            officerId: officer.officerId,
            propertyId,
            body: { applicationId: text(form.applicationId) },
          });
          return redirect(`/officer/homes/${propertyId}/shortlist?offered=${offer.applicationId}`);
        } catch (error) {
          // Why the household cannot have the home now, on the shortlist it was chosen from.
          if (error instanceof ConflictError)
            return render(event, page, {}, [{ field: 'shortlist', message: error.message }], 409);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/officer/homes/{propertyId}/advert',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const propertyId = idParam(event, 'propertyId');
        const part = (name: string) => text(form[`closesOn-${name}`]).padStart(2, '0');
        try {
          await advertiseHome(deps(), {
            landlordId: officer.landlordId,
            officerId: officer.officerId,
            propertyId,
            body: { closesOn: `${text(form['closesOn-year'])}-${part('month')}-${part('day')}` },
          });
        } catch (error) {
          if (!(error instanceof ZodError)) throw error;
          const message = error.issues[0]?.message ?? 'Enter the closing date';
          return render(event, page, form, [{ field: 'closesOn-day', message }]);
        }
        return redirect(`/officer/homes/${propertyId}/shortlist`);
      },
    },
  ];
}
