import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DynamoApplicationStore,
  DynamoAuditLog,
  DynamoLettingStore,
  DynamoOutboxNotifier,
  DynamoWaitStore,
} from '../../shared/adapters/aws/dynamodb';
import type { Application } from '../../shared/domain/application';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import { approveOffer, makeOffer } from '../../shared/services/letting-stages';
import { syncRegister } from '../../shared/services/register-index';
import { SafeContactNotifier } from '../../shared/services/safe-contact';
import { awaitPerson } from '../../shared/services/waits';
import { withdrawApplication } from '../../shared/services/withdrawal';
import { aCompleteApplication, aHome } from '../fixtures/applications';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { ManualClock, RecordingWorkflow } from '../support/memory';

/**
 * Withdrawing during a live offer (issue 9), against a real DynamoDB Local: the offer's conditional writes
 * release the home onto the available list, the household leaves the register's index, the response wait
 * leaves the open waits, the documents are listed in the due-for-deletion index, and the message to the
 * applicant is in the outbox on the channels they said are safe only.
 */

const TABLE = 'doorstep-withdrawal-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);
const NOW = '2026-11-21T09:00:00.000Z';

function deps() {
  const clock = new ManualClock(new Date(NOW));
  const applications = new DynamoApplicationStore(dynamo.db, TABLE);
  const audit = new DynamoAuditLog(dynamo.db, TABLE);
  return {
    applications,
    lettings: new DynamoLettingStore(dynamo.db, TABLE),
    waits: new DynamoWaitStore(dynamo.db, TABLE),
    audit,
    notifier: new SafeContactNotifier(new DynamoOutboxNotifier(dynamo.db, TABLE, clock), {
      applications,
      audit,
      clock,
    }),
    workflow: new RecordingWorkflow(),
    clock,
  };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function registered(change: Partial<Application>): Application {
  return aCompleteApplication({
    applicationId: `app_${hex(16)}`,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
    ...change,
  });
}

it('withdraws a household with a live offer: the home, the register, the wait, retention and the outbox', async () => {
  // Prepare: the Pritchards (band A) hold a live offer and are asked to answer it; the Owens are next in band B.
  const world = deps();
  const home = aHome({ propertyId: `prop_withdrawal-${hex(4)}` });
  await world.lettings.putHome(home);
  const pritchards = registered({
    registration: { band: 'A', effectiveDate: '2026-01-10', bedroomNeed: 2 },
    contactSafety: { safe: ['email'], textTimes: [], letters: 'not-safe', voicemail: false, updatedAt: NOW },
  });
  const owens = registered({ ownerId: 'sub_owen' });
  for (const application of [pritchards, owens]) {
    await world.applications.create(application);
    await syncRegister(world.applications, application);
  }
  const { offerId } = await makeOffer(world, {
    applicationId: pritchards.applicationId,
    propertyId: home.propertyId,
  });
  if (!offerId) throw new Error('no offer');
  await approveOffer(world, { applicationId: pritchards.applicationId, offerId });
  await awaitPerson(world, {
    applicationId: pritchards.applicationId,
    stage: Stage.ApplicantResponse,
    kind: 'response',
    waitingFor: WaitingFor.Applicant,
    taskToken: `token-${hex(8)}`,
    offerId,
  });
  const availableBefore = await world.lettings.listAvailableHomes(home.landlordId);

  // Act
  const first = await withdrawApplication(world, {
    subject: pritchards.ownerId,
    applicationId: pritchards.applicationId,
    body: { reason: 'We are moving to be near family' },
  });
  const again = await withdrawApplication(world, {
    subject: pritchards.ownerId,
    applicationId: pritchards.applicationId,
    body: {},
  });

  // Assess
  expect([first.created, again.created]).toEqual([true, false]);
  expect(availableBefore.map((each) => each.propertyId)).not.toContain(home.propertyId);
  expect((await world.lettings.getOffer(offerId))?.status).toBe('withdrawn');
  expect((await world.lettings.getHome(home.propertyId))?.status).toBe('available');
  expect((await world.lettings.listAvailableHomes(home.landlordId)).map((each) => each.propertyId)).toContain(
    home.propertyId,
  );
  const saved = await world.applications.get(pritchards.applicationId);
  expect(saved).toMatchObject({ status: 'closed', withdrawal: { withdrawnAt: NOW, offerId } });
  expect(saved?.currentOfferId).toBeUndefined();
  const register = await world.applications.listRegister(pritchards.landlordId);
  expect(register.map((entry) => entry.applicationId)).not.toContain(pritchards.applicationId);
  expect(await world.waits.listOpen(pritchards.applicationId)).toEqual([]);
  expect(world.workflow.failed.map((failed) => failed.error)).toEqual(['ApplicationWithdrawn']);
  // The home goes to the next household on its shortlist, once, however often the withdrawal is asked.
  expect(world.workflow.lettings).toEqual([
    { applicationId: owens.applicationId, name: expect.any(String), propertyId: home.propertyId },
  ]);
  const due = await world.applications.listDueForDeletion('2026-12-21T09:00:00.000Z');
  expect(due).toContainEqual({
    applicationId: pritchards.applicationId,
    documentId: 'doc_passport1',
    deleteAfter: '2026-12-21T09:00:00.000Z',
  });
  const { Items: outbox = [] } = await dynamo.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :day',
      ExpressionAttributeValues: { ':day': `OUTBOX#${NOW.slice(0, 10)}` },
    }),
  );
  const told = outbox.filter(
    (message) => message.to?.applicationId === pritchards.applicationId && message.template === 'withdrawn',
  );
  expect(told.map((message) => message.channels)).toEqual([['email']]);
  const audit = await world.audit.list(pritchards.applicationId);
  expect(audit.filter((event) => event.type === 'withdrawn')).toHaveLength(1);
  expect(audit).toContainEqual(
    expect.objectContaining({
      type: 'message-withheld',
      facts: expect.objectContaining({ channel: 'text' }),
    }),
  );
  expect(JSON.stringify(audit)).not.toContain('family');
});
