import * as z from 'zod';

/**
 * The secrets behind applicants' sign-in (DESIGN.md §1b). `subjectSalt` keys the pseudonymous subject id
 * derived from an email address: it must never change, or every applicant would lose their applications.
 * `codeKey` keys the hashes of sign-in codes: it may change (codes in flight then stop working).
 */
export interface SessionSecrets {
  subjectSalt: string;
  codeKey: string;
}

/**
 * For the local runtime and tests only: public, so subjects and code hashes made with them are not secret.
 * Deployed functions are given their own secrets (infra/constructs/api.ts).
 */
export const LOCAL_SESSION_SECRETS: SessionSecrets = {
  subjectSalt: 'doorstep-local-subject-salt-not-for-production',
  codeKey: 'doorstep-local-code-key-not-for-production',
};

/** The Lambda environment, validated once at cold start: a missing setting fails fast and says which. */
export const LambdaEnvironment = z.object({
  TABLE_NAME: z.string().min(1),
  APPLICATION_WORKFLOW_ARN: z.string().min(1).optional(),
  /** The Letting workflow's live alias: the API and web start a Letting when a change of circumstances fits a home. */
  LETTING_WORKFLOW_ARN: z.string().min(1).optional(),
  /** The Letters workflow's live alias: the API and web have it write the PDF letters of their decisions. */
  LETTERS_WORKFLOW_ARN: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  /** Sign-in secrets; only the API function has them (the stage functions never sign anyone in). */
  SUBJECT_SALT: z.string().min(32).optional(),
  SIGN_IN_CODE_KEY: z.string().min(32).optional(),
  /** The documents bucket (uploads, promoted documents, tenancy agreements). */
  DOCUMENTS_BUCKET: z.string().min(1).optional(),
  /**
   * Where Textract announces a finished reading of a long PDF (an SNS topic), and the role it publishes with:
   * the functions that start and finish those readings have them.
   */
  TEXTRACT_TOPIC_ARN: z.string().min(1).optional(),
  TEXTRACT_ROLE_ARN: z.string().min(1).optional(),
  /** The KMS key (ECC_NIST_P256, SIGN_VERIFY) that signs digital key credentials. */
  KEY_CREDENTIALS_KEY_ARN: z.string().min(1).optional(),
  /** The KMS key (RSA_2048, SIGN_VERIFY) that signs tenancy PDFs, and its certificate (PEM). */
  TENANCY_SIGNING_KEY_ARN: z.string().min(1).optional(),
  TENANCY_SIGNING_CERTIFICATE_PEM: z.string().min(1).optional(),
  /** The officers' Cognito user pool (e.g. `eu-west-2_AbC123xyz`) and the console's app client. */
  OFFICER_USER_POOL_ID: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/)
    .optional(),
  OFFICER_CLIENT_ID: z.string().min(1).optional(),
  /**
   * The End User Messaging origination identity texts are sent from (a phone number or pool id or ARN): only the
   * sms function has it; the others queue their texts on the table (shared/adapters/aws/queued-texts.ts).
   */
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  /** Where the web journey is, for the links in texts (`https://...`, no trailing slash): the sms function's. */
  WEB_URL: z.url().optional(),
  /** The key the web front end derives CSRF tokens with; only the web function has it. */
  WEB_CSRF_KEY: z.string().min(32).optional(),
});
export type LambdaEnvironment = z.infer<typeof LambdaEnvironment>;
