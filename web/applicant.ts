import { ZodError } from 'zod';
import { type Application, type DocumentKind, MAX_DOCUMENT_BYTES } from '../shared/domain/application.js';
import {
  answersAreOpen,
  applicantNeedsField,
  changeRefusal,
  type FormAnswers,
  isApplicable,
  MemberKind,
  memberKindOf,
  memberKindPrompt,
  memberNeedsPrompt,
  memberPrompt,
  nextPrompt,
  type PromptField,
  PromptId,
  previousPrompt,
  promptsFor,
} from '../shared/domain/conversation.js';
import { isoDay } from '../shared/domain/dates.js';
import { DOCUMENT_CATALOGUE, type EvidenceType } from '../shared/domain/documents.js';
import { pounds } from '../shared/domain/money.js';
import { maskedMobile, ukMobile } from '../shared/domain/sms.js';
import { Stage, stageTitles } from '../shared/domain/stage.js';
import { type Language, translate } from '../shared/i18n/index.js';
import { doorstepLandlords } from '../shared/policies.js';
import { NotFoundError, RateLimitedError, SignInRefusedError } from '../shared/ports.js';
import {
  type Applicant,
  applicantView,
  declareDocument,
  startApplication,
} from '../shared/services/applications.js';
import { assistedDays } from '../shared/services/assisted.js';
import {
  addMember,
  answerMemberNeeds,
  answerPrompt,
  changeMember,
  removeMember,
  sendNewDocument,
  submitAnswers,
} from '../shared/services/conversation.js';
import { decide } from '../shared/services/decisions.js';
import type { Deps } from '../shared/services/deps.js';
import { keyQrCode } from '../shared/services/keys.js';
import { chooseLanguage } from '../shared/services/language.js';
import { claimNominations } from '../shared/services/nominations.js';
import { ownedApplication, ownedBy } from '../shared/services/ownership.js';
import { unsureNameNote } from '../shared/services/passport-names.js';
import { reviewDeadline } from '../shared/services/review-requests.js';
import { getSession, requestCode, SIGN_IN, signOut, verifyCode } from '../shared/services/sessions.js';
import { tenancyPdfForApplicant } from '../shared/services/tenancy-download.js';
import { whatHappensNext } from '../shared/services/whats-next.js';
import { checkAnswersSections, describeMember } from './check-answers.js';
import {
  clearCookie,
  cookie,
  cookieOf,
  headerOf,
  idParam,
  keySvgResult,
  pdfResult,
  redirect,
  SignInNeeded,
  WebError,
  type WebEvent,
} from './http.js';
import { pageLanguage } from './language.js';
import { promptPath } from './prompt-paths.js';
import type { Page, Route } from './routes.js';
import { taskListView } from './task-list.js';

/**
 * The applicant's journey as server-rendered pages (issue 5): sign in with a one-time code, one question at a
 * time from the prompt model, the passport photo, the answers sent, decisions with their reasons, the offer,
 * the agreement, the key. Every page works without JavaScript; every write is a form post with a CSRF token,
 * answered by a redirect (post/redirect/get).
 */

/** The applicant's session: the same cookie as the JSON API, so either can be used once signed in. */
export const APPLICANT_SESSION_COOKIE = 'doorstep_session';
const SIGN_IN_EMAIL_COOKIE = 'doorstep_sign_in';

async function signedIn(deps: Deps, event: WebEvent): Promise<Applicant | undefined> {
  const token = cookieOf(event, APPLICANT_SESSION_COOKIE);
  return token ? getSession(deps, token) : undefined;
}

/** Pages behind sign-in send anyone else to sign in; another applicant's application answers 404. */
export async function applicantOf(deps: Deps, event: WebEvent): Promise<Applicant> {
  const who = await signedIn(deps, event);
  if (!who) throw new SignInNeeded();
  return who;
}

/**
 * Keeps a language chosen on one of the applicant's own application pages (`?lang=`) on the application, so
 * messages about it are written in it. Anyone else's page, or nobody signed in: nothing is kept (the page itself
 * answers as it always does).
 */
export async function rememberLanguage(deps: Deps, event: WebEvent, language: Language): Promise<void> {
  const applicationId = /^\/applications\/([A-Za-z0-9_-]{1,80})(?:\/|$)/.exec(event.rawPath)?.[1];
  const who = applicationId ? await signedIn(deps, event) : undefined;
  if (!applicationId || !who) return;
  try {
    await chooseLanguage(deps, { subject: who.subject, applicationId, language });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

export type Errors = Array<{ field: string; message: string }>;
/** GOV.UK error summary links: each goes to the first input of its field. */
export function summary(errors: Errors, dateFields: readonly string[] = []) {
  return errors.map((error) => ({
    text: error.message,
    href: `#${dateFields.includes(error.field) ? `${error.field}-day` : error.field}`,
  }));
}
export const byField = (errors: Errors) =>
  Object.fromEntries(errors.map((error) => [error.field, error.message]));

/**
 * The page before a prompt's, for the Back link: the prompt asked before it (skipping any that do not apply),
 * or, for the first question, the application's status page (the start page would send them straight back).
 */
function previousPath(application: Application, prompt: PromptId): string {
  const previous = previousPrompt(application, prompt);
  return previous
    ? promptPath(application.applicationId, previous)
    : `/applications/${application.applicationId}/status`;
}

/**
 * Whether the applicant came from "Check your answers" to change an answer (GOV.UK: `?change=1`): then the Back
 * link returns there, and so does the journey once the answer, and any question it opens, is given.
 */
const changing = (event: WebEvent) => event.queryStringParameters?.change === '1';
const CHANGE = '?change=1';

/** Where the applicant goes next: the next question while answers are open, else what waits on them, else status. */
async function nextPage(
  deps: Deps,
  who: Applicant,
  applicationId: string,
  change = false,
  /** The application as an answer just saved it (its owner checked): no need to read it again. */
  saved?: Application,
): Promise<string> {
  const application = saved ?? (await ownedApplication(deps, who.subject, applicationId));
  const base = `/applications/${applicationId}`;
  const prompt = nextPrompt(application);
  // While changing, only a question the change opened comes before "Check your answers" (which is the next
  // prompt once everything is answered).
  if (prompt)
    return `${promptPath(applicationId, prompt)}${change && prompt !== 'check-answers' ? CHANGE : ''}`;
  const view = await applicantView(deps, { applicant: who, applicationId });
  if (view.waits.some((wait) => wait.kind === 'response') && view.offer) return `${base}/offer`;
  if (view.waits.some((wait) => wait.kind === 'signature') && view.tenancy) return `${base}/tenancy`;
  if (view.key) return `${base}/key`;
  return `${base}/status`;
}

/** The code page says where the code went: an email, or a text to a mobile (`tel:` in the sign-in cookie). */
const codePage = (sentTo: string | undefined) =>
  sentTo?.startsWith('tel:')
    ? { title: 'Check your phone', byText: true, masked: maskedMobile(sentTo.slice('tel:'.length)) }
    : { title: 'Check your email' };

/** The origin the browser used, for the upload slot's absolute redirect (S3 answers from its own origin). */
function originOf(event: WebEvent): string {
  const host = headerOf(event, 'host') ?? event.requestContext.domainName;
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  const proto = headerOf(event, 'x-forwarded-proto') ?? (local ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** The kind of member a page is about, from its path; anything else is a page that does not exist. */
function kindParam(event: WebEvent & { pathParameters?: Record<string, string | undefined> }): MemberKind {
  const kind = MemberKind.safeParse(event.pathParameters?.kind);
  if (!kind.success) throw new WebError(404, 'Page not found');
  return kind.data;
}

/** Someone in the household other than the applicant (whose details are their own questions). */
function householdMember(application: Application, memberId: string) {
  const member = application.profile.household.find((candidate) => candidate.memberId === memberId);
  if (!member || member.relationship === 'applicant') throw new WebError(404, 'Page not found');
  return member;
}

/** After someone's details: their needs, if any can apply to them, else back to the household. */
async function afterMemberDetails(
  deps: Deps,
  who: Applicant,
  applicationId: string,
  memberId: string,
  suffix: string,
): Promise<string> {
  const application = await ownedApplication(deps, who.subject, applicationId);
  const member = householdMember(application, memberId);
  return memberNeedsPrompt(member, isoDay(deps.clock.now())).applies
    ? `/applications/${applicationId}/household/${memberId}/needs${suffix}`
    : `/applications/${applicationId}/household${suffix}`;
}

/** "Who will live with you?": the household so far, and the applicant's own needs (the household prompt). */
function householdPage(
  page: Parameters<Page>[1],
  application: Application,
  input: { change: boolean; values: FormAnswers; errors: Errors; language: Language },
  status = 200,
) {
  const { language } = input;
  const hasPartner = application.profile.household.some((member) => member.relationship === 'partner');
  return page(
    'household.njk',
    {
      title: 'Who will live with you?',
      applicationId: application.applicationId,
      suffix: input.change ? CHANGE : '',
      backLink: input.change
        ? `/applications/${application.applicationId}/check-answers`
        : previousPath(application, 'household'),
      members: application.profile.household.map((member) => ({
        ...member,
        description: member.relationship === 'applicant' ? 'You' : describeMember(member, language),
      })),
      needsField: applicantNeedsField(hasPartner),
      // The council's household, to check (issue 10).
      ...(application.nomination ? { nomination: application.nomination } : {}),
      values: input.values,
      errors: summary(input.errors),
      fieldErrors: byField(input.errors),
    },
    status,
  );
}

/** The upload page's title: identity first, and any other evidence the applicant wants to give. */
const UPLOAD_TITLE = 'Send a document';

/** Every document that can be uploaded (the catalogue's kinds that take files), identity ones first. */
const UPLOAD_KINDS = (Object.entries(DOCUMENT_CATALOGUE) as Array<[DocumentKind, EvidenceType]>)
  .filter(([, type]) => type.contentTypes.length > 0)
  .map(([kind, type]) => ({
    value: kind,
    text: type.name,
    hint: `Shows your ${type.proves.map((proof) => proof.replace('-', ' ')).join(' and ')}`,
  }));

/** Fields read in pence, shown as pounds. */
const MONEY_FIELDS = new Set([
  'grossPay',
  'netPay',
  'moneyIn',
  'closingBalance',
  'housingElement',
  'totalPayment',
  'amount',
]);

/** A field's name as a label: netPay as "Net pay". */
function fieldLabel(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A question page (`question.njk`) for any prompt: its title is the question, and an error on a date field
 * links to the field's day box (GOV.UK error summary). Every question page of the journey and of changes is
 * this one.
 */
export function questionPage(
  page: Parameters<Page>[1],
  input: {
    prompt: { question: string; fields: readonly PromptField[] };
    applicationId: string;
    action: string;
    values: unknown;
    backLink: string;
    button?: string;
    errors?: Errors;
    status?: number;
    /** Answers of an earlier page, sent again with this one. */
    hidden?: Record<string, string>;
  },
) {
  const errors = input.errors ?? [];
  const dates = input.prompt.fields.filter((field) => field.kind === 'date').map((field) => field.name);
  return page(
    'question.njk',
    {
      title: input.prompt.question,
      prompt: input.prompt,
      applicationId: input.applicationId,
      action: input.action,
      values: input.values,
      backLink: input.backLink,
      ...(input.button ? { button: input.button } : {}),
      ...(input.hidden ? { hidden: input.hidden } : {}),
      errors: summary(errors, dates),
      fieldErrors: byField(errors),
    },
    input.status ?? 200,
  );
}

export function applicantRoutes(deps: () => Deps): Route[] {
  const today = () => isoDay(deps().clock.now());

  const start: Page = async (event, page) => {
    const context = deps();
    const who = await signedIn(context, event);
    if (who) {
      // A household its council nominated (issue 10) finds its application made, with the council's answers in it;
      // just made, the owner's index may not list it yet (eventually consistent), so it goes there directly.
      const [claimed] = await claimNominations(context, who);
      if (claimed && !event.queryStringParameters?.new)
        return redirect(await nextPage(context, who, claimed));
      const view = await context.applications.listByOwner(who.subject);
      const open = view.filter(
        (application) => application.status !== 'closed' && application.status !== 'let',
      );
      if (open.length > 0 && !event.queryStringParameters?.new) {
        return redirect(await nextPage(context, who, open[open.length - 1]?.applicationId ?? ''));
      }
    }
    return page('start.njk', {
      title: 'Apply for a social home',
      signedIn: Boolean(who),
      landlords: doorstepLandlords().map((landlord) => ({
        value: landlord.landlordId,
        text: landlord.landlordName,
      })),
    });
  };

  return [
    { method: 'GET', path: '/', handler: start },
    {
      method: 'POST',
      path: '/applications',
      form: true,
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const landlordId = typeof form.landlordId === 'string' ? form.landlordId : '';
        if (!doorstepLandlords().some((landlord) => landlord.landlordId === landlordId)) {
          return page(
            'start.njk',
            {
              title: 'Apply for a social home',
              signedIn: true,
              landlords: doorstepLandlords().map((landlord) => ({
                value: landlord.landlordId,
                text: landlord.landlordName,
              })),
              errors: [{ text: 'Select the landlord you want to apply to', href: '#landlordId' }],
              fieldErrors: { landlordId: 'Select the landlord you want to apply to' },
            },
            400,
          );
        }
        const { applicationId } = await startApplication(context, { applicant: who, body: { landlordId } });
        // Messages about it are written in the language the applicant started in.
        await chooseLanguage(context, {
          subject: who.subject,
          applicationId,
          language: pageLanguage(event),
        });
        return redirect(await nextPage(context, who, applicationId));
      },
    },
    // Sign in with a one-time code, as the API does; the email waits in a short-lived cookie, never in a URL.
    {
      method: 'GET',
      path: '/sign-in',
      handler: async (_event, page) => page('sign-in.njk', { title: 'Sign in' }),
    },
    {
      method: 'POST',
      path: '/sign-in',
      form: true,
      handler: async (event, page, form) => {
        // The second form on the page asks for a code by text to a mobile (issue 9), remembered as `tel:<E.164>`.
        if (typeof form.phone === 'string' && form.email === undefined) {
          const typed = form.phone.trim();
          const phone = ukMobile(typed);
          if (!phone) {
            const message =
              typed === '' ? 'Enter your mobile number' : 'Enter a UK mobile number, like 07700 900982';
            return page(
              'sign-in.njk',
              {
                title: 'Sign in',
                errors: [{ text: message, href: '#phone' }],
                fieldErrors: { phone: message },
                values: { phone: typed },
              },
              400,
            );
          }
          try {
            await requestCode(deps(), { phone });
          } catch (error) {
            if (!(error instanceof RateLimitedError)) throw error;
            return page(
              'error.njk',
              {
                title: 'Too many codes asked for',
                message: error.message,
                nextLink: '/sign-in',
                nextText: 'Try again later',
              },
              429,
            );
          }
          return redirect('/sign-in/code', [
            cookie(SIGN_IN_EMAIL_COOKIE, `tel:${phone}`, 10 * 60, '/sign-in'),
          ]);
        }
        const email = typeof form.email === 'string' ? form.email.trim() : '';
        try {
          await requestCode(deps(), { email }, pageLanguage(event));
        } catch (error) {
          if (error instanceof ZodError) {
            const message =
              email === ''
                ? 'Enter your email address'
                : 'Enter an email address in the right format, like name@example.com';
            return page(
              'sign-in.njk',
              {
                title: 'Sign in',
                errors: [{ text: message, href: '#email' }],
                fieldErrors: { email: message },
                values: { email },
              },
              400,
            );
          }
          if (error instanceof RateLimitedError) {
            return page(
              'error.njk',
              {
                title: 'Too many codes asked for',
                message: error.message,
                nextLink: '/sign-in',
                nextText: 'Try again later',
              },
              429,
            );
          }
          throw error;
        }
        return redirect('/sign-in/code', [cookie(SIGN_IN_EMAIL_COOKIE, email, 10 * 60, '/sign-in')]);
      },
    },
    {
      method: 'GET',
      path: '/sign-in/code',
      handler: async (event, page) =>
        page('sign-in-code.njk', codePage(cookieOf(event, SIGN_IN_EMAIL_COOKIE))),
    },
    {
      method: 'POST',
      path: '/sign-in/code',
      form: true,
      handler: async (event, page, form) => {
        const email = cookieOf(event, SIGN_IN_EMAIL_COOKIE);
        if (!email) return redirect('/sign-in');
        const code = typeof form.code === 'string' ? form.code.replace(/\s/g, '') : '';
        const refuse = (message: string) =>
          page(
            'sign-in-code.njk',
            {
              ...codePage(email),
              errors: [{ text: message, href: '#code' }],
              fieldErrors: { code: message },
            },
            400,
          );
        const byText = email.startsWith('tel:');
        if (!/^\d{6}$/.test(code))
          return refuse(
            code === ''
              ? `Enter the code from the ${byText ? 'text' : 'email'}`
              : 'The code is 6 digits, like 123456',
          );
        try {
          const { token } = await verifyCode(
            deps(),
            byText ? { phone: email.slice('tel:'.length), code } : { email, code },
          );
          // A new session every sign-in, never one the browser came with (fixation); and the one it had ends.
          const previous = cookieOf(event, APPLICANT_SESSION_COOKIE);
          if (previous) await signOut(deps(), previous);
          return redirect('/', [
            cookie(APPLICANT_SESSION_COOKIE, token, SIGN_IN.sessionLifetimeSeconds),
            clearCookie(SIGN_IN_EMAIL_COOKIE, '/sign-in'),
          ]);
        } catch (error) {
          if (error instanceof SignInRefusedError)
            return refuse('The code is wrong or has expired. Check it, or send a new code.');
          if (error instanceof RateLimitedError) return refuse(error.message);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/sign-out',
      form: true,
      handler: async (event) => {
        const token = cookieOf(event, APPLICANT_SESSION_COOKIE);
        if (token) await signOut(deps(), token);
        return redirect('/', [clearCookie(APPLICANT_SESSION_COOKIE)]);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}',
      handler: async (event) => {
        const context = deps();
        return redirect(
          await nextPage(context, await applicantOf(context, event), idParam(event, 'applicationId')),
        );
      },
    },
    // One question at a time, from the prompt model.
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/questions/{prompt}',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const applicationId = idParam(event, 'applicationId');
          const promptId = PromptId.safeParse(event.pathParameters?.prompt);
          if (!promptId.success || ['identity-document', 'check-answers'].includes(promptId.data)) {
            throw new WebError(404, 'Page not found');
          }
          // The session and the application read side by side: every question page and answer waits on one
          // round trip to the table for them, not two (bench/conversation.ts). Nothing of the application is
          // used until it is known to be this applicant's.
          const [who, read] = await Promise.all([
            applicantOf(context, event),
            context.applications.get(applicationId),
          ]);
          const prompt = promptsFor(today())[promptId.data];
          const change = changing(event);
          const action = `${event.rawPath}${change ? CHANGE : ''}`;
          if (method === 'POST') {
            const result = await answerPrompt(context, {
              applicant: who,
              applicationId,
              prompt: prompt.id,
              form,
              ...(read ? { read } : {}),
            });
            if (result.ok)
              return redirect(await nextPage(context, who, applicationId, change, result.application));
            if (prompt.id === 'household') {
              const application = await ownedApplication(context, who.subject, applicationId);
              return householdPage(
                page,
                application,
                { change, values: form, errors: result.errors, language: pageLanguage(event) },
                400,
              );
            }
            const application = await ownedApplication(context, who.subject, applicationId);
            return questionPage(page, {
              prompt,
              applicationId,
              action,
              values: form,
              errors: result.errors,
              status: 400,
              backLink: change
                ? `/applications/${applicationId}/check-answers`
                : previousPath(application, prompt.id),
            });
          }
          const application = ownedBy(read, who.subject);
          if (prompt.id === 'household') return redirect(promptPath(applicationId, 'household'));
          // A question this applicant's answers made unnecessary is not asked (branching).
          if (!isApplicable(application, prompt.id))
            return redirect(await nextPage(context, who, applicationId));
          return questionPage(page, {
            prompt,
            applicationId,
            action,
            values: prompt.current(application),
            backLink: change
              ? `/applications/${applicationId}/check-answers`
              : previousPath(application, prompt.id),
          });
        },
      }),
    ),
    {
      method: 'GET',
      path: '/applications/{applicationId}/household',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        return householdPage(page, application, {
          change: changing(event),
          values: promptsFor(today()).household.current(application),
          errors: [],
          language: pageLanguage(event),
        });
      },
    },
    // Adding someone: who they are, then their details, then (only if any can apply) their needs.
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/household/add',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const application = await ownedApplication(context, who.subject, applicationId);
          const suffix = changing(event) ? CHANGE : '';
          const prompt = memberKindPrompt();
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: `${event.rawPath}${suffix}`,
              values,
              backLink: `/applications/${applicationId}/household${suffix}`,
              errors,
              status,
            });
          if (method === 'GET') return render({}, []);
          const result = prompt.answer(form, application.profile.household);
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(`/applications/${applicationId}/household/add/${result.kind}${suffix}`);
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/household/add/{kind}',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const kind = kindParam(event);
          const suffix = changing(event) ? CHANGE : '';
          await ownedApplication(context, who.subject, applicationId);
          const prompt = memberPrompt(today(), kind);
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: `${event.rawPath}${suffix}`,
              backLink: `/applications/${applicationId}/household/add${suffix}`,
              button: 'Add to your household',
              values,
              errors,
              status,
            });
          if (method === 'GET') return render({}, []);
          const result = await addMember(context, { applicant: who, applicationId, kind, form });
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(await afterMemberDetails(context, who, applicationId, result.memberId, suffix));
        },
      }),
    ),
    // Changing someone: the same pages, with their answers.
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/household/{memberId}/change',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const application = await ownedApplication(context, who.subject, applicationId);
          const member = householdMember(application, idParam(event, 'memberId'));
          const suffix = changing(event) ? CHANGE : '';
          const prompt = {
            ...memberKindPrompt(),
            question: `Who is ${member.firstName} ${member.lastName}?`,
          };
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt: {
                ...prompt,
                fields: prompt.fields.map((field) => ({ ...field, label: prompt.question })),
              },
              applicationId,
              action: `${event.rawPath}${suffix}`,
              values,
              backLink: `/applications/${applicationId}/household${suffix}`,
              errors,
              status,
            });
          if (method === 'GET') {
            return render({ kind: memberKindOf(member) }, []);
          }
          const result = prompt.answer(form, application.profile.household, member.memberId);
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(
            `/applications/${applicationId}/household/${member.memberId}/change/${result.kind}${suffix}`,
          );
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/household/{memberId}/change/{kind}',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const application = await ownedApplication(context, who.subject, applicationId);
          const member = householdMember(application, idParam(event, 'memberId'));
          const kind = kindParam(event);
          const suffix = changing(event) ? CHANGE : '';
          const prompt = memberPrompt(today(), kind);
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: `${event.rawPath}${suffix}`,
              backLink: `/applications/${applicationId}/household/${member.memberId}/change${suffix}`,
              button: 'Save and continue',
              values,
              errors,
              status,
            });
          if (method === 'GET') {
            return render(prompt.current(member), []);
          }
          const result = await changeMember(context, {
            applicant: who,
            applicationId,
            memberId: member.memberId,
            kind,
            form,
          });
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(await afterMemberDetails(context, who, applicationId, member.memberId, suffix));
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/household/{memberId}/needs',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const application = await ownedApplication(context, who.subject, applicationId);
          const member = householdMember(application, idParam(event, 'memberId'));
          const suffix = changing(event) ? CHANGE : '';
          const household = `/applications/${applicationId}/household${suffix}`;
          const prompt = memberNeedsPrompt(member, today());
          if (!prompt.applies) return redirect(household);
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: `${event.rawPath}${suffix}`,
              values,
              backLink: household,
              button: 'Save and continue',
              errors,
              status,
            });
          if (method === 'GET') {
            return render(prompt.current(), []);
          }
          const result = await answerMemberNeeds(context, {
            applicant: who,
            applicationId,
            memberId: member.memberId,
            form,
          });
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(household);
        },
      }),
    ),
    {
      method: 'POST',
      path: '/applications/{applicationId}/household/{memberId}/remove',
      form: true,
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        await removeMember(context, { applicant: who, applicationId, memberId: idParam(event, 'memberId') });
        return redirect(`/applications/${applicationId}/household${changing(event) ? CHANGE : ''}`);
      },
    },
    // The identity document: which one and what kind of file, then the upload form that posts straight to storage.
    {
      method: 'GET',
      path: '/applications/{applicationId}/documents/new',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        const rejected = application.documents.findLast((document) => document.status === 'rejected');
        return page('upload.njk', {
          title: UPLOAD_TITLE,
          applicationId: application.applicationId,
          // An officer asked for another of a kind: that kind is chosen already.
          values: rejected?.replacementAskedAt ? { kind: rejected.kind } : {},
          kinds: UPLOAD_KINDS,
          problem: rejected?.problem,
        });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/documents',
      form: true,
      handler: async (event, page, form) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const errors: Errors = [];
        if (!UPLOAD_KINDS.some((kind) => kind.value === form.kind))
          errors.push({ field: 'kind', message: 'Select which document it is' });
        if (!['image/jpeg', 'image/png', 'application/pdf'].includes(String(form.format))) {
          errors.push({ field: 'format', message: 'Select what kind of file you will send' });
        }
        if (errors.length > 0) {
          return page(
            'upload.njk',
            {
              title: UPLOAD_TITLE,
              applicationId,
              values: form,
              kinds: UPLOAD_KINDS,
              errors: summary(errors),
              fieldErrors: byField(errors),
            },
            400,
          );
        }
        // The size is not known before the browser sends the file: the slot allows up to the limit, and the
        // storage refuses anything larger (content-length-range). The slot sends the browser back to the
        // document's page; S3 needs that URL absolute, so it is built from this request.
        const { upload } = await declareDocument(context, {
          applicant: who,
          applicationId,
          body: {
            kind: form.kind,
            contentType: form.format,
            sizeBytes: MAX_DOCUMENT_BYTES,
            redirectTo: `${originOf(event)}/applications/${applicationId}/documents/uploaded`,
          },
        });
        return page(
          'upload-file.njk',
          { title: 'Upload the photo or scan', applicationId, upload, accept: String(form.format) },
          200,
          { formAction: new URL(upload.url).origin },
        );
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/documents/{documentId}',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        const documentId = idParam(event, 'documentId');
        if (documentId === 'uploaded') {
          // Back from the upload slot: the storage names the object it took (only a hint; the application decides).
          const named = /\/(doc_[A-Za-z0-9]+)$/.exec(event.queryStringParameters?.key ?? '')?.[1];
          const document =
            application.documents.find((candidate) => candidate.documentId === named) ??
            application.documents.at(-1);
          if (!document) throw new WebError(404, 'Page not found');
          return redirect(`/applications/${application.applicationId}/documents/${document.documentId}`);
        }
        const document = application.documents.find((candidate) => candidate.documentId === documentId);
        if (!document) throw new WebError(404, 'Page not found');
        const labels: Record<string, string> = {
          surname: 'Last name',
          givenNames: 'First names',
          firstName: 'First name',
          lastName: 'Last name',
          dateOfBirth: 'Date of birth',
          documentNumber: 'Document number',
          expiryDate: 'Expires',
          nationality: 'Nationality',
          sex: 'Sex',
        };
        const readRows = Object.entries(document.readFields ?? {}).map(([name, field]) => ({
          key: { text: translate(pageLanguage(event), labels[name] ?? fieldLabel(name)) },
          value: {
            text:
              MONEY_FIELDS.has(name) && /^-?\d+$/.test(field.value)
                ? pounds(Number(field.value))
                : field.value,
          },
        }));
        // A passport read less surely than the policy allows, its name matching only tolerantly, goes to an
        // officer at verification: the applicant is told now.
        const nameNote = unsureNameNote(application, document);
        return page('document.njk', {
          ...(nameNote ? { nameNote } : {}),
          title:
            document.status !== 'read'
              ? 'Your document'
              : document.problem
                ? 'Your document does not match your answers'
                : 'Is this what your document says?',
          applicationId: application.applicationId,
          document,
          kindText: DOCUMENT_CATALOGUE[document.kind].name.replace(/^UK photocard /, '').toLowerCase(),
          answersOpen: answersAreOpen(application),
          readRows,
        });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/documents/{documentId}/confirm',
      form: true,
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const application = await ownedApplication(context, who.subject, applicationId);
        const document = application.documents.find(
          (candidate) => candidate.documentId === idParam(event, 'documentId'),
        );
        // A document read but not matching the answers cannot be confirmed: the Documents stage would wait for a
        // better one. One that arrived but is not read automatically (a licence, a PDF, a photo that could not be
        // read) can: the Documents stage sends it on for an officer to check.
        if (
          !document ||
          document.status === 'declared' ||
          document.status === 'rejected' ||
          (document.status === 'read' && document.problem)
        ) {
          return redirect(`/applications/${applicationId}/documents/${document?.documentId ?? 'new'}`);
        }
        const identity = document.kind === 'passport' || document.kind === 'driving-licence';
        const documentsWaiting = (await context.waits.listOpen(applicationId)).some(
          (wait) => wait.kind === 'answers' && wait.stage === Stage.Documents,
        );
        if (!identity && !documentsWaiting) {
          // Income or address evidence sent on its own: nothing waits for it; it is checked with the rest.
          return redirect(await nextPage(context, who, applicationId));
        }
        if (answersAreOpen(application)) {
          await answerPrompt(context, {
            applicant: who,
            applicationId,
            prompt: 'identity-document',
            form: {},
          });
        } else {
          // The answers were sent and a later stage asked for a better document: this one answers it.
          await sendNewDocument(context, { applicant: who, applicationId });
        }
        return redirect(await nextPage(context, who, applicationId));
      },
    },
    // Check your answers, then send them: the Eligibility stage's wait is answered.
    {
      method: 'GET',
      path: '/applications/{applicationId}/check-answers',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const application = await ownedApplication(context, who.subject, idParam(event, 'applicationId'));
        return page('check-answers.njk', {
          title: 'Check your answers before sending them',
          applicationId: application.applicationId,
          sections: checkAnswersSections(application, pageLanguage(event)),
          ...(application.nomination ? { nomination: application.nomination } : {}),
        });
      },
    },
    {
      method: 'POST',
      path: '/applications/{applicationId}/submit',
      form: true,
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        // A question still unanswered (another tab, a stale page): ask it rather than refuse the send.
        const prompt = nextPrompt(await ownedApplication(context, who.subject, applicationId));
        if (prompt && prompt !== 'check-answers') return redirect(promptPath(applicationId, prompt));
        await submitAnswers(context, { applicant: who, applicationId });
        return redirect(`/applications/${applicationId}/status`);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/status',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const view = await applicantView(context, { applicant: who, applicationId });
        const application = await ownedApplication(context, who.subject, applicationId);
        const base = `/applications/${applicationId}`;
        const prompt = nextPrompt(application);
        const needsDocument = view.waits.some(
          (wait) => wait.kind === 'answers' && wait.stage !== Stage.Eligibility,
        );
        const action = prompt
          ? { text: 'Finish your answers', href: base, link: 'Carry on where you left off' }
          : needsDocument
            ? {
                text:
                  application.documents.findLast((document) => document.replacementAskedAt)?.problem ??
                  'We need a clear photo of your passport or driving licence that matches your answers',
                href: `${base}/documents/new`,
                link: 'Send a photo',
              }
            : view.waits.some((wait) => wait.kind === 'response') && view.offer
              ? {
                  text: 'We have offered you a home',
                  href: `${base}/offer`,
                  link: 'See the home and answer the offer',
                }
              : view.waits.some((wait) => wait.kind === 'signature') && view.tenancy
                ? {
                    text: 'Your tenancy agreement is ready to sign',
                    href: `${base}/tenancy`,
                    link: 'Read and sign it',
                  }
                : undefined;
        const OUTCOME_TEXT: Record<string, [string, string]> = {
          eligible: ['Yes', 'govuk-tag--green'],
          qualifies: ['Yes', 'govuk-tag--green'],
          recorded: ['Done', 'govuk-tag--green'],
          verified: ['Checked', 'govuk-tag--green'],
          registered: ['Registered', 'govuk-tag--green'],
          refer: ['An officer is looking at this', 'govuk-tag--yellow'],
        };
        // Once closed, a referral is no longer being looked at: it was decided, and the close says why.
        const closed = view.status === 'closed';
        const decisions = view.decisions.map((decision, index) => {
          const [outcomeText, tagClass] =
            closed && decision.outcome === 'refer'
              ? ['Closed', 'govuk-tag--red']
              : (OUTCOME_TEXT[decision.outcome] ?? [decision.outcome, 'govuk-tag--grey']);
          // The review route, while it is open: asked for already, or the last day to ask.
          const requested = application.reviewRequests?.find((request) => request.decision === index);
          const lastDay = reviewDeadline(application, index);
          const open = lastDay !== undefined && isoDay(context.clock.now()) <= lastDay;
          return {
            ...decision,
            index,
            title: stageTitles[decision.stage],
            outcomeText,
            tagClass,
            ...(requested
              ? {
                  reviewRequestedAt: requested.requestedAt,
                  ...(requested.dueBy ? { reviewDueBy: requested.dueBy } : {}),
                  ...(requested.outcome ? { reviewOutcome: requested.outcome } : {}),
                }
              : {}),
            ...(open ? { reviewUntil: lastDay } : {}),
          };
        });
        const { next, standing } = await whatHappensNext(context, { applicant: who, applicationId });
        return page('status.njk', {
          title: view.stageTitle,
          application: view,
          decisions,
          action,
          next,
          standing,
          changeLink: changeRefusal(application) ? undefined : `${base}/changes`,
          taskList: taskListView(application),
          // The days an officer answered for the applicant, with their agreement (assisted digital).
          assistedOn: assistedDays(await context.audit.list(applicationId)),
        });
      },
    },
    // The offer of a home: accept, or refuse with a reason.
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/offer',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const view = await applicantView(context, { applicant: who, applicationId });
          const wait = view.waits.find((candidate) => candidate.kind === 'response');
          if (!wait || !view.offer) return redirect(`/applications/${applicationId}/status`);
          const render = (errors: Errors, status = 200) =>
            page(
              'offer.njk',
              {
                title: `An offer of a home: ${view.offer?.home.address}`,
                applicationId,
                home: view.offer?.home,
                reasons: view.offer?.reasons,
                deadline: wait.deadline,
                values: form,
                errors: summary(errors),
                fieldErrors: byField(errors),
              },
              status,
            );
          if (method === 'GET') return render([]);
          if (form.decision !== 'accept' && form.decision !== 'refuse') {
            return render([{ field: 'decision', message: 'Select yes if you want this home' }], 400);
          }
          const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
          if (form.decision === 'refuse' && reason.length < 3) {
            return render(
              [{ field: 'reason', message: 'Tell us why you do not want this home, in a few words' }],
              400,
            );
          }
          if (form.decision === 'refuse' && reason.length > 500) {
            return render([{ field: 'reason', message: 'Your reason must be 500 characters or fewer' }], 400);
          }
          await decide(context, {
            decisionId: wait.decisionId,
            actor: { kind: 'applicant', subject: who.subject },
            body: form.decision === 'accept' ? { decision: 'accept' } : { decision: 'refuse', reason },
          });
          return redirect(`/applications/${applicationId}/status`);
        },
      }),
    ),
    // The agreement: read it, tick, sign.
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/tenancy',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const who = await applicantOf(context, event);
          const applicationId = idParam(event, 'applicationId');
          const view = await applicantView(context, { applicant: who, applicationId });
          const wait = view.waits.find((candidate) => candidate.kind === 'signature');
          if (!wait || !view.tenancy) return redirect(`/applications/${applicationId}/status`);
          const you = view.profile.household.find((member) => member.relationship === 'applicant');
          const render = (errors: Errors, status = 200) =>
            page(
              'tenancy.njk',
              {
                title: 'Read and sign your agreement',
                applicationId,
                tenancy: view.tenancy,
                tenantName: you ? `${you.firstName} ${you.lastName}` : 'the tenant',
                errors: summary(errors),
                fieldErrors: byField(errors),
              },
              status,
            );
          if (method === 'GET') return render([]);
          if (form.agree !== 'yes')
            return render([{ field: 'agree', message: 'Tick the box to sign the agreement' }], 400);
          await decide(context, {
            decisionId: wait.decisionId,
            actor: { kind: 'applicant', subject: who.subject },
            body: { decision: 'signed', termsSha256: form.termsSha256 },
          });
          return redirect(`/applications/${applicationId}/status`);
        },
      }),
    ),
    {
      method: 'GET',
      path: '/applications/{applicationId}/tenancy.pdf',
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const { pdf, filename } = await tenancyPdfForApplicant(context, {
          applicant: who,
          applicationId: idParam(event, 'applicationId'),
        });
        return pdfResult(pdf, filename);
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/key',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const view = await applicantView(context, { applicant: who, applicationId });
        if (!view.key || !view.offer) return redirect(`/applications/${applicationId}/status`);
        return page('key.njk', {
          title: 'Your digital key',
          applicationId,
          key: view.key,
          address: view.offer.home.address,
        });
      },
    },
    {
      method: 'GET',
      path: '/applications/{applicationId}/key.svg',
      handler: async (event) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const svg = await keyQrCode(context, {
          applicant: who,
          applicationId: idParam(event, 'applicationId'),
        });
        return keySvgResult(svg);
      },
    },
    {
      method: 'GET',
      path: '/help',
      handler: async (_event, page) => page('help.njk', { title: 'Help and your data' }),
    },
  ];
}
