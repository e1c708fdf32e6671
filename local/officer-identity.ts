import type { OfficerIdentity } from '../shared/ports.js';
import type { LocalIdentityProvider } from './identity.js';

/**
 * Officers' sign-in through the local identity provider: the port the console uses, so it signs officers in
 * the same way locally as through Cognito in AWS (shared/adapters/aws/cognito-officer-identity.ts).
 */
export class LocalOfficerIdentity implements OfficerIdentity {
  constructor(private readonly provider: LocalIdentityProvider) {}

  async signIn(email: string, password: string): Promise<string | undefined> {
    return (await this.provider.signIn(email, password))?.idToken;
  }

  async verify(idToken: string): Promise<Record<string, unknown> | undefined> {
    const claims = await this.provider.verify(idToken);
    // As in AWS: only an ID token signs an officer in to the console.
    return claims?.token_use === 'id' ? claims : undefined;
  }
}
