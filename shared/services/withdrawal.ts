import type { Application } from '../domain/application.js';
import type { OfferStatus } from '../domain/letting.js';
import { deletionEntries, withRetention } from '../domain/retention.js';
import { stageTitles } from '../domain/stage.js';
import { WITHDRAWN_ERROR, WithdrawalBody, withdrawalRefusal } from '../domain/withdrawal.js';
import { ConflictError, JourneyStateError, NotFoundError } from '../ports.js';
import { NO_LONGER_WAITING } from './decisions.js';
import type { Deps } from './deps.js';
import { closeOffer, nextOffer } from './letting-stages.js';
import { ownedApplication } from './ownership.js';
import { syncRegister } from './register-index.js';

/**
 * The applicant withdraws their application (issue 9), from any stage: before registration, on the register, or
 * during an offer. Everything is safe to repeat, so a double click, a retry after a failure half-way, or a
 * second tab all end in the same place:
 *
 * 1. a live offer is withdrawn (closeOffer, as an officer's rejection does), which releases its home;
 * 2. the application is closed with the withdrawal on it, and each document and the share code get the day
 *    they are to be deleted (the retention clock starts: domain/retention.ts), written once with the version
 *    it read; an audit event (no personal data, never the reason) and a message to the applicant, once;
 * 3. then, again on every repeat: the open human waits are failed with {@link WITHDRAWN_ERROR}, so the
 *    workflows end (their waits catch it); the deletions are listed for the retention sweep; the household
 *    leaves the register; and the withdrawn offer's home goes to the next household on its shortlist, in a
 *    Letting execution of its own (one per household and home, so a repeat starts nothing twice).
 */

export type WithdrawalDeps = Pick<
  Deps,
  'applications' | 'lettings' | 'waits' | 'workflow' | 'audit' | 'notifier' | 'clock'
>;

export interface WithdrawalResult {
  applicationId: string;
  status: 'withdrawn';
  withdrawnAt: string;
  /** False when it had been withdrawn already (the same answer again). */
  created: boolean;
}

/** An offer that still holds, or may yet hold, its home: withdrawn with the application. */
const OPEN_OFFER: ReadonlySet<OfferStatus> = new Set(['awaiting-approval', 'awaiting-applicant', 'accepted']);

/** A save that lost a race with the workflow (a stage writing the application) is tried again on a fresh read. */
const SAVE_ATTEMPTS = 3;

export async function withdrawApplication(
  deps: WithdrawalDeps,
  input: {
    subject: string;
    applicationId: string;
    body: unknown;
    /** Who asks: the applicant, or the council withdrawing its nomination (services/nominations.ts). */
    by?: 'applicant' | 'council';
  },
): Promise<WithdrawalResult> {
  const owned = await ownedApplication(deps, input.subject, input.applicationId);
  const { reason } = WithdrawalBody.parse(input.body ?? {});
  const refusal = withdrawalRefusal(owned);
  if (refusal) throw new JourneyStateError(refusal);
  if (owned.withdrawal) {
    await finish(deps, owned);
    return result(owned, false);
  }

  const now = deps.clock.now().toISOString();
  const offerId = await withdrawOffer(deps, owned);
  for (let attempt = 1; ; attempt += 1) {
    const application = attempt === 1 && !offerId ? owned : await fresh(deps, owned.applicationId);
    if (application.withdrawal) {
      await finish(deps, application);
      return result(application, false);
    }
    const { currentOfferId: _withdrawn, ...rest } = application;
    let saved: Application;
    try {
      saved = await deps.applications.save({
        ...rest,
        status: 'closed',
        withdrawal: {
          withdrawnAt: now,
          stage: application.stage,
          ...(reason ? { reason } : {}),
          ...(offerId ? { offerId } : {}),
        },
        ...withRetention(application, now),
        updatedAt: now,
      });
    } catch (error) {
      if (error instanceof ConflictError && attempt < SAVE_ATTEMPTS) continue;
      throw error;
    }
    // Which stage and what it was, never the reason: the audit log keeps no personal data.
    await deps.audit.append({
      applicationId: saved.applicationId,
      at: now,
      type: 'withdrawn',
      stage: application.stage,
      actor: input.by ?? 'applicant',
      facts: {
        from: owned.status,
        reasonGiven: reason !== undefined,
        ...(offerId ? { offerId } : {}),
      },
    });
    // Told before the steps that may fail and be finished by a repeat, which tells nobody again.
    await deps.notifier.send({
      to: { applicationId: saved.applicationId },
      template: 'withdrawn',
      values: { stage: stageTitles[application.stage], withdrawnOn: now.slice(0, 10) },
    });
    await finish(deps, saved);
    return result(saved, true);
  }
}

async function fresh(deps: Pick<Deps, 'applications'>, applicationId: string): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFoundError('No such application');
  return application;
}

function result(application: Application, created: boolean): WithdrawalResult {
  return {
    applicationId: application.applicationId,
    status: 'withdrawn',
    withdrawnAt: application.withdrawal?.withdrawnAt ?? application.updatedAt,
    created,
  };
}

/** Withdraws the household's open offer, if it has one, releasing its home; its id, or undefined. */
async function withdrawOffer(deps: WithdrawalDeps, application: Application): Promise<string | undefined> {
  const offerId = application.currentOfferId;
  const offer = offerId ? await deps.lettings.getOffer(offerId) : undefined;
  if (!offer || !OPEN_OFFER.has(offer.status)) return undefined;
  await closeOffer(deps, {
    applicationId: application.applicationId,
    offerId: offer.offerId,
    status: 'withdrawn',
    reason: 'The household withdrew its application',
  });
  return offer.offerId;
}

/** Everything after the save that must happen, each step safe to repeat. */
async function finish(deps: WithdrawalDeps, application: Application): Promise<void> {
  await failOpenWaits(deps, application.applicationId);
  // UK GDPR Art. 5(1)(e): each document and the share code are deleted when their retention ends.
  await deps.applications.scheduleDeletions(deletionEntries(application));
  await syncRegister(deps.applications, application);
  const offerId = application.withdrawal?.offerId;
  if (!offerId) return;
  const next = await nextOffer(deps, { applicationId: application.applicationId, offerId });
  if (next.outcome === 'next' && next.applicationId && next.executionName)
    await deps.workflow.startLetting(next.applicationId, next.executionName, next.propertyId);
}

/**
 * Ends every human wait of the application, whoever it waits for (an answer, a review, an officer's approval,
 * an attention wait): the workflow catches {@link WITHDRAWN_ERROR} and ends (also when a landlord's refusal of the
 * household's nomination closes it: services/nominations.ts). A wait the workflow no longer
 * holds (it timed out or moved on) is closed all the same; any other failure gives the wait back and fails
 * the withdrawal, so asking again finishes it.
 */
export async function failOpenWaits(
  deps: Pick<Deps, 'waits' | 'workflow'>,
  applicationId: string,
  cause = 'The applicant withdrew the application',
): Promise<void> {
  for (const wait of await deps.waits.listOpen(applicationId)) {
    const claimed = await deps.waits.claim(wait.decisionId);
    if (!claimed) continue;
    try {
      await deps.workflow.fail(claimed.taskToken, WITHDRAWN_ERROR, cause);
    } catch (error) {
      if (!NO_LONGER_WAITING.has((error as Error).name)) {
        await deps.waits.release(wait.decisionId);
        throw error;
      }
    }
    await deps.waits.complete(wait.decisionId, { withdrawn: true });
  }
}
