import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  type IChainable,
  IntegrationPattern,
  JsonPath,
  Pass,
  Result,
  StateMachine,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { Stage, WaitingFor } from '../shared/domain/stage.js';
import { attentionWait, routeResume } from './attention.js';
import type { JourneyFunctions } from './journey-functions.js';
import { JourneyStateMachine } from './journey-state-machine.js';
import { addMachineRetries, HumanWait, machineTask, parkState } from './steps.js';

export interface ApplicationWorkflowProps {
  functions: JourneyFunctions;
  /** The Letting workflow's live alias: registration starts the first offer when a home fits now. */
  lettingAliasArn: string;
}

/** Backstops for people's waits; the deadlines they see are shorter and live on the record. */
const ANSWERS_BACKSTOP = Duration.days(120);
const OFFICER_BACKSTOP = Duration.days(30);

/**
 * The Application workflow: one execution per application, from the first answer to the register.
 *
 *   Resume? -> Eligibility -> Qualification -> Household -> Documents -> Verification -> Registered
 *
 * Each stage starts by assessing what it already knows, so a profile that is complete (answered earlier or
 * prefilled by a council) is never asked again; a stage that lacks answers waits for the applicant, a
 * "refer" waits for an officer, and any technical failure parks the case in the attention wait.
 */
export class ApplicationWorkflow extends Construct {
  readonly workflow: JourneyStateMachine;

  constructor(scope: Construct, id: string, props: ApplicationWorkflowProps) {
    super(scope, id);
    const fns = props.functions;
    const applicationId = JsonPath.stringAt('$.applicationId');
    const resume = new Choice(this, 'Resume?');
    const attention = attentionWait(this, fns, {
      resume,
      close: {
        fn: fns.closeCase,
        payload: {
          applicationId,
          stage: JsonPath.stringAt('$.resumeFrom'),
          reason: JsonPath.stringAt('$.person.reason'),
        },
      },
    });

    // Registered: the last stage. Built first, because every earlier stage chains onto the next.
    const registeredPark = parkState(this, Stage.Registered, attention);
    const registered = new Succeed(this, 'On the register');
    const startLetting = new StepFunctionsStartExecution(this, 'Registered: start letting', {
      stateMachine: StateMachine.fromStateMachineArn(this, 'LettingLive', props.lettingAliasArn),
      integrationPattern: IntegrationPattern.REQUEST_RESPONSE,
      associateWithParent: true,
      // Named after the application, so a retried start is idempotent (Step Functions returns the same execution).
      name: JsonPath.format('{}-first-offer', applicationId),
      input: TaskInput.fromObject({ applicationId }),
      resultPath: JsonPath.DISCARD,
    });
    addMachineRetries(startLetting);
    startLetting.addCatch(registeredPark, { errors: ['States.ALL'], resultPath: '$.error' });
    startLetting.next(registered);
    const register = machineTask(this, 'Registered: register', {
      fn: fns.register,
      payload: { applicationId },
      resultPath: '$.result',
      onFailure: registeredPark,
    });
    // The registration letter (PDF) in a step of its own: the letters function carries the PDF library.
    const letter = machineTask(this, 'Registered: letter', {
      fn: fns.letters,
      payload: { applicationId },
      resultPath: JsonPath.DISCARD,
      onFailure: registeredPark,
    });
    register.next(letter);
    letter.next(
      new Choice(this, 'Registered: home available now?')
        .when(Condition.booleanEquals('$.result.homeAvailable', true), startLetting)
        .otherwise(registered),
    );

    const stage = (
      name: Stage,
      assessFn: IFunction,
      next: IChainable,
      asksApplicant: boolean,
      anotherDocument?: IChainable,
    ) =>
      this.stage({
        name,
        assessFn,
        next,
        asksApplicant,
        attention,
        fns,
        ...(anotherDocument ? { anotherDocument } : {}),
      });
    // An officer checking documents may ask for another one: back to the Documents stage, through Resume?.
    const backToDocuments = (from: Stage) =>
      new Pass(this, `${from}: ask for another document`, {
        result: Result.fromString(Stage.Documents),
        resultPath: '$.resumeFrom',
      }).next(resume);
    const verification = stage(
      Stage.Verification,
      fns.verification,
      register,
      false,
      backToDocuments(Stage.Verification),
    );
    const documents = stage(
      Stage.Documents,
      fns.documents,
      verification,
      true,
      backToDocuments(Stage.Documents),
    );
    const household = stage(Stage.Household, fns.household, documents, true);
    const qualification = stage(Stage.Qualification, fns.qualification, household, true);
    const eligibility = stage(Stage.Eligibility, fns.eligibility, qualification, true);

    routeResume(
      resume,
      [
        [Stage.Eligibility, eligibility],
        [Stage.Qualification, qualification],
        [Stage.Household, household],
        [Stage.Documents, documents],
        [Stage.Verification, verification],
        [Stage.Registered, register],
      ],
      eligibility,
    );

    this.workflow = new JourneyStateMachine(this, 'StateMachine', {
      name: 'Application',
      definition: resume,
    });
  }

  /**
   * One stage: assess -> (answers missing: wait for the applicant, assess again)
   *                   -> (refer: an officer reviews: proceed or close, or for documents ask for
   *                       another, which goes back to the Documents stage) -> next stage.
   */
  private stage(props: {
    name: Stage;
    assessFn: IFunction;
    next: IChainable;
    asksApplicant: boolean;
    attention: IChainable;
    fns: JourneyFunctions;
    /** Where an officer's "ask for another document" goes (document checks only). */
    anotherDocument?: IChainable;
  }): IChainable {
    const { name, fns } = props;
    const applicationId = JsonPath.stringAt('$.applicationId');
    const park = parkState(this, name, props.attention);
    const escalateThenPark = (kind: 'answers' | 'review') => {
      const escalate = machineTask(this, `${name}: escalate ${kind}`, {
        fn: fns.escalate,
        payload: { applicationId, stage: name, kind },
        resultPath: JsonPath.DISCARD,
        onFailure: park,
      });
      escalate.next(park);
      return escalate;
    };

    const assess = machineTask(this, `${name}: assess`, {
      fn: props.assessFn,
      payload: { applicationId },
      resultPath: '$.result',
      onFailure: park,
    });

    const review = new HumanWait(this, `${name}: officer review`, {
      fn: fns.awaitPerson,
      stage: name,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      timeout: OFFICER_BACKSTOP,
    })
      .escalateTo(escalateThenPark('review'))
      .parkTo(park);
    const close = machineTask(this, `${name}: close case`, {
      fn: fns.closeCase,
      payload: { applicationId, stage: name, reason: JsonPath.stringAt('$.person.reason') },
      resultPath: JsonPath.DISCARD,
      onFailure: park,
    });
    close.next(new Succeed(this, `${name}: closed`));
    const decision = new Choice(this, `${name}: review decision`)
      .when(Condition.stringEquals('$.person.decision', 'proceed'), props.next)
      .when(Condition.stringEquals('$.person.decision', 'close'), close);
    if (props.anotherDocument)
      decision.when(Condition.stringEquals('$.person.decision', 'another'), props.anotherDocument);
    review.next(decision.otherwise(review));

    const outcome = new Choice(this, `${name}: outcome`).when(
      Condition.stringEquals('$.result.outcome', 'refer'),
      review,
    );
    if (props.asksApplicant) {
      const answers = new HumanWait(this, `${name}: answers`, {
        fn: fns.awaitPerson,
        stage: name,
        kind: 'answers',
        waitingFor: WaitingFor.Applicant,
        timeout: ANSWERS_BACKSTOP,
      })
        .escalateTo(escalateThenPark('answers'))
        .parkTo(park);
      answers.next(assess);
      outcome.when(Condition.stringEquals('$.result.outcome', 'needs-answers'), answers);
    }
    assess.next(outcome.otherwise(props.next));
    return assess;
  }
}
