import * as z from 'zod';
import { ApplicationId } from '../domain/application.js';
import { reviewRoute } from '../domain/policy.js';
import { deletionEntries, withRetention } from '../domain/retention.js';
import { Stage, stageTitles, WaitingFor } from '../domain/stage.js';
import { WITHDRAWN_ERROR } from '../domain/withdrawal.js';
import { decisionIdFor } from '../ids.js';
import { policyFor } from '../policies.js';
import { NotFoundError, type PendingWait, type WaitKind } from '../ports.js';
import type { Deps } from './deps.js';
import { syncRegister } from './register-index.js';

/**
 * Human steps (DESIGN.md §1b): the workflow parks a task token here and a person answers later through the
 * API, by an opaque decision id. The token never leaves the store and the workflow client.
 */

export const WaitKindSchema = z.enum(['answers', 'review', 'attention', 'approval', 'response', 'signature']);

export const AwaitPersonInput = z.object({
  applicationId: ApplicationId,
  stage: z.enum(Stage),
  kind: WaitKindSchema,
  waitingFor: z.enum(WaitingFor),
  taskToken: z.string().min(1).max(4096),
  offerId: z.string().optional(),
  /** The deadline people see, when the workflow's timer sets it (an offer's); else the policy's days from now. */
  deadline: z.iso.datetime().optional(),
  /** For an attention wait: the caught error. Only its name is kept (a message may carry personal data). */
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});
export type AwaitPersonInput = z.infer<typeof AwaitPersonInput>;

/** How long each kind of wait gives people, from the policy; the workflow's TimeoutSeconds is a later backstop. */
function deadlineDays(
  kind: WaitKind,
  waitingFor: WaitingFor,
  waits: ReturnType<typeof policyFor>['waits'],
): number {
  if (waitingFor === WaitingFor.SeniorOfficer && kind === 'approval') return waits.seniorDecisionDays;
  switch (kind) {
    case 'answers':
      return waits.applicantAnswersDays;
    case 'response':
      return waits.offerResponseDays;
    case 'signature':
      return waits.signingDays;
    default:
      return waits.officerDecisionDays;
  }
}

export async function awaitPerson(
  deps: Pick<Deps, 'applications' | 'waits' | 'audit' | 'notifier' | 'clock' | 'workflow'>,
  input: AwaitPersonInput,
): Promise<{ decisionId: string }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  if (application.withdrawal) {
    // Withdrawn while a machine step ran (no wait was open to fail then): nobody is asked, the workflow ends.
    await deps.workflow.fail(input.taskToken, WITHDRAWN_ERROR, 'The applicant withdrew the application');
    return { decisionId: decisionIdFor(input.taskToken) };
  }
  const policy = policyFor(application.policyId);
  const now = deps.clock.now();
  const decisionId = decisionIdFor(input.taskToken);
  const wait: PendingWait = {
    decisionId,
    taskToken: input.taskToken,
    applicationId: application.applicationId,
    landlordId: application.landlordId,
    stage: input.stage,
    kind: input.kind,
    waitingFor: input.waitingFor,
    deadline:
      input.deadline ??
      new Date(
        now.getTime() + deadlineDays(input.kind, input.waitingFor, policy.waits) * 86_400_000,
      ).toISOString(),
    createdAt: now.toISOString(),
    status: 'open',
    ...(input.offerId ? { offerId: input.offerId } : {}),
    ...(input.error?.Error ? { problem: input.error.Error } : {}),
  };
  // The earlier wait for the same question goes first, so nobody ever sees two to answer.
  await supersedeEarlierWaits(deps, wait);
  // Parked already (the same token re-armed after a restart): the person was told the first time.
  if (!(await deps.waits.park(wait))) return { decisionId };
  if (application.stage !== input.stage && input.kind === 'answers') {
    await deps.applications.save({ ...application, stage: input.stage, updatedAt: now.toISOString() });
  }
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now.toISOString(),
    type: 'waiting',
    stage: input.stage,
    actor: 'system',
    facts: { kind: input.kind, waitingFor: input.waitingFor, decisionId },
  });
  await deps.notifier.send({
    to:
      input.waitingFor === WaitingFor.Applicant
        ? { applicationId: application.applicationId }
        : { role: input.waitingFor, landlordId: application.landlordId },
    template: `wait-${input.kind}`,
    values: { stage: stageTitles[input.stage], deadline: wait.deadline.slice(0, 10), decisionId },
  });
  return { decisionId };
}

/**
 * A wait parked again for the same question (an offer's answer after a reminder, an approval escalated to a senior
 * officer) replaces the earlier one: nobody can answer the old one any more, and it leaves the queue.
 */
async function supersedeEarlierWaits(deps: Pick<Deps, 'waits'>, wait: PendingWait): Promise<void> {
  if (!wait.offerId) return;
  for (const earlier of await deps.waits.listOpen(wait.applicationId)) {
    if (
      earlier.decisionId === wait.decisionId ||
      earlier.kind !== wait.kind ||
      earlier.offerId !== wait.offerId
    )
      continue;
    if (await deps.waits.claim(earlier.decisionId))
      await deps.waits.complete(earlier.decisionId, { superseded: true });
  }
}

export const EscalateInput = z.object({
  applicationId: ApplicationId,
  stage: z.enum(Stage),
  kind: WaitKindSchema,
});

/** A wait's backstop fired: record it and tell a senior officer. The workflow then parks the case for attention. */
export async function escalate(
  deps: Pick<Deps, 'applications' | 'audit' | 'notifier' | 'clock'>,
  input: z.infer<typeof EscalateInput>,
): Promise<{ escalated: true }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const now = deps.clock.now().toISOString();
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'escalated',
    stage: input.stage,
    actor: 'system',
    facts: { kind: input.kind },
  });
  await deps.notifier.send({
    to: { role: WaitingFor.SeniorOfficer, landlordId: application.landlordId },
    template: 'escalation',
    values: { stage: stageTitles[input.stage], kind: input.kind },
  });
  return { escalated: true };
}

export const CloseCaseInput = z.object({
  applicationId: ApplicationId,
  stage: z.enum(Stage),
  reason: z.string().trim().min(1).max(500),
});

/**
 * An officer closed the case (after a referral or an attention wait, or by refusing the household's nomination):
 * the application ends with the reason. `tell: false` when the caller tells the household itself, in words of
 * its own (a nomination's refusal names its grounds and who to contact), so they get one message, not two.
 */
export async function closeCase(
  deps: Pick<Deps, 'applications' | 'audit' | 'notifier' | 'clock'>,
  input: z.infer<typeof CloseCaseInput>,
  options: { tell?: boolean } = {},
): Promise<{ outcome: 'closed' }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  if (application.status === 'closed') {
    // A retried close after the save: its documents' deletion dates go into the index this time.
    await deps.applications.scheduleDeletions(deletionEntries(application));
    await syncRegister(deps.applications, application);
    return { outcome: 'closed' };
  }
  const now = deps.clock.now().toISOString();
  const policy = policyFor(application.policyId);
  const closed = await deps.applications.save({
    ...application,
    status: 'closed',
    updatedAt: now,
    ...withRetention(application, now),
    decisions: [
      ...application.decisions,
      {
        stage: input.stage,
        outcome: 'refer',
        reasons: [{ rule: 'officer.close', clause: 'Officer decision', text: input.reason }],
        inputs: {},
        policyVersion: `${policy.policyId}@${policy.version}`,
        decidedBy: 'officer',
        decidedAt: now,
        next: 'Your application is closed. We have written to you with the reasons.',
        review: reviewRoute(policy),
      },
    ],
  });
  // UK GDPR Art. 5(1)(e): each document and the share code are deleted when their retention ends.
  await deps.applications.scheduleDeletions(deletionEntries(closed));
  await syncRegister(deps.applications, closed);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'closed',
    stage: input.stage,
    actor: 'officer',
  });
  if (options.tell === false) return { outcome: 'closed' };
  await deps.notifier.send({
    to: { applicationId: application.applicationId },
    template: 'closed',
    values: { stage: stageTitles[input.stage] },
    // The decision letter is posted too (notified in writing), unless the address is not safe (safe-contact.ts).
    channels: ['email', 'text', 'post'],
  });
  return { outcome: 'closed' };
}
