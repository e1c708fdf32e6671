import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { errors } from 'jose';
import { CognitoOfficerIdentity } from '../../../shared/adapters/aws/cognito-officer-identity';
import {
  aNewPasswordChallengeOutput,
  anAccessToken,
  anIdToken,
  anInitiateAuthOutput,
  aStandInUserPoolKey,
  CLIENT_ID,
  ISSUED_AT,
  OFFICER,
  passwordResetRequired,
  REGION,
  throttled,
  USER_POOL_ID,
  unknownUser,
  wrongPassword,
} from '../../fixtures/cognito';
import { ManualClock } from '../../support/memory';

/**
 * A Cognito client whose `send` is replaced: nothing leaves the process. It answers InitiateAuth with the
 * hand-written fixture (or throws the fixture's error) and records every command it was sent.
 */
function aCognito(answer: () => InitiateAuthCommandOutput) {
  const client = new CognitoIdentityProviderClient({
    region: REGION,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const sent: InitiateAuthCommand[] = [];
  const fakeSend = async (command: unknown) => {
    if (!(command instanceof InitiateAuthCommand))
      throw new Error('The fake Cognito knows only InitiateAuth');
    sent.push(command);
    return answer();
  };
  client.send = fakeSend as unknown as CognitoIdentityProviderClient['send'];
  return { client, sent };
}

/** The adapter over the fake client, verifying with the stand-in key's JWKS, ten minutes after sign-in. */
async function anIdentity(answer: () => InitiateAuthCommandOutput = () => aNewPasswordChallengeOutput()) {
  const key = await aStandInUserPoolKey();
  const clock = new ManualClock(ISSUED_AT);
  clock.advanceSeconds(600);
  const { client, sent } = aCognito(answer);
  const identity = new CognitoOfficerIdentity(client, {
    region: REGION,
    userPoolId: USER_POOL_ID,
    clientId: CLIENT_ID,
    keys: key.keys,
    clock,
  });
  return { identity, key, clock, sent };
}

describe('CognitoOfficerIdentity.signIn', () => {
  it('asks Cognito with USER_PASSWORD_AUTH and the console’s client, and answers the ID token', async () => {
    // Prepare
    const key = await aStandInUserPoolKey();
    const idToken = await anIdToken(key);
    const { identity, sent } = await anIdentity(() => anInitiateAuthOutput(idToken));

    // Act
    const answer = await identity.signIn(` ${OFFICER.email} `, OFFICER.password);

    // Assess
    expect(answer).toBe(idToken);
    expect(sent.map((command) => command.input)).toEqual([
      {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: CLIENT_ID,
        AuthParameters: { USERNAME: OFFICER.email, PASSWORD: OFFICER.password },
      },
    ]);
  });

  it('answers undefined for a wrong password and for an unknown user alike', async () => {
    // Prepare
    const wrong = await anIdentity(() => {
      throw wrongPassword();
    });
    const unknown = await anIdentity(() => {
      throw unknownUser();
    });

    // Act
    const answers = [
      await wrong.identity.signIn(OFFICER.email, 'not the password'),
      await unknown.identity.signIn('nobody@riverside.example', OFFICER.password),
    ];

    // Assess
    expect(answers).toEqual([undefined, undefined]);
  });

  it('passes on any other error from Cognito: a reset password, throttling', async () => {
    // Prepare
    const reset = await anIdentity(() => {
      throw passwordResetRequired();
    });
    const busy = await anIdentity(() => {
      throw throttled();
    });

    // Act
    const signIns = [
      reset.identity.signIn(OFFICER.email, OFFICER.password),
      busy.identity.signIn(OFFICER.email, OFFICER.password),
    ];

    // Assess
    await expect(signIns[0]).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
    await expect(signIns[1]).rejects.toMatchObject({ name: 'TooManyRequestsException' });
  });

  it('refuses to go on when Cognito asks for a new password, without giving anything back', async () => {
    // Prepare
    const { identity } = await anIdentity(() => aNewPasswordChallengeOutput());

    // Act
    const signIn = identity.signIn(OFFICER.email, OFFICER.password);

    // Assess
    await expect(signIn).rejects.toThrow(/NEW_PASSWORD_REQUIRED/);
  });
});

describe('CognitoOfficerIdentity.verify', () => {
  it('answers the claims of an ID token the user pool signed for this client', async () => {
    // Prepare
    const { identity, key } = await anIdentity();
    const idToken = await anIdToken(key);

    // Act
    const claims = await identity.verify(idToken);

    // Assess
    expect(claims).toMatchObject({
      sub: OFFICER.sub,
      email: OFFICER.email,
      'custom:landlordId': OFFICER.landlordId,
      'cognito:groups': ['officer'],
      token_use: 'id',
    });
  });

  it('answers undefined for a token of another user pool, or for another app client', async () => {
    // Prepare
    const { identity, key } = await anIdentity();
    const otherPool = await anIdToken(key, {
      iss: `https://cognito-idp.${REGION}.amazonaws.com/eu-west-2_Ot4erP00l`,
    });
    const otherClient = await anIdToken(key, { aud: '1a2b3c4d5e6f7g8h9i0j1k2l3m' });

    // Act
    const answers = [await identity.verify(otherPool), await identity.verify(otherClient)];

    // Assess
    expect(answers).toEqual([undefined, undefined]);
  });

  it('answers undefined for an access token, even one that names the client as its audience', async () => {
    // Prepare
    const { identity, key } = await anIdentity();
    const accessToken = await anAccessToken(key);
    const withAudience = await anAccessToken(key, { aud: CLIENT_ID });

    // Act
    const answers = [await identity.verify(accessToken), await identity.verify(withAudience)];

    // Assess
    expect(answers).toEqual([undefined, undefined]);
  });

  it('answers undefined once the ID token has expired', async () => {
    // Prepare
    const { identity, key, clock } = await anIdentity();
    const idToken = await anIdToken(key);
    const beforeExpiry = await identity.verify(idToken);

    // Act
    clock.advanceSeconds(3600);
    const afterExpiry = await identity.verify(idToken);

    // Assess
    expect(beforeExpiry).toBeDefined();
    expect(afterExpiry).toBeUndefined();
  });

  it('answers undefined for a tampered token, a token signed by another key, and a token that is not one', async () => {
    // Prepare
    const { identity, key } = await anIdentity();
    const [header, payload, signature] = (await anIdToken(key)).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const promoted = Buffer.from(
      JSON.stringify({ ...claims, 'cognito:groups': ['officer', 'senior-officer'] }),
    ).toString('base64url');
    const forger = await aStandInUserPoolKey();
    const forged = await anIdToken({ privateKey: forger.privateKey, kid: key.kid });

    // Act
    const answers = [
      await identity.verify(`${header}.${promoted}.${signature}`),
      await identity.verify(forged),
      await identity.verify('not-a-token'),
    ];

    // Assess
    expect(answers).toEqual([undefined, undefined, undefined]);
  });

  it('fails, rather than signing the officer out, when the user pool’s keys cannot be fetched', async () => {
    // Prepare
    const key = await aStandInUserPoolKey();
    const idToken = await anIdToken(key);
    const { client } = aCognito(() => aNewPasswordChallengeOutput());
    const identity = new CognitoOfficerIdentity(client, {
      region: REGION,
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      keys: async () => {
        throw new errors.JWKSTimeout();
      },
      clock: new ManualClock(ISSUED_AT),
    });

    // Act
    const verified = identity.verify(idToken);

    // Assess
    await expect(verified).rejects.toBeInstanceOf(errors.JWKSTimeout);
  });
});
