import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Application } from '../domain/application.js';
import { isoDay } from '../domain/dates.js';
import {
  CreateNominationBody,
  decisionDueBy,
  decisionReasons,
  decodeCursor,
  encodeCursor,
  ListNominationsQuery,
  type Nomination,
  NominationDecisionBody,
  NominationId,
  type NominationView,
  nominationView,
  profileFromNomination,
  WithdrawNominationBody,
} from '../domain/nominations.js';
import { ukMobile } from '../domain/sms.js';
import { Stage } from '../domain/stage.js';
import { nominationTerms, policyForLandlord } from '../policies.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { phoneKeyFor, secretsOf, subjectFor } from './sessions.js';
import { closeCase } from './waits.js';
import { failOpenWaits, withdrawApplication } from './withdrawal.js';

/**
 * Nominations from partner councils (issue 10; Housing Act 1996 s170). A council creates, reads, lists and
 * withdraws its own nominations, and only its own: another council's answers exactly like one that does not
 * exist (404), so ids cannot be probed. The landlord's officers decide them. The household is invited to sign
 * in; signing in with the invited address or mobile starts an application with the council's answers in it, to
 * check and confirm (domain/nominations.ts `profileFromNomination`).
 */

/** The council calling, as the councils handler resolved it from the access token. */
export interface NominatingCouncil {
  councilId: string;
}

type NominationDeps = Pick<
  Deps,
  'nominations' | 'applications' | 'audit' | 'notifier' | 'messaging' | 'clock'
> &
  Partial<Pick<Deps, 'sessionSecrets'>>;

/** A 400 naming the field, as a schema's failure would (the handler answers every ZodError with its issues). */
const fieldError = (path: Array<string | number>, message: string) =>
  new z.ZodError([{ code: 'custom', path, message, input: undefined }]);

const today = (deps: Pick<Deps, 'clock'>) => isoDay(deps.clock.now());

/**
 * Creates a nomination for the calling council, and invites the household: by email through the Notifier and
 * by text to the mobile, each saying who nominated them and how to start. The landlord must have a nomination
 * agreement with the council, whose days set the decision's deadline.
 */
export async function createNomination(
  deps: NominationDeps,
  council: NominatingCouncil,
  body: unknown,
): Promise<NominationView> {
  const request = CreateNominationBody.parse(body);
  const terms = nominationTerms(request.landlordId, council.councilId);
  if (!terms) {
    throw fieldError(
      ['landlordId'],
      `${request.landlordId} has no nomination agreement with your council, so it cannot take your nominations`,
    );
  }
  const { email } = request.household.contact;
  const typedPhone = request.household.contact.phone;
  const phone = typedPhone === undefined ? undefined : ukMobile(typedPhone);
  if (typedPhone !== undefined && !phone) {
    throw fieldError(
      ['household', 'contact', 'phone'],
      'Give a UK mobile number, like 07700 900982, for the text',
    );
  }
  const salt = secretsOf(deps).subjectSalt;
  // Who may take the invitation up: the subjects signing in with that address or mobile become (sessions.ts).
  const invitedSubjects = [
    ...(email ? [subjectFor(email, salt)] : []),
    ...(phone ? [`sub_${phoneKeyFor(phone, salt).slice(4)}`] : []),
  ];
  const now = deps.clock.now().toISOString();
  const nomination: Nomination = {
    nominationId: nominationIdFor(council.councilId, request.councilReference),
    councilId: council.councilId,
    landlordId: request.landlordId,
    councilReference: request.councilReference,
    household: {
      ...request.household,
      contact: { ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
    },
    agreement: {
      title: terms.agreement.title,
      councilName: terms.councilName,
      decisionDays: terms.decisionDays,
    },
    decisionDueBy: decisionDueBy(now, terms.decisionDays),
    invitedSubjects,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  try {
    await deps.nominations.create(nomination);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return nominatedAlready(deps, nomination, { email, phone });
  }
  // The nomination's own trail, under its id until the household's application exists: no personal data.
  await deps.audit.append({
    applicationId: nomination.nominationId,
    at: now,
    type: 'nominated',
    actor: 'council',
    facts: {
      councilId: council.councilId,
      landlordId: nomination.landlordId,
      decisionDueBy: nomination.decisionDueBy,
      members: request.household.members.length + 1,
    },
  });
  const invited = await invite(deps, nomination, { email, phone });
  return nominationView(invited, undefined, today(deps));
}

/**
 * One nomination per council and council reference: its id is derived from the two, so a council's retry of a
 * create that failed half-way (saved, but the invitation not sent) finds the same nomination rather than making a
 * second, whatever its Idempotency-Key. The council already knows both parts, and another council's id answers
 * 404, so the id tells nobody anything new.
 */
export function nominationIdFor(councilId: string, councilReference: string): string {
  return `nom_${createHash('sha256').update(`${councilId}\n${councilReference}`).digest('hex').slice(0, 32)}`;
}

/**
 * The council has nominated under this reference before: the same household again is that nomination (its
 * invitation sent now if it never went), another is a 409 naming the reference.
 */
async function nominatedAlready(
  deps: NominationDeps,
  nomination: Nomination,
  to: { email: string | undefined; phone: string | undefined },
): Promise<NominationView> {
  const existing = await deps.nominations.get(nomination.nominationId);
  const same = (candidate: Nomination) =>
    JSON.stringify([candidate.landlordId, candidate.household]) ===
    JSON.stringify([nomination.landlordId, nomination.household]);
  if (!existing || !same(existing)) {
    throw new ConflictError(
      `You have already nominated a household under reference ${nomination.councilReference}. Use a new reference for another nomination, or read that one with GET /v1/nominations/${nomination.nominationId}.`,
    );
  }
  const invited = existing.invitedAt ? existing : await invite(deps, existing, to);
  return nominationView(invited, await linkedApplication(deps, invited), today(deps));
}

/** Tells the household how to start, on every channel the council gave, and records when. */
async function invite(
  deps: NominationDeps,
  nomination: Nomination,
  to: { email: string | undefined; phone: string | undefined },
): Promise<Nomination> {
  const landlordName = policyForLandlord(nomination.landlordId).landlordName;
  const { councilName } = nomination.agreement;
  if (to.email) {
    await deps.notifier.send({
      to: { email: to.email },
      template: 'nomination-invitation',
      values: { councilName, landlordName, signIn: '/sign-in', signInWith: 'this email address' },
    });
  }
  if (to.phone) {
    await deps.messaging.sendText({
      to: to.phone,
      body: `${councilName} has asked ${landlordName} to offer you a home. Sign in to Doorstep with this mobile number to check the answers they gave and carry on. Reply STOP to stop texts.`,
    });
  }
  return deps.nominations.save({ ...nomination, invitedAt: deps.clock.now().toISOString() });
}

/** The council's own nomination, or a 404 for anyone else's, a missing one, or an id that is not one. */
async function councilsNomination(
  deps: Pick<Deps, 'nominations'>,
  council: NominatingCouncil,
  nominationId: string,
): Promise<Nomination> {
  const found = NominationId.safeParse(nominationId).success
    ? await deps.nominations.get(nominationId)
    : undefined;
  if (!found || found.councilId !== council.councilId) throw new NotFoundError('No such nomination');
  return found;
}

async function linkedApplication(
  deps: Pick<Deps, 'applications'>,
  nomination: Nomination,
): Promise<Application | undefined> {
  return nomination.applicationId ? deps.applications.get(nomination.applicationId) : undefined;
}

/** The council's nomination: where it is (derived from the household's application), the decision and why. */
export async function readNomination(
  deps: Pick<Deps, 'nominations' | 'applications' | 'clock'>,
  council: NominatingCouncil,
  nominationId: string,
): Promise<NominationView> {
  const nomination = await councilsNomination(deps, council, nominationId);
  return nominationView(nomination, await linkedApplication(deps, nomination), today(deps));
}

/**
 * A page of the council's nominations, newest first: `limit` 1 to 100 (25 by default), and `cursor` from the
 * previous page's `next`. A cursor this API did not give this council is a 400.
 */
export async function listNominations(
  deps: Pick<Deps, 'nominations' | 'applications' | 'clock'>,
  council: NominatingCouncil,
  query: unknown,
): Promise<{ nominations: NominationView[]; next?: string }> {
  const { limit, cursor } = ListNominationsQuery.parse(query ?? {});
  const after = cursor === undefined ? undefined : decodeCursor(cursor, council.councilId);
  if (cursor !== undefined && !after) {
    throw fieldError(
      ['cursor'],
      'The cursor is not one this API gave you: use the `next` of the page before',
    );
  }
  const page = await deps.nominations.listByCouncil(council.councilId, {
    limit,
    ...(after ? { after } : {}),
  });
  const day = today(deps);
  const nominations = await Promise.all(
    page.nominations.map(async (nomination) =>
      nominationView(nomination, await linkedApplication(deps, nomination), day),
    ),
  );
  return { nominations, ...(page.next ? { next: encodeCursor(page.next) } : {}) };
}

type WithdrawDeps = NominationDeps & Pick<Deps, 'lettings' | 'waits' | 'workflow'>;

/**
 * The council withdraws its nomination. Safe to repeat: a withdrawn one answers the same. If the household has
 * started its application, that is withdrawn too, through the applicant's own withdrawal (services/withdrawal.ts:
 * its waits end, a live offer's home passes on, the retention clock starts) and the household is told. A
 * household already housed cannot be un-nominated: a 409 says so.
 */
export async function withdrawNomination(
  deps: WithdrawDeps,
  council: NominatingCouncil,
  nominationId: string,
  body: unknown,
): Promise<NominationView> {
  const { reason } = WithdrawNominationBody.parse(body ?? {});
  let nomination = await councilsNomination(deps, council, nominationId);
  const application = await linkedApplication(deps, nomination);
  if (application?.status === 'let') {
    throw new JourneyStateError(
      'The household has been housed under this nomination, so it cannot be withdrawn',
    );
  }
  const now = deps.clock.now().toISOString();
  if (!nomination.withdrawal) {
    nomination = await deps.nominations.save({
      ...nomination,
      withdrawal: { withdrawnAt: now, by: 'council', ...(reason ? { reason } : {}) },
      updatedAt: now,
    });
    await deps.audit.append({
      applicationId: nomination.applicationId ?? nomination.nominationId,
      at: now,
      type: 'nomination-withdrawn',
      actor: 'council',
      facts: { nominationId: nomination.nominationId, reasonGiven: reason !== undefined },
    });
  }
  // Again on every repeat, so a withdrawal that failed half-way is finished by asking again.
  if (application && application.status !== 'closed') {
    await withdrawApplication(deps, {
      subject: application.ownerId,
      applicationId: application.applicationId,
      body: {},
      by: 'council',
    });
  }
  return nominationView(nomination, await linkedApplication(deps, nomination), today(deps));
}

/** The officer deciding, as the API or console resolved them. */
export interface NominationOfficer {
  officerId: string;
  landlordId: string;
}

/**
 * The landlord's decision on a nomination (s170), by one of its officers: accepted under the agreement's
 * acceptance clause, or refused on the agreement's grounds, each reason citing its clause. Deciding again the
 * same way answers the same; a different decision, or one on a withdrawn nomination, is a 409. Past the
 * agreement's deadline the decision is still recorded, marked late.
 */
type DecisionDeps = Pick<
  Deps,
  'nominations' | 'applications' | 'audit' | 'notifier' | 'clock' | 'waits' | 'workflow'
>;

export async function decideNomination(
  deps: DecisionDeps,
  officer: NominationOfficer,
  nominationId: string,
  body: unknown,
): Promise<NominationView> {
  const decision = NominationDecisionBody.parse(body);
  const found = NominationId.safeParse(nominationId).success
    ? await deps.nominations.get(nominationId)
    : undefined;
  if (!found || found.landlordId !== officer.landlordId) throw new NotFoundError('No such nomination');
  const agreement = policyForLandlord(found.landlordId).nominationAgreement;
  if (!agreement) throw new JourneyStateError('This landlord has no nomination agreement any more');
  const reasons = decisionReasons(agreement, decision);
  if (!reasons.ok) throw fieldError(['grounds'], reasons.message);
  if (found.withdrawal) throw new JourneyStateError('The council withdrew this nomination');
  if (found.decision) {
    if (found.decision.outcome === decision.outcome) {
      // Again on every repeat, so a refusal that failed half-way is finished by deciding again.
      if (found.decision.outcome === 'refused') await closeRefusedApplication(deps, found);
      return nominationView(found, await linkedApplication(deps, found), today(deps));
    }
    throw new JourneyStateError(`This nomination was ${found.decision.outcome} already`);
  }
  const started = await startedByNomination(deps, found);
  if (decision.outcome === 'refused' && started?.status === 'let')
    throw new JourneyStateError(
      'The household has been housed under this nomination, so it cannot be refused',
    );
  if (decision.outcome === 'refused' && started?.status === 'offered')
    throw new JourneyStateError(
      'The household has a live offer: withdraw the offer before refusing the nomination',
    );
  const now = deps.clock.now().toISOString();
  const day = today(deps);
  const saved = await deps.nominations.save({
    ...found,
    decision: {
      outcome: decision.outcome,
      reasons: reasons.reasons,
      decidedAt: now,
      decidedBy: officer.officerId,
      late: day > found.decisionDueBy,
    },
    updatedAt: now,
  });
  await deps.audit.append({
    applicationId: saved.applicationId ?? saved.nominationId,
    at: now,
    type: 'nomination-decided',
    actor: 'officer',
    facts: {
      nominationId: saved.nominationId,
      officerId: officer.officerId,
      outcome: decision.outcome,
      late: day > found.decisionDueBy,
      grounds: decision.outcome === 'refused' ? decision.grounds.join(',') : '',
    },
  });
  if (decision.outcome === 'refused') {
    await tellRefused(deps, saved, started);
    await closeRefusedApplication(deps, saved);
  } else if (saved.applicationId) {
    await deps.notifier.send({
      to: { applicationId: saved.applicationId },
      template: 'nomination-decided',
      values: { outcome: decision.outcome, councilName: saved.agreement.councilName },
    });
  }
  return nominationView(saved, await linkedApplication(deps, saved), day);
}

/** The household's application, when it was started from this nomination (signing in with its invitation). */
async function startedByNomination(
  deps: Pick<Deps, 'applications'>,
  nomination: Nomination,
): Promise<Application | undefined> {
  const application = await linkedApplication(deps, nomination);
  return application?.nomination?.nominationId === nomination.nominationId ? application : undefined;
}

/**
 * Tells the household the landlord refused, why in the agreement's plain words, and that their council, who
 * nominated them, is who to ask now: written to their application, or to the invited address before they
 * started one. Only the agreement's grounds, never the officer's note, which is for the council.
 */
async function tellRefused(
  deps: Pick<Deps, 'notifier'>,
  nomination: Nomination,
  application: Application | undefined,
): Promise<void> {
  const agreement = policyForLandlord(nomination.landlordId).nominationAgreement;
  const grounds = (nomination.decision?.reasons ?? [])
    .filter((reason) => reason.clause !== agreement?.title)
    .map((reason) => `${reason.text.replace(/\.$/, '')}.`)
    .join(' ');
  const email = nomination.household.contact.email;
  const to = application ? { applicationId: application.applicationId } : email ? { email } : undefined;
  if (!to) return;
  await deps.notifier.send({
    to,
    template: 'nomination-refused',
    values: {
      landlordName: policyForLandlord(nomination.landlordId).landlordName,
      councilName: nomination.agreement.councilName,
      grounds,
    },
  });
}

/**
 * Under the agreement a refusal means this landlord will not house the household through this nomination, so
 * an application started only because of it must not run on as if nothing happened: it is closed with the
 * refusal as its reason (the officer's close, services/waits.ts, which starts the retention clock and takes the
 * household off the register), and the workflow's open waits end as a withdrawal's do. Safe to repeat.
 */
async function closeRefusedApplication(deps: DecisionDeps, nomination: Nomination): Promise<void> {
  const application = await startedByNomination(deps, nomination);
  if (!application || application.status === 'let' || application.status === 'offered') return;
  const refusal = (nomination.decision?.reasons ?? [])
    .map((reason) => `${reason.text.replace(/\.$/, '')} (${reason.clause}).`)
    .join(' ');
  await closeCase(
    deps,
    {
      applicationId: application.applicationId,
      stage: application.stage,
      reason:
        `${policyForLandlord(nomination.landlordId).landlordName} refused ${nomination.agreement.councilName}’s nomination: ${refusal}`.slice(
          0,
          500,
        ),
    },
    { tell: false },
  );
  await failOpenWaits(deps, application.applicationId, 'The landlord refused the household’s nomination');
}

/** The landlord's undecided nominations for its officers, soonest due first, each saying whether it is overdue. */
export async function nominationsAwaitingDecision(
  deps: Pick<Deps, 'nominations' | 'clock'>,
  landlordId: string,
): Promise<Array<{ nomination: Nomination; overdue: boolean }>> {
  const day = today(deps);
  return (await deps.nominations.listAwaitingDecision(landlordId)).map((nomination) => ({
    nomination,
    overdue: day > nomination.decisionDueBy,
  }));
}

/**
 * The officers' queue of nominations to decide (`GET /v1/officer/nominations`): the landlord's own, soonest due
 * first, each with the household the council described (the officers decide on it), its deadline under the
 * agreement and whether it has passed, and the refusal grounds the agreement allows.
 */
export async function officerNominationQueue(deps: Pick<Deps, 'nominations' | 'clock'>, landlordId: string) {
  const agreement = policyForLandlord(landlordId).nominationAgreement;
  const waiting = await nominationsAwaitingDecision(deps, landlordId);
  return {
    nominations: waiting.map(({ nomination, overdue }) => ({
      nominationId: nomination.nominationId,
      councilName: nomination.agreement.councilName,
      councilReference: nomination.councilReference,
      createdAt: nomination.createdAt,
      decisionDueBy: nomination.decisionDueBy,
      overdue,
      household: nomination.household,
      ...(nomination.applicationId ? { applicationId: nomination.applicationId } : {}),
    })),
    refusalGrounds: agreement?.refusalGrounds ?? [],
  };
}

/**
 * The application a nomination becomes, by id: the same nomination always makes the same id, so two sign-ins
 * racing (email and mobile, two tabs) create it once, and the loser finds it made.
 */
export const applicationIdFor = (nominationId: string) =>
  `app_${createHash('sha256').update(`nomination:${nominationId}`).digest('hex').slice(0, 32)}`;

/**
 * Takes up the invitations of a signed-in household: for each open nomination inviting their subject (not
 * withdrawn, not refused, not taken up), an application with the council's answers in its profile and the
 * questions they answer marked answered. Its workflow is not started here: it starts when the household sends
 * the answers (services/conversation.ts `submitAnswers`; `POST /v1/applications` through the API), so no stage
 * decides on the council's answers before the household has checked them. Answers the applications made, and is
 * safe to repeat.
 */
export async function claimNominations(
  deps: Pick<Deps, 'nominations' | 'applications' | 'audit' | 'clock'>,
  applicant: { subject: string },
): Promise<string[]> {
  const claimed: string[] = [];
  for (const nomination of await deps.nominations.listInvited(applicant.subject)) {
    if (nomination.withdrawal || nomination.decision?.outcome === 'refused') continue;
    if (nomination.applicationId) continue;
    const applicationId = applicationIdFor(nomination.nominationId);
    const policy = policyForLandlord(nomination.landlordId);
    const { profile, answered, prefilled } = profileFromNomination(nomination.household);
    const now = deps.clock.now().toISOString();
    try {
      await deps.applications.create({
        applicationId,
        landlordId: nomination.landlordId,
        ownerId: applicant.subject,
        policyId: policy.policyId,
        stage: Stage.Eligibility,
        status: 'in-progress',
        profile,
        documents: [],
        decisions: [],
        conversation: { answered },
        nomination: {
          nominationId: nomination.nominationId,
          councilName: nomination.agreement.councilName,
          prefilled,
        },
        createdAt: now,
        updatedAt: now,
        version: 0,
      });
      await deps.audit.append({
        applicationId,
        at: now,
        type: 'started',
        stage: Stage.Eligibility,
        actor: 'applicant',
        facts: {
          landlordId: nomination.landlordId,
          policyId: policy.policyId,
          nominationId: nomination.nominationId,
        },
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Made already by a sign-in racing this one: theirs if the same household, else not ours to take.
      const made = await deps.applications.get(applicationId);
      if (made?.ownerId !== applicant.subject) continue;
    }
    try {
      await deps.nominations.save({ ...nomination, applicationId, claimedAt: now, updatedAt: now });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    claimed.push(applicationId);
  }
  return claimed;
}
