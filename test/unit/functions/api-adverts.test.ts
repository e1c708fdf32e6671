import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import type { Application } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { closeOffer, makeOffer, nextOffer } from '../../../shared/services/letting-stages';
import { syncRegister } from '../../../shared/services/register-index';
import { requestCode, verifyCode } from '../../../shared/services/sessions';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { anHttpEvent, type Claims, cwmOfficer, riversideOfficer } from '../../support/http-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/**
 * Choice-based lettings through the API (issue 8): an officer advertises a home, households see the adverts
 * with whether each home fits them, say they are interested, and the home goes to the interested households in
 * the shortlist's order.
 */

const pritchards = 'app_0123456789abcdef0123456789abcdef';
const khans = 'app_fedcba9876543210fedcba9876543210';
const owens = 'app_00000000000000000000000000000001';
const home = 'prop_riverside-14';
const bigHome = 'prop_riverside-big';

type Answer = { status: number; body: Record<string, unknown> & { error?: string } };

async function signIn(deps: MemoryDeps, email: string) {
  await requestCode(deps, { email });
  return verifyCode(deps, { email, code: deps.notifier.sent.at(-1)?.values.code });
}

function registered(applicationId: string, ownerId: string, band: 'A' | 'B', bedroomNeed = 2): Application {
  return aCompleteApplication({
    applicationId,
    ownerId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band, effectiveDate: '2026-01-10', bedroomNeed },
  });
}

async function aWorld() {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  const gareth = await signIn(deps, 'gareth.pritchard@example.org');
  const aisha = await signIn(deps, 'aisha.khan@example.org');
  const owen = await signIn(deps, 'owen.owens@example.org');
  for (const application of [
    registered(pritchards, gareth.subject, 'B'),
    registered(khans, aisha.subject, 'A', 3),
    registered(owens, owen.subject, 'A'),
  ]) {
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
  }
  await deps.lettings.putHome(aHome());
  await deps.lettings.putHome(aHome({ propertyId: bigHome, bedrooms: 3, address: '9 Mill Lane, Riverside' }));
  const api = createHandler(() => deps);
  const call = async (input: Parameters<typeof anHttpEvent>[0]): Promise<Answer> => {
    const response = (await api(
      anHttpEvent(input),
      aLambdaContext('doorstep-api'),
    )) as APIGatewayProxyStructuredResultV2;
    return { status: response.statusCode ?? 0, body: JSON.parse(response.body ?? 'null') };
  };
  const advertise = (propertyId: string, closesOn: unknown, claims: Claims = riversideOfficer) =>
    call({
      method: 'POST',
      path: `/v1/officer/properties/${propertyId}/advert`,
      routeKey: 'POST /v1/officer/properties/{propertyId}/advert',
      pathParameters: { propertyId },
      claims,
      body: JSON.stringify({ closesOn }),
    });
  const adverts = (applicationId: string, token: string) =>
    call({
      method: 'GET',
      path: `/v1/applications/${applicationId}/adverts`,
      routeKey: 'GET /v1/applications/{applicationId}/adverts',
      pathParameters: { applicationId },
      cookies: [`doorstep_session=${token}`],
    });
  const interest = (applicationId: string, propertyId: string, token: string) =>
    call({
      method: 'POST',
      path: `/v1/applications/${applicationId}/adverts/${propertyId}/interest`,
      routeKey: 'POST /v1/applications/{applicationId}/adverts/{propertyId}/interest',
      pathParameters: { applicationId, propertyId },
      cookies: [`doorstep_session=${token}`],
    });
  return { deps, gareth, aisha, owen, advertise, adverts, interest };
}

describe('advertising a home', () => {
  it('advertises an available home until a closing date, and records who did', async () => {
    const { deps, advertise } = await aWorld();
    const response = await advertise(home, '2026-12-06');
    expect(response).toEqual({
      status: 200,
      body: {
        propertyId: home,
        landlordId: 'riverside-homes',
        advertisedOn: '2026-11-29',
        closesOn: '2026-12-06',
      },
    });
    expect(deps.audit.events.at(-1)).toMatchObject({
      applicationId: home,
      type: 'home-advertised',
      facts: { officerId: 'officer-ellis', closesOn: '2026-12-06' },
    });
  });

  it('answers 400 with the reason for a closing date in the past, too far ahead or malformed', async () => {
    const { advertise } = await aWorld();
    const past = await advertise(home, '2026-11-28');
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('The closing date cannot be in the past');
    const far = await advertise(home, '2027-01-31');
    expect(far.status).toBe(400);
    expect(JSON.stringify(far.body)).toContain('at most 28 days');
    expect((await advertise(home, 'next week')).status).toBe(400);
  });

  it('answers 404 for another landlord’s home and 409 for a home with a live offer', async () => {
    const { deps, advertise } = await aWorld();
    expect((await advertise(home, '2026-12-06', cwmOfficer)).status).toBe(404);
    await deps.lettings.putHome(aHome({ status: 'offered' }));
    const taken = await advertise(home, '2026-12-06');
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/Only an available home can be advertised/);
  });
});

describe('choosing homes', () => {
  it('shows each household the adverts open today, whether the home fits it and why not', async () => {
    const { advertise, adverts, aisha } = await aWorld();
    await advertise(home, '2026-12-06');
    await advertise(bigHome, '2026-12-03');

    const response = await adverts(khans, aisha.token);

    expect(response.status).toBe(200);
    const list = response.body.adverts as Array<Record<string, unknown>>;
    expect(list.map((advert) => [advert.propertyId, advert.fits, advert.interested])).toEqual([
      [bigHome, true, false],
      [home, false, false],
    ]);
    expect(JSON.stringify(list[1]?.reasons)).toContain('The household needs 3 bedrooms');
  });

  it('records interest once, and refuses a home that does not fit, a closed advert and a missing one', async () => {
    const { deps, advertise, adverts, interest, gareth, aisha } = await aWorld();
    await advertise(home, '2026-12-06');

    expect(await interest(pritchards, home, gareth.token)).toEqual({
      status: 200,
      body: { propertyId: home, interested: true },
    });
    expect((await interest(pritchards, home, gareth.token)).status).toBe(200);
    expect(deps.audit.events.filter((event) => event.type === 'interest-expressed')).toHaveLength(1);
    const shown = (await adverts(pritchards, gareth.token)).body.adverts as Array<{ interested: boolean }>;
    expect(shown[0]?.interested).toBe(true);

    const unfit = await interest(khans, home, aisha.token);
    expect(unfit.status).toBe(409);
    expect(unfit.body.error).toMatch(/does not fit your household: The household needs 3 bedrooms/);
    expect((await interest(khans, bigHome, aisha.token)).status).toBe(404);

    await deps.lettings.putAdvert({
      propertyId: bigHome,
      landlordId: 'riverside-homes',
      advertisedOn: '2026-11-20',
      closesOn: '2026-11-28',
    });
    const closed = await interest(khans, bigHome, aisha.token);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatch(/advert has closed/);
  });

  it('answers 404 for another applicant’s application, and 401 without a session', async () => {
    const { advertise, adverts, interest, aisha } = await aWorld();
    await advertise(home, '2026-12-06');
    expect((await adverts(pritchards, aisha.token)).status).toBe(404);
    expect((await interest(pritchards, home, aisha.token)).status).toBe(404);
    expect((await adverts(pritchards, 'not-a-session')).status).toBe(401);
  });
});

describe('offering an advertised home', () => {
  it('shows officers who is interested, and after a refusal offers it to the next interested household only', async () => {
    // Prepare: the Owens (band A) and the Pritchards (band B) say they are interested; the Khans are not.
    const { deps, advertise, interest, gareth, owen } = await aWorld();
    await deps.lettings.putHome(aHome({ bedrooms: 3 }));
    await advertise(home, '2026-12-06');
    await interest(pritchards, home, gareth.token);
    await interest(owens, home, owen.token);

    // Act: the Owens are offered it, with choice as the reason, and refuse.
    const { offerId } = await makeOffer(deps, { applicationId: owens, propertyId: home });
    const offer = deps.lettings.offers.get(offerId ?? '');
    await closeOffer(deps, {
      applicationId: owens,
      offerId: offerId ?? '',
      status: 'refused',
      reason: 'Too far',
    });
    const next = await nextOffer(deps, { applicationId: owens, offerId: offerId ?? '' });

    // Assess: the Khans (band A, first on the shortlist) did not choose the home, so the Pritchards are next.
    expect(offer?.reasons[0]).toMatchObject({ rule: 'matching.choice' });
    expect(offer?.reasons[0]?.clause).toContain('Housing Act 1996 s166A(2)');
    expect(next).toMatchObject({ outcome: 'next', applicationId: pritchards });
  });
});
