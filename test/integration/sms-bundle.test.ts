import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AttributeType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { DefinitionBody, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { TextMessages } from '../../infra/constructs/text-messages';

/**
 * The sms function bundled for real (esbuild, as `cdk deploy` bundles it), on its own in a small stack so it
 * takes seconds: its bundle stays under 1 MiB with the SMS client, and the Welsh catalogue a Welsh speaker's
 * texts are read from is beside it (shared/i18n reads it from disk).
 */
describe('the sms function’s bundle', () => {
  it('is under 1 MiB and carries the Welsh catalogue', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'doorstep-sms-bundle-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'SmsBundle', { env: { account: '111122223333', region: 'eu-west-2' } });
    const key = new Key(stack, 'Key');
    const table = new Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      stream: StreamViewType.KEYS_ONLY,
    });
    new TextMessages(stack, 'TextMessages', {
      table,
      key,
      httpApi: new HttpApi(stack, 'Api'),
      subjectSalt: new Secret(stack, 'Salt'),
      originationIdentityArn: 'arn:aws:sms-voice:eu-west-2:111122223333:phone-number/phone-0123456789abcdef',
      application: {
        stateMachine: new StateMachine(stack, 'Application', {
          definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'Wait')),
        }),
        aliasArn: 'arn:aws:states:eu-west-2:111122223333:stateMachine:application:live',
      },
    });
    app.synth();

    const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    // The function's code is the asset named by its hash (`<hash>.zip` in S3, `asset.<hash>` here).
    const hash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '');
    const asset = join(outdir, `asset.${hash}`);
    expect(statSync(join(asset, 'index.js')).size).toBeLessThan(1024 * 1024);
    expect(existsSync(join(asset, 'i18n', 'cy.json'))).toBe(true);
    expect(readFileSync(join(asset, 'i18n', 'cy.json'), 'utf8')).toBe(
      readFileSync(join(__dirname, '..', '..', 'shared', 'i18n', 'cy.json'), 'utf8'),
    );
  }, 120_000);
});
