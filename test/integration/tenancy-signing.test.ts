import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byteRanges, pdfsig, pdftotext } from '../../local/poppler';
import { P12TenancySigner } from '../../shared/adapters/local/p12-signer';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import { decide } from '../../shared/services/decisions';
import { agreementKey, signedAgreementKey } from '../../shared/services/tenancy-documents';
import { applySignatures } from '../../shared/services/tenancy-signing';
import { awaitPerson } from '../../shared/services/waits';
import { aPreparedAgreement } from '../fixtures/lettings';
import { type MemoryDeps, memoryDeps } from '../support/memory';

/**
 * Real signing, checked by someone else's verifier: the local PKCS#12 signer (its file under a temporary
 * `.doorstep/keys`), the agreement and both signatures made by the services as the journey makes them (the
 * applicant's decision records the signature, the workflow's signing stage applies it), and poppler's `pdfsig`
 * and `pdftotext` reading the result. The certificate is self-signed, so only
 * the signatures are asserted, not trust in the certificate.
 */
jest.setTimeout(30_000);

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXNpZ25hdHVyZS10b2tlbg==signature-41c9';
let folder: string;
let signer: P12TenancySigner;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'doorstep-signing-'));
  signer = new P12TenancySigner({
    path: join(folder, '.doorstep', 'keys', 'tenancy-signer.p12'),
    commonName: 'Riverside Homes',
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The Pritchards' agreement for Weaver Court, prepared, signed by the applicant's decision, then applied. */
async function aSignedTenancy(): Promise<{ deps: MemoryDeps; agreement: Uint8Array; signed: Uint8Array }> {
  const deps: MemoryDeps = { ...memoryDeps(), signer };
  const { offerId, tenancyId, termsSha256 } = await aPreparedAgreement(deps);
  const { decisionId } = await awaitPerson(deps, {
    applicationId,
    stage: Stage.TenancySigning,
    kind: 'signature',
    waitingFor: WaitingFor.Applicant,
    taskToken,
    offerId,
  });
  await decide(deps, {
    decisionId,
    actor: { kind: 'applicant', subject: 'sub_gareth' },
    body: { decision: 'signed', termsSha256 },
  });
  await applySignatures(deps, { applicationId, offerId });
  const agreement = deps.documents.promoted.get(agreementKey(tenancyId))?.bytes;
  const signed = deps.documents.promoted.get(signedAgreementKey(tenancyId))?.bytes;
  if (!agreement || !signed) throw new Error('the PDFs were not stored');
  return { deps, agreement, signed };
}

/** The PDF with one byte changed: a decimal digit of the hex /Subject (the address), so the file still parses. */
function withOneByteFlipped(pdf: Uint8Array, at: number): Uint8Array {
  const copy = Buffer.from(pdf);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

function aDigitOfTheSubject(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const subject = text.indexOf('/Subject <');
  const digit = text.slice(subject + '/Subject <FEFF'.length).search(/[0-9]/);
  if (subject < 0 || digit < 0) throw new Error('the agreement has no /Subject');
  return subject + '/Subject <FEFF'.length + digit;
}

describe('a signed tenancy agreement, read by pdfsig', () => {
  let signed: Uint8Array;
  let agreement: Uint8Array;

  beforeAll(async () => {
    ({ signed, agreement } = await aSignedTenancy());
  });

  it('carries two CMS signatures with the landlord’s certificate, both valid', async () => {
    // Act
    const { signatures, output } = await pdfsig(signed);

    // Assess
    expect(signatures).toEqual([
      {
        fieldName: 'Signature1',
        commonName: 'Riverside Homes',
        validation: 'Signature is Valid.',
        totalDocumentSigned: false,
      },
      {
        fieldName: 'Signature2',
        commonName: 'Riverside Homes',
        validation: 'Signature is Valid.',
        totalDocumentSigned: true,
      },
    ]);
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
    expect(output).toContain('Signature Type: adbe.pkcs7.detached');
  });

  it('records the tenant’s signature first and the countersignature second, each with its reason', () => {
    // Act
    const text = Buffer.from(signed).toString('latin1');

    // Assess
    const tenant = text.indexOf('/Reason (Signed by Gareth Pritchard \\(tenant\\) via Doorstep)');
    const landlord = text.indexOf('/Reason (Countersigned by Riverside Homes)');
    expect(tenant).toBeGreaterThan(agreement.length);
    expect(landlord).toBeGreaterThan(tenant);
  });

  it('finds both signatures invalid when one byte inside the first signed range changes', async () => {
    // Prepare
    const [first] = byteRanges(signed);
    const at = aDigitOfTheSubject(signed);
    expect(at).toBeLessThan(first?.[1] ?? 0);

    // Act
    const { signatures } = await pdfsig(withOneByteFlipped(signed, at));

    // Assess
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) {
      expect(signature.validation).not.toBe('Signature is Valid.');
      expect(signature.validation).toBe('Digest Mismatch.');
    }
  });

  it('keeps the tenant’s signature valid when only the countersigned update changes', async () => {
    // Prepare
    const [first, second] = byteRanges(signed);
    const firstEnd = (first?.[2] ?? 0) + (first?.[3] ?? 0);
    // A byte of the countersignature's update that is not its /Contents placeholder.
    const at = (second?.[2] ?? 0) + 2;
    expect(at).toBeGreaterThan(firstEnd);

    // Act
    const { signatures } = await pdfsig(withOneByteFlipped(signed, at));

    // Assess
    expect(signatures.map((signature) => signature.validation)).toEqual([
      'Signature is Valid.',
      'Digest Mismatch.',
    ]);
  });
});

describe('the agreement, read by pdftotext', () => {
  it('reads as the agreement: parties, home, start date, rent, terms, their hash and the signature block', async () => {
    // Prepare
    const { deps, agreement } = await aSignedTenancy();
    const tenancy = [...deps.lettings.tenancies.values()][0];

    // Act
    // Whitespace as a reader would see it: wrapped lines joined, runs of spaces as one.
    const text = (await pdftotext(agreement)).replace(/\s+/g, ' ');

    // Assess
    for (const expected of [
      'Tenancy agreement',
      'Assured tenancy under the Housing Act 1988',
      `Reference ${tenancy?.tenancyId}`,
      'Landlord: Riverside Homes',
      'Tenants: Gareth Pritchard and Nia Pritchard',
      'Flat 3, 14 Weaver Court, Riverside, RV2 7QT',
      'Start date 20 November 2026',
      '£112.50 a week, payable in advance',
      '1. This is an assured tenancy under the Housing Act 1988 between Riverside Homes and Gareth Pritchard and Nia Pritchard.',
      '3. It starts on 2026-11-20. The rent is £112.50 a week, payable in advance.',
      tenancy?.termsSha256 ?? 'a hash',
      'Tenant: Gareth Pritchard, signs electronically through Doorstep',
      'Landlord: Riverside Homes, countersigns electronically',
      'page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
