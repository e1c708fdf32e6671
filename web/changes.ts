import type { Application } from '../shared/domain/application.js';
import {
  CIRCUMSTANCE_PROMPTS,
  changeRefusal,
  type FormAnswers,
  hasOtherPartner,
  isApplicable,
  MemberKind,
  memberKindPrompt,
  memberNeedsPrompt,
  memberPrompt,
  type PromptId,
  promptsFor,
  withNewMember,
} from '../shared/domain/conversation.js';
import { isoDay } from '../shared/domain/dates.js';
import { type Applicant, updateProfile } from '../shared/services/applications.js';
import type { Deps } from '../shared/services/deps.js';
import { ownedApplication } from '../shared/services/ownership.js';
import { applicantOf, type Errors, questionPage } from './applicant.js';
import { describeMember } from './check-answers.js';
import { idParam, redirect, WebError, type WebEvent } from './http.js';
import { pageLanguage } from './language.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * "Tell us about a change" (issue 6): once a household is on the register, a change of income, home or
 * circumstances is asked with the journey's own prompt pages and validation, and written through
 * `updateProfile`, the service the API's PUT /profile/{section} uses, so the change is reassessed and the new
 * decision, with its reasons, shows on the status page.
 */

/** The prompts a registered applicant can answer again, in the order the change page lists them. */
const CHANGEABLE = [
  'contact',
  'immigration-status',
  'immigration-evidence',
  'local-connection',
  'income',
  'current-home',
  ...CIRCUMSTANCE_PROMPTS,
] as const satisfies readonly PromptId[];
type Changeable = (typeof CHANGEABLE)[number];
const isChangeable = (prompt: string | undefined): prompt is Changeable =>
  (CHANGEABLE as readonly string[]).includes(prompt ?? '');

/** The hidden field that says the details came back with the needs page. */
const NEEDS_STEP = '_step';

type Routed = WebEvent & { pathParameters?: Record<string, string | undefined> };

/** The applicant's registered application, or the page that says why a change cannot be told here (409). */
async function changeable(
  deps: Deps,
  event: Routed,
): Promise<{ who: Applicant; application: Application } | { refusal: string; applicationId: string }> {
  const who = await applicantOf(deps, event);
  const applicationId = idParam(event, 'applicationId');
  const application = await ownedApplication(deps, who.subject, applicationId);
  const refusal = changeRefusal(application);
  return refusal ? { refusal, applicationId } : { who, application };
}

const refused = (page: PageRenderer, refusal: { refusal: string; applicationId: string }) =>
  page(
    'error.njk',
    {
      title: 'You cannot tell us about a change here',
      message: refusal.refusal,
      nextLink: `/applications/${refusal.applicationId}/status`,
      nextText: 'See where your application is',
    },
    409,
  );

export function changeRoutes(deps: () => Deps): Route[] {
  const today = () => isoDay(deps().clock.now());
  return [
    {
      method: 'GET',
      path: '/applications/{applicationId}/changes',
      handler: async (event, page) => {
        const found = await changeable(deps(), event);
        if ('refusal' in found) return refused(page, found);
        const { application } = found;
        const prompts = promptsFor(today());
        const base = `/applications/${application.applicationId}/changes`;
        const link = (id: Changeable) => ({ href: `${base}/${id}`, text: prompts[id].question });
        return page('changes.njk', {
          title: 'Tell us about a change',
          applicationId: application.applicationId,
          income: link('income'),
          home: link('current-home'),
          aboutYou: [
            link('contact'),
            link('immigration-status'),
            // Proof of status is asked only where the status needs it (limited leave, pre-settled status…).
            ...(isApplicable(application, 'immigration-evidence') ? [link('immigration-evidence')] : []),
            link('local-connection'),
          ],
          members: application.profile.household
            .filter((member) => member.relationship !== 'applicant')
            .map((member) => ({ ...member, description: describeMember(member, pageLanguage(event)) })),
          circumstances: CIRCUMSTANCE_PROMPTS.filter(
            // How much is owed is asked after "yes, I owe rent", never on its own.
            (id) => id !== 'arrears-details' && isApplicable(application, id),
          ).map(link),
        });
      },
    },
    // Someone moves in, or a baby is born or expected: who they are, then their details (the journey's pages).
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/changes/household/add',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const found = await changeable(deps(), event);
          if ('refusal' in found) return refused(page, found);
          const { applicationId, profile } = found.application;
          const prompt = memberKindPrompt();
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: event.rawPath,
              values,
              backLink: `/applications/${applicationId}/changes`,
              errors,
              status,
            });
          if (method === 'GET') return render({}, []);
          const result = prompt.answer(form, profile.household);
          if (!result.ok) return render(form, result.errors, 400);
          return redirect(`/applications/${applicationId}/changes/household/add/${result.kind}`);
        },
      }),
    ),
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/changes/household/add/{kind}',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const kind = MemberKind.safeParse(event.pathParameters?.kind);
          if (!kind.success) throw new WebError(404, 'Page not found');
          const found = await changeable(context, event);
          if ('refusal' in found) return refused(page, found);
          const { who, application } = found;
          const { applicationId, profile } = application;
          const prompt = memberPrompt(today(), kind.data);
          const render = (values: FormAnswers, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: event.rawPath,
              values,
              backLink: `/applications/${applicationId}/changes/household/add`,
              button: 'Add to your household',
              errors,
              status,
            });
          if (method === 'GET') return render({}, []);
          const familyName = profile.household.find(
            (member) => member.relationship === 'applicant',
          )?.lastName;
          // The needs page sends the details again (hidden): they are checked again, and nothing was written
          // in between, so the household is reassessed once, with the new person and their needs together.
          const onNeedsPage = form[NEEDS_STEP] === 'needs';
          const result = prompt.answer(form, familyName);
          if (!result.ok) {
            if (onNeedsPage) throw new WebError(400, 'Those details were changed on the way. Start again.');
            return render(form, result.errors, 400);
          }
          if (result.member.relationship === 'partner' && hasOtherPartner(profile.household)) {
            return render(form, [{ field: 'firstName', message: 'You have already added a partner' }], 400);
          }
          const added = withNewMember(profile.household, result.member);
          let member = added.household.find((each) => each.memberId === added.memberId);
          if (!member) throw new Error('The new member is missing from the household');
          const needs = memberNeedsPrompt(member, today());
          if (needs.applies) {
            const details = Object.fromEntries(
              Object.entries(form).filter(
                (entry): entry is [string, string] =>
                  typeof entry[1] === 'string' && !['_csrf', 'needs', NEEDS_STEP].includes(entry[0]),
              ),
            );
            const renderNeeds = (values: FormAnswers, errors: Errors, status = 200) =>
              questionPage(page, {
                prompt: needs,
                applicationId,
                action: event.rawPath,
                values,
                backLink: event.rawPath,
                button: 'Add to your household',
                hidden: { ...details, [NEEDS_STEP]: 'needs' },
                errors,
                status,
              });
            if (!onNeedsPage) return renderNeeds({}, []);
            const answered = needs.answer(form);
            if (!answered.ok) return renderNeeds(form, answered.errors, 400);
            member = answered.member;
          }
          await updateProfile(context, {
            applicant: who,
            applicationId,
            section: 'household',
            body: added.household.map((each) => (each.memberId === added.memberId ? member : each)),
          });
          return redirect(`/applications/${applicationId}/status`);
        },
      }),
    ),
    // Someone moves out: the household without them, reassessed (their bedroom may no longer be needed).
    {
      method: 'POST',
      path: '/applications/{applicationId}/changes/household/{memberId}/remove',
      form: true,
      handler: async (event, page) => {
        const context = deps();
        const found = await changeable(context, event);
        if ('refusal' in found) return refused(page, found);
        const { who, application } = found;
        const memberId = idParam(event, 'memberId');
        const { household } = application.profile;
        if (
          !household.some((member) => member.memberId === memberId && member.relationship !== 'applicant')
        ) {
          throw new WebError(404, 'Page not found');
        }
        await updateProfile(context, {
          applicant: who,
          applicationId: application.applicationId,
          section: 'household',
          body: household.filter((member) => member.memberId !== memberId),
        });
        return redirect(`/applications/${application.applicationId}/status`);
      },
    },
    ...(['GET', 'POST'] as const).map(
      (method): Route => ({
        method,
        path: '/applications/{applicationId}/changes/{prompt}',
        form: method === 'POST',
        handler: async (event, page, form) => {
          const context = deps();
          const promptId = event.pathParameters?.prompt;
          if (!isChangeable(promptId)) throw new WebError(404, 'Page not found');
          const found = await changeable(context, event);
          if ('refusal' in found) return refused(page, found);
          const { who, application } = found;
          // A question that cannot apply is not there (proof of status for a British citizen); how much rent is
          // owed is the exception, asked after a "yes" that is written only with the amount.
          if (promptId !== 'arrears-details' && !isApplicable(application, promptId))
            throw new WebError(404, 'Page not found');
          const { applicationId } = application;
          const prompt = promptsFor(today())[promptId];
          const render = (values: Record<string, unknown>, errors: Errors, status = 200) =>
            questionPage(page, {
              prompt,
              applicationId,
              action: event.rawPath,
              values,
              backLink: `/applications/${applicationId}/changes`,
              button: 'Tell us about this change',
              errors,
              status,
            });
          if (method === 'GET') return render(prompt.current(application), []);

          const result = prompt.answer(form);
          if (!result.ok) return render(form, result.errors, 400);
          const { effect } = result;
          if (effect.kind === 'section') {
            await updateProfile(context, {
              applicant: who,
              applicationId,
              section: effect.section,
              body: effect.value,
            });
            // A status that needs proof asks for it next, if it has not been given (the officer checks it).
            const updated = await ownedApplication(context, who.subject, applicationId);
            if (
              promptId === 'immigration-status' &&
              isApplicable(updated, 'immigration-evidence') &&
              updated.profile.immigrationEvidence === undefined
            ) {
              return redirect(`/applications/${applicationId}/changes/immigration-evidence`);
            }
          } else if (effect.kind === 'circumstances') {
            // "Yes, I owe rent" changes nothing yet: how much, and whether a plan is kept, is the next question.
            if (effect.reopens?.includes('arrears-details')) {
              return redirect(`/applications/${applicationId}/changes/arrears-details`);
            }
            // One question into a section the API takes whole: the other answers stay as they were.
            await updateProfile(context, {
              applicant: who,
              applicationId,
              section: 'circumstances',
              body: { ...application.profile.circumstances, ...effect.value },
            });
          } else {
            throw new WebError(404, 'Page not found');
          }
          return redirect(`/applications/${applicationId}/status`);
        },
      }),
    ),
  ];
}
