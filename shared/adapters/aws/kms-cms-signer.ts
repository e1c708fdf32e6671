import { createHash, verify, X509Certificate } from 'node:crypto';
import { type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type * as forge from 'node-forge';
// Only the two modules this signer uses, not node-forge's index (all of forge): see node-forge-modules.d.ts.
import asn1 from 'node-forge/lib/asn1';
import pem from 'node-forge/lib/pem';
import type { TenancySigner } from '../../ports.js';

export interface KmsCmsSignerConfig {
  /** The KMS key (id, ARN or alias ARN): key spec RSA_2048, key usage SIGN_VERIFY. */
  keyId: string;
  /** The certificate of the key's public key, PEM; any intermediate certificates may follow it. */
  certificatePem: string;
}

/** Object identifiers (RFC 5652 CMS, RFC 5754 SHA-2, RFC 8017 PKCS #1). */
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
type Node = forge.asn1.Asn1;

const sequence = (...items: Node[]) => asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (...items: Node[]) => asn1.create(UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const integer = (value: number) =>
  asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const octets = (bytes: Uint8Array) =>
  asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const algorithm = (id: string) => sequence(oid(id), asn1.create(UNIVERSAL, asn1.Type.NULL, false, ''));
const der = (node: Node) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** RFC 5652 §11.3: UTCTime for 1950 to 2049, GeneralizedTime otherwise. */
function time(date: Date): Node {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

const attribute = (type: string, value: Node) => sequence(oid(type), set(value));

/**
 * Signs tenancy PDFs with an AWS KMS key (DESIGN.md §3 "e-signature": a KMS asymmetric key signs the PDF's CMS
 * digest). The private key never leaves KMS: this builds the CMS SignedData (RFC 5652) with node-forge, with
 * the signed attributes content-type, signing-time and message-digest, and KMS signs the SHA-256 of those
 * attributes (`MessageType: 'DIGEST'`, RSASSA-PKCS1-v1_5 with SHA-256). The same port is
 * {@link P12TenancySigner} locally.
 */
export class KmsCmsSigner implements TenancySigner {
  private readonly certificates: Node[];
  private readonly publicKey: X509Certificate['publicKey'];

  constructor(
    private readonly kms: Pick<KMSClient, 'send'>,
    private readonly config: KmsCmsSignerConfig,
  ) {
    const blocks = pemBlocks(config.certificatePem).filter((block) => block.type === 'CERTIFICATE');
    if (blocks.length === 0) throw new Error('The tenancy signer needs the certificate of its KMS key, PEM');
    this.certificates = blocks.map((block) => asn1.fromDer(block.body));
    this.publicKey = new X509Certificate(config.certificatePem).publicKey;
  }

  async certificatePem(): Promise<string> {
    return this.config.certificatePem;
  }

  async sign(content: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const signer = this.certificates[0] as Node;
    const attributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.signingTime, time(signingTime)),
      attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    ];
    // DER encodes a SET OF in the order of its elements' encodings; the signature covers that encoding.
    attributes.sort((a, b) => Buffer.compare(der(a), der(b)));
    const signedAttributes = der(set(...attributes));

    const response = await this.kms.send(
      new SignCommand({
        KeyId: this.config.keyId,
        Message: createHash('sha256').update(signedAttributes).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    if (!response.Signature) throw new Error('KMS returned no signature');
    const signature = Buffer.from(response.Signature);
    // A key that does not match the certificate would make PDFs nobody can verify: refuse, loudly.
    if (!verify('sha256', signedAttributes, this.publicKey, signature)) {
      throw new Error("The KMS key's signature does not verify with the tenancy signer's certificate");
    }

    const signerInfo = sequence(
      integer(1),
      sequence(issuerOf(signer), serialOf(signer)),
      algorithm(OID.sha256),
      // In the SignerInfo the attributes are [0] IMPLICIT; what was signed is their encoding as a SET.
      asn1.create(CONTEXT_SPECIFIC, 0, true, attributes),
      algorithm(OID.rsaEncryption),
      octets(signature),
    );
    const signedData = sequence(
      integer(1),
      set(algorithm(OID.sha256)),
      // Detached: the PDF's byte ranges are the content, so there is no eContent.
      sequence(oid(OID.data)),
      asn1.create(CONTEXT_SPECIFIC, 0, true, this.certificates),
      set(signerInfo),
    );
    return der(sequence(oid(OID.signedData), asn1.create(CONTEXT_SPECIFIC, 0, true, [signedData])));
  }
}

function pemBlocks(text: string): forge.pem.ObjectPEM[] {
  try {
    return pem.decode(text);
  } catch {
    return [];
  }
}

/** The fields of a certificate's TBSCertificate, after the optional [0] version. */
function tbsFields(certificate: Node): Node[] {
  const tbs = (certificate.value as Node[])[0];
  const fields = (tbs?.value ?? []) as Node[];
  return fields[0]?.tagClass === CONTEXT_SPECIFIC ? fields.slice(1) : fields;
}

const serialOf = (certificate: Node) => tbsFields(certificate)[0] as Node;
const issuerOf = (certificate: Node) => tbsFields(certificate)[2] as Node;
