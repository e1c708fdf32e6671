import { RemovalPolicy } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The two asymmetric KMS keys Doorstep signs with (DESIGN.md §3): an ECC P-256 key for digital key credentials
 * (JWS ES256) and an RSA 2048 key for tenancy PDFs (CMS). Private keys never leave KMS. The PDF key's
 * certificate is issued outside the stack (a certificate authority, or self-signed with the KMS key) and given
 * as the CDK context value `doorstep:tenancySigningCertificatePem`; without it, signing refuses and says so.
 */
export class SigningKeys extends Construct {
  readonly credentials: Key;
  readonly tenancy: Key;
  readonly tenancyCertificatePem: string | undefined;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.credentials = new Key(this, 'KeyCredentials', {
      alias: 'alias/doorstep/key-credentials',
      description: 'Doorstep: signs digital key credentials (JWS ES256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.tenancy = new Key(this, 'TenancySigning', {
      alias: 'alias/doorstep/tenancy-signing',
      description: 'Doorstep: signs tenancy agreements (CMS, RSASSA PKCS#1 v1.5 SHA-256)',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const pem = this.node.tryGetContext('doorstep:tenancySigningCertificatePem');
    this.tenancyCertificatePem =
      typeof pem === 'string' && pem.includes('BEGIN CERTIFICATE') ? pem : undefined;
  }

  grantSignCredentials(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [this.credentials.keyArn],
      }),
    );
  }

  grantPublishCredentialKeys(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:GetPublicKey'], resources: [this.credentials.keyArn] }),
    );
  }

  grantSignTenancies(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:Sign'], resources: [this.tenancy.keyArn] }),
    );
  }
}
