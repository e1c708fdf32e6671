import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import * as z from 'zod';
import type { KeyIssuer } from '../../ports.js';

/** A P-256 private key as a JWK: what the key file holds. */
const PrivateJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1),
});
type PrivateJwk = z.infer<typeof PrivateJwk>;

interface SigningKey {
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  publicJwk: JWK;
  kid: string;
}

/**
 * Signs key credentials locally (DESIGN.md §3: "same, local key"): an ES256 key pair created on first use and
 * kept as a private JWK in `file` (mode 0600, `.doorstep/keys/credentials.jwk.json` under `npm start`), so a
 * restart keeps issued keys valid. Without a file the key lives in memory for the life of the issuer: a real
 * signer, for tests. The key id is the key's RFC 7638 thumbprint, as with KMS.
 */
export class JoseKeyIssuer implements KeyIssuer {
  private key: Promise<SigningKey> | undefined;

  constructor(private readonly options: { file?: string } = {}) {}

  async sign(payload: Record<string, unknown>, header: { typ: string }): Promise<string> {
    const { privateKey, kid } = await this.signingKey();
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', typ: header.typ, kid })
      .sign(privateKey);
  }

  async jwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
    const { publicJwk, kid } = await this.signingKey();
    return { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  }

  private signingKey(): Promise<SigningKey> {
    // One load per issuer; a failed load is forgotten so the next call tries again.
    this.key ??= this.load().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<SigningKey> {
    const jwk = this.options.file ? await this.fromFile(this.options.file) : await newPrivateJwk();
    const { d: _private, ...publicJwk } = jwk;
    const privateKey = await importJWK(jwk, 'ES256');
    return { privateKey, publicJwk, kid: await calculateJwkThumbprint(publicJwk) };
  }

  private async fromFile(file: string): Promise<PrivateJwk> {
    const existing = await readKeyFile(file);
    if (existing) return existing;
    const jwk = await newPrivateJwk();
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    try {
      // `wx`: never overwrite. Two processes starting together both create a key; the first write wins and
      // the other reads it back, so every process signs with the one key on disk.
      await writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      return jwk;
    } catch (error) {
      const raced = (error as NodeJS.ErrnoException).code === 'EEXIST' ? await readKeyFile(file) : undefined;
      if (raced) return raced;
      throw error;
    }
  }
}

async function readKeyFile(file: string): Promise<PrivateJwk | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = PrivateJwk.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} does not hold a P-256 private key (JWK)`);
  return parsed.data;
}

async function newPrivateJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return PrivateJwk.parse(await exportJWK(privateKey));
}
