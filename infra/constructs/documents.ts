import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

/** Where uploads land before they are sniffed and scanned; promoted objects move out of it. */
export const QUARANTINE_PREFIX = 'quarantine/';
/** Where promoted uploads and the agreements Doorstep writes live. */
export const PROMOTED_PREFIX = 'documents/';
/** Where applicants' documents live under each area (services/documents.ts, documentKey). */
export const APPLICANT_DOCUMENTS_PREFIX = 'applications/';

/** The EventBridge detail type GuardDuty Malware Protection for S3 publishes when it has scanned an object. */
export const SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';

/**
 * Applicants' documents: private, TLS only, KMS-encrypted, versioned, access-logged. Uploads arrive under the
 * quarantine prefix and expire there after a day unless promoted (DESIGN.md §3). GuardDuty Malware Protection
 * for S3 scans each upload and tags it with the result; its scan-result event (not the upload itself) runs
 * document-received, which promotes only what GuardDuty tagged NO_THREATS_FOUND.
 */
export class DocumentIntake extends Construct {
  readonly bucket: Bucket;
  /** Runs on every upload into quarantine: sniffs, promotes or rejects, and reads passports (Textract). */
  readonly received: DoorstepFunction;
  /** GuardDuty Malware Protection for S3 on the quarantine prefix, tagging each object with its result. */
  readonly malwareProtection: CfnMalwareProtectionPlan;
  /** Where Textract announces that it has finished reading a long PDF (its asynchronous analysis). */
  readonly readings: Topic;
  /** The role Textract assumes to publish to {@link readings}, and nothing else. */
  readonly textractRole: Role;
  /** Runs on each of Textract's announcements: collects what was read, checks it and saves it. */
  readonly read: DoorstepFunction;
  /** Events the document functions could not process after their retries, for an operator (alarmed). */
  readonly failures: Queue;

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
        // The bucket is versioned, so an expired or deleted object first becomes a noncurrent version: for
        // uploads and applicants' documents that copy goes a day later too, not after the bucket's 30 days
        // (UK GDPR Art. 5(1)(e): a document the retention sweep deletes is gone within days, not a month).
        {
          id: 'quarantine',
          prefix: QUARANTINE_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'applicant-documents',
          prefix: `${PROMOTED_PREFIX}${APPLICANT_DOCUMENTS_PREFIX}`,
          noncurrentVersionExpiration: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
        {
          id: 'uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { account } = Stack.of(this);
    // Long PDFs are read by Textract's asynchronous analysis (shared/adapters/aws/textract-jobs.ts), which
    // announces each finished job here; encrypted with the data key, TLS only (cdk-nag SNS2, SNS3).
    this.readings = new Topic(this, 'TextractReadings', {
      displayName: 'Doorstep: Textract has finished reading a document',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.textractRole = new Role(this, 'TextractPublishRole', {
      // Only Textract acting for this account (confused-deputy protection).
      assumedBy: new ServicePrincipal('textract.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': account },
      }),
      description:
        'Amazon Textract: announces finished document analyses on the readings topic, nothing else',
      inlinePolicies: {
        publish: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: ['sns:Publish'], resources: [this.readings.topicArn] }),
            // The topic is encrypted with the data key: through SNS only.
            new PolicyStatement({
              actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
              resources: [props.key.keyArn],
              conditions: {
                StringEquals: { 'kms:ViaService': `sns.${Stack.of(this).region}.amazonaws.com` },
              },
            }),
          ],
        }),
      },
    });
    const readingSettings = {
      TABLE_NAME: props.table.tableName,
      DOCUMENTS_BUCKET: this.bucket.bucketName,
      TEXTRACT_TOPIC_ARN: this.readings.topicArn,
      TEXTRACT_ROLE_ARN: this.textractRole.roleArn,
    };

    this.received = new DoorstepFunction(this, 'document-received', {
      folder: 'document-received',
      description: 'Sniffs each scanned upload in quarantine, promotes or rejects it, and reads passports',
      environment: readingSettings,
      timeout: Duration.seconds(60),
      memorySize: 1024,
    });
    grantJourneyData(this.received, props.table, props.key);
    // Object-level grants under each prefix, nothing on the bucket itself; the data key covers KMS.
    this.received.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:DeleteObject'],
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
      new PolicyStatement({
        actions: ['textract:AnalyzeDocument', 'textract:StartDocumentAnalysis'],
        resources: ['*'],
      }),
    );
    // Textract reads a long PDF from S3 with the permissions of whoever started the job: applicants' promoted
    // documents only (the data key's kms:Decrypt is granted with the journey's data).
    this.received.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${PROMOTED_PREFIX}${APPLICANT_DOCUMENTS_PREFIX}*`)],
      }),
    );
    // Handing Textract its role to publish with, and to Textract only.
    this.received.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.textractRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'textract.amazonaws.com' } },
      }),
    );

    this.read = new DoorstepFunction(this, 'document-read', {
      folder: 'document-read',
      description: 'Collects what Textract read from a long PDF, checks it against the answers and saves it',
      environment: readingSettings,
      timeout: Duration.seconds(60),
    });
    grantJourneyData(this.read, props.table, props.key);
    this.read.addToRolePolicy(
      new PolicyStatement({ actions: ['textract:GetDocumentAnalysis'], resources: ['*'] }),
    );
    this.readings.addSubscription(new LambdaSubscription(asInterface<IFunction>(this.read.live)));
    // What still fails after the retries is kept, not dropped, and an operator is alarmed: an upload whose
    // scan result or reading was never processed stays in view (the document itself waits for an officer).
    this.failures = new Queue(this, 'Failures', {
      // SQS-managed keys: EventBridge and Lambda can write to it without grants on the data key.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of document-received (EventBridge target) and document-read (asynchronous invocation); its messages are looked at by an operator, not consumed.',
    });
    this.read.live.configureAsyncInvoke({
      onFailure: new SqsDestination(this.failures),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    new Alarm(this, 'FailuresWaiting', {
      alarmDescription:
        'Doorstep: an upload’s scan result or a long PDF’s reading failed after its retries; its event is in the Failures queue. Fix the cause, then send the message to the function again.',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    Validations.of(this.read.live).acknowledge({
      id: 'CloudFormation-Validate::W3694',
      reason:
        "SNS invokes the function's live alias: an alias ARN (what Ref gives for AWS::Lambda::Alias) is a valid Lambda endpoint, so a deploy never swaps code under a delivery.",
    });
    Validations.of(this.read).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'textract:GetDocumentAnalysis has no resource-level permissions, and X-Ray needs "*". A test checks no other action is granted on "*".',
    });
    this.malwareProtection = this.protectQuarantine(props.key);
    // Each scan result (clean or not) runs document-received once; the function reads the verdict from the tag.
    // A tag not yet visible fails the invocation, and EventBridge retries it.
    new Rule(this, 'ScanResult', {
      description: 'Runs document-received when GuardDuty has scanned an upload in quarantine',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: [SCAN_RESULT_DETAIL_TYPE],
        detail: {
          s3ObjectDetails: {
            bucketName: [this.bucket.bucketName],
            objectKey: [{ prefix: QUARANTINE_PREFIX }],
          },
        },
      },
      targets: [
        new LambdaFunction(asInterface<IFunction>(this.received.live), {
          retryAttempts: 8,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: this.failures,
        }),
      ],
    });
    const bucketId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of [
      QUARANTINE_PREFIX,
      PROMOTED_PREFIX,
      `${PROMOTED_PREFIX}${APPLICANT_DOCUMENTS_PREFIX}`,
    ]) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Objects under ${prefix} only: the narrowest scope for per-upload keys.`,
      });
    }
    Validations.of(this.received).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'textract:AnalyzeDocument and textract:StartDocumentAnalysis have no resource-level permissions, and X-Ray needs "*". A test checks no other action is granted on "*".',
    });
  }

  /**
   * GuardDuty Malware Protection for S3 on the quarantine prefix only, with tagging on, and the role it acts
   * with: the permissions AWS documents for the plan's role, each narrowed to this bucket, its quarantine
   * objects and its data key (docs.aws.amazon.com/guardduty/latest/ug/malware-protection-s3-iam-policy-prerequisite.html).
   */
  private protectQuarantine(key: IKey): CfnMalwareProtectionPlan {
    const { region, account } = Stack.of(this);
    const managedRule = `arn:${Stack.of(this).partition}:events:${region}:${account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    const quarantined = this.bucket.arnForObjects(`${QUARANTINE_PREFIX}*`);
    const role = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description:
        'GuardDuty Malware Protection for S3: scans and tags uploads in the documents bucket quarantine',
      inlinePolicies: {
        scan: new PolicyDocument({
          statements: [
            // The EventBridge rule GuardDuty manages to hear of new objects.
            new PolicyStatement({
              actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
              resources: [managedRule],
              conditions: {
                StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' },
              },
            }),
            new PolicyStatement({
              actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
              resources: [managedRule],
            }),
            // Turning on the bucket's EventBridge notifications, and checking who owns the bucket.
            new PolicyStatement({
              actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
              resources: [this.bucket.bucketArn],
            }),
            // The object GuardDuty writes once to check it can.
            new PolicyStatement({
              actions: ['s3:PutObject'],
              resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')],
            }),
            // Reading and tagging what it scans: quarantined uploads only.
            new PolicyStatement({
              actions: [
                's3:GetObject',
                's3:GetObjectVersion',
                's3:GetObjectTagging',
                's3:GetObjectVersionTagging',
                's3:PutObjectTagging',
                's3:PutObjectVersionTagging',
              ],
              resources: [quarantined],
            }),
            // The bucket is encrypted with the data key: decrypting through S3 only.
            new PolicyStatement({
              actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
              resources: [key.keyArn],
              conditions: { StringLike: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
            }),
          ],
        }),
      },
    });
    const bucketId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(role).acknowledge({
      // cdk-nag names the resource as synthesis resolves it: the partition and region are literal ("aws",
      // "eu-west-2") when the stack's region is known (the CLI), tokens when it is not (environment-agnostic).
      id: `AwsSolutions-IAM5[Resource::arn:${Token.isUnresolved(Stack.of(this).partition) ? '<AWS::Partition>' : Stack.of(this).partition}:events:${Token.isUnresolved(region) ? '<AWS::Region>' : region}:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
      reason:
        'GuardDuty names its managed rule with this prefix and a suffix it chooses; AWS documents this wildcard.',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${QUARANTINE_PREFIX}*]`,
      reason: 'GuardDuty scans and tags every upload under quarantine/ and nothing else.',
    });
    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [QUARANTINE_PREFIX] },
      },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // The plan validates its role when it is created: the role's policy must exist first.
    plan.node.addDependency(role);
    return plan;
  }
}
