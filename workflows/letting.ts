import { Duration } from 'aws-cdk-lib';
import { Choice, Condition, JsonPath, type Pass, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { Stage, WaitingFor } from '../shared/domain/stage.js';
import { attentionWait, routeResume } from './attention.js';
import type { JourneyFunctions } from './journey-functions.js';
import { JourneyStateMachine } from './journey-state-machine.js';
import { HumanWait, machineTask, parkState } from './steps.js';

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
    const closeOffer = (stage: Stage, status: 'withdrawn' | 'refused', end: string) => {
      const task = machineTask(this, `${stage}: close offer`, {
        fn: fns.closeOffer,
        payload: { applicationId, offerId, status, reason: JsonPath.stringAt('$.person.reason') },
        resultPath: JsonPath.DISCARD,
        onFailure: park(stage),
      });
      task.next(new Succeed(this, end));
      return task;
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

    // ApplicantResponse: accept or refuse, before the offer's deadline.
    const responding = escalateThenPark(Stage.ApplicantResponse, 'response');
    const response = new HumanWait(this, 'ApplicantResponse: response', {
      fn: fns.awaitPerson,
      stage: Stage.ApplicantResponse,
      kind: 'response',
      waitingFor: WaitingFor.Applicant,
      timeout: APPLICANT_BACKSTOP,
      withOffer: true,
    })
      .escalateTo(responding.escalate)
      .parkTo(responding.parked);
    response.next(
      new Choice(this, 'ApplicantResponse: decision')
        .when(Condition.stringEquals('$.person.decision', 'accept'), prepare)
        .when(
          Condition.stringEquals('$.person.decision', 'refuse'),
          closeOffer(Stage.ApplicantResponse, 'refused', 'Offer refused'),
        )
        .otherwise(response),
    );

    // OfficerApproval: an officer approves or rejects the match.
    const approving = escalateThenPark(Stage.OfficerApproval, 'approval');
    const approval = new HumanWait(this, 'OfficerApproval: approval', {
      fn: fns.awaitPerson,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      timeout: OFFICER_BACKSTOP,
      withOffer: true,
    })
      .escalateTo(approving.escalate)
      .parkTo(approving.parked);
    approval.next(
      new Choice(this, 'OfficerApproval: decision')
        .when(Condition.stringEquals('$.person.decision', 'approve'), response)
        .when(
          Condition.stringEquals('$.person.decision', 'reject'),
          closeOffer(Stage.OfficerApproval, 'withdrawn', 'Offer withdrawn'),
        )
        .otherwise(approval),
    );

    // Offer: match a home and record the offer (one live offer per home, enforced by the store).
    const match = machineTask(this, 'Offer: match', {
      fn: fns.offer,
      payload: { applicationId },
      resultPath: '$.offer',
      onFailure: park(Stage.Offer),
    });
    match.next(
      new Choice(this, 'Offer: found?')
        .when(Condition.stringEquals('$.offer.outcome', 'offered'), approval)
        .otherwise(new Succeed(this, 'No home yet')),
    );

    routeResume(
      resume,
      [
        [Stage.Offer, match],
        [Stage.OfficerApproval, approval],
        [Stage.ApplicantResponse, response],
        [Stage.TenancySigning, prepare],
        [Stage.Keys, keys],
        [Stage.Let, complete],
      ],
      match,
    );

    this.workflow = new JourneyStateMachine(this, 'StateMachine', { name: 'Letting', definition: resume });
  }
}
