import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import {
  type Application,
  ApplicationId,
  type Decision,
  type DocumentRecord,
  latestDecision,
} from '../domain/application.js';
import { allocationBedroomNeed } from '../domain/bedrooms.js';
import { isoDay } from '../domain/dates.js';
import { DOCUMENT_CATALOGUE, isFormsKind } from '../domain/documents.js';
import { assessEligibility } from '../domain/eligibility.js';
import { checkEvidence } from '../domain/evidence-check.js';
import {
  type IdentityProblem,
  identityProblems,
  nameMatchOf,
  numberOnAnotherApplication,
  problemReasons,
  unsureNameProblems,
} from '../domain/identity-check.js';
import { pickHome } from '../domain/letting.js';
import type { NameMatch } from '../domain/names.js';
import type { Policy } from '../domain/policy.js';
import { assessQualification } from '../domain/qualification.js';
import { register } from '../domain/registration.js';
import { type ApplicationStage, Stage, stageTitles } from '../domain/stage.js';
import { sha256Hex } from '../ids.js';
import { policyFor } from '../policies.js';
import { JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { syncRegister } from './register-index.js';

/** What the Application workflow passes to every stage task. */
export const StageInput = z.object({ applicationId: ApplicationId });
export type StageInput = z.infer<typeof StageInput>;

/**
 * What every stage task returns to the workflow: small, no personal data (it lands in execution history).
 * 'needs-answers': the applicant has not given every answer the stage needs yet, so nothing was decided and
 * the Application workflow waits for their answers (workflows/application.ts).
 */
export interface StageResult {
  applicationId: string;
  stage: ApplicationStage;
  outcome: Decision['outcome'] | 'needs-answers';
  homeAvailable?: boolean;
}

type StageDeps = Pick<Deps, 'applications' | 'audit' | 'clock' | 'notifier'>;

/** An answer the applicant has not given yet: the applicant can mend it, so it is not a failure. */
class MissingAnswer extends JourneyStateError {}

/**
 * Stages the Application workflow follows with an applicant answers wait. Verification and registration have
 * none: there a missing answer stays a JourneyStateError, which parks the case for an officer.
 */
const asksApplicant: ReadonlySet<ApplicationStage> = new Set([
  Stage.Eligibility,
  Stage.Qualification,
  Stage.Household,
  Stage.Documents,
]);

/**
 * Runs one stage's decision and records it. Idempotent: a retried invocation that reaches the same decision
 * from the same answers writes nothing new, so a Step Functions Retry never duplicates a decision.
 */
async function decideStage(
  deps: StageDeps,
  input: StageInput,
  stage: ApplicationStage,
  decide: (
    application: Application,
    policy: Policy,
    now: string,
  ) => { decision: Decision; patch?: Partial<Application> },
): Promise<StageResult> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const now = deps.clock.now().toISOString();
  let decided: ReturnType<typeof decide>;
  try {
    decided = decide(application, policyOf(application), now);
  } catch (error) {
    // Nothing is written: the workflow asks the applicant, then runs the stage again.
    if (error instanceof MissingAnswer && asksApplicant.has(stage)) {
      return { applicationId: application.applicationId, stage, outcome: 'needs-answers' };
    }
    throw error;
  }
  const { decision, patch } = decided;

  // An officer let a referral through (UK GDPR Art. 22: a person decides): a re-run on the same answers, after
  // a restart or a retry, keeps the officer's decision instead of referring again.
  const latest = latestDecision(application, stage);
  const lastSystem = application.decisions.findLast(
    (candidate) => candidate.stage === stage && candidate.decidedBy === 'system',
  );
  if (
    latest?.decidedBy === 'officer' &&
    latest.outcome !== 'refer' &&
    lastSystem !== undefined &&
    isDeepStrictEqual(lastSystem.inputs, decision.inputs)
  ) {
    return { applicationId: application.applicationId, stage, outcome: latest.outcome };
  }

  const previous = lastSystem;
  const unchanged =
    previous !== undefined &&
    previous.outcome === decision.outcome &&
    isDeepStrictEqual(previous.inputs, decision.inputs) &&
    (patch === undefined ||
      Object.entries(patch).every(([key, value]) =>
        isDeepStrictEqual(application[key as keyof Application], value),
      ));
  if (!unchanged) {
    await deps.applications.save({
      ...application,
      ...patch,
      decisions: [...application.decisions, decision],
      updatedAt: now,
    });
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'decision',
      stage,
      actor: 'system',
      facts: { outcome: decision.outcome, rules: decision.reasons.map((reason) => reason.rule).join(' ') },
    });
    // Every decision reaches the applicant (issue 9), not only those that ask them for something: the stage and
    // its outcome, never the reasons (they may name people; the status page shows them behind sign-in).
    await deps.notifier.send({
      to: { applicationId: application.applicationId },
      template: 'decision',
      values: { stage: stageTitles[stage], outcome: decision.outcome },
    });
  }
  return { applicationId: application.applicationId, stage, outcome: decision.outcome };
}

/**
 * The allocation policy an application was made under. A stored application naming a policy Doorstep does not
 * have cannot be decided: a JourneyStateError (not retried) parks it for an officer with the reason.
 */
function policyOf(application: Application): Policy {
  try {
    return policyFor(application.policyId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new JourneyStateError(
      `Application ${application.applicationId} names the allocation policy "${application.policyId}", which Doorstep does not have: an officer must move it to a current policy before it can be decided`,
    );
  }
}

function answer<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingAnswer(`The ${what} answer is missing`);
  return value;
}

function applicantOf(application: Application) {
  return answer(
    application.profile.household.find((member) => member.relationship === 'applicant'),
    'applicant details',
  );
}

export function eligibility(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Eligibility, (application, policy, now) => ({
    decision: assessEligibility({
      immigrationStatus: answer(application.profile.immigrationStatus, 'immigration status'),
      policy,
      decidedAt: now,
    }),
  }));
}

export function qualification(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Qualification, (application, policy, now) => ({
    decision: assessQualification({
      applicant: applicantOf(application),
      localConnection: answer(application.profile.localConnection, 'local connection'),
      // England's income and savings caps need the answer; Wales has no such rule (s160A(7)).
      income:
        policy.jurisdiction === 'england' &&
        (policy.qualification.incomeCapYearly !== null || policy.qualification.savingsCap !== null)
          ? answer(application.profile.income, 'income')
          : application.profile.income,
      circumstances: application.profile.circumstances,
      policy,
      decidedAt: now,
    }),
  }));
}

export function household(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Household, (application, policy, now) => {
    applicantOf(application);
    // The current home is asked with the household (bedrooms now against bedrooms needed).
    const currentHome = answer(application.profile.currentHome, 'current home');
    const need = allocationBedroomNeed({
      household: application.profile.household,
      on: now.slice(0, 10),
      policy,
    });
    return {
      decision: {
        stage: Stage.Household,
        outcome: 'recorded',
        reasons: need.reasons,
        inputs: {
          members: application.profile.household.length,
          bedroomNeed: need.bedrooms,
          currentBedrooms: currentHome.bedrooms,
        },
        policyVersion: `${policy.policyId}@${policy.version}`,
        decidedBy: 'system',
        decidedAt: now,
        next: `Your household needs ${need.bedrooms} bedroom${need.bedrooms === 1 ? '' : 's'}. Next we ask for your documents.`,
      },
    };
  });
}

/** How many identity uploads the applicant gets before an officer takes over the checking. */
const IDENTITY_ATTEMPTS = 3;
const INFORMATION_CLAUSE = 'Housing Act 1996 s166(1A) (the information an application needs)';

const isIdentity = (document: DocumentRecord) =>
  document.kind === 'passport' || document.kind === 'driving-licence';
const identityKind = (document: DocumentRecord) =>
  document.kind === 'driving-licence' ? ('driving-licence' as const) : ('passport' as const);

/** What the applicant is told about each document, in plain English. */
function documentReason(document: DocumentRecord) {
  const kind = document.kind.replace('-', ' ');
  const text =
    document.problem ??
    {
      declared: `We are waiting for your ${kind} to arrive.`,
      uploaded: `We have your ${kind}. An officer will check it.`,
      read: `We read your ${kind} and it matches your answers.`,
      rejected: `We could not accept your ${kind}.`,
      deleted: `Your ${kind} was deleted when the time we keep it for ended.`,
    }[document.status];
  return {
    rule: `documents.${document.status}`,
    clause: 'UK GDPR Art. 5(1)(c) (only the documents we need)',
    text,
    answer: document.documentId,
  };
}

/**
 * Documents: the applicant's identity document must have arrived. A passport photo is read as it arrives
 * (see services/documents.ts); while it was rejected or does not match the answers, the applicant is asked
 * again (another photo or a corrected answer), up to three uploads; an unreadable one goes on to an officer.
 */
export function documents(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Documents, (application, policy, now) => {
    const identity = application.documents.filter(isIdentity);
    // Nothing to prove who they are yet: ask for it (an upload), writing nothing.
    if (identity.length === 0) answer(undefined, 'identity document');
    const good = identity.find((document) => document.status === 'read' && !document.problem);
    const settled = identity.filter((document) => document.status !== 'declared');
    const canTryAgain = settled.length < IDENTITY_ATTEMPTS;
    // A document that arrived but is not read automatically (a photo that could not be read, a licence, a PDF)
    // goes on for an officer to check; so does anything after three tries.
    const awaitingOfficer = identity.some((document) => document.status === 'uploaded');
    if (!good && canTryAgain && !awaitingOfficer) answer(undefined, 'identity document');
    // An officer asked for another document: wait until one proving the same arrives after the request.
    const stillAsked = application.documents.find(
      (asked) =>
        asked.replacementAskedAt !== undefined &&
        !application.documents.some(
          (later) =>
            later.declaredAt > (asked.replacementAskedAt ?? '') &&
            later.status !== 'declared' &&
            later.status !== 'rejected' &&
            DOCUMENT_CATALOGUE[later.kind].proves.some((proof) =>
              DOCUMENT_CATALOGUE[asked.kind].proves.includes(proof),
            ),
        ),
    );
    if (stillAsked) answer(undefined, `another ${DOCUMENT_CATALOGUE[stillAsked.kind].name.toLowerCase()}`);
    return {
      decision: {
        stage: Stage.Documents,
        outcome: 'recorded',
        reasons: application.documents.map(documentReason),
        inputs: { documents: application.documents.map((document) => `${document.kind}:${document.status}`) },
        policyVersion: `${policy.policyId}@${policy.version}`,
        decidedBy: 'system',
        decidedAt: now,
        next: 'Next we check your details against your documents.',
      },
    };
  });
}

/**
 * The fingerprint of an identity document's number: sha256 of its kind, issuing state and number. Only
 * equality is ever asked of it ("is this number on another application?"), so the number itself need not be
 * stored twice: it stays on its own application's document record and goes when that is erased, and no key,
 * log line or metric carries it. No secret pepper: passport numbers are few enough to enumerate, so the hash
 * is a pseudonym, not anonymisation; but whoever can read the claim can read the application item holding
 * the number in clear, so a pepper would add a secret to manage without hiding anything more. The kind and
 * state keep a licence and a passport (or two states' passports) with the same digits apart.
 */
export function documentNumberFingerprint(kind: string, issuingState: string, number: string): string {
  const clean = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return sha256Hex(`${kind}|${clean(issuingState)}|${clean(number)}`);
}

/**
 * Claims the number of each identity document read with valid check digits and matching the answers (a
 * misread number, or someone else's passport, must not take a number), and returns the ids of the documents whose number another application claimed first.
 */
async function numbersOnOtherApplications(
  deps: StageDeps,
  applicationId: string,
  today: string,
): Promise<Set<string>> {
  const application = await deps.applications.get(applicationId);
  const applicant = application?.profile.household.find((member) => member.relationship === 'applicant');
  const threshold = application ? policyOf(application).evidence.confidenceThreshold : 1;
  const elsewhere = new Set<string>();
  for (const document of application?.documents.filter(isIdentity) ?? []) {
    const field = (name: string) => document.readFields?.[name]?.value ?? '';
    // A passport's number is trusted when its check digits hold; a licence's (which has none) when it read
    // clearly, its driver number having been checked against its surname and birth date as it was read.
    const numberTrusted =
      document.kind === 'passport'
        ? field('checkDigitsValid') === 'true'
        : (document.readFields?.documentNumber?.confidence ?? 0) >= threshold;
    // Only a document that matches the applicant's answers now claims its number: a wrong or someone else's
    // passport uploaded by mistake must not hold the number against its real holder (found in review).
    if (
      document.status !== 'read' ||
      !applicant ||
      identityProblems(document.readFields ?? {}, applicant, today, identityKind(document)).length > 0 ||
      !field('documentNumber') ||
      !numberTrusted
    )
      continue;
    const fingerprint = documentNumberFingerprint(
      document.kind,
      field('issuingState'),
      field('documentNumber'),
    );
    const holder = await deps.applications.claimDocumentNumber(fingerprint, applicationId);
    if (holder !== applicationId) elsewhere.add(document.documentId);
  }
  return elsewhere;
}

/**
 * Verification compares what was typed with what was read from a passport's machine-readable zone: the name
 * (tolerantly: domain/names.ts), date of birth, expiry and check digits; and that no other application
 * already holds the same passport or licence number. Anything it cannot confirm goes to an officer, with the
 * reason and what to do; it never refuses on its own (UK GDPR Art. 22).
 */
export async function verification(deps: StageDeps, input: StageInput): Promise<StageResult> {
  const elsewhere = await numbersOnOtherApplications(deps, input.applicationId, isoDay(deps.clock.now()));
  return decideStage(deps, input, Stage.Verification, (application, policy, now) => {
    const applicant = applicantOf(application);
    const base = {
      stage: Stage.Verification,
      policyVersion: `${policy.policyId}@${policy.version}`,
      decidedBy: 'system' as const,
      decidedAt: now,
    };
    const read = application.documents.filter(
      (document) => isIdentity(document) && document.status === 'read' && document.readFields,
    );
    const unsureName = (document: DocumentRecord) =>
      document.kind === 'passport'
        ? unsureNameProblems(document.readFields ?? {}, applicant, policy.evidence.confidenceThreshold)
        : [];
    const checked = read.map((document) => ({
      document,
      problems: [
        ...identityProblems(document.readFields ?? {}, applicant, now.slice(0, 10), identityKind(document)),
        ...unsureName(document),
        ...(elsewhere.has(document.documentId)
          ? [numberOnAnotherApplication(document.kind, document.readFields?.documentNumber?.value ?? '')]
          : []),
      ],
    }));
    const match = checked.find((candidate) => candidate.problems.length === 0);
    const evidence = evidenceFindings(application, policy, now.slice(0, 10));
    const evidenceProblems = evidence.flatMap((finding) => finding.problems);
    if (match && evidenceProblems.length > 0) {
      // Who they are checks out; what a payslip, statement or bill shows does not (or could not be read).
      return {
        decision: {
          ...base,
          outcome: 'refer',
          reasons: evidenceProblems,
          inputs: {
            document: match.document.documentId,
            evidence: evidence.map((finding) => `${finding.document.kind}:${finding.document.documentId}`),
          },
          next: `An officer will check your documents within ${policy.waits.officerDecisionDays} days. If one of your answers was wrong, tell the officer when they contact you; if a photo was unclear, they will ask you for another.`,
        },
      };
    }
    if (match) {
      return {
        decision: {
          ...base,
          outcome: 'verified',
          reasons: [
            {
              rule: 'verification.match',
              clause: INFORMATION_CLAUSE,
              text: `Your name, date of birth and the check digits on your ${match.document.kind.replace('-', ' ')} match your answers, and it has not expired.`,
              answer: `${applicant.firstName} ${applicant.lastName}`,
            },
            ...tolerance(nameMatchOf(match.document.readFields ?? {}, applicant)),
            ...evidence.map((finding) => ({
              rule: 'verification.evidence',
              clause: INFORMATION_CLAUSE,
              text: `Your ${DOCUMENT_CATALOGUE[finding.document.kind].name.toLowerCase()}: ${finding.confirmed.join(' ')}`,
              answer: finding.document.documentId,
            })),
          ],
          inputs: {
            document: match.document.documentId,
            expiry: match.document.readFields?.expiryDate?.value,
          },
          next: 'Next we put you on the housing register.',
        },
      };
    }
    const latest = checked.at(-1);
    if (latest) {
      return {
        decision: {
          ...base,
          outcome: 'refer',
          reasons: problemReasons(latest.problems),
          inputs: {
            document: latest.document.documentId,
            problems: latest.problems.map((problem) => problem.field),
          },
          next: referralNext(latest.document, latest.problems, policy.waits.officerDecisionDays),
        },
      };
    }
    return {
      decision: {
        ...base,
        outcome: 'refer',
        reasons: [
          {
            rule: 'verification.not-read',
            clause: INFORMATION_CLAUSE,
            text: 'We could not read your identity document automatically, so an officer will compare it with your answers.',
          },
        ],
        inputs: { documentsRead: 0 },
        next: `An officer will check your documents within ${policy.waits.officerDecisionDays} days.`,
      },
    };
  });
}

/**
 * What each payslip, statement, award letter or bill says against the answers (domain/evidence-check.ts): read
 * ones are checked, ones that arrived but could not be read go to an officer. Identity documents are checked
 * by the verification stage itself.
 */
function evidenceFindings(application: Application, policy: Policy, today: string) {
  return application.documents.flatMap((document) => {
    const { kind } = document;
    if (!isFormsKind(kind) || isIdentity(document)) return [];
    const name = DOCUMENT_CATALOGUE[kind].name.toLowerCase();
    if (document.status === 'uploaded') {
      return [
        {
          document,
          confirmed: [],
          problems: [
            {
              rule: 'verification.evidence.not-read',
              clause: INFORMATION_CLAUSE,
              // A long PDF read later (Textract's job in AWS) may still be being read: say so, not that it failed.
              text: document.readingJob
                ? `Your ${name} was still being read when we checked your answers, so an officer will check it.`
                : `We could not read your ${name} automatically, so an officer will check it.`,
              answer: document.documentId,
            },
          ],
        },
      ];
    }
    if (document.status !== 'read' || !document.readFields) return [];
    const check = checkEvidence({ kind, fields: document.readFields, application, policy, today });
    return [
      {
        document,
        confirmed: check.confirmed,
        problems: check.problems.map((problem) => ({
          rule: `verification.evidence.${problem.field}`,
          clause: INFORMATION_CLAUSE,
          text: problem.text,
          answer: document.documentId,
        })),
      },
    ];
  });
}

/**
 * What happens next after a referral, and what the applicant can do meanwhile: the reasons say what each
 * difference is; this says who acts and by when (the officer's wait has the policy's deadline).
 */
function referralNext(document: DocumentRecord, problems: IdentityProblem[], days: number): string {
  const kind = document.kind === 'driving-licence' ? 'driving licence' : 'passport';
  if (problems.every((problem) => problem.field === 'document number')) {
    return `An officer will contact you within ${days} days to check the ${kind} number. You do not need to do anything yet.`;
  }
  if (problems.every((problem) => problem.field === 'name clarity')) {
    return `An officer will compare the photo of your ${kind} with your answers within ${days} days. You do not need to do anything yet.`;
  }
  return `An officer will compare your ${kind} with your answers within ${days} days. If one of your answers was wrong, tell the officer when they contact you; if the photo was unclear, they will ask you for another.`;
}

/** A name that matched only once the MRZ's rules were allowed for is recorded, so an officer can see why. */
function tolerance(name: NameMatch) {
  return name.level === 'tolerant'
    ? [
        {
          rule: 'verification.name-tolerant',
          clause: 'ICAO Doc 9303 Part 3 §6 (names in the MRZ)',
          text: name.reason,
        },
      ]
    : [];
}

/**
 * A registered household's registration and the day it first joined the register (its first registered
 * decision), for re-banding after a change (domain/registration.ts `reband`).
 */
function previousRegistration(application: Application) {
  if (!application.registration) return undefined;
  const first = application.decisions.find(
    (decision) => decision.stage === Stage.Registered && decision.outcome === 'registered',
  );
  return {
    registration: application.registration,
    registeredOn: first?.decidedAt.slice(0, 10) ?? application.registration.effectiveDate,
  };
}

/** Registration: band and effective date; reports whether a home fits now, so a Letting can start at once. */
export async function registration(
  deps: StageDeps & Pick<Deps, 'lettings'>,
  input: StageInput,
): Promise<StageResult> {
  const result = await decideStage(deps, input, Stage.Registered, (application, policy, now) => {
    const need = allocationBedroomNeed({
      household: application.profile.household,
      on: now.slice(0, 10),
      policy,
    });
    const { registration: registered, decision } = register({
      need,
      currentHome: answer(application.profile.currentHome, 'current home'),
      circumstances: application.profile.circumstances,
      localConnection: application.profile.localConnection,
      policy,
      decidedAt: now,
      previous: previousRegistration(application),
    });
    return { decision, patch: { registration: registered, status: 'registered' } };
  });
  const application = await deps.applications.get(input.applicationId);
  if (!application?.registration) throw new JourneyStateError('Registration did not record a band');
  await syncRegister(deps.applications, application);
  const homes = await deps.lettings.listAvailableHomes(application.landlordId);
  const match = pickHome(homes, {
    bedroomNeed: application.registration.bedroomNeed,
    landlordId: application.landlordId,
    policy: policyFor(application.policyId),
  });
  return { ...result, homeAvailable: match !== undefined };
}
