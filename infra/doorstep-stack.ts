import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { JourneyApi } from './constructs/api.js';
import { JourneyData } from './constructs/data.js';
import { DocumentIntake } from './constructs/documents.js';
import { Journey } from './constructs/journey.js';
import { Officers } from './constructs/officers.js';

/** Doorstep in one stack: data, documents, the journey's functions and workflows, officers, and the API. */
export class DoorstepStack extends Stack {
  readonly journey: Journey;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const data = new JourneyData(this, 'Data');
    const documents = new DocumentIntake(this, 'Documents', { key: data.key });
    this.journey = new Journey(this, 'Journey', { table: data.table, key: data.key });
    const officers = new Officers(this, 'Officers');
    const api = new JourneyApi(this, 'Api', {
      table: data.table,
      key: data.key,
      userPool: officers.userPool,
      consoleClient: officers.consoleClient,
      stateMachines: [
        this.journey.application.workflow.stateMachine,
        this.journey.letting.workflow.stateMachine,
      ],
      applicationAliasArn: this.journey.application.workflow.aliasArn,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: documents.bucket.bucketName });
    new CfnOutput(this, 'ApplicationWorkflow', { value: this.journey.application.workflow.aliasArn });
    new CfnOutput(this, 'LettingWorkflow', { value: this.journey.letting.workflow.aliasArn });
    new CfnOutput(this, 'OfficerUserPool', { value: officers.userPool.userPoolId });
  }
}
