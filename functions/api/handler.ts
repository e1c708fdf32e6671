import httpRouterHandler from '@middy/http-router';
import { advertiseHome, advertsForApplicant, expressInterest } from '../../shared/services/adverts.js';
import {
  type Applicant,
  applicantView,
  declareDocument,
  listApplications,
  ProfileSection,
  startApplication,
  updateProfile,
} from '../../shared/services/applications.js';
import { consentsFor, setConsents } from '../../shared/services/consents.js';
import { type Actor, decide } from '../../shared/services/decisions.js';
import type { Deps } from '../../shared/services/deps.js';
import { offerHomeTo } from '../../shared/services/direct-offers.js';
import { keyQrCode, publishedKeys } from '../../shared/services/keys.js';
import {
  letterForApplicant,
  letterPdfForApplicant,
  parseLetterNumber,
} from '../../shared/services/letters.js';
import { lettingsLogExport } from '../../shared/services/lettings-log.js';
import {
  claimNominations,
  decideNomination,
  officerNominationQueue,
} from '../../shared/services/nominations.js';
import { caseForOfficer, officerQueue, QueueFilter } from '../../shared/services/officer-view.js';
import { actorFromClaims } from '../../shared/services/officers.js';
import { overrideDecision } from '../../shared/services/overrides.js';
import { decideReview, requestReview } from '../../shared/services/review-requests.js';
import { setContactSafety } from '../../shared/services/safe-contact.js';
import { getSession, requestCode, SIGN_IN, signOut, verifyCode } from '../../shared/services/sessions.js';
import { shortlistFor } from '../../shared/services/shortlists.js';
import { addHome, editHome, listHomes } from '../../shared/services/stock.js';
import { tenancyPdfForApplicant } from '../../shared/services/tenancy-download.js';
import { withdrawApplication } from '../../shared/services/withdrawal.js';
import {
  dataCopyForApplicant,
  requestDataCopy,
  yourDataFilename,
  yourDataForApplicant,
  yourDataForOfficer,
} from '../../shared/services/your-data.js';
import { keySvgResult, pdfResult } from '../../web/http.js';
import { s3Documents } from '../adapters/documents.js';
import { kmsKeyIssuer } from '../adapters/key-issuer.js';
import {
  ClientError,
  type HttpEvent,
  type HttpResult,
  header,
  httpHandler,
  json,
  noContent,
} from '../lib/http.js';
import { lambdaDepsWith } from '../wiring.js';
import { type RouteKey, splitRouteKey } from './routes.js';

/** The officer behind a request, from the claims the API Gateway JWT authoriser verified. */
function officer(event: HttpEvent): Extract<Actor, { kind: 'officer' }> {
  const actor = actorFromClaims(
    (event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } }).authorizer?.jwt?.claims,
  );
  if (!actor) throw new ClientError(401, 'Sign in as an officer to do this');
  if (actor === 'no-role') throw new ClientError(403, 'Your account has no officer role');
  return actor;
}

/** The applicant's session cookie. HttpOnly (no script reads it), Secure, SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'doorstep_session';
const COOKIE_ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict; Path=/';
const sessionCookie = (token: string) =>
  `${SESSION_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}; Max-Age=${SIGN_IN.sessionLifetimeSeconds}`;
const expiredSessionCookie = `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;

/**
 * The session token a request carries: the cookie (payload 2.0 puts cookies in `event.cookies`), or, for
 * clients that are not browsers, `Authorization: Session <token>`.
 */
function sessionToken(event: HttpEvent): string | undefined {
  const cookies = event.cookies ?? header(event, 'cookie')?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return value.join('=');
  }
  return /^Session\s+(\S+)$/i.exec(header(event, 'authorization') ?? '')?.[1];
}

/** The signed-in applicant behind a request; anyone else is a 401 that says how to sign in. */
async function applicant(deps: Deps, event: HttpEvent): Promise<Applicant> {
  const token = sessionToken(event);
  const session = token ? await getSession(deps, token) : undefined;
  if (!session) {
    throw new ClientError(
      401,
      'You are not signed in, or your session has ended. Ask for a code at POST /v1/sessions/code, then send it to POST /v1/sessions.',
    );
  }
  return session;
}

const param = (event: HttpEvent, name: string) => {
  const value = event.pathParameters?.[name];
  if (!value || !/^[A-Za-z0-9_-]{1,80}$/.test(value)) throw new ClientError(404, 'Not found');
  return value;
};

/**
 * The journey API. Applicants' routes authenticate by Doorstep's session cookie, checked here; officers' routes
 * (under /v1/officer) are behind the Cognito JWT authoriser in AWS, and the claims are read here. Every record
 * is checked against the caller (object-level authorisation): another party's record answers 404. The router
 * sits inside the shared middleware stack, so an unknown route is a 404 answer like every other client error.
 */
export const createHandler = (deps: () => Deps) => {
  const routes: Record<RouteKey, (event: HttpEvent) => Promise<HttpResult>> = {
    // Sign-in by a one-time code sent to the applicant's email address.
    'POST /v1/sessions/code': async (event) => {
      const { expiresInSeconds } = await requestCode(deps(), event.parsedBody);
      // The same answer whether or not anyone has used the address before.
      return json(202, {
        message: 'If the address can receive email, a code is on its way. It works for 10 minutes.',
        expiresInSeconds,
      });
    },
    'POST /v1/sessions': async (event) => {
      const { token, subject, expiresAt } = await verifyCode(deps(), event.parsedBody);
      // Signing in with the address a council's nomination invited takes it up (issue 10), as on the web.
      await claimNominations(deps(), { subject });
      return json(201, { signedIn: true, expiresAt }, { cookies: [sessionCookie(token)] });
    },
    'DELETE /v1/sessions': async (event) => {
      const token = sessionToken(event);
      if (token) await signOut(deps(), token);
      return noContent({ cookies: [expiredSessionCookie] });
    },
    // The applicant's own applications.
    'GET /v1/applications': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(200, { applications: await listApplications(context, who) });
    },
    'POST /v1/applications': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const { applicationId, created } = await startApplication(context, {
        applicant: who,
        body: event.parsedBody,
      });
      return json(
        created ? 201 : 200,
        { applicationId },
        { headers: { location: `/v1/applications/${applicationId}` } },
      );
    },
    'GET /v1/applications/{applicationId}': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(
        200,
        await applicantView(context, { applicant: who, applicationId: param(event, 'applicationId') }),
      );
    },
    'GET /v1/applications/{applicationId}/key.svg': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const svg = await keyQrCode(context, { applicant: who, applicationId: param(event, 'applicationId') });
      return keySvgResult(svg);
    },
    'GET /v1/applications/{applicationId}/tenancy.pdf': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const { pdf, filename } = await tenancyPdfForApplicant(context, {
        applicant: who,
        applicationId: param(event, 'applicationId'),
      });
      return pdfResult(pdf, filename);
    },
    // A decision letter: `/letters/3` is the letter as JSON, `/letters/3.pdf` the PDF a workflow step wrote.
    'POST /v1/applications/{applicationId}/decisions/{decision}/review': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const decision = event.pathParameters?.decision ?? '';
      if (!/^\d{1,3}$/.test(decision)) throw new ClientError(404, 'Not found');
      const { request, created } = await requestReview(context, {
        applicant: who,
        applicationId: param(event, 'applicationId'),
        decision: Number(decision),
        body: event.parsedBody,
      });
      return json(created ? 201 : 200, request);
    },
    'GET /v1/applications/{applicationId}/letters/{letter}': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const applicationId = param(event, 'applicationId');
      const [, digits, pdf] = /^(\d{1,3})(\.pdf)?$/.exec(event.pathParameters?.letter ?? '') ?? [];
      if (!digits) throw new ClientError(404, 'Not found');
      const number = parseLetterNumber(digits);
      if (!pdf)
        return json(200, await letterForApplicant(context, { applicant: who, applicationId, number }));
      const letter = await letterPdfForApplicant(context, { applicant: who, applicationId, number });
      return pdfResult(letter.pdf, letter.filename);
    },
    // Choice-based lettings: the homes advertised now, each with whether it fits the household, and interest.
    'GET /v1/applications/{applicationId}/adverts': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const applicationId = param(event, 'applicationId');
      return json(200, await advertsForApplicant(context, { subject: who.subject, applicationId }));
    },
    'POST /v1/applications/{applicationId}/adverts/{propertyId}/interest': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const interest = await expressInterest(context, {
        subject: who.subject,
        applicationId: param(event, 'applicationId'),
        propertyId: param(event, 'propertyId'),
      });
      return json(200, interest);
    },
    'PUT /v1/applications/{applicationId}/profile/{section}': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const section = ProfileSection.safeParse(event.pathParameters?.section);
      if (!section.success) throw new ClientError(404, 'No such section of the profile');
      return json(
        200,
        await updateProfile(context, {
          applicant: who,
          applicationId: param(event, 'applicationId'),
          section: section.data,
          body: event.parsedBody,
        }),
      );
    },
    // The applicant leaves, from any stage (issue 9): the same answer however often it is asked.
    'POST /v1/applications/{applicationId}/withdraw': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(
        200,
        await withdrawApplication(context, {
          subject: who.subject,
          applicationId: param(event, 'applicationId'),
          body: event.parsedBody ?? {},
        }),
      );
    },
    // How it is safe to contact the applicant (issue 9): every message to them respects it.
    'PUT /v1/applications/{applicationId}/contact-safety': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const saved = await setContactSafety(context, {
        subject: who.subject,
        applicationId: param(event, 'applicationId'),
        body: event.parsedBody,
      });
      return json(200, { applicationId: saved.applicationId, contactSafety: saved.contactSafety });
    },
    // Consents to uses beyond the register (issue 9): each use given or not, and since when; set all at once.
    'GET /v1/applications/{applicationId}/consents': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(
        200,
        await consentsFor(context, {
          actor: { kind: 'applicant', subject: who.subject },
          applicationId: param(event, 'applicationId'),
        }),
      );
    },
    'PUT /v1/applications/{applicationId}/consents': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const { consents, changed } = await setConsents(context, {
        actor: { kind: 'applicant', subject: who.subject },
        applicationId: param(event, 'applicationId'),
        body: event.parsedBody,
      });
      return json(200, { consents, changed });
    },
    // What we hold about you (UK GDPR Art. 15): the copy as data; the PDF is asked for, then made by a step.
    'GET /v1/applications/{applicationId}/your-data': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const applicationId = param(event, 'applicationId');
      return json(200, await yourDataForApplicant(context, { applicant: who, applicationId }), {
        headers: {
          'content-disposition': `attachment; filename="${yourDataFilename(applicationId, 'json')}"`,
        },
      });
    },
    'POST /v1/applications/{applicationId}/your-data.pdf': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const applicationId = param(event, 'applicationId');
      await requestDataCopy(context, { applicant: who, applicationId });
      return json(
        202,
        { message: 'Your PDF copy is being made. Ask for it again in a minute.' },
        { headers: { location: `/v1/applications/${applicationId}/your-data.pdf` } },
      );
    },
    'GET /v1/applications/{applicationId}/your-data.pdf': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      const { pdf, filename } = await dataCopyForApplicant(context, {
        applicant: who,
        applicationId: param(event, 'applicationId'),
      });
      const result = pdfResult(pdf, filename);
      return {
        ...result,
        headers: { ...result.headers, 'content-disposition': `attachment; filename="${filename}"` },
      };
    },
    'POST /v1/applications/{applicationId}/documents': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(
        201,
        await declareDocument(context, {
          applicant: who,
          applicationId: param(event, 'applicationId'),
          body: event.parsedBody,
        }),
      );
    },
    'POST /v1/decisions/{decisionId}': async (event) => {
      const context = deps();
      const who = await applicant(context, event);
      return json(
        200,
        await decide(context, {
          decisionId: param(event, 'decisionId'),
          actor: { kind: 'applicant', subject: who.subject },
          body: event.parsedBody ?? {},
        }),
      );
    },
    // Officers.
    'POST /v1/officer/decisions/{decisionId}': async (event) => {
      const result = await decide(deps(), {
        decisionId: param(event, 'decisionId'),
        actor: officer(event),
        body: event.parsedBody ?? {},
      });
      return json(200, result);
    },
    'GET /v1/officer/applications/{applicationId}': async (event) => {
      const actor = officer(event);
      return json(
        200,
        await caseForOfficer(deps(), {
          applicationId: param(event, 'applicationId'),
          landlordId: actor.landlordId,
        }),
      );
    },
    // An officer overrides a registered household's decision (band, proceed, close), always with a reason.
    'POST /v1/officer/applications/{applicationId}/override': async (event) => {
      const actor = officer(event);
      return json(
        200,
        await overrideDecision(deps(), {
          actor,
          applicationId: param(event, 'applicationId'),
          body: event.parsedBody ?? {},
        }),
      );
    },
    // What we hold about one of the officer's landlord's applicants, for a request made by phone or letter.
    'GET /v1/officer/applications/{applicationId}/your-data': async (event) => {
      const actor = officer(event);
      return json(
        200,
        await yourDataForOfficer(deps(), {
          landlordId: actor.landlordId,
          applicationId: param(event, 'applicationId'),
        }),
      );
    },
    // Consents an applicant gave or withdrew by phone or in person, recorded by an officer for them (audited).
    'PUT /v1/officer/applications/{applicationId}/consents': async (event) => {
      const actor = officer(event);
      const { consents, changed } = await setConsents(deps(), {
        actor,
        applicationId: param(event, 'applicationId'),
        body: event.parsedBody,
      });
      return json(200, { consents, changed });
    },
    // An officer decides a review the household asked for: the decision stands (upheld) or was changed.
    'POST /v1/officer/applications/{applicationId}/reviews/{decision}': async (event) => {
      const actor = officer(event);
      const decision = event.pathParameters?.decision ?? '';
      if (!/^\d{1,3}$/.test(decision)) throw new ClientError(404, 'Not found');
      return json(
        200,
        await decideReview(deps(), {
          actor,
          applicationId: param(event, 'applicationId'),
          decision: Number(decision),
          body: event.parsedBody ?? {},
        }),
      );
    },
    // The officer's own landlord's queue; `?show=` (a view), `?kind=` or `?waitingFor=` narrows the list, not the
    // counts; `?page=` picks a page. An unknown view answers 400 with the views there are.
    'GET /v1/officer/queue': async (event) => {
      const actor = officer(event);
      const filter = QueueFilter.parse(event.queryStringParameters ?? {});
      return json(200, await officerQueue(deps(), { landlordId: actor.landlordId, filter }));
    },
    // The officer's own landlord's stock: every home in every status; add one; change what describes one.
    'GET /v1/officer/properties': async (event) => {
      const actor = officer(event);
      return json(200, { properties: await listHomes(deps(), actor.landlordId) });
    },
    'POST /v1/officer/properties': async (event) => {
      const actor = officer(event);
      return json(201, await addHome(deps(), { actor, input: event.parsedBody ?? {} }));
    },
    'PUT /v1/officer/properties/{propertyId}': async (event) => {
      const actor = officer(event);
      const propertyId = param(event, 'propertyId');
      return json(200, await editHome(deps(), { actor, propertyId, input: event.parsedBody ?? {} }));
    },
    // The shortlist for one of the officer's own landlord's homes: who it fits in order, and why others not.
    'GET /v1/officer/properties/{propertyId}/shortlist': async (event) => {
      const actor = officer(event);
      const propertyId = param(event, 'propertyId');
      return json(200, await shortlistFor(deps(), { landlordId: actor.landlordId, propertyId }));
    },
    // A direct offer of one of the officer's landlord's homes to a household on its shortlist, for approval.
    'POST /v1/officer/properties/{propertyId}/offers': async (event) => {
      const actor = officer(event);
      const offer = await offerHomeTo(deps(), {
        landlordId: actor.landlordId,
        officerId: actor.officerId,
        propertyId: param(event, 'propertyId'),
        body: event.parsedBody,
      });
      return json(202, offer);
    },
    // Choice-based lettings: advertise one of the officer's landlord's available homes until a closing date.
    'POST /v1/officer/properties/{propertyId}/advert': async (event) => {
      const actor = officer(event);
      const advert = await advertiseHome(deps(), {
        landlordId: actor.landlordId,
        officerId: actor.officerId,
        propertyId: param(event, 'propertyId'),
        body: event.parsedBody,
      });
      return json(200, advert);
    },
    // The officer's own landlord's nominations from partner councils awaiting its decision (issue 10), soonest due
    // first, overdue ones flagged; and its decision on one, citing the nomination agreement.
    'GET /v1/officer/nominations': async (event) => {
      const actor = officer(event);
      return json(200, await officerNominationQueue(deps(), actor.landlordId));
    },
    'POST /v1/officer/nominations/{nominationId}/decision': async (event) => {
      const actor = officer(event);
      return json(
        200,
        await decideNomination(
          deps(),
          { officerId: actor.officerId, landlordId: actor.landlordId },
          param(event, 'nominationId'),
          event.parsedBody ?? {},
        ),
      );
    },
    // The officer's own landlord's lettings log (CORE-style, one row per letting) for a range of let dates.
    'GET /v1/officer/lettings-log.csv': async (event) => {
      const actor = officer(event);
      const { csv, filename } = await lettingsLogExport(deps(), {
        landlordId: actor.landlordId,
        officerId: actor.officerId,
        query: event.queryStringParameters ?? {},
      });
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${filename}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
        body: csv,
      };
    },
    // Doors and anyone else: the public keys that verify digital keys. Public by design, and cacheable.
    'GET /v1/keys/jwks.json': async () =>
      json(200, await publishedKeys(deps()), {
        headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=3600' },
      }),
  };
  return httpHandler(
    httpRouterHandler<HttpEvent, HttpResult>(
      Object.entries(routes).map(([key, handler]) => ({ ...splitRouteKey(key as RouteKey), handler })),
    ),
  );
};

// No tenancy signer: the API records a tenant's signature, and the workflow's signing stage applies it.
export const handler = createHandler(
  lambdaDepsWith((env) => ({ ...s3Documents(env), ...kmsKeyIssuer(env) })),
);
