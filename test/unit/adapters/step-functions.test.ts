import {
  ExecutionAlreadyExists,
  type SendTaskSuccessCommandOutput,
  SFNClient,
  type StartExecutionCommandOutput,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflowClient } from '../../../shared/adapters/aws/step-functions';

/**
 * The Step Functions side of the WorkflowClient port, against hand-written answers typed by the SDK's own
 * output types: nothing here can reach AWS to record real ones, so the client's `send` is replaced.
 */
const ALIAS = 'arn:aws:states:eu-west-2:111122223333:stateMachine:doorstep-application:live';

function client(
  answer: (name: string, input: Record<string, unknown>) => unknown = () => ({ $metadata: {} }),
) {
  const sfn = new SFNClient({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
  });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  sfn.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return answer(command.constructor.name, command.input);
  }) as never;
  return { workflow: new StepFunctionsWorkflowClient(sfn, ALIAS, LETTING_ALIAS, LETTERS_ALIAS), sfn, sent };
}
const LETTING_ALIAS = 'arn:aws:states:eu-west-2:111122223333:stateMachine:doorstep-letting:live';
const LETTERS_ALIAS = 'arn:aws:states:eu-west-2:111122223333:stateMachine:doorstep-letters:live';

describe('StepFunctionsWorkflowClient', () => {
  it('resumes a wait with SendTaskSuccess and the answer as JSON', async () => {
    const success: SendTaskSuccessCommandOutput = { $metadata: { httpStatusCode: 200 } };
    const { workflow, sent } = client(() => success);

    await workflow.resume('token-1', { decision: 'approve', reason: 'Right size' });

    expect(sent).toEqual([
      {
        name: 'SendTaskSuccessCommand',
        input: { taskToken: 'token-1', output: '{"decision":"approve","reason":"Right size"}' },
      },
    ]);
  });

  it('fails a wait with SendTaskFailure, naming the error', async () => {
    const { workflow, sent } = client();

    await workflow.fail('token-2', 'Withdrawn', 'The applicant withdrew');

    expect(sent).toEqual([
      {
        name: 'SendTaskFailureCommand',
        input: { taskToken: 'token-2', error: 'Withdrawn', cause: 'The applicant withdrew' },
      },
    ]);
  });

  it('passes on Step Functions’ answer for a token nobody waits on, by name, for decide() to map', async () => {
    const { workflow } = client(() => {
      throw new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} });
    });

    await expect(workflow.resume('stale', {})).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('starts an application on the live alias, named after the application', async () => {
    const started: StartExecutionCommandOutput = {
      executionArn: 'arn:aws:states:eu-west-2:111122223333:execution:doorstep-application:app_1',
      startDate: new Date('2026-11-02T09:30:00Z'),
      $metadata: {},
    };
    const { workflow, sent } = client(() => started);

    await workflow.startApplication('app_0123456789abcdef');

    expect(sent).toEqual([
      {
        name: 'StartExecutionCommand',
        input: {
          stateMachineArn: ALIAS,
          name: 'app_0123456789abcdef',
          input: '{"applicationId":"app_0123456789abcdef"}',
        },
      },
    ]);
  });

  it('treats a second start of the same application as done (idempotent)', async () => {
    const { workflow } = client(() => {
      throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
    });

    await expect(workflow.startApplication('app_0123456789abcdef')).resolves.toBeUndefined();
  });

  it('starts a Letting on its live alias under the name it is given, once', async () => {
    const { workflow, sent } = client();

    await workflow.startLetting('app_0123456789abcdef', 'app_0123456789abcdef-change-7');

    expect(sent).toEqual([
      {
        name: 'StartExecutionCommand',
        input: {
          stateMachineArn: LETTING_ALIAS,
          name: 'app_0123456789abcdef-change-7',
          input: '{"applicationId":"app_0123456789abcdef"}',
        },
      },
    ]);
    const { workflow: again } = client(() => {
      throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
    });
    await expect(
      again.startLetting('app_0123456789abcdef', 'app_0123456789abcdef-change-7'),
    ).resolves.toBeUndefined();
  });

  it('starts the Letters workflow on its live alias under the name it is given, once', async () => {
    const { workflow, sent } = client();

    await workflow.startLetters('app_0123456789abcdef', 'letters-app_0123456789abcdef-4');

    expect(sent).toEqual([
      {
        name: 'StartExecutionCommand',
        input: {
          stateMachineArn: LETTERS_ALIAS,
          name: 'letters-app_0123456789abcdef-4',
          input: '{"applicationId":"app_0123456789abcdef"}',
        },
      },
    ]);
    const { workflow: again } = client(() => {
      throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
    });
    await expect(
      again.startLetters('app_0123456789abcdef', 'letters-app_0123456789abcdef-4'),
    ).resolves.toBeUndefined();
  });

  it('refuses to start Letters in a function that was not given the Letters workflow', async () => {
    const { sfn } = client();
    const workflow = new StepFunctionsWorkflowClient(sfn, ALIAS, LETTING_ALIAS);
    await expect(workflow.startLetters('app_0123456789abcdef', 'x')).rejects.toThrow('LETTERS_WORKFLOW_ARN');
  });

  it('refuses to start a Letting in a function that was not given the Letting workflow', async () => {
    const { sfn } = client();
    const workflow = new StepFunctionsWorkflowClient(sfn, ALIAS);
    await expect(workflow.startLetting('app_0123456789abcdef', 'x')).rejects.toThrow('LETTING_WORKFLOW_ARN');
  });
});
