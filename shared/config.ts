import { z } from 'zod';

/** The Lambda environment, validated once at cold start: a missing setting fails fast and says which. */
export const LambdaEnvironment = z.object({
  TABLE_NAME: z.string().min(1),
  APPLICATION_WORKFLOW_ARN: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
});
export type LambdaEnvironment = z.infer<typeof LambdaEnvironment>;
