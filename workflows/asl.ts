import * as z from 'zod';

/**
 * Turns the state machines of a synthesised CloudFormation template into plain ASL.
 *
 * CDK writes each definition as `Fn::Join` over strings and tokens (`Ref` to a Lambda alias, `Fn::GetAtt` of
 * another state machine's alias, pseudo parameters). Those tokens are resolved by the caller's `resolve`, so
 * the local runtime can name its own handlers while the rest of the definition stays byte for byte what
 * CloudFormation would deploy.
 */

const Token = z.union([
  z.object({ Ref: z.string() }).strict(),
  z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }).strict(),
]);
type Token = z.infer<typeof Token>;

const DefinitionString = z.union([
  z.string(),
  z.object({ 'Fn::Join': z.tuple([z.literal(''), z.array(z.union([z.string(), Token]))]) }).strict(),
]);

const Template = z.object({
  Resources: z.record(
    z.string(),
    z.looseObject({ Type: z.string(), Properties: z.looseObject({}).optional() }),
  ),
});

export interface ResolvedToken {
  /** The logical id the token points at, or a pseudo parameter such as `AWS::Partition`. */
  logicalId: string;
  /** The attribute for `Fn::GetAtt`, or undefined for `Ref`. */
  attribute?: string;
  /** The resource type of the logical id, when it is a resource of the template. */
  type?: string;
}

export type AslDefinition = {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/** Default resolution: pseudo parameters get fixed local values, resources a recognisable local ARN. */
export function localArn(token: ResolvedToken): string {
  switch (token.logicalId) {
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::Region':
      return 'eu-west-2';
    case 'AWS::AccountId':
      return '000000000000';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    default:
      if (token.type === 'AWS::Lambda::Alias')
        return `arn:aws:lambda:eu-west-2:000000000000:function:${token.logicalId}:live`;
      if (token.type === 'AWS::StepFunctions::StateMachineAlias')
        return `arn:aws:states:eu-west-2:000000000000:stateMachine:${token.logicalId}:live`;
      return `arn:aws:local:eu-west-2:000000000000:${token.logicalId}`;
  }
}

/**
 * The ASL of every state machine in the template, keyed by the `StateMachineName` property (or the logical id
 * when the template names none).
 */
export function extractAsl(
  template: unknown,
  resolve: (token: ResolvedToken) => string = localArn,
): Record<string, AslDefinition> {
  const { Resources } = Template.parse(template);
  const machines: Record<string, AslDefinition> = {};
  for (const [logicalId, resource] of Object.entries(Resources)) {
    if (resource.Type !== 'AWS::StepFunctions::StateMachine') continue;
    const properties = resource.Properties ?? {};
    const definition = DefinitionString.parse(properties.DefinitionString);
    const text =
      typeof definition === 'string'
        ? definition
        : definition['Fn::Join'][1]
            .map((part) => (typeof part === 'string' ? part : resolve(describe(part, Resources))))
            .join('');
    const name = typeof properties.StateMachineName === 'string' ? properties.StateMachineName : logicalId;
    machines[name] = JSON.parse(text) as AslDefinition;
  }
  return machines;
}

function describe(token: Token, resources: z.infer<typeof Template>['Resources']): ResolvedToken {
  const [logicalId, attribute] = 'Ref' in token ? [token.Ref, undefined] : token['Fn::GetAtt'];
  const type = resources[logicalId]?.Type;
  return { logicalId, ...(attribute ? { attribute } : {}), ...(type ? { type } : {}) };
}
