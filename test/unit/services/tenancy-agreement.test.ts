import { PDFDocument } from 'pdf-lib';
import { P12TenancySigner } from '../../../shared/adapters/local/p12-signer';
import type { Tenancy } from '../../../shared/domain/letting';
import { sha256Hex } from '../../../shared/ids';
import { appendSignature } from '../../../shared/services/pdf-signatures';
import { agreementPdf } from '../../../shared/services/tenancy-agreement';
import { aHome } from '../../fixtures/applications';

const terms = [
  'This is an assured tenancy under the Housing Act 1988 between Riverside Homes and Gareth Pritchard and Nia Pritchard.',
  'The home is Flat 3, 14 Weaver Court, Riverside, RV2 7QT, with 2 bedrooms.',
  'It starts on 2026-11-20. The rent is £112.50 a week, payable in advance.',
];

function aTenancy(overrides: Partial<Tenancy> = {}): Tenancy {
  const tenancy: Tenancy = {
    tenancyId: 'ten_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
    offerId: 'off_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
    applicationId: 'app_0123456789abcdef0123456789abcdef',
    propertyId: 'prop_riverside-14',
    tenants: ['Gareth Pritchard', 'Nia Pritchard'],
    address: 'Flat 3, 14 Weaver Court, Riverside, RV2 7QT',
    weeklyRent: 11_250,
    startDate: '2026-11-20',
    kind: 'assured-tenancy',
    terms,
    termsSha256: sha256Hex(terms.join('\n')),
    status: 'awaiting-signature',
    ...overrides,
  };
  return { ...tenancy, termsSha256: sha256Hex(tenancy.terms.join('\n')) };
}

const signer = new P12TenancySigner({ commonName: 'Riverside Homes' });
const signingTime = new Date('2026-11-02T09:30:00Z');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('agreementPdf', () => {
  it('makes one A4 page that names the agreement, the landlord and the terms’ hash in its metadata', async () => {
    // Prepare
    const tenancy = aTenancy();

    // Act
    const pdf = await PDFDocument.load(await agreementPdf(tenancy, aHome(), 'Riverside Homes'));

    // Assess
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.getTitle()).toBe(`Tenancy agreement ${tenancy.tenancyId}`);
    expect(pdf.getAuthor()).toBe('Riverside Homes');
    expect(pdf.getKeywords()).toBe(`termsSha256:${tenancy.termsSha256}`);
  });

  it('gives the same bytes for the same tenancy: no dates or random ids in the file', async () => {
    // Prepare
    const tenancy = aTenancy();

    // Act
    const first = await agreementPdf(tenancy, aHome(), 'Riverside Homes');
    const second = await agreementPdf(tenancy, aHome(), 'Riverside Homes');

    // Assess
    expect(Buffer.from(second)).toEqual(Buffer.from(first));
  });

  it('saves a classic cross-reference table (no object streams), so signatures can be appended', async () => {
    // Act
    const pdf = latin1(await agreementPdf(aTenancy(), aHome(), 'Riverside Homes'));

    // Assess
    expect(pdf).toMatch(/\nxref\n0 \d+\n/);
    expect(pdf).not.toContain('/ObjStm');
  });

  it('calls a Welsh occupation contract by its name', async () => {
    // Prepare
    const tenancy = aTenancy({ kind: 'secure-occupation-contract' });

    // Act
    const pdf = await PDFDocument.load(await agreementPdf(tenancy, aHome(), 'Cwm Valley Homes'));

    // Assess
    expect(pdf.getTitle()).toBe(`Occupation contract ${tenancy.tenancyId}`);
  });

  it('draws names and addresses the standard fonts cannot encode, instead of failing', async () => {
    // Prepare
    const tenancy = aTenancy({
      tenants: ['Siân Ŵyn', 'Dafydd Ŷr'],
      address: 'Tŷ Gwyn, 2 Ffordd yr Ŵyl, CF1 1AA',
    });

    // Act
    const bytes = await agreementPdf(tenancy, aHome(), 'Cwm Valley Homes');

    // Assess
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('carries long terms over to further pages', async () => {
    // Prepare
    const many = Array.from(
      { length: 40 },
      (_, index) => `Term ${index + 1}: ${'the tenant keeps the home in good repair and '.repeat(3)}`,
    );
    const tenancy = aTenancy({ terms: many });

    // Act
    const pdf = await PDFDocument.load(await agreementPdf(tenancy, aHome(), 'Riverside Homes'));

    // Assess
    expect(pdf.getPageCount()).toBeGreaterThan(1);
  });
});

describe('appendSignature', () => {
  it('appends a signature after the agreement’s bytes, naming who signed and why', async () => {
    // Prepare
    const agreement = await agreementPdf(aTenancy(), aHome(), 'Riverside Homes');

    // Act
    const signed = await appendSignature(agreement, signer, {
      name: 'Gareth Pritchard',
      reason: 'Signed by Gareth Pritchard (tenant) via Doorstep',
      signingTime,
    });

    // Assess
    expect(signed.subarray(0, agreement.length)).toEqual(Buffer.from(agreement));
    const update = latin1(signed.subarray(agreement.length));
    expect(update).toContain('/Reason (Signed by Gareth Pritchard \\(tenant\\) via Doorstep)');
    expect(update).toContain('/Name (Gareth Pritchard)');
    expect(update).toContain('/SubFilter /adbe.pkcs7.detached');
    expect(update).toMatch(/\/ByteRange \[0 \d+ \d+ \d+\s*\]/);
  });

  it('adds a second signature as a further update, leaving the first one’s bytes as they were', async () => {
    // Prepare
    const agreement = await agreementPdf(aTenancy(), aHome(), 'Riverside Homes');
    const tenantSigned = await appendSignature(agreement, signer, {
      name: 'Gareth Pritchard',
      reason: 'Signed by Gareth Pritchard (tenant) via Doorstep',
      signingTime,
    });

    // Act
    const countersigned = await appendSignature(tenantSigned, signer, {
      name: 'Riverside Homes',
      reason: 'Countersigned by Riverside Homes',
      signingTime,
    });

    // Assess
    expect(countersigned.subarray(0, tenantSigned.length)).toEqual(tenantSigned);
    const update = latin1(countersigned.subarray(tenantSigned.length));
    expect(update).toContain('/Reason (Countersigned by Riverside Homes)');
    expect(update).toContain('/T (Signature2)');
  });

  it('writes accented names in plain ASCII in the signature dictionary', async () => {
    // Prepare
    const agreement = await agreementPdf(aTenancy(), aHome(), 'Riverside Homes');

    // Act
    const signed = await appendSignature(agreement, signer, {
      name: 'Siân Prîtchard',
      reason: 'Signed by Siân Prîtchard (tenant) via Doorstep',
      signingTime,
    });

    // Assess
    const update = latin1(signed.subarray(agreement.length));
    expect(update).toContain('/Name (Sian Pritchard)');
    expect(update).toContain('/Reason (Signed by Sian Pritchard \\(tenant\\) via Doorstep)');
  });
});
