import { ZodError } from 'zod';
import { PRIVACY_NOTICE_VERSION } from '../shared/domain/consents.js';
import { DOCUMENT_CATALOGUE } from '../shared/domain/documents.js';
import { when, yourDataSections } from '../shared/domain/your-data.js';
import { doorstepLandlords, policyForLandlord } from '../shared/policies.js';
import { consentsFor, setConsents } from '../shared/services/consents.js';
import type { Deps } from '../shared/services/deps.js';
import { ownedApplication } from '../shared/services/ownership.js';
import {
  dataCopyForApplicant,
  dataCopyReady,
  requestDataCopy,
  yourDataFilename,
  yourDataForApplicant,
} from '../shared/services/your-data.js';
import { applicantOf } from './applicant.js';
import { idParam, pdfResult, redirect, type WebResult } from './http.js';
import type { Route } from './routes.js';

/**
 * Privacy (issue 9): the privacy notice (a summary on the start page, the whole of it at `/privacy`), the
 * applicant's consents (`/applications/{id}/consents`: given, withdrawn, each change kept and audited) and
 * "What we hold about you" (`/applications/{id}/your-data`, with a JSON download and a PDF the letters step
 * makes). Only the applicant who owns the application sees any of it; anyone else gets the 404 of a page that
 * does not exist.
 */

/** How long each kind of evidence is kept after the application closes or the home is let (domain/documents.ts). */
function retentionRows() {
  return Object.values(DOCUMENT_CATALOGUE)
    .filter((evidence) => evidence.retentionDays > 0)
    .map((evidence) => ({ name: evidence.name, days: evidence.retentionDays }));
}

const VIA_TEXT = {
  web: 'on this website',
  sms: 'by text message',
  officer: 'by an officer, for you',
} as const;

/** A JSON attachment for its owner, never cached. */
function jsonDownload(body: unknown, filename: string): WebResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: JSON.stringify(body, null, 2),
  };
}

export function privacyRoutes(deps: () => Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/privacy',
      handler: async (_event, page) =>
        page('privacy.njk', {
          title: 'How we use your information',
          noticeVersion: PRIVACY_NOTICE_VERSION,
          landlords: doorstepLandlords().map(({ landlordId, landlordName }) => {
            const policy = policyForLandlord(landlordId);
            return {
              landlordName,
              councilName: policy.councilName,
              nation: policy.jurisdiction === 'wales' ? 'Wales' : 'England',
            };
          }),
          retentionRows: retentionRows(),
        }),
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/consents',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const { consents } = await consentsFor(context, {
          actor: { kind: 'applicant', subject: who.subject },
          applicationId,
        });
        return page('consents.njk', {
          title: 'What you agree we may do',
          applicationId,
          saved: event.queryStringParameters?.saved === '1',
          noticeVersion: PRIVACY_NOTICE_VERSION,
          items: consents.map((consent) => ({
            value: consent.use,
            text: consent.label,
            checked: consent.given,
            hint: {
              text: `${consent.hint} Without it: ${consent.without}${
                consent.since
                  ? ` ${consent.given ? 'Given' : 'Withdrawn'} ${when(consent.since.at)}, ${VIA_TEXT[consent.since.via]}.`
                  : ''
              }`,
            },
          })),
          backLink: `/applications/${applicationId}/status`,
        });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/consents',
      form: true,
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        // Whose application it is comes first: someone else's answers 404 whatever they sent.
        await ownedApplication(context, who.subject, applicationId);
        try {
          await setConsents(context, {
            actor: { kind: 'applicant', subject: who.subject },
            applicationId,
            body: { given: form.given },
          });
        } catch (error) {
          if (!(error instanceof ZodError)) throw error;
          const { consents } = await consentsFor(context, {
            actor: { kind: 'applicant', subject: who.subject },
            applicationId,
          });
          const message = 'Choose only from the uses listed';
          return page(
            'consents.njk',
            {
              title: 'What you agree we may do',
              applicationId,
              noticeVersion: PRIVACY_NOTICE_VERSION,
              items: consents.map((consent) => ({
                value: consent.use,
                text: consent.label,
                checked: consent.given,
                hint: { text: `${consent.hint} Without it: ${consent.without}` },
              })),
              errors: [{ text: message, href: '#given' }],
              fieldErrors: { given: message },
              backLink: `/applications/${applicationId}/status`,
            },
            400,
          );
        }
        return redirect(`/applications/${applicationId}/consents?saved=1`);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/your-data',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const data = await yourDataForApplicant(context, { applicant: who, applicationId });
        const application = await ownedApplication(context, who.subject, applicationId);
        const copy = application.dataCopy;
        return page('your-data.njk', {
          title: 'What we hold about you',
          applicationId,
          controller: data.controller.name,
          // GOV.UK summary lists: each group's rows as key and value (plain text: the macro escapes it).
          sections: yourDataSections(data).map((section) => ({
            ...section,
            groups: section.groups.map((group) => ({
              ...group,
              rows: group.rows.map((row) => ({ key: { text: row.label }, value: { text: row.value } })),
            })),
          })),
          pdf: !copy
            ? 'none'
            : dataCopyReady(application)
              ? { madeAt: when(copy.made?.madeAt ?? copy.requestedAt) }
              : 'making',
          backLink: `/applications/${applicationId}/status`,
        });
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/your-data.json',
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const data = await yourDataForApplicant(context, { applicant: who, applicationId });
        return jsonDownload(data, yourDataFilename(applicationId, 'json'));
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/your-data.pdf',
      form: true,
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        await requestDataCopy(context, { applicant: who, applicationId });
        return redirect(`/applications/${applicationId}/your-data#pdf`);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/your-data.pdf',
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const { pdf, filename } = await dataCopyForApplicant(context, { applicant: who, applicationId });
        const result = pdfResult(pdf, filename);
        return {
          ...result,
          headers: { ...result.headers, 'content-disposition': `attachment; filename="${filename}"` },
        };
      },
    },
  ];
}
