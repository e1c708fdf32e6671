import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import type { Clock, TenancySigner } from '../../ports.js';

export interface P12TenancySignerOptions {
  /**
   * Where the PKCS#12 lives, e.g. `.doorstep/keys/tenancy-signer.p12`: created on first use (mode 0600, its
   * folder 0700) and read from there afterwards. Without a path the key lives in memory for the process.
   */
  path?: string;
  /** The certificate's subject: the landlord (or the operator signing for landlords). */
  commonName: string;
  organizationName?: string;
  /** Protects the PKCS#12; the file's permissions are the local protection, so the default is empty. */
  passphrase?: string;
  /** When the certificate starts; real time unless given. */
  clock?: Clock;
}

interface LoadedP12 {
  der: Buffer;
  certificatePem: string;
}

/** Ten years: a local certificate should outlive any development machine. */
const VALIDITY_YEARS = 10;

/**
 * Signs tenancy PDFs with a local PKCS#12 (DESIGN.md §3 "e-signature", local column): an RSA 2048 key and a
 * self-signed certificate, made on first use. Each signature uses a new @signpdf `P12Signer` (an instance signs
 * once, DESIGN.md §5). In AWS the same port is {@link KmsCmsSigner}.
 */
export class P12TenancySigner implements TenancySigner {
  private loaded: Promise<LoadedP12> | undefined;

  constructor(private readonly options: P12TenancySignerOptions) {}

  async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const { der } = await this.p12();
    return new P12Signer(der, { passphrase: this.passphrase }).sign(content, signingTime);
  }

  async certificatePem(): Promise<string> {
    return (await this.p12()).certificatePem;
  }

  private get passphrase(): string {
    return this.options.passphrase ?? '';
  }

  /** Loads (or creates) the PKCS#12 once; a failure is not cached, so the next call tries again. */
  private p12(): Promise<LoadedP12> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async load(): Promise<LoadedP12> {
    const { path } = this.options;
    const der = path ? await readOrCreate(path, () => this.create()) : this.create();
    return { der, certificatePem: certificateOf(der, this.passphrase) };
  }

  private create(): Buffer {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    // A positive, non-zero-led serial (RFC 5280 §4.1.2.2: unique, at most 20 octets).
    const serial = randomBytes(16);
    serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
    certificate.serialNumber = serial.toString('hex');
    const now = this.options.clock?.now() ?? new Date();
    // A day's grace before now, for clocks a little behind.
    certificate.validity.notBefore = new Date(now.getTime() - 86_400_000);
    certificate.validity.notAfter = new Date(now.getTime() + VALIDITY_YEARS * 365.25 * 86_400_000);
    const subject = [
      { name: 'commonName', value: this.options.commonName },
      ...(this.options.organizationName
        ? [{ name: 'organizationName', value: this.options.organizationName }]
        : []),
      { name: 'countryName', value: 'GB' },
    ];
    certificate.setSubject(subject);
    certificate.setIssuer(subject);
    certificate.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    certificate.sign(key, forge.md.sha256.create());
    const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], this.passphrase, {
      algorithm: 'aes256',
      friendlyName: this.options.commonName,
      generateLocalKeyId: true,
    });
    return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  }
}

/** The certificate inside a PKCS#12, PEM. */
function certificateOf(der: Buffer, passphrase: string): string {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), false, passphrase);
  const certificate = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag ?? '']?.[0]
    ?.cert;
  if (!certificate) throw new Error('The PKCS#12 has no certificate');
  return forge.pki.certificateToPem(certificate);
}

/**
 * Reads the file, or creates it: written in full under a temporary name (mode 0600), then linked into place,
 * which fails if another process got there first. Then theirs is used, so every process signs with one key.
 */
async function readOrCreate(path: string, create: () => Buffer): Promise<Buffer> {
  const existing = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const der = create();
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, der, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return der;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path);
  } finally {
    await rm(temporary, { force: true });
  }
}
