import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { type CouncilScope, tokenScope } from '../../services/council-auth.js';
import type { CouncilClientRegistrar } from '../../services/council-clients.js';

/** How long a council's access token lasts: an hour, as the local issuer's. */
const ACCESS_TOKEN_MINUTES = 60;

/**
 * A council's OAuth2 client in the councils' Cognito user pool: an app client with a generated secret, the
 * client credentials flow only, and the `doorstep/` resource server's scopes it may ask for. Cognito returns
 * the secret in this answer (and to DescribeUserPoolClient for administrators); Doorstep keeps no copy.
 */
export class CognitoCouncilClientRegistrar implements CouncilClientRegistrar {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async createClient(input: {
    name: string;
    scopes: CouncilScope[];
  }): Promise<{ clientId: string; clientSecret: string }> {
    const { UserPoolClient } = await this.cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: this.userPoolId,
        ClientName: input.name,
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: input.scopes.map(tokenScope),
        // No user sign-in of any kind: the client only exchanges its credentials for access tokens.
        ExplicitAuthFlows: [],
        SupportedIdentityProviders: [],
        AccessTokenValidity: ACCESS_TOKEN_MINUTES,
        TokenValidityUnits: { AccessToken: 'minutes' },
        EnableTokenRevocation: true,
      }),
    );
    if (!UserPoolClient?.ClientId || !UserPoolClient.ClientSecret)
      throw new Error('Cognito created no client id or secret');
    return { clientId: UserPoolClient.ClientId, clientSecret: UserPoolClient.ClientSecret };
  }
}
