import type { Application } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { syncRegister } from '../../../shared/services/register-index';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aWebApp, ellisIdentity, errorSummaryOf, titleOf } from './browser';

/** A home's shortlist in the console: who it fits in order, a direct offer button, and an advert form. */

/** Ellis lets homes for Riverside Homes. */
const officers = ellisIdentity();
const pritchards = 'app_0123456789abcdef0123456789abcdef';
const khans = 'app_fedcba9876543210fedcba9876543210';
const shortlist = '/officer/homes/prop_riverside-14/shortlist';

function registered(applicationId: string, band: 'A' | 'B', bedroomNeed: number): Application {
  return aCompleteApplication({
    applicationId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band, effectiveDate: '2026-01-10', bedroomNeed },
  });
}

async function ellisSignedIn() {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  for (const application of [registered(pritchards, 'B', 2), registered(khans, 'A', 3)]) {
    await deps.applications.create(application);
    await syncRegister(deps.applications, application);
  }
  await deps.lettings.putHome(aHome());
  const browser = aWebApp({ deps, officers }).browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  return { deps, browser };
}

describe('a home’s shortlist in the console', () => {
  it('lists the households the home fits with an offer button each, and why the others are not on it', async () => {
    const { browser } = await ellisSignedIn();

    const page = await browser.get(shortlist);

    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('Shortlist: Flat 3, 14 Weaver Court, Riverside');
    expect(page.body).toContain(`value="${pritchards}"`);
    expect(page.body).not.toContain(`value="${khans}"`);
    expect(page.body).toContain('Households the home does not fit (1)');
    expect(page.body).toContain('The household needs 3 bedrooms');
  });

  it('offers the home to a household with one button: its Letting starts, for approval from the queue', async () => {
    const { deps, browser } = await ellisSignedIn();
    await browser.get(shortlist);

    const posted = await browser.post('/officer/homes/prop_riverside-14/offers', {
      applicationId: pritchards,
    });
    const page = await browser.get(posted.headers.location ?? '');

    expect(posted.status).toBe(303);
    expect(page.body).toContain(`The home is proposed to ${pritchards}`);
    expect(deps.workflow.lettings).toEqual([
      expect.objectContaining({ applicationId: pritchards, propertyId: 'prop_riverside-14' }),
    ]);
  });

  it('refuses to offer the home to a household it does not fit, saying why', async () => {
    const { deps, browser } = await ellisSignedIn();
    await browser.get(shortlist);

    const refused = await browser.post('/officer/homes/prop_riverside-14/offers', { applicationId: khans });

    expect(refused.status).toBe(409);
    expect(errorSummaryOf(refused.body)).toEqual([
      { href: '#shortlist', text: expect.stringContaining('This home does not fit the household') },
    ]);
    expect(refused.body).toContain(`value="${pritchards}"`);
    expect(deps.workflow.lettings).toEqual([]);
  });

  it('advertises the home until a closing date, and shows who said they are interested', async () => {
    const { deps, browser } = await ellisSignedIn();
    await browser.get(shortlist);

    const posted = await browser.post('/officer/homes/prop_riverside-14/advert', {
      'closesOn-day': '6',
      'closesOn-month': '12',
      'closesOn-year': '2026',
    });
    await deps.lettings.putBid({
      propertyId: 'prop_riverside-14',
      applicationId: pritchards,
      at: '2026-11-30T10:00:00.000Z',
    });
    const page = await browser.get(shortlist);

    expect(posted.status).toBe(303);
    expect(page.body).toContain('bidding closes 6 December 2026');
    expect(page.body).toContain('1 household said they are interested');
    expect(page.body).toContain('Interested');
  });

  it('shows the reason beside the date when the closing date is in the past', async () => {
    const { deps, browser } = await ellisSignedIn();
    await browser.get(shortlist);

    const page = await browser.post('/officer/homes/prop_riverside-14/advert', {
      'closesOn-day': '1',
      'closesOn-month': '11',
      'closesOn-year': '2026',
    });

    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.body)).toEqual([
      { href: '#closesOn-day', text: 'The closing date cannot be in the past' },
    ]);
    expect(await deps.lettings.getAdvert('prop_riverside-14')).toBeUndefined();
  });
});
