import { ZodError } from 'zod';
import { stageTitles } from '../shared/domain/stage.js';
import type { Deps } from '../shared/services/deps.js';
import { ownedApplication } from '../shared/services/ownership.js';
import { requestReview, reviewDeadline } from '../shared/services/review-requests.js';
import { applicantOf } from './applicant.js';
import { idParam, redirect, WebError, type WebEvent } from './http.js';
import type { Route } from './routes.js';

/**
 * Asking for a review of a decision from the journey (s166A(9) / s167(4A)): the route the status page and
 * every adverse decision's letter describe. One page, one question; the request shows on the status page and
 * on the officer's case.
 */

const decisionParam = (event: WebEvent & { pathParameters?: Record<string, string | undefined> }) => {
  const raw = event.pathParameters?.decision ?? '';
  if (!/^\d{1,3}$/.test(raw)) throw new WebError(404, 'Page not found');
  return Number(raw);
};

export function reviewRoutes(deps: () => Deps): Route[] {
  return (['GET', 'POST'] as const).map(
    (method): Route => ({
      method,
      path: '/applications/{applicationId}/decisions/{decision}/review',
      form: method === 'POST',
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const decision = decisionParam(event);
        const application = await ownedApplication(context, who.subject, applicationId);
        const made = application.decisions[decision];
        const lastDay = reviewDeadline(application, decision);
        if (!made || !lastDay) throw new WebError(404, 'Page not found');
        const status = `/applications/${applicationId}/status`;
        const render = (errors: Array<{ field: string; message: string }>, code: number) =>
          page(
            'review.njk',
            {
              title: 'Why do you think this decision is wrong?',
              decisionTitle: stageTitles[made.stage],
              applicationId,
              decision,
              lastDay,
              values: form,
              errors: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
              fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
              backLink: status,
            },
            code,
          );
        if (method === 'GET') {
          if (application.reviewRequests?.some((request) => request.decision === decision))
            return redirect(status);
          return render([], 200);
        }
        try {
          await requestReview(context, {
            applicant: who,
            applicationId,
            decision,
            body: { reason: form.reason },
          });
        } catch (error) {
          if (error instanceof ZodError) {
            return render([{ field: 'reason', message: error.issues[0]?.message ?? 'Tell us why' }], 400);
          }
          throw error;
        }
        return redirect(status);
      },
    }),
  );
}
