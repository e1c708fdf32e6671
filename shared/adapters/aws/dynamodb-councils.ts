import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../ports.js';
import { CouncilClientRecord, type CouncilClientStore } from '../../services/council-auth.js';
import { keys } from './keys.js';

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
