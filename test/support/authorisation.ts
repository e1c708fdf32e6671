import type { LettingsLogRecord } from '../../shared/domain/lettings-log';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import type { AuditEvent } from '../../shared/ports';
import { registration } from '../../shared/services/application-stages';
import { documentKey } from '../../shared/services/documents';
import { issueKeys } from '../../shared/services/keys';
import { createNomination } from '../../shared/services/nominations';
import { requestCode, verifyCode } from '../../shared/services/sessions';
import { signedAgreementKey } from '../../shared/services/tenancy-documents';
import { awaitPerson } from '../../shared/services/waits';
import { aCompleteApplication, aHome, referral } from '../fixtures/applications';
import { aLetting } from '../fixtures/lettings';
import { darrenCole } from '../fixtures/nominations';
import { type MemoryDeps, memoryDeps } from './memory';

/**
 * The world of the authorisation matrices (issue 8; test/unit/functions and test/unit/web): one case of
 * Riverside Homes, and everyone who might try to reach it.
 */

export const applicationId = 'app_0123456789abcdef0123456789abcdef';
export const propertyId = 'prop_riverside-14';

/**
 * Who calls: nobody, the applicant who owns the case (Gareth), another applicant (Aisha), an officer of another
 * landlord (a senior one, so no role of theirs explains a refusal), an account of the landlord with no officer
 * role, and an officer and a senior officer of the landlord.
 */
export const CALLERS = [
  'nobody',
  'applicant',
  'anotherApplicant',
  'anotherLandlordsOfficer',
  'noRoleAccount',
  'officer',
  'seniorOfficer',
] as const;
export type Caller = (typeof CALLERS)[number];
export type OfficerCaller = Extract<
  Caller,
  'anotherLandlordsOfficer' | 'noRoleAccount' | 'officer' | 'seniorOfficer'
>;
export const isApplicant = (caller: Caller) => caller === 'applicant' || caller === 'anotherApplicant';
export const isOfficerAccount = (caller: Caller): caller is OfficerCaller =>
  caller !== 'nobody' && !isApplicant(caller);

/** The verified ID-token claims of each officer account (the groups as a list, as a verified token has them). */
export const officerAccounts: Record<
  OfficerCaller,
  { sub: string; 'custom:landlordId': string; 'cognito:groups': string[] }
> = {
  anotherLandlordsOfficer: {
    sub: 'officer-jones',
    'custom:landlordId': 'cwm-valley-homes',
    'cognito:groups': ['officer', 'senior-officer'],
  },
  noRoleAccount: { sub: 'clerk-morgan', 'custom:landlordId': 'riverside-homes', 'cognito:groups': [] },
  officer: { sub: 'officer-ellis', 'custom:landlordId': 'riverside-homes', 'cognito:groups': ['officer'] },
  seniorOfficer: {
    sub: 'officer-price',
    'custom:landlordId': 'riverside-homes',
    'cognito:groups': ['officer', 'senior-officer'],
  },
};

export function aLettingsLogRecord(landlordId: string, tenancyId: string, caseId: string): LettingsLogRecord {
  return {
    landlordId,
    tenancyId,
    offerId: `off_${tenancyId.slice(4)}`,
    applicationId: caseId,
    propertyId,
    letDate: '2026-11-20',
    householdSize: 4,
    under16: 2,
    aged16to24: 0,
    aged25to64: 2,
    aged65plus: 0,
    householdEarns: 'unknown',
    homelessnessDuty: 'none',
    previousTenure: 'private-rent',
    bedrooms: 2,
    postcode: 'RV2 7QT',
    tenancyKind: 'assured-tenancy',
    tenancyStartDate: '2026-11-20',
    term: 'periodic',
    weeklyRentPence: 11_250,
    sourceOfLet: 'housing-register',
  };
}

/**
 * Riverside's registered household (Gareth's), with a referral whose review Gareth asked for, his passport's
 * image, a wait for an officer, a wait escalated to a senior officer, a wait for Gareth, a home (advertised) and a letting
 * in the lettings log; Aisha is another signed-in applicant with no case here. `let`: the same case later on,
 * let, its tenancy signed and its key issued.
 */
export async function aCaseWorld(kind: 'registered' | 'let' = 'registered') {
  const deps: MemoryDeps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  const signIn = async (email: string) => {
    await requestCode(deps, { email });
    return verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  };
  const gareth = await signIn('gareth.pritchard@example.org');
  const aisha = await signIn('aisha.rahman@example.org');
  if (kind === 'let') {
    const { offerId, tenancyId } = await aLetting(deps, { ownerId: gareth.subject });
    await issueKeys(deps, { applicationId, offerId });
    await deps.documents.put(
      signedAgreementKey(tenancyId),
      Buffer.from('%PDF-1.7 signed'),
      'application/pdf',
    );
  } else {
    await deps.applications.create(
      aCompleteApplication({
        ownerId: gareth.subject,
        decisions: [referral],
        reviewRequests: [
          { decision: 0, reason: 'I have lived here for two years', requestedAt: '2026-11-03T10:00:00.000Z' },
        ],
      }),
    );
    await registration(deps, { applicationId });
    await deps.lettings.putHome(aHome());
    // Advertised for choice-based lettings this week.
    await deps.lettings.putAdvert({
      propertyId: aHome().propertyId,
      landlordId: aHome().landlordId,
      advertisedOn: '2026-11-29',
      closesOn: '2026-12-06',
    });
  }
  await deps.documents.put(
    documentKey(applicationId, 'doc_passport1'),
    Buffer.from('passport'),
    'image/jpeg',
  );
  const park = async (stage: Stage, kind: 'review' | 'attention' | 'answers', waitingFor: WaitingFor) =>
    (
      await awaitPerson(deps, {
        applicationId,
        stage,
        kind,
        waitingFor,
        taskToken: `AQCEAAAAKgAAAAMAAAAAAAAAA${kind}${waitingFor}`,
      })
    ).decisionId;
  const stage = (await deps.applications.get(applicationId))?.stage ?? Stage.Registered;
  const officerWait = await park(Stage.Verification, 'review', WaitingFor.Officer);
  const seniorWait = await park(Stage.Qualification, 'attention', WaitingFor.SeniorOfficer);
  const applicantWait = await park(stage, 'answers', WaitingFor.Applicant);
  await deps.lettings.putLettingsLog(
    aLettingsLogRecord('riverside-homes', 'ten_riverside0000001', applicationId),
  );
  await deps.lettings.putLettingsLog(
    aLettingsLogRecord('cwm-valley-homes', 'ten_cwmvalley0000001', 'app_fedcba9876543210fedcba9876543210'),
  );
  // A partner council's nomination to the case's landlord (issue 10), awaiting the landlord's decision.
  const { nominationId } = await createNomination(deps, { councilId: 'riverside-council' }, darrenCole);
  await requestCode(deps, { email: 'new.person@example.org' });
  const newcomerCode = deps.notifier.sent.at(-1)?.values.code ?? '';
  return {
    deps,
    sessions: { applicant: gareth.token, anotherApplicant: aisha.token },
    officerWait,
    seniorWait,
    applicantWait,
    newcomerCode,
    nominationId,
  };
}
export type CaseWorld = Awaited<ReturnType<typeof aCaseWorld>>;

/**
 * Where an officer's reason is kept, followed from the audit event of their action. The audit log keeps
 * pseudonymous ids and non-personal facts only (shared/ports.ts), so an event names the officer (`officerId`)
 * and points at the record that keeps their words.
 */
export type ReasonFollower = (deps: MemoryDeps, event: AuditEvent) => Promise<string | undefined>;

/** A reason given on a wait: kept on the decided wait, which the event names by `decisionId`. */
export const reasonOnTheWait: ReasonFollower = async (deps, event) => {
  const reason = (await deps.waits.get(String(event.facts?.decisionId)))?.decision?.reason;
  return typeof reason === 'string' ? reason : undefined;
};

/** An override's reason: on the application's decision record the event names by `decisionRecord`. */
export const reasonOnTheDecision: ReasonFollower = async (deps, event) =>
  (await deps.applications.get(event.applicationId))?.decisions[Number(event.facts?.decisionRecord)]?.reasons
    .map((reason) => reason.text)
    .join(' ');

/** A review's reasons: on the review request of the decision the event names by `decision`. */
export const reasonOnTheReview: ReasonFollower = async (deps, event) =>
  (await deps.applications.get(event.applicationId))?.reviewRequests?.find(
    (request) => request.decision === event.facts?.decision,
  )?.outcome?.reason;

/**
 * Asserts the audit trail of an officer's action: an event names the officer, it leads to their reason when
 * the action took one, and no event copies the reason (free text may name people, and the audit log outlives
 * erasure of the application: DESIGN.md §6).
 */
export async function expectOfficerAudited(
  deps: MemoryDeps,
  input: { what: string; officerId: string; reason?: string; follow?: ReasonFollower },
) {
  const events = deps.audit.events.filter(
    (event) => event.actor === 'officer' && event.facts?.officerId === input.officerId,
  );
  if (events.length === 0) {
    throw new Error(`${input.what} succeeded but no audit event names the officer (facts.officerId)`);
  }
  if (input.reason === undefined) return;
  const follow = input.follow;
  if (!follow) throw new Error(`${input.what} takes a reason: say how its audit event leads to it`);
  const found = await Promise.all(events.map((event) => follow(deps, event)));
  expect(found.some((text) => text?.includes(input.reason ?? ''))).toBe(true);
  expect(JSON.stringify(deps.audit.events)).not.toContain(input.reason);
}
