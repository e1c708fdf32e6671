import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, TTL_ATTRIBUTE } from './keys.js';

/**
 * Creates the journey table with the keys the CDK stack gives it (infra/constructs/data.ts), for runtimes
 * that have no CloudFormation: the local runtime (DynamoDB Local) and the integration tests. On demand, one
 * GSI projecting every attribute, TTL on `expiresAt`. An existing table keeps its data, so a restart loses
 * nothing. Nothing relies on TTL deleting on time: expiry is checked on every read; TTL only tidies up.
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
  const { TimeToLiveDescription } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  if (TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
}
