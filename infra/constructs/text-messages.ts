import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import {
  EventSourceMapping,
  FilterCriteria,
  FilterRule,
  type IFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction, welshCatalogueFiles } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

export interface TextMessagesProps {
  table: Table;
  key: Key;
  httpApi: HttpApi;
  subjectSalt: Secret;
  /**
   * The End User Messaging phone number or pool texts are sent from (its ARN), registered outside CDK (a UK
   * number needs its registration approved) with two-way SMS pointed at the `InboundTexts` topic.
   */
  originationIdentityArn: string;
  /**
   * The Application workflow: an applicant who has answered every question by text sends the answers by
   * replying SEND, which answers the Eligibility stage's wait (or, for a household a council nominated, starts
   * the workflow), as the web page's button does. The Letting and Letters workflows are not the text's to touch.
   */
  application: { stateMachine: StateMachine; aliasArn: string };
}

/**
 * Text messages (issue 9): one function, `sms`, the only one that may send a text. It answers the replies End
 * User Messaging publishes to the inbound topic (the SMS conversation), and sends the texts other functions
 * queue on the table (their bundles stay under 1 MiB without the SMS client), read from the table's stream:
 * keys only, so no number or answer ever sits in the stream, filtered to new queued texts.
 */
export class TextMessages extends Construct {
  readonly inbound: Topic;
  readonly fn: DoorstepFunction;

  constructor(scope: Construct, id: string, props: TextMessagesProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    // Encrypted with the data key, TLS only (cdk-nag SNS2, SNS3); only End User Messaging for this account publishes.
    this.inbound = new Topic(this, 'InboundTexts', {
      displayName: 'Doorstep: texts applicants sent',
      masterKey: props.key,
      enforceSSL: true,
    });
    const smsVoice = new ServicePrincipal('sms-voice.amazonaws.com');
    this.inbound.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsVoice],
        actions: ['sns:Publish'],
        resources: [this.inbound.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    props.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsVoice],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );

    this.fn = new DoorstepFunction(this, 'sms', {
      folder: 'sms',
      description:
        'Answers applicants’ texts (the SMS conversation) and sends the texts other functions queue',
      environment: {
        TABLE_NAME: props.table.tableName,
        SMS_ORIGINATION_IDENTITY: props.originationIdentityArn,
        WEB_URL: props.httpApi.apiEndpoint,
        // Linked phones are found by a keyed hash of the number: the subject salt, and no sign-in code key.
        SUBJECT_SALT: props.subjectSalt.secretValue.unsafeUnwrap(),
        APPLICATION_WORKFLOW_ARN: props.application.aliasArn,
      },
      timeout: Duration.seconds(30),
      // A Welsh speaker's texts are written from the catalogue beside the bundle.
      afterBundling: welshCatalogueFiles,
    });
    grantJourneyData(this.fn, props.table, props.key);
    props.application.stateMachine.grantTaskResponse(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [props.application.aliasArn] }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [props.originationIdentityArn],
      }),
    );
    this.inbound.addSubscription(new LambdaSubscription(asInterface<IFunction>(this.fn.live)));
    Validations.of(this.fn.live).acknowledge({
      id: 'CloudFormation-Validate::W3694',
      reason:
        "SNS invokes the function's live alias: an alias ARN (what Ref gives for AWS::Lambda::Alias) is a valid Lambda endpoint, so a deploy never swaps code under a delivery.",
    });

    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('Queued texts need the journey table’s stream');
    new EventSourceMapping(this, 'QueuedTexts', {
      target: asInterface<IFunction>(this.fn.live),
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.LATEST,
      batchSize: 10,
      // A text that cannot be sent is retried, then given up: a code is useless after 10 minutes anyway.
      retryAttempts: 3,
      bisectBatchOnError: true,
      maxRecordAge: Duration.hours(1),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { Keys: { pk: { S: FilterRule.beginsWith('TEXT#') } } },
        }),
      ],
    });
    // The stream's read actions on this table's stream only (a grant helper would add ListStreams on "*").
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [streamArn],
      }),
    );
  }
}
