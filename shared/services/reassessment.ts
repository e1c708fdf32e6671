import { isDeepStrictEqual } from 'node:util';
import { type Application, type Decision, latestDecision, type Reason } from '../domain/application.js';
import { allocationBedroomNeed } from '../domain/bedrooms.js';
import { assessEligibility } from '../domain/eligibility.js';
import { pickHome } from '../domain/letting.js';
import { type Jurisdiction, type Policy, reviewRoute } from '../domain/policy.js';
import { assessQualification } from '../domain/qualification.js';
import { register } from '../domain/registration.js';
import { Stage, stageTitles, WaitingFor } from '../domain/stage.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { syncRegister } from './register-index.js';

/**
 * Change of circumstances after registration (issue 6). Once a household is on the register its Application
 * workflow has ended (DESIGN.md §1), so a change to the profile (a new baby, someone moving out, a change of
 * income or circumstances) is assessed here, synchronously, with the same pure rules the stages use:
 *
 * - eligibility and qualification again: a change that makes the household not qualify is a referral to an
 *   officer, never a silent removal (UK GDPR Art. 22); the household stays on the register meanwhile, and the
 *   rest of the change waits for the officer. An officer who already let the same answers through is kept;
 * - bedroom need (the council's allocation bedroom standard) and band, with the effective date `reband` gives;
 * - where the bedroom need changed: with no live offer, matching runs again and a Letting starts when a home
 *   fits; a live offer is left as it is and noted for an officer (an audit event and the decision's `next`).
 *
 * Idempotent: the same answers give the same decision, which is recorded once.
 */

export type ReassessDeps = Pick<
  Deps,
  'applications' | 'lettings' | 'audit' | 'notifier' | 'clock' | 'workflow'
>;

export interface Reassessment {
  /** registered: a decision was recorded and the household stays on the register; unchanged: nothing new to
   * decide; refer: an officer must look (the registration stays as it was meanwhile). */
  outcome: 'registered' | 'unchanged' | 'refer';
  /** What happened to matching: a Letting started, no home fits yet, a live offer left for an officer. */
  matching?: 'letting-started' | 'no-home' | 'offer-live';
}

/** The allocation scheme the registration rests on (s166A(1) England, s167(1) Wales). */
const scheme: Record<Jurisdiction, string> = {
  england: 'Housing Act 1996 s166A(1)',
  wales: 'Housing Act 1996 s167(1)',
};

/** Whether the household is on the register: it has a registration and is neither closed nor let. */
export function isRegistered(application: Application): boolean {
  return (
    application.registration !== undefined &&
    (application.status === 'registered' || application.status === 'offered')
  );
}

/** The section of the profile that changed, in plain words, for the reason that opens the new decision. */
const changed: Record<string, string> = {
  household: 'the people in your household changed',
  income: 'your income or savings changed',
  circumstances: 'your circumstances changed',
  localConnection: 'your connection to the area changed',
  currentHome: 'your current home changed',
  immigrationStatus: 'your immigration status changed',
};

function changeReason(policy: Policy, section: string | undefined, text: string): Reason {
  return {
    rule: 'reassessment.change',
    clause: scheme[policy.jurisdiction],
    text: `You told us ${changed[section ?? ''] ?? 'something changed'}, so ${text}`,
    ...(section ? { answer: section } : {}),
  };
}

/**
 * What the stage's own decision needs of a fresh assessment: `pass`, `held` (it refers, and it referred already
 * on the same answers, or an officer let these same answers through: nothing new to record), or `refer`.
 */
function standing(
  application: Application,
  decision: Decision,
): 'pass' | 'refer' | 'held' | 'officer-cleared' {
  if (decision.outcome !== 'refer') return 'pass';
  const latest = latestDecision(application, decision.stage);
  const lastSystem = application.decisions.findLast(
    (candidate) => candidate.stage === decision.stage && candidate.decidedBy === 'system',
  );
  const sameAnswers = lastSystem !== undefined && isDeepStrictEqual(lastSystem.inputs, decision.inputs);
  if (sameAnswers && latest?.decidedBy === 'officer' && latest.outcome !== 'refer') return 'officer-cleared';
  if (sameAnswers && latest?.outcome === 'refer') return 'held';
  return 'refer';
}

/** The day the household first joined the register: its first registered decision (for `reband`). */
function registeredOn(application: Application): string | undefined {
  return application.decisions
    .find((decision) => decision.stage === Stage.Registered && decision.outcome === 'registered')
    ?.decidedAt.slice(0, 10);
}

/** Re-runs the assessment of a registered household after a change to its profile. */
export async function reassess(
  deps: ReassessDeps,
  input: { applicationId: string; section?: string },
): Promise<Reassessment> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const registration = application.registration;
  if (!registration || !isRegistered(application)) return { outcome: 'unchanged' };
  const policy = policyFor(application.policyId);
  const now = deps.clock.now().toISOString();
  const { profile } = application;

  // Eligibility, then qualification: the first that refers holds the change for an officer.
  const checks: Decision[] = [];
  if (profile.immigrationStatus) {
    checks.push(assessEligibility({ immigrationStatus: profile.immigrationStatus, policy, decidedAt: now }));
  }
  const applicant = profile.household.find((member) => member.relationship === 'applicant');
  if (applicant && profile.localConnection) {
    checks.push(
      assessQualification({
        applicant,
        localConnection: profile.localConnection,
        income: profile.income,
        circumstances: profile.circumstances,
        policy,
        decidedAt: now,
      }),
    );
  }
  const lifted: Decision[] = [];
  for (const check of checks) {
    const found = standing(application, check);
    if (found === 'held') return { outcome: 'refer' };
    if (found === 'refer') return refer(deps, application, check, policy, input.section);
    // A referral made after registration that the new answers clear is lifted, with the reason.
    const latest = latestDecision(application, check.stage);
    if (found === 'pass' && latest?.outcome === 'refer' && latest.decidedBy === 'system') {
      lifted.push({
        ...check,
        reasons: [
          changeReason(policy, input.section, 'we checked again: the rule that was in question is now met.'),
          ...check.reasons,
        ],
        next: 'You stay on the housing register.',
      });
    }
  }

  const need = allocationBedroomNeed({ household: profile.household, on: now.slice(0, 10), policy });
  const currentHome = profile.currentHome;
  if (!currentHome) return { outcome: 'unchanged' };
  const decided = register({
    need,
    currentHome,
    circumstances: profile.circumstances,
    localConnection: profile.localConnection,
    policy,
    decidedAt: now,
    previous: { registration, registeredOn: registeredOn(application) ?? registration.effectiveDate },
  });

  const lastSystem = application.decisions.findLast(
    (decision) => decision.stage === Stage.Registered && decision.decidedBy === 'system',
  );
  const sameAnswers =
    lastSystem !== undefined && isDeepStrictEqual(lastSystem.inputs, decided.decision.inputs);
  // An officer's band stands until the answers it was set on change.
  const officerStands = sameAnswers && latestDecision(application, Stage.Registered)?.decidedBy === 'officer';
  const registrationChanged =
    !sameAnswers || !(officerStands || isDeepStrictEqual(decided.registration, registration));
  if (lifted.length === 0 && !registrationChanged) {
    // The band stands, but the answers behind the register entry (household size, years in the area) may not.
    await syncRegister(deps.applications, application);
    return { outcome: 'unchanged', ...(await matchAgain(deps, application, undefined)) };
  }

  const needChanged = registrationChanged && decided.registration.bedroomNeed !== registration.bedroomNeed;
  const offerLive = application.status === 'offered' && application.currentOfferId !== undefined;
  const decisions = [...lifted];
  if (registrationChanged) {
    decisions.push({
      ...decided.decision,
      reasons: [
        changeReason(
          policy,
          input.section,
          `we worked out your place on the register again: ${summary(registration, decided.registration)}.`,
        ),
        ...decided.decision.reasons,
      ],
      next:
        needChanged && offerLive
          ? `${decided.decision.next} You have an offer of a home already: it stays as it is, and an officer will check whether it still suits your household and talk it through with you.`
          : decided.decision.next,
      review: reviewRoute(policy),
    });
  }
  const saved = await deps.applications.save({
    ...application,
    ...(registrationChanged ? { registration: decided.registration } : {}),
    decisions: [...application.decisions, ...decisions],
    updatedAt: now,
  });
  await syncRegister(deps.applications, saved);
  for (const each of decisions) {
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'decision',
      stage: each.stage,
      actor: 'system',
      facts: {
        outcome: each.outcome,
        rules: each.reasons.map((reason) => reason.rule).join(' '),
        reassessment: true,
      },
    });
  }
  if (!registrationChanged) return { outcome: 'registered' };
  // A new band or bedroom need is a decision the household hears of, like the first registration.
  await deps.notifier.send({
    to: { applicationId: application.applicationId },
    template: 'decision',
    values: { stage: stageTitles[Stage.Registered], outcome: 'registered' },
  });
  if (needChanged && offerLive) {
    await noteLiveOffer(deps, saved, registration.bedroomNeed, decided.registration.bedroomNeed, now);
    return { outcome: 'registered', matching: 'offer-live' };
  }
  return {
    outcome: 'registered',
    ...(needChanged ? await matchAgain(deps, saved, saved.decisions.length - 1) : {}),
  };
}

/** "band C to B, effective date 2026-11-02; bedrooms needed 2 to 3", or that neither changed. */
function summary(
  before: NonNullable<Application['registration']>,
  after: NonNullable<Application['registration']>,
) {
  const parts: string[] = [];
  if (before.band !== after.band) parts.push(`your band went from ${before.band} to ${after.band}`);
  if (before.effectiveDate !== after.effectiveDate)
    parts.push(`your effective date is now ${after.effectiveDate}`);
  if (before.bedroomNeed !== after.bedroomNeed) {
    parts.push(
      `you now need ${after.bedroomNeed} bedroom${after.bedroomNeed === 1 ? '' : 's'} (before, ${before.bedroomNeed})`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : 'your band and the size of home you need stay the same';
}

/**
 * Matching again after the bedroom need changed (`number`: the decision that changed it), or, with no number,
 * after a repeated request: a Letting is started again under the same name when the latest registration
 * decision changed the need, so a start that failed after the decision was saved is made good, and one that
 * succeeded is not repeated (a started name is a no-op).
 */
async function matchAgain(
  deps: ReassessDeps,
  application: Application,
  number: number | undefined,
): Promise<Pick<Reassessment, 'matching'>> {
  const registration = application.registration;
  if (!registration || application.status !== 'registered') return {};
  const at = number ?? pendingRematch(application);
  if (at === undefined) return {};
  const homes = await deps.lettings.listAvailableHomes(application.landlordId);
  const match = pickHome(homes, {
    bedroomNeed: registration.bedroomNeed,
    landlordId: application.landlordId,
    policy: policyFor(application.policyId),
  });
  if (!match) return { matching: 'no-home' };
  await deps.workflow.startLetting(application.applicationId, `${application.applicationId}-change-${at}`);
  return { matching: 'letting-started' };
}

/** The latest registration decision's number, when it was a change of circumstances that changed the need. */
function pendingRematch(application: Application): number | undefined {
  const registered = application.decisions
    .map((decision, number) => ({ decision, number }))
    .filter(({ decision }) => decision.stage === Stage.Registered && decision.outcome === 'registered');
  const latest = registered.at(-1);
  const before = registered.at(-2);
  if (!latest || !before) return undefined;
  const fromChange = latest.decision.reasons.some((reason) => reason.rule === 'reassessment.change');
  const needChanged = latest.decision.inputs.bedroomNeed !== before.decision.inputs.bedroomNeed;
  return fromChange && needChanged ? latest.number : undefined;
}

/** A live offer is left alone; an officer is told the household's need changed while it was out. */
async function noteLiveOffer(
  deps: ReassessDeps,
  application: Application,
  from: number,
  to: number,
  now: string,
): Promise<void> {
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'offer-needs-check',
    stage: Stage.Offer,
    actor: 'system',
    facts: { offerId: application.currentOfferId ?? '', bedroomNeedBefore: from, bedroomNeedNow: to },
  });
  await deps.notifier.send({
    to: { role: WaitingFor.Officer, landlordId: application.landlordId },
    template: 'offer-needs-check',
    values: { applicationId: application.applicationId, bedroomNeed: String(to) },
  });
}

/**
 * A change that may make the household ineligible or not qualify: the stage's referral is recorded with the
 * change as its first reason, officers are told, and the registration stays as it was until one decides.
 */
async function refer(
  deps: ReassessDeps,
  application: Application,
  check: Decision,
  policy: Policy,
  section: string | undefined,
): Promise<Reassessment> {
  const now = check.decidedAt;
  const decision: Decision = {
    ...check,
    reasons: [
      changeReason(
        policy,
        section,
        'we checked again whether you can stay on the register, and an officer needs to look at it.',
      ),
      ...check.reasons,
    ],
    next: `You stay on the housing register, in the same band, while an officer looks at this. They will contact you within ${policy.waits.officerDecisionDays} days, and write to you if they decide against you.`,
  };
  await deps.applications.save({
    ...application,
    decisions: [...application.decisions, decision],
    updatedAt: now,
  });
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'decision',
    stage: check.stage,
    actor: 'system',
    facts: {
      outcome: 'refer',
      rules: decision.reasons.map((reason) => reason.rule).join(' '),
      reassessment: true,
    },
  });
  // The household hears an officer is looking (the reasons are on its status page), then the officers are told.
  await deps.notifier.send({
    to: { applicationId: application.applicationId },
    template: 'decision',
    values: { stage: stageTitles[check.stage], outcome: 'refer' },
  });
  await deps.notifier.send({
    to: { role: WaitingFor.Officer, landlordId: application.landlordId },
    template: 'reassessment-referred',
    values: { applicationId: application.applicationId, stage: check.stage },
  });
  return { outcome: 'refer' };
}
