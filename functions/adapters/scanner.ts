import { S3Client } from '@aws-sdk/client-s3';
import { GuardDutyTagScanner } from '../../shared/adapters/aws/guardduty-scanner.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

/** GuardDuty Malware Protection's verdict on each upload, for the function that receives uploads. */
export function guardDutyScanner(env: LambdaEnvironment): Extras {
  return env.DOCUMENTS_BUCKET
    ? { scanner: new GuardDutyTagScanner(new S3Client({ region: env.AWS_REGION }), env.DOCUMENTS_BUCKET) }
    : {};
}
