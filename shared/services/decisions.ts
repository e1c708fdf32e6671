import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import type { Decision } from '../domain/application.js';
import { DOCUMENT_CATALOGUE } from '../domain/documents.js';
import { Stage, stageTitles, WaitingFor } from '../domain/stage.js';
import {
  ConflictError,
  JourneyStateError,
  NotFoundError,
  type PendingWait,
  type WaitKind,
} from '../ports.js';
import type { Deps } from './deps.js';
import { approveOffer } from './letting-stages.js';
import { recordTenantSignature } from './tenant-signature.js';

/**
 * People answering waits (DESIGN.md §1b): the API's side of a human step. Kept apart from the workflow's side
 * (services/waits.ts), which parks them. A signature is only recorded here; the signing stage applies it.
 */

/** The answers each kind of wait accepts. */
const reason = z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500);
export const DecisionBodies = {
  answers: z.object({ decision: z.literal('submitted') }),
  // "another" (checking documents only) names the document to replace; the reason is what the applicant reads.
  // One object, not a union, so a bad decision and a bad reason are both reported.
  review: z
    .object({
      decision: z.enum(['proceed', 'close', 'another']),
      reason,
      documentId: z
        .string()
        .regex(/^doc_[0-9A-Za-z]{1,60}$/, 'Choose the document to ask for again')
        .exactOptional(),
    })
    .superRefine((body, context) => {
      if (body.decision === 'another' && body.documentId === undefined)
        context.addIssue({
          code: 'custom',
          path: ['documentId'],
          message: 'Choose the document to ask for again',
        });
      if (body.decision !== 'another' && body.documentId !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['documentId'],
          message: 'Only "another" names a document',
        });
    }),
  attention: z.object({ decision: z.enum(['retry', 'close']), reason }),
  approval: z.object({ decision: z.enum(['approve', 'reject']), reason }),
  response: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept') }),
    z.object({ decision: z.literal('refuse'), reason }),
  ]),
  signature: z.object({ decision: z.literal('signed'), termsSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
} satisfies Record<WaitKind, z.ZodType>;

/** What Step Functions (and the local engine) answer for a task token nobody is waiting on any more. */
export const NO_LONGER_WAITING = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);

/**
 * Who is acting: a signed-in applicant (their pseudonymous subject, from the session), or an officer of a
 * landlord with roles (from the verified token's claims).
 */
export type Actor =
  | { kind: 'applicant'; subject: string }
  | {
      kind: 'officer';
      officerId: string;
      landlordId: string;
      roles: readonly ('officer' | 'senior-officer')[];
    };

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Why someone signed in cannot answer a wait of their own case: whose decision it is. */
const WRONG_ROLE: Record<WaitingFor, string> = {
  [WaitingFor.Applicant]: 'This step waits for the applicant’s answer, not an officer’s',
  [WaitingFor.Officer]: 'This decision is for an officer to make',
  [WaitingFor.SeniorOfficer]: 'This decision waits for a senior officer: ask a senior officer to make it',
};

async function mayAct(
  deps: Pick<Deps, 'applications'>,
  actor: Actor,
  wait: PendingWait,
): Promise<'yes' | 'not-theirs' | 'wrong-role'> {
  if (actor.kind === 'applicant') {
    // An applicant acts only on the application they own.
    const application = await deps.applications.get(wait.applicationId);
    if (application?.ownerId !== actor.subject) return 'not-theirs';
    return wait.waitingFor === WaitingFor.Applicant ? 'yes' : 'wrong-role';
  }
  if (actor.landlordId !== wait.landlordId) return 'not-theirs';
  if (wait.waitingFor === WaitingFor.Applicant) return 'wrong-role';
  if (wait.waitingFor === WaitingFor.SeniorOfficer && !actor.roles.includes('senior-officer'))
    return 'wrong-role';
  return 'yes';
}

/**
 * A person answers a wait. Idempotent: the same answer to an already decided wait returns the same result,
 * and a wait can be claimed by one request only, so a double click never resumes the workflow twice.
 */
export async function decide(
  deps: Pick<Deps, 'waits' | 'workflow' | 'audit' | 'clock' | 'applications' | 'lettings' | 'notifier'>,
  input: { decisionId: string; actor: Actor; body: unknown },
): Promise<{ decisionId: string; decision: Record<string, unknown> }> {
  const wait = await deps.waits.get(input.decisionId);
  // Another party's wait answers exactly like a missing one (object-level authorisation, no enumeration).
  if (!wait) throw new NotFoundError('No decision with that id');
  const permission = await mayAct(deps, input.actor, wait);
  if (permission === 'not-theirs') throw new NotFoundError('No decision with that id');
  if (permission === 'wrong-role') throw new ForbiddenError(WRONG_ROLE[wait.waitingFor]);

  const decision = DecisionBodies[wait.kind].parse(input.body) as Record<string, unknown>;
  if (wait.status === 'decided') {
    // Compared by value: DynamoDB does not keep the order of a map's keys, so JSON text would differ.
    if (isDeepStrictEqual(wait.decision, decision)) return { decisionId: wait.decisionId, decision };
    throw new ConflictError('This decision has already been made');
  }
  const claimed = await deps.waits.claim(wait.decisionId);
  if (!claimed) throw new ConflictError('Someone else is making this decision');
  try {
    if (wait.kind === 'signature' && wait.offerId) {
      // The tenant's intent to sign these exact terms; the workflow's signing stage applies it to the PDF.
      await recordTenantSignature(deps, {
        applicationId: wait.applicationId,
        offerId: wait.offerId,
        termsSha256: String(decision.termsSha256),
      });
    }
    if (wait.kind === 'review' && decision.decision === 'proceed' && input.actor.kind === 'officer') {
      await recordOfficerProceed(deps, wait, String(decision.reason));
    }
    if (wait.kind === 'approval' && decision.decision === 'approve' && wait.offerId) {
      // The offer goes live here, before the workflow moves on: of simultaneous approvals of one home, one wins.
      await approveOffer(deps, {
        applicationId: wait.applicationId,
        offerId: wait.offerId,
        ...(input.actor.kind === 'officer' ? { officerId: input.actor.officerId } : {}),
      });
    }
    if (wait.kind === 'review' && decision.decision === 'another') {
      await askForAnotherDocument(deps, wait, String(decision.documentId), String(decision.reason));
    }
    const decidedBy = input.actor.kind === 'applicant' ? 'applicant' : 'officer';
    await deps.workflow.resume(claimed.taskToken, { ...decision, decidedBy });
  } catch (error) {
    if (NO_LONGER_WAITING.has((error as Error).name)) {
      // The workflow moved on without this answer (the wait timed out or was replaced): close it for good.
      await deps.waits.complete(wait.decisionId, { noLongerWaiting: true });
      throw new ConflictError(
        'This step is no longer waiting for an answer. Look at the application to see what happens next.',
      );
    }
    await deps.waits.release(wait.decisionId);
    throw error;
  }
  await deps.waits.complete(wait.decisionId, decision);
  // Who: the officer's pseudonymous id. Why: the reason stays on the decided wait (found by decisionId), not
  // copied here, since free text may name people and the audit log outlives erasure (DESIGN.md §6).
  await deps.audit.append({
    applicationId: wait.applicationId,
    at: deps.clock.now().toISOString(),
    type: 'decided',
    stage: wait.stage,
    actor: input.actor.kind,
    facts: {
      kind: wait.kind,
      decision: String(decision.decision),
      decisionId: wait.decisionId,
      ...(input.actor.kind === 'officer' ? { officerId: input.actor.officerId } : {}),
    },
  });
  return { decisionId: wait.decisionId, decision };
}

/** What an officer's "proceed" means at each stage that can refer. */
const PROCEED_OUTCOME: Partial<Record<Stage, Decision['outcome']>> = {
  [Stage.Eligibility]: 'eligible',
  [Stage.Qualification]: 'qualifies',
  [Stage.Household]: 'recorded',
  [Stage.Documents]: 'recorded',
  [Stage.Verification]: 'verified',
};

/**
 * Records an officer's "proceed" on a referral as the stage's decision, with the officer's reason: the
 * application's record says who decided and why (DESIGN.md §1: decidedBy officer), and a re-run of the stage
 * on the same answers keeps it.
 */
/** The stages whose review checks documents, where an officer may ask for another document. */
const DOCUMENT_CHECKS: ReadonlySet<Stage> = new Set([Stage.Documents, Stage.Verification]);

/**
 * An officer checking documents asks for another: the document is set aside (`rejected`, with the officer's
 * reason as what the applicant reads), and the workflow goes back to the Documents stage, which waits for a
 * new one. Only a document of the wait's own application that arrived can be asked for again.
 */
async function askForAnotherDocument(
  deps: Pick<Deps, 'applications' | 'clock'>,
  wait: PendingWait,
  documentId: string,
  reason: string,
): Promise<void> {
  if (!DOCUMENT_CHECKS.has(wait.stage))
    throw new JourneyStateError('Only a check of documents can ask for another document');
  const application = await deps.applications.get(wait.applicationId);
  const document = application?.documents.find((candidate) => candidate.documentId === documentId);
  if (!application || !document || document.status === 'declared' || document.status === 'deleted')
    throw new NotFoundError('No document with that id on this application');
  const now = deps.clock.now().toISOString();
  const name = DOCUMENT_CATALOGUE[document.kind].name.toLowerCase();
  await deps.applications.save({
    ...application,
    updatedAt: now,
    documents: application.documents.map((candidate) =>
      candidate.documentId === documentId
        ? {
            ...candidate,
            status: 'rejected',
            problem: `An officer checked your ${name} and asked for another: ${reason}`,
            replacementAskedAt: now,
          }
        : candidate,
    ),
  });
}

async function recordOfficerProceed(
  deps: Pick<Deps, 'applications' | 'clock' | 'notifier'>,
  wait: PendingWait,
  reason: string,
): Promise<void> {
  const outcome = PROCEED_OUTCOME[wait.stage];
  const application = await deps.applications.get(wait.applicationId);
  if (!outcome || !application) return;
  const referral = application.decisions.findLast((decision) => decision.stage === wait.stage);
  const now = deps.clock.now().toISOString();
  await deps.applications.save({
    ...application,
    updatedAt: now,
    decisions: [
      ...application.decisions,
      {
        stage: wait.stage,
        outcome,
        reasons: [
          {
            rule: 'officer.review',
            clause: 'UK GDPR Art. 22 (a person reviews what the system referred)',
            text: reason,
          },
        ],
        inputs: referral?.inputs ?? {},
        policyVersion: referral?.policyVersion ?? application.policyId,
        decidedBy: 'officer',
        decidedAt: now,
        next: 'An officer checked this and your application goes on to the next step.',
      },
    ],
  });
  // A re-run of the stage keeps this decision and so sends nothing: the household hears it here.
  await deps.notifier.send({
    to: { applicationId: wait.applicationId },
    template: 'decision',
    values: { stage: stageTitles[wait.stage], outcome, decidedBy: 'officer' },
  });
}
