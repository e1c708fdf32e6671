import { ZodError } from 'zod';
import type { Application } from '../shared/domain/application.js';
import { TEXT_TIMES, type TextTime } from '../shared/domain/contact-safety.js';
import type { FormAnswers } from '../shared/domain/conversation.js';
import { stageTitles } from '../shared/domain/stage.js';
import { retentionAfterWithdrawal, withdrawalRefusal } from '../shared/domain/withdrawal.js';
import { JourneyStateError } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { currentOffer, ownedApplication } from '../shared/services/ownership.js';
import { ContactSafetyAnswer, setContactSafety } from '../shared/services/safe-contact.js';
import { signOut } from '../shared/services/sessions.js';
import { withdrawApplication } from '../shared/services/withdrawal.js';
import { APPLICANT_SESSION_COOKIE, applicantOf, type Errors, summary } from './applicant.js';
import { clearCookie, cookieOf, idParam, redirect, type WebResult } from './http.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * Leaving and staying safe (issue 9): withdrawing an application from any stage, saying how it is safe to be
 * contacted (for people whose messages someone else may see, such as someone fleeing domestic abuse), and the
 * quick exit every applicant page carries (layout.njk's "Exit this page", which leads to `/exit`). Only the
 * applicant who owns the application reaches its pages: anyone else gets the 404 of a page that does not exist,
 * before anything they sent is read.
 */

/**
 * Where "Exit this page" leads: a neutral site that looks like ordinary browsing (GOV.UK's default for the
 * component). `/exit` signs the applicant out on the way, so whoever picks the device up next finds no open
 * session, and the page is not kept by the browser (no-store) nor told where the visitor came from.
 */
export const EXIT_TO = 'https://www.bbc.co.uk/weather';

const fieldOf = (error: ZodError): Errors =>
  error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The contact-safety form as the service's body: "none of these" is an answer (nothing is safe). */
function contactSafetyBody(form: FormAnswers): { body: unknown; errors: Errors } {
  const safe = list(form.safe);
  const errors: Errors = [];
  if (safe.includes('none') && safe.length > 1)
    errors.push({ field: 'safe', message: 'Choose the ways that are safe, or ‘None of these’, not both' });
  return {
    body: {
      safe: safe.filter((channel) => channel !== 'none'),
      textTimes: list(form.textTimes),
      letters: form.letters || undefined,
      voicemail: form.voicemail === 'yes' ? true : form.voicemail === 'no' ? false : undefined,
    },
    errors,
  };
}

/** What the contact-safety form shows: the saved answer, or what was just sent. */
function contactSafetyValues(application: Application, form?: FormAnswers) {
  if (form)
    return {
      safe: list(form.safe),
      textTimes: list(form.textTimes),
      letters: form.letters,
      voicemail: form.voicemail,
    };
  const saved = application.contactSafety;
  if (!saved) return { safe: [], textTimes: [], letters: undefined, voicemail: undefined };
  return {
    safe: saved.safe.length === 0 ? ['none'] : saved.safe,
    textTimes: saved.textTimes,
    letters: saved.letters,
    voicemail: saved.voicemail ? 'yes' : 'no',
  };
}

function contactSafetyPage(
  page: PageRenderer,
  application: Application,
  extra: { form?: FormAnswers; errors?: Errors; saved?: boolean; status?: number },
): WebResult {
  const errors = extra.errors ?? [];
  const values = contactSafetyValues(application, extra.form);
  return page(
    'contact-safety.njk',
    {
      title: 'How we can contact you safely',
      applicationId: application.applicationId,
      email: application.profile.contact?.email,
      phone: application.profile.contact?.phone,
      values,
      textTimes: (Object.keys(TEXT_TIMES) as TextTime[]).map((time) => ({
        value: time,
        text: `${TEXT_TIMES[time].name.charAt(0).toUpperCase()}${TEXT_TIMES[time].name.slice(1)}, ${TEXT_TIMES[time].hours}`,
        checked: (values.textTimes as string[]).includes(time),
      })),
      saved: extra.saved ?? false,
      errors: summary(errors),
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
      backLink: `/applications/${application.applicationId}/status`,
    },
    extra.status ?? 200,
  );
}

/** The withdrawal page: what withdrawing means at this stage, or that it is done, or why it cannot be. */
async function withdrawPage(
  deps: Deps,
  page: PageRenderer,
  application: Application,
  extra: { reason?: string; errors?: Errors; refusal?: string; status?: number } = {},
): Promise<WebResult> {
  const offer = await currentOffer(deps, application);
  const home = offer ? await deps.lettings.getHome(offer.propertyId) : undefined;
  const errors = extra.errors ?? [];
  const withdrawal = application.withdrawal;
  return page(
    'withdraw.njk',
    {
      title: withdrawal ? 'Application withdrawn' : 'Withdraw your application',
      applicationId: application.applicationId,
      withdrawal: withdrawal
        ? { withdrawnAt: withdrawal.withdrawnAt, stageTitle: stageTitles[withdrawal.stage] }
        : undefined,
      refusal: extra.refusal ?? withdrawalRefusal(application),
      status: application.status,
      registration: application.registration,
      offeredHome: application.status === 'offered' && home ? home.address : undefined,
      retention: retentionAfterWithdrawal(),
      reason: extra.reason ?? '',
      errors: summary(errors),
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
      backLink: `/applications/${application.applicationId}/status`,
    },
    extra.status ?? 200,
  );
}

export function safetyRoutes(deps: () => Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/applications/{applicationId}/withdraw',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        return withdrawPage(context, page, application);
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/withdraw',
      form: true,
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        // Whose application it is comes first: someone else's answers 404 whatever they sent.
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        const reason = typeof form.reason === 'string' ? form.reason : '';
        try {
          await withdrawApplication(context, {
            subject: who.subject,
            applicationId: application.applicationId,
            body: { reason },
          });
        } catch (error) {
          if (error instanceof ZodError)
            return withdrawPage(context, page, application, { reason, errors: fieldOf(error), status: 400 });
          if (error instanceof JourneyStateError)
            return withdrawPage(context, page, application, { refusal: error.message, status: 409 });
          throw error;
        }
        // Post/redirect/get: the same page, now saying it is done.
        return redirect(`/applications/${application.applicationId}/withdraw`);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/contact-safety',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        return contactSafetyPage(page, application, { saved: event.queryStringParameters?.saved === '1' });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/contact-safety',
      form: true,
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        const { body, errors } = contactSafetyBody(form);
        // Every problem at once, the form's own and the answer's, so the summary lists them all.
        const checked = ContactSafetyAnswer.safeParse(body);
        if (!checked.success) errors.push(...fieldOf(checked.error));
        if (errors.length > 0) return contactSafetyPage(page, application, { form, errors, status: 400 });
        await setContactSafety(context, {
          subject: who.subject,
          applicationId: application.applicationId,
          body,
        });
        return redirect(`/applications/${application.applicationId}/contact-safety?saved=1`);
      },
    },
    {
      // The quick exit's destination (layout.njk): sign out, then leave for the neutral site. A GET, since the
      // component is a link; another site cannot sign anyone out with it, as the session cookie is SameSite=Strict
      // and so never sent on a navigation from another site.
      method: 'GET',
      path: '/exit',
      handler: async (event) => {
        const token = cookieOf(event, APPLICANT_SESSION_COOKIE);
        if (token) await signOut(deps(), token);
        const left = redirect(EXIT_TO, [clearCookie(APPLICANT_SESSION_COOKIE)]);
        return { ...left, headers: { ...left.headers, 'referrer-policy': 'no-referrer' } };
      },
    },
  ];
}
