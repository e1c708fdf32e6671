import {
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  EnableSoftwareTokenMFAException,
  ExpiredCodeException,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
  type VerifySoftwareTokenCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Clock, OfficerCodeAnswer, OfficerIdentity, OfficerSignIn } from '../../ports.js';

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
 * USER_PASSWORD_AUTH, then, because the user pool requires an authenticator app, the app's code through
 * `RespondToAuthChallenge` (SOFTWARE_TOKEN_MFA), or, for an officer without an app yet, its enrolment
 * (`AssociateSoftwareToken`, `VerifySoftwareToken`, then the MFA_SETUP challenge), each step carrying the
 * session Cognito handed out at the one before. The console verifies the resulting ID token on every request
 * against the user pool's keys, its issuer, the app client (audience) and `token_use: id` (an access token
 * carries no `custom:landlordId`, and must never pass for an ID token). The refresh token is not kept: when
 * the ID token expires, the officer signs in again.
 *
 * The pool signs in by email (its username attribute), so the email is the USERNAME every challenge answer
 * names.
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

  async signIn(email: string, password: string): Promise<OfficerSignIn> {
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
      if (error instanceof NotAuthorizedException || error instanceof UserNotFoundException)
        return { kind: 'refused' };
      throw error;
    }
    const idToken = answer.AuthenticationResult?.IdToken;
    if (idToken) return { kind: 'signed-in', idToken };
    if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && answer.Session)
      return { kind: 'mfa', session: answer.Session };
    if (answer.ChallengeName === 'MFA_SETUP' && answer.Session) {
      // A session, not an access token, authorises the association: the officer is not signed in yet.
      const associated = await this.client.send(
        new AssociateSoftwareTokenCommand({ Session: answer.Session }),
      );
      if (associated.SecretCode && associated.Session)
        return { kind: 'mfa-setup', session: associated.Session, secret: associated.SecretCode };
      throw new Error('Cognito associated no authenticator app key for the officer');
    }
    // The password was right, but Cognito wants another step the console does not offer (e.g. a new password).
    throw new Error(
      `Cognito asked for ${answer.ChallengeName ?? 'an unknown step'} before signing the officer in`,
    );
  }

  async respondToMfa(email: string, session: string, code: string): Promise<OfficerCodeAnswer> {
    return this.codeAnswer(async () =>
      this.signedIn(
        await this.client.send(
          new RespondToAuthChallengeCommand({
            ClientId: this.options.clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: session,
            ChallengeResponses: { USERNAME: email.trim(), SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        ),
      ),
    );
  }

  async completeMfaSetup(email: string, session: string, code: string): Promise<OfficerCodeAnswer> {
    return this.codeAnswer(async () => {
      const verified: VerifySoftwareTokenCommandOutput = await this.client.send(
        new VerifySoftwareTokenCommand({
          Session: session,
          UserCode: code,
          FriendlyDeviceName: 'Doorstep lettings console',
        }),
      );
      if (verified.Status !== 'SUCCESS') return { kind: 'refused' };
      if (!verified.Session) throw new Error('Cognito verified the authenticator app but gave no session');
      return this.signedIn(
        await this.client.send(
          new RespondToAuthChallengeCommand({
            ClientId: this.options.clientId,
            ChallengeName: 'MFA_SETUP',
            Session: verified.Session,
            ChallengeResponses: { USERNAME: email.trim() },
          }),
        ),
      );
    });
  }

  /** The ID token of a finished sign-in; any further challenge is a step the console does not offer. */
  private signedIn(answer: RespondToAuthChallengeCommandOutput): OfficerCodeAnswer {
    const idToken = answer.AuthenticationResult?.IdToken;
    if (idToken) return { kind: 'signed-in', idToken };
    throw new Error(
      `Cognito asked for ${answer.ChallengeName ?? 'an unknown step'} after the officer's code`,
    );
  }

  /**
   * Cognito's errors for a code, as the console must act on them. A code that does not match (on a challenge,
   * CodeMismatchException; on enrolment, EnableSoftwareTokenMFAException) or one already used
   * (ExpiredCodeException: Cognito takes each TOTP code once, and a code typed twice within its 30 seconds is
   * "expired") can be tried again with the next code and the same session. A session that has timed out or
   * been spent (NotAuthorizedException) means signing in again.
   */
  private async codeAnswer(step: () => Promise<OfficerCodeAnswer>): Promise<OfficerCodeAnswer> {
    try {
      return await step();
    } catch (error) {
      if (
        error instanceof CodeMismatchException ||
        error instanceof EnableSoftwareTokenMFAException ||
        error instanceof ExpiredCodeException
      )
        return { kind: 'refused' };
      if (error instanceof NotAuthorizedException) return { kind: 'expired' };
      throw error;
    }
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
