import type { Application } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import { makeOffer } from '../../../shared/services/letting-stages';
import { agreementKey, sha256OfBytes, signedAgreementKey } from '../../../shared/services/tenancy-documents';
import { tenancyPdfForApplicant } from '../../../shared/services/tenancy-download';
import { applySignatures } from '../../../shared/services/tenancy-signing';
import { prepareTenancy } from '../../../shared/services/tenancy-stage';
import { recordTenantSignature } from '../../../shared/services/tenant-signature';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const gareth = { subject: 'sub_gareth' };

function registered(overrides: Partial<Application> = {}): Application {
  return aCompleteApplication({
    stage: Stage.Registered,
    status: 'registered',
    registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 },
    ...overrides,
  });
}

/** The Pritchards with an offer of Weaver Court and its agreement prepared. */
async function prepared(application = registered(), home = aHome()) {
  const deps = memoryDeps();
  await deps.applications.create(application);
  await deps.lettings.putHome(home);
  const { offerId } = await makeOffer(deps, { applicationId: pritchards });
  if (!offerId) throw new Error('no offer was made');
  const { tenancyId } = await prepareTenancy(deps, { applicationId: pritchards, offerId });
  const tenancy = deps.lettings.tenancies.get(tenancyId);
  if (!tenancy) throw new Error('no tenancy was prepared');
  return { deps, offerId, tenancyId, termsSha256: tenancy.termsSha256 };
}

afterEach(() => {
  // The signer is one per file (its RSA key takes a moment to make): spies on it end with each test.
  jest.restoreAllMocks();
});

const stored = (deps: MemoryDeps, key: string) => deps.documents.promoted.get(key);
const latin1 = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('latin1');

describe('prepareTenancy: the agreement PDF', () => {
  it('stores the agreement as a PDF and records its hash', async () => {
    // Act
    const { deps, tenancyId } = await prepared();

    // Assess
    const agreement = stored(deps, agreementKey(tenancyId));
    expect(agreement?.contentType).toBe('application/pdf');
    expect(latin1(agreement?.bytes).startsWith('%PDF-')).toBe(true);
    const tenancy = deps.lettings.tenancies.get(tenancyId);
    expect(tenancy?.agreementSha256).toBe(sha256OfBytes(agreement?.bytes ?? new Uint8Array()));
    expect(deps.audit.events.find((event) => event.type === 'tenancy-prepared')?.facts).toEqual({
      tenancyId,
      termsSha256: tenancy?.termsSha256,
      agreementSha256: tenancy?.agreementSha256,
    });
  });

  it('names the landlord in the first term', async () => {
    // Act
    const { deps, tenancyId } = await prepared();

    // Assess
    expect(deps.lettings.tenancies.get(tenancyId)?.terms[0]).toBe(
      'This is an assured tenancy under the Housing Act 1988 between Riverside Homes and Gareth Pritchard and Nia Pritchard.',
    );
  });
});

/** The tenant signs (the API records it at 09:30), and the signing stage applies it a minute later. */
async function signedByTheTenant(context: Awaited<ReturnType<typeof prepared>>) {
  const { deps, offerId, termsSha256 } = context;
  await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });
  deps.clock.advanceSeconds(60);
}

const signing = (deps: MemoryDeps, offerId: string) =>
  applySignatures(deps, { applicationId: pritchards, offerId });

describe('recordTenantSignature: what the API records', () => {
  it('records the intent to sign the exact terms, and signs nothing', async () => {
    // Prepare
    const { deps, offerId, tenancyId, termsSha256 } = await prepared();
    const sign = jest.spyOn(deps.signer, 'sign');

    // Act
    await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });

    // Assess
    expect(deps.lettings.tenancies.get(tenancyId)?.tenantSignature).toEqual({
      termsSha256,
      at: '2026-11-02T09:30:00.000Z',
      identity: 'applicant-session',
    });
    expect(sign).not.toHaveBeenCalled();
    expect(stored(deps, signedAgreementKey(tenancyId))).toBeUndefined();
  });

  it('keeps the first signature when the tenant signs again', async () => {
    // Prepare
    const { deps, offerId, tenancyId, termsSha256 } = await prepared();
    await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });
    deps.clock.advanceDays(1);

    // Act
    await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });

    // Assess
    expect(deps.lettings.tenancies.get(tenancyId)?.tenantSignature?.at).toBe('2026-11-02T09:30:00.000Z');
  });
});

describe('prepareTenancy: where a resumed stage stands', () => {
  it('answers prepared, then signed-by-tenant once the signature is recorded, then signed', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId } = context;
    const again = () => prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Act
    const before = await again();
    await signedByTheTenant(context);
    const recorded = await again();
    await signing(deps, offerId);
    const after = await again();

    // Assess
    expect([before.outcome, recorded.outcome, after.outcome]).toEqual([
      'prepared',
      'signed-by-tenant',
      'signed',
    ]);
  });

  it('makes the agreement PDF for a tenancy prepared before agreements were PDFs', async () => {
    // Prepare
    const { deps, offerId, tenancyId } = await prepared();
    const agreement = stored(deps, agreementKey(tenancyId))?.bytes;
    const tenancy = deps.lettings.tenancies.get(tenancyId);
    if (!tenancy) throw new Error('no tenancy');
    const { agreementSha256: _none, ...older } = tenancy;
    deps.lettings.tenancies.set(tenancyId, older);
    await deps.documents.delete(agreementKey(tenancyId));

    // Act
    const result = await prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(result.outcome).toBe('prepared');
    expect(stored(deps, agreementKey(tenancyId))?.bytes).toEqual(agreement);
    expect(deps.lettings.tenancies.get(tenancyId)?.agreementSha256).toBe(tenancy.agreementSha256);
  });
});

describe('applySignatures: the signing stage', () => {
  it('signs as the tenant, countersigns, and stores the signed PDF after the agreement’s exact bytes', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    const agreement = stored(deps, agreementKey(tenancyId))?.bytes ?? new Uint8Array();
    await signedByTheTenant(context);

    // Act
    const result = await signing(deps, offerId);

    // Assess
    expect(result).toEqual({ outcome: 'signed', tenancyId });
    const signed = stored(deps, signedAgreementKey(tenancyId));
    expect(signed?.contentType).toBe('application/pdf');
    const bytes = Buffer.from(signed?.bytes ?? []);
    expect(bytes.subarray(0, agreement.length)).toEqual(Buffer.from(agreement));
    const updates = latin1(bytes.subarray(agreement.length));
    expect(updates.match(/\/Type \/Sig\b/g)).toHaveLength(2);
    expect(updates).toContain('/Reason (Signed by Gareth Pritchard \\(tenant\\) via Doorstep)');
    expect(updates).toContain('/Reason (Countersigned by Riverside Homes)');
    expect(updates.indexOf('Signed by Gareth')).toBeLessThan(updates.indexOf('Countersigned'));
    // The tenant's signature carries the time they signed; the countersignature the time it was made.
    expect(deps.lettings.tenancies.get(tenancyId)).toMatchObject({
      status: 'signed',
      signedAt: '2026-11-02T09:30:00.000Z',
      countersignedAt: '2026-11-02T09:31:00.000Z',
      signedPdfSha256: sha256OfBytes(bytes),
    });
  });

  it('records the signature and the countersignature in the audit trail with ids and hashes only', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId, termsSha256 } = context;
    await signedByTheTenant(context);

    // Act
    await signing(deps, offerId);

    // Assess
    const tenancy = deps.lettings.tenancies.get(tenancyId);
    const events = deps.audit.events.filter(
      (event) => event.type.startsWith('tenancy-') && event.type !== 'tenancy-prepared',
    );
    expect(events).toEqual([
      {
        applicationId: pritchards,
        at: '2026-11-02T09:30:00.000Z',
        type: 'tenancy-signed',
        stage: Stage.TenancySigning,
        actor: 'applicant',
        facts: {
          tenancyId,
          termsSha256,
          agreementSha256: tenancy?.agreementSha256,
          identity: 'applicant-session',
        },
      },
      {
        applicationId: pritchards,
        at: '2026-11-02T09:31:00.000Z',
        type: 'tenancy-countersigned',
        stage: Stage.TenancySigning,
        actor: 'system',
        facts: { tenancyId, signedPdfSha256: tenancy?.signedPdfSha256 },
      },
    ]);
    expect(JSON.stringify(deps.audit.events)).not.toMatch(/Pritchard|Weaver|Riverside Homes/);
  });

  it('signs once: run again, it changes nothing and signs nothing again', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);
    await signing(deps, offerId);
    const first = deps.lettings.tenancies.get(tenancyId);
    const signedBytes = stored(deps, signedAgreementKey(tenancyId))?.bytes;
    const sign = jest.spyOn(deps.signer, 'sign');
    deps.clock.advanceDays(1);

    // Act
    await signing(deps, offerId);

    // Assess
    expect(deps.lettings.tenancies.get(tenancyId)).toEqual(first);
    expect(sign).not.toHaveBeenCalled();
    expect(stored(deps, signedAgreementKey(tenancyId))?.bytes).toBe(signedBytes);
    expect(deps.audit.events.filter((event) => event.type === 'tenancy-signed')).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'tenancy-countersigned')).toHaveLength(1);
  });

  it('retried after the audit trail failed, signs nothing again and completes the trail once', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);
    const append = deps.audit.append.bind(deps.audit);
    jest
      .spyOn(deps.audit, 'append')
      .mockImplementationOnce(() => Promise.reject(new Error('ProvisionedThroughputExceededException')))
      .mockImplementation(append);
    await expect(signing(deps, offerId)).rejects.toThrow('ProvisionedThroughputExceededException');
    const signedBytes = stored(deps, signedAgreementKey(tenancyId))?.bytes;
    const sign = jest.spyOn(deps.signer, 'sign');

    // Act
    await signing(deps, offerId);

    // Assess
    expect(sign).not.toHaveBeenCalled();
    expect(stored(deps, signedAgreementKey(tenancyId))?.bytes).toBe(signedBytes);
    const signatures = deps.audit.events
      .map((event) => event.type)
      .filter((type) => type.startsWith('tenancy-') && type !== 'tenancy-prepared');
    expect(signatures).toEqual(['tenancy-signed', 'tenancy-countersigned']);
  });

  it('retried after the record failed, stores a PDF with exactly two signatures, as recorded', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);
    const put = deps.lettings.putTenancy.bind(deps.lettings);
    jest
      .spyOn(deps.lettings, 'putTenancy')
      .mockImplementationOnce(() => Promise.reject(new Error('InternalServerError')))
      .mockImplementation(put);
    await expect(signing(deps, offerId)).rejects.toThrow('InternalServerError');

    // Act
    await signing(deps, offerId);

    // Assess
    const bytes = stored(deps, signedAgreementKey(tenancyId))?.bytes ?? new Uint8Array();
    expect(latin1(bytes).match(/\/Type \/Sig\b/g)).toHaveLength(2);
    expect(deps.lettings.tenancies.get(tenancyId)).toMatchObject({
      status: 'signed',
      signedPdfSha256: sha256OfBytes(bytes),
    });
    expect(deps.audit.events.filter((event) => event.type === 'tenancy-signed')).toHaveLength(1);
  });

  it('refuses, permanently, an agreement the tenant has not signed, and signs nothing', async () => {
    // Prepare
    const { deps, offerId, tenancyId } = await prepared();
    const sign = jest.spyOn(deps.signer, 'sign');

    // Act
    const run = signing(deps, offerId);

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect(sign).not.toHaveBeenCalled();
    expect(stored(deps, signedAgreementKey(tenancyId))).toBeUndefined();
  });

  it('names a contract-holder in Wales', async () => {
    // Prepare
    const context = await prepared(
      registered({ landlordId: 'cwm-valley-homes', policyId: 'cwm-valley' }),
      aHome({ propertyId: 'prop_cwm-7', landlordId: 'cwm-valley-homes' }),
    );
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);

    // Act
    await signing(deps, offerId);

    // Assess
    const updates = latin1(stored(deps, signedAgreementKey(tenancyId))?.bytes);
    expect(updates).toContain('/Reason (Signed by Gareth Pritchard \\(contract-holder\\) via Doorstep)');
    expect(updates).toContain('/Reason (Countersigned by Cwm Valley Homes)');
  });

  it('refuses to sign a stored agreement that no longer matches its record, and signs nothing', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);
    const agreement = stored(deps, agreementKey(tenancyId))?.bytes ?? new Uint8Array();
    const altered = Buffer.from(agreement);
    altered[20] = (altered[20] ?? 0) ^ 0x01;
    await deps.documents.put(agreementKey(tenancyId), altered, 'application/pdf');

    // Act
    const run = signing(deps, offerId);

    // Assess
    await expect(run).rejects.toThrow(/does not match its record/);
    expect(deps.lettings.tenancies.get(tenancyId)?.status).toBe('awaiting-signature');
    expect(stored(deps, signedAgreementKey(tenancyId))).toBeUndefined();
  });

  it('refuses, permanently, to sign when the agreement PDF is missing: the prepare step makes it first', async () => {
    // Prepare
    const context = await prepared();
    const { deps, offerId, tenancyId } = context;
    await signedByTheTenant(context);
    await deps.documents.delete(agreementKey(tenancyId));

    // Act
    const run = signing(deps, offerId);

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect(stored(deps, signedAgreementKey(tenancyId))).toBeUndefined();
  });
});

describe('tenancyPdfForApplicant', () => {
  it('gives the applicant the agreement before signing and the signed PDF after', async () => {
    // Prepare
    const { deps, offerId, tenancyId, termsSha256 } = await prepared();

    // Act
    const before = await tenancyPdfForApplicant(deps, { applicant: gareth, applicationId: pritchards });
    await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });
    await signing(deps, offerId);
    const after = await tenancyPdfForApplicant(deps, { applicant: gareth, applicationId: pritchards });

    // Assess
    expect(before).toEqual({
      pdf: stored(deps, agreementKey(tenancyId))?.bytes,
      signed: false,
      filename: `tenancy-${tenancyId}.pdf`,
    });
    expect(after).toEqual({
      pdf: stored(deps, signedAgreementKey(tenancyId))?.bytes,
      signed: true,
      filename: `signed-tenancy-${tenancyId}.pdf`,
    });
  });

  it('answers NotFoundError for someone else’s application, exactly like a missing one', async () => {
    // Prepare
    const { deps } = await prepared();

    // Act
    const theirs = tenancyPdfForApplicant(deps, {
      applicant: { subject: 'sub_khan' },
      applicationId: pritchards,
    });
    const missing = tenancyPdfForApplicant(deps, {
      applicant: gareth,
      applicationId: 'app_fedcba9876543210fedcba9876543210',
    });

    // Assess
    await expect(theirs).rejects.toThrow(NotFoundError);
    await expect(missing).rejects.toThrow(NotFoundError);
  });

  it('answers NotFoundError while there is no agreement yet', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create(registered());

    // Act
    const run = tenancyPdfForApplicant(deps, { applicant: gareth, applicationId: pritchards });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
  });

  it('refuses to hand out a stored PDF that does not match the record', async () => {
    // Prepare
    const { deps, tenancyId } = await prepared();
    await deps.documents.put(
      agreementKey(tenancyId),
      Buffer.from('%PDF-1.7 something else'),
      'application/pdf',
    );

    // Act
    const run = tenancyPdfForApplicant(deps, { applicant: gareth, applicationId: pritchards });

    // Assess
    await expect(run).rejects.toThrow(/does not match its record/);
  });
});
