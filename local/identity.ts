import { randomBytes, scryptSync, timingSafeEqual, type webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import type { Clock } from '../shared/ports.js';
import { authenticatorStep, authenticatorUri, openAuthenticatorKeys } from './officer-totp.js';

/**
 * The local identity provider for officers: what Cognito does in AWS (DESIGN.md §3), on loopback. It signs
 * ID tokens with the claims the API reads from Cognito (`sub`, `email`, `custom:landlordId`, `cognito:groups`)
 * using an ES256 key created on first start under `.doorstep/keys`. Passwords are kept as scrypt hashes.
 *
 * Like the officers' user pool, it asks an officer who has an authenticator app for the app's code after a
 * right password: the demo senior officer has one (its key made on first start in
 * `.doorstep/keys/officer-totp.json`), so the console's code step runs locally too; the demo officer signs in
 * with a password alone.
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
    authenticator: false,
  },
  {
    email: 'senior@riverside.example',
    password: 'doorstep-senior',
    landlordId: 'riverside-homes',
    roles: ['officer', 'senior-officer'],
    authenticator: true,
  },
] as const;

/** Where the demo officers' authenticator app keys are kept, beside the identity provider's file. */
export const authenticatorKeysFile = (identityFile: string) =>
  join(dirname(identityFile), 'officer-totp.json');

type SignedIn = { kind: 'signed-in'; idToken: string; expiresIn: number };
export type LocalSignIn = SignedIn | { kind: 'refused' } | { kind: 'mfa'; session: string };
export type LocalCodeAnswer = SignedIn | { kind: 'refused' } | { kind: 'expired' };

/** As long as Cognito's sign-in sessions last for the console's client (infra/constructs/officers.ts). */
const MFA_SESSION_MS = 10 * 60 * 1000;
/** Wrong codes one session takes before it is spent, as Cognito limits them. */
const MFA_ATTEMPTS = 5;

type MfaSession = { email: string; expiresAt: number; attempts: number };

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
    /** Authenticator app keys (base32) by officer email; an officer without one signs in with a password alone. */
    private readonly authenticatorKeys: ReadonlyMap<string, string>,
    private readonly clock: Clock,
  ) {}

  /** Sign-ins waiting for an app code, by session id: in memory, so a restart ends them, as a timeout would. */
  private readonly mfaSessions = new Map<string, MfaSession>();
  /** The last time step each officer's app code was used at: a code signs in once (RFC 6238 §5.2). */
  private readonly lastCodeStep = new Map<string, number>();

  /**
   * Loads the key and officers from `file`, creating both (and the demo officers) on first start, and the demo
   * officers' authenticator app keys beside it (also for a `file` made before officers had apps).
   */
  static async open(
    file: string,
    issuer: string,
    options: { clock?: Clock } = {},
  ): Promise<LocalIdentityProvider> {
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
    const authenticatorKeys = openAuthenticatorKeys(
      authenticatorKeysFile(file),
      DEMO_OFFICERS.filter((officer) => officer.authenticator).map((officer) => officer.email),
    );
    return new LocalIdentityProvider(
      issuer,
      privateKey,
      publicKey,
      publicJwk,
      data.officers,
      authenticatorKeys,
      options.clock ?? { now: () => new Date() },
    );
  }

  /** The officers who sign in with an authenticator app, with the key and the `otpauth://` URI to add it by. */
  authenticators(): Array<{ email: string; key: string; uri: string }> {
    return [...this.authenticatorKeys].map(([email, key]) => ({
      email,
      key,
      uri: authenticatorUri(key, email),
    }));
  }

  /**
   * Checks an officer's email and password: an ID token for 30 minutes, a refusal for a wrong email or
   * password (never which), or, for an officer with an authenticator app, a session to send the app's code with.
   */
  async signIn(email: string, password: string): Promise<LocalSignIn> {
    const officer = this.officers.find((candidate) => candidate.email === email.trim().toLowerCase());
    const given = Buffer.from(hashPassword(password, officer?.salt ?? 'no-such-officer'));
    const expected = Buffer.from(officer?.hash ?? hashPassword('', 'no-such-officer'));
    if (!officer || given.length !== expected.length || !timingSafeEqual(given, expected))
      return { kind: 'refused' };
    if (!this.authenticatorKeys.has(officer.email)) return this.issue(officer);
    const session = randomBytes(32).toString('base64url');
    this.mfaSessions.set(session, {
      email: officer.email,
      expiresAt: this.clock.now().getTime() + MFA_SESSION_MS,
      attempts: 0,
    });
    return { kind: 'mfa', session };
  }

  /**
   * Answers a sign-in's `mfa` session with the app's code: an ID token, a refusal for a wrong or already used
   * code (the session stands, for a few more tries), or `expired` for a session that timed out, was used up,
   * belongs to someone else or never was.
   */
  async respondToMfa(email: string, session: string, code: string): Promise<LocalCodeAnswer> {
    const pending = this.mfaSessions.get(session);
    const now = this.clock.now();
    if (!pending || pending.expiresAt <= now.getTime() || pending.email !== email.trim().toLowerCase()) {
      this.mfaSessions.delete(session);
      return { kind: 'expired' };
    }
    const key = this.authenticatorKeys.get(pending.email);
    const officer = this.officers.find((candidate) => candidate.email === pending.email);
    const step = key ? authenticatorStep(key, code, now) : undefined;
    if (!officer || step === undefined || step <= (this.lastCodeStep.get(pending.email) ?? -1)) {
      pending.attempts += 1;
      if (pending.attempts >= MFA_ATTEMPTS) this.mfaSessions.delete(session);
      return { kind: 'refused' };
    }
    this.lastCodeStep.set(pending.email, step);
    this.mfaSessions.delete(session);
    return this.issue(officer);
  }

  private async issue(officer: Officer): Promise<SignedIn> {
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
    return { kind: 'signed-in', idToken, expiresIn };
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
