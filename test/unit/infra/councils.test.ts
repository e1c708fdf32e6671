import { Match } from 'aws-cdk-lib/assertions';
import { contractRoutes, councilRoutes } from '../../../functions/councils/routes';
import { synthDoorstep } from '../../support/synth';

// Synthesising with the AwsSolutions plugin is itself the cdk-nag gate: an unacknowledged error throws here.
const { template } = synthDoorstep();

const councilsFunction = () => {
  const [entry] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
    ([, resource]) => resource.Properties.Environment?.Variables?.COUNCIL_TOKEN_ISSUER !== undefined,
  );
  if (!entry) throw new Error('no councils function');
  return entry;
};

describe('the partner councils API in the stack', () => {
  it('has a user pool for councils with the doorstep resource server and its three scopes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'doorstep-councils',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'doorstep',
      Scopes: [
        { ScopeName: 'nominations:write', ScopeDescription: Match.anyValue() },
        { ScopeName: 'nominations:read', ScopeDescription: Match.anyValue() },
        { ScopeName: 'events:read', ScopeDescription: Match.anyValue() },
      ],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: Match.anyValue() });
  });

  it('puts every council route and the public contract on the HTTP API, to the councils function, verified in it', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties as { RouteKey: string; AuthorizationType: string },
    );
    for (const key of [...Object.keys(councilRoutes), ...contractRoutes])
      expect(routes).toContainEqual(expect.objectContaining({ RouteKey: key, AuthorizationType: 'NONE' }));
  });

  it('tells the function the issuer and token URL, and gives it no Cognito permission', () => {
    const [id, fn] = councilsFunction();
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'COUNCIL_TOKEN_ISSUER', 'COUNCIL_TOKEN_URL']),
    );
    const role = JSON.stringify(fn.Properties.Role);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(JSON.parse(role)['Fn::GetAtt']?.[0] ?? id),
    );
    expect(policies.length).toBeGreaterThan(0);
    const actions = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap((s) =>
        Array.isArray(s.Action) ? s.Action : [s.Action],
      ),
    );
    expect(actions.filter((action) => action.startsWith('cognito-idp:'))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).toContain('dynamodb:UpdateItem');
  });

  it('outputs the token URL, the councils pool and the docs page', () => {
    template.hasOutput('CouncilTokenUrl', Match.anyValue());
    template.hasOutput('CouncilUserPoolId', Match.anyValue());
    template.hasOutput('CouncilApiDocs', Match.anyValue());
  });
});
