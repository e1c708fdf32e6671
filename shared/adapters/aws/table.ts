import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from './keys.js';

/**
 * Creates the journey table with the keys the CDK stack gives it (infra/constructs/data.ts), for runtimes
 * that have no CloudFormation: the local runtime (DynamoDB Local) and the integration tests. On demand, one
 * GSI projecting every attribute. An existing table is left as it is, so a restart keeps its data.
 */
export async function createJourneyTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: TABLE_KEYS.partition, AttributeType: 'S' },
          { AttributeName: TABLE_KEYS.sort, AttributeType: 'S' },
          { AttributeName: TABLE_KEYS.gsi1.partition, AttributeType: 'S' },
          { AttributeName: TABLE_KEYS.gsi1.sort, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE_KEYS.gsi1.name,
            KeySchema: [
              { AttributeName: TABLE_KEYS.gsi1.partition, KeyType: 'HASH' },
              { AttributeName: TABLE_KEYS.gsi1.sort, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
}
