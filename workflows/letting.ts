import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import {
  Choice,
  Condition,
  Fail,
  IntegrationPattern,
  JsonPath,
  type Pass,
  StateMachine,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { Stage, WaitingFor } from '../shared/domain/stage.js';
import { attentionWait, routeResume } from './attention.js';
import type { JourneyFunctions } from './journey-functions.js';
import { JourneyStateMachine, journeyStateMachineName } from './journey-state-machine.js';
import { addMachineRetries, HumanWait, machineTask, parkState } from './steps.js';

export interface LettingWorkflowProps {
  functions: JourneyFunctions;
}

const OFFICER_BACKSTOP = Duration.days(30);
const APPLICANT_BACKSTOP = Duration.days(30);

/**
 * The Letting workflow: one execution per offer of a home, linked to its application by the application id.
 *
 *   Resume? -> Offer -> OfficerApproval -> ApplicantResponse -> TenancySigning -> Keys -> Let
 *
 * TenancySigning is three steps: prepare the agreement, the tenant's signature (a person), and applying the
 * signatures to the PDF (a machine).
 *
 * A rejected or refused offer closes the offer (the home is free again, the household stays on the register);
 * a technical failure parks the case for an officer, whose "close" withdraws the offer.
 */
export class LettingWorkflow extends Construct {
  readonly workflow: JourneyStateMachine;

  constructor(scope: Construct, id: string, props: LettingWorkflowProps) {
    super(scope, id);
    const fns = props.functions;
    const applicationId = JsonPath.stringAt('$.applicationId');
    const offerId = JsonPath.stringAt('$.offer.offerId');
    const resume = new Choice(this, 'Resume?');
    const attention = attentionWait(this, fns, {
      resume,
      close: {
        fn: fns.closeOffer,
        payload: { applicationId, status: 'withdrawn', reason: JsonPath.stringAt('$.person.reason') },
      },
    });
    const parks = new Map<Stage, Pass>();
    const park = (stage: Stage): Pass => {
      const existing = parks.get(stage) ?? parkState(this, stage, attention);
      parks.set(stage, existing);
      return existing;
    };
    const escalateThenPark = (stage: Stage, kind: 'approval' | 'response' | 'signature') => {
      const parked = park(stage);
      const escalate = machineTask(this, `${stage}: escalate`, {
        fn: fns.escalate,
        payload: { applicationId, stage, kind },
        resultPath: JsonPath.DISCARD,
        onFailure: parked,
      });
      escalate.next(parked);
      return { escalate, parked };
    };
    // Let and Keys: machine steps after the signature.
    const letDone = new Succeed(this, 'Let');
    const complete = machineTask(this, 'Let: complete', {
      fn: fns.let,
      payload: { applicationId, offerId },
      resultPath: JsonPath.DISCARD,
      onFailure: park(Stage.Let),
    });
    complete.next(letDone);
    const keys = machineTask(this, 'Keys: issue', {
      fn: fns.keys,
      payload: { applicationId, offerId },
      resultPath: '$.key',
      onFailure: park(Stage.Keys),
    });
    keys.next(complete);

    // TenancySigning: prepare the agreement, wait for the tenant's signature (the API records it), then apply
    // it to the PDF and countersign in a machine step, so the API never signs. A resumed stage whose tenant
    // has signed already goes straight to the signing step: nobody is asked to sign twice.
    const signing = escalateThenPark(Stage.TenancySigning, 'signature');
    const applySignatures = machineTask(this, 'TenancySigning: apply signatures', {
      fn: fns.tenancySigning,
      payload: { applicationId, offerId },
      resultPath: JsonPath.DISCARD,
      onFailure: signing.parked,
    });
    applySignatures.next(keys);
    const signature = new HumanWait(this, 'TenancySigning: signature', {
      fn: fns.awaitPerson,
      stage: Stage.TenancySigning,
      kind: 'signature',
      waitingFor: WaitingFor.Applicant,
      timeout: APPLICANT_BACKSTOP,
      withOffer: true,
    })
      .escalateTo(signing.escalate)
      .parkTo(signing.parked);
    signature.next(applySignatures);
    const prepare = machineTask(this, 'TenancySigning: prepare', {
      fn: fns.tenancy,
      payload: { applicationId, offerId },
      resultPath: '$.tenancy',
      onFailure: signing.parked,
    });
    prepare.next(
      new Choice(this, 'TenancySigning: signed?')
        .when(
          Condition.or(
            Condition.stringEquals('$.tenancy.outcome', 'signed-by-tenant'),
            Condition.stringEquals('$.tenancy.outcome', 'signed'),
          ),
          applySignatures,
        )
        .otherwise(signature),
    );

    // After an offer ends without a letting (rejected, refused or lapsed): the home's next household on its
    // shortlist, in a Letting execution of its own, which an officer approves in turn. A failure here fails the
    // execution (an alarm), since the offer itself is already closed.
    const offerEnded = new Succeed(this, 'Offer closed');
    const nextFailed = new Fail(this, 'Next offer not started', {
      error: 'NextOfferFailed',
      cause: 'The offer closed, but the next household on the home’s shortlist was not offered it',
    });
    const startNext = new StepFunctionsStartExecution(this, 'Offer: start the next', {
      // This workflow's own live alias, by name: a token reference to itself would be a circular dependency.
      stateMachine: StateMachine.fromStateMachineArn(
        this,
        'LettingSelf',
        Stack.of(this).formatArn({
          service: 'states',
          resource: 'stateMachine',
          resourceName: `${journeyStateMachineName('Letting')}:live`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ),
      integrationPattern: IntegrationPattern.REQUEST_RESPONSE,
      associateWithParent: true,
      name: JsonPath.stringAt('$.next.executionName'),
      input: TaskInput.fromObject({
        applicationId: JsonPath.stringAt('$.next.applicationId'),
        propertyId: JsonPath.stringAt('$.next.propertyId'),
      }),
      resultPath: JsonPath.DISCARD,
    });
    // That household was offered this home by an execution that has ended (an officer's direct offer): done.
    const started = 'StepFunctions.ExecutionAlreadyExistsException';
    startNext.addRetry({ errors: [started], maxAttempts: 0 });
    addMachineRetries(startNext);
    startNext.addCatch(offerEnded, { errors: [started], resultPath: JsonPath.DISCARD });
    startNext.addCatch(nextFailed, { errors: ['States.ALL'], resultPath: '$.error' });
    startNext.next(offerEnded);
    const findNext = new LambdaInvoke(this, 'Offer: next household', {
      lambdaFunction: fns.nextOffer,
      payload: TaskInput.fromObject({ applicationId, offerId }),
      payloadResponseOnly: true,
      resultPath: '$.next',
    });
    addMachineRetries(findNext);
    findNext.addCatch(nextFailed, { errors: ['States.ALL'], resultPath: '$.error' });
    findNext.next(
      new Choice(this, 'Offer: anyone next?')
        .when(Condition.stringEquals('$.next.outcome', 'next'), startNext)
        .otherwise(offerEnded),
    );
    const closeThenNext = (stage: Stage, status: 'withdrawn' | 'refused', reason?: string) => {
      const task = machineTask(this, `${stage}: ${reason ? 'lapse' : 'close offer'}`, {
        fn: fns.closeOffer,
        payload: {
          applicationId,
          offerId,
          status,
          ...(reason ? { reason, lapsed: true } : { reason: JsonPath.stringAt('$.person.reason') }),
        },
        resultPath: JsonPath.DISCARD,
        onFailure: park(stage),
      });
      task.next(findNext);
      return task;
    };

    // ApplicantResponse: accept or refuse by the offer's deadline. A timer step sets each wait's timeout to the
    // next reminder or the deadline; it sends the reminders, and no answer by the deadline counts as a refusal.
    const responseTimer = machineTask(this, 'ApplicantResponse: timer', {
      fn: fns.offerTimer,
      payload: { applicationId, offerId, kind: 'response' },
      resultPath: '$.timer',
      onFailure: park(Stage.ApplicantResponse),
    });
    const response = new HumanWait(this, 'ApplicantResponse: response', {
      fn: fns.awaitPerson,
      stage: Stage.ApplicantResponse,
      kind: 'response',
      waitingFor: WaitingFor.Applicant,
      timeout: { secondsPath: '$.timer.seconds' },
      deadlinePath: '$.timer.deadline',
      withOffer: true,
    })
      .escalateTo(responseTimer)
      .parkTo(park(Stage.ApplicantResponse));
    responseTimer.next(
      new Choice(this, 'ApplicantResponse: lapsed?')
        .when(
          Condition.stringEquals('$.timer.due', 'lapse'),
          closeThenNext(
            Stage.ApplicantResponse,
            'refused',
            'No answer by the deadline, after the reminders: counted as a refusal',
          ),
        )
        .otherwise(response),
    );
    response.next(
      new Choice(this, 'ApplicantResponse: decision')
        .when(Condition.stringEquals('$.person.decision', 'accept'), prepare)
        .when(
          Condition.stringEquals('$.person.decision', 'refuse'),
          closeThenNext(Stage.ApplicantResponse, 'refused'),
        )
        .otherwise(responseTimer),
    );

    // OfficerApproval: an officer approves (the offer goes live; see services/decisions.ts) or rejects the match,
    // by the policy's deadline; after it, the approval goes to a senior officer.
    const approvalTimer = machineTask(this, 'OfficerApproval: timer', {
      fn: fns.offerTimer,
      payload: { applicationId, offerId, kind: 'approval' },
      resultPath: '$.timer',
      onFailure: park(Stage.OfficerApproval),
    });
    const approvalParked = park(Stage.OfficerApproval);
    const rejected = closeThenNext(Stage.OfficerApproval, 'withdrawn');
    const decided = (name: string) =>
      new Choice(this, name)
        .when(Condition.stringEquals('$.person.decision', 'approve'), responseTimer)
        .when(Condition.stringEquals('$.person.decision', 'reject'), rejected);
    const approval = new HumanWait(this, 'OfficerApproval: approval', {
      fn: fns.awaitPerson,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      timeout: { secondsPath: '$.timer.seconds' },
      deadlinePath: '$.timer.deadline',
      withOffer: true,
    })
      .escalateTo(approvalTimer)
      .parkTo(approvalParked);
    approval.next(decided('OfficerApproval: decision').otherwise(approvalTimer));
    const seniorApproval = new HumanWait(this, 'OfficerApproval: senior approval', {
      fn: fns.awaitPerson,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.SeniorOfficer,
      timeout: OFFICER_BACKSTOP,
      withOffer: true,
    })
      .escalateTo(approvalParked)
      .parkTo(approvalParked);
    const escalateApproval = machineTask(this, 'OfficerApproval: to a senior officer', {
      fn: fns.escalate,
      payload: { applicationId, stage: Stage.OfficerApproval, kind: 'approval' },
      resultPath: JsonPath.DISCARD,
      onFailure: approvalParked,
    });
    escalateApproval.next(seniorApproval);
    seniorApproval.next(decided('OfficerApproval: senior decision').otherwise(seniorApproval));
    approvalTimer.next(
      new Choice(this, 'OfficerApproval: late?')
        .when(Condition.stringEquals('$.timer.due', 'escalate'), escalateApproval)
        .otherwise(approval),
    );

    // Offer: propose a home (the execution's, or the best fitting one) for an officer to approve.
    const match = machineTask(this, 'Offer: match', {
      fn: fns.offer,
      payload: { applicationId, execution: JsonPath.objectAt('$$.Execution.Input') },
      resultPath: '$.offer',
      onFailure: park(Stage.Offer),
    });
    match.next(
      new Choice(this, 'Offer: found?')
        .when(Condition.stringEquals('$.offer.outcome', 'offered'), approvalTimer)
        .otherwise(new Succeed(this, 'No home yet')),
    );

    routeResume(
      resume,
      [
        [Stage.Offer, match],
        [Stage.OfficerApproval, approvalTimer],
        [Stage.ApplicantResponse, responseTimer],
        [Stage.TenancySigning, prepare],
        [Stage.Keys, keys],
        [Stage.Let, complete],
      ],
      match,
    );

    this.workflow = new JourneyStateMachine(this, 'StateMachine', {
      name: 'Letting',
      definition: resume,
    });
  }
}
