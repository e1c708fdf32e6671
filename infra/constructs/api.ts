import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

export interface JourneyApiProps {
  table: Table;
  key: IKey;
  userPool: UserPool;
  consoleClient: UserPoolClient;
  /** The workflows whose waits people answer through the API. */
  stateMachines: StateMachine[];
  applicationAliasArn: string;
}

/**
 * The HTTP API: officers' routes behind the Cognito JWT authoriser, throttled, access-logged. The API function
 * is the only one allowed to resume workflows, and is separate from the function that receives task tokens
 * (otherwise the state machine would depend on itself).
 */
export class JourneyApi extends Construct {
  readonly api: HttpApi;
  readonly fn: DoorstepFunction;

  constructor(scope: Construct, id: string, props: JourneyApiProps) {
    super(scope, id);
    this.fn = new DoorstepFunction(this, 'api', {
      folder: 'api',
      description: 'Doorstep HTTP API: officers’ decisions and case views',
      environment: { TABLE_NAME: props.table.tableName, APPLICATION_WORKFLOW_ARN: props.applicationAliasArn },
      timeout: Duration.seconds(10),
    });
    grantJourneyData(this.fn, props.table, props.key);
    for (const machine of props.stateMachines) machine.grantTaskResponse(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [props.applicationAliasArn] }),
    );

    const authorizer = new HttpUserPoolAuthorizer('Officers', props.userPool, {
      userPoolClients: [props.consoleClient],
    });
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: 'doorstep',
      description: 'Doorstep journey API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    const integration = new HttpLambdaIntegration('Api', asInterface<IFunction>(this.fn.live));
    this.api.addRoutes({ path: '/v1/decisions/{decisionId}', methods: [HttpMethod.POST], integration });
    this.api.addRoutes({
      path: '/v1/officer/applications/{applicationId}',
      methods: [HttpMethod.GET],
      integration,
    });
  }
}
