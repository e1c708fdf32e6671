import { TextractClient } from '@aws-sdk/client-textract';
import { TextractMrzReader } from '../../shared/adapters/aws/textract-reader.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { Extras } from '../wiring.js';

/** Amazon Textract, for the function that reads uploads (document-received). */
export function textractReader(env: LambdaEnvironment): Extras {
  return { reader: new TextractMrzReader(new TextractClient({ region: env.AWS_REGION })) };
}
