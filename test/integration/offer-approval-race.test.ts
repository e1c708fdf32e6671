import { randomBytes } from 'node:crypto';
import {
  DynamoApplicationStore,
  DynamoAuditLog,
  DynamoLettingStore,
  DynamoWaitStore,
} from '../../shared/adapters/aws/dynamodb';
import type { Application } from '../../shared/domain/application';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import { ConflictError } from '../../shared/ports';
import { decide } from '../../shared/services/decisions';
import { makeOffer } from '../../shared/services/letting-stages';
import { syncRegister } from '../../shared/services/register-index';
import { awaitPerson } from '../../shared/services/waits';
import { aCompleteApplication, aHome } from '../fixtures/applications';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { ManualClock, MemoryNotifier, RecordingWorkflow } from '../support/memory';

/**
 * Issue 8's race, end to end through the officers' decision and the DynamoDB store's conditional writes: an offer
 * is live from an officer's approval until it is accepted, refused or lapses, so 50 officers approving offers of
 * one home to 50 households at once make exactly one live offer; the other 49 get a clear conflict.
 */

const TABLE = 'doorstep-offer-race-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);
const HOUSEHOLDS = 50;

function deps() {
  return {
    applications: new DynamoApplicationStore(dynamo.db, TABLE),
    lettings: new DynamoLettingStore(dynamo.db, TABLE),
    waits: new DynamoWaitStore(dynamo.db, TABLE),
    audit: new DynamoAuditLog(dynamo.db, TABLE),
    notifier: new MemoryNotifier(),
    workflow: new RecordingWorkflow(),
    clock: new ManualClock(new Date('2026-11-21T09:00:00Z')),
  };
}

const applicationId = () => `app_${randomBytes(16).toString('hex')}`;

it(`makes exactly one live offer of ${HOUSEHOLDS} simultaneous approvals of one home`, async () => {
  // Prepare: a home, and 50 registered households each proposed it, each proposal waiting for an officer.
  const world = deps();
  const home = aHome({ propertyId: `prop_race-${randomBytes(4).toString('hex')}` });
  await world.lettings.putHome(home);
  const decisions: Array<{ applicationId: string; decisionId: string; offerId: string }> = [];
  for (let n = 0; n < HOUSEHOLDS; n += 1) {
    const application: Application = aCompleteApplication({
      applicationId: applicationId(),
      stage: Stage.Registered,
      status: 'registered',
      registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
    });
    await world.applications.create(application);
    await syncRegister(world.applications, application);
    const { offerId } = await makeOffer(world, {
      applicationId: application.applicationId,
      propertyId: home.propertyId,
    });
    if (!offerId) throw new Error('the home was not proposed');
    const { decisionId } = await awaitPerson(world, {
      applicationId: application.applicationId,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      taskToken: `token-${randomBytes(12).toString('hex')}`,
      offerId,
    });
    decisions.push({ applicationId: application.applicationId, decisionId, offerId });
  }

  // Act: 50 officers approve at once.
  const results = await Promise.allSettled(
    decisions.map(({ decisionId }, n) =>
      decide(world, {
        decisionId,
        actor: {
          kind: 'officer',
          officerId: `officer-${n}`,
          landlordId: home.landlordId,
          roles: ['officer'],
        },
        body: { decision: 'approve', reason: 'The household fits the home' },
      }),
    ),
  );

  // Assess: one approval, 49 clear conflicts; one live offer; the home taken; the losers' waits still open.
  const won = results.filter((result) => result.status === 'fulfilled');
  const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(HOUSEHOLDS - 1);
  for (const error of lost) {
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/already has a live offer to another household/);
  }
  const offers = await Promise.all(decisions.map(({ offerId }) => world.lettings.getOffer(offerId)));
  expect(offers.filter((offer) => offer?.status === 'awaiting-applicant')).toHaveLength(1);
  expect(offers.filter((offer) => offer?.status === 'awaiting-approval')).toHaveLength(HOUSEHOLDS - 1);
  expect((await world.lettings.getHome(home.propertyId))?.status).toBe('offered');
  expect(world.workflow.resumed).toHaveLength(1);
  const waits = await Promise.all(decisions.map(({ decisionId }) => world.waits.get(decisionId)));
  expect(waits.filter((wait) => wait?.status === 'decided')).toHaveLength(1);
  expect(waits.filter((wait) => wait?.status === 'open')).toHaveLength(HOUSEHOLDS - 1);
}, 120_000);
