import { applicantView } from '../../../shared/services/applications';
import { issueKeys } from '../../../shared/services/keys';
import { aLetting, weaverCourt } from '../../fixtures/lettings';
import { memoryDeps } from '../../support/memory';

const gareth = { subject: 'sub_gareth' };

describe('the applicant’s view of the key', () => {
  it('gives the days it works and where its QR code is, never the credential itself', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);
    await issueKeys(deps, { applicationId, offerId });

    // Act
    const view = await applicantView(deps, { applicant: gareth, applicationId });

    // Assess
    expect(view.key).toEqual({
      credentialId: weaverCourt.credentialId,
      doorId: 'door-weaver-14-3',
      validFrom: '2026-11-20',
      validUntil: '2028-11-18',
      format: 'jws',
      qrCode: `/v1/applications/${applicationId}/key.svg`,
    });
    expect(JSON.stringify(view)).not.toContain(
      deps.lettings.keys.get(weaverCourt.credentialId)?.jws.split('.')[2],
    );
  });
});
