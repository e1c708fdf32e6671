import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler as apiHandler } from '../../../functions/api/handler';
import { createHandler as signingHandler } from '../../../functions/tenancy-signing/handler';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { signedAgreementKey } from '../../../shared/services/tenancy-documents';
import { awaitPerson } from '../../../shared/services/waits';
import { aPreparedAgreement } from '../../fixtures/lettings';
import { anHttpEvent } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAbXNpZ25hdHVyZS10b2tlbg==signature-41c9';

/**
 * The tenant's signature end to end through the two functions that handle it: the API function records it
 * as the applicant answers their wait, and the signing stage's function (`functions/tenancy-signing`), which
 * the Letting workflow runs next, applies it to the PDF and countersigns. The API never signs.
 */

/** Gareth, signed in, with his agreement prepared and the workflow waiting for his signature. */
async function awaitingGarethsSignature() {
  const deps: MemoryDeps = memoryDeps();
  const email = 'gareth.pritchard@example.org';
  await requestCode(deps, { email });
  const { token, subject } = await verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
  const { offerId, tenancyId, termsSha256 } = await aPreparedAgreement(deps, { ownerId: subject });
  const { decisionId } = await awaitPerson(deps, {
    applicationId,
    stage: Stage.TenancySigning,
    kind: 'signature',
    waitingFor: WaitingFor.Applicant,
    taskToken,
    offerId,
  });
  return { deps, token, offerId, tenancyId, termsSha256, decisionId };
}

function aSignaturePost(decisionId: string, token: string, termsSha256: string) {
  return anHttpEvent({
    method: 'POST',
    path: `/v1/decisions/${decisionId}`,
    routeKey: 'POST /v1/decisions/{decisionId}',
    pathParameters: { decisionId },
    cookies: [`doorstep_session=${token}`],
    body: JSON.stringify({ decision: 'signed', termsSha256 }),
  });
}

beforeEach(() => {
  // Powertools writes its JSON logs to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the tenant’s signature, from the API to the signing stage', () => {
  it('the API records the signature and resumes the workflow, but makes no signed PDF and signs nothing', async () => {
    // Prepare
    const { deps, token, tenancyId, termsSha256, decisionId } = await awaitingGarethsSignature();
    const sign = jest.spyOn(deps.signer, 'sign');
    const api = apiHandler(() => deps);

    // Act
    const response = (await api(
      aSignaturePost(decisionId, token, termsSha256),
      aLambdaContext('doorstep-api'),
    )) as APIGatewayProxyStructuredResultV2;

    // Assess
    expect(response.statusCode).toBe(200);
    expect(sign).not.toHaveBeenCalled();
    expect(deps.documents.promoted.has(signedAgreementKey(tenancyId))).toBe(false);
    expect(deps.lettings.tenancies.get(tenancyId)).toMatchObject({
      status: 'awaiting-signature',
      tenantSignature: { termsSha256, at: '2026-11-02T09:30:00.000Z', identity: 'applicant-session' },
    });
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'signed', termsSha256, decidedBy: 'applicant' } },
    ]);
  });

  it('the signing stage then applies it: the tenant’s signature and the countersignature, in the stored PDF', async () => {
    // Prepare
    const { deps, token, offerId, tenancyId, termsSha256, decisionId } = await awaitingGarethsSignature();
    await apiHandler(() => deps)(
      aSignaturePost(decisionId, token, termsSha256),
      aLambdaContext('doorstep-api'),
    );
    const sign = jest.spyOn(deps.signer, 'sign');
    const stage = signingHandler(() => deps);

    // Act
    const result = await stage({ applicationId, offerId }, aLambdaContext('doorstep-tenancy-signing'));

    // Assess
    expect(result).toEqual({ outcome: 'signed', tenancyId });
    expect(sign).toHaveBeenCalledTimes(2);
    const signed = deps.documents.promoted.get(signedAgreementKey(tenancyId));
    expect(
      Buffer.from(signed?.bytes ?? [])
        .toString('latin1')
        .match(/\/Type \/Sig\b/g),
    ).toHaveLength(2);
    expect(deps.lettings.tenancies.get(tenancyId)?.status).toBe('signed');
  });

  it('the signing stage run again (a workflow retry) signs nothing twice', async () => {
    // Prepare
    const { deps, token, offerId, tenancyId, termsSha256, decisionId } = await awaitingGarethsSignature();
    await apiHandler(() => deps)(
      aSignaturePost(decisionId, token, termsSha256),
      aLambdaContext('doorstep-api'),
    );
    const stage = signingHandler(() => deps);
    await stage({ applicationId, offerId }, aLambdaContext('doorstep-tenancy-signing'));
    const signedBytes = deps.documents.promoted.get(signedAgreementKey(tenancyId))?.bytes;
    const sign = jest.spyOn(deps.signer, 'sign');

    // Act
    const again = await stage({ applicationId, offerId }, aLambdaContext('doorstep-tenancy-signing'));

    // Assess
    expect(again).toEqual({ outcome: 'signed', tenancyId });
    expect(sign).not.toHaveBeenCalled();
    expect(deps.documents.promoted.get(signedAgreementKey(tenancyId))?.bytes).toBe(signedBytes);
    expect(deps.audit.events.filter((event) => event.type === 'tenancy-countersigned')).toHaveLength(1);
  });

  it('the signing stage refuses, permanently, an agreement the tenant has not signed', async () => {
    // Prepare
    const { deps, offerId, tenancyId } = await awaitingGarethsSignature();
    const stage = signingHandler(() => deps);

    // Act
    const run = stage({ applicationId, offerId }, aLambdaContext('doorstep-tenancy-signing'));

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'JourneyStateError' });
    expect(deps.documents.promoted.has(signedAgreementKey(tenancyId))).toBe(false);
  });
});
