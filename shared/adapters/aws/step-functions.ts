import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { WorkflowClient } from '../../ports.js';

/** The Step Functions side of the `WorkflowClient` port: resumes human waits, starts applications and lettings. */
export class StepFunctionsWorkflowClient implements WorkflowClient {
  constructor(
    private readonly sfn: SFNClient,
    /** The Application workflow's `live` alias ARN: executions start on a published version. */
    private readonly applicationAliasArn: string,
    /** The Letting workflow's `live` alias ARN, for functions that start lettings (a change of circumstances). */
    private readonly lettingAliasArn?: string,
    /** The Letters workflow's `live` alias ARN, for functions that make decisions with letters. */
    private readonly lettersAliasArn?: string,
  ) {}

  async resume(taskToken: string, output: Record<string, unknown>): Promise<void> {
    await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    await this.sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }

  async startApplication(applicationId: string): Promise<void> {
    // Named after the application: a second start of the same application is refused by Step Functions.
    await this.start(this.applicationAliasArn, applicationId, { applicationId });
  }

  async startLetting(applicationId: string, name: string, propertyId?: string): Promise<void> {
    if (!this.lettingAliasArn) throw new Error('This function has no LETTING_WORKFLOW_ARN');
    await this.start(this.lettingAliasArn, name, { applicationId, ...(propertyId ? { propertyId } : {}) });
  }

  async startLetters(applicationId: string, name: string): Promise<void> {
    if (!this.lettersAliasArn) throw new Error('This function has no LETTERS_WORKFLOW_ARN');
    await this.start(this.lettersAliasArn, name, { applicationId });
  }

  private async start(stateMachineArn: string, name: string, input: Record<string, string>): Promise<void> {
    try {
      await this.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
