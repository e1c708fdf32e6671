import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { makeOffer } from '../../../shared/services/letting-stages';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { aLetting } from '../../fixtures/lettings';
import { memoryDeps } from '../../support/memory';
import {
  aWebApp,
  ellisIdentity,
  errorSummaryOf,
  fieldErrorOf,
  inputValueOf,
  signIn,
  titleOf,
} from './browser';

/** Ellis lets homes for Riverside Homes. */
const officers = ellisIdentity();

/** A first-floor sheltered flat for over-55s, as Ellis types it into the form. */
const orchardHouse = {
  address: 'Flat 4, Orchard House, Riverside',
  postcode: 'rv3 9lq',
  bedrooms: '1',
  bedSpaces: '2',
  weeklyRent: '105.00',
  weeklyServiceCharge: '£18.75',
  'availableFrom-day': '14',
  'availableFrom-month': '12',
  'availableFrom-year': '2026',
  tenure: 'sheltered',
  accessibility: ['step-free', 'level-access-shower'],
  floor: '1',
  petsAllowed: 'no',
  minimumAge: '55',
  localConnectionYears: '',
  viewing: 'Call the scheme manager on 01632 960 456.',
  doorId: '',
};

/** Ellis, signed in, with Riverside's offered Weaver Court flat and Cwm Valley's home in the stores. */
async function ellisSignedIn() {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putHome(aHome({ status: 'offered' }));
  await deps.lettings.putHome(
    aHome({ propertyId: 'prop_cwm-1', landlordId: 'cwm-valley-homes', address: '5 Heol y Parc, Cwm' }),
  );
  const browser = aWebApp({ deps, officers }).browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  return { deps, browser };
}

describe('the console’s Homes pages', () => {
  it('links Homes from the queue and lists only the landlord’s homes, with status, rent and a Change link', async () => {
    // Prepare
    const { browser } = await ellisSignedIn();

    // Act
    const queue = await browser.get('/officer');
    const homes = await browser.get('/officer/homes');

    // Assess
    expect(queue.body).toContain('href="/officer/homes"');
    expect(homes.status).toBe(200);
    expect(titleOf(homes.body)).toBe('Homes – Doorstep lettings console');
    expect(homes.body).toContain('Flat 3, 14 Weaver Court, Riverside, RV2 7QT');
    expect(homes.body).toMatch(/govuk-tag--yellow">\s*offered/);
    expect(homes.body).toContain('£112.50');
    expect(homes.body).toContain('href="/officer/homes/prop_riverside-14"');
    expect(homes.body).toContain('href="/officer/homes/new"');
    expect(homes.body).not.toContain('Heol y Parc');
  });

  it('adds a home from the form, in pence, with its features, and goes back to the list', async () => {
    // Prepare
    const { browser, deps } = await ellisSignedIn();
    await browser.get('/officer/homes/new');

    // Act
    const response = await browser.post('/officer/homes/new', orchardHouse);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/officer/homes');
    const added = (await deps.lettings.listHomes('riverside-homes')).find(
      (home) => home.status === 'available',
    );
    expect(added).toEqual({
      propertyId: expect.stringMatching(/^prop_/),
      landlordId: 'riverside-homes',
      status: 'available',
      address: 'Flat 4, Orchard House, Riverside',
      postcode: 'RV3 9LQ',
      bedrooms: 1,
      bedSpaces: 2,
      weeklyRent: 10_500,
      weeklyServiceCharge: 1_875,
      availableFrom: '2026-12-14',
      tenure: 'sheltered',
      accessibility: ['step-free', 'level-access-shower'],
      floor: 1,
      petsAllowed: false,
      localLettings: { minimumAge: 55 },
      viewing: 'Call the scheme manager on 01632 960 456.',
      doorId: expect.stringMatching(/^door-/),
    });
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'home-added',
        facts: expect.objectContaining({ officerId: 'officer-ellis' }),
      }),
    ]);
  });

  it('shows each problem in the error summary and beside its field, keeping what was typed', async () => {
    // Prepare
    const { browser, deps } = await ellisSignedIn();
    await browser.get('/officer/homes/new');

    // Act
    const response = await browser.post('/officer/homes/new', {
      ...orchardHouse,
      address: '',
      weeklyRent: '-20',
      weeklyServiceCharge: 'twelve',
      'availableFrom-month': '13',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: Add a home – Doorstep lettings console');
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#address', text: 'Enter the address' },
      { href: '#weeklyRent', text: 'The weekly rent cannot be negative' },
      { href: '#weeklyServiceCharge', text: 'Enter an amount in pounds and pence, like 112.50' },
      { href: '#availableFrom-day', text: 'Give the date it is available from, like 2026-12-01' },
    ]);
    expect(fieldErrorOf(response.body, 'weeklyRent')).toBe('The weekly rent cannot be negative');
    expect(inputValueOf(response.body, 'postcode')).toBe('rv3 9lq');
    expect(response.body).toMatch(/value="level-access-shower" checked/);
    expect(await deps.lettings.listHomes('riverside-homes')).toHaveLength(1);
  });

  it('changes a home from a form filled in with what it has, keeping its status', async () => {
    // Prepare
    const { browser, deps } = await ellisSignedIn();
    const form = await browser.get('/officer/homes/prop_riverside-14');

    // Act
    const response = await browser.post('/officer/homes/prop_riverside-14', {
      address: 'Flat 3, 14 Weaver Court, Riverside',
      postcode: 'RV2 7QT',
      bedrooms: '2',
      weeklyRent: '115.25',
      'availableFrom-day': '20',
      'availableFrom-month': '11',
      'availableFrom-year': '2026',
      petsAllowed: 'yes',
      doorId: 'door-weaver-14-3',
    });

    // Assess
    expect(titleOf(form.body)).toBe('Change a home – Doorstep lettings console');
    expect(inputValueOf(form.body, 'weeklyRent')).toBe('112.50');
    expect(inputValueOf(form.body, 'availableFrom-year')).toBe('2026');
    expect(response.status).toBe(303);
    expect(await deps.lettings.getHome('prop_riverside-14')).toEqual({
      ...aHome({ status: 'offered' }),
      weeklyRent: 11_525,
      petsAllowed: true,
    });
  });

  it('answers another landlord’s home as a page not found, and changes nothing', async () => {
    // Prepare
    const { browser, deps } = await ellisSignedIn();
    await browser.get('/officer/homes/prop_riverside-14');

    // Act
    const change = await browser.post('/officer/homes/prop_cwm-1', orchardHouse);
    const page = await browser.get('/officer/homes/prop_cwm-1');

    // Assess
    expect(page.status).toBe(404);
    expect(change.status).toBe(404);
    expect((await deps.lettings.getHome('prop_cwm-1'))?.address).toBe('5 Heol y Parc, Cwm');
  });

  it('refuses a form without its CSRF token with 403, and sends a signed-out visitor to sign in', async () => {
    // Prepare
    const { browser, deps } = await ellisSignedIn();
    const stranger = aWebApp({ deps, officers }).browser();

    // Act
    const forged = await browser.send('POST', '/officer/homes/new', {
      body: new URLSearchParams({ ...orchardHouse, accessibility: 'step-free' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const signedOut = await stranger.get('/officer/homes');

    // Assess
    expect(forged.status).toBe(403);
    expect(await deps.lettings.listHomes('riverside-homes')).toHaveLength(1);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toBe('/officer/sign-in');
  });
});

describe('the household’s offer page', () => {
  it('shows the home’s service charges beside the rent, and how to view it', async () => {
    // Prepare
    const deps = memoryDeps(new Date('2026-11-02T09:30:00Z'));
    const browser = aWebApp({ deps }).browser();
    const subject = await signIn(deps, browser, 'gareth.pritchard@example.org');
    const { applicationId } = await aLetting(deps, { ownerId: subject, status: 'awaiting-signature' });
    await deps.lettings.putHome({
      ...aHome(),
      weeklyServiceCharge: 1_240,
      viewing: 'Call the Riverside lettings team on 01632 960 123 to arrange a viewing.',
    });
    await awaitPerson(deps, {
      applicationId,
      stage: Stage.Offer,
      kind: 'response',
      waitingFor: WaitingFor.Applicant,
      taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAXJlc3BvbnNl',
    });

    // Act
    const page = await browser.get(`/applications/${applicationId}/offer`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('£112.50 a week, plus £12.40 a week in service charges');
    expect(page.body).toContain('Call the Riverside lettings team on 01632 960 123 to arrange a viewing.');
  });

  it('gives a Welsh household the offer’s reasons in Welsh: the bedrooms, the help with rent, affordability', async () => {
    // Prepare: the Offer stage matches Weaver Court to the Pritchards, who did not say what help with rent they get.
    const deps = memoryDeps(new Date('2026-11-02T09:30:00Z'));
    const browser = aWebApp({ deps }).browser();
    const subject = await signIn(deps, browser, 'gareth.pritchard@example.org');
    const application = aCompleteApplication({
      ownerId: subject,
      status: 'registered',
      stage: Stage.Offer,
      registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 },
    });
    await deps.applications.create(application);
    await deps.lettings.putHome(aHome());
    await makeOffer(deps, { applicationId: application.applicationId });
    await awaitPerson(deps, {
      applicationId: application.applicationId,
      stage: Stage.Offer,
      kind: 'response',
      waitingFor: WaitingFor.Applicant,
      taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAXJlc3BvbnNl',
    });

    // Act
    const welsh = await browser.get(`/applications/${application.applicationId}/offer?lang=cy`);
    const english = await browser.get(`/applications/${application.applicationId}/offer?lang=en`);

    // Assess
    expect(welsh.status).toBe(200);
    expect(welsh.body).toContain('Pam wnaethon ni gynnig y cartref hwn i chi');
    expect(welsh.body).toContain(
      'Mae gan Flat 3, 14 Weaver Court, Riverside 2 ystafell wely; mae angen 2 ar eich aelwyd.',
    );
    expect(welsh.body).toContain('felly rydyn ni wedi cymryd y byddech chi’n hawlio Credyd Cynhwysol.');
    expect(welsh.body).toContain('Ar ôl help gyda chostau tai, byddech chi’n talu');
    expect(welsh.body).not.toContain('After help with housing costs');
    expect(welsh.body).not.toContain('We estimate Universal Credit');
    expect(english.body).toContain(
      'Flat 3, 14 Weaver Court, Riverside has 2 bedrooms; your household needs 2.',
    );
    expect(english.body).toContain('After help with housing costs you would pay');
  });
});
