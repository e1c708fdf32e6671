import * as crypto from 'node:crypto';
import { ZodError } from 'zod';
import { LOCAL_SESSION_SECRETS } from '../../../shared/config';
import { RateLimitedError, SignInRefusedError } from '../../../shared/ports';
import {
  getSession,
  requestCode,
  SIGN_IN,
  signOut,
  subjectFor,
  verifyCode,
} from '../../../shared/services/sessions';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const email = 'gareth.pritchard@example.org';

/** The code the notifier sent last: the only place a code appears. */
function lastCode(deps: MemoryDeps): string {
  const code = deps.notifier.sent.at(-1)?.values.code;
  if (!code) throw new Error('no code was sent');
  return code;
}

async function aCodeSent(deps: MemoryDeps, to = email): Promise<string> {
  await requestCode(deps, { email: to });
  return lastCode(deps);
}

async function aSignedInApplicant(deps: MemoryDeps) {
  const code = await aCodeSent(deps);
  return verifyCode(deps, { email, code });
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('subjectFor', () => {
  it('gives one pseudonymous id per address, whatever its case and spacing', () => {
    // Act
    const subject = subjectFor(email, 'a-salt-of-at-least-thirty-two-characters');
    const shouted = subjectFor('  Gareth.Pritchard@EXAMPLE.org ', 'a-salt-of-at-least-thirty-two-characters');

    // Assess
    expect(subject).toMatch(/^sub_[A-Za-z0-9_-]{32}$/);
    expect(shouted).toBe(subject);
    expect(subject).not.toContain('gareth');
  });

  it('gives a different id under another salt, so nobody without the salt can work it out', () => {
    expect(subjectFor(email, 'salt-one-salt-one-salt-one-salt-one')).not.toBe(
      subjectFor(email, 'salt-two-salt-two-salt-two-salt-two'),
    );
  });
});

describe('requestCode', () => {
  it('sends a 6-digit code to the address, valid for 10 minutes', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const result = await requestCode(deps, { email });

    // Assess
    expect(result).toEqual({ expiresInSeconds: 600 });
    expect(deps.notifier.sent).toEqual([
      {
        to: { email },
        template: 'sign-in-code',
        values: { code: expect.stringMatching(/^[0-9]{6}$/) },
        discardAfter: '2026-11-02T09:40:00.000Z',
      },
    ]);
  });

  it('keeps only a keyed hash of the code, under the subject, and not the address', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const code = await aCodeSent(deps);

    // Assess
    const subject = subjectFor(email, LOCAL_SESSION_SECRETS.subjectSalt);
    const stored = deps.sessions.codes.get(subject);
    expect(stored).toEqual({
      subject,
      codeId: expect.any(String),
      salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      codeHash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      attempts: 0,
      createdAt: '2026-11-02T09:30:00.000Z',
      expiresAt: Date.parse('2026-11-02T09:40:00.000Z') / 1000,
    });
    expect(Object.values(stored ?? {})).not.toContain(code);
    expect(JSON.stringify([...deps.sessions.codes.values()])).not.toContain(email);
  });

  it('normalises the address before sending', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    await requestCode(deps, { email: '  Gareth.Pritchard@Example.ORG ' });

    // Assess
    expect(deps.notifier.sent[0]?.to).toEqual({ email });
  });

  it('salts each code separately', async () => {
    // Prepare
    const deps = memoryDeps();
    const subject = subjectFor(email, LOCAL_SESSION_SECRETS.subjectSalt);
    await requestCode(deps, { email });
    const first = deps.sessions.codes.get(subject);

    // Act
    await requestCode(deps, { email });

    // Assess
    const second = deps.sessions.codes.get(subject);
    expect(second?.salt).not.toBe(first?.salt);
    expect(second?.codeId).not.toBe(first?.codeId);
  });

  it('refuses a sixth code for one address within the hour, saying when to ask again', async () => {
    // Prepare
    const deps = memoryDeps();
    for (let n = 0; n < SIGN_IN.codeRequestsPerHour; n++) {
      await requestCode(deps, { email });
      deps.clock.advanceSeconds(60);
    }

    // Act
    const refused = requestCode(deps, { email });

    // Assess: the first of the five was 5 minutes ago, so its slot frees in 55 minutes.
    await expect(refused).rejects.toThrow(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 55 * 60 });
    await expect(refused).rejects.toThrow(/ask again in 55 minutes/);
    expect(deps.notifier.sent).toHaveLength(5);
  });

  it('sends a code again once the oldest request is an hour old', async () => {
    // Prepare
    const deps = memoryDeps();
    for (let n = 0; n < SIGN_IN.codeRequestsPerHour; n++) await requestCode(deps, { email });
    deps.clock.advanceSeconds(3599);
    await expect(requestCode(deps, { email })).rejects.toMatchObject({ retryAfterSeconds: 1 });

    // Act
    deps.clock.advanceSeconds(1);
    await requestCode(deps, { email });

    // Assess
    expect(deps.notifier.sent).toHaveLength(6);
  });

  it('counts each address on its own', async () => {
    // Prepare
    const deps = memoryDeps();
    for (let n = 0; n < SIGN_IN.codeRequestsPerHour; n++) await requestCode(deps, { email });

    // Act
    await requestCode(deps, { email: 'sian.pritchard@example.org' });

    // Assess
    expect(deps.notifier.sent.at(-1)?.to).toEqual({ email: 'sian.pritchard@example.org' });
  });

  it('refuses something that is not an email address, and sends nothing', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const run = requestCode(deps, { email: 'gareth at example dot org' });

    // Assess
    await expect(run).rejects.toThrow(ZodError);
    expect(deps.notifier.sent).toEqual([]);
    expect(deps.sessions.codes.size).toBe(0);
  });
});

describe('verifyCode', () => {
  it('starts a 12-hour session for the right code, keeping only the token’s hash', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);

    // Act
    const signedIn = await verifyCode(deps, { email, code });

    // Assess
    const subject = subjectFor(email, LOCAL_SESSION_SECRETS.subjectSalt);
    expect(signedIn).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      subject,
      expiresAt: '2026-11-02T21:30:00.000Z',
    });
    const stored = [...deps.sessions.sessions.values()];
    expect(stored).toEqual([
      {
        tokenHash: crypto.createHash('sha256').update(signedIn.token).digest('base64url'),
        subject,
        email,
        createdAt: '2026-11-02T09:30:00.000Z',
        expiresAt: Date.parse('2026-11-02T21:30:00.000Z') / 1000,
      },
    ]);
    expect(JSON.stringify(stored)).not.toContain(signedIn.token);
    expect(await getSession(deps, signedIn.token)).toEqual({ subject, email });
  });

  it('accepts the code typed with spaces and the address in another case', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);

    // Act
    const signedIn = await verifyCode(deps, {
      email: 'GARETH.Pritchard@example.org',
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });

    // Assess
    expect(signedIn.subject).toBe(subjectFor(email, LOCAL_SESSION_SECRETS.subjectSalt));
  });

  it('accepts a code once only', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);
    await verifyCode(deps, { email, code });

    // Act
    const again = verifyCode(deps, { email, code });

    // Assess
    await expect(again).rejects.toThrow(SignInRefusedError);
    await expect(again).rejects.toThrow(/Ask for a new code/);
    expect(deps.sessions.sessions.size).toBe(1);
  });

  it('signs in exactly one of two requests racing with the right code', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);

    // Act
    const results = await Promise.allSettled([
      verifyCode(deps, { email, code }),
      verifyCode(deps, { email, code }),
    ]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(deps.sessions.sessions.size).toBe(1);
  });

  it('refuses a wrong code and says what to do next', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);
    const wrong = code === '000000' ? '000001' : '000000';

    // Act
    const run = verifyCode(deps, { email, code: wrong });

    // Assess
    await expect(run).rejects.toThrow(SignInRefusedError);
    await expect(run).rejects.toThrow(
      'That code is not right. Check the 6 digits in the newest email we sent you and try again.',
    );
    expect(deps.sessions.sessions.size).toBe(0);
  });

  it('still takes the right code at the fifth try', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let n = 1; n < SIGN_IN.attemptsPerCode; n++) {
      await expect(verifyCode(deps, { email, code: wrong })).rejects.toThrow(SignInRefusedError);
    }

    // Act
    const signedIn = await verifyCode(deps, { email, code });

    // Assess
    expect(await getSession(deps, signedIn.token)).toBeDefined();
  });

  it('spends the code after five wrong tries, so even the right code fails', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let n = 1; n < SIGN_IN.attemptsPerCode; n++) {
      await expect(verifyCode(deps, { email, code: wrong })).rejects.toThrow(/try again/);
    }
    await expect(verifyCode(deps, { email, code: wrong })).rejects.toThrow(
      'That code is not right, and it has now been tried too many times. Ask for a new code.',
    );

    // Act
    const right = verifyCode(deps, { email, code });

    // Assess
    await expect(right).rejects.toThrow(SignInRefusedError);
    expect(deps.sessions.sessions.size).toBe(0);
    expect(deps.sessions.codes.size).toBe(0);
  });

  it('refuses a code 10 minutes after it was sent, and takes it a second before', async () => {
    // Prepare
    const deps = memoryDeps();
    const code = await aCodeSent(deps);
    deps.clock.advanceSeconds(599);
    const late = memoryDeps();
    const lateCode = await aCodeSent(late);
    late.clock.advanceSeconds(600);

    // Act
    const inTime = await verifyCode(deps, { email, code });
    const expired = verifyCode(late, { email, code: lateCode });

    // Assess
    expect(inTime.token).toBeDefined();
    await expect(expired).rejects.toThrow(/expired/);
    expect(late.sessions.sessions.size).toBe(0);
  });

  it('takes only the newest code once another one was sent', async () => {
    // Prepare: codes are random, so ask again until the newest differs (equal five times: about 1 in 10^24).
    const deps = memoryDeps();
    const first = await aCodeSent(deps);
    let newest = await aCodeSent(deps);
    for (let n = 0; newest === first && n < 3; n++) newest = await aCodeSent(deps);

    // Act
    const old = verifyCode(deps, { email, code: first });

    // Assess
    await expect(old).rejects.toThrow(SignInRefusedError);
    expect((await verifyCode(deps, { email, code: newest })).token).toBeDefined();
  });

  it('refuses a code for an address nobody asked a code for', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const run = verifyCode(deps, { email, code: '123456' });

    // Assess
    await expect(run).rejects.toThrow(SignInRefusedError);
  });

  it('checks the code’s shape before counting a try', async () => {
    // Prepare
    const deps = memoryDeps();
    await aCodeSent(deps);

    // Act
    const run = verifyCode(deps, { email, code: '12345' });

    // Assess
    await expect(run).rejects.toThrow(ZodError);
    expect([...deps.sessions.codes.values()][0]?.attempts).toBe(0);
  });

  it('never writes the code or the address to the console', async () => {
    // Prepare
    const deps = memoryDeps();
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

    // Act
    const code = await aCodeSent(deps);
    await verifyCode(deps, { email, code: code === '000000' ? '000001' : '000000' }).catch(() => undefined);
    await verifyCode(deps, { email, code });

    // Assess
    expect(written.join('')).not.toContain(code);
    expect(written.join('')).not.toContain(email);
  });
});

describe('getSession and signOut', () => {
  it('ends a session 12 hours after sign-in', async () => {
    // Prepare
    const deps = memoryDeps();
    const { token } = await aSignedInApplicant(deps);
    deps.clock.advanceSeconds(SIGN_IN.sessionLifetimeSeconds - 1);
    expect(await getSession(deps, token)).toBeDefined();

    // Act
    deps.clock.advanceSeconds(1);

    // Assess
    expect(await getSession(deps, token)).toBeUndefined();
  });

  it('knows no token it did not issue, and no malformed one', async () => {
    // Prepare
    const deps = memoryDeps();
    await aSignedInApplicant(deps);

    // Act and assess
    expect(await getSession(deps, crypto.randomBytes(32).toString('base64url'))).toBeUndefined();
    expect(await getSession(deps, 'not a token')).toBeUndefined();
    expect(await getSession(deps, '')).toBeUndefined();
  });

  it('ends the session on sign-out, and signing out again is harmless', async () => {
    // Prepare
    const deps = memoryDeps();
    const { token } = await aSignedInApplicant(deps);

    // Act
    await signOut(deps, token);
    await signOut(deps, token);

    // Assess
    expect(await getSession(deps, token)).toBeUndefined();
    expect(deps.sessions.sessions.size).toBe(0);
  });
});
