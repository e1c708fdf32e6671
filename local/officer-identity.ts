import type { OfficerCodeAnswer, OfficerIdentity, OfficerSignIn } from '../shared/ports.js';
import type { LocalIdentityProvider } from './identity.js';

/**
 * Officers' sign-in through the local identity provider: the port the console uses, so it signs officers in
 * the same way locally as through Cognito in AWS (shared/adapters/aws/cognito-officer-identity.ts), the
 * authenticator app's code included. Local officers' apps are set up on first start, so a sign-in never asks
 * for an app to be added (`mfa-setup`).
 */
export class LocalOfficerIdentity implements OfficerIdentity {
  constructor(private readonly provider: LocalIdentityProvider) {}

  async signIn(email: string, password: string): Promise<OfficerSignIn> {
    const answer = await this.provider.signIn(email, password);
    return answer.kind === 'signed-in' ? { kind: 'signed-in', idToken: answer.idToken } : answer;
  }

  async respondToMfa(email: string, session: string, code: string): Promise<OfficerCodeAnswer> {
    const answer = await this.provider.respondToMfa(email, session, code);
    return answer.kind === 'signed-in' ? { kind: 'signed-in', idToken: answer.idToken } : answer;
  }

  /** No local sign-in hands out an app set-up session, so any session sent here is not a live one. */
  async completeMfaSetup(_email: string, _session: string, _code: string): Promise<OfficerCodeAnswer> {
    return { kind: 'expired' };
  }

  async verify(idToken: string): Promise<Record<string, unknown> | undefined> {
    const claims = await this.provider.verify(idToken);
    // As in AWS: only an ID token signs an officer in to the console.
    return claims?.token_use === 'id' ? claims : undefined;
  }
}
