import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local';
import { documentClient } from '../../shared/adapters/aws/dynamodb';
import { createJourneyTable } from '../../shared/adapters/aws/table';

/** A journey table in a DynamoDB Local of a test file's own; its fields are set once the file's tests start. */
export interface JourneyTableInTests {
  db: DynamoDBDocumentClient;
  local: DynamoDbLocal;
}

/**
 * Starts DynamoDB Local before a test file's tests, with the journey table created exactly as the stack and
 * `npm start` create it, and stops it after them. Call it at the top of the file.
 */
export function journeyTableInDynamoDbLocal(table: string): JourneyTableInTests {
  const handle = {} as JourneyTableInTests;
  beforeAll(async () => {
    handle.local = await startDynamoDbLocal();
    await createJourneyTable(handle.local.client, table);
    handle.db = documentClient(handle.local.client);
  }, 60_000);
  afterAll(async () => {
    await handle.local?.stop();
  }, 30_000);
  return handle;
}
