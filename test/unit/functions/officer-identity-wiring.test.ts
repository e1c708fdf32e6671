import { cognitoOfficerIdentity } from '../../../functions/adapters/officer-identity';
import { CognitoOfficerIdentity } from '../../../shared/adapters/aws/cognito-officer-identity';
import { LambdaEnvironment } from '../../../shared/config';

describe('cognitoOfficerIdentity', () => {
  it('signs officers in through the user pool and app client the environment names', () => {
    // Prepare
    const env = LambdaEnvironment.parse({
      TABLE_NAME: 'doorstep',
      AWS_REGION: 'eu-west-2',
      OFFICER_USER_POOL_ID: 'eu-west-2_Rv7Hk2pQs',
      OFFICER_CLIENT_ID: '5r2k8d0f1a3b4c6e7g9h0j1k2l',
    });

    // Act
    const identity = cognitoOfficerIdentity(env);

    // Assess
    expect(identity).toBeInstanceOf(CognitoOfficerIdentity);
  });

  it('refuses every call, naming the settings, when the environment has no user pool', async () => {
    // Prepare
    const env = LambdaEnvironment.parse({ TABLE_NAME: 'doorstep' });

    // Act
    const identity = cognitoOfficerIdentity(env);

    // Assess
    await expect(identity.signIn('ellis.morgan@riverside.example', 'x')).rejects.toThrow(
      /OFFICER_USER_POOL_ID and OFFICER_CLIENT_ID/,
    );
    await expect(
      identity.respondToMfa('ellis.morgan@riverside.example', 'session', '123456'),
    ).rejects.toThrow(/OFFICER_USER_POOL_ID/);
    await expect(
      identity.completeMfaSetup('ellis.morgan@riverside.example', 'session', '123456'),
    ).rejects.toThrow(/OFFICER_USER_POOL_ID/);
    await expect(identity.verify('eyJ.a.b')).rejects.toThrow(/OFFICER_USER_POOL_ID/);
  });

  it('refuses a user pool id that is not one', () => {
    // Act
    const parsed = LambdaEnvironment.safeParse({
      TABLE_NAME: 'doorstep',
      OFFICER_USER_POOL_ID: 'eu-west-2_pool/../../evil',
    });

    // Assess
    expect(parsed.success).toBe(false);
  });
});
