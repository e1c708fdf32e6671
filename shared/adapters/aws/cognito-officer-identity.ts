import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  NotAuthorizedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Clock, OfficerIdentity } from '../../ports.js';

export interface CognitoOfficerIdentityOptions {
  region: string;
  /** The officers' user pool, e.g. `eu-west-2_AbC123xyz`. */
  userPoolId: string;
  /** The console's app client: no client secret, USER_PASSWORD_AUTH allowed. Its id is the ID tokens' audience. */
  clientId: string;
  /**
   * The keys that verify ID tokens. By default the user pool's published JWKS, fetched on first use and
   * cached by jose (so keep one instance per container); tests pass a local key set.
   */
  keys?: JWTVerifyGetKey;
  /** What "now" is when checking expiry; the real time by default. */
  clock?: Clock;
}

/**
 * Officers' sign-in through Amazon Cognito, for the server-rendered console: `InitiateAuth` with
 * USER_PASSWORD_AUTH gives an ID token, and the console verifies that token on every request against the user
 * pool's keys, its issuer, the app client (audience) and `token_use: id` (an access token carries no
 * `custom:landlordId`, and must never pass for an ID token). The refresh token is not kept: when the ID
 * token expires, the officer signs in again.
 */
export class CognitoOfficerIdentity implements OfficerIdentity {
  private readonly issuer: string;
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly options: CognitoOfficerIdentityOptions,
  ) {
    this.issuer = `https://cognito-idp.${options.region}.amazonaws.com/${options.userPoolId}`;
    this.keys = options.keys ?? createRemoteJWKSet(new URL(`${this.issuer}/.well-known/jwks.json`));
  }

  async signIn(email: string, password: string): Promise<string | undefined> {
    let answer: InitiateAuthCommandOutput;
    try {
      answer = await this.client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: this.options.clientId,
          AuthParameters: { USERNAME: email.trim(), PASSWORD: password },
        }),
      );
    } catch (error) {
      // Cognito answers a wrong password and an unknown user alike (with user-existence errors prevented, both
      // are NotAuthorizedException); the console must not tell them apart either.
      if (error instanceof NotAuthorizedException || error instanceof UserNotFoundException) return undefined;
      throw error;
    }
    const idToken = answer.AuthenticationResult?.IdToken;
    if (idToken) return idToken;
    // The password was right, but Cognito wants another step the console does not offer (e.g. a new password).
    throw new Error(
      `Cognito asked for ${answer.ChallengeName ?? 'an unknown step'} before signing the officer in`,
    );
  }

  async verify(idToken: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(idToken, this.keys, {
        issuer: this.issuer,
        audience: this.options.clientId,
        ...(this.options.clock ? { currentDate: this.options.clock.now() } : {}),
      });
      return payload.token_use === 'id' ? payload : undefined;
    } catch (error) {
      // A bad token is a signed-out officer; keys that cannot be fetched are an outage, not a sign-out.
      if (
        error instanceof errors.JOSEError &&
        !(error instanceof errors.JWKSTimeout) &&
        !(error instanceof errors.JWKSInvalid)
      )
        return undefined;
      throw error;
    }
  }
}
