import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  type JWK,
} from 'jose';
import { JoseKeyIssuer } from '../../../shared/adapters/local/jose-key-issuer';

const claims = { iss: 'doorstep', sub: 'key_0123456789abcdef0123456789abcdef', door: 'door-weaver-14-3' };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'doorstep-keys-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JoseKeyIssuer', () => {
  it('signs an ES256 JWS that verifies against its own JWKS, with the key’s thumbprint as kid', async () => {
    // Prepare
    const issuer = new JoseKeyIssuer();

    // Act
    const jws = await issuer.sign(claims, { typ: 'doorstep-key+jwt' });
    const jwks = await issuer.jwks();

    // Assess
    const [key] = jwks.keys as JWK[];
    expect(key).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: await calculateJwkThumbprint(key as JWK),
      alg: 'ES256',
      use: 'sig',
    });
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'ES256', typ: 'doorstep-key+jwt', kid: key?.kid });
    const { payload } = await compactVerify(jws, createLocalJWKSet({ keys: jwks.keys as JWK[] }));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claims);
  });

  it('keeps one key for its life when it has no file', async () => {
    // Prepare
    const issuer = new JoseKeyIssuer();

    // Act
    const [first, second] = await Promise.all([issuer.jwks(), issuer.jwks()]);

    // Assess
    expect(second).toEqual(first);
    expect(await issuer.jwks()).toEqual(first);
  });

  it('creates its key on first use in a file only its owner can read, with no private member published', async () => {
    // Prepare
    const file = join(dir, 'keys', 'credentials.jwk.json');
    const issuer = new JoseKeyIssuer({ file });

    // Act
    const jwks = await issuer.jwks();

    // Assess
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(jwks.keys[0]).toMatchObject({ x: stored.x, y: stored.y });
  });

  it('signs with the same key after a restart, so keys issued before it still open doors', async () => {
    // Prepare
    const file = join(dir, 'credentials.jwk.json');
    const before = new JoseKeyIssuer({ file });
    const jws = await before.sign(claims, { typ: 'doorstep-key+jwt' });

    // Act
    const after = new JoseKeyIssuer({ file });
    const jwks = await after.jwks();

    // Assess
    expect(jwks).toEqual(await before.jwks());
    await expect(compactVerify(jws, createLocalJWKSet({ keys: jwks.keys as JWK[] }))).resolves.toBeDefined();
  });

  it('ends with one key on disk when two processes create it at once', async () => {
    // Prepare
    const file = join(dir, 'credentials.jwk.json');

    // Act
    const [one, other] = await Promise.all([
      new JoseKeyIssuer({ file }).jwks(),
      new JoseKeyIssuer({ file }).jwks(),
    ]);

    // Assess
    expect(other).toEqual(one);
    expect(await new JoseKeyIssuer({ file }).jwks()).toEqual(one);
  });

  it('refuses a key file that holds something other than a P-256 private key, and overwrites nothing', async () => {
    // Prepare
    const file = join(dir, 'credentials.jwk.json');
    await writeFile(file, JSON.stringify({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }));

    // Act
    const run = new JoseKeyIssuer({ file }).sign(claims, { typ: 'doorstep-key+jwt' });

    // Assess
    await expect(run).rejects.toThrow('does not hold a P-256 private key');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ kty: 'RSA', n: 'AQAB', e: 'AQAB' });
  });
});
