import * as z from 'zod';
import type { Application, Decision } from '../domain/application.js';
import { Band, reviewRoute } from '../domain/policy.js';
import { reband } from '../domain/registration.js';
import { Stage, stageTitles } from '../domain/stage.js';
import { policyFor } from '../policies.js';
import { JourneyStateError, NotFoundError } from '../ports.js';
import { type Actor, ForbiddenError } from './decisions.js';
import { requestLetterPdfs } from './letters.js';
import { isRegistered, type ReassessDeps, type Reassessment, reassess } from './reassessment.js';
import { closeCase } from './waits.js';

/**
 * An officer overrides a system decision about a registered household, always with a reason (DESIGN.md §1:
 * decidedBy officer). Before registration an officer decides on the case's review wait (services/decisions.ts);
 * once the Application workflow has ended there is no wait, so these are the officer's ways to decide:
 *
 * - `band`: set the household's band (for example, a medical need the rules cannot weigh); the effective date
 *   follows `reband`, as for any change of band;
 * - `proceed`: a change of circumstances referred the household (it may no longer qualify or be eligible) and
 *   the officer lets it stay: recorded as the stage's decision, and the change held back meanwhile is assessed;
 * - `close`: the officer confirms the adverse decision, or removes the household for another reason: the case
 *   closes with the reason, and the decision letter says why (UK GDPR Art. 22: a person decides).
 */

/** An officer's reason: the household may read it, and it goes in the audit trail. */
export const OverrideReason = z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500);
const reason = OverrideReason;
export const OverrideBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('band'), band: Band, reason }),
  z.object({ kind: z.literal('proceed'), reason }),
  z.object({ kind: z.literal('close'), reason }),
]);
export type OverrideKind = z.infer<typeof OverrideBody>['kind'];

export interface OverrideResult {
  applicationId: string;
  outcome: 'overridden' | 'unchanged' | 'closed';
  reassessment?: Reassessment;
}

const schemeClause = {
  england: 'Housing Act 1996 s166A(1) (an officer’s decision under the allocation scheme)',
  wales: 'Housing Act 1996 s167(1) (an officer’s decision under the allocation scheme)',
} as const;

/** What an officer's "proceed" means for each stage a change of circumstances can refer. */
const PROCEED: Partial<Record<Stage, Decision['outcome']>> = {
  [Stage.Eligibility]: 'eligible',
  [Stage.Qualification]: 'qualifies',
};

/** The referral a change of circumstances made that still waits for an officer, if any. */
function openReferral(application: Application): Decision | undefined {
  return [Stage.Eligibility, Stage.Qualification]
    .map((stage) => application.decisions.findLast((decision) => decision.stage === stage))
    .find((latest) => latest?.outcome === 'refer' && latest.decidedBy === 'system');
}

/**
 * Overriding a decision is a senior officer's (issue 8: officers and senior officers, who make overrides and
 * escalations): an officer decides the waits a case puts to officers, and asks a senior officer to override.
 */
export function mayOverride(actor: Extract<Actor, { kind: 'officer' }>): boolean {
  return actor.roles.includes('senior-officer');
}

/**
 * The overrides `overrideDecision` accepts for this application as it stands, so a form offers only those: none
 * before registration; `proceed` only while a referral made after registration waits; `close` not while an
 * offer is live. Each needs a senior officer of the landlord ({@link mayOverride}).
 */
export function overrideKinds(application: Application): OverrideKind[] {
  if (!isRegistered(application)) return [];
  return [
    'band' as const,
    ...(openReferral(application) ? (['proceed'] as const) : []),
    ...(application.status === 'offered' ? [] : (['close'] as const)),
  ];
}

/**
 * The decisions after the household was registered that referred it to an officer, oldest first; `open` while
 * it is still its stage's latest decision (no officer's decision or later answers have settled it).
 */
export function referralsAfterRegistration(
  application: Application,
): Array<{ decision: Decision; open: boolean }> {
  const registeredAt = application.decisions.findIndex(
    (decision) => decision.stage === Stage.Registered && decision.outcome === 'registered',
  );
  if (registeredAt < 0) return [];
  return application.decisions
    .slice(registeredAt + 1)
    .filter((decision) => decision.outcome === 'refer')
    .map((decision) => ({
      decision,
      open: application.decisions.findLast((each) => each.stage === decision.stage) === decision,
    }));
}

export async function overrideDecision(
  deps: ReassessDeps,
  input: { actor: Extract<Actor, { kind: 'officer' }>; applicationId: string; body: unknown },
): Promise<OverrideResult> {
  const result = await applyOverride(deps, input);
  // A new band or a closed case is a decision with a letter: the Letters workflow writes its PDF.
  await requestLetterPdfs(deps, input.applicationId);
  return result;
}

async function applyOverride(
  deps: ReassessDeps,
  input: { actor: Extract<Actor, { kind: 'officer' }>; applicationId: string; body: unknown },
): Promise<OverrideResult> {
  const application = await deps.applications.get(input.applicationId);
  // Another landlord's application answers exactly like a missing one.
  if (!application || application.landlordId !== input.actor.landlordId)
    throw new NotFoundError('No such application');
  if (!mayOverride(input.actor))
    throw new ForbiddenError('Only a senior officer can override a decision: ask a senior officer');
  const body = OverrideBody.parse(input.body);
  const registration = application.registration;
  if (!registration || !isRegistered(application)) {
    throw new JourneyStateError(
      'This household is not on the register: before registration an officer decides on the case’s review wait',
    );
  }
  const policy = policyFor(application.policyId);
  const now = deps.clock.now().toISOString();
  const { applicationId } = application;
  // Who: the officer's pseudonymous id. Why: the reason is on the decision record at `decisionRecord` (the
  // household reads it there); free text stays out of the audit log, which outlives erasure (DESIGN.md §6).
  const audit = (facts: Record<string, string | number>) =>
    deps.audit.append({
      applicationId,
      at: now,
      type: 'overridden',
      actor: 'officer',
      facts: { ...facts, officerId: input.actor.officerId },
    });

  if (body.kind === 'close') {
    if (application.status === 'offered') {
      throw new JourneyStateError(
        'The household has a live offer: withdraw the offer before closing the case',
      );
    }
    const stage = openReferral(application)?.stage ?? Stage.Registered;
    await closeCase(deps, { applicationId, stage, reason: body.reason });
    const closed = await deps.applications.get(applicationId);
    const decisionRecord =
      closed?.decisions.findLastIndex((decision) =>
        decision.reasons.some((each) => each.rule === 'officer.close'),
      ) ?? -1;
    await audit({ kind: 'close', stage, decisionRecord });
    return { applicationId, outcome: 'closed' };
  }

  if (body.kind === 'proceed') {
    const referral = openReferral(application);
    if (!referral) throw new JourneyStateError('Nothing on this application is waiting for an officer');
    await deps.applications.save({
      ...application,
      decisions: [
        ...application.decisions,
        {
          stage: referral.stage,
          outcome: PROCEED[referral.stage] ?? 'qualifies',
          reasons: [
            {
              rule: 'officer.override',
              clause: 'UK GDPR Art. 22 (a person reviews what the system referred)',
              text: body.reason,
            },
          ],
          // The answers the referral was made on: the same answers again keep the officer's decision.
          inputs: referral.inputs,
          policyVersion: referral.policyVersion,
          decidedBy: 'officer',
          decidedAt: now,
          next: 'An officer checked this: you stay on the housing register.',
        },
      ],
      updatedAt: now,
    });
    await audit({ kind: 'proceed', stage: referral.stage, decisionRecord: application.decisions.length });
    await tellHousehold(deps, applicationId, referral.stage, PROCEED[referral.stage] ?? 'qualifies');
    // The change the referral held back is assessed now (band, bedroom need, matching).
    const reassessment = await reassess(deps, { applicationId });
    return { applicationId, outcome: 'overridden', reassessment };
  }

  if (body.band === registration.band) return { applicationId, outcome: 'unchanged' };
  const first = application.decisions.find(
    (decision) => decision.stage === Stage.Registered && decision.outcome === 'registered',
  );
  const dated = reband({
    previous: registration,
    registeredOn: first?.decidedAt.slice(0, 10) ?? registration.effectiveDate,
    band: body.band,
    on: now.slice(0, 10),
    policy,
  });
  const changed = { ...registration, band: body.band, effectiveDate: dated.effectiveDate };
  await deps.applications.save({
    ...application,
    registration: changed,
    decisions: [
      ...application.decisions,
      {
        stage: Stage.Registered,
        outcome: 'registered',
        reasons: [
          {
            rule: 'officer.override',
            clause: schemeClause[policy.jurisdiction],
            text: `An officer changed your band from ${registration.band} to ${body.band}: ${body.reason}`,
            answer: registration.band,
          },
          dated.reason,
        ],
        inputs: { band: body.band, previousBand: registration.band, bedroomNeed: registration.bedroomNeed },
        policyVersion: `${policy.policyId}@${policy.version}`,
        decidedBy: 'officer',
        decidedAt: now,
        next: `You are on the housing register in band ${changed.band} from ${changed.effectiveDate}. We will tell you when a home with ${changed.bedroomNeed} bedroom${changed.bedroomNeed === 1 ? '' : 's'} is offered to you.`,
        review: reviewRoute(policy),
      },
    ],
    updatedAt: now,
  });
  await audit({
    kind: 'band',
    from: registration.band,
    to: body.band,
    decisionRecord: application.decisions.length,
  });
  await tellHousehold(deps, applicationId, Stage.Registered, 'registered');
  return { applicationId, outcome: 'overridden' };
}

/** An officer's decision reaches the household like the system's (issue 9): the stage and outcome, no reason. */
async function tellHousehold(
  deps: Pick<ReassessDeps, 'notifier'>,
  applicationId: string,
  stage: Stage,
  outcome: string,
) {
  await deps.notifier.send({
    to: { applicationId },
    template: 'decision',
    values: { stage: stageTitles[stage], outcome, decidedBy: 'officer' },
  });
}
