import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type IChainable,
  type INextable,
  IntegrationPattern,
  JitterType,
  JsonPath,
  Pass,
  Result,
  type State,
  StateMachineFragment,
  Succeed,
  TaskInput,
  type TaskStateBase,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { Stage, WaitingFor } from '../shared/domain/stage.js';
import { WITHDRAWN_ERROR } from '../shared/domain/withdrawal.js';
import type { WaitKind } from '../shared/ports.js';

/**
 * The two kinds of step every journey workflow is made of (DESIGN.md §1b):
 * - a machine task: retried with backoff, then caught into the attention wait, so a failure parks the case
 *   instead of ending the application;
 * - a human wait: a task token with a timeout backstop that escalates, never a Retry and no heartbeat
 *   (nothing beats while a person decides).
 */

/**
 * Errors a retry cannot mend: a bad payload, a missing record, a journey in the wrong state. Retriers are
 * tried in order, so these match first with no attempts and go straight to the Catch.
 */
export const PERMANENT_ERRORS = ['InvalidInput', 'NotFoundError', 'JourneyStateError'];

/** Retry policy of every machine task: anything else (faults, throttling) is retried with backoff and jitter. */
export function addMachineRetries(task: TaskStateBase): void {
  task.addRetry({ errors: PERMANENT_ERRORS, maxAttempts: 0 });
  task.addRetry({
    errors: ['States.ALL'],
    interval: Duration.seconds(2),
    maxAttempts: 3,
    backoffRate: 2,
    maxDelay: Duration.seconds(30),
    jitterStrategy: JitterType.FULL,
  });
}

export interface MachineTaskProps {
  fn: IFunction;
  /** The task's input: small ids only, the handler reads the rest from the store. */
  payload: Record<string, unknown>;
  /** Where the result goes in the state (`JsonPath.DISCARD` keeps the state as it was). */
  resultPath: string;
  /** Where a failure after the retries goes: the stage's park state. */
  onFailure: IChainable;
}

export function machineTask(scope: Construct, name: string, props: MachineTaskProps): LambdaInvoke {
  const task = new LambdaInvoke(scope, name, {
    lambdaFunction: props.fn,
    payload: TaskInput.fromObject(props.payload),
    payloadResponseOnly: true,
    resultPath: props.resultPath,
  });
  addMachineRetries(task);
  task.addCatch(props.onFailure, { errors: ['States.ALL'], resultPath: '$.error' });
  return task;
}

export interface HumanWaitProps {
  /** The function that parks the task token against the application (it never logs the token). */
  fn: IFunction;
  stage: Stage | { path: string };
  kind: WaitKind;
  waitingFor: WaitingFor;
  /**
   * Backstop only: the deadline people see is data on the record (DESIGN.md §1b). Or a timer's path in the
   * state (`TimeoutSecondsPath`), for a wait whose timeout is the next check of an offer's deadlines.
   */
  timeout: Duration | { secondsPath: string };
  /** Where the deadline people see is in the state (an offer timer's), instead of the policy's days from now. */
  deadlinePath?: string;
  /** Include `$.offer.offerId` in the wait (Letting waits). */
  withOffer?: boolean;
}

/**
 * A person's step: `.waitForTaskToken`, the answer lands in `$.person`. Wire both exits with
 * {@link HumanWait.escalateTo} (the timeout) and {@link HumanWait.parkTo} (any other failure).
 */
export class HumanWait extends StateMachineFragment {
  readonly startState: State;
  readonly endStates: INextable[];
  private readonly wait: LambdaInvoke;

  constructor(scope: Construct, name: string, props: HumanWaitProps) {
    super(scope, `${name} (fragment)`);
    const payload: Record<string, unknown> = {
      applicationId: JsonPath.stringAt('$.applicationId'),
      stage: typeof props.stage === 'string' ? props.stage : JsonPath.stringAt(props.stage.path),
      kind: props.kind,
      waitingFor: props.waitingFor,
      taskToken: JsonPath.taskToken,
    };
    if (props.withOffer) payload.offerId = JsonPath.stringAt('$.offer.offerId');
    if (props.deadlinePath) payload.deadline = JsonPath.stringAt(props.deadlinePath);
    if (props.kind === 'attention') payload.error = JsonPath.objectAt('$.error');
    this.wait = new LambdaInvoke(scope, name, {
      lambdaFunction: props.fn,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject(payload),
      taskTimeout:
        props.timeout instanceof Duration
          ? Timeout.duration(props.timeout)
          : Timeout.at(props.timeout.secondsPath),
      // A Retry would re-ask a person who may already be answering; failures park instead.
      retryOnServiceExceptions: false,
      resultPath: '$.person',
    });
    // The applicant withdrew (services/withdrawal.ts fails every open wait with this error): the execution ends
    // here, instead of parking the case for an officer as any other failure does. Caught first, before the
    // timeout's and the park's catches (States.ALL must come last).
    this.wait.addCatch(new Succeed(scope, `${name}: withdrawn`), {
      errors: [WITHDRAWN_ERROR],
      resultPath: JsonPath.DISCARD,
    });
    this.startState = this.wait;
    this.endStates = [this.wait];
  }

  /** The backstop fired: nobody answered in time. */
  escalateTo(handler: IChainable): this {
    this.wait.addCatch(handler, { errors: ['States.Timeout'], resultPath: '$.error' });
    return this;
  }

  /** Parking the token failed, or the wait was failed on purpose. */
  parkTo(handler: IChainable): this {
    this.wait.addCatch(handler, { errors: ['States.ALL'], resultPath: '$.error' });
    return this;
  }
}

/** A stage's park state: remembers where to resume, then enters the attention wait. */
export function parkState(scope: Construct, stage: Stage, attention: IChainable): Pass {
  const park = new Pass(scope, `${stage}: park`, {
    result: Result.fromString(stage),
    resultPath: '$.resumeFrom',
  });
  park.next(attention);
  return park;
}
