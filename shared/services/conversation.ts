import { type Application, Circumstances, type HouseholdMember } from '../domain/application.js';
import {
  aboutYouMember,
  answersAreOpen,
  CIRCUMSTANCE_PROMPTS,
  circumstancesGivenWhole,
  type FormAnswers,
  hasOtherPartner,
  MAX_HOUSEHOLD,
  type MemberKind,
  memberNeedsPrompt,
  memberPrompt,
  nextPrompt,
  type PromptId,
  promptsFor,
  withApplicableNeeds,
  withNewMember,
} from '../domain/conversation.js';
import { isoDay } from '../domain/dates.js';
import { Stage, WaitingFor } from '../domain/stage.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Applicant } from './applications.js';
import { decide } from './decisions.js';
import type { Deps } from './deps.js';
import { ownedApplication, ownedBy } from './ownership.js';

/**
 * The conversation's writes (issue 5): an answer to one prompt, a household member added or removed, the
 * answers sent. Each write names the version it read, so a double submit or a second device never loses an
 * answer silently (the loser is a ConflictError to retry), and each leaves an audit event that says which
 * prompt was answered, never what it said.
 */

type ConversationDeps = Pick<Deps, 'applications' | 'audit' | 'clock'>;
export type FieldErrors = Array<{ field: string; message: string }>;

function refuseWhenSent(application: Application): void {
  if (!answersAreOpen(application)) {
    throw new JourneyStateError(
      'Your answers have been sent, so they cannot change here. Ask the lettings team if something has changed.',
    );
  }
}

async function save(
  deps: ConversationDeps,
  application: Application,
  change: Partial<Application>,
  prompt: string,
  enteredBy?: EnteredBy,
): Promise<Application> {
  const now = deps.clock.now().toISOString();
  // The answer and its audit row in one write: both or neither, one round trip (bench/conversation.ts).
  return deps.applications.save(
    { ...application, ...change, updatedAt: now },
    {
      audit: {
        applicationId: application.applicationId,
        at: now,
        type: 'answered',
        stage: application.stage,
        // An answer an officer entered for the applicant says so, and who (assisted digital: services/assisted.ts).
        ...(enteredBy
          ? { actor: 'officer', facts: { prompt, onBehalfOfApplicant: true, officerId: enteredBy.officerId } }
          : { actor: 'applicant', facts: { prompt } }),
      },
    },
  );
}

/** The officer who entered an answer for the applicant, with their consent (services/assisted.ts). */
export interface EnteredBy {
  officerId: string;
}

const withAnswered = (application: Application, prompt: PromptId) => {
  const answered = new Set(application.conversation?.answered ?? []);
  answered.add(prompt);
  return { ...application.conversation, answered: [...answered] };
};

/** The applicant's member of the household, replaced by a new version (the applicant is always first). */
const withApplicant = (household: HouseholdMember[], member: HouseholdMember) => [
  member,
  ...household.filter((candidate) => candidate.relationship !== 'applicant'),
];

/** Answers one prompt. Invalid answers come back as field errors, and nothing is written. */
export async function answerPrompt(
  deps: ConversationDeps,
  input: {
    applicant: Pick<Applicant, 'subject'>;
    applicationId: string;
    prompt: PromptId;
    form: FormAnswers;
    enteredBy?: EnteredBy;
    /** The application as the caller just read it (a page reads it beside the session), held to the same rule. */
    read?: Application;
  },
): Promise<{ ok: true; application: Application } | { ok: false; errors: FieldErrors }> {
  const application =
    input.read?.applicationId === input.applicationId
      ? ownedBy(input.read, input.applicant.subject)
      : await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  const result = promptsFor(isoDay(deps.clock.now()))[input.prompt].answer(input.form);
  if (!result.ok) return result;
  const { effect } = result;
  const conversation = withAnswered(application, input.prompt);
  if (effect.kind === 'section') {
    const { immigrationEvidence, ...others } = application.profile;
    // A British or Irish citizen needs no share code: one given before is not kept (UK GDPR Art. 5(1)(c)).
    const needsEvidence = !(effect.section === 'immigrationStatus' && effect.value === 'british-or-irish');
    const profile = {
      ...others,
      ...(immigrationEvidence && needsEvidence ? { immigrationEvidence } : {}),
      [effect.section]: effect.value,
    };
    return {
      ok: true,
      application: await save(deps, application, { profile, conversation }, input.prompt, input.enteredBy),
    };
  }
  if (effect.kind === 'circumstances') {
    // One question at a time into one section: the others keep their answers (or defaults, until asked).
    const circumstances = Circumstances.parse({ ...application.profile.circumstances, ...effect.value });
    // Circumstances given whole through the API are all answered: changing one here does not ask the rest.
    const answered = new Set([
      ...conversation.answered,
      ...(circumstancesGivenWhole(application) ? CIRCUMSTANCE_PROMPTS : []),
      ...(effect.settles ?? []),
    ]);
    for (const reopened of effect.reopens ?? []) answered.delete(reopened);
    return {
      ok: true,
      application: await save(
        deps,
        application,
        {
          profile: { ...application.profile, circumstances },
          conversation: { ...conversation, answered: [...answered] },
        },
        input.prompt,
        input.enteredBy,
      ),
    };
  }
  if (effect.kind === 'applicant-needs') {
    const today = isoDay(deps.clock.now());
    const household = application.profile.household.map((member) =>
      member.relationship === 'applicant'
        ? withApplicableNeeds({ ...member, ...effect.value }, today)
        : member,
    );
    return {
      ok: true,
      application: await save(
        deps,
        application,
        { profile: { ...application.profile, household }, conversation },
        input.prompt,
        input.enteredBy,
      ),
    };
  }
  if (effect.kind === 'about-you') {
    const existing = application.profile.household.find((member) => member.relationship === 'applicant');
    const about = {
      ...(existing
        ? {
            firstName: existing.firstName,
            lastName: existing.lastName,
            dateOfBirth: existing.dateOfBirth,
            sex: existing.sex,
          }
        : {}),
      ...application.conversation?.aboutYou,
      ...effect.value,
    };
    const member = aboutYouMember(about);
    const change: Partial<Application> = member
      ? {
          // All four given: the applicant's own details join the household, and the draft is gone. An
          // applicant already in the household keeps their member id and what these prompts do not ask
          // (a room of their own for a disability counts for bedrooms).
          profile: {
            ...application.profile,
            household: withApplicant(
              application.profile.household,
              existing
                ? {
                    ...existing,
                    firstName: member.firstName,
                    lastName: member.lastName,
                    dateOfBirth: member.dateOfBirth,
                    sex: member.sex,
                  }
                : member,
            ),
          },
          conversation: { answered: conversation.answered },
        }
      : { conversation: { ...conversation, aboutYou: about } };
    return { ok: true, application: await save(deps, application, change, input.prompt, input.enteredBy) };
  }
  return {
    ok: true,
    application: await save(deps, application, { conversation }, input.prompt, input.enteredBy),
  };
}

type MemberInput = { applicant: Pick<Applicant, 'subject'>; applicationId: string };

/** The last name a baby not yet named shares: the applicant's. */
const familyNameOf = (application: Application) =>
  application.profile.household.find((member) => member.relationship === 'applicant')?.lastName;

/**
 * Adds someone who will live with the applicant, from their kind (the first page) and details (the second).
 * Answers their new member id, so their needs can be asked next.
 */
export async function addMember(
  deps: ConversationDeps,
  input: MemberInput & { kind: MemberKind; form: FormAnswers },
): Promise<{ ok: true; memberId: string } | { ok: false; errors: FieldErrors }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  const result = memberPrompt(isoDay(deps.clock.now()), input.kind).answer(
    input.form,
    familyNameOf(application),
  );
  if (!result.ok) return result;
  if (result.member.relationship === 'partner' && hasOtherPartner(application.profile.household)) {
    return { ok: false, errors: [{ field: 'firstName', message: 'You have already added a partner' }] };
  }
  if (application.profile.household.length >= MAX_HOUSEHOLD) {
    return {
      ok: false,
      errors: [{ field: 'firstName', message: `A household can have at most ${MAX_HOUSEHOLD} people` }],
    };
  }
  const { household, memberId } = withNewMember(application.profile.household, result.member);
  await save(deps, application, { profile: { ...application.profile, household } }, 'household');
  return { ok: true, memberId };
}

/** Someone in the household other than the applicant (whose details are their own questions), or NotFound. */
function memberOf(application: Application, memberId: string): HouseholdMember {
  const member = application.profile.household.find((candidate) => candidate.memberId === memberId);
  if (!member || member.relationship === 'applicant')
    throw new NotFoundError('No such person in your household');
  return member;
}

/**
 * Changes someone's details, and who they are if the applicant chose another kind. They keep their member id
 * and the needs that still apply to them (a child who turns out to be 17 no longer shares a bedroom, so a
 * room of their own for a disability no longer matters).
 */
export async function changeMember(
  deps: ConversationDeps,
  input: MemberInput & { memberId: string; kind: MemberKind; form: FormAnswers },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  const existing = memberOf(application, input.memberId);
  const today = isoDay(deps.clock.now());
  const result = memberPrompt(today, input.kind).answer(input.form, familyNameOf(application));
  if (!result.ok) return result;
  if (
    result.member.relationship === 'partner' &&
    hasOtherPartner(application.profile.household, input.memberId)
  ) {
    return { ok: false, errors: [{ field: 'firstName', message: 'You have already added a partner' }] };
  }
  const { dueDate: _dueDate, ...kept } = existing;
  const changed = withApplicableNeeds(
    { ...kept, ...result.member, needsOwnRoomForDisability: existing.needsOwnRoomForDisability },
    today,
  );
  const household = application.profile.household.map((member) =>
    member.memberId === input.memberId ? changed : member,
  );
  await save(deps, application, { profile: { ...application.profile, household } }, 'household');
  return { ok: true };
}

/** Records which of the needs that can apply to a member do. */
export async function answerMemberNeeds(
  deps: ConversationDeps,
  input: MemberInput & { memberId: string; form: FormAnswers },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  const member = memberOf(application, input.memberId);
  const result = memberNeedsPrompt(member, isoDay(deps.clock.now())).answer(input.form);
  if (!result.ok) return result;
  const household = application.profile.household.map((candidate) =>
    candidate.memberId === input.memberId ? result.member : candidate,
  );
  await save(deps, application, { profile: { ...application.profile, household } }, 'household');
  return { ok: true };
}

/** Removes someone from the household; the applicant themself cannot be removed. */
export async function removeMember(
  deps: ConversationDeps,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string; memberId: string },
): Promise<void> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  memberOf(application, input.memberId);
  const household = application.profile.household.filter(
    (candidate) => candidate.memberId !== input.memberId,
  );
  await save(deps, application, { profile: { ...application.profile, household } }, 'household');
}

/** Why the answers cannot be sent yet: shown on the page, or texted, in the applicant's language. */
export const QUESTIONS_LEFT = 'Some questions are not answered yet. Answer them, then send your answers.';
export const NOT_READY_FOR_ANSWERS =
  'Your application is still getting ready for your answers. Try again in a moment.';

/**
 * Sends the answers: the applicant's decision on the Eligibility stage's wait (one token per stage, DESIGN.md
 * §1b), through the same `decide` as the API, so it is idempotent and checked the same way.
 */
export async function submitAnswers(
  deps: Parameters<typeof decide>[0] & ConversationDeps & Pick<Deps, 'waits'>,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string },
): Promise<void> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  refuseWhenSent(application);
  // Sending closes the answers for good, so one still missing could never be given: the workflow would park
  // a new answers wait that no page can answer.
  if (nextPrompt(application) !== 'check-answers') {
    throw new JourneyStateError(QUESTIONS_LEFT);
  }
  const wait = (await deps.waits.listOpen(application.applicationId)).find(
    (candidate) =>
      candidate.kind === 'answers' &&
      candidate.stage === Stage.Eligibility &&
      candidate.waitingFor === WaitingFor.Applicant,
  );
  if (!wait && application.nomination && !application.decisions.some((d) => d.stage === Stage.Eligibility)) {
    // A household its council nominated (issue 10): its workflow starts only now, when it sends the council's
    // answers as checked, so no stage decides on answers the household has not confirmed. Started first (a
    // repeat starts nothing), then the answers are closed, so a failure half-way is mended by sending again.
    await deps.workflow.startApplication(application.applicationId);
    await deps.applications.save({
      ...application,
      conversation: withAnswered(application, 'check-answers'),
    });
    return;
  }
  if (!wait) {
    throw new JourneyStateError(NOT_READY_FOR_ANSWERS);
  }
  await decide(deps, {
    decisionId: wait.decisionId,
    actor: { kind: 'applicant', subject: input.applicant.subject },
    body: { decision: 'submitted' },
  });
  // The workflow starts work on the answers at once and may write the application in between: read again.
  for (let attempt = 1; ; attempt += 1) {
    const latest = await ownedApplication(deps, input.applicant.subject, input.applicationId);
    if (latest.conversation?.answered.includes('check-answers')) return;
    try {
      await deps.applications.save({ ...latest, conversation: withAnswered(latest, 'check-answers') });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
}

/**
 * After the answers were sent, the Documents stage waits on the applicant again when no identity document was
 * good enough (unreadable, or not matching the answers). Once a new one is read cleanly and confirmed, this
 * answers that wait, through the same `decide` as every other answer. Nothing waits: a JourneyStateError.
 */
export async function sendNewDocument(
  deps: Parameters<typeof decide>[0] & ConversationDeps & Pick<Deps, 'waits'>,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string },
): Promise<void> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const wait = (await deps.waits.listOpen(application.applicationId)).find(
    (candidate) =>
      candidate.kind === 'answers' &&
      candidate.stage !== Stage.Eligibility &&
      candidate.waitingFor === WaitingFor.Applicant,
  );
  if (!wait)
    throw new JourneyStateError(
      'Nothing is waiting for a new document. Look at your application to see what happens next.',
    );
  await decide(deps, {
    decisionId: wait.decisionId,
    actor: { kind: 'applicant', subject: input.applicant.subject },
    body: { decision: 'submitted' },
  });
}
