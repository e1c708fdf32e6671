import { createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { KeyIssuer } from '../../ports.js';

/** KMS signs a RAW message of at most 4,096 bytes; a key credential's signing input is about 600. */
const KMS_RAW_MESSAGE_LIMIT = 4096;

/** ES256 (RFC 7518 §3.4): the signature is r and s, each a 32-byte big-endian integer, concatenated. */
const P256_INTEGER_BYTES = 32;

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

interface PublicKey {
  jwk: JWK;
  kid: string;
}

/**
 * Signs key credentials with an AWS KMS key (DESIGN.md §3): an asymmetric `ECC_NIST_P256` key for
 * `SIGN_VERIFY`, whose private half never leaves KMS. KMS signs the JWS signing input itself (MessageType
 * RAW, ECDSA_SHA_256: KMS hashes with SHA-256, so the digest cannot disagree with the message) and answers a
 * DER-encoded ECDSA signature, which JOSE wants as raw r‖s. The public key comes from GetPublicKey, once per
 * container; its RFC 7638 thumbprint is the `kid`, as with the local issuer.
 */
export class KmsKeyIssuer implements KeyIssuer {
  private publicKey: Promise<PublicKey> | undefined;

  constructor(
    private readonly kms: KMSClient,
    /** The key's id, ARN or alias ARN. */
    private readonly keyId: string,
  ) {}

  async sign(payload: Record<string, unknown>, header: { typ: string }): Promise<string> {
    const { kid } = await this.verifyingKey();
    const protectedHeader = { alg: 'ES256', typ: header.typ, kid };
    const signingInput = `${base64url(JSON.stringify(protectedHeader))}.${base64url(JSON.stringify(payload))}`;
    const message = Buffer.from(signingInput, 'ascii');
    if (message.length > KMS_RAW_MESSAGE_LIMIT) {
      throw new Error(
        `A credential of ${message.length} bytes is more than KMS signs (${KMS_RAW_MESSAGE_LIMIT})`,
      );
    }
    const signed = await this.kms.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: message,
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (!signed.Signature) throw new Error('KMS answered Sign without a signature');
    if (signed.SigningAlgorithm && signed.SigningAlgorithm !== 'ECDSA_SHA_256') {
      throw new Error(`KMS signed with ${signed.SigningAlgorithm}, not ECDSA_SHA_256`);
    }
    return `${signingInput}.${base64url(joseSignatureFromDer(signed.Signature))}`;
  }

  async jwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
    const { jwk, kid } = await this.verifyingKey();
    return { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] };
  }

  private verifyingKey(): Promise<PublicKey> {
    // Once per container; a failed call is forgotten so the next one asks KMS again.
    this.publicKey ??= this.fetchPublicKey().catch((error: unknown) => {
      this.publicKey = undefined;
      throw error;
    });
    return this.publicKey;
  }

  private async fetchPublicKey(): Promise<PublicKey> {
    const answer = await this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId }));
    if (answer.KeySpec !== 'ECC_NIST_P256' || answer.KeyUsage !== 'SIGN_VERIFY') {
      throw new Error(
        `Key credentials need an ECC_NIST_P256 key for SIGN_VERIFY; KMS key ${this.keyId} is ${answer.KeySpec} for ${answer.KeyUsage}`,
      );
    }
    if (!answer.PublicKey) throw new Error('KMS answered GetPublicKey without a public key');
    // KMS gives the public key as a DER SubjectPublicKeyInfo; node:crypto turns it into a JWK (kty, crv, x, y).
    const { kty, crv, x, y } = createPublicKey({
      key: Buffer.from(answer.PublicKey),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' });
    if (kty !== 'EC' || crv !== 'P-256' || !x || !y) {
      throw new Error(`KMS key ${this.keyId} answered a public key that is not on P-256`);
    }
    const jwk: JWK = { kty, crv, x, y };
    return { jwk, kid: await calculateJwkThumbprint(jwk) };
  }
}

/**
 * Turns a DER-encoded ECDSA signature (what KMS answers: `SEQUENCE { INTEGER r, INTEGER s }`, RFC 3279
 * §2.2.3) into JOSE's form (RFC 7518 §3.4): r and s as unsigned big-endian integers of exactly `size` bytes
 * each, concatenated. DER integers are signed and minimal, so a value with its top bit set carries a leading
 * 0x00 (33 bytes) and a small value is shorter than 32 bytes: strip the one, left-pad the other. Anything that
 * is not strict DER for two positive integers that fit is refused rather than guessed at.
 */
export function joseSignatureFromDer(der: Uint8Array, size = P256_INTEGER_BYTES): Uint8Array {
  const refuse = (why: string): never => {
    throw new Error(`Not a DER ECDSA signature: ${why}`);
  };
  // For P-256 the whole sequence is at most 2 + 2 × 35 = 72 bytes, so every length is one byte (short form).
  if (der[0] !== 0x30) refuse('it does not start with a SEQUENCE');
  const sequenceLength = der[1] ?? refuse('it ends after the SEQUENCE tag');
  if (sequenceLength > 0x7f) refuse('the SEQUENCE length is not in short form');
  if (sequenceLength !== der.length - 2) refuse('the SEQUENCE length does not match the bytes');

  const joseSignature = new Uint8Array(2 * size);
  let offset = 2;
  for (const [index, name] of ['r', 's'].entries()) {
    if (der[offset] !== 0x02) refuse(`${name} is not an INTEGER`);
    const length = der[offset + 1] ?? refuse(`it ends inside ${name}`);
    if (length === 0 || length > 0x7f) refuse(`${name} has an invalid length`);
    const start = offset + 2;
    const end = start + length;
    if (end > der.length) refuse(`it ends inside ${name}`);
    let value = der.subarray(start, end);
    if ((value[0] ?? 0) & 0x80) refuse(`${name} is negative`);
    if (value[0] === 0x00 && value.length > 1) {
      // Strict DER: a leading zero is there only to keep the next byte's top bit from reading as a sign.
      if (((value[1] ?? 0) & 0x80) === 0) refuse(`${name} is not minimally encoded`);
      value = value.subarray(1);
    }
    if (value.length > size) refuse(`${name} is longer than ${size} bytes`);
    joseSignature.set(value, (index + 1) * size - value.length);
    offset = end;
  }
  if (offset !== der.length) refuse('there are bytes after s');
  return joseSignature;
}
