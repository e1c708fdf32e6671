import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { apiRoutes, type RouteKey } from '../../../functions/api/routes';
import { synthDoorstep } from '../../support/synth';

// Synthesising with the AwsSolutions plugin is itself the cdk-nag gate: an unacknowledged error throws here.
const { template, region } = synthDoorstep();

/** Doorstep's functions, without the singleton CDK adds to configure bucket notifications. */
const doorstepFunctions = () =>
  Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !id.startsWith('BucketNotificationsHandler'),
    ),
  );

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const statements = (): Array<{ policy: string; statement: Statement }> =>
  Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument.Statement as Statement[]).map((statement) => ({ policy, statement })),
  );

describe('the Doorstep stack', () => {
  it('deploys to eu-west-2, keeping UK data in the UK', () => {
    expect(region).toBe('eu-west-2');
  });

  it('stores the journey in one on-demand DynamoDB table with PITR and a rotating customer-managed key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
      DeletionProtectionEnabled: true,
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('keeps documents private, TLS-only, KMS-encrypted, with a quarantine prefix that expires', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'documents/' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('runs every function on the newest Node.js runtime, arm64, traced, behind a published live alias', () => {
    const functions = doorstepFunctions();
    expect(Object.keys(functions)).toHaveLength(17);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
    }
    template.resourceCountIs('AWS::Lambda::Version', 17);
    template.resourceCountIs('AWS::Lambda::Alias', 17);
    template.allResourcesProperties('AWS::Lambda::Alias', { Name: 'live' });
  });

  it('gives no Doorstep function a managed policy: each role is granted resource by resource', () => {
    const roles = Object.entries(template.findResources('AWS::IAM::Role'));
    const managed = roles
      .filter(([, role]) => role.Properties.ManagedPolicyArns !== undefined)
      .map(([id]) => id);
    // Only CDK's own custom resource that configures the bucket notification (acknowledged in cdk-nag).
    expect(managed).toEqual([expect.stringMatching(/^BucketNotificationsHandler/)]);
  });

  it('reads each upload as it lands in quarantine, with object-level grants only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'quarantine/' }] } },
          }),
        ],
      },
    });
    const bucketWide = statements().filter(
      ({ statement }) =>
        JSON.stringify(statement.Action).match(/s3:(GetObject|PutObject|DeleteObject)/) &&
        !JSON.stringify(statement.Resource).match(/\/(quarantine|documents)\/[a-z/]*\*/),
    );
    expect(bucketWide).toEqual([]);
  });

  it('grants "*" only for the actions that accept nothing narrower (X-Ray, log delivery, Textract)', () => {
    const allowedOnStar =
      /^(xray:|textract:AnalyzeDocument$|s3:PutBucketNotification$|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))/;
    const onStar = statements().filter(({ statement }) => statement.Resource === '*');
    expect(onStar.length).toBeGreaterThan(0);
    for (const { statement } of onStar) {
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      for (const action of actions) expect(action).toMatch(allowedOnStar);
    }
  });

  it('lets only the API function resume workflows, and no stage function', () => {
    const resumers = statements()
      .filter(({ statement }) => JSON.stringify(statement.Action).includes('states:SendTaskSuccess'))
      .map(({ policy }) => policy);
    expect(resumers.length).toBeGreaterThan(0);
    for (const policy of resumers) expect(policy).toMatch(/^Apiapi/);
  });

  it('lets only the signing stage sign tenancies with the KMS key: the API records signatures, it never signs', () => {
    const signingKey = Object.keys(template.findResources('AWS::KMS::Key')).find((id) =>
      id.startsWith('SigningTenancySigning'),
    );
    expect(signingKey).toBeDefined();
    const signers = statements()
      .filter(
        ({ statement }) =>
          [statement.Action].flat().includes('kms:Sign') &&
          JSON.stringify(statement.Resource).includes(`"${signingKey}"`),
      )
      .map(({ policy }) => policy);
    expect(signers).toEqual([expect.stringMatching(/^Journeytenancysigning/)]);
    const apiPolicies = statements().filter(({ policy }) => policy.startsWith('Apiapi'));
    expect(apiPolicies.length).toBeGreaterThan(0);
    for (const { statement } of apiPolicies) {
      if (JSON.stringify(statement.Resource).includes(`"${signingKey}"`)) {
        expect([statement.Action].flat()).not.toContain('kms:Sign');
      }
    }
    // Nor does the API get the key's settings: without them its signer port refuses.
    const api = Object.entries(doorstepFunctions()).find(([id]) => id.startsWith('Apiapi'))?.[1];
    expect(api?.Properties.Environment.Variables.TENANCY_SIGNING_KEY_ARN).toBeUndefined();
    const signing = Object.entries(doorstepFunctions()).find(([id]) =>
      id.startsWith('Journeytenancysigning'),
    )?.[1];
    expect(signing?.Properties.Environment.Variables.TENANCY_SIGNING_KEY_ARN).toBeDefined();
  });

  it('runs both workflows as Standard state machines with full logging (no execution data) and tracing', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 2);
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('publishes a version of each workflow behind a live alias', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachineVersion', 2);
    template.resourceCountIs('AWS::StepFunctions::StateMachineAlias', 2);
    template.allResourcesProperties('AWS::StepFunctions::StateMachineAlias', {
      Name: 'live',
      RoutingConfiguration: [Match.objectLike({ Weight: 100 })],
    });
  });

  it('puts officers’ routes behind the JWT authoriser and applicants’ routes behind none, throttled and access-logged', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties as { RouteKey: string; AuthorizationType: string; AuthorizerId?: unknown },
    );
    // Every route the handler implements is on API Gateway, and nothing else.
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(Object.keys(apiRoutes).sort());
    for (const route of routes) {
      if (apiRoutes[route.RouteKey as RouteKey] === 'officer') {
        expect(route.RouteKey).toMatch(/^\w+ \/v1\/officer\//);
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toBeDefined();
      } else {
        // Applicants authenticate by Doorstep's session cookie, checked in the handler.
        expect(route.AuthorizationType).toBe('NONE');
      }
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    });
  });

  it('gives only the API function the sign-in secrets, generated at deploy and encrypted with the data key', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(2);
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties).toMatchObject({
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
        KmsKeyId: expect.anything(),
      });
    }
    const withSecrets = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([, fn]) => fn.Properties.Environment?.Variables?.SUBJECT_SALT !== undefined,
    );
    expect(withSecrets.map(([id]) => id)).toEqual([expect.stringMatching(/^Apiapi/)]);
    const variables = withSecrets[0]?.[1].Properties.Environment.Variables;
    expect(JSON.stringify(variables.SUBJECT_SALT)).toContain('resolve:secretsmanager');
    expect(JSON.stringify(variables.SIGN_IN_CODE_KEY)).toContain('resolve:secretsmanager');
  });

  it('signs officers in with Cognito: no self sign-up, MFA required, strong passwords, two roles', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true }) },
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['officer', 'senior-officer']);
  });
});

describe('the cdk-nag gate', () => {
  it('fails synthesis when a resource breaks an AwsSolutions rule nobody acknowledged', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'doorstep-nag-')) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, 'Careless', { env: { region: 'eu-west-2' } });
    new Table(stack, 'NoBackups', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    expect(() => app.synth()).toThrow();
  });
});
