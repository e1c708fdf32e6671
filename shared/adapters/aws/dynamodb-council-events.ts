import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type EventDelivery, StoredCouncilEvent, WebhookEndpoint } from '../../domain/council-events.js';
import { CouncilExport } from '../../domain/council-exports.js';
import type { CouncilEventStore } from '../../services/council-events.js';
import type { CouncilExportStore } from '../../services/council-exports.js';
import { GSI1, KEY_ATTRIBUTES, keys } from './keys.js';

const WORKER_ATTRIBUTES = [...KEY_ATTRIBUTES, 'leaseUntil'];

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const attribute of WORKER_ATTRIBUTES) delete copy[attribute];
  return copy;
}

/**
 * Council events (issue 10) on the journey table: one partition per council, sorted by event id (ids sort in
 * time order), so polling after a cursor is one query that can only ever read that council's events. A pending
 * delivery is also on gsi1 (`WEBHOOKDUE` / `<nextAttemptAt>#<council>#<event>`), a sparse index the worker reads
 * for what is due; a delivered or failed one leaves it.
 */
export class DynamoCouncilEventStore implements CouncilEventStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private dueIndex(event: { councilId: string; id: string }, delivery: EventDelivery | undefined) {
    return delivery?.status === 'pending' && delivery.nextAttemptAt
      ? keys.webhookDue(delivery.nextAttemptAt, event.councilId, event.id)
      : undefined;
  }

  async append(event: StoredCouncilEvent): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.councilEvent(event.councilId, event.id),
            ...this.dueIndex(event, event.delivery),
            ...event,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async list(councilId: string, after: string | undefined, limit: number): Promise<StoredCouncilEvent[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        ExpressionAttributeValues: {
          ':pk': keys.councilEventsPartition(councilId),
          ':events': keys.councilEventPrefix,
        },
        ...(after ? { ExclusiveStartKey: keys.councilEvent(councilId, after) } : {}),
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => StoredCouncilEvent.parse(strip(item)));
  }

  async get(councilId: string, eventId: string): Promise<StoredCouncilEvent | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.councilEvent(councilId, eventId),
        ConsistentRead: true,
      }),
    );
    return Item ? StoredCouncilEvent.parse(strip(Item)) : undefined;
  }

  async putEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.webhookEndpoint(endpoint.councilId), ...endpoint },
      }),
    );
  }

  async getEndpoint(councilId: string): Promise<WebhookEndpoint | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.webhookEndpoint(councilId), ConsistentRead: true }),
    );
    return Item ? WebhookEndpoint.parse(strip(Item)) : undefined;
  }

  async listDue(now: Date, limit: number): Promise<Array<{ councilId: string; eventId: string }>> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :due AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':due': keys.webhookDuePartition, ':now': `${now.toISOString()}#~` },
        ProjectionExpression: 'councilId, id',
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({ councilId: String(item.councilId), eventId: String(item.id) }));
  }

  async claim(
    councilId: string,
    eventId: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<StoredCouncilEvent | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.councilEvent(councilId, eventId),
          UpdateExpression: 'SET leaseUntil = :until',
          ConditionExpression:
            'delivery.#status = :pending AND delivery.nextAttemptAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':now': now.toISOString(),
            ':until': leaseUntil.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? StoredCouncilEvent.parse(strip(Attributes)) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async recordDelivery(councilId: string, eventId: string, delivery: EventDelivery): Promise<void> {
    const due = this.dueIndex({ councilId, id: eventId }, delivery);
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.councilEvent(councilId, eventId),
        UpdateExpression: due
          ? 'SET delivery = :delivery, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk REMOVE leaseUntil'
          : 'SET delivery = :delivery REMOVE leaseUntil, gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':delivery': delivery,
          ...(due ? { ':gsi1pk': due.gsi1pk, ':gsi1sk': due.gsi1sk } : {}),
        },
      }),
    );
  }
}

/**
 * Export jobs (issue 10) under their council's partition; an unfinished one is also on gsi1 (`EXPORTQUEUE` /
 * `<when a worker may take it>#<council>#<export>`) for the worker: a queued one at once (its createdAt), a
 * running one when its worker's lease runs out (its leaseUntil), so a job whose worker died is taken again. A
 * finished one (put done or failed) leaves it.
 */
export class DynamoCouncilExportStore implements CouncilExportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(job: CouncilExport): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.councilExport(job.councilId, job.exportId),
          ...(job.status === 'queued' ? keys.exportQueue(job.createdAt, job.councilId, job.exportId) : {}),
          ...job,
        },
      }),
    );
  }

  async get(councilId: string, exportId: string): Promise<CouncilExport | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.councilExport(councilId, exportId),
        ConsistentRead: true,
      }),
    );
    return Item ? CouncilExport.parse(strip(Item)) : undefined;
  }

  async listRunnable(now: Date, limit: number): Promise<Array<{ councilId: string; exportId: string }>> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :queued AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':queued': keys.exportQueuePartition, ':now': `${now.toISOString()}#~` },
        ProjectionExpression: 'councilId, exportId',
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({
      councilId: String(item.councilId),
      exportId: String(item.exportId),
    }));
  }

  async claim(
    councilId: string,
    exportId: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<CouncilExport | undefined> {
    const until = leaseUntil.toISOString();
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.councilExport(councilId, exportId),
          UpdateExpression:
            'SET #status = :running, startedAt = :at, leaseUntil = :until, gsi1sk = :retake ADD attempts :one',
          ConditionExpression: '#status = :queued OR (#status = :running AND leaseUntil < :at)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':queued': 'queued',
            ':at': now.toISOString(),
            ':until': until,
            ':retake': keys.exportQueue(until, councilId, exportId).gsi1sk,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      // leaseUntil is the store's (stripped as a worker attribute elsewhere); the worker is told its own lease.
      return Attributes ? CouncilExport.parse({ ...strip(Attributes), leaseUntil: until }) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}
