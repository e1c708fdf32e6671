import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStore } from '../../shared/adapters/aws/s3-document-store.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

/** The documents bucket, for the functions that touch documents (the API, document-received, tenancy, tenancy-signing). */
export function s3Documents(env: LambdaEnvironment): Extras {
  return env.DOCUMENTS_BUCKET
    ? { documents: new S3DocumentStore(new S3Client({ region: env.AWS_REGION }), env.DOCUMENTS_BUCKET) }
    : {};
}
