import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { apiRoutes, type RouteKey, splitRouteKey } from '../../functions/api/routes.js';
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
  /** The Letting workflow's live alias: a change of circumstances may start a Letting when a home fits. */
  lettingAliasArn: string;
  /** The Letters workflow's live alias: decisions made here (reassessments, overrides) get their PDF letters. */
  lettersAliasArn: string;
}

/**
 * The HTTP API, throttled and access-logged: officers' routes behind the Cognito JWT authoriser; applicants'
 * routes with no API Gateway authoriser, because applicants authenticate by Doorstep's own session cookie,
 * which the handler checks on every request (functions/api/routes.ts lists who may call each route). The API
 * function is the only one allowed to resume workflows, and is separate from the function that receives task
 * tokens (otherwise the state machine would depend on itself).
 */
export class JourneyApi extends Construct {
  readonly api: HttpApi;
  readonly fn: DoorstepFunction;
  /**
   * Applicants' sign-in secrets. The web front end signs applicants in too and needs the very same values
   * (the same subjects, the same sessions), so it is given these, never secrets of its own.
   */
  readonly signInSecrets: { subjectSalt: Secret; codeKey: Secret };

  constructor(scope: Construct, id: string, props: JourneyApiProps) {
    super(scope, id);
    // Applicants' sign-in secrets, generated at deploy and never in the repository. Resolved into the API's
    // and the web's environment by CloudFormation (encrypted at rest by Lambda).
    const subjectSalt = this.signInSecret('SubjectSalt', props.key, {
      description: 'Doorstep: keys applicants’ pseudonymous subject ids. Never rotate: ids would change.',
      reason:
        'The subject salt keys every applicant’s pseudonymous id (the owner of their applications); rotating it would detach every applicant from their applications. It is generated at deploy, never leaves AWS and is read only by the API and web functions.',
    });
    const codeKey = this.signInSecret('SignInCodeKey', props.key, {
      description: 'Doorstep: keys the hashes of sign-in codes (codes live 10 minutes).',
      reason:
        'Keys the hashes of 10-minute sign-in codes. Rotating it needs the API and web functions redeployed (it is resolved into their environment), which is done by replacing the secret; scheduled rotation would leave the functions on the old value.',
    });
    this.signInSecrets = { subjectSalt, codeKey };
    this.fn = new DoorstepFunction(this, 'api', {
      folder: 'api',
      description:
        'Doorstep HTTP API: applicants’ sessions and applications, officers’ decisions and case views',
      environment: {
        TABLE_NAME: props.table.tableName,
        APPLICATION_WORKFLOW_ARN: props.applicationAliasArn,
        LETTING_WORKFLOW_ARN: props.lettingAliasArn,
        LETTERS_WORKFLOW_ARN: props.lettersAliasArn,
        SUBJECT_SALT: subjectSalt.secretValue.unsafeUnwrap(),
        SIGN_IN_CODE_KEY: codeKey.secretValue.unsafeUnwrap(),
      },
      timeout: Duration.seconds(10),
    });
    grantJourneyData(this.fn, props.table, props.key);
    for (const machine of props.stateMachines) machine.grantTaskResponse(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [props.applicationAliasArn, props.lettingAliasArn, props.lettersAliasArn],
      }),
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
    const applicantsAuthenticateInTheHandler = new HttpNoneAuthorizer();
    for (const [key, caller] of Object.entries(apiRoutes) as Array<[RouteKey, string]>) {
      const { method, path } = splitRouteKey(key);
      const [route] = this.api.addRoutes({
        path,
        methods: [HttpMethod[method]],
        integration,
        // Officers: the default authoriser (Cognito JWT). Applicants and signing in: none at API Gateway.
        ...(caller === 'officer' ? {} : { authorizer: applicantsAuthenticateInTheHandler }),
      });
      if (caller !== 'officer' && route) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            caller === 'applicant'
              ? 'Applicants authenticate by Doorstep’s session cookie (a one-time code to their email), which the API handler checks on every request before reading or writing anything; another applicant’s record answers 404.'
              : key === 'GET /v1/keys/jwks.json'
                ? 'A public key set (JWKS, RFC 7517): the public halves of the keys that sign digital key credentials, which door locks fetch to verify keys. It holds no secret and no personal data; publishing it is its purpose.'
                : 'Signing in and out: asking for a code, sending it, and ending a session cannot require a session. Requests for codes are limited per address.',
        });
      }
    }
  }

  private signInSecret(id: string, key: IKey, options: { description: string; reason: string }): Secret {
    const secret = new Secret(this, id, {
      description: options.description,
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: options.reason });
    return secret;
  }
}
