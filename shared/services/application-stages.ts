import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { type Application, ApplicationId, type Decision, latestDecision } from '../domain/application.js';
import { bedroomNeed } from '../domain/bedrooms.js';
import { assessEligibility } from '../domain/eligibility.js';
import { pickHome } from '../domain/letting.js';
import type { Policy } from '../domain/policy.js';
import { assessQualification } from '../domain/qualification.js';
import { register } from '../domain/registration.js';
import { type ApplicationStage, Stage } from '../domain/stage.js';
import { policyFor } from '../policies.js';
import { JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';

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

type StageDeps = Pick<Deps, 'applications' | 'audit' | 'clock'>;

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
    decided = decide(application, policyFor(application.policyId), now);
  } catch (error) {
    // Nothing is written: the workflow asks the applicant, then runs the stage again.
    if (error instanceof MissingAnswer && asksApplicant.has(stage)) {
      return { applicationId: application.applicationId, stage, outcome: 'needs-answers' };
    }
    throw error;
  }
  const { decision, patch } = decided;

  const previous = latestDecision(application, stage);
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
  }
  return { applicationId: application.applicationId, stage, outcome: decision.outcome };
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
    const need = bedroomNeed(application.profile.household, now.slice(0, 10));
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

/**
 * Documents, today's honest minimum: records each upload's declared kind, type and size. Nothing is read yet,
 * and the reasons say so; without an identity document an officer is asked to help.
 */
export function documents(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Documents, (application, policy, now) => {
    const identity = application.documents.filter(
      (document) =>
        (document.kind === 'passport' || document.kind === 'driving-licence') &&
        document.status !== 'rejected',
    );
    const reasons = application.documents.map((document) => ({
      rule: 'documents.received',
      clause: 'UK GDPR Art. 5(1)(c) (only the documents we need)',
      text: `We have your ${document.kind.replace('-', ' ')} (${document.contentType}, ${(document.sizeBytes / 1_048_576).toFixed(1)} MB). We have not read it automatically yet; an officer will check it.`,
      answer: document.documentId,
    }));
    const policyVersion = `${policy.policyId}@${policy.version}`;
    if (identity.length === 0) {
      return {
        decision: {
          stage: Stage.Documents,
          outcome: 'refer',
          reasons: [
            ...reasons,
            {
              rule: 'documents.identity-missing',
              clause: 'Housing Act 1996 s166(1A) (the information an application needs)',
              text: 'We need a passport or a photocard driving licence to confirm who you are. An officer will help you if you do not have one.',
            },
          ],
          inputs: {
            documents: application.documents.map((document) => `${document.kind}:${document.status}`),
          },
          policyVersion,
          decidedBy: 'system',
          decidedAt: now,
          next: 'An officer will contact you about proving who you are.',
        },
      };
    }
    return {
      decision: {
        stage: Stage.Documents,
        outcome: 'recorded',
        reasons,
        inputs: { documents: application.documents.map((document) => `${document.kind}:${document.status}`) },
        policyVersion,
        decidedBy: 'system',
        decidedAt: now,
        next: 'Next we check your details against your documents.',
      },
    };
  });
}

/**
 * Verification compares what was typed with what was read from an identity document. Reading arrives with the
 * documents issue; until a document has been read, an officer verifies, and the reason says why.
 */
export function verification(deps: StageDeps, input: StageInput): Promise<StageResult> {
  return decideStage(deps, input, Stage.Verification, (application, policy, now) => {
    const applicant = applicantOf(application);
    const read = application.documents.find((document) => document.status === 'read' && document.readFields);
    const base = {
      stage: Stage.Verification,
      policyVersion: `${policy.policyId}@${policy.version}`,
      decidedBy: 'system' as const,
      decidedAt: now,
    };
    if (!read?.readFields) {
      return {
        decision: {
          ...base,
          outcome: 'refer',
          reasons: [
            {
              rule: 'verification.not-read',
              clause: 'Housing Act 1996 s166(1A)',
              text: 'We could not read your identity document automatically, so an officer will compare it with your answers.',
            },
          ],
          inputs: { documentsRead: 0 },
          next: 'An officer will check your documents, usually within 5 working days.',
        },
      };
    }
    const fields = read.readFields;
    const typedName = `${applicant.firstName} ${applicant.lastName}`.toUpperCase();
    const mismatches = [
      fields.surname && fields.surname.value.toUpperCase() !== applicant.lastName.toUpperCase()
        ? 'surname'
        : undefined,
      fields.dateOfBirth && fields.dateOfBirth.value !== applicant.dateOfBirth ? 'date of birth' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (mismatches.length > 0) {
      return {
        decision: {
          ...base,
          outcome: 'refer',
          reasons: mismatches.map((field) => ({
            rule: 'verification.mismatch',
            clause: 'Housing Act 1996 s166(1A)',
            text: `The ${field} on your document is not the same as the one you gave us. An officer will look at it with you.`,
          })),
          inputs: { document: read.documentId, mismatches },
          next: 'An officer will contact you to sort out the difference.',
        },
      };
    }
    return {
      decision: {
        ...base,
        outcome: 'verified',
        reasons: [
          {
            rule: 'verification.match',
            clause: 'Housing Act 1996 s166(1A)',
            text: `Your name and date of birth match your ${read.kind.replace('-', ' ')}.`,
            answer: typedName,
          },
        ],
        inputs: { document: read.documentId },
        next: 'Next we put you on the housing register.',
      },
    };
  });
}

/** Registration: band and effective date; reports whether a home fits now, so a Letting can start at once. */
export async function registration(
  deps: StageDeps & Pick<Deps, 'lettings'>,
  input: StageInput,
): Promise<StageResult> {
  const result = await decideStage(deps, input, Stage.Registered, (application, policy, now) => {
    const need = bedroomNeed(application.profile.household, now.slice(0, 10));
    const { registration: registered, decision } = register({
      need,
      currentHome: answer(application.profile.currentHome, 'current home'),
      policy,
      decidedAt: now,
    });
    // A changed household changes the band and bedroom need; the effective date stays the first registration's.
    const effectiveDate = application.registration?.effectiveDate ?? registered.effectiveDate;
    return { decision, patch: { registration: { ...registered, effectiveDate }, status: 'registered' } };
  });
  const application = await deps.applications.get(input.applicationId);
  if (!application?.registration) throw new JourneyStateError('Registration did not record a band');
  const homes = await deps.lettings.listAvailableHomes(application.landlordId);
  const match = pickHome(homes, {
    bedroomNeed: application.registration.bedroomNeed,
    landlordId: application.landlordId,
  });
  return { ...result, homeAvailable: match !== undefined };
}
