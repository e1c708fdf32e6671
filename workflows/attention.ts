import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, Fail, type IChainable, JsonPath, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { WaitingFor } from '../shared/domain/stage.js';
import type { JourneyFunctions } from './journey-functions.js';
import { HumanWait, machineTask } from './steps.js';

export interface AttentionProps {
  /** Where the officer's "retry" goes: the workflow's resume Choice, which reads `$.resumeFrom`. */
  resume: IChainable;
  /** What the officer's "close" runs: closes the case (Application) or withdraws the offer (Letting). */
  close: { fn: IFunction; payload: Record<string, unknown> };
}

/**
 * The attention wait (DESIGN.md §1b): a technical failure after retries parks the case here, with the error
 * shown in the officer console. The officer's "retry" loops back to the failed stage through the resume
 * Choice; "close" ends the case with a reason. A caught error never fails the execution. Every path into this
 * wait has set `$.resumeFrom` first (a stage's park state), which the wait reports as its stage.
 */
export function attentionWait(scope: Construct, fns: JourneyFunctions, props: AttentionProps): IChainable {
  const wait = new HumanWait(scope, 'Attention', {
    fn: fns.awaitPerson,
    stage: { path: '$.resumeFrom' },
    kind: 'attention',
    waitingFor: WaitingFor.Officer,
    timeout: Duration.days(30),
  });
  // The case cannot even be parked for a person: the one failure that ends the execution, loudly.
  wait.parkTo(
    new Fail(scope, 'Attention unavailable', {
      error: 'AttentionUnavailable',
      cause: 'The case could not be parked for an officer',
    }),
  );

  const escalate = machineTask(scope, 'Attention: escalate', {
    fn: fns.escalate,
    payload: {
      applicationId: JsonPath.stringAt('$.applicationId'),
      stage: JsonPath.stringAt('$.resumeFrom'),
      kind: 'attention',
    },
    resultPath: JsonPath.DISCARD,
    onFailure: wait,
  });
  escalate.next(wait);
  wait.escalateTo(escalate);

  const close = machineTask(scope, 'Attention: close', {
    fn: props.close.fn,
    payload: props.close.payload,
    resultPath: JsonPath.DISCARD,
    onFailure: wait,
  });
  close.next(new Succeed(scope, 'Closed by an officer'));

  wait.next(
    new Choice(scope, 'Attention: decision')
      .when(Condition.stringEquals('$.person.decision', 'retry'), props.resume)
      .when(Condition.stringEquals('$.person.decision', 'close'), close)
      .otherwise(wait),
  );
  return wait;
}

/**
 * Routes the resume Choice (DESIGN.md §1): enters the workflow at `$.resumeFrom` when it names a stage, else at
 * the start. The Choice is created first because the attention wait loops back to it.
 */
export function routeResume(
  choice: Choice,
  entries: ReadonlyArray<[string, IChainable]>,
  start: IChainable,
): Choice {
  for (const [stage, entry] of entries) {
    choice.when(
      Condition.and(Condition.isPresent('$.resumeFrom'), Condition.stringEquals('$.resumeFrom', stage)),
      entry,
    );
  }
  return choice.otherwise(start);
}
