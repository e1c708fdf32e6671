import { createHash } from 'node:crypto';
import type { Application } from '../../../shared/domain/application';
import type { Property } from '../../../shared/domain/letting';
import { Stage } from '../../../shared/domain/stage';
import { ConflictError, JourneyStateError, NotFoundError } from '../../../shared/ports';
import { approveOffer, closeOffer, completeLet, makeOffer } from '../../../shared/services/letting-stages';
import { prepareTenancy } from '../../../shared/services/tenancy-stage';
import { recordTenantSignature } from '../../../shared/services/tenant-signature';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const khans = 'app_fedcba9876543210fedcba9876543210';

function registered(overrides: Partial<Application> = {}): Application {
  return aCompleteApplication({
    stage: Stage.Registered,
    status: 'registered',
    registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 },
    ...overrides,
  });
}

async function given(applications: Application[], homes: Property[]): Promise<MemoryDeps> {
  const deps = memoryDeps();
  for (const application of applications) await deps.applications.create(application);
  for (const home of homes) await deps.lettings.putHome(home);
  return deps;
}

async function stored(deps: MemoryDeps, applicationId = pritchards): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('the application was not stored');
  return application;
}

/** Makes an offer and an officer approves it (it is live); returns its id, failing the test when there is none. */
async function offered(deps: MemoryDeps, applicationId = pritchards): Promise<string> {
  const result = await makeOffer(deps, { applicationId });
  if (!result.offerId) throw new Error('no offer was made');
  await approveOffer(deps, { applicationId, offerId: result.offerId });
  return result.offerId;
}

describe('makeOffer', () => {
  it('proposes the smallest home that fits, which stays available until an officer approves the offer', async () => {
    // Prepare
    const deps = await given(
      [registered()],
      [
        aHome({ propertyId: 'prop_riverside-1bed', bedrooms: 1 }),
        aHome({ propertyId: 'prop_riverside-3bed', bedrooms: 3 }),
        aHome({ propertyId: 'prop_riverside-2bed', bedrooms: 2 }),
      ],
    );

    // Act
    const result = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    expect(result.outcome).toBe('offered');
    const offer = deps.lettings.offers.get(result.offerId ?? '');
    expect(offer).toMatchObject({
      applicationId: pritchards,
      propertyId: 'prop_riverside-2bed',
      status: 'awaiting-approval',
    });
    expect(offer?.reasons[0]?.rule).toBe('matching.bedrooms');
    expect(deps.lettings.homes.get('prop_riverside-2bed')?.status).toBe('available');
    expect(deps.lettings.homes.get('prop_riverside-3bed')?.status).toBe('available');
    const application = await stored(deps);
    expect(application.status).toBe('offered');
    expect(application.currentOfferId).toBe(result.offerId);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'offer-made',
        facts: { offerId: result.offerId, propertyId: 'prop_riverside-2bed' },
      }),
    ]);
  });

  it('returns the same offer when the stage runs again', async () => {
    // Prepare
    const deps = await given([registered()], [aHome(), aHome({ propertyId: 'prop_riverside-15' })]);
    const first = await makeOffer(deps, { applicationId: pritchards });

    // Act
    const second = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    expect(second).toEqual(first);
    expect(deps.lettings.offers.size).toBe(1);
    expect(deps.lettings.homes.get('prop_riverside-15')?.status).toBe('available');
  });

  it("explains the home's under-occupancy and affordability in the offer, after the match", async () => {
    // Prepare: the Pritchards (a couple, girls of 12 and 6) have not said whether they get help with rent, so
    // Universal Credit is assumed; its size criteria allow them 2 bedrooms.
    const deps = await given([registered()], [aHome({ bedrooms: 2, weeklyRent: 11_250 })]);

    // Act
    const result = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    const offer = deps.lettings.offers.get(result.offerId ?? '');
    expect(offer?.reasons.map((reason) => reason.rule)).toEqual([
      'matching.bedrooms',
      'under-occupancy.0',
      'affordability.help.universal-credit',
      'affordability.affordable',
    ]);
    expect(offer?.reasons[1]?.clause).toBe('Universal Credit Regulations 2013 Sch 4 para 36');
    expect(offer?.reasons[3]?.clause).toMatch(
      /^Riverside Council allocation scheme \(policy riverside-council@2026-04\): affordability/,
    );
  });

  it('says a larger home than the size criteria allow would lose 14% of the help with rent', async () => {
    // Prepare
    const deps = await given([registered()], [aHome({ bedrooms: 3 })]);

    // Act
    const result = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    const offer = deps.lettings.offers.get(result.offerId ?? '');
    expect(offer?.reasons[1]).toMatchObject({ rule: 'under-occupancy.14', answer: '1' });
  });

  it('says an officer will talk the costs through when the income is not known yet', async () => {
    // Prepare
    const complete = registered();
    const { income: _unknown, ...profile } = complete.profile;
    const deps = await given([{ ...complete, profile }], [aHome()]);

    // Act
    const result = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    const offer = deps.lettings.offers.get(result.offerId ?? '');
    expect(offer?.reasons.at(-1)).toMatchObject({ rule: 'affordability.not-assessed' });
    expect(offer?.reasons.at(-1)?.text).toContain('An officer will talk the costs through with you');
  });

  it('answers no-home when nothing has enough bedrooms', async () => {
    // Prepare
    const deps = await given([registered()], [aHome({ bedrooms: 1 })]);

    // Act
    const result = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    expect(result).toEqual({ outcome: 'no-home' });
    expect((await stored(deps)).status).toBe('registered');
  });

  it('refuses to offer a home to a household that is not registered', async () => {
    // Prepare
    const deps = await given([aCompleteApplication()], [aHome()]);

    // Act
    const run = makeOffer(deps, { applicationId: pritchards });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect(deps.lettings.offers.size).toBe(0);
  });

  it('proposes the same home to two households at once; only one approval can make its offer live', async () => {
    // Prepare
    const deps = await given([registered(), registered({ applicationId: khans })], [aHome()]);

    // Act
    const results = await Promise.all([
      makeOffer(deps, { applicationId: pritchards }),
      makeOffer(deps, { applicationId: khans }),
    ]);
    const approvals = await Promise.allSettled(
      results.map((result, index) =>
        approveOffer(deps, {
          applicationId: [pritchards, khans][index] ?? '',
          offerId: result.offerId ?? '',
        }),
      ),
    );

    // Assess
    expect(results.map((result) => result.outcome)).toEqual(['offered', 'offered']);
    expect(approvals.map((approval) => approval.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = approvals.find((approval) => approval.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    expect(refused?.status === 'rejected' && refused.reason.message).toMatch(/already has a live offer/);
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('offered');
  });
});

describe('closeOffer', () => {
  it('frees the home and returns the household to the register', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);

    // Act
    const result = await closeOffer(deps, {
      applicationId: pritchards,
      offerId,
      status: 'refused',
      reason: 'Too far from school',
    });

    // Assess
    expect(result).toEqual({ outcome: 'refused' });
    expect(deps.lettings.offers.get(offerId)).toMatchObject({
      status: 'refused',
      closedReason: 'Too far from school',
    });
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('available');
    const application = await stored(deps);
    expect(application.status).toBe('registered');
    expect(application.currentOfferId).toBeUndefined();
    expect(deps.audit.events.map((event) => event.type)).toEqual([
      'offer-made',
      'offer-approved',
      'offer-refused',
    ]);
  });

  it("closes the household's live offer when no offer is named", async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);

    // Act
    const result = await closeOffer(deps, {
      applicationId: pritchards,
      status: 'withdrawn',
      reason: 'Officer closed the case',
    });

    // Assess
    expect(result).toEqual({ outcome: 'withdrawn' });
    expect(deps.lettings.offers.get(offerId)?.status).toBe('withdrawn');
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('available');
  });

  it('answers no-offer when the household has no live offer', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);

    // Act
    const result = await closeOffer(deps, {
      applicationId: pritchards,
      status: 'withdrawn',
      reason: 'Officer closed the case',
    });

    // Assess
    expect(result).toEqual({ outcome: 'no-offer' });
    expect(deps.audit.events).toEqual([]);
  });

  it('offers the household another home next time, never the one it refused', async () => {
    // Prepare
    const deps = await given(
      [registered()],
      [aHome(), aHome({ propertyId: 'prop_riverside-15', availableFrom: '2026-12-01' })],
    );
    const first = await offered(deps);
    await closeOffer(deps, {
      applicationId: pritchards,
      offerId: first,
      status: 'refused',
      reason: 'Needs a garden',
    });

    // Act
    const second = await makeOffer(deps, { applicationId: pritchards });

    // Assess
    expect(second.outcome).toBe('offered');
    expect(deps.lettings.offers.get(second.offerId ?? '')?.propertyId).toBe('prop_riverside-15');
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('available');
  });
});

describe('prepareTenancy', () => {
  it('builds an assured tenancy in England and hashes its terms', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);

    // Act
    const result = await prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(result.outcome).toBe('prepared');
    const tenancy = deps.lettings.tenancies.get(result.tenancyId);
    expect(tenancy).toMatchObject({
      kind: 'assured-tenancy',
      tenants: ['Gareth Pritchard', 'Nia Pritchard'],
      startDate: '2026-11-20',
      weeklyRent: 11_250,
      status: 'awaiting-signature',
    });
    expect(tenancy?.terms.join(' ')).toContain('£112.50 a week');
    expect(tenancy?.termsSha256).toBe(
      createHash('sha256')
        .update(tenancy?.terms.join('\n') ?? '')
        .digest('hex'),
    );
  });

  it('starts a tenancy today when the home is already available', async () => {
    // Prepare
    const deps = await given([registered()], [aHome({ availableFrom: '2026-10-01' })]);
    const offerId = await offered(deps);

    // Act
    const { tenancyId } = await prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(deps.lettings.tenancies.get(tenancyId)?.startDate).toBe('2026-11-02');
  });

  it('returns the same tenancy when the stage runs again', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);
    const first = await prepareTenancy(deps, { applicationId: pritchards, offerId });
    deps.clock.advanceDays(1);

    // Act
    const second = await prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(second).toEqual(first);
    expect(deps.lettings.tenancies.size).toBe(1);
    expect(deps.audit.events.filter((event) => event.type === 'tenancy-prepared')).toHaveLength(1);
  });

  it('gives a secure occupation contract in Wales', async () => {
    // Prepare
    const deps = await given(
      [registered({ landlordId: 'cwm-valley-homes', policyId: 'cwm-valley' })],
      [aHome({ propertyId: 'prop_cwm-7', landlordId: 'cwm-valley-homes' })],
    );
    const offerId = await offered(deps);

    // Act
    const { tenancyId } = await prepareTenancy(deps, { applicationId: pritchards, offerId });

    // Assess
    const tenancy = deps.lettings.tenancies.get(tenancyId);
    expect(tenancy?.kind).toBe('secure-occupation-contract');
    expect(tenancy?.terms[0]).toContain('Renting Homes (Wales) Act 2016');
  });

  it("answers NotFoundError for another household's offer", async () => {
    // Prepare
    const deps = await given([registered(), registered({ applicationId: khans })], [aHome()]);
    const offerId = await offered(deps);

    // Act
    const run = prepareTenancy(deps, { applicationId: khans, offerId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(deps.lettings.tenancies.size).toBe(0);
  });
});

describe('signing', () => {
  async function prepared(deps: MemoryDeps) {
    const offerId = await offered(deps);
    const { tenancyId } = await prepareTenancy(deps, { applicationId: pritchards, offerId });
    const termsSha256 = deps.lettings.tenancies.get(tenancyId)?.termsSha256 ?? '';
    return { offerId, tenancyId, termsSha256 };
  }

  it('records a signature on the exact terms the tenant read', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const { offerId, termsSha256 } = await prepared(deps);

    // Act
    const tenancy = await recordTenantSignature(deps, { applicationId: pritchards, offerId, termsSha256 });

    // Assess
    expect(tenancy.tenantSignature).toEqual({
      termsSha256,
      at: '2026-11-02T09:30:00.000Z',
      identity: 'applicant-session',
    });
    // Recorded, not yet applied: the signing stage puts it in the PDF and countersigns.
    expect(tenancy.status).toBe('awaiting-signature');
    expect(deps.lettings.tenancies.get(tenancy.tenancyId)).toEqual(tenancy);
  });

  it('rejects a signature on terms that are not the agreement', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const { offerId, tenancyId } = await prepared(deps);

    // Act
    const run = recordTenantSignature(deps, {
      applicationId: pritchards,
      offerId,
      termsSha256: 'a'.repeat(64),
    });

    // Assess
    await expect(run).rejects.toThrow(ConflictError);
    expect(deps.lettings.tenancies.get(tenancyId)?.tenantSignature).toBeUndefined();
  });
});

describe('completeLet', () => {
  it('marks the offer, the home and the application let', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);

    // Act
    const result = await completeLet(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(result).toEqual({ outcome: 'let' });
    expect(deps.lettings.offers.get(offerId)?.status).toBe('let');
    expect(deps.lettings.homes.get('prop_riverside-14')?.status).toBe('let');
    const application = await stored(deps);
    expect(application.status).toBe('let');
    expect(application.stage).toBe(Stage.Let);
    // The passport is kept 30 days after the let, then deleted (shared/domain/documents.ts).
    const thirtyDaysLater = new Date(deps.clock.now().getTime() + 30 * 24 * 60 * 60 * 1000).toISOString();
    expect(application.documents.map((document) => document.deleteAfter)).toEqual([thirtyDaysLater]);
  });

  it('records the let once when the stage runs again', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);
    await completeLet(deps, { applicationId: pritchards, offerId });

    // Act
    await completeLet(deps, { applicationId: pritchards, offerId });

    // Assess
    expect(deps.audit.events.filter((event) => event.type === 'let')).toHaveLength(1);
  });

  it('writes the letting to the lettings log once, even when the stage runs again a day later', async () => {
    // Prepare
    const deps = await given([registered()], [aHome()]);
    const offerId = await offered(deps);
    const { tenancyId } = await prepareTenancy(deps, { applicationId: pritchards, offerId });
    const letDay = deps.clock.now().toISOString().slice(0, 10);
    await completeLet(deps, { applicationId: pritchards, offerId });
    deps.clock.advanceDays(1);

    // Act
    await completeLet(deps, { applicationId: pritchards, offerId });

    // Assess
    const log = await deps.lettings.listLettingsLog('riverside-homes', '2020-01-01', '2030-12-31');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ tenancyId, offerId, letDate: letDay, postcode: 'RV2 7QT' });
  });
});
