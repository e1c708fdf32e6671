import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import {
  IDEMPOTENCY_SECONDS,
  type IdempotentOutcome,
  type IdempotentRequest,
  type IdempotentRequests,
} from '../../services/council-idempotency.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

/**
 * Idempotent council POSTs with Powertools for AWS Lambda's idempotency utility, its records on the journey
 * table (one partition, the hash of [client id, key] as the sort key, TTL on the table's attribute). Powertools
 * takes the key with a conditional put (a concurrent repeat is "in progress"), stores the answer, checks the
 * request's hash on a repeat (a different request is a validation error) and deletes the record when the
 * route fails, so only successes are replayed.
 */
export class PowertoolsIdempotentRequests implements IdempotentRequests {
  private readonly config: IdempotencyConfig;
  private readonly idempotent: (
    request: IdempotentRequest,
    execute: () => Promise<unknown>,
  ) => Promise<unknown>;

  constructor(client: DynamoDBClient, table: string) {
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: table,
      awsSdkV3Client: client,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: keys.idempotencyPartition,
      expiryAttr: TTL_ATTRIBUTE,
    });
    this.config = new IdempotencyConfig({
      eventKeyJmesPath: '[clientId, key]',
      payloadValidationJmesPath: 'fingerprint',
      throwOnNoIdempotencyKey: true,
      expiresAfterSeconds: IDEMPOTENCY_SECONDS,
    });
    this.idempotent = makeIdempotent(
      (_request: IdempotentRequest, execute: () => Promise<unknown>) => execute(),
      { persistenceStore, keyPrefix: 'councils', config: this.config },
    );
  }

  async run<T>(
    request: IdempotentRequest,
    execute: () => Promise<T>,
    invocation?: { getRemainingTimeInMillis(): number },
  ): Promise<IdempotentOutcome<T>> {
    // Powertools marks the record "in progress" until the invocation's deadline (a Lambda container runs one
    // request at a time, so the shared config holds this request's invocation).
    if (invocation) this.config.registerLambdaContext(invocation as Context);
    let ran = false;
    try {
      const value = (await this.idempotent(request, async () => {
        ran = true;
        return execute();
      })) as T;
      return { kind: 'answer', value, replayed: !ran };
    } catch (error) {
      if (error instanceof IdempotencyValidationError) return { kind: 'different-request' };
      if (error instanceof IdempotencyAlreadyInProgressError) return { kind: 'in-progress' };
      throw error;
    }
  }
}
