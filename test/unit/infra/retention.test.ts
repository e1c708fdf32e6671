import { Match } from 'aws-cdk-lib/assertions';
import { synthDoorstep } from '../../support/synth';

// Synthesising with the AwsSolutions plugin is itself the cdk-nag gate: an unacknowledged error throws here.
const { template } = synthDoorstep();

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
const sweepStatements = (): Statement[] =>
  Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => /^Retentionretentionsweep/.test(id))
    .flatMap(([, resource]) => resource.Properties.PolicyDocument.Statement as Statement[]);
const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('document retention in the stack', () => {
  it('runs the retention sweep once a day from an EventBridge schedule, through its live alias', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(15 3 * * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: Match.objectLike({ Ref: Match.stringLikeRegexp('^Retentionretentionsweep.*Live') }),
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('retention has ended'),
      Timeout: 300,
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), DOCUMENTS_BUCKET: Match.anyValue() }),
      },
    });
  });

  it('lets the sweep delete applicants’ documents and data copies only: no read, no tenancy agreements or letters', () => {
    const s3 = sweepStatements().filter((statement) => actionsOf(statement).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap(actionsOf)).toEqual(['s3:DeleteObject']);
    const resources = JSON.stringify(s3.map((statement) => statement.Resource));
    expect(resources).toContain('/documents/applications/*');
    expect(resources).toContain('/quarantine/applications/*');
    // Beside the letters, only each application's PDF copy of its data (kept 30 days after it is made).
    expect(resources).toContain('/documents/letters/*/your-data.pdf');
    expect(resources.replaceAll('/documents/letters/*/your-data.pdf', '')).not.toMatch(
      /tenancies|letters|"\/documents\/\*"/,
    );
  });

  it('lets the sweep touch only the table items it sweeps: applications, the deletion index, claims', () => {
    const dynamo = sweepStatements().filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    expect([...actionsOf(dynamo[0] as Statement)].sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(dynamo[0]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APP#*', 'PURGE', 'DOCNUM#*', 'PHASH#*'] },
    });
    // The table itself, not its index: the sweep never needs the owners' or queues' index.
    expect(JSON.stringify(dynamo[0]?.Resource)).not.toContain('/index/');
  });

  it('expires anything left in quarantine after a day, and the versions a deletion leaves a day later', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'quarantine/',
            ExpirationInDays: 1,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            Status: 'Enabled',
          }),
          // S3 honours the shorter of overlapping expirations, so these beat the bucket-wide 30 days.
          Match.objectLike({
            Prefix: 'documents/applications/',
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            ExpiredObjectDeleteMarker: true,
            Status: 'Enabled',
          }),
        ]),
      },
    });
  });
});
