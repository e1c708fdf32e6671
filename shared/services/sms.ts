import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Application } from '../domain/application.js';
import {
  answersAreOpen,
  hasOtherPartner,
  MAX_HOUSEHOLD,
  MemberKind,
  memberNeedsPrompt,
  nextPrompt,
  type PromptId,
  promptsFor,
} from '../domain/conversation.js';
import { isoDay } from '../domain/dates.js';
import {
  householdStep,
  keywordOf,
  type MemberStep,
  maskedMobile,
  nextStep,
  plainText,
  renderField,
  renderSendAnswers,
  renderWebOnly,
  SEND_WORDS,
  START_WORDS,
  STOP_WORDS,
  type TextState,
  type Translate,
  textFields,
  ukMobile,
  WEB_ONLY_PROMPTS,
} from '../domain/sms.js';
import { translate } from '../i18n/index.js';
import {
  type InboundText,
  JourneyStateError,
  NotFoundError,
  type PhoneLink,
  SignInRefusedError,
} from '../ports.js';
import type { Applicant } from './applications.js';
import { changeConsent } from './consents.js';
import { addMember, answerMemberNeeds, answerPrompt, submitAnswers } from './conversation.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';
import { admitCode, phoneKeyFor, SIGN_IN, secretsOf } from './sessions.js';

/**
 * The conversation by text message (issue 9). An applicant links their mobile to their application with a
 * one-time code sent to it and typed on the web; from then on, texts from that mobile answer that application's
 * questions, one field at a time (domain/sms.ts), through the same `answerPrompt` as the web, so every answer is
 * checked, saved and audited the same way. A text from a mobile not linked acts on nothing.
 */

/** What the conversation by text needs: sending the answers resumes the workflow, as the web's Send does. */
type SmsDeps = Pick<
  Deps,
  | 'applications'
  | 'audit'
  | 'clock'
  | 'messaging'
  | 'phones'
  | 'sessions'
  | 'waits'
  | 'workflow'
  | 'lettings'
  | 'notifier'
> &
  Partial<Pick<Deps, 'sessionSecrets'>>;

/** Where the web journey is, for links in texts (`https://doorstep.example`, or the local server's URL). */
export interface WebLinks {
  web: string;
}

/** The subject a link code is counted and kept under: one per phone, whoever asks. */
const linkCodeSubject = (phoneKey: string) => `link_${phoneKey}`;

/** A link code is good only for the applicant and application that asked for it. */
const linkCodeHash = (codeKey: string, salt: string, bound: string, code: string) =>
  createHmac('sha256', codeKey).update(`${salt}:link:${bound}:${code}`).digest();

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export type PhoneLinkRequest = { ok: true; masked: string } | { ok: false; message: string };

/**
 * Sends a code to the mobile the applicant typed, to prove they hold it. Limited like sign-in codes, counted
 * per mobile (whoever asks), so nobody can flood someone else's phone.
 */
export async function requestPhoneLink(
  deps: SmsDeps,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string; phone: string },
): Promise<PhoneLinkRequest> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  if (!textsAreSafe(application)) return { ok: false, message: TEXTS_NOT_SAFE };
  const phone = ukMobile(input.phone);
  if (!phone) {
    return {
      ok: false,
      message:
        input.phone.trim() === ''
          ? 'Enter your mobile number'
          : 'Enter a UK mobile number, like 07700 900982',
    };
  }
  const secrets = secretsOf(deps);
  const phoneKey = phoneKeyFor(phone, secrets.subjectSalt);
  await admitCode(deps, phoneKey, 'number');
  const now = deps.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('base64url');
  const expiresAt = epochSeconds(now) + SIGN_IN.codeLifetimeSeconds;
  const bound = `${input.applicant.subject}:${input.applicationId}`;
  await deps.sessions.putCode({
    subject: linkCodeSubject(phoneKey),
    codeId: randomBytes(12).toString('base64url'),
    salt,
    codeHash: linkCodeHash(secrets.codeKey, salt, bound, code).toString('base64url'),
    attempts: 0,
    createdAt: now.toISOString(),
    expiresAt,
  });
  await deps.messaging.sendText({
    to: phone,
    body: `${code} is your code to answer your Doorstep application by text. It works for 10 minutes. Do not share it with anyone.`,
    discardAfter: new Date(expiresAt * 1000).toISOString(),
  });
  return { ok: true, masked: maskedMobile(phone) };
}

/**
 * Links the mobile once the applicant types the code sent to it: every try counts, a code works once, and only
 * for the applicant and application that asked. Then the first question not yet answered is texted.
 */
export async function confirmPhoneLink(
  deps: SmsDeps,
  input: {
    applicant: Pick<Applicant, 'subject'>;
    applicationId: string;
    phone: string;
    code: string;
    links: WebLinks;
  },
): Promise<void> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const phone = ukMobile(input.phone);
  const code = input.code.replace(/\s+/g, '');
  if (!phone || !/^\d{6}$/.test(code))
    throw new SignInRefusedError('The code is the 6 digits in the text we sent you.');
  const secrets = secretsOf(deps);
  const phoneKey = phoneKeyFor(phone, secrets.subjectSalt);
  const subject = linkCodeSubject(phoneKey);
  const live = await deps.sessions.attemptCode(subject, SIGN_IN.attemptsPerCode, deps.clock.now());
  if (!live) {
    throw new SignInRefusedError(
      'That code has expired, has been used or has been tried too many times. Ask for a new code.',
    );
  }
  const expected = Buffer.from(live.codeHash, 'base64url');
  const given = linkCodeHash(
    secrets.codeKey,
    live.salt,
    `${input.applicant.subject}:${input.applicationId}`,
    code,
  );
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    if (live.attempts >= SIGN_IN.attemptsPerCode) await deps.sessions.spendCode(subject, live.codeId);
    throw new SignInRefusedError(
      'That code is not right. Check the 6 digits in the newest text we sent you.',
    );
  }
  if (!(await deps.sessions.spendCode(subject, live.codeId))) {
    throw new SignInRefusedError('That code has already been used. Ask for a new code.');
  }
  const now = deps.clock.now().toISOString();
  const link: PhoneLink = {
    phoneKey,
    subject: input.applicant.subject,
    applicationId: input.applicationId,
    linkedAt: now,
    stopped: false,
    version: 0,
  };
  await deps.phones.put(link);
  await deps.audit.append({
    applicationId: input.applicationId,
    at: now,
    type: 'phone-linked',
    stage: application.stage,
    actor: 'applicant',
  });
  await askNext(deps, { ...link, version: 0 }, application, phone, input.links);
}

/** Texts in the language the applicant chose on the web (Welsh Language Standards), English until they choose. */
const inLanguageOf =
  (application: Pick<Application, 'language'>): Translate =>
  (english) =>
    translate(application.language ?? 'en', english);

/** The link to the web page that asks a prompt. */
function promptLink(links: WebLinks, applicationId: string, prompt: PromptId): string {
  const base = `${links.web}/applications/${applicationId}`;
  if (prompt === 'identity-document') return `${base}/documents/new`;
  if (prompt === 'check-answers') return `${base}/check-answers`;
  return `${base}/questions/${prompt}`;
}

/**
 * Whether texts are safe for the applicant (safe contact, issue 9): unless they said texts are not, for example
 * because someone they are leaving reads their phone. The conversation's texts answer what the applicant has
 * just done (linked their phone, texted), so safe times of day do not hold them back; "not safe" stops them all.
 */
export const textsAreSafe = (application: Pick<Application, 'contactSafety'>) =>
  !application.contactSafety || application.contactSafety.safe.includes('text');

export const TEXTS_NOT_SAFE =
  'You told us text messages are not safe for you. To answer by text, first change how we can contact you safely';

/** A text the applicant's safe-contact choice kept from being sent: in the audit log, with why, never what. */
const withheld = (deps: SmsDeps, application: Application) =>
  deps.audit.append({
    applicationId: application.applicationId,
    at: deps.clock.now().toISOString(),
    type: 'text-withheld',
    actor: 'system',
    facts: { reason: 'text-not-safe' },
  });

/** Texts what the application needs next, and remembers which field was asked. */
async function askNext(
  deps: SmsDeps,
  link: PhoneLink,
  application: Application,
  phone: string,
  links: WebLinks,
  lead?: string,
): Promise<void> {
  if (!textsAreSafe(application)) {
    await deps.phones.save({ ...link, asking: undefined });
    await withheld(deps, application);
    return;
  }
  const t = inLanguageOf(application);
  const prompt = nextPrompt(application);
  const prefix = lead ? `${t(lead)}\n` : '';
  if (!prompt) {
    await deps.phones.save({ ...link, asking: undefined });
    await deps.messaging.sendText({
      to: phone,
      body: `${prefix}${t(
        answersAreOpen(application)
          ? 'There is nothing to answer by text now.'
          : 'Your answers have been sent.',
      )} ${t(`See what happens next at ${links.web}/applications/${application.applicationId}/status`)}`,
    });
    return;
  }
  if (prompt === 'household') {
    await askHouseholdStep(deps, link, application, phone, { step: 'more' }, { prefix });
    return;
  }
  if (prompt === 'check-answers') {
    await deps.phones.save({ ...link, asking: { prompt, field: 0, form: {} } });
    await deps.messaging.sendText({
      to: phone,
      body: `${prefix}${renderSendAnswers(promptLink(links, application.applicationId, prompt), t)}`,
    });
    return;
  }
  const asked = promptsFor(isoDay(deps.clock.now()))[prompt];
  const fields = textFields(asked, application);
  if (WEB_ONLY_PROMPTS.has(prompt) || fields.length === 0) {
    await deps.phones.save({ ...link, asking: undefined });
    await deps.messaging.sendText({
      to: phone,
      body: `${prefix}${renderWebOnly(asked, promptLink(links, application.applicationId, prompt), t)}`,
    });
    return;
  }
  await deps.phones.save({ ...link, asking: { prompt, field: 0, form: {} } });
  await deps.messaging.sendText({
    to: phone,
    body: `${prefix}${renderField(asked, fields, 0, undefined, t)}`,
  });
}

/** What a text from a mobile not linked to any application is answered: how to link one, nothing else. */
export const notLinked = (links: WebLinks) =>
  `This number is not linked to a Doorstep application. To answer your application by text, sign in at ${links.web}/sign-in and choose 'Answer your questions by text message'.`;

/**
 * Takes a text from a mobile. The same message delivered twice is taken once. STOP stops every text to the
 * mobile (End User Messaging's opt-out list answers it in AWS) until START; HELP asks the question again. From
 * a mobile not linked, nothing is read or changed: the reply says how to link one.
 */
export async function receiveText(deps: SmsDeps, inbound: InboundText, links: WebLinks): Promise<void> {
  if (!(await deps.phones.claimInbound(inbound.messageId, deps.clock.now()))) return;
  const phone = ukMobile(inbound.from);
  const phoneKey = phone ? phoneKeyFor(phone, secretsOf(deps).subjectSalt) : undefined;
  const link = phoneKey ? await deps.phones.get(phoneKey) : undefined;
  const keyword = keywordOf(inbound.body);
  if (STOP_WORDS.has(keyword)) {
    if (link && !link.stopped) {
      await deps.phones.save({ ...link, stopped: true });
      await deps.audit.append({
        applicationId: link.applicationId,
        at: deps.clock.now().toISOString(),
        type: 'texts-stopped',
        actor: 'applicant',
      });
      // STOP is also a withdrawal of consent to texts about the application, given by text (issue 9).
      try {
        await changeConsent(deps, {
          actor: { kind: 'applicant', subject: link.subject, via: 'sms' },
          applicationId: link.applicationId,
          use: 'text-messages',
          given: false,
        });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return;
  }
  if (!link || !phone || !phoneKey) {
    // Once a day at most, and only to a UK mobile: a number texting again and again costs nothing but itself.
    if (!phone || !phoneKey) return;
    const admitted = await deps.sessions.admitCodeRequest(
      `unlinked_${phoneKey}`,
      { limit: 1, windowSeconds: 24 * 60 * 60 },
      deps.clock.now(),
    );
    if (admitted.admitted) await deps.messaging.sendText({ to: phone, body: notLinked(links) });
    return;
  }
  if (link.stopped && !START_WORDS.has(keyword)) return;

  let application: Application;
  try {
    application = await ownedApplication(deps, link.subject, link.applicationId);
  } catch (error) {
    // The application is gone (erased after its retention period): the link acts on nothing.
    if (error instanceof NotFoundError) {
      await deps.messaging.sendText({ to: phone, body: notLinked(links) });
      return;
    }
    throw error;
  }
  // Texts are not safe for the applicant now: nothing texted is read, and nothing is texted back.
  if (!textsAreSafe(application)) {
    await withheld(deps, application);
    return;
  }
  const current = link.stopped ? { ...link, stopped: false } : link;
  if (link.stopped) {
    // START undoes STOP: texts about the application again, consent given by text, as STOP withdrew it.
    await deps.audit.append({
      applicationId: link.applicationId,
      at: deps.clock.now().toISOString(),
      type: 'texts-started',
      actor: 'applicant',
    });
    await changeConsent(deps, {
      actor: { kind: 'applicant', subject: link.subject, via: 'sms' },
      applicationId: link.applicationId,
      use: 'text-messages',
      given: true,
    });
  }
  const prompt = nextPrompt(application);
  const asking = current.asking as TextState | undefined;
  // Starting again, asking again, or answered on the web since the question was texted: ask what is next now.
  if (link.stopped || keyword === 'HELP' || !prompt || !asking || asking.prompt !== prompt) {
    await askNext(deps, current, application, phone, links);
    return;
  }

  if (prompt === 'check-answers') {
    await sendByText(deps, current, application, phone, links, keyword);
    return;
  }
  if (prompt === 'household' && asking.member) {
    await householdByText(
      deps,
      current,
      application,
      phone,
      { ...asking, member: asking.member },
      inbound.body,
    );
    return;
  }
  const asked = promptsFor(isoDay(deps.clock.now()))[prompt];
  const fields = textFields(asked, application);
  const step = nextStep(asked, fields, asking, inbound.body);
  if (step.kind === 'ask') {
    await deps.phones.save({ ...current, asking: step.state });
    await deps.messaging.sendText({
      to: phone,
      body: renderField(asked, fields, step.state.field, step.error, inLanguageOf(application)),
    });
    return;
  }
  const result = await answerPrompt(deps, {
    applicant: { subject: link.subject },
    applicationId: link.applicationId,
    prompt,
    form: step.form,
  });
  if (!result.ok) {
    const first = result.errors[0];
    const index = Math.max(
      0,
      fields.findIndex((field) => field.name === first?.field),
    );
    await deps.phones.save({ ...current, asking: { prompt, field: index, form: {} } });
    await deps.messaging.sendText({
      to: phone,
      body: renderField(asked, fields, index, first?.message, inLanguageOf(application)),
    });
    return;
  }
  await askNext(deps, current, result.application, phone, links, 'Thank you.');
}

/**
 * The reply to "Reply SEND to send your answers": SEND sends them through the same `submitAnswers` as the web
 * page's button (the Eligibility stage's wait decided, the workflow resumed, idempotent), then texts what happens
 * next. A reason they cannot be sent yet ("try again in a moment") is texted as the web page would show it;
 * anything else asks again.
 */
async function sendByText(
  deps: SmsDeps,
  link: PhoneLink,
  application: Application,
  phone: string,
  links: WebLinks,
  keyword: string,
): Promise<void> {
  if (!SEND_WORDS.has(keyword)) {
    await askNext(deps, link, application, phone, links);
    return;
  }
  try {
    await submitAnswers(deps, {
      applicant: { subject: link.subject },
      applicationId: application.applicationId,
    });
  } catch (error) {
    if (!(error instanceof JourneyStateError)) throw error;
    await deps.messaging.sendText({ to: phone, body: plainText(inLanguageOf(application)(error.message)) });
    return;
  }
  const sent = await ownedApplication(deps, link.subject, application.applicationId);
  await askNext(deps, { ...link, asking: undefined }, sent, phone, links, 'Thank you.');
}

/** How a household step is asked: after a prefix ("Thank you."), at a field with why the last reply was not right. */
interface HouseholdAsking {
  prefix?: string;
  /** The field asked (default the step's first). */
  field?: number;
  error?: string | undefined;
  /** The step's answers kept so far. */
  form?: TextState['form'];
}

/** Texts a household step's first field (or the field `asking.field`, with why the last reply was not right). */
async function askHouseholdStep(
  deps: SmsDeps,
  link: PhoneLink,
  application: Application,
  phone: string,
  member: MemberStep,
  { prefix = '', field = 0, error, form = {} }: HouseholdAsking = {},
): Promise<void> {
  const step = householdStep(member, application, isoDay(deps.clock.now()));
  await deps.phones.save({ ...link, asking: { prompt: 'household', field, form, member } });
  await deps.messaging.sendText({
    to: phone,
    body: `${prefix}${renderField(step, step.fields, field, error, inLanguageOf(application))}`,
  });
}

/**
 * Adding the people who will live with the applicant, by text: whether anyone (else) will, who they are, their
 * details and the needs that can apply to them, each through the same prompts and services as the web's
 * household pages (addMember, answerMemberNeeds), then asked again until the answer is no. Then the household
 * prompt's own question, the applicant's needs, as before.
 */
async function householdByText(
  deps: SmsDeps,
  link: PhoneLink,
  application: Application,
  phone: string,
  asking: TextState & { member: MemberStep },
  reply: string,
): Promise<void> {
  const today = isoDay(deps.clock.now());
  const member = asking.member;
  // Removed on the web while their needs were being asked by text: ask whether anyone else will live there.
  if (
    member.step === 'needs' &&
    !application.profile.household.some((candidate) => candidate.memberId === member.memberId)
  ) {
    await askHouseholdStep(deps, link, application, phone, { step: 'more' });
    return;
  }
  const step = householdStep(member, application, today);
  const next = nextStep(step.check, step.fields, asking, reply);
  if (next.kind === 'ask') {
    await askHouseholdStep(deps, link, application, phone, member, {
      field: next.state.field,
      error: next.error,
      form: next.state.form,
    });
    return;
  }
  const applicant = { subject: link.subject };
  const { applicationId } = application;
  switch (member.step) {
    case 'more': {
      if (next.form.more === 'add') {
        await askHouseholdStep(deps, link, application, phone, { step: 'kind' });
        return;
      }
      // Everyone is added: the household prompt's own question, the applicant's needs.
      await deps.phones.save({ ...link, asking: { prompt: 'household', field: 0, form: {} } });
      const asked = promptsFor(today).household;
      await deps.messaging.sendText({
        to: phone,
        body: renderField(asked, textFields(asked, application), 0, undefined, inLanguageOf(application)),
      });
      return;
    }
    case 'kind': {
      const kind = MemberKind.safeParse(next.form.kind);
      await askHouseholdStep(
        deps,
        link,
        application,
        phone,
        kind.success ? { step: 'details', kind: kind.data } : { step: 'kind' },
      );
      return;
    }
    case 'details': {
      const added = await addMember(deps, { applicant, applicationId, kind: member.kind, form: next.form });
      if (!added.ok) {
        const first = added.errors[0];
        // The household changed on the web since who they are was asked (a partner added, or it is now full):
        // no detail typed again can mend that, so who they are is asked again, with why. Told from the household
        // itself, the same rules addMember applies, not from the wording of its message.
        const household = application.profile.household;
        const refusedForHousehold =
          (member.kind === 'partner' && hasOtherPartner(household)) || household.length >= MAX_HOUSEHOLD;
        if (first && refusedForHousehold) {
          await askHouseholdStep(deps, link, application, phone, { step: 'kind' }, { error: first.message });
          return;
        }
        // A detail the service refused: asked again, the other details kept.
        const index = step.fields.findIndex((field) => field.name === first?.field);
        const wrong = step.fields[index];
        const kept = Object.fromEntries(
          Object.entries(next.form).filter(([name]) => !wrong || !name.startsWith(wrong.name)),
        ) as TextState['form'];
        await askHouseholdStep(deps, link, application, phone, member, {
          field: Math.max(0, index),
          error: first?.message,
          form: kept,
        });
        return;
      }
      const updated = await ownedApplication(deps, link.subject, applicationId);
      const person = updated.profile.household.find((candidate) => candidate.memberId === added.memberId);
      const needs = person && memberNeedsPrompt(person, today).applies;
      await askHouseholdStep(
        deps,
        link,
        updated,
        phone,
        needs ? { step: 'needs', memberId: added.memberId } : { step: 'more' },
        { prefix: `${inLanguageOf(updated)('Thank you.')}\n` },
      );
      return;
    }
    case 'needs': {
      const answered = await answerMemberNeeds(deps, {
        applicant,
        applicationId,
        memberId: member.memberId,
        form: next.form,
      });
      if (!answered.ok) {
        await askHouseholdStep(deps, link, application, phone, member, {
          error: answered.errors[0]?.message,
        });
        return;
      }
      const updated = await ownedApplication(deps, link.subject, applicationId);
      await askHouseholdStep(
        deps,
        link,
        updated,
        phone,
        { step: 'more' },
        { prefix: `${inLanguageOf(updated)('Thank you.')}\n` },
      );
      return;
    }
  }
}
