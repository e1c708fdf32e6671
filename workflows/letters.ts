import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Fail, JsonPath, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { JourneyFunctions } from './journey-functions.js';
import { JourneyStateMachine } from './journey-state-machine.js';
import { machineTask } from './steps.js';

export interface LettersWorkflowProps {
  functions: Pick<JourneyFunctions, 'letters'>;
}

/**
 * The Letters workflow: writes decision letters' PDFs for decisions made outside the Application and Letting
 * workflows (a change of circumstances reassessed by the API or web functions, an officer's override), whose
 * bundles cannot carry pdf-lib. They start it, named after the application and its number of decisions, so a
 * retried request starts it once.
 *
 *   Letters: write -> Written
 *
 * The step is retried like every machine task; if it still fails, the execution fails (the failed-executions
 * alarm tells an operator) and the HTML letter stays readable meanwhile: nothing about the decision is lost.
 */
export class LettersWorkflow extends Construct {
  readonly workflow: JourneyStateMachine;

  constructor(scope: Construct, id: string, props: LettersWorkflowProps) {
    super(scope, id);
    const failed = new Fail(this, 'Letters: not written', {
      error: 'LettersNotWritten',
      cause: 'The decision letters could not be written after retries; the HTML letters are still readable.',
    });
    const write = machineTask(this, 'Letters: write', {
      fn: props.functions.letters,
      payload: { applicationId: JsonPath.stringAt('$.applicationId') },
      resultPath: JsonPath.DISCARD,
      onFailure: failed,
    });
    write.next(new Succeed(this, 'Written'));
    this.workflow = new JourneyStateMachine(this, 'StateMachine', { name: 'Letters', definition: write });
    new Alarm(this, 'Failed', {
      alarmDescription:
        'Doorstep: decision letters (PDF) were not written after retries. The HTML letters are still readable; re-run the execution once the cause is fixed.',
      metric: this.workflow.stateMachine.metricFailed({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
