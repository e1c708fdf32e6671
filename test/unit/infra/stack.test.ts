import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { apiRoutes, type RouteKey } from '../../../functions/api/routes';
import { contractRoutes, councilRoutes } from '../../../functions/councils/routes';
import { HANDLER_FOLDERS, synthDoorstep } from '../../support/synth';

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
    expect(Object.keys(functions)).toHaveLength(HANDLER_FOLDERS.length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
    }
    template.resourceCountIs('AWS::Lambda::Version', HANDLER_FOLDERS.length);
    template.resourceCountIs('AWS::Lambda::Alias', HANDLER_FOLDERS.length);
    template.allResourcesProperties('AWS::Lambda::Alias', { Name: 'live' });
  });

  it('gives no Doorstep function a managed policy: each role is granted resource by resource', () => {
    const roles = Object.entries(template.findResources('AWS::IAM::Role'));
    const managed = roles
      .filter(([, role]) => role.Properties.ManagedPolicyArns !== undefined)
      .map(([id]) => id);
    expect(managed).toEqual([]);
  });

  it('has GuardDuty Malware Protection scan and tag every upload in quarantine, and nothing else', () => {
    const plans = Object.values(template.findResources('AWS::GuardDuty::MalwareProtectionPlan'));
    expect(plans).toHaveLength(1);
    expect(plans[0]?.Properties).toMatchObject({
      ProtectedResource: {
        S3Bucket: {
          BucketName: { Ref: expect.stringMatching(/^DocumentsBucket/) },
          ObjectPrefixes: ['quarantine/'],
        },
      },
      Actions: { Tagging: { Status: 'ENABLED' } },
      Role: { 'Fn::GetAtt': [expect.stringMatching(/MalwareProtectionRole/), 'Arn'] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({ Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } }),
        ],
      }),
    });
  });

  it('gives GuardDuty’s role only what AWS documents for the plan, each narrowed to this bucket and its key', () => {
    const role = Object.values(template.findResources('AWS::IAM::Role')).find((candidate) =>
      JSON.stringify(candidate.Properties.AssumeRolePolicyDocument).includes('malware-protection-plan'),
    );
    const granted = (
      (role?.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>
    ).flatMap((policy) => policy.PolicyDocument.Statement);
    const text = JSON.stringify(granted);
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.every((statement) => statement.Resource !== '*')).toBe(true);
    expect(text).toContain('rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*');
    expect(text).toContain('events:ManagedBy');
    expect(text).toContain('/quarantine/*');
    expect(text).toContain('malware-protection-resource-validation-object');
    expect(text).toContain('kms:ViaService');
    // Tagging is allowed on quarantined objects only, never on promoted documents.
    const tagging = granted.filter((statement) =>
      JSON.stringify(statement.Action).includes('s3:PutObjectTagging'),
    );
    expect(tagging).toHaveLength(1);
    expect(JSON.stringify(tagging[0]?.Resource)).toMatch(/\/quarantine\/\*/);
  });

  it('runs document-received on each GuardDuty scan result for quarantine, not on the upload itself', () => {
    expect(template.findResources('Custom::S3BucketNotifications')).toEqual({});
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
        detail: {
          s3ObjectDetails: {
            bucketName: [{ Ref: Match.stringLikeRegexp('^DocumentsBucket') }],
            objectKey: [{ prefix: 'quarantine/' }],
          },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: Match.objectLike({ Ref: Match.stringLikeRegexp('^Documentsdocumentreceived.*Live') }),
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 8 }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DocumentsFailures'), 'Arn'] } },
        }),
      ],
    });
  });

  it('keeps what the document functions could not process after their retries, encrypted and alarmed, never dropped', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const failures = Object.entries(queues).find(([id]) => id.startsWith('DocumentsFailures'));
    expect(failures?.[1].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^Documentsdocumentread') },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [failures?.[0], 'Arn'] } },
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failures?.[0], 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('lets document-received read the scan tag, with object-level grants only', () => {
    const received = statements().filter(({ policy }) => /documentreceived/i.test(policy));
    expect(JSON.stringify(received)).toContain('s3:GetObjectTagging');
    // The version GuardDuty tagged is read back, so only the bytes it scanned are promoted.
    expect(JSON.stringify(received)).toContain('s3:GetObjectVersion');
    const bucketWide = statements().filter(
      ({ statement }) =>
        JSON.stringify(statement.Action).match(/s3:(GetObject|PutObject|DeleteObject)/) &&
        !JSON.stringify(statement.Resource).match(/\/(quarantine|documents)\/[a-z/]*\*/),
    );
    expect(bucketWide).toEqual([]);
  });

  it('reads long PDFs with Textract jobs: an encrypted, TLS-only topic Textract may only publish to, document-read subscribed', () => {
    const [topicId, ...others] = Object.keys(template.findResources('AWS::SNS::Topic')).filter((id) =>
      id.startsWith('DocumentsTextractReadings'),
    );
    expect(others).toEqual([]);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    // Textract's role: assumed by Textract for this account only, and it may publish to this topic alone.
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'textract.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
      Policies: [
        {
          PolicyName: 'publish',
          PolicyDocument: {
            Statement: [
              Match.objectLike({ Action: 'sns:Publish', Resource: { Ref: topicId } }),
              Match.objectLike({
                Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
                Condition: { StringEquals: { 'kms:ViaService': Match.anyValue() } },
              }),
            ],
          },
        },
      ],
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { Ref: Match.stringLikeRegexp('^Documentsdocumentread.*Live') },
    });
    // document-received starts jobs on applicants' promoted documents, handing Textract its role and no other.
    const received = JSON.stringify(statements().filter(({ policy }) => /documentreceived/i.test(policy)));
    expect(received).toContain('textract:StartDocumentAnalysis');
    expect(received).toContain('"iam:PassedToService":"textract.amazonaws.com"');
    expect(received).toContain(
      '{"Action":"s3:GetObject","Effect":"Allow","Resource":{"Fn::Join":["",[{"Fn::GetAtt":["DocumentsBucket',
    );
    expect(received).toContain('"/documents/applications/*"');
    // document-read collects results and saves them: no S3, no starting jobs.
    const read = statements().filter(({ policy }) => /documentread/i.test(policy));
    const readActions = read.flatMap(({ statement }) =>
      Array.isArray(statement.Action) ? statement.Action : [statement.Action],
    );
    expect(readActions).toContain('textract:GetDocumentAnalysis');
    expect(readActions.filter((action) => /^(s3:|textract:Start|iam:)/.test(action))).toEqual([]);
  });

  it('grants "*" only for the actions that accept nothing narrower (X-Ray, log delivery, Textract)', () => {
    const allowedOnStar =
      /^(xray:|textract:(AnalyzeDocument|StartDocumentAnalysis|GetDocumentAnalysis)$|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))/;
    const onStar = statements().filter(({ statement }) => statement.Resource === '*');
    expect(onStar.length).toBeGreaterThan(0);
    for (const { statement } of onStar) {
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      for (const action of actions) expect(action).toMatch(allowedOnStar);
    }
  });

  it('lets only the API, the web functions and the sms function resume workflows, and no stage function', () => {
    const resumers = statements()
      .filter(({ statement }) => JSON.stringify(statement.Action).includes('states:SendTaskSuccess'))
      .map(({ policy, statement }) => ({ policy, resource: JSON.stringify(statement.Resource) }));
    expect([...new Set(resumers.map(({ policy }) => policy))].sort()).toEqual([
      expect.stringMatching(/^Apiapi/),
      expect.stringMatching(/^TextMessagessms/),
      expect.stringMatching(/^Webconsole/),
      expect.stringMatching(/^Webweb/),
    ]);
    // A reply SEND answers the Application workflow's wait for the answers: the policy names that state machine
    // only. Whether IAM enforces a resource on SendTask* is disputed (the Service Authorization Reference lists no
    // resource type for it; aws-cdk#8486 found the state machine ARN honoured), so the secret task token, which
    // only the applicant's own wait holds, is the guard that matters.
    const byText = resumers.filter(({ policy }) => policy.startsWith('TextMessagessms'));
    expect(byText.map(({ resource }) => resource).join()).toMatch(/JourneyApplicationStateMachine/);
    expect(byText.map(({ resource }) => resource).join()).not.toMatch(/JourneyLetting/);
    const sms = Object.entries(doorstepFunctions()).find(([id]) => id.startsWith('TextMessagessms'))?.[1];
    expect(Object.keys(sms?.Properties.Environment.Variables ?? {})).toContain('APPLICATION_WORKFLOW_ARN');
    const starts = statements().filter(
      ({ policy, statement }) =>
        policy.startsWith('TextMessagessms') && [statement.Action].flat().includes('states:StartExecution'),
    );
    expect(starts.map(({ statement }) => JSON.stringify(statement.Resource))).toEqual([
      expect.stringMatching(/JourneyApplicationStateMachineLive/),
    ]);
  });

  it('lets the close-case and letters steps write decision letters, and the API and the web only read them', () => {
    const onLetters = statements().filter(({ statement }) =>
      JSON.stringify(statement.Resource).includes('/documents/letters/*'),
    );
    const withAction = (action: string) =>
      [
        ...new Set(
          onLetters
            .filter(({ statement }) => [statement.Action].flat().includes(action))
            .map(({ policy }) => policy),
        ),
      ].sort();
    expect(withAction('s3:PutObject')).toEqual([
      expect.stringMatching(/^Journeyclosecase/),
      expect.stringMatching(/^Journeyletters/),
    ]);
    // The Letters step writes to the bucket it is told of (without it, the function could not write at all).
    const lettersFn = Object.entries(doorstepFunctions()).find(([id]) => id.startsWith('Journeyletters'));
    expect(lettersFn?.[1].Properties.Environment.Variables.DOCUMENTS_BUCKET).toBeDefined();
    expect(withAction('s3:GetObject')).toEqual([
      expect.stringMatching(/^Apiapi/),
      expect.stringMatching(/^Webconsole/),
      expect.stringMatching(/^Webweb/),
    ]);
  });

  it('lets the API and the web start a Letting after a change of circumstances, as the Application workflow does', () => {
    const starters = statements()
      .filter(
        ({ statement }) =>
          [statement.Action].flat().includes('states:StartExecution') &&
          JSON.stringify(statement.Resource).includes('JourneyLettingStateMachineLive'),
      )
      .map(({ policy }) => policy);
    expect([...new Set(starters)].sort()).toEqual([
      expect.stringMatching(/^Apiapi/),
      expect.stringMatching(/^JourneyApplicationStateMachineRole/),
      expect.stringMatching(/^Webconsole/),
      expect.stringMatching(/^Webweb/),
    ]);
    for (const [id, fn] of Object.entries(doorstepFunctions())) {
      const variables = fn.Properties.Environment?.Variables ?? {};
      expect([id, 'LETTING_WORKFLOW_ARN' in variables]).toEqual([id, /^(Apiapi|Webweb|Webconsole)/.test(id)]);
    }
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

  it('runs the three workflows as Standard state machines with full logging (no execution data) and tracing', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 3);
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('raises an alarm when the Letters workflow fails, since its failure parks nothing for an officer', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ExecutionsFailed',
      Namespace: 'AWS/States',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('publishes a version of each workflow behind a live alias', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachineVersion', 3);
    template.resourceCountIs('AWS::StepFunctions::StateMachineAlias', 3);
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
    // Every route the handlers implement is on API Gateway, and nothing else but the web's: the applicant's site
    // on `$default`, the console on `/officer`; the councils' routes verify their tokens in their function
    // (test/unit/infra/councils.test.ts).
    const councils: string[] = [...Object.keys(councilRoutes), ...contractRoutes];
    const pages = ['$default', 'ANY /officer', 'ANY /officer/{proxy+}'];
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(
      [...Object.keys(apiRoutes), ...councils, ...pages].sort(),
    );
    for (const route of routes.filter(
      ({ RouteKey }) => !pages.includes(RouteKey) && !councils.includes(RouteKey),
    )) {
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

  it('gives only the API and the applicant’s site the sign-in secrets (the sms and councils functions the subject salt alone), generated at deploy and encrypted with the data key', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(3);
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties).toMatchObject({
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
        KmsKeyId: expect.anything(),
      });
    }
    const withSecrets = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([, fn]) => fn.Properties.Environment?.Variables?.SUBJECT_SALT !== undefined,
    );
    expect(withSecrets.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^Apiapi/),
      expect.stringMatching(/^Councilscouncils/),
      expect.stringMatching(/^TextMessagessms/),
      expect.stringMatching(/^Webweb/),
    ]);
    const [api, councils, sms, web] = withSecrets.sort(([a], [b]) => a.localeCompare(b)).map(([, fn]) => fn);
    // The councils function invites nominated households by their subject: the salt alone, no code key.
    expect(councils?.Properties.Environment.Variables.SUBJECT_SALT).toEqual(
      api?.Properties.Environment.Variables.SUBJECT_SALT,
    );
    expect(councils?.Properties.Environment.Variables.SIGN_IN_CODE_KEY).toBeUndefined();
    // The sms function finds linked phones by the subject salt; it checks no code, so has no code key.
    expect(sms?.Properties.Environment.Variables.SUBJECT_SALT).toEqual(
      api?.Properties.Environment.Variables.SUBJECT_SALT,
    );
    expect(sms?.Properties.Environment.Variables.SIGN_IN_CODE_KEY).toBeUndefined();
    // The same secrets, so an applicant signed in on the pages is signed in on the API, and the same person.
    expect(web?.Properties.Environment.Variables.SUBJECT_SALT).toEqual(
      api?.Properties.Environment.Variables.SUBJECT_SALT,
    );
    expect(web?.Properties.Environment.Variables.SIGN_IN_CODE_KEY).toEqual(
      api?.Properties.Environment.Variables.SIGN_IN_CODE_KEY,
    );
    for (const fn of [api, web]) {
      const variables = fn?.Properties.Environment.Variables;
      expect(JSON.stringify(variables.SUBJECT_SALT)).toContain('resolve:secretsmanager');
      expect(JSON.stringify(variables.SIGN_IN_CODE_KEY)).toContain('resolve:secretsmanager');
    }
  });

  it('texts through one function: replies from an encrypted, TLS-only topic only End User Messaging may publish to', () => {
    const topics = template.findResources('AWS::SNS::Topic', {
      Properties: { DisplayName: 'Doorstep: texts applicants sent' },
    });
    expect(Object.keys(topics)).toHaveLength(1);
    const [topicId] = Object.keys(topics);
    expect(Object.values(topics)[0]?.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Effect: 'Allow',
            Principal: { Service: 'sms-voice.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ]),
      },
      Topics: [{ Ref: topicId }],
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { Ref: Match.stringLikeRegexp('^TextMessagessmsLive') },
    });
  });

  it('lets only the sms function send texts, from the configured number only', () => {
    const senders = statements().filter(({ statement }) =>
      [statement.Action].flat().some((action) => String(action).startsWith('sms-voice:')),
    );
    expect(senders.map(({ policy }) => policy)).toEqual([expect.stringMatching(/^TextMessagessms/)]);
    expect(senders[0]?.statement).toMatchObject({
      Action: 'sms-voice:SendTextMessage',
      Resource: { 'Fn::Join': ['', expect.arrayContaining([':pool/doorstep-texts'])] },
    });
  });

  it('sends queued texts from the table’s stream of keys only, filtered to new texts, read on that stream alone', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
      StartingPosition: 'LATEST',
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { pk: { S: [{ prefix: 'TEXT#' }] } } },
            }),
          },
        ],
      },
    });
    // The sms function's live alias, by its name.
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(JSON.stringify(mapping?.Properties.FunctionName)).toMatch(/TextMessagessms.*:live/);
    const onStream = statements().filter(({ statement }) =>
      JSON.stringify(statement.Resource).includes('StreamArn'),
    );
    expect(onStream.map(({ policy }) => policy)).toEqual([expect.stringMatching(/^TextMessagessms/)]);
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

describe('the web front end: the applicant’s site and the officers’ console', () => {
  const functions = () => Object.entries(doorstepFunctions());
  const webFunction = () => functions().find(([id]) => /^Webweb[0-9A-F]{8}$/.test(id));
  const consoleFunction = () => functions().find(([id]) => /^Webconsole[0-9A-F]{8}$/.test(id));
  const grantsOf = (role: string) =>
    statements()
      .filter(({ policy }) => policy.startsWith(role))
      .map(({ statement }) => ({
        actions: [statement.Action].flat().sort() as string[],
        resource: JSON.stringify(statement.Resource),
      }));
  /** The logical id a template value refers to (`{"Ref": id}`, possibly inside an `Fn::Join`). */
  const refIn = (value: unknown) => /"Ref":"([^"]+)"/.exec(JSON.stringify(value) ?? '')?.[1] ?? '';
  /** The function a route's integration calls (through its `live` alias). */
  const functionOfRoute = (routeKey: string) => {
    const [route] = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }),
    );
    const integration = template.findResources('AWS::ApiGatewayV2::Integration')[
      refIn(route?.Properties.Target)
    ];
    const alias = template.findResources('AWS::Lambda::Alias')[refIn(integration?.Properties.IntegrationUri)];
    expect(alias?.Properties.Name).toBe('live');
    // The pages check the session cookie and the officer's ID token themselves.
    expect(route?.Properties.AuthorizationType).toBe('NONE');
    return refIn(alias?.Properties.FunctionName);
  };

  it('sends /officer and everything under it to the console, and every other path the JSON API does not claim to the applicant’s site', () => {
    expect(functionOfRoute('$default')).toBe(webFunction()?.[0]);
    expect(functionOfRoute('ANY /officer')).toBe(consoleFunction()?.[0]);
    expect(functionOfRoute('ANY /officer/{proxy+}')).toBe(consoleFunction()?.[0]);
  });

  it('gives each its settings: sign-in secrets to the applicant’s site only, the console’s Cognito client to the console only', () => {
    const common = [
      'APPLICATION_WORKFLOW_ARN',
      'DOCUMENTS_BUCKET',
      'LETTING_WORKFLOW_ARN',
      'LETTERS_WORKFLOW_ARN',
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      'TABLE_NAME',
      'WEB_CSRF_KEY',
    ];
    const web = webFunction()?.[1].Properties.Environment.Variables;
    const officers = consoleFunction()?.[1].Properties.Environment.Variables;
    expect(Object.keys(web).sort()).toEqual([...common, 'SIGN_IN_CODE_KEY', 'SUBJECT_SALT'].sort());
    expect(Object.keys(officers).sort()).toEqual(
      [...common, 'OFFICER_CLIENT_ID', 'OFFICER_USER_POOL_ID'].sort(),
    );
    for (const variables of [web, officers]) {
      expect(JSON.stringify(variables.WEB_CSRF_KEY)).toContain('resolve:secretsmanager');
      // Nothing that signs: no tenancy signing key, no key-credential key.
      expect(variables.TENANCY_SIGNING_KEY_ARN).toBeUndefined();
      expect(variables.KEY_CREDENTIALS_KEY_ARN).toBeUndefined();
    }
  });

  it('keeps the CSRF key in a secret generated at deploy and encrypted with the data key, given to no other function', () => {
    const variables = webFunction()?.[1].Properties.Environment.Variables;
    const secret = template.findResources('AWS::SecretsManager::Secret')[refIn(variables.WEB_CSRF_KEY)];
    const dataKey = Object.keys(template.findResources('AWS::KMS::Key')).find((id) =>
      id.startsWith('DataKey'),
    );
    expect(secret?.Properties).toMatchObject({
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      KmsKeyId: { 'Fn::GetAtt': [dataKey, 'Arn'] },
    });
    const withKey = functions().filter(([, fn]) => fn.Properties.Environment?.Variables?.WEB_CSRF_KEY);
    expect(withKey.map(([id]) => id).sort()).toEqual([consoleFunction()?.[0], webFunction()?.[0]].sort());
  });

  it('may not sign: no kms:Sign and no key-credential key, on any resource', () => {
    for (const role of ['WebwebRole', 'WebconsoleRole']) {
      const actions = grantsOf(role).flatMap(({ actions }) => actions);
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action) => /^kms:(Sign|GetPublicKey|\*)$/.test(action))).toEqual([]);
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    }
  });

  it('lets the applicant’s site presign uploads and read tenancies and letters, but read no applicant’s documents', () => {
    const grants = grantsOf('WebwebRole');
    expect(grants).toEqual(
      expect.arrayContaining([
        {
          actions: ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
          resource: expect.stringContaining('JourneyApplicationStateMachine'),
        },
        {
          actions: ['states:StartExecution'],
          resource: expect.stringContaining('JourneyApplicationStateMachineLive'),
        },
        { actions: ['s3:PutObject'], resource: expect.stringContaining('/quarantine/*') },
        { actions: ['s3:GetObject'], resource: expect.stringContaining('/documents/tenancies/*') },
        expect.objectContaining({ actions: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']) }),
      ]),
    );
    const s3 = grants.filter(({ actions }) => actions.some((action) => action.startsWith('s3:')));
    expect(s3.map(({ actions }) => actions.join()).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(s3.find(({ actions }) => actions.includes('s3:GetObject'))?.resource).not.toContain(
      '/documents/applications/',
    );
    expect(
      grants.flatMap(({ actions }) => actions).filter((action) => action.startsWith('dynamodb:Scan')),
    ).toEqual([]);
  });

  it('lets the console read applicants’ documents (for officers), tenancies and letters, and put nothing in the bucket', () => {
    const grants = grantsOf('WebconsoleRole');
    expect(grants).toEqual(
      expect.arrayContaining([
        {
          actions: ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
          resource: expect.stringContaining('JourneyLettingStateMachine'),
        },
        { actions: ['s3:GetObject'], resource: expect.stringContaining('/documents/applications/*') },
        { actions: ['s3:GetObject'], resource: expect.stringContaining('/documents/letters/*') },
      ]),
    );
    const s3Actions = grants.flatMap(({ actions }) => actions).filter((action) => action.startsWith('s3:'));
    expect(new Set(s3Actions)).toEqual(new Set(['s3:GetObject']));
  });

  it('signs officers in through a console client of its own: USER_PASSWORD_AUTH, no client secret, no OAuth', () => {
    const variables = consoleFunction()?.[1].Properties.Environment.Variables;
    const clientId = refIn(variables.OFFICER_CLIENT_ID);
    const client = template.findResources('AWS::Cognito::UserPoolClient')[clientId];
    expect(client?.Properties).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 30,
      // As long as the console keeps the sign-in's session cookie (web/officer-sign-in.ts).
      AuthSessionValidity: 10,
    });
    expect(client?.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(refIn(variables.OFFICER_USER_POOL_ID)).toMatch(/^OfficersUserPool/);
    // The JSON API's officer routes keep their own client: the console's takes no part in the JWT authoriser.
    const authorizer = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    expect(JSON.stringify(authorizer?.Properties.JwtConfiguration.Audience)).not.toContain(clientId);
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
