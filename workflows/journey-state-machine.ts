import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  type IChainable,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export type JourneyName = 'Application' | 'Letting' | 'Letters';

/** The deployed state machine's name: known before deploy, so a workflow can name another (or itself) by it. */
export function journeyStateMachineName(name: JourneyName): string {
  return `doorstep-${name.toLowerCase()}`;
}

export interface JourneyStateMachineProps {
  /** The state machine's name, also its key in the local runtime's ASL cache. */
  name: JourneyName;
  definition: IChainable;
  logKey?: IKey;
}

/**
 * A Standard state machine with the settings every journey workflow shares: logging ALL (without execution
 * data, which may hold officers' free-text reasons), X-Ray tracing, and a published version behind a `live`
 * alias, so a deploy never changes the definition under a running execution (DESIGN.md §1b).
 */
export class JourneyStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  /** The ARN executions start on: the `live` alias of the newest published version. */
  readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: JourneyStateMachineProps) {
    super(scope, id);
    const logs = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/doorstep-${props.name.toLowerCase()}`,
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.logKey ? { encryptionKey: props.logKey } : {}),
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: journeyStateMachineName(props.name),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(props.definition),
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Logging to CloudWatch (logs:CreateLogDelivery and the other log-delivery actions) and X-Ray tracing accept only Resource "*". A test checks no other action is granted on "*".',
    });
    const version = new CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: this.stateMachine.stateMachineArn,
      stateMachineRevisionId: this.stateMachine.stateMachineRevisionId,
      description: 'Published on deploy; running executions keep the version they started on.',
    });
    const alias = new CfnStateMachineAlias(this, 'Live', {
      name: 'live',
      routingConfiguration: [{ stateMachineVersionArn: version.attrArn, weight: 100 }],
    });
    this.aliasArn = alias.attrArn;
  }
}
