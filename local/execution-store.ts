import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { GSI1 } from '../shared/adapters/aws/keys.js';

/**
 * Where the local runtime keeps its executions, in DynamoDB Local beside the journey (DESIGN.md §1: durable
 * locally too). A running execution is listed under `EXECUTIONS#RUNNING` until it ends, with the human wait it
 * is parked on, so a restart can re-enter it at that stage with the same task token.
 *
 *   execution  EXEC#<execution name>  / EXEC     gsi1 (while running): EXECUTIONS#RUNNING / <startedAt>
 */
export interface ParkedWait {
  stateName: string;
  taskToken: string;
  stage: string;
  offerId?: string;
}

export interface ExecutionRecord {
  executionName: string;
  machine: string;
  input: Record<string, unknown>;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  startedAt: string;
  endedAt?: string;
  parked?: ParkedWait;
  error?: string;
}

const key = (executionName: string) => ({ pk: `EXEC#${executionName}`, sk: 'EXEC' });
const RUNNING = 'EXECUTIONS#RUNNING';

export class ExecutionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Records a new execution; false when one of that name exists (a start is idempotent by name). */
  async start(record: ExecutionRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(record.executionName), gsi1pk: RUNNING, gsi1sk: record.startedAt, ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async get(executionName: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key(executionName) }));
    return Item as ExecutionRecord | undefined;
  }

  async park(executionName: string, parked: ParkedWait | undefined): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key(executionName),
        UpdateExpression: parked ? 'SET parked = :parked' : 'REMOVE parked',
        ...(parked ? { ExpressionAttributeValues: { ':parked': parked } } : {}),
      }),
    );
  }

  async end(
    executionName: string,
    status: 'SUCCEEDED' | 'FAILED',
    endedAt: string,
    error?: string,
  ): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key(executionName),
        UpdateExpression: `SET #status = :status, endedAt = :endedAt${error ? ', #error = :error' : ''} REMOVE gsi1pk, gsi1sk, parked`,
        ExpressionAttributeNames: { '#status': 'status', ...(error ? { '#error': 'error' } : {}) },
        ExpressionAttributeValues: {
          ':status': status,
          ':endedAt': endedAt,
          ...(error ? { ':error': error } : {}),
        },
      }),
    );
  }

  async running(): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :running',
          ExpressionAttributeValues: { ':running': RUNNING },
          ExclusiveStartKey: start,
        }),
      );
      records.push(...((page.Items ?? []) as ExecutionRecord[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return records;
  }
}
