import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../ports.js';
import { CouncilClientRecord, type CouncilClientStore } from '../../services/council-auth.js';
import type { CouncilUsageStore } from '../../services/council-limits.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

/** Partner councils' clients on the journey table, by client id (issue 10). */
export class DynamoCouncilClientStore implements CouncilClientStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async add(record: CouncilClientRecord): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.councilClient(record.clientId), ...CouncilClientRecord.parse(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError(`A client with id ${record.clientId} exists already`);
      throw error;
    }
  }

  async get(clientId: string): Promise<CouncilClientRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.councilClient(clientId) }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...record } = Item;
    return CouncilClientRecord.parse(record);
  }
}

/**
 * Request counts per client and window: one conditional ADD per count, so the table admits at most `limit`
 * requests in a window however many containers ask at once (no read-then-write).
 */
export class DynamoCouncilUsageStore implements CouncilUsageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async count(clientId: string, window: string, limit: number, expiresAt: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.councilUsage(clientId, window),
          UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :expires)',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'requests', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': expiresAt },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
