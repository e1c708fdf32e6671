import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { JourneyApi } from './constructs/api.js';
import { CouncilEvents } from './constructs/council-events.js';
import { CouncilApi } from './constructs/councils.js';
import { JourneyData } from './constructs/data.js';
import { DocumentIntake, PROMOTED_PREFIX, QUARANTINE_PREFIX } from './constructs/documents.js';
import type { DoorstepFunction } from './constructs/doorstep-function.js';
import { Journey } from './constructs/journey.js';
import { Officers } from './constructs/officers.js';
import { DocumentRetention } from './constructs/retention.js';
import { SigningKeys } from './constructs/signing.js';
import { TextMessages } from './constructs/text-messages.js';
import { JourneyWeb } from './constructs/web.js';

/**
 * Doorstep in one stack: data, documents, the journey's functions and workflows, officers, the API and the web
 * pages (one HTTP API: `/v1/...` is the JSON API, every other path a page).
 */
export class DoorstepStack extends Stack {
  readonly journey: Journey;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const data = new JourneyData(this, 'Data');
    const documents = new DocumentIntake(this, 'Documents', { key: data.key, table: data.table });
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
      lettingAliasArn: this.journey.letting.workflow.aliasArn,
      lettersAliasArn: this.journey.letters.workflow.aliasArn,
    });
    const web = new JourneyWeb(this, 'Web', {
      httpApi: api.api,
      table: data.table,
      key: data.key,
      userPool: officers.userPool,
      consoleClient: officers.webConsoleClient,
      stateMachines: [
        this.journey.application.workflow.stateMachine,
        this.journey.letting.workflow.stateMachine,
      ],
      applicationAliasArn: this.journey.application.workflow.aliasArn,
      lettingAliasArn: this.journey.letting.workflow.aliasArn,
      lettersAliasArn: this.journey.letters.workflow.aliasArn,
      signInSecrets: api.signInSecrets,
    });
    this.wireSigningAndDocuments(documents, api.fn, web.fn, web.console);
    new TextMessages(this, 'TextMessages', {
      table: data.table,
      key: data.key,
      httpApi: api.api,
      subjectSalt: api.signInSecrets.subjectSalt,
      originationIdentityArn:
        this.node.tryGetContext('doorstep:smsOriginationIdentityArn') ??
        `arn:aws:sms-voice:${this.region}:${this.account}:pool/doorstep-texts`,
      application: {
        stateMachine: this.journey.application.workflow.stateMachine,
        aliasArn: this.journey.application.workflow.aliasArn,
      },
    });
    new DocumentRetention(this, 'Retention', { table: data.table, key: data.key, bucket: documents.bucket });
    const councilEvents = new CouncilEvents(this, 'CouncilEvents', {
      table: data.table,
      key: data.key,
      bucket: documents.bucket,
    });
    const councils = new CouncilApi(this, 'Councils', {
      httpApi: api.api,
      table: data.table,
      key: data.key,
      subjectSalt: api.signInSecrets.subjectSalt,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.api.apiEndpoint });
    // Councils download their exports by links the councils function presigns (GetObject on exports/ only).
    councilEvents.grantExportDownloads(councils.fn);
    councilEvents.acknowledgeExports(councils.fn, 'Presigns councils’ export downloads only');
    new CfnOutput(this, 'CouncilTokenUrl', { value: councils.tokenUrl });
    new CfnOutput(this, 'CouncilUserPoolId', { value: councils.userPool.userPoolId });
    new CfnOutput(this, 'CouncilApiDocs', { value: `${api.api.apiEndpoint}/api/docs` });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: documents.bucket.bucketName });
    new CfnOutput(this, 'ApplicationWorkflow', { value: this.journey.application.workflow.aliasArn });
    new CfnOutput(this, 'LettingWorkflow', { value: this.journey.letting.workflow.aliasArn });
    new CfnOutput(this, 'LettersWorkflow', { value: this.journey.letters.workflow.aliasArn });
    new CfnOutput(this, 'OfficerUserPool', { value: officers.userPool.userPoolId });
  }

  /**
   * Who may use the signing keys and the documents bucket, function by function (least privilege): the keys
   * stage signs credentials; the API publishes their public key; the API and the web presign uploads into
   * quarantine and serve agreements (read only: they record a tenant's signature, they never sign); the
   * tenancy stage writes the agreement; the signing stage alone signs tenancies with the KMS key and writes
   * the signed PDF. The close-case and letters steps write decision letters, which the API and the web
   * serve.
   */
  private wireSigningAndDocuments(
    documents: DocumentIntake,
    api: DoorstepFunction,
    web: DoorstepFunction,
    officersConsole: DoorstepFunction,
  ): void {
    const signing = new SigningKeys(this, 'Signing');
    const { keys, tenancy, tenancySigning, closeCase, letters: lettersFn } = this.journey.functions;
    const bucket = documents.bucket;
    const tenancies = bucket.arnForObjects(`${PROMOTED_PREFIX}tenancies/*`);
    const letters = bucket.arnForObjects(`${PROMOTED_PREFIX}letters/*`);

    keys.addEnvironment('KEY_CREDENTIALS_KEY_ARN', signing.credentials.keyArn);
    signing.grantSignCredentials(keys);

    for (const fn of [tenancy, tenancySigning]) {
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [tenancies] }),
      );
    }
    // Decision letters (PDF) are written by the close-case step, and by the letters step: the Registered stage's
    // letter, and the Letters workflow's for decisions the API and the web make.
    for (const fn of [closeCase, lettersFn]) {
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [letters] }));
    }
    tenancySigning.addEnvironment('TENANCY_SIGNING_KEY_ARN', signing.tenancy.keyArn);
    if (signing.tenancyCertificatePem)
      tenancySigning.addEnvironment('TENANCY_SIGNING_CERTIFICATE_PEM', signing.tenancyCertificatePem);
    signing.grantSignTenancies(tenancySigning);

    api.addEnvironment('KEY_CREDENTIALS_KEY_ARN', signing.credentials.keyArn);
    signing.grantPublishCredentialKeys(api);
    for (const fn of [api, web, officersConsole]) {
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [tenancies, letters] }));
    }
    // Presigned POSTs are signed with the function's credentials, so the API and the applicant's site may put
    // objects into quarantine (only). The console takes no uploads.
    for (const fn of [api, web]) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [bucket.arnForObjects(`${QUARANTINE_PREFIX}*`)],
        }),
      );
    }

    // The console shows an officer the documents of their own landlord's cases (it checks the landlord before
    // reading, and records each look); applicants' uploads are otherwise read only by the stages. The applicant's
    // site, open to the internet, reads none.
    const applicantDocuments = `${PROMOTED_PREFIX}applications/*`;
    officersConsole.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects(applicantDocuments)],
      }),
    );

    const bucketId = Stack.of(this).resolve((bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(officersConsole.role ?? officersConsole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${applicantDocuments}]`,
      reason:
        'Officers open applicants’ documents in the console: one object per document under documents/applications/<application>/, so a prefix is the narrowest scope. The function checks the officer’s landlord owns the case before every read, and each read is in the audit trail.',
    });
    for (const fn of [tenancy, tenancySigning, api, web, officersConsole]) {
      Validations.of(fn.role ?? fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${PROMOTED_PREFIX}tenancies/*]`,
        reason:
          'Tenancy agreements only (documents/tenancies/*): one object per tenancy, so a prefix is the narrowest scope.',
      });
    }
    for (const fn of [closeCase, lettersFn, api, web, officersConsole]) {
      Validations.of(fn.role ?? fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${PROMOTED_PREFIX}letters/*]`,
        reason:
          'Decision letters only (documents/letters/*): one object per decision letter, so a prefix is the narrowest scope.',
      });
    }
    for (const fn of [api, web]) {
      Validations.of(fn.role ?? fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${QUARANTINE_PREFIX}*]`,
        reason:
          'Presigned POSTs into quarantine/ only; each slot’s policy pins the exact key, type and size.',
      });
    }
  }
}
