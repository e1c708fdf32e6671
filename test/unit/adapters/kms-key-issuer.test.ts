import { sign, verify } from 'node:crypto';
import {
  GetPublicKeyCommand,
  type GetPublicKeyCommandOutput,
  KMSClient,
  SignCommand,
} from '@aws-sdk/client-kms';
import {
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  type JWK,
} from 'jose';
import { joseSignatureFromDer, KmsKeyIssuer } from '../../../shared/adapters/aws/kms-key-issuer';
import { aGetPublicKeyOutput, aSignOutput, aStandInKmsKey, KMS_KEY_ARN } from '../../fixtures/kms';

const claims = {
  iss: 'doorstep',
  sub: 'key_0123456789abcdef0123456789abcdef',
  door: 'door-weaver-14-3',
  holder: 'Gareth Pritchard',
};

type KmsCommand = SignCommand | GetPublicKeyCommand;

/**
 * A KMS client whose `send` is replaced: nothing leaves the process. It answers GetPublicKey and Sign with
 * the hand-written fixtures, signing for real with the stand-in key, and records every command it was sent.
 */
function aKms(
  key = aStandInKmsKey(),
  answer: { publicKey?: (command: GetPublicKeyCommand) => unknown } = {},
) {
  const client = new KMSClient({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const sent: KmsCommand[] = [];
  const fakeSend = async (command: KmsCommand) => {
    sent.push(command);
    if (command instanceof GetPublicKeyCommand) {
      return answer.publicKey ? answer.publicKey(command) : aGetPublicKeyOutput(key.publicKey);
    }
    if (command instanceof SignCommand)
      return aSignOutput(key.privateKey, command.input.Message ?? new Uint8Array());
    throw new Error('The fake KMS was sent a command it does not know');
  };
  client.send = fakeSend as unknown as KMSClient['send'];
  return { client, sent, key };
}

describe('KmsKeyIssuer', () => {
  it('signs an ES256 JWS through KMS that verifies against the JWKS made from KMS’s public key', async () => {
    // Prepare
    const { client, key } = aKms();
    const issuer = new KmsKeyIssuer(client, KMS_KEY_ARN);

    // Act
    const jws = await issuer.sign(claims, { typ: 'doorstep-key+jwt' });
    const jwks = await issuer.jwks();

    // Assess
    const expected = key.publicKey.export({ format: 'jwk' });
    const kid = await calculateJwkThumbprint(expected as JWK);
    expect(jwks).toEqual({
      keys: [{ kty: 'EC', crv: 'P-256', x: expected.x, y: expected.y, kid, alg: 'ES256', use: 'sig' }],
    });
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'ES256', typ: 'doorstep-key+jwt', kid });
    const { payload } = await compactVerify(jws, createLocalJWKSet({ keys: jwks.keys as JWK[] }));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claims);
  });

  it('asks KMS to sign the JWS signing input itself, RAW, with ECDSA_SHA_256 and the configured key', async () => {
    // Prepare
    const { client, sent } = aKms();
    const issuer = new KmsKeyIssuer(client, KMS_KEY_ARN);

    // Act
    const jws = await issuer.sign(claims, { typ: 'doorstep-key+jwt' });

    // Assess
    const signCommand = sent.find((command) => command instanceof SignCommand);
    expect(signCommand?.input).toEqual({
      KeyId: KMS_KEY_ARN,
      Message: expect.any(Uint8Array),
      MessageType: 'RAW',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    const message = (signCommand as SignCommand).input.Message ?? new Uint8Array();
    expect(Buffer.from(message).toString('ascii')).toBe(jws.split('.').slice(0, 2).join('.'));
    // JOSE's form: r and s, 32 bytes each, never DER.
    expect(Buffer.from(jws.split('.')[2] ?? '', 'base64url')).toHaveLength(64);
  });

  it('asks KMS for the public key once, however many keys it signs', async () => {
    // Prepare
    const { client, sent } = aKms();
    const issuer = new KmsKeyIssuer(client, KMS_KEY_ARN);

    // Act
    await Promise.all([
      issuer.sign(claims, { typ: 'doorstep-key+jwt' }),
      issuer.sign(claims, { typ: 'doorstep-key+jwt' }),
      issuer.jwks(),
    ]);

    // Assess
    expect(sent.filter((command) => command instanceof GetPublicKeyCommand)).toHaveLength(1);
    expect(sent.filter((command) => command instanceof SignCommand)).toHaveLength(2);
  });

  it('asks again after KMS failed to give the public key', async () => {
    // Prepare
    let calls = 0;
    const key = aStandInKmsKey();
    const { client } = aKms(key, {
      publicKey: () => {
        calls += 1;
        if (calls === 1) throw new Error('ThrottlingException: Rate exceeded');
        return aGetPublicKeyOutput(key.publicKey);
      },
    });
    const issuer = new KmsKeyIssuer(client, KMS_KEY_ARN);
    await expect(issuer.jwks()).rejects.toThrow('ThrottlingException');

    // Act
    const jwks = await issuer.jwks();

    // Assess
    expect(jwks.keys).toHaveLength(1);
  });

  it.each<[string, Partial<GetPublicKeyCommandOutput>]>([
    ['an RSA key', { KeySpec: 'RSA_2048', SigningAlgorithms: ['RSASSA_PSS_SHA_256'] }],
    ['a P-384 key', { KeySpec: 'ECC_NIST_P384', SigningAlgorithms: ['ECDSA_SHA_384'] }],
    ['a P-256 key for key agreement', { KeyUsage: 'KEY_AGREEMENT' }],
  ])('refuses %s, and signs nothing with it', async (_kind, overrides) => {
    // Prepare
    const key = aStandInKmsKey();
    const { client, sent } = aKms(key, {
      publicKey: () => aGetPublicKeyOutput(key.publicKey, overrides),
    });

    // Act
    const run = new KmsKeyIssuer(client, KMS_KEY_ARN).sign(claims, { typ: 'doorstep-key+jwt' });

    // Assess
    await expect(run).rejects.toThrow('need an ECC_NIST_P256 key for SIGN_VERIFY');
    expect(sent.some((command) => command instanceof SignCommand)).toBe(false);
  });
});

/** DER for SEQUENCE { INTEGER r, INTEGER s }, each minimal and positive, written out by hand. */
function derFor(r: Uint8Array, s: Uint8Array): Uint8Array {
  const integer = (value: Uint8Array) => {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start += 1;
    const minimal = value.subarray(start);
    const body = (minimal[0] ?? 0) & 0x80 ? [0x00, ...minimal] : [...minimal];
    return [0x02, body.length, ...body];
  };
  const content = [...integer(r), ...integer(s)];
  return Uint8Array.from([0x30, content.length, ...content]);
}

const bytes = (length: number, fill: number, first?: number) => {
  const value = new Uint8Array(length).fill(fill);
  if (first !== undefined) value[0] = first;
  return value;
};

describe('joseSignatureFromDer', () => {
  it('converts real DER signatures into r‖s that verify as IEEE P1363', () => {
    // Prepare
    const { privateKey, publicKey } = aStandInKmsKey();
    const data = Buffer.from('eyJhbGciOiJFUzI1NiJ9.eyJkb29yIjoiZG9vci13ZWF2ZXItMTQtMyJ9');

    for (let round = 0; round < 64; round += 1) {
      // Act
      const raw = joseSignatureFromDer(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));

      // Assess
      expect(raw).toHaveLength(64);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
    }
  });

  it('gives back r and s exactly, whatever their DER length', () => {
    const cases: Array<[string, Uint8Array, Uint8Array]> = [
      ['both with the top bit set (a 0x00 before each)', bytes(32, 0xab, 0xff), bytes(32, 0xcd, 0x80)],
      ['both without it (32 bytes each)', bytes(32, 0x11, 0x7f), bytes(32, 0x22, 0x01)],
      ['a short r (leading zero bytes dropped by DER)', bytes(32, 0x33, 0x00), bytes(32, 0x44, 0x90)],
      ['a very short s', bytes(32, 0x55, 0x12), Uint8Array.from([...new Uint8Array(31), 0x07])],
    ];
    for (const [why, r, s] of cases) {
      expect({ why, raw: Buffer.from(joseSignatureFromDer(derFor(r, s))) }).toEqual({
        why,
        raw: Buffer.concat([r, s]),
      });
    }
  });

  it.each([
    ['nothing at all', [], 'SEQUENCE'],
    ['a SET, not a SEQUENCE', [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'SEQUENCE'],
    ['a SEQUENCE longer than the bytes', [0x30, 0x08, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'does not match'],
    ['bytes after s', [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00], 'after s'],
    ['an OCTET STRING for r', [0x30, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x01], 'r is not an INTEGER'],
    ['a negative s', [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x81], 's is negative'],
    ['a needless 0x00 before r', [0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01], 'minimally'],
    ['an r of 33 significant bytes', [...derFor(bytes(33, 0x01), bytes(1, 0x01))], 'longer than 32'],
    ['a long-form length', [0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'short form'],
  ])('refuses %s', (_what, der, problem) => {
    expect(() => joseSignatureFromDer(Uint8Array.from(der))).toThrow(problem);
  });
});
