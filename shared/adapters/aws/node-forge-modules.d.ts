/**
 * Two of node-forge's own modules, imported one by one: the package's index loads all of forge (ciphers, TLS,
 * PKCS#12...), about 290 KiB in a Lambda bundle, where the KMS signer needs ASN.1 DER and PEM only (about
 * 40 KiB). Each module exports its part of the one `forge` object, typed by @types/node-forge.
 */
declare module 'node-forge/lib/asn1' {
  import type * as forge from 'node-forge';

  const asn1: typeof forge.asn1;
  export default asn1;
}

declare module 'node-forge/lib/pem' {
  import type * as forge from 'node-forge';

  const pem: typeof forge.pem;
  export default pem;
}
