import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';

/** Where uploads land before they are sniffed and scanned; promoted objects move out of it. */
export const QUARANTINE_PREFIX = 'quarantine/';

/**
 * Applicants' documents: private, TLS only, KMS-encrypted, versioned, access-logged. Uploads arrive under the
 * quarantine prefix and expire there after a day unless promoted (DESIGN.md §3).
 */
export class DocumentIntake extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { key: IKey }) {
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
  }
}
