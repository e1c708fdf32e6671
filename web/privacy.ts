import { ZodError } from 'zod';
import { PRIVACY_NOTICE_VERSION } from '../shared/domain/consents.js';
import type { FormAnswers } from '../shared/domain/conversation.js';
import { DOCUMENT_CATALOGUE } from '../shared/domain/documents.js';
import type { YourData } from '../shared/domain/your-data.js';
import { when, yourDataSections } from '../shared/domain/your-data.js';
import { type Language, translate, welshMonths } from '../shared/i18n/index.js';
import { wordingFor } from '../shared/i18n/your-data.js';
import { doorstepLandlords, policyForLandlord } from '../shared/policies.js';
import type { OfficerIdentity } from '../shared/ports.js';
import { type ConsentView, consentsFor, setConsents } from '../shared/services/consents.js';
import type { Actor } from '../shared/services/decisions.js';
import type { Deps } from '../shared/services/deps.js';
import { ownedApplication } from '../shared/services/ownership.js';
import {
  dataCopyForApplicant,
  dataCopyReady,
  requestDataCopy,
  yourDataFilename,
  yourDataForApplicant,
  yourDataForOfficer,
} from '../shared/services/your-data.js';
import { applicantOf } from './applicant.js';
import { idParam, pdfResult, redirect, type WebEvent, type WebResult } from './http.js';
import { pageLanguage } from './language.js';
import { officerOf } from './officer.js';
import type { PageRenderer, Route } from './routes.js';

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

/**
 * The consents as GOV.UK checkboxes, in the page's language (an applicant who chose Welsh is asked in Welsh:
 * consent must be informed): ticked when given, the hint saying what it is, what happens without it, and since when.
 */
function consentItems(consents: readonly ConsentView[], language: Language) {
  const t = (text: string) => translate(language, text);
  return consents.map((consent) => {
    const since = consent.since
      ? ` ${t(consent.given ? 'Given' : 'Withdrawn')} ${language === 'cy' ? welshMonths(when(consent.since.at)) : when(consent.since.at)}, ${t(VIA_TEXT[consent.since.via])}.`
      : '';
    return {
      value: consent.use,
      text: t(consent.label),
      checked: consent.given,
      hint: { text: `${t(consent.hint)} ${t('Without it:')} ${t(consent.without)}${since}` },
    };
  });
}

/** Who is on a consents page, and where its form goes and comes back to. */
interface ConsentsPlace {
  actor: Actor;
  applicationId: string;
  path: string;
  backLink: string;
  extra: Record<string, unknown>;
}

async function consentsPage(deps: Deps, page: PageRenderer, place: ConsentsPlace, event: WebEvent) {
  const { consents } = await consentsFor(deps, { actor: place.actor, applicationId: place.applicationId });
  return page('consents.njk', {
    ...place.extra,
    applicationId: place.applicationId,
    formAction: place.path,
    saved: event.queryStringParameters?.saved === '1',
    noticeVersion: PRIVACY_NOTICE_VERSION,
    items: consentItems(consents, pageLanguage(event)),
    backLink: place.backLink,
  });
}

/** Sets the consents ticked; a use that is not one of the list is shown again with a GOV.UK error summary. */
async function saveConsents(
  deps: Deps,
  page: PageRenderer,
  place: ConsentsPlace,
  form: FormAnswers,
  event: WebEvent,
) {
  try {
    await setConsents(deps, {
      actor: place.actor,
      applicationId: place.applicationId,
      body: { given: form.given },
    });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const { consents } = await consentsFor(deps, { actor: place.actor, applicationId: place.applicationId });
    const message = 'Choose only from the uses listed';
    return page(
      'consents.njk',
      {
        ...place.extra,
        applicationId: place.applicationId,
        formAction: place.path,
        noticeVersion: PRIVACY_NOTICE_VERSION,
        items: consentItems(consents, pageLanguage(event)),
        errors: [{ text: message, href: '#given' }],
        fieldErrors: { given: message },
        backLink: place.backLink,
      },
      400,
    );
  }
  return redirect(`${place.path}?saved=1`);
}

/**
 * The copy's sections as GOV.UK summary lists: each group's rows as key and value (plain text: escaped), in the
 * page's language (issue 9; the officer's console is English).
 */
function sectionsOf(data: YourData, language: Language = 'en') {
  return yourDataSections(data, wordingFor(language)).map((section) => ({
    ...section,
    groups: section.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) => ({ key: { text: row.label }, value: { text: row.value } })),
    })),
  }));
}

export function privacyRoutes(deps: () => Deps): Route[] {
  const applicantPlace = async (event: WebEvent): Promise<ConsentsPlace> => {
    const who = await applicantOf(deps(), event);
    const applicationId = idParam(event, 'applicationId');
    return {
      actor: { kind: 'applicant', subject: who.subject },
      applicationId,
      path: `/applications/${applicationId}/consents`,
      backLink: `/applications/${applicationId}/status`,
      extra: { title: 'What you agree we may do' },
    };
  };
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
      handler: async (event, page) => consentsPage(deps(), page, await applicantPlace(event), event),
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/consents',
      form: true,
      handler: async (event, page, form) => {
        const place = await applicantPlace(event);
        // Whose application it is comes first: someone else's answers 404 whatever they sent.
        if (place.actor.kind === 'applicant')
          await ownedApplication(deps(), place.actor.subject, place.applicationId);
        return saveConsents(deps(), page, place, form, event);
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
        const language = pageLanguage(event);
        const { date } = wordingFor(language);
        return page('your-data.njk', {
          title: 'What we hold about you',
          applicationId,
          controller: data.controller.name,
          sections: sectionsOf(data, language),
          pdf: !copy
            ? 'none'
            : dataCopyReady(application)
              ? {
                  madeAt: date(when(copy.made?.madeAt ?? copy.requestedAt)),
                  ...(copy.made?.deleteAfter ? { deleteAfter: date(when(copy.made.deleteAfter)) } : {}),
                }
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

/** The console's header, on a case's pages. */
const CONSOLE = {
  serviceName: 'Doorstep lettings console',
  serviceUrl: '/officer',
  navigation: [
    { href: '/officer', text: 'Queue' },
    { href: '/officer/homes', text: 'Homes' },
  ],
};

/**
 * The same for officers of the application's landlord (another landlord's case is a 404): what is held about an
 * applicant, for a request made by phone or letter, and the consents an applicant gave or withdrew by phone or in
 * person, recorded for them (each change says so, and its audit event names the officer).
 */
export function officerPrivacyRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const officerPlace = async (event: WebEvent): Promise<ConsentsPlace> => {
    const actor = await officerOf(identity(), event);
    const applicationId = idParam(event, 'applicationId');
    return {
      actor,
      applicationId,
      path: `/officer/applications/${applicationId}/consents`,
      backLink: `/officer/applications/${applicationId}`,
      extra: { ...CONSOLE, title: 'What the applicant agrees we may do', forOfficer: true },
    };
  };
  return [
    {
      method: 'GET',
      path: '/officer/applications/{applicationId}/your-data',
      handler: async (event, page) => {
        const officer = await officerOf(identity(), event);
        const applicationId = idParam(event, 'applicationId');
        const data = await yourDataForOfficer(deps(), { landlordId: officer.landlordId, applicationId });
        return page('your-data.njk', {
          ...CONSOLE,
          title: 'What we hold about the applicant',
          forOfficer: true,
          applicationId,
          controller: data.controller.name,
          sections: sectionsOf(data),
          backLink: `/officer/applications/${applicationId}`,
        });
      },
    },
    {
      method: 'GET',
      path: '/officer/applications/{applicationId}/consents',
      handler: async (event, page) => consentsPage(deps(), page, await officerPlace(event), event),
    },
    {
      method: 'POST',
      path: '/officer/applications/{applicationId}/consents',
      form: true,
      handler: async (event, page, form) =>
        saveConsents(deps(), page, await officerPlace(event), form, event),
    },
  ];
}
