import { createHash, X509Certificate } from 'node:crypto';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import forge from 'node-forge';
import { KmsCmsSigner } from '../../../shared/adapters/aws/kms-cms-signer';
import {
  aStandInTenancyKey,
  aTenancySignOutput,
  type StandInTenancyKey,
  TENANCY_SIGNING_KEY_ARN,
} from '../../fixtures/kms-tenancy-signer';
import { readCms, SIGNED_ATTRIBUTES } from '../../support/cms';

/**
 * A KMS client whose `send` is replaced: nothing leaves the process. It answers Sign with the hand-written
 * fixture, signing for real with the stand-in key, and records every command it was sent.
 */
function aKms(signWith: StandInTenancyKey) {
  const client = new KMSClient({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const sent: SignCommand[] = [];
  const fakeSend = async (command: SignCommand) => {
    if (!(command instanceof SignCommand))
      throw new Error('The fake KMS was sent a command it does not know');
    sent.push(command);
    return aTenancySignOutput(signWith.privateKey, command.input.Message ?? new Uint8Array());
  };
  client.send = fakeSend as unknown as KMSClient['send'];
  return { client, sent };
}

const content = Buffer.from('%PDF-1.7 the signed byte ranges of a tenancy agreement');
const signingTime = new Date('2026-11-02T09:30:00Z');
let key: StandInTenancyKey;

beforeAll(() => {
  key = aStandInTenancyKey();
});

describe('KmsCmsSigner', () => {
  it('asks KMS to sign the SHA-256 of the signed attributes, as a digest, with the configured key', async () => {
    // Prepare
    const { client, sent } = aKms(key);
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const cms = await signer.sign(content, signingTime);

    // Assess
    expect(sent).toHaveLength(1);
    const input = sent[0]?.input;
    expect(input).toMatchObject({
      KeyId: TENANCY_SIGNING_KEY_ARN,
      MessageType: 'DIGEST',
      SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    });
    const signedAttributes = readCms(cms).signedAttributes;
    expect(Buffer.from(input?.Message ?? [])).toEqual(createHash('sha256').update(signedAttributes).digest());
  });

  it('builds a detached CMS SignedData with content type, signing time and message digest that verifies with the certificate', async () => {
    // Prepare
    const { client } = aKms(key);
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const cms = readCms(await signer.sign(content, signingTime));

    // Assess
    expect(cms.isSignedData).toBe(true);
    expect(cms.detached).toBe(true);
    expect(cms.attributeTypes.sort()).toEqual(
      [SIGNED_ATTRIBUTES.contentType, SIGNED_ATTRIBUTES.messageDigest, SIGNED_ATTRIBUTES.signingTime].sort(),
    );
    expect(cms.messageDigest).toEqual(createHash('sha256').update(content).digest());
    expect(cms.signingTime).toEqual(signingTime);
    expect(cms.verifies).toBe(true);
  });

  it('embeds the configured certificate byte for byte', async () => {
    // Prepare
    const { client } = aKms(key);
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const cms = readCms(await signer.sign(content, signingTime));

    // Assess
    expect(cms.certificates).toEqual([new X509Certificate(key.certificatePem).raw]);
    expect(await signer.certificatePem()).toBe(key.certificatePem);
  });

  it('encodes the signed attributes as a DER SET OF, in the order of their encodings', async () => {
    // Prepare
    const { client } = aKms(key);
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const { signedAttributes } = readCms(await signer.sign(content, signingTime));

    // Assess
    const encodings = (
      forge.asn1.fromDer(signedAttributes.toString('binary')).value as forge.asn1.Asn1[]
    ).map((attribute) => Buffer.from(forge.asn1.toDer(attribute).getBytes(), 'binary'));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
  });

  it('refuses a signature the certificate does not verify (a KMS key that is not the certificate’s)', async () => {
    // Prepare
    const { client } = aKms(aStandInTenancyKey());
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const run = signer.sign(content, signingTime);

    // Assess
    await expect(run).rejects.toThrow(/does not verify with the tenancy signer's certificate/);
  });

  it('fails when KMS answers without a signature', async () => {
    // Prepare
    const { client } = aKms(key);
    client.send = (async () =>
      aTenancySignOutput(key.privateKey, new Uint8Array(32), {
        Signature: undefined,
      })) as unknown as KMSClient['send'];
    const signer = new KmsCmsSigner(client, {
      keyId: TENANCY_SIGNING_KEY_ARN,
      certificatePem: key.certificatePem,
    });

    // Act
    const run = signer.sign(content, signingTime);

    // Assess
    await expect(run).rejects.toThrow('KMS returned no signature');
  });

  it('refuses a configuration without a certificate', () => {
    // Prepare
    const { client } = aKms(key);

    // Act
    const create = () => new KmsCmsSigner(client, { keyId: TENANCY_SIGNING_KEY_ARN, certificatePem: '' });

    // Assess
    expect(create).toThrow('needs the certificate of its KMS key');
  });
});
