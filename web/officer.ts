import { ZodError } from 'zod';
import type { Application } from '../shared/domain/application.js';
import { hasRestrictions, safeContactSummary } from '../shared/domain/contact-safety.js';
import { DOCUMENT_CATALOGUE } from '../shared/domain/documents.js';
import { formatShareCode } from '../shared/domain/immigration-evidence.js';
import { NEAR_DEADLINE_DAYS, QUEUE_VIEWS, type QueueView } from '../shared/domain/queue.js';
import { Stage, stageTitles, WaitingFor } from '../shared/domain/stage.js';
import { JourneyStateError, type OfficerIdentity, type WaitKind } from '../shared/ports.js';
import { type Actor, DecisionBodies, decide } from '../shared/services/decisions.js';
import type { Deps } from '../shared/services/deps.js';
import { documentKey } from '../shared/services/documents.js';
import { caseForOfficer, officerQueue, QueueFilter } from '../shared/services/officer-view.js';
import { actorFromClaims } from '../shared/services/officers.js';
import {
  mayOverride,
  type OverrideKind,
  OverrideReason,
  overrideDecision,
  overrideKinds,
  referralsAfterRegistration,
} from '../shared/services/overrides.js';
import { decideReview, ReviewDecisionBody } from '../shared/services/review-requests.js';
import {
  cookieOf,
  documentResult,
  escapeHtml,
  idParam,
  OfficerSignInNeeded,
  redirect,
  WebError,
  type WebEvent,
} from './http.js';
import { longDate } from './render.js';
import type { Route } from './routes.js';

/**
 * The lettings officers' console (issue 5): a queue of what waits on officers, a case page with the applicant's
 * profile, evidence, decisions and timeline, and a decision with a mandatory reason on each open wait. Officers
 * sign in at web/officer-sign-in.ts, are checked on every request from their verified ID token (Cognito in AWS,
 * the local identity provider locally), and only their landlord's cases exist for them.
 */

export const OFFICER_COOKIE = 'doorstep_officer';
/** The console's ID tokens last 30 minutes (infra/constructs/officers.ts); the cookie no longer. */
export const OFFICER_COOKIE_SECONDS = 30 * 60;

type Officer = Extract<Actor, { kind: 'officer' }> & { email?: string };

export async function officerOf(identity: OfficerIdentity, event: WebEvent): Promise<Officer> {
  const token = cookieOf(event, OFFICER_COOKIE);
  const claims = token ? await identity.verify(token) : undefined;
  const actor = claims ? actorFromClaims(claims) : undefined;
  if (!actor) throw new OfficerSignInNeeded();
  if (actor === 'no-role')
    throw new WebError(403, 'Your account has no officer role. Ask your manager to add one.');
  return { ...actor, ...(typeof claims?.email === 'string' ? { email: claims.email } : {}) };
}

const KIND_TEXT: Record<WaitKind, string> = {
  approval: 'Offers to approve',
  review: 'Documents and details to review',
  attention: 'Cases needing attention',
  answers: 'Answers',
  response: 'Offer responses',
  signature: 'Signatures',
};

/** The queue's views (shared/domain/queue.ts): the link's words, and what an empty view says. */
const VIEW_TEXT: Record<QueueView, { text: string; empty: string }> = {
  all: { text: 'Everything', empty: 'Nothing is waiting for you.' },
  approvals: { text: 'Offers to approve', empty: 'No offers are waiting for approval.' },
  documents: { text: 'Documents to review', empty: 'No documents are waiting to be checked.' },
  referrals: { text: 'Referrals', empty: 'No cases have been referred to an officer.' },
  reviews: { text: 'Review requests', empty: 'No household is waiting for a review decision.' },
  'near-deadline': {
    text: 'Near their deadline',
    empty: `Nothing is due in the next ${NEAR_DEADLINE_DAYS} days.`,
  },
};

/** The choices an officer has on each kind of wait, in plain English. */
const OPTIONS: Partial<Record<WaitKind, Array<{ value: string; text: string }>>> = {
  approval: [
    { value: 'approve', text: 'Approve the offer' },
    { value: 'reject', text: 'Reject the offer' },
  ],
  review: [
    { value: 'proceed', text: 'The details are right: carry on' },
    { value: 'close', text: 'Close the application' },
  ],
  attention: [
    { value: 'retry', text: 'Try the step again' },
    { value: 'close', text: 'Close the application' },
  ],
};

const WAIT_TITLE: Partial<Record<WaitKind, string>> = {
  approval: 'Approve or reject this offer',
  review: 'Review the documents and details',
  attention: 'A step failed and needs you',
};

/** The overrides of a registered household's decisions (shared/services/overrides.ts), in plain English. */
const OVERRIDE_TEXT: Record<OverrideKind, { text: string; hint: string }> = {
  band: { text: 'Change the band', hint: 'For example, a medical need the rules cannot weigh.' },
  proceed: {
    text: 'Let the household stay on the register',
    hint: 'The referral below is cleared and the change it held back is assessed.',
  },
  close: { text: 'Close the application', hint: 'The household comes off the register and is told why.' },
};
const BANDS = ['A', 'B', 'C', 'D'] as const;

/** What the officer typed into the "Change a decision" form, shown again beside its errors. */
type OverrideAnswers = { kind?: string; band?: string; reason?: string };
/** What an officer typed into a review form, kept when the form comes back with errors. */
type ReviewAnswers = { decision?: number; result?: string; reason?: string };

const textOf = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The override form's errors, beside its fields: a kind this case allows, a band for `band`, a reason. */
function overrideErrors(
  answers: OverrideAnswers,
  allowed: readonly OverrideKind[],
): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  const kind = allowed.find((each) => each === answers.kind);
  if (!kind) errors.push({ field: 'override-kind', message: 'Select the decision you want to change' });
  if (kind === 'band' && !BANDS.some((band) => band === answers.band))
    errors.push({ field: 'override-band', message: 'Select the new band' });
  const reason = OverrideReason.safeParse(answers.reason ?? '');
  if (!reason.success)
    errors.push({
      field: 'override-reason',
      message: reason.error.issues.some((issue) => issue.code === 'too_big')
        ? 'Your reason must be 500 characters or fewer'
        : 'Give a reason of at least 3 characters',
    });
  return errors;
}

function profileRows(application: Application) {
  const { profile } = application;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return [
    ...profile.household.map((member) =>
      row(
        member.relationship === 'applicant' ? 'Applicant' : member.relationship,
        `${member.firstName} ${member.lastName}, born ${member.dateOfBirth}, ${member.sex}${member.needsOwnRoomForDisability ? ', needs own room (disability)' : ''}`,
      ),
    ),
    row('Email', profile.contact?.email ?? ''),
    row('Phone', profile.contact?.phone ?? 'Not given'),
    row('Immigration status', profile.immigrationStatus ?? 'Not answered'),
    // Never checked by Doorstep: the officer checks the code on the Home Office's view-and-prove service.
    ...(profile.immigrationEvidence
      ? [
          row(
            'Immigration evidence (check on the Home Office service)',
            profile.immigrationEvidence.kind === 'share-code'
              ? `share code ${formatShareCode(profile.immigrationEvidence.shareCode)}, date of birth ${profile.immigrationEvidence.dateOfBirth}`
              : 'no share code yet',
          ),
        ]
      : []),
    row(
      'Current home',
      profile.currentHome
        ? `${profile.currentHome.addressLine ?? 'No address'}${profile.currentHome.postcode ? `, ${profile.currentHome.postcode}` : ''}: ${profile.currentHome.bedrooms} bedrooms, ${profile.currentHome.tenure}`
        : 'Not answered',
    ),
    row(
      'Income a month',
      profile.income
        ? `earnings £${(profile.income.monthlyEarnings / 100).toFixed(2)}, benefits £${(profile.income.monthlyBenefits / 100).toFixed(2)}; savings £${(profile.income.savings / 100).toFixed(2)}`
        : 'Not answered',
    ),
    row(
      'Years in the area',
      profile.localConnection ? String(profile.localConnection.yearsInArea) : 'Not answered',
    ),
  ];
}

export function officerRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const casePage = async (
    officer: Officer,
    applicationId: string,
    errors: Array<{ field: string; message: string }> = [],
    overrideAnswers: OverrideAnswers = {},
    reviewAnswers: ReviewAnswers = {},
  ) => {
    const view = await caseForOfficer(deps(), { applicationId, landlordId: officer.landlordId });
    const you = view.application.profile.household.find((member) => member.relationship === 'applicant');
    // Documents that arrived: each shown beside what was read from it, and any may be asked for again.
    const replaceable = view.application.documents.filter((document) =>
      ['uploaded', 'read'].includes(document.status),
    );
    // Only a senior officer is offered the overrides (the service refuses anyone else).
    const kinds = mayOverride(officer) ? overrideKinds(view.application) : [];
    return {
      title: `Case ${applicationId}`,
      application: view.application,
      applicantName: you ? `${you.firstName} ${you.lastName}` : 'Applicant (no name yet)',
      stageTitle: stageTitles[view.application.stage],
      // Before the contact details, so nobody phones or writes unsafely (issue 9: domain/contact-safety.ts).
      safeContact: hasRestrictions(view.application.contactSafety)
        ? safeContactSummary(view.application.contactSafety)
        : undefined,
      withdrawal: view.application.withdrawal && {
        ...view.application.withdrawal,
        stageTitle: stageTitles[view.application.withdrawal.stage],
      },
      profileRows: profileRows(view.application),
      waits: view.waits
        .filter((wait) => wait.waitingFor !== WaitingFor.Applicant && OPTIONS[wait.kind])
        .map((wait) => {
          const checksDocuments =
            wait.kind === 'review' && (wait.stage === Stage.Documents || wait.stage === Stage.Verification);
          return {
            ...wait,
            title: WAIT_TITLE[wait.kind] ?? KIND_TEXT[wait.kind],
            options: [
              ...(OPTIONS[wait.kind] ?? []),
              ...(checksDocuments && replaceable.length > 0
                ? [{ value: 'another', text: 'Ask the applicant for another document' }]
                : []),
            ],
            // Which document to ask for again (only with "another").
            ...(checksDocuments && replaceable.length > 0
              ? {
                  documentChoices: [
                    { value: '', text: 'Choose a document' },
                    ...replaceable.map((document) => ({
                      value: document.documentId,
                      text: `${DOCUMENT_CATALOGUE[document.kind].name} (${document.documentId})`,
                    })),
                  ],
                }
              : {}),
          };
        }),
      evidence: view.application.documents
        .filter((document) => ['uploaded', 'read', 'rejected'].includes(document.status))
        .map((document) => ({
          ...document,
          name: DOCUMENT_CATALOGUE[document.kind].name,
          href: `/officer/applications/${applicationId}/documents/${document.documentId}`,
          isImage: document.contentType !== 'application/pdf',
          readRows: Object.entries(document.readFields ?? {}).map(([name, field]) => ({
            key: { text: name },
            value: { text: `${field.value} (${Math.round(field.confidence * 100)}%)` },
          })),
        })),
      documents: view.application.documents.map((document) => [
        { text: document.kind },
        { text: `${document.status}${document.problem ? `: ${document.problem}` : ''}` },
        {
          text: Object.entries(document.readFields ?? {})
            .map(([name, field]) => `${name}: ${field.value} (${Math.round(field.confidence * 100)}%)`)
            .join('; '),
        },
      ]),
      decisions: view.application.decisions.map((decision) => ({
        ...decision,
        title: stageTitles[decision.stage],
      })),
      // Reviews the applicant asked for (s166A(9) / s167(4A)), with the decision each is about.
      reviewRequests: (view.application.reviewRequests ?? []).map((request) => ({
        ...request,
        title: stageTitles[view.application.decisions[request.decision]?.stage ?? view.application.stage],
        answers: reviewAnswers.decision === request.decision ? reviewAnswers : {},
      })),
      referrals: referralsAfterRegistration(view.application).map(({ decision, open }) => ({
        ...decision,
        open,
        title: stageTitles[decision.stage],
      })),
      override:
        kinds.length > 0
          ? {
              kinds: kinds.map((kind) => ({
                value: kind,
                text: OVERRIDE_TEXT[kind].text,
                hint: { text: OVERRIDE_TEXT[kind].hint },
                checked: overrideAnswers.kind === kind,
              })),
              bands: [
                { value: '', text: 'Choose a band' },
                ...BANDS.map((band) => ({
                  value: band,
                  text: `Band ${band}${band === view.application.registration?.band ? ' (now)' : ''}`,
                  selected: overrideAnswers.band === band,
                })),
              ],
              reason: overrideAnswers.reason ?? '',
            }
          : undefined,
      timeline: view.timeline.map((event) => [
        { text: event.at },
        { text: `${event.type}${event.stage ? ` at ${stageTitles[event.stage]}` : ''}` },
        { text: event.actor },
      ]),
      errors: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
      navigation: [
        { href: '/officer', text: 'Queue' },
        { href: '/officer/homes', text: 'Homes' },
      ],
      serviceName: 'Doorstep lettings console',
      serviceUrl: '/officer',
    };
  };

  const consoleChrome = { serviceName: 'Doorstep lettings console', serviceUrl: '/officer' };

  return [
    {
      method: 'GET',
      path: '/officer',
      handler: async (event, page) => {
        const officer = await officerOf(identity(), event);
        // A view or page the console does not have shows the whole queue, or its first page.
        const query = event.queryStringParameters ?? {};
        const show = QueueFilter.shape.show.safeParse(query.show).data;
        const asked = QueueFilter.shape.page.safeParse(query.page).data;
        const queue = await officerQueue(deps(), {
          landlordId: officer.landlordId,
          filter: { ...(show ? { show } : {}), ...(asked ? { page: asked } : {}) },
        });
        const hrefOf = (view: QueueView, pageNumber = 1) => {
          const search = new URLSearchParams({
            ...(view === 'all' ? {} : { show: view }),
            ...(pageNumber > 1 ? { page: String(pageNumber) } : {}),
          }).toString();
          return `/officer${search ? `?${search}` : ''}`;
        };
        const { number, pages } = queue.page;
        return page('officer/queue.njk', {
          title: `${queue.show === 'all' ? '' : `${VIEW_TEXT[queue.show].text} – `}Your queue${pages > 1 ? ` (page ${number} of ${pages})` : ''}`,
          ...consoleChrome,
          navigation: [
            { href: '/officer', text: 'Queue', active: true },
            { href: '/officer/homes', text: 'Homes' },
          ],
          officer,
          views: QUEUE_VIEWS.map((view) => ({
            text: VIEW_TEXT[view].text,
            n: queue.counts[view],
            href: hrefOf(view),
            current: view === queue.show,
          })),
          showText: VIEW_TEXT[queue.show].text,
          empty: VIEW_TEXT[queue.show].empty,
          reviewCount: queue.counts.reviews,
          // GOV.UK pagination: the first, the last and the pages either side of this one, gaps as ellipses.
          pagination:
            pages > 1
              ? {
                  ...(number > 1 ? { previous: { href: hrefOf(queue.show, number - 1) } } : {}),
                  ...(number < pages ? { next: { href: hrefOf(queue.show, number + 1) } } : {}),
                  items: Array.from({ length: pages }, (_, index) => index + 1)
                    .filter((n) => n === 1 || n === pages || Math.abs(n - number) <= 1)
                    .flatMap((n, index, kept) => [
                      ...(index > 0 && n - (kept[index - 1] ?? n) > 1 ? [{ ellipsis: true }] : []),
                      { number: n, href: hrefOf(queue.show, n), current: n === number },
                    ]),
                }
              : undefined,
          reviews: queue.reviews.map((review) => [
            {
              html: `<a class="govuk-link" href="/officer/applications/${escapeHtml(review.applicationId)}#reviews-heading">${escapeHtml(review.applicationId)}</a>`,
            },
            { text: `Review of the ${stageTitles[review.stage]} decision` },
            { text: longDate(review.dueBy) },
          ]),
          rows: queue.entries.map((entry) => [
            {
              html: `<a class="govuk-link" href="/officer/applications/${escapeHtml(entry.applicationId)}">${escapeHtml(entry.applicationId)}</a>`,
            },
            {
              text: `${KIND_TEXT[entry.kind]} (${stageTitles[entry.stage]})${entry.waitingFor === WaitingFor.SeniorOfficer ? ', senior officer' : ''}`,
            },
            {
              text: new Date(entry.deadline).toLocaleString('en-GB', {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: 'Europe/London',
              }),
            },
          ]),
        });
      },
    },
    {
      method: 'GET',
      path: '/officer/applications/{applicationId}',
      handler: async (event, page) => {
        const officer = await officerOf(identity(), event);
        return page('officer/case.njk', await casePage(officer, idParam(event, 'applicationId')));
      },
    },
    // A document's image (or PDF) for the officer checking it: only their landlord's cases, never cached, and
    // each look is in the audit trail (who, which document), since it is personal data.
    {
      method: 'GET',
      path: '/officer/applications/{applicationId}/documents/{documentId}',
      handler: async (event) => {
        const officer = await officerOf(identity(), event);
        const applicationId = idParam(event, 'applicationId');
        const view = await caseForOfficer(deps(), { applicationId, landlordId: officer.landlordId });
        const document = view.application.documents.find(
          (candidate) => candidate.documentId === idParam(event, 'documentId'),
        );
        if (!document || !['uploaded', 'read', 'rejected'].includes(document.status))
          throw new WebError(404, 'Page not found');
        const bytes = await deps().documents.read(documentKey(applicationId, document.documentId));
        if (!bytes) throw new WebError(404, 'Page not found');
        await deps().audit.append({
          applicationId,
          at: deps().clock.now().toISOString(),
          type: 'document-viewed',
          stage: view.application.stage,
          actor: 'officer',
          facts: { documentId: document.documentId, officerId: officer.officerId },
        });
        return documentResult(bytes, document.contentType);
      },
    },
    {
      method: 'POST',
      path: '/officer/decisions/{decisionId}',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const decisionId = idParam(event, 'decisionId');
        const found = await deps().waits.get(decisionId);
        // Another landlord's wait is checked like a missing one (decide answers 404), so a refused form
        // cannot tell an officer that it exists. The case is the wait's own, never what the form says.
        const wait = found?.landlordId === officer.landlordId ? found : undefined;
        if (!wait) throw new WebError(404, 'Page not found');
        const { applicationId } = wait;
        const kind = wait?.kind;
        const body = {
          decision: form.decision,
          reason: typeof form.reason === 'string' ? form.reason : '',
          ...(form.decision === 'another' ? { documentId: textOf(form.documentId) ?? '' } : {}),
        };
        if (kind && kind in OPTIONS) {
          const parsed = DecisionBodies[kind].safeParse(body);
          if (!parsed.success) {
            const errors = parsed.error.issues.map((issue) => {
              const at = issue.path[0];
              const field =
                at === 'reason'
                  ? `reason-${decisionId}`
                  : at === 'documentId'
                    ? `document-${decisionId}`
                    : `decision-${decisionId}`;
              return {
                field,
                message:
                  at === 'documentId'
                    ? 'Choose the document to ask for again'
                    : at !== 'reason'
                      ? 'Select your decision'
                      : issue.code === 'too_big'
                        ? 'Your reason must be 500 characters or fewer'
                        : 'Give a reason of at least 3 characters',
              };
            });
            return page('officer/case.njk', await casePage(officer, applicationId, errors), 400);
          }
        }
        try {
          await decide(deps(), { decisionId, actor: officer, body });
        } catch (error) {
          if (error instanceof ZodError) throw new WebError(400, 'That decision is not one this step takes.');
          throw error;
        }
        return redirect(`/officer/applications/${applicationId}`);
      },
    },
    {
      method: 'POST',
      path: '/officer/applications/{applicationId}/override',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const applicationId = idParam(event, 'applicationId');
        // Another landlord's case is missing for this officer (caseForOfficer and the service answer 404).
        const view = await caseForOfficer(deps(), { applicationId, landlordId: officer.landlordId });
        if (!mayOverride(officer))
          throw new WebError(
            403,
            'Only a senior officer can change a decision. Ask a senior officer to do it.',
          );
        const answers: OverrideAnswers = {};
        const kind = textOf(form.kind);
        const band = textOf(form.band);
        const reason = textOf(form.reason);
        if (kind !== undefined) answers.kind = kind;
        if (band !== undefined) answers.band = band;
        if (reason !== undefined) answers.reason = reason;
        const errors = overrideErrors(answers, overrideKinds(view.application));
        if (errors.length > 0)
          return page('officer/case.njk', await casePage(officer, applicationId, errors, answers), 400);
        await overrideDecision(deps(), {
          actor: officer,
          applicationId,
          body: { kind, ...(kind === 'band' ? { band } : {}), reason },
        });
        return redirect(`/officer/applications/${applicationId}`);
      },
    },
    {
      method: 'POST',
      path: '/officer/applications/{applicationId}/reviews/{decision}',
      form: true,
      handler: async (event, page, form) => {
        const officer = await officerOf(identity(), event);
        const applicationId = idParam(event, 'applicationId');
        const decision = Number(event.pathParameters?.decision);
        if (!Number.isInteger(decision) || decision < 0) throw new WebError(404, 'Page not found');
        const answers: ReviewAnswers = { decision };
        const result = textOf(form.result);
        const reason = textOf(form.reason);
        if (result !== undefined) answers.result = result;
        if (reason !== undefined) answers.reason = reason;
        const parsed = ReviewDecisionBody.safeParse({ result, reason: reason ?? '' });
        if (!parsed.success) {
          const errors = parsed.error.issues.map((issue) => ({
            field: `review-${issue.path[0] === 'reason' ? 'reason' : 'result'}-${decision}`,
            message: issue.message,
          }));
          return page('officer/case.njk', await casePage(officer, applicationId, errors, {}, answers), 400);
        }
        try {
          await decideReview(deps(), { actor: officer, applicationId, decision, body: parsed.data });
        } catch (error) {
          // "Changed" before the new decision is made: say so beside the choice, keeping what was typed.
          if (!(error instanceof JourneyStateError)) throw error;
          const errors = [{ field: `review-result-${decision}`, message: error.message }];
          return page('officer/case.njk', await casePage(officer, applicationId, errors, {}, answers), 409);
        }
        return redirect(`/officer/applications/${applicationId}`);
      },
    },
  ];
}
