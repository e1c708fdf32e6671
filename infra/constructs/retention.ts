import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { keys } from '../../shared/adapters/aws/keys.js';
import { asInterface } from './cdk-types.js';
import { APPLICANT_DOCUMENTS_PREFIX, PROMOTED_PREFIX, QUARANTINE_PREFIX } from './documents.js';
import { DoorstepFunction } from './doorstep-function.js';

/** The PDF copies of applicants' data in the document store (domain/retention.ts `dataCopyKey`): one per application. */
const DATA_COPIES = 'letters/*/your-data.pdf';

/**
 * Retention (UK GDPR Art. 5(1)(e); issue 7): a function that deletes the documents and share codes whose
 * retention has ended (shared/services/retention.ts), run once a day by an EventBridge schedule. It may read
 * and write only the table items the sweep touches (applications with their audit events, the
 * due-for-deletion index, document-number claims) and delete only applicants' documents: not tenancy
 * agreements, not decision letters (only the PDF copies of applicants' data kept beside them), and it reads no
 * document at all.
 */
export class DocumentRetention extends Construct {
  readonly sweep: DoorstepFunction;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: { table: Table; key: IKey; bucket: Bucket }) {
    super(scope, id);
    this.sweep = new DoorstepFunction(this, 'retention-sweep', {
      folder: 'retention-sweep',
      description: 'Deletes documents and share codes whose retention has ended (daily)',
      environment: { TABLE_NAME: props.table.tableName, DOCUMENTS_BUCKET: props.bucket.bucketName },
      // A stopped sweep is re-run safely by the next; minutes are plenty for a day's closures.
      timeout: Duration.minutes(5),
    });
    this.grantSweep(props);
    // 03:15 UTC: after midnight in the UK all year, away from the working day's traffic.
    this.schedule = new Rule(this, 'Daily', {
      description: 'Runs the retention sweep once a day',
      schedule: Schedule.cron({ minute: '15', hour: '3' }),
      targets: [
        new LambdaFunction(asInterface<IFunction>(this.sweep.live), {
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
  }

  private grantSweep(props: { table: Table; key: IKey; bucket: Bucket }): void {
    const { table, key, bucket } = props;
    // The items the sweep reads and writes, by leading key: applications and their audit events (APP#), the
    // due-for-deletion index, and the document-number and photo-hash claims it gives up. No index, no scan.
    this.sweep.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': ['APP#*', keys.deletionPartition, 'DOCNUM#*', 'PHASH#*'],
          },
        },
      }),
    );
    this.sweep.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [key.keyArn],
      }),
    );
    // Deleting needs no KMS and no read: DeleteObject on applicants' documents only, in both areas (an
    // upload still in quarantine is deleted with its document, a day before the lifecycle rule would).
    const applicantDocuments = [PROMOTED_PREFIX, QUARANTINE_PREFIX].map((prefix) =>
      bucket.arnForObjects(`${prefix}${APPLICANT_DOCUMENTS_PREFIX}*`),
    );
    // ... and the PDF copies of applicants' data (services/your-data-pdf.ts), kept 30 days after each is made: only
    // those objects beside the letters, never a decision letter.
    const dataCopies = bucket.arnForObjects(`${PROMOTED_PREFIX}${DATA_COPIES}`);
    this.sweep.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [...applicantDocuments, dataCopies] }),
    );
    const bucketId = Stack.of(this).resolve((bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of [PROMOTED_PREFIX, QUARANTINE_PREFIX]) {
      Validations.of(this.sweep.role ?? this.sweep).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}${APPLICANT_DOCUMENTS_PREFIX}*]`,
        reason: `Deletes applicants' documents only (${prefix}${APPLICANT_DOCUMENTS_PREFIX}*): one object per document, so a prefix is the narrowest scope.`,
      });
    }
    Validations.of(this.sweep.role ?? this.sweep).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${PROMOTED_PREFIX}${DATA_COPIES}]`,
      reason: `Deletes applicants' PDF copies of their data only (${PROMOTED_PREFIX}${DATA_COPIES}, one per application): the application id in the middle is the only wildcard.`,
    });
  }
}
