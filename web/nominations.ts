import { ZodError } from 'zod';
import type { FormAnswers } from '../shared/domain/conversation.js';
import { JourneyStateError, type OfficerIdentity } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { decideNomination, officerNominationQueue } from '../shared/services/nominations.js';
import { idParam, redirect } from './http.js';
import { officerOf } from './officer.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * The console's Nominations page (issue 10; Housing Act 1996 s170): the partner councils' nominations awaiting
 * the landlord's decision, soonest due first, an overdue one tagged, each with its household as the council
 * described it and a form to accept it or refuse it on the agreement's grounds. The service decides and checks
 * (shared/services/nominations.ts); another landlord's nomination is a 404 there.
 */

const chrome = {
  serviceName: 'Doorstep lettings console',
  serviceUrl: '/officer',
  navigation: [
    { href: '/officer', text: 'Queue' },
    { href: '/officer/homes', text: 'Homes' },
    { href: '/officer/nominations', text: 'Nominations', active: true },
  ],
};

const text = (value: FormAnswers[string]) => (typeof value === 'string' ? value.trim() : '');

export function nominationRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const show = async (
    page: PageRenderer,
    landlordId: string,
    problem?: { nominationId: string; message: string; form: FormAnswers },
  ) => {
    const queue = await officerNominationQueue(deps(), landlordId);
    return page(
      'officer/nominations.njk',
      {
        title: 'Nominations to decide',
        ...chrome,
        nominations: queue.nominations,
        grounds: queue.refusalGrounds,
        ...(problem
          ? {
              errors: [{ text: problem.message, href: `#outcome-${problem.nominationId}` }],
              problem,
            }
          : {}),
      },
      problem ? 400 : 200,
    );
  };

  return [
    {
      method: 'GET',
      path: '/officer/nominations',
      handler: async (event, page) => show(page, (await officerOf(identity(), event)).landlordId),
    },
    {
      method: 'POST',
      path: '/officer/nominations/{nominationId}/decision',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const nominationId = idParam(event, 'nominationId');
        const outcome = text(form.outcome);
        const note = text(form.note);
        const grounds = [form.grounds ?? []].flat().filter((ground): ground is string => Boolean(ground));
        try {
          await decideNomination(deps(), officer, nominationId, {
            outcome,
            ...(outcome === 'refused' ? { grounds } : {}),
            ...(note ? { note } : {}),
          });
        } catch (error) {
          if (!(error instanceof ZodError || error instanceof JourneyStateError)) throw error;
          const message =
            error instanceof ZodError
              ? outcome === ''
                ? 'Choose whether to accept or refuse the nomination'
                : (error.issues[0]?.message ?? 'Check the decision')
              : error.message;
          return show(page, officer.landlordId, { nominationId, message, form });
        }
        return redirect('/officer/nominations');
      },
    },
  ];
}
