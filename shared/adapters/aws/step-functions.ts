import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { WorkflowClient } from '../../ports.js';

/** The Step Functions side of the `WorkflowClient` port: resumes human waits and starts applications. */
export class StepFunctionsWorkflowClient implements WorkflowClient {
  constructor(
    private readonly sfn: SFNClient,
    /** The Application workflow's `live` alias ARN: executions start on a published version. */
    private readonly applicationAliasArn: string,
  ) {}

  async resume(taskToken: string, output: Record<string, unknown>): Promise<void> {
    await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    await this.sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }

  async startApplication(applicationId: string): Promise<void> {
    try {
      // Named after the application: a second start of the same application is refused by Step Functions.
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.applicationAliasArn,
          name: applicationId,
          input: JSON.stringify({ applicationId }),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }
}
