import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/adapters/aws/keys.js';

/**
 * The journey's store: one DynamoDB table (single-table design), on demand, point-in-time recovery, encrypted
 * with a customer-managed KMS key that rotates, kept on stack deletion.
 */
export class JourneyData extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      alias: 'alias/doorstep/data',
      description: 'Doorstep applicant data (table and documents)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sort, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Keys only: the sms function reads the texts other functions queue (infra/constructs/text-messages.ts),
      // and nothing else of the table ever sits in the stream.
      stream: StreamViewType.KEYS_ONLY,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.gsi1.name,
      partitionKey: { name: TABLE_KEYS.gsi1.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.gsi1.sort, type: AttributeType.STRING },
    });
  }
}
