import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from 'zod';
import type { AccessTokenVerifier } from '../../services/council-auth.js';

/** The claims of a Cognito access token from the client credentials grant (no `aud`: `client_id` instead). */
const AccessToken = z.object({
  token_use: z.literal('access'),
  client_id: z.string().min(1),
  scope: z.string().default(''),
});

/**
 * Verifies partner councils' access tokens with jose: RS256 signature against the issuer's JWKS (Cognito's
 * `/.well-known/jwks.json` in AWS, the local issuer's key under `npm start`), the issuer, expiry, and the
 * access-token shape. Which client and council it is, and the scopes a route needs, are checked by the caller
 * (services/council-auth.ts).
 */
export class JwtAccessTokenVerifier implements AccessTokenVerifier {
  constructor(
    private readonly issuer: string,
    private readonly keys: JWTVerifyGetKey,
  ) {}

  async verify(token: string, now: Date): ReturnType<AccessTokenVerifier['verify']> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        currentDate: now,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'The access token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss')
        return { ok: false, reason: 'The access token is from another issuer' };
      // The JWKS could not be fetched or read: not the caller's fault, so not a 401.
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) throw error;
      if (error instanceof errors.JOSEError)
        return { ok: false, reason: 'The access token is not one Doorstep issued or accepts' };
      throw error;
    }
    const claims = AccessToken.safeParse(payload);
    if (!claims.success)
      return { ok: false, reason: 'The token is not an access token from the client credentials grant' };
    return {
      ok: true,
      claims: { clientId: claims.data.client_id, scopes: claims.data.scope.split(' ').filter(Boolean) },
    };
  }
}
