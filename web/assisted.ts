import { PromptId } from '../shared/domain/conversation.js';
import type { OfficerIdentity } from '../shared/ports.js';
import {
  answerForApplicant,
  assistedStep,
  CONSENT_WAYS,
  recordAssistanceConsent,
} from '../shared/services/assisted.js';
import type { Deps } from '../shared/services/deps.js';
import { byField, summary } from './applicant.js';
import { idParam, redirect, WebError } from './http.js';
import { officerOf } from './officer.js';
import type { Route } from './routes.js';

/**
 * Assisted digital in the console (issue 9): "Continue this application for the applicant". The officer records
 * the applicant's consent (how, and the day), then answers the applicant's questions for them one page at a
 * time, the same pages' fields and the same checks as the applicant's own; the photo, the household page and
 * sending the answers stay the applicant's.
 */

const CONSOLE = {
  serviceName: 'Doorstep lettings console',
  serviceUrl: '/officer',
  navigation: [
    { href: '/officer', text: 'Queue' },
    { href: '/officer/homes', text: 'Homes' },
  ],
};

/** What the applicant does themself, by the prompt the journey is at. */
const APPLICANT_PART: Record<string, string> = {
  household: 'add the people who will live with them, on their household page',
  'identity-document': 'send a photo of their passport',
  'check-answers': 'check their answers and send them',
};

export function assistedRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const base = '/officer/applications/{applicationId}/assist';
  return [
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: base,
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const officer = await officerOf(identity(), event);
          const applicationId = idParam(event, 'applicationId');
          const here = `/officer/applications/${applicationId}/assist`;
          const render = (values: Record<string, unknown>, status = 200) =>
            page(
              'officer/assist.njk',
              {
                ...CONSOLE,
                title: 'Continue this application for the applicant',
                applicationId,
                action: here,
                ways: CONSENT_WAYS,
                backLink: `/officer/applications/${applicationId}`,
                ...values,
              },
              status,
            );
          if (method === 'POST') {
            const result = await recordAssistanceConsent(context, { officer, applicationId, form });
            if (!result.ok) {
              return render(
                {
                  state: 'consent-needed',
                  values: form,
                  errors: summary(result.errors, ['givenOn']),
                  fieldErrors: byField(result.errors),
                },
                400,
              );
            }
            return redirect(here);
          }
          const step = await assistedStep(context, { officer, applicationId });
          if (step.kind === 'ask') return redirect(`${here}/questions/${step.prompt.id}`);
          return render({
            state: step.kind,
            ...(step.kind === 'applicant-only' ? { applicantPart: APPLICANT_PART[step.prompt] } : {}),
            values: {},
          });
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: `${base}/questions/{prompt}`,
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const officer = await officerOf(identity(), event);
          const applicationId = idParam(event, 'applicationId');
          const promptId = PromptId.safeParse(event.pathParameters?.prompt);
          if (!promptId.success) throw new WebError(404, 'Page not found');
          const here = `/officer/applications/${applicationId}/assist`;
          const step = await assistedStep(context, { officer, applicationId });
          // Only the question the applicant is at: anything else (no consent, or moved on) goes back to the start.
          if (step.kind !== 'ask' || step.prompt.id !== promptId.data) {
            if (method === 'GET') return redirect(here);
          }
          const render = (values: Record<string, unknown>, status = 200) =>
            step.kind === 'ask'
              ? page(
                  'officer/assist-question.njk',
                  {
                    ...CONSOLE,
                    title: step.prompt.question,
                    applicationId,
                    prompt: step.prompt,
                    action: `${here}/questions/${step.prompt.id}`,
                    backLink: `/officer/applications/${applicationId}`,
                    ...values,
                  },
                  status,
                )
              : redirect(here);
          if (method === 'GET') {
            return render({ values: step.kind === 'ask' ? step.prompt.current(step.application) : {} });
          }
          const result = await answerForApplicant(context, {
            officer,
            applicationId,
            prompt: promptId.data,
            form,
          });
          if (!result.ok) {
            const dates =
              step.kind === 'ask' ? step.prompt.fields.filter((field) => field.kind === 'date') : [];
            return render(
              {
                values: form,
                errors: summary(
                  result.errors,
                  dates.map((field) => field.name),
                ),
                fieldErrors: byField(result.errors),
              },
              400,
            );
          }
          return redirect(here);
        },
      }),
    ),
  ];
}
