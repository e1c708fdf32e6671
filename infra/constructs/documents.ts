import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  EventType,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

/** Where uploads land before they are sniffed and scanned; promoted objects move out of it. */
export const QUARANTINE_PREFIX = 'quarantine/';
/** Where promoted uploads and the agreements Doorstep writes live. */
export const PROMOTED_PREFIX = 'documents/';

/**
 * Applicants' documents: private, TLS only, KMS-encrypted, versioned, access-logged. Uploads arrive under the
 * quarantine prefix and expire there after a day unless promoted (DESIGN.md §3).
 */
export class DocumentIntake extends Construct {
  readonly bucket: Bucket;
  /** Runs on every upload into quarantine: sniffs, promotes or rejects, and reads passports (Textract). */
  readonly received: DoorstepFunction;

  constructor(scope: Construct, id: string, props: { key: IKey; table: Table }) {
    super(scope, id);
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logs can only be delivered to a bucket with S3-managed encryption.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: asInterface<IBucket>(accessLogs),
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        { id: 'quarantine', prefix: QUARANTINE_PREFIX, expiration: Duration.days(1) },
        {
          id: 'uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.received = new DoorstepFunction(this, 'document-received', {
      folder: 'document-received',
      description: 'Sniffs each upload in quarantine, promotes or rejects it, and reads passports',
      environment: { TABLE_NAME: props.table.tableName, DOCUMENTS_BUCKET: this.bucket.bucketName },
      timeout: Duration.seconds(60),
      memorySize: 1024,
    });
    grantJourneyData(this.received, props.table, props.key);
    // Object-level grants under each prefix, nothing on the bucket itself; the data key covers KMS.
    this.received.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${QUARANTINE_PREFIX}*`)],
      }),
    );
    this.received.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${PROMOTED_PREFIX}*`)],
      }),
    );
    this.received.addToRolePolicy(
      new PolicyStatement({ actions: ['textract:AnalyzeDocument'], resources: ['*'] }),
    );
    this.bucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new LambdaDestination(asInterface<IFunction>(this.received.live)),
      { prefix: QUARANTINE_PREFIX },
    );
    const bucketId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of [QUARANTINE_PREFIX, PROMOTED_PREFIX]) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Objects under ${prefix} only: the narrowest scope for per-upload keys.`,
      });
    }
    Validations.of(this.received).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'textract:AnalyzeDocument has no resource-level permissions, and X-Ray needs "*". A test checks no other action is granted on "*".',
    });
  }
}
