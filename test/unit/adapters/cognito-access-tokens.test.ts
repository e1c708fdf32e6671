import { type CryptoKey, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { JwtAccessTokenVerifier } from '../../../shared/adapters/aws/cognito-access-tokens';

/**
 * The councils' token verifier as it runs in AWS: Cognito's issuer URL and a JWKS. The tokens are
 * HAND-WRITTEN with the claims Cognito documents for an access token from the client credentials grant (`sub`
 * and `client_id` the app client's id, `token_use: access`, `scope`, `auth_time`, `version: 2`, `jti`, and no
 * `aud`); an RS256 key made at test time stands in for the user pool's signing key, published as a local JWKS,
 * so the signature checks are real. Nothing reaches AWS.
 */
const ISSUER = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Cn4Lp9xWq';
const CLIENT_ID = '3n8q1v5x7z2b4d6f8h0j2l4n6p';
const NOW = new Date('2026-11-02T09:30:00Z');
const at = Math.floor(NOW.getTime() / 1000);

async function poolKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

async function setup() {
  const pool = await poolKey('pool-key-1');
  const verifier = new JwtAccessTokenVerifier(ISSUER, createLocalJWKSet({ keys: [pool.jwk] }));
  const sign = (
    claims: Record<string, unknown>,
    options: { issuer?: string; expires?: number; key?: CryptoKey; kid?: string } = {},
  ) =>
    new SignJWT({
      sub: CLIENT_ID,
      token_use: 'access',
      scope: 'doorstep/nominations:write doorstep/events:read',
      auth_time: at,
      version: 2,
      jti: '8f2d6c1a-4b3e-4a5f-9c7d-0e1f2a3b4c5d',
      client_id: CLIENT_ID,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'pool-key-1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt(at)
      .setExpirationTime(options.expires ?? at + 3600)
      .sign(options.key ?? pool.privateKey);
  return { verifier, sign };
}

describe("Cognito's access tokens for councils", () => {
  it('reads the client and its scopes from a client credentials access token', async () => {
    const { verifier, sign } = await setup();
    expect(await verifier.verify(await sign({}), NOW)).toEqual({
      ok: true,
      claims: { clientId: CLIENT_ID, scopes: ['doorstep/nominations:write', 'doorstep/events:read'] },
    });
  });

  it('refuses an expired token, saying so', async () => {
    const { verifier, sign } = await setup();
    expect(await verifier.verify(await sign({}, { expires: at - 1 }), NOW)).toEqual({
      ok: false,
      reason: 'The access token has expired',
    });
  });

  it("refuses another pool's token, and one signed by a key not in the pool's JWKS", async () => {
    const { verifier, sign } = await setup();
    expect(
      await verifier.verify(
        await sign({}, { issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other' }),
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'The access token is from another issuer' });
    const stranger = await poolKey('pool-key-1');
    expect(await verifier.verify(await sign({}, { key: stranger.privateKey }), NOW)).toMatchObject({
      ok: false,
    });
    expect(await verifier.verify(await sign({}, { kid: 'unknown-key' }), NOW)).toMatchObject({ ok: false });
  });

  it('refuses an ID token, and a token without client_id', async () => {
    const { verifier, sign } = await setup();
    expect(await verifier.verify(await sign({ token_use: 'id' }), NOW)).toMatchObject({ ok: false });
    expect(await verifier.verify(await sign({ client_id: undefined }), NOW)).toMatchObject({ ok: false });
  });

  it('refuses a token signed with HS256 or none, whatever its claims', async () => {
    const { verifier } = await setup();
    const hs = await new SignJWT({ token_use: 'access', client_id: CLIENT_ID, scope: 'doorstep/events:read' })
      .setProtectedHeader({ alg: 'HS256', kid: 'pool-key-1' })
      .setIssuer(ISSUER)
      .setIssuedAt(at)
      .setExpirationTime(at + 600)
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess-0123456789'));
    expect(await verifier.verify(hs, NOW)).toMatchObject({ ok: false });
    const [, payload] = hs.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await verifier.verify(none, NOW)).toMatchObject({ ok: false });
  });
});
