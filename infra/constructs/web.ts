import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  type HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction, welshCatalogueFiles } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

/** GOV.UK Frontend's files as the npm package ships them, relative to the project root. */
const GOVUK = join('node_modules', 'govuk-frontend', 'dist', 'govuk');

/**
 * What the web function reads from disk, copied next to its `index.js` (the layout functions/web/handler.ts
 * expects): Doorstep's templates, static files and Welsh catalogue, and of GOV.UK Frontend only what renders and is served:
 * the page template, the components' and macros' Nunjucks files, the compiled CSS and JavaScript, fonts and
 * images. Not its Sass, ES module sources, source maps, fixtures or example HTML.
 */
export function webBundleFiles(inputDir: string, outputDir: string): string[] {
  const govuk = join(inputDir, GOVUK);
  const target = join(outputDir, 'govuk-frontend', 'govuk');
  const q = (path: string) => `"${path}"`;
  return [
    `mkdir -p ${q(target)}`,
    `cp -R ${q(join(inputDir, 'web', 'views'))} ${q(join(outputDir, 'views'))}`,
    `cp -R ${q(join(inputDir, 'web', 'static'))} ${q(join(outputDir, 'static'))}`,
    ...welshCatalogueFiles(inputDir, outputDir),
    `cp ${['template.njk', 'govuk-frontend.min.css', 'govuk-frontend.min.js'].map((name) => q(join(govuk, name))).join(' ')} ${q(target)}`,
    `cp -R ${['assets', 'macros', 'components'].map((name) => q(join(govuk, name))).join(' ')} ${q(target)}`,
    // Each component folder holds its macro and template next to Sass, ES modules, maps and fixtures.
    `find ${q(join(target, 'components'))} -type f ! -name '*.njk' -delete`,
  ];
}

/**
 * A web site's Lambda function (the applicant's site or the officers' console), bundled with its templates and
 * assets. Nunjucks requires its optional peer chokidar (not installed) only to watch templates for changes,
 * inside a try: esbuild leaves that one `require` unresolved in the bundle, and the renderer never watches, so
 * nothing needs marking external.
 */
export class WebFunction extends DoorstepFunction {
  constructor(
    scope: Construct,
    id: string,
    props: { folder: 'web' | 'console'; description: string; environment: Record<string, string> },
  ) {
    super(scope, id, {
      folder: props.folder,
      description: props.description,
      environment: props.environment,
      timeout: Duration.seconds(10),
      afterBundling: webBundleFiles,
    });
  }
}

export interface JourneyWebProps {
  /** The HTTP API whose `$default` route the web answers; every `/v1/...` route stays the JSON API's. */
  httpApi: HttpApi;
  table: Table;
  key: IKey;
  userPool: UserPool;
  /** The console's app client: USER_PASSWORD_AUTH, no client secret. */
  consoleClient: UserPoolClient;
  /** The workflows whose waits people answer through the pages. */
  stateMachines: StateMachine[];
  applicationAliasArn: string;
  /** The Letting workflow's live alias: a change of circumstances may start a Letting when a home fits. */
  lettingAliasArn: string;
  /** The Letters workflow's live alias: decisions made here (reassessments, overrides) get their PDF letters. */
  lettersAliasArn: string;
  /** The API's sign-in secrets: applicants sign in on either, into the same sessions. */
  signInSecrets: { subjectSalt: Secret; codeKey: Secret };
}

/**
 * The applicant's site and the officers' console (web/), each a function of its own behind the HTTP API: the
 * console takes `/officer` and every path under it, the applicant's site every other path the JSON API does not
 * claim (`$default`). Each bundle carries only its own pages, and each role only what its pages do: only the
 * console reads applicants' documents and verifies officers' tokens; only the applicant's site presigns uploads.
 * No API Gateway authoriser: the pages check the applicant's session cookie and verify the officer's Cognito ID
 * token themselves, as the JSON API's handler does for applicants. Neither signs anything or issues keys.
 */
export class JourneyWeb extends Construct {
  readonly fn: WebFunction;
  readonly console: WebFunction;

  constructor(scope: Construct, id: string, props: JourneyWebProps) {
    super(scope, id);
    // The key CSRF tokens are derived with: the same on every instance, generated at deploy, never in the
    // repository, resolved into the function's environment by CloudFormation like the sign-in secrets.
    const csrfKey = new Secret(this, 'CsrfKey', {
      description: 'Doorstep web: derives the CSRF tokens of its forms.',
      encryptionKey: props.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(csrfKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Derives CSRF tokens for forms, on top of SameSite=Strict cookies. It is resolved into the web functions’ environment at deploy, so it is rotated by replacing the secret and redeploying (forms open at that moment are refused once and shown again); scheduled rotation would leave the functions on the old value.',
    });

    const environment = {
      TABLE_NAME: props.table.tableName,
      APPLICATION_WORKFLOW_ARN: props.applicationAliasArn,
      LETTING_WORKFLOW_ARN: props.lettingAliasArn,
      LETTERS_WORKFLOW_ARN: props.lettersAliasArn,
      WEB_CSRF_KEY: csrfKey.secretValue.unsafeUnwrap(),
    };
    // Applicants sign in on the applicant's site only: the console never sees the sign-in secrets.
    this.fn = new WebFunction(this, 'web', {
      folder: 'web',
      description: 'Doorstep web: the applicant journey, server-rendered',
      environment: {
        ...environment,
        SUBJECT_SALT: props.signInSecrets.subjectSalt.secretValue.unsafeUnwrap(),
        SIGN_IN_CODE_KEY: props.signInSecrets.codeKey.secretValue.unsafeUnwrap(),
      },
    });
    this.console = new WebFunction(this, 'console', {
      folder: 'console',
      description: 'Doorstep console: the lettings officers’ pages, server-rendered',
      environment: {
        ...environment,
        OFFICER_USER_POOL_ID: props.userPool.userPoolId,
        OFFICER_CLIENT_ID: props.consoleClient.userPoolClientId,
      },
    });
    for (const fn of [this.fn, this.console]) {
      grantJourneyData(fn, props.table, props.key);
      for (const machine of props.stateMachines) machine.grantTaskResponse(fn);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [props.applicationAliasArn, props.lettingAliasArn, props.lettersAliasArn],
        }),
      );
    }

    const pages = new HttpRoute(this, 'Pages', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Web', asInterface<IFunction>(this.fn.live)),
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(pages).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The applicant’s pages: public pages need no sign-in; the applicant’s own pages check Doorstep’s session cookie in the handler on every request, before reading or writing anything.',
    });
    const consoleIntegration = new HttpLambdaIntegration(
      'Console',
      asInterface<IFunction>(this.console.live),
    );
    for (const [routeId, path] of [
      ['ConsolePages', '/officer'],
      ['ConsoleSubpages', '/officer/{proxy+}'],
    ] as const) {
      const route = new HttpRoute(this, routeId, {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod.ANY),
        integration: consoleIntegration,
        authorizer: new HttpNoneAuthorizer(),
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The officers’ console: its sign-in pages need no token; every other page verifies the officer’s Cognito ID token (issuer, audience, expiry, token_use) in the handler on every request, before reading or writing anything.',
      });
    }
  }
}
