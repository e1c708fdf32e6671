import {
  AssociateSoftwareTokenCommand,
  type AssociateSoftwareTokenCommandOutput,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
  VerifySoftwareTokenCommand,
  type VerifySoftwareTokenCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { errors } from 'jose';
import { CognitoOfficerIdentity } from '../../../shared/adapters/aws/cognito-officer-identity';
import {
  APP_KEY,
  aNewPasswordChallengeOutput,
  anAccessToken,
  anAssociateSoftwareTokenOutput,
  anIdToken,
  anInitiateAuthOutput,
  anMfaSetupChallengeOutput,
  appCodeMismatch,
  aRespondToAuthChallengeOutput,
  aSoftwareTokenChallengeOutput,
  aStandInUserPoolKey,
  aVerifySoftwareTokenOutput,
  CLIENT_ID,
  codeMismatch,
  expiredCode,
  ISSUED_AT,
  OFFICER,
  passwordResetRequired,
  REGION,
  SESSIONS,
  sessionExpired,
  throttled,
  USER_POOL_ID,
  unknownUser,
  wrongPassword,
} from '../../fixtures/cognito';
import { ManualClock } from '../../support/memory';

/** What the fake Cognito answers to each command it knows (or throws, for an error fixture). */
type Answers = {
  InitiateAuth?: () => InitiateAuthCommandOutput;
  RespondToAuthChallenge?: () => RespondToAuthChallengeCommandOutput;
  AssociateSoftwareToken?: () => AssociateSoftwareTokenCommandOutput;
  VerifySoftwareToken?: () => VerifySoftwareTokenCommandOutput;
};

/**
 * A Cognito client whose `send` is replaced: nothing leaves the process. It answers each command with the
 * hand-written fixture it was given (or throws the fixture's error) and records every command it was sent.
 */
function aCognito(answers: Answers | (() => InitiateAuthCommandOutput)) {
  const given: Answers = typeof answers === 'function' ? { InitiateAuth: answers } : answers;
  const client = new CognitoIdentityProviderClient({
    region: REGION,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const sent: Array<{ command: string; input: unknown }> = [];
  const fakeSend = async (command: unknown) => {
    const known = [
      ['InitiateAuth', InitiateAuthCommand, given.InitiateAuth],
      ['RespondToAuthChallenge', RespondToAuthChallengeCommand, given.RespondToAuthChallenge],
      ['AssociateSoftwareToken', AssociateSoftwareTokenCommand, given.AssociateSoftwareToken],
      ['VerifySoftwareToken', VerifySoftwareTokenCommand, given.VerifySoftwareToken],
    ] as const;
    for (const [name, type, answer] of known) {
      if (!(command instanceof type)) continue;
      sent.push({ command: name, input: command.input });
      if (!answer) throw new Error(`The fake Cognito has no answer to ${name}`);
      return answer();
    }
    throw new Error('The fake Cognito does not know that command');
  };
  client.send = fakeSend as unknown as CognitoIdentityProviderClient['send'];
  return { client, sent };
}

/** The adapter over the fake client, verifying with the stand-in key's JWKS, ten minutes after sign-in. */
async function anIdentity(
  answers: Answers | (() => InitiateAuthCommandOutput) = () => aNewPasswordChallengeOutput(),
) {
  const key = await aStandInUserPoolKey();
  const clock = new ManualClock(ISSUED_AT);
  clock.advanceSeconds(600);
  const { client, sent } = aCognito(answers);
  const identity = new CognitoOfficerIdentity(client, {
    region: REGION,
    userPoolId: USER_POOL_ID,
    clientId: CLIENT_ID,
    keys: key.keys,
    clock,
  });
  return { identity, key, clock, sent };
}

const throws = (error: () => Error) => () => {
  throw error();
};

describe('CognitoOfficerIdentity.signIn', () => {
  it('asks Cognito with USER_PASSWORD_AUTH and the console’s client, and answers the ID token', async () => {
    // Prepare
    const key = await aStandInUserPoolKey();
    const idToken = await anIdToken(key);
    const { identity, sent } = await anIdentity(() => anInitiateAuthOutput(idToken));

    // Act
    const answer = await identity.signIn(` ${OFFICER.email} `, OFFICER.password);

    // Assess
    expect(answer).toEqual({ kind: 'signed-in', idToken });
    expect(sent).toEqual([
      {
        command: 'InitiateAuth',
        input: {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { USERNAME: OFFICER.email, PASSWORD: OFFICER.password },
        },
      },
    ]);
  });

  it('answers refused for a wrong password and for an unknown user alike', async () => {
    // Prepare
    const wrong = await anIdentity(throws(wrongPassword));
    const unknown = await anIdentity(throws(unknownUser));

    // Act
    const answers = [
      await wrong.identity.signIn(OFFICER.email, 'not the password'),
      await unknown.identity.signIn('nobody@riverside.example', OFFICER.password),
    ];

    // Assess
    expect(answers).toEqual([{ kind: 'refused' }, { kind: 'refused' }]);
  });

  it('passes on any other error from Cognito: a reset password, throttling', async () => {
    // Prepare
    const reset = await anIdentity(throws(passwordResetRequired));
    const busy = await anIdentity(throws(throttled));

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

  it('answers a right password of an officer with an app with the code step and Cognito’s session', async () => {
    // Prepare
    const { identity, sent } = await anIdentity(() => aSoftwareTokenChallengeOutput());

    // Act
    const answer = await identity.signIn(OFFICER.email, OFFICER.password);

    // Assess
    expect(answer).toEqual({ kind: 'mfa', session: SESSIONS.afterPassword });
    expect(sent.map((each) => each.command)).toEqual(['InitiateAuth']);
  });

  it('associates an app for an officer without one, with the MFA_SETUP session, and answers its key', async () => {
    // Prepare
    const { identity, sent } = await anIdentity({
      InitiateAuth: () => anMfaSetupChallengeOutput(),
      AssociateSoftwareToken: () => anAssociateSoftwareTokenOutput(),
    });

    // Act
    const answer = await identity.signIn(OFFICER.email, OFFICER.password);

    // Assess
    expect(answer).toEqual({ kind: 'mfa-setup', session: SESSIONS.afterAssociate, secret: APP_KEY });
    expect(sent[1]).toEqual({
      command: 'AssociateSoftwareToken',
      input: { Session: SESSIONS.afterPassword },
    });
  });
});

describe('CognitoOfficerIdentity.respondToMfa', () => {
  it('answers the SOFTWARE_TOKEN_MFA challenge with the officer, the code and the session, and gives the ID token', async () => {
    // Prepare
    const key = await aStandInUserPoolKey();
    const idToken = await anIdToken(key);
    const { identity, sent } = await anIdentity({
      RespondToAuthChallenge: () => aRespondToAuthChallengeOutput(idToken),
    });

    // Act
    const answer = await identity.respondToMfa(` ${OFFICER.email}`, SESSIONS.afterPassword, '492039');

    // Assess
    expect(answer).toEqual({ kind: 'signed-in', idToken });
    expect(sent).toEqual([
      {
        command: 'RespondToAuthChallenge',
        input: {
          ClientId: CLIENT_ID,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: SESSIONS.afterPassword,
          ChallengeResponses: { USERNAME: OFFICER.email, SOFTWARE_TOKEN_MFA_CODE: '492039' },
        },
      },
    ]);
  });

  it('answers refused for a code that does not match, or one already used, so the officer can try the next', async () => {
    // Prepare
    const mismatch = await anIdentity({ RespondToAuthChallenge: throws(codeMismatch) });
    const used = await anIdentity({ RespondToAuthChallenge: throws(expiredCode) });

    // Act
    const answers = [
      await mismatch.identity.respondToMfa(OFFICER.email, SESSIONS.afterPassword, '000000'),
      await used.identity.respondToMfa(OFFICER.email, SESSIONS.afterPassword, '492039'),
    ];

    // Assess
    expect(answers).toEqual([{ kind: 'refused' }, { kind: 'refused' }]);
  });

  it('answers expired when Cognito no longer takes the session', async () => {
    // Prepare
    const { identity } = await anIdentity({ RespondToAuthChallenge: throws(sessionExpired) });

    // Act
    const answer = await identity.respondToMfa(OFFICER.email, SESSIONS.afterPassword, '492039');

    // Assess
    expect(answer).toEqual({ kind: 'expired' });
  });

  it('passes on throttling, and fails on a challenge the console does not offer', async () => {
    // Prepare
    const busy = await anIdentity({ RespondToAuthChallenge: throws(throttled) });
    const more = await anIdentity({
      RespondToAuthChallenge: () => ({ ...aNewPasswordChallengeOutput(), $metadata: {} }),
    });

    // Act
    const answers = [
      busy.identity.respondToMfa(OFFICER.email, SESSIONS.afterPassword, '492039'),
      more.identity.respondToMfa(OFFICER.email, SESSIONS.afterPassword, '492039'),
    ];

    // Assess
    await expect(answers[0]).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await expect(answers[1]).rejects.toThrow(/NEW_PASSWORD_REQUIRED/);
  });
});

describe('CognitoOfficerIdentity.completeMfaSetup', () => {
  it('verifies the new app’s first code, then answers MFA_SETUP with the verified session, and gives the ID token', async () => {
    // Prepare
    const key = await aStandInUserPoolKey();
    const idToken = await anIdToken(key);
    const { identity, sent } = await anIdentity({
      VerifySoftwareToken: () => aVerifySoftwareTokenOutput(),
      RespondToAuthChallenge: () => aRespondToAuthChallengeOutput(idToken),
    });

    // Act
    const answer = await identity.completeMfaSetup(OFFICER.email, SESSIONS.afterAssociate, '731904');

    // Assess
    expect(answer).toEqual({ kind: 'signed-in', idToken });
    expect(sent).toEqual([
      {
        command: 'VerifySoftwareToken',
        input: {
          Session: SESSIONS.afterAssociate,
          UserCode: '731904',
          FriendlyDeviceName: 'Doorstep lettings console',
        },
      },
      {
        command: 'RespondToAuthChallenge',
        input: {
          ClientId: CLIENT_ID,
          ChallengeName: 'MFA_SETUP',
          Session: SESSIONS.afterVerify,
          ChallengeResponses: { USERNAME: OFFICER.email },
        },
      },
    ]);
  });

  it('answers refused for a first code that does not match, whether Cognito throws or says ERROR', async () => {
    // Prepare
    const thrown = await anIdentity({ VerifySoftwareToken: throws(appCodeMismatch) });
    const mismatch = await anIdentity({ VerifySoftwareToken: throws(codeMismatch) });
    const status = await anIdentity({ VerifySoftwareToken: () => aVerifySoftwareTokenOutput('ERROR') });

    // Act
    const answers = [
      await thrown.identity.completeMfaSetup(OFFICER.email, SESSIONS.afterAssociate, '000000'),
      await mismatch.identity.completeMfaSetup(OFFICER.email, SESSIONS.afterAssociate, '000000'),
      await status.identity.completeMfaSetup(OFFICER.email, SESSIONS.afterAssociate, '000000'),
    ];

    // Assess
    expect(answers).toEqual([{ kind: 'refused' }, { kind: 'refused' }, { kind: 'refused' }]);
    expect(status.sent.map((each) => each.command)).toEqual(['VerifySoftwareToken']);
  });

  it('answers expired when the set-up session has run out', async () => {
    // Prepare
    const { identity } = await anIdentity({ VerifySoftwareToken: throws(sessionExpired) });

    // Act
    const answer = await identity.completeMfaSetup(OFFICER.email, SESSIONS.afterAssociate, '731904');

    // Assess
    expect(answer).toEqual({ kind: 'expired' });
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
