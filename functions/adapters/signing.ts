import { KMSClient } from '@aws-sdk/client-kms';
import { KmsCmsSigner } from '../../shared/adapters/aws/kms-cms-signer.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

/** The KMS key that signs tenancy PDFs, with its certificate (the signing stage, tenancy-signing). */
export function kmsTenancySigner(env: LambdaEnvironment): Extras {
  return env.TENANCY_SIGNING_KEY_ARN && env.TENANCY_SIGNING_CERTIFICATE_PEM
    ? {
        signer: new KmsCmsSigner(new KMSClient({ region: env.AWS_REGION }), {
          keyId: env.TENANCY_SIGNING_KEY_ARN,
          certificatePem: env.TENANCY_SIGNING_CERTIFICATE_PEM,
        }),
      }
    : {};
}
