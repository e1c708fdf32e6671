import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoWaitStore } from '../../shared/adapters/aws/dynamodb';
import { keys } from '../../shared/adapters/aws/keys';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import type { PendingWait } from '../../shared/ports';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { describeWaitQueue } from '../support/wait-queue-contract';

/**
 * The officers' queue in the journey table, against a real DynamoDB Local: the queue entry is written and
 * deleted in the same transactions as its wait, so the conditions and transactions here are the database's.
 */

const TABLE = 'doorstep-queue-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const store = () => new DynamoWaitStore(dynamo.db, TABLE);

describe('DynamoWaitStore', () => {
  describeWaitQueue(store);

  describe('the queue in the table', () => {
    const hex = (bytes: number) => randomBytes(bytes).toString('hex');
    const aWait = (landlordId: string): PendingWait => ({
      decisionId: `dec_${hex(16)}`,
      taskToken: `AQCEAAAAKgAAAAMAAAAAAAAAAc2VjcmV0LXRva2Vu=${hex(16)}`,
      applicationId: `app_${hex(16)}`,
      landlordId,
      stage: Stage.Verification,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      deadline: '2026-11-30T09:00:00.000Z',
      createdAt: '2026-11-23T09:00:00.000Z',
      status: 'open',
    });
    const queueItems = async (landlordId: string) =>
      (
        await dynamo.db.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.queuePartition(landlordId) },
          }),
        )
      ).Items ?? [];

    it('keeps the entry under the landlord and deadline, with no task token stored', async () => {
      // Prepare
      const landlordId = `landlord-${hex(6)}`;
      const wait = aWait(landlordId);

      // Act
      await store().park(wait);
      await store().claim(wait.decisionId);

      // Assess
      const items = await queueItems(landlordId);
      expect(items).toEqual([
        expect.objectContaining({
          pk: `QUEUE#${landlordId}`,
          sk: `2026-11-30T09:00:00.000Z#${wait.decisionId}`,
          status: 'deciding',
        }),
      ]);
      expect(items[0]).not.toHaveProperty('taskToken');
      expect(JSON.stringify(items)).not.toContain(wait.taskToken);
    });

    it('puts a wait parked before the queue existed on it when it is claimed, and off when decided', async () => {
      // Prepare: a wait item as parks wrote them before the queue (no queue entry).
      const landlordId = `landlord-${hex(6)}`;
      const wait = aWait(landlordId);
      await dynamo.db.send(
        new PutCommand({
          TableName: TABLE,
          Item: {
            ...keys.wait(wait.decisionId),
            ...keys.waitIndex(wait.applicationId, wait.createdAt),
            ...wait,
          },
        }),
      );
      expect(await store().listQueue(landlordId)).toEqual([]);

      // Act
      const claimed = await store().claim(wait.decisionId);
      const whileDeciding = await store().listQueue(landlordId);
      await store().complete(wait.decisionId, { decision: 'proceed' });

      // Assess
      expect(claimed).toEqual({ ...wait, status: 'deciding' });
      expect(whileDeciding.map((entry) => [entry.decisionId, entry.status])).toEqual([
        [wait.decisionId, 'deciding'],
      ]);
      expect(await queueItems(landlordId)).toEqual([]);
    });

    it('lets one of two simultaneous claims win, and the queue shows it once', async () => {
      // Prepare
      const landlordId = `landlord-${hex(6)}`;
      const wait = aWait(landlordId);
      await store().park(wait);

      // Act
      const claims = await Promise.all([store().claim(wait.decisionId), store().claim(wait.decisionId)]);

      // Assess
      expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
      const queue = await store().listQueue(landlordId);
      expect(queue.map((entry) => [entry.decisionId, entry.status])).toEqual([[wait.decisionId, 'deciding']]);
    });
  });
});
