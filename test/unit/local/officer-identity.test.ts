import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticatorKeysFile, DEMO_OFFICERS, LocalIdentityProvider } from '../../../local/identity';
import { LocalOfficerIdentity } from '../../../local/officer-identity';
import { authenticatorCode } from '../../../local/officer-totp';
import { ManualClock } from '../../support/memory';

const [officer, senior] = DEMO_OFFICERS;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorstep-identity-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A provider of its own (so used codes and sessions never leak between tests), on a clock the test moves. */
async function aProvider(name: string) {
  const clock = new ManualClock(new Date('2026-11-02T09:30:10Z'));
  const file = join(dir, `${name}.json`);
  const identity = new LocalOfficerIdentity(
    await LocalIdentityProvider.open(file, 'doorstep-local-idp', { clock }),
  );
  const keys = JSON.parse(readFileSync(authenticatorKeysFile(file), 'utf8')) as Record<string, string>;
  const seniorKey = keys[senior.email] ?? '';
  /** What the senior officer's app shows now, or `steps` of 30 seconds from now. */
  const appCode = (steps = 0) =>
    authenticatorCode(seniorKey, new Date(clock.now().getTime() + steps * 30_000));
  /** A code the app shows at no step the provider takes now. */
  const wrongCode = () => {
    const taken = new Set([appCode(-1), appCode(), appCode(1)]);
    return ['000000', '000001', '000002', '000003'].find((code) => !taken.has(code)) ?? '';
  };
  return { identity, clock, file, seniorKey, appCode, wrongCode };
}

/** The senior officer past the password: the session the code goes with. */
async function seniorAtTheCode(identity: LocalOfficerIdentity): Promise<string> {
  const answer = await identity.signIn(senior.email, senior.password);
  if (answer.kind !== 'mfa') throw new Error(`expected the code step, got ${answer.kind}`);
  return answer.session;
}

describe('LocalOfficerIdentity', () => {
  it('signs the demo officer in with a password alone, with an ID token whose claims verify', async () => {
    // Prepare
    const { identity } = await aProvider('plain');

    // Act
    const answer = await identity.signIn(officer.email, officer.password);
    const claims = answer.kind === 'signed-in' ? await identity.verify(answer.idToken) : undefined;

    // Assess
    expect(answer.kind).toBe('signed-in');
    expect(claims).toMatchObject({
      email: officer.email,
      'custom:landlordId': 'riverside-homes',
      'cognito:groups': ['officer'],
      token_use: 'id',
      iss: 'doorstep-local-idp',
    });
  });

  it('asks the senior officer for their app’s code after the password, and signs them in with it', async () => {
    // Prepare
    const { identity, appCode } = await aProvider('senior');

    // Act
    const answer = await identity.signIn(senior.email, senior.password);
    const session = answer.kind === 'mfa' ? answer.session : '';
    const coded = await identity.respondToMfa(senior.email, session, appCode());
    const claims = coded.kind === 'signed-in' ? await identity.verify(coded.idToken) : undefined;

    // Assess
    expect(answer).toEqual({ kind: 'mfa', session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(claims).toMatchObject({
      email: senior.email,
      'cognito:groups': ['officer', 'senior-officer'],
      token_use: 'id',
    });
  });

  it('refuses a wrong password or an unknown email alike, before any code', async () => {
    // Prepare
    const { identity } = await aProvider('refusals');

    // Act
    const answers = [
      await identity.signIn(officer.email, `${officer.password}x`),
      await identity.signIn(senior.email, `${senior.password}x`),
      await identity.signIn('nobody@riverside.example', officer.password),
    ];

    // Assess
    expect(answers).toEqual([{ kind: 'refused' }, { kind: 'refused' }, { kind: 'refused' }]);
  });

  it('refuses a wrong code and keeps the session, so the right code still signs in', async () => {
    // Prepare
    const { identity, appCode, wrongCode } = await aProvider('wrong-code');
    const session = await seniorAtTheCode(identity);
    const wrong = wrongCode();

    // Act
    const first = await identity.respondToMfa(senior.email, session, wrong);
    const second = await identity.respondToMfa(senior.email, session, appCode());

    // Assess
    expect(first).toEqual({ kind: 'refused' });
    expect(second.kind).toBe('signed-in');
  });

  it('takes the code of the step before or after (a phone’s clock a little off), not two steps away', async () => {
    // Prepare
    const { identity, appCode } = await aProvider('window');

    // Act
    const answers = [];
    for (const steps of [-2, 2, -1, 1]) {
      const session = await seniorAtTheCode(identity);
      answers.push((await identity.respondToMfa(senior.email, session, appCode(steps))).kind);
    }

    // Assess
    expect(answers).toEqual(['refused', 'refused', 'signed-in', 'signed-in']);
  });

  it('signs in once with a code: the same code again is refused', async () => {
    // Prepare
    const { identity, appCode } = await aProvider('replay');
    const code = appCode();
    await identity.respondToMfa(senior.email, await seniorAtTheCode(identity), code);

    // Act
    const again = await identity.respondToMfa(senior.email, await seniorAtTheCode(identity), code);

    // Assess
    expect(again).toEqual({ kind: 'refused' });
  });

  it('answers expired for a session past its ten minutes, someone else’s, or one it never gave', async () => {
    // Prepare
    const { identity, clock, appCode } = await aProvider('expiry');
    const old = await seniorAtTheCode(identity);
    const borrowed = await seniorAtTheCode(identity);
    clock.advanceSeconds(9 * 60);
    const fresh = await seniorAtTheCode(identity);
    clock.advanceSeconds(61);

    // Act
    const answers = [
      await identity.respondToMfa(senior.email, old, appCode()),
      await identity.respondToMfa(officer.email, borrowed, appCode()),
      await identity.respondToMfa(senior.email, 'no-such-session', appCode()),
      await identity.respondToMfa(senior.email, fresh, appCode()),
    ];

    // Assess
    expect(answers.map((answer) => answer.kind)).toEqual(['expired', 'expired', 'expired', 'signed-in']);
  });

  it('spends a session on its fifth wrong code', async () => {
    // Prepare
    const { identity, appCode, wrongCode } = await aProvider('attempts');
    const session = await seniorAtTheCode(identity);
    const wrong = wrongCode();

    // Act
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      answers.push((await identity.respondToMfa(senior.email, session, wrong)).kind);
    const right = await identity.respondToMfa(senior.email, session, appCode());

    // Assess
    expect(answers).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(right).toEqual({ kind: 'expired' });
  });

  it('never offers to add an app: a set-up session sent to it is not a live one', async () => {
    // Prepare
    const { identity, appCode } = await aProvider('set-up');
    const session = await seniorAtTheCode(identity);

    // Act
    const answer = await identity.completeMfaSetup(senior.email, session, appCode());

    // Assess
    expect(answer).toEqual({ kind: 'expired' });
  });

  it('makes the senior officer’s app key once, readable by its owner only, and keeps it', async () => {
    // Prepare
    const { file, seniorKey } = await aProvider('kept');

    // Act
    await LocalIdentityProvider.open(file, 'doorstep-local-idp');
    const keys = JSON.parse(readFileSync(authenticatorKeysFile(file), 'utf8'));

    // Assess
    expect(seniorKey).toMatch(/^[A-Z2-7]{32}$/);
    expect(keys).toEqual({ [senior.email]: seniorKey });
    expect(statSync(authenticatorKeysFile(file)).mode & 0o777).toBe(0o600);
  });

  it('gives the senior officer an app key when the provider’s file was made before apps', async () => {
    // Prepare
    const { file } = await aProvider('upgraded');
    writeFileSync(authenticatorKeysFile(file), '{}');

    // Act
    const reopened = await LocalIdentityProvider.open(file, 'doorstep-local-idp');

    // Assess
    expect(reopened.authenticators()).toEqual([
      {
        email: senior.email,
        key: expect.stringMatching(/^[A-Z2-7]{32}$/),
        uri: expect.stringMatching(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}.*period=30/),
      },
    ]);
  });

  it('does not verify a tampered token, or one from another provider', async () => {
    // Prepare
    const { identity } = await aProvider('tamper');
    const signedIn = await identity.signIn(officer.email, officer.password);
    const idToken = signedIn.kind === 'signed-in' ? signedIn.idToken : '';
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const promoted = Buffer.from(
      JSON.stringify({ ...claims, 'cognito:groups': ['officer', 'senior-officer'] }),
    ).toString('base64url');
    const { identity: elsewhere } = await aProvider('another');
    const foreignAnswer = await elsewhere.signIn(officer.email, officer.password);
    const foreign = foreignAnswer.kind === 'signed-in' ? foreignAnswer.idToken : '';

    // Act
    const tampered = await identity.verify(`${header}.${promoted}.${signature}`);
    const fromElsewhere = await identity.verify(foreign);

    // Assess
    expect(await identity.verify(idToken)).toBeDefined();
    expect(tampered).toBeUndefined();
    expect(foreign).not.toBe('');
    expect(fromElsewhere).toBeUndefined();
  });
});
