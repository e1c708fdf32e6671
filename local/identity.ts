import { randomBytes, scryptSync, timingSafeEqual, type webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';

/**
 * The local identity provider for officers: what Cognito does in AWS (DESIGN.md §3), on loopback. It signs
 * ID tokens with the claims the API reads from Cognito (`sub`, `email`, `custom:landlordId`, `cognito:groups`)
 * using an ES256 key created on first start under `.doorstep/keys`. Passwords are kept as scrypt hashes.
 */
export const OFFICER_AUDIENCE = 'doorstep-console';

const Officer = z.object({
  officerId: z.string(),
  email: z.string(),
  landlordId: z.string(),
  roles: z.array(z.enum(['officer', 'senior-officer'])),
  salt: z.string(),
  hash: z.string(),
});
type Officer = z.infer<typeof Officer>;

const IdentityFile = z.object({ privateJwk: z.record(z.string(), z.unknown()), officers: z.array(Officer) });

/** The demo officers `npm start` seeds: local-only accounts on loopback, documented in the README. */
export const DEMO_OFFICERS = [
  {
    email: 'officer@riverside.example',
    password: 'doorstep-officer',
    landlordId: 'riverside-homes',
    roles: ['officer'],
  },
  {
    email: 'senior@riverside.example',
    password: 'doorstep-senior',
    landlordId: 'riverside-homes',
    roles: ['officer', 'senior-officer'],
  },
] as const;

function hashPassword(password: string, salt: string): string {
  return scryptSync(password, salt, 32).toString('base64url');
}

export class LocalIdentityProvider {
  private constructor(
    private readonly issuer: string,
    private readonly privateKey: webcrypto.CryptoKey,
    private readonly publicKey: webcrypto.CryptoKey,
    readonly publicJwk: JWK,
    private readonly officers: Officer[],
  ) {}

  /** Loads the key and officers from `file`, creating both (and the demo officers) on first start. */
  static async open(file: string, issuer: string): Promise<LocalIdentityProvider> {
    let data: z.infer<typeof IdentityFile>;
    if (existsSync(file)) {
      data = IdentityFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    } else {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      data = {
        privateJwk: { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex') },
        officers: DEMO_OFFICERS.map((officer, index) => {
          const salt = randomBytes(16).toString('base64url');
          return {
            officerId: `officer-${index + 1}`,
            email: officer.email,
            landlordId: officer.landlordId,
            roles: [...officer.roles],
            salt,
            hash: hashPassword(officer.password, salt),
          };
        }),
      };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
    }
    const privateJwk = data.privateJwk as JWK;
    const { d: _secret, ...publicJwk } = privateJwk;
    const privateKey = (await importJWK(privateJwk, 'ES256')) as webcrypto.CryptoKey;
    const publicKey = (await importJWK(publicJwk, 'ES256')) as webcrypto.CryptoKey;
    return new LocalIdentityProvider(issuer, privateKey, publicKey, publicJwk, data.officers);
  }

  /** Signs an officer in: an ID token for 30 minutes, or undefined for a wrong email or password. */
  async signIn(email: string, password: string): Promise<{ idToken: string; expiresIn: number } | undefined> {
    const officer = this.officers.find((candidate) => candidate.email === email.trim().toLowerCase());
    const given = Buffer.from(hashPassword(password, officer?.salt ?? 'no-such-officer'));
    const expected = Buffer.from(officer?.hash ?? hashPassword('', 'no-such-officer'));
    if (!officer || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiresIn = 30 * 60;
    const idToken = await new SignJWT({
      email: officer.email,
      'custom:landlordId': officer.landlordId,
      'cognito:groups': officer.roles,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'ES256', kid: String(this.publicJwk.kid) })
      .setSubject(officer.officerId)
      .setIssuer(this.issuer)
      .setAudience(OFFICER_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.privateKey);
    return { idToken, expiresIn };
  }

  /** What API Gateway's JWT authoriser does: verifies signature, issuer, audience and expiry; the claims or undefined. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        audience: OFFICER_AUDIENCE,
      });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
