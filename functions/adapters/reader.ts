import { TextractClient } from '@aws-sdk/client-textract';
import { TextractLaterReader } from '../../shared/adapters/aws/textract-jobs.js';
import { TextractMrzReader } from '../../shared/adapters/aws/textract-reader.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

let textract: TextractClient | undefined;
const client = (env: LambdaEnvironment) => {
  textract ??= new TextractClient({ region: env.AWS_REGION });
  return textract;
};

/** Amazon Textract, for the function that reads uploads (document-received). */
export function textractReader(env: LambdaEnvironment): Extras {
  return { reader: new TextractMrzReader(client(env)), ...textractLaterReader(env) };
}

/**
 * Textract's asynchronous analysis, for the functions that start reading long PDFs (document-received) and
 * collect what was read (document-read); absent without the topic, the role and the bucket.
 */
export function textractLaterReader(env: LambdaEnvironment): Extras {
  const { DOCUMENTS_BUCKET: bucket, TEXTRACT_TOPIC_ARN: topicArn, TEXTRACT_ROLE_ARN: roleArn } = env;
  return bucket && topicArn && roleArn
    ? { laterReader: new TextractLaterReader(client(env), { bucket, topicArn, roleArn }) }
    : {};
}
