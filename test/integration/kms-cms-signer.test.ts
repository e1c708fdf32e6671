import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { byteRanges, pdfsig } from '../../local/poppler';
import { KmsCmsSigner } from '../../shared/adapters/aws/kms-cms-signer';
import type { Tenancy } from '../../shared/domain/letting';
import { sha256Hex } from '../../shared/ids';
import { appendSignature } from '../../shared/services/pdf-signatures';
import { agreementPdf } from '../../shared/services/tenancy-agreement';
import { aHome } from '../fixtures/applications';
import {
  aStandInTenancyKey,
  aTenancySignOutput,
  TENANCY_SIGNING_KEY_ARN,
} from '../fixtures/kms-tenancy-signer';

/**
 * The KMS signer's CMS, checked by pdfsig: KMS is a fake (the client's `send` replaced, nothing leaves the
 * process) answering with the hand-written SignCommandOutput fixture, whose signature is real, made by a
 * stand-in RSA 2048 key. A valid signature in pdfsig proves the SignedData is well formed.
 */
jest.setTimeout(30_000);

const terms = [
  'This is an assured tenancy under the Housing Act 1988 between Riverside Homes and Gareth Pritchard and Nia Pritchard.',
  'The home is Flat 3, 14 Weaver Court, Riverside, RV2 7QT, with 2 bedrooms.',
  'It starts on 2026-11-20. The rent is £112.50 a week, payable in advance.',
];

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
};

const signingTime = new Date('2026-11-02T09:30:00Z');
let signed: Buffer;
const sent: SignCommand[] = [];

beforeAll(async () => {
  const key = aStandInTenancyKey('Riverside Homes');
  const client = new KMSClient({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });
  const fakeSend = async (command: SignCommand) => {
    if (!(command instanceof SignCommand))
      throw new Error('The fake KMS was sent a command it does not know');
    sent.push(command);
    return aTenancySignOutput(key.privateKey, command.input.Message ?? new Uint8Array());
  };
  client.send = fakeSend as unknown as KMSClient['send'];
  const signer = new KmsCmsSigner(client, {
    keyId: TENANCY_SIGNING_KEY_ARN,
    certificatePem: key.certificatePem,
  });

  const agreement = await agreementPdf(tenancy, aHome(), 'Riverside Homes');
  const tenantSigned = await appendSignature(agreement, signer, {
    name: 'Gareth Pritchard',
    reason: 'Signed by Gareth Pritchard (tenant) via Doorstep',
    signingTime,
  });
  signed = await appendSignature(tenantSigned, signer, {
    name: 'Riverside Homes',
    reason: 'Countersigned by Riverside Homes',
    signingTime,
  });
});

describe('a tenancy agreement signed through KMS, read by pdfsig', () => {
  it('carries the tenant’s signature and the countersignature, both valid, one KMS Sign each', async () => {
    // Act
    const { signatures, output } = await pdfsig(signed);

    // Assess
    expect(sent).toHaveLength(2);
    expect(signatures.map(({ commonName, validation }) => ({ commonName, validation }))).toEqual([
      { commonName: 'Riverside Homes', validation: 'Signature is Valid.' },
      { commonName: 'Riverside Homes', validation: 'Signature is Valid.' },
    ]);
    expect(output).toContain('Signing Time: Nov 02 2026 09:30:00');
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
  });

  it('finds both signatures invalid when one byte inside the first signed range changes', async () => {
    // Prepare
    const [first] = byteRanges(signed);
    const at = Math.floor((first?.[1] ?? 0) / 2);
    const altered = Buffer.from(signed);
    altered[at] = (altered[at] ?? 0) ^ 0x01;

    // Act
    const { signatures } = await pdfsig(altered);

    // Assess
    expect(signatures.map((signature) => signature.validation)).toEqual([
      'Digest Mismatch.',
      'Digest Mismatch.',
    ]);
  });
});
