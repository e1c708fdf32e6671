import { verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

const children = (node: Node | undefined): Node[] =>
  Array.isArray(node?.value) ? (node.value as Node[]) : [];
const der = (node: Node) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/**
 * A detached CMS SignedData (RFC 5652) read apart for tests: the signed attributes as the signature covers
 * them, the signature, the embedded certificates, and whether the signature verifies with the first one.
 */
export function readCms(cms: Uint8Array) {
  const contentInfo = asn1.fromDer(Buffer.from(cms).toString('binary'));
  const [type, wrapped] = children(contentInfo);
  const signedData = children(wrapped)[0];
  const fields = children(signedData);
  const certificates = children(
    fields.find((field) => field.tagClass === asn1.Class.CONTEXT_SPECIFIC && field.type === 0),
  ).map(der);
  const signerInfo = children(fields.at(-1))[0];
  const [, , , signedAttributes, , signatureNode] = children(signerInfo);
  // What was signed: the [0] IMPLICIT attributes encoded as a SET.
  const signed = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(signedAttributes)));
  const attributes = new Map(
    children(signedAttributes).map((attribute) => {
      const [attributeType, values] = children(attribute);
      return [asn1.derToOid(String(attributeType?.value)), children(values)[0]] as const;
    }),
  );
  const signature = Buffer.from(String(signatureNode?.value), 'binary');
  const certificate = certificates[0];
  const messageDigest = attributes.get(OID.messageDigest);
  const signingTime = attributes.get(OID.signingTime);
  return {
    contentType: asn1.derToOid(String(type?.value)),
    isSignedData: asn1.derToOid(String(type?.value)) === OID.signedData,
    detached: children(fields[2]).length === 1,
    certificates,
    signedAttributes: signed,
    attributeTypes: [...attributes.keys()],
    messageDigest: messageDigest ? Buffer.from(String(messageDigest.value), 'binary') : undefined,
    signingTime: signingTime ? asn1.utcTimeToDate(String(signingTime.value)) : undefined,
    signature,
    verifies:
      certificate !== undefined &&
      verify('sha256', signed, new X509Certificate(certificate).publicKey, signature),
  };
}

export const SIGNED_ATTRIBUTES = OID;
