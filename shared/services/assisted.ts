import * as z from 'zod';
import type { Application } from '../domain/application.js';
import {
  answersAreOpen,
  type FormAnswers,
  nextPrompt,
  type Prompt,
  type PromptId,
  promptsFor,
  readDate,
} from '../domain/conversation.js';
import { addDays, isoDay } from '../domain/dates.js';
import { type AuditEvent, JourneyStateError, NotFoundError } from '../ports.js';
import { answerPrompt, type FieldErrors } from './conversation.js';
import type { Actor } from './decisions.js';
import type { Deps } from './deps.js';

/**
 * Assisted digital (issue 9): an officer continues an application for an applicant who cannot use the web or
 * texts (by phone, or in person at the office), only once the applicant's consent is recorded: how it was given
 * and on what day, in the audit log with the officer's id. Each answer then goes through the same
 * `answerPrompt` as the applicant's own, and its audit event says it was entered by that officer on the
 * applicant's behalf, so the applicant sees in their record that an officer helped.
 */

type Officer = Extract<Actor, { kind: 'officer' }>;
type AssistDeps = Pick<Deps, 'applications' | 'audit' | 'clock'>;

/** How an applicant can agree to an officer continuing their application. */
export const CONSENT_WAYS = [
  { value: 'phone', text: 'On the phone' },
  { value: 'in-person', text: 'In person' },
  { value: 'letter', text: 'In a letter or email they sent us' },
] as const;
export type ConsentWay = (typeof CONSENT_WAYS)[number]['value'];

/** Consent covers a week: longer, and the officer asks again (the applicant may have changed their mind). */
export const ASSISTANCE_CONSENT_DAYS = 7;

/** Prompts an officer answers on the web for the applicant: the photo, the household page and sending are theirs. */
const APPLICANT_ONLY: ReadonlySet<PromptId> = new Set(['household', 'identity-document', 'check-answers']);

/** The application, if it is the officer's landlord's: another landlord's case is a 404, like a missing one. */
async function caseOf(deps: Pick<Deps, 'applications'>, officer: Officer, applicationId: string) {
  const application = await deps.applications.get(applicationId);
  if (!application || application.landlordId !== officer.landlordId)
    throw new NotFoundError('No such application');
  return application;
}

export type ConsentResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Records the applicant's consent for the officer to continue their application: how they gave it, and the day
 * (today or in the last week, never ahead), with the officer confirming they agreed. Nothing is written when
 * anything is missing or wrong; each problem comes back for the field it is about.
 */
export async function recordAssistanceConsent(
  deps: AssistDeps,
  input: { officer: Officer; applicationId: string; form: FormAnswers },
): Promise<ConsentResult> {
  const application = await caseOf(deps, input.officer, input.applicationId);
  if (!answersAreOpen(application)) {
    throw new JourneyStateError(
      'The answers have been sent, so there is nothing left to continue for the applicant.',
    );
  }
  const today = isoDay(deps.clock.now());
  const errors: FieldErrors = [];
  const way = z.enum(CONSENT_WAYS.map((option) => option.value)).safeParse(input.form.how);
  if (!way.success) errors.push({ field: 'how', message: 'Select how the applicant agreed' });
  const given = readDate(input.form, 'givenOn', 'the day they agreed', today);
  if (typeof given !== 'string') errors.push({ field: 'givenOn', message: given.message });
  else if (given < addDays(today, -ASSISTANCE_CONSENT_DAYS)) {
    errors.push({
      field: 'givenOn',
      message: `The day they agreed must be in the last ${ASSISTANCE_CONSENT_DAYS} days: ask the applicant again`,
    });
  }
  if (input.form.confirmed !== 'yes') {
    errors.push({ field: 'confirmed', message: 'Confirm the applicant agreed that you answer for them' });
  }
  if (errors.length > 0 || !way.success || typeof given !== 'string') return { ok: false, errors };
  await deps.audit.append({
    applicationId: application.applicationId,
    at: deps.clock.now().toISOString(),
    type: 'assistance-consent',
    stage: application.stage,
    actor: 'officer',
    facts: { officerId: input.officer.officerId, how: way.data, givenOn: given },
  });
  return { ok: true };
}

/** The consent that lets this officer answer now: the newest recorded, if it was given in the last week. */
function liveConsent(events: readonly AuditEvent[], today: string): AuditEvent | undefined {
  const newest = events.findLast((event) => event.type === 'assistance-consent');
  const givenOn = newest?.facts?.givenOn;
  return typeof givenOn === 'string' && givenOn >= addDays(today, -ASSISTANCE_CONSENT_DAYS)
    ? newest
    : undefined;
}

export type AssistedStep =
  | { kind: 'consent-needed' }
  | { kind: 'ask'; application: Application; prompt: Prompt }
  | { kind: 'applicant-only'; application: Application; prompt: PromptId }
  | { kind: 'done'; application: Application };

/**
 * What the officer can do next for the applicant: record consent first; then the applicant's next question,
 * unless it is one only the applicant can answer (their photo, the household page, sending the answers).
 */
export async function assistedStep(
  deps: AssistDeps,
  input: { officer: Officer; applicationId: string },
): Promise<AssistedStep> {
  const application = await caseOf(deps, input.officer, input.applicationId);
  const today = isoDay(deps.clock.now());
  if (!answersAreOpen(application)) return { kind: 'done', application };
  if (!liveConsent(await deps.audit.list(application.applicationId), today))
    return { kind: 'consent-needed' };
  const prompt = nextPrompt(application);
  if (!prompt) return { kind: 'done', application };
  if (APPLICANT_ONLY.has(prompt)) return { kind: 'applicant-only', application, prompt };
  return { kind: 'ask', application, prompt: promptsFor(today)[prompt] };
}

/**
 * Answers one of the applicant's prompts for them, with their consent live: the same checks and writes as the
 * applicant's own answer, audited as entered by this officer on the applicant's behalf.
 */
export async function answerForApplicant(
  deps: AssistDeps,
  input: { officer: Officer; applicationId: string; prompt: PromptId; form: FormAnswers },
): Promise<{ ok: true; application: Application } | { ok: false; errors: FieldErrors }> {
  const application = await caseOf(deps, input.officer, input.applicationId);
  if (!liveConsent(await deps.audit.list(application.applicationId), isoDay(deps.clock.now()))) {
    throw new JourneyStateError(
      `Record the applicant's consent before answering for them (it covers ${ASSISTANCE_CONSENT_DAYS} days).`,
    );
  }
  if (APPLICANT_ONLY.has(input.prompt)) {
    throw new JourneyStateError(
      'Only the applicant can do this part: their photo, their household page, and sending.',
    );
  }
  return answerPrompt(deps, {
    applicant: { subject: application.ownerId },
    applicationId: application.applicationId,
    prompt: input.prompt,
    form: input.form,
    enteredBy: { officerId: input.officer.officerId },
  });
}

/** Whether an officer answered for the applicant: the days they did, for the applicant's own record. */
export function assistedDays(events: readonly AuditEvent[]): string[] {
  return [
    ...new Set(
      events
        .filter((event) => event.type === 'answered' && event.facts?.onBehalfOfApplicant === true)
        .map((event) => event.at.slice(0, 10)),
    ),
  ];
}
