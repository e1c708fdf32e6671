import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoOfficerIdentity } from '../../shared/adapters/aws/cognito-officer-identity.js';
import type { LambdaEnvironment } from '../../shared/config.js';
import type { OfficerIdentity } from '../../shared/ports.js';

/**
 * Officers' sign-in through Cognito, for the function that serves the officers' console. Make it once per
 * container: it caches the user pool's keys. Without the settings, every call fails, naming them.
 */
export function cognitoOfficerIdentity(env: LambdaEnvironment): OfficerIdentity {
  const { OFFICER_USER_POOL_ID: userPoolId, OFFICER_CLIENT_ID: clientId, AWS_REGION: region } = env;
  if (!userPoolId || !clientId) return noOfficerIdentity;
  return new CognitoOfficerIdentity(new CognitoIdentityProviderClient({ region }), {
    region,
    userPoolId,
    clientId,
  });
}

const missing = () =>
  Promise.reject(new Error('This function has no OFFICER_USER_POOL_ID and OFFICER_CLIENT_ID'));
const noOfficerIdentity: OfficerIdentity = {
  signIn: missing,
  respondToMfa: missing,
  completeMfaSetup: missing,
  verify: missing,
};
