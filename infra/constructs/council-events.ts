import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { PROMOTED_PREFIX } from './documents.js';
import { DoorstepFunction } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

/** Where councils' CSV exports are written in the documents bucket (services/council-exports.ts). */
export const EXPORTS_PREFIX = 'exports/';

/**
 * Events out to partner councils (issue 10): the `council-events` function, run every minute by an EventBridge
 * schedule, delivers the webhooks that are due and runs queued CSV exports. Deliveries and exports are scheduled
 * in the table (services/council-events.ts), not in a queue: retries over an hour outlive SQS's 15-minute delay
 * and the stage functions that record events then need no queue client; a failed run leaves its work due for the
 * next. It calls councils' endpoints on the internet, so it has no VPC; the sender refuses private addresses.
 */
export class CouncilEvents extends Construct {
  readonly worker: DoorstepFunction;
  readonly schedule: Rule;
  private readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { table: Table; key: IKey; bucket: Bucket }) {
    super(scope, id);
    this.bucket = props.bucket;
    this.worker = new DoorstepFunction(this, 'council-events', {
      folder: 'council-events',
      description:
        'Delivers partner councils’ webhooks (signed, retried, dead-lettered) and runs their CSV exports',
      environment: { TABLE_NAME: props.table.tableName, DOCUMENTS_BUCKET: props.bucket.bucketName },
      // A run stops taking batches 20 s before its end; a minute's schedule and five attempts of 5 s fit easily.
      timeout: Duration.minutes(2),
    });
    grantJourneyData(this.worker, props.table, props.key);
    this.worker.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${PROMOTED_PREFIX}${EXPORTS_PREFIX}*`)],
      }),
    );
    this.acknowledgeExports(this.worker, 'Writes councils’ CSV exports only');
    this.schedule = new Rule(this, 'EveryMinute', {
      description: 'Delivers due council webhooks and runs queued exports',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [
        new LambdaFunction(asInterface<IFunction>(this.worker.live), {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(2),
        }),
      ],
    });
  }

  /** A function that hands councils download links for their exports: it presigns GETs with its own role. */
  grantExportDownloads(fn: IGrantable & { addEnvironment(key: string, value: string): unknown }): void {
    fn.addEnvironment('DOCUMENTS_BUCKET', this.bucket.bucketName);
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${PROMOTED_PREFIX}${EXPORTS_PREFIX}*`)],
      }),
    );
  }

  /** The exports' prefix is the narrowest scope: one object per export, named by council and export id. */
  acknowledgeExports(fn: DoorstepFunction, what: string): void {
    const bucketId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${PROMOTED_PREFIX}${EXPORTS_PREFIX}*]`,
      reason: `${what} (${PROMOTED_PREFIX}${EXPORTS_PREFIX}*): one object per export, so a prefix is the narrowest scope.`,
    });
  }
}
