import { SignJWT, UnsecuredJWT } from 'jose';
import { JoseKeyIssuer } from '../../../shared/adapters/local/jose-key-issuer';
import { KEY_CREDENTIAL_TYPE, keyClaims } from '../../../shared/domain/keys';
import { publishedKeys } from '../../../shared/services/keys';
import { DOOR_CLOCK_TOLERANCE_SECONDS, refusalMessages, tryDoor } from '../../../shared/services/locks';

const door = 'door-weaver-14-3';

/** Gareth's key to Flat 3, 14 Weaver Court: works from 20 November 2026 (GMT) to 18 November 2028. */
const claims = keyClaims({
  credentialId: 'key_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
  tenancy: { tenancyId: 'ten_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c', startDate: '2026-11-20' },
  doorId: door,
  holder: 'Gareth Pritchard',
  issuedAt: new Date('2026-11-03T11:00:00Z'),
  jti: '0f6a2d5e-8c3b-4a71-9e24-6b1d7c3f5a80',
});

/** The first instant the key works (00:00 UK time on the start date) and the first it no longer does. */
const opens = new Date('2026-11-20T00:00:00Z');
const stops = new Date('2028-11-19T00:00:00Z');
const seconds = (at: Date, offset: number) => new Date(at.getTime() + offset * 1000);

async function aKey(issuer = new JoseKeyIssuer(), payload: Record<string, unknown> = claims) {
  return { issuer, credential: await issuer.sign(payload, { typ: KEY_CREDENTIAL_TYPE }) };
}

async function atTheDoor(input: { issuer: JoseKeyIssuer; credential: string; now?: Date; doorId?: string }) {
  return tryDoor({
    doorId: input.doorId ?? door,
    credential: input.credential,
    now: input.now ?? new Date('2027-05-01T18:30:00Z'),
    jwks: await publishedKeys({ keyIssuer: input.issuer }),
  });
}

/** A different character at `index`: any change must break the signature. */
function flip(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tryDoor', () => {
  it('opens for a valid key on its own door, naming the holder', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const answer = await atTheDoor(key);

    // Assess
    expect(answer).toEqual({
      opened: true,
      holder: 'Gareth Pritchard',
      credentialId: 'key_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
    });
  });

  it('opens from 00:00 UK time on the day the tenancy starts, and on the last day of the window', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const first = await atTheDoor({ ...key, now: opens });
    const last = await atTheDoor({ ...key, now: seconds(stops, -1) });

    // Assess
    expect(first.opened).toBe(true);
    expect(last.opened).toBe(true);
  });

  it('refuses a tampered key: one character of its claims changed', async () => {
    // Prepare
    const { issuer, credential } = await aKey();
    const [header = '', payload = '', signature = ''] = credential.split('.');

    // Act
    const answer = await atTheDoor({
      issuer,
      credential: [header, flip(payload, Math.floor(payload.length / 2)), signature].join('.'),
    });

    // Assess
    expect(answer).toEqual({ opened: false, reason: 'tampered', message: refusalMessages.tampered });
  });

  it('refuses a key whose door was rewritten as tampered, not as a key for this door', async () => {
    // Prepare
    const { issuer, credential } = await aKey(new JoseKeyIssuer(), { ...claims, door: 'door-elm-2-1' });
    const [header = '', , signature = ''] = credential.split('.');
    const rewritten = [header, encode({ ...claims, door }), signature].join('.');

    // Act
    const answer = await atTheDoor({ issuer, credential: rewritten });

    // Assess
    expect(answer).toMatchObject({ opened: false, reason: 'tampered' });
  });

  it('refuses an expired key from 00:00 UK time the day after its last day', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const answer = await atTheDoor({ ...key, now: seconds(stops, DOOR_CLOCK_TOLERANCE_SECONDS) });

    // Assess
    expect(answer).toEqual({ opened: false, reason: 'expired', message: refusalMessages.expired });
  });

  it('refuses a key before its tenancy starts', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const answer = await atTheDoor({ ...key, now: seconds(opens, -DOOR_CLOCK_TOLERANCE_SECONDS - 1) });

    // Assess
    expect(answer).toEqual({
      opened: false,
      reason: 'not-yet-valid',
      message: 'This key does not work yet: it opens the door from the day your tenancy starts.',
    });
  });

  it('allows a door’s clock a minute of drift either side, and no more', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const early = await atTheDoor({ ...key, now: seconds(opens, -DOOR_CLOCK_TOLERANCE_SECONDS) });
    const late = await atTheDoor({ ...key, now: seconds(stops, DOOR_CLOCK_TOLERANCE_SECONDS - 1) });

    // Assess
    expect(early.opened).toBe(true);
    expect(late.opened).toBe(true);
  });

  it('refuses a valid key at another door', async () => {
    // Prepare
    const key = await aKey();

    // Act
    const answer = await atTheDoor({ ...key, doorId: 'door-weaver-14-4' });

    // Assess
    expect(answer).toEqual({ opened: false, reason: 'wrong-door', message: refusalMessages['wrong-door'] });
  });

  it('refuses a key signed by a key the door does not know', async () => {
    // Prepare
    const doorstep = new JoseKeyIssuer();
    const { credential } = await aKey(new JoseKeyIssuer());

    // Act
    const answer = await atTheDoor({ issuer: doorstep, credential });

    // Assess
    expect(answer).toEqual({ opened: false, reason: 'unknown-key', message: refusalMessages['unknown-key'] });
  });

  it.each([
    ['text that is not a JWS', () => 'open sesame'],
    ['three parts that are not base64url JSON', () => 'not.a.key'],
    ['an empty string', () => ''],
    ['an unsigned token (alg none)', () => new UnsecuredJWT(claims).encode()],
  ])('refuses %s as malformed', async (_what, credential) => {
    // Prepare
    const issuer = new JoseKeyIssuer();

    // Act
    const answer = await atTheDoor({ issuer, credential: credential() });

    // Assess
    expect(answer).toEqual({ opened: false, reason: 'malformed', message: refusalMessages.malformed });
  });

  it('refuses another kind of token signed by the same key as malformed: a door opens for door keys only', async () => {
    // Prepare
    const issuer = new JoseKeyIssuer();
    const other = await issuer.sign(claims, { typ: 'JWT' });

    // Act
    const answer = await atTheDoor({ issuer, credential: other });

    // Assess
    expect(answer).toMatchObject({ opened: false, reason: 'malformed' });
  });

  it('refuses a key with no door in it as malformed', async () => {
    // Prepare
    const { door: _door, ...doorless } = claims;
    const key = await aKey(new JoseKeyIssuer(), doorless);

    // Act
    const answer = await atTheDoor(key);

    // Assess
    expect(answer).toMatchObject({ opened: false, reason: 'malformed' });
  });

  it('refuses a key signed with a shared secret (HS256) as malformed, whatever its claims', async () => {
    // Prepare
    const issuer = new JoseKeyIssuer();
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: KEY_CREDENTIAL_TYPE })
      .sign(new TextEncoder().encode('a-secret-anyone-could-guess-32-bytes!'));

    // Act
    const answer = await atTheDoor({ issuer, credential: forged });

    // Assess
    expect(answer).toMatchObject({ opened: false, reason: 'malformed' });
  });
});
