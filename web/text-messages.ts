import { maskedMobile, ukMobile } from '../shared/domain/sms.js';
import { RateLimitedError, SignInRefusedError } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { ownedApplication } from '../shared/services/ownership.js';
import { SIGN_IN } from '../shared/services/sessions.js';
import { confirmPhoneLink, requestPhoneLink } from '../shared/services/sms.js';
import { applicantOf } from './applicant.js';
import { clearCookie, cookie, cookieOf, headerOf, idParam, redirect, type WebEvent } from './http.js';
import type { Route } from './routes.js';

/**
 * Answering by text message (issue 9): the applicant gives their mobile, types the code texted to it, and from
 * then on their questions come by text and their replies answer them. The number waits in a short-lived
 * cookie between the two pages, never in a URL.
 */

const LINK_PHONE_COOKIE = 'doorstep_link_phone';

/** Where the journey is, for the links in texts: the origin the browser used. */
function webOf(event: WebEvent): string {
  const host = headerOf(event, 'host') ?? event.requestContext.domainName;
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  return `${headerOf(event, 'x-forwarded-proto') ?? (local ? 'http' : 'https')}://${host}`;
}

export function textMessageRoutes(deps: () => Deps): Route[] {
  const base = '/applications/{applicationId}/text-messages';
  return [
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: base,
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          await ownedApplication(context, who.subject, applicationId);
          const phone = typeof form.phone === 'string' ? form.phone : '';
          const render = (message: string | undefined, code: number) =>
            page(
              'text-messages.njk',
              {
                title: 'Answer by text message',
                applicationId,
                values: { phone },
                ...(message
                  ? { errors: [{ text: message, href: '#phone' }], fieldErrors: { phone: message } }
                  : {}),
                backLink: `/applications/${applicationId}/status`,
              },
              code,
            );
          if (method === 'GET') return render(undefined, 200);
          try {
            const asked = await requestPhoneLink(context, { applicant: who, applicationId, phone });
            if (!asked.ok) return render(asked.message, 400);
          } catch (error) {
            if (error instanceof RateLimitedError) return render(error.message, 429);
            throw error;
          }
          const path = `/applications/${applicationId}/text-messages`;
          return redirect(`${path}/code`, [
            cookie(LINK_PHONE_COOKIE, ukMobile(phone) ?? '', SIGN_IN.codeLifetimeSeconds, path),
          ]);
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: `${base}/code`,
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          await ownedApplication(context, who.subject, applicationId);
          const path = `/applications/${applicationId}/text-messages`;
          const phone = ukMobile(cookieOf(event, LINK_PHONE_COOKIE) ?? '');
          if (!phone) return redirect(path);
          const render = (message: string | undefined, code: number) =>
            page(
              'text-messages-code.njk',
              {
                title: 'Check your phone',
                applicationId,
                masked: maskedMobile(phone),
                ...(message
                  ? { errors: [{ text: message, href: '#code' }], fieldErrors: { code: message } }
                  : {}),
                backLink: path,
              },
              code,
            );
          if (method === 'GET') return render(undefined, 200);
          const code = typeof form.code === 'string' ? form.code.replace(/\s/g, '') : '';
          if (!/^\d{6}$/.test(code))
            return render(
              code === '' ? 'Enter the code from the text' : 'The code is 6 digits, like 123456',
              400,
            );
          try {
            await confirmPhoneLink(context, {
              applicant: who,
              applicationId,
              phone,
              code,
              links: { web: webOf(event) },
            });
          } catch (error) {
            if (error instanceof SignInRefusedError) return render(error.message, 400);
            throw error;
          }
          return redirect(`/applications/${applicationId}/status`, [clearCookie(LINK_PHONE_COOKIE, path)]);
        },
      }),
    ),
  ];
}
