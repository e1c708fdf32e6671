import { KMSClient } from '@aws-sdk/client-kms';
import { KmsKeyIssuer } from '../../shared/adapters/aws/kms-key-issuer.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

/** The KMS key that signs digital key credentials (the keys stage; the API publishes its public key). */
export function kmsKeyIssuer(env: LambdaEnvironment): Extras {
  return env.KEY_CREDENTIALS_KEY_ARN
    ? { keyIssuer: new KmsKeyIssuer(new KMSClient({ region: env.AWS_REGION }), env.KEY_CREDENTIALS_KEY_ARN) }
    : {};
}
