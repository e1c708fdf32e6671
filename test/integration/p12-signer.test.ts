import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P12TenancySigner } from '../../shared/adapters/local/p12-signer';
import { readCms, SIGNED_ATTRIBUTES } from '../support/cms';

/** The local signer for real: RSA keys made, PKCS#12 files written under a temporary folder, CMS read back. */
jest.setTimeout(30_000);

const content = Buffer.from('%PDF-1.7 the signed byte ranges of a tenancy agreement');
const signingTime = new Date('2026-11-02T09:30:00Z');

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'doorstep-keys-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('P12TenancySigner', () => {
  it('creates the PKCS#12 on first use, readable by its owner only, in a folder only its owner can enter', async () => {
    // Prepare
    const path = join(folder, '.doorstep', 'keys', 'tenancy-signer.p12');
    const signer = new P12TenancySigner({ path, commonName: 'Riverside Homes' });

    // Act
    await signer.certificatePem();

    // Assess
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, '.doorstep', 'keys'))).mode & 0o777).toBe(0o700);
  });

  it('makes a self-signed certificate for the landlord it is given', async () => {
    // Prepare
    const signer = new P12TenancySigner({
      commonName: 'Riverside Homes',
      organizationName: 'Riverside Homes Ltd',
      clock: { now: () => new Date('2026-11-02T09:30:00Z') },
    });

    // Act
    const certificate = new X509Certificate(await signer.certificatePem());

    // Assess
    expect(certificate.subject).toContain('CN=Riverside Homes');
    expect(certificate.subject).toContain('O=Riverside Homes Ltd');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(certificate.validFrom) <= signingTime).toBe(true);
  });

  it('signs with the same key after a restart: the file is read, not replaced', async () => {
    // Prepare
    const path = join(folder, 'tenancy-signer.p12');
    const first = await new P12TenancySigner({ path, commonName: 'Riverside Homes' }).certificatePem();
    const bytes = await readFile(path);

    // Act
    const afterRestart = new P12TenancySigner({ path, commonName: 'Riverside Homes' });

    // Assess
    expect(await afterRestart.certificatePem()).toBe(first);
    expect(await readFile(path)).toEqual(bytes);
  });

  it('ends up with one key when two processes start at once', async () => {
    // Prepare
    const path = join(folder, 'tenancy-signer.p12');
    const one = new P12TenancySigner({ path, commonName: 'Riverside Homes' });
    const other = new P12TenancySigner({ path, commonName: 'Riverside Homes' });

    // Act
    const [a, b] = await Promise.all([one.certificatePem(), other.certificatePem()]);

    // Assess
    expect(a).toBe(b);
    expect(await new P12TenancySigner({ path, commonName: 'Riverside Homes' }).certificatePem()).toBe(a);
  });

  it('keeps the key in memory when it has no path', async () => {
    // Prepare
    const signer = new P12TenancySigner({ commonName: 'Riverside Homes' });

    // Act
    const pem = await signer.certificatePem();

    // Assess
    expect(await signer.certificatePem()).toBe(pem);
    expect(await new P12TenancySigner({ commonName: 'Riverside Homes' }).certificatePem()).not.toBe(pem);
  });

  it('makes a detached CMS signature over the content that verifies with its certificate, every time', async () => {
    // Prepare
    const signer = new P12TenancySigner({ commonName: 'Riverside Homes', passphrase: 'local only' });

    // Act
    const first = readCms(await signer.sign(content, signingTime));
    const second = readCms(await signer.sign(Buffer.from('another range'), signingTime));

    // Assess
    expect(first.isSignedData).toBe(true);
    expect(first.detached).toBe(true);
    expect(first.attributeTypes).toEqual(
      expect.arrayContaining([
        SIGNED_ATTRIBUTES.contentType,
        SIGNED_ATTRIBUTES.messageDigest,
        SIGNED_ATTRIBUTES.signingTime,
      ]),
    );
    expect(first.messageDigest).toEqual(createHash('sha256').update(content).digest());
    expect(first.signingTime).toEqual(signingTime);
    expect(first.verifies).toBe(true);
    expect(second.verifies).toBe(true);
    expect(first.certificates).toEqual([new X509Certificate(await signer.certificatePem()).raw]);
  });
});
