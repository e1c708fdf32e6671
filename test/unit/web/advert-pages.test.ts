import { Stage } from '../../../shared/domain/stage';
import { syncRegister } from '../../../shared/services/register-index';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, signIn, titleOf } from './browser';

/** Choice-based lettings on the web: the homes a registered household can choose, and one button to say so. */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

async function aRegisteredHousehold() {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  const application = aCompleteApplication({
    ownerId: subject,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
  });
  await app.deps.applications.create(application);
  await syncRegister(app.deps.applications, application);
  await app.deps.lettings.putHome(aHome());
  await app.deps.lettings.putHome(
    aHome({ propertyId: 'prop_riverside-small', bedrooms: 1, address: '2 Quay Street, Riverside' }),
  );
  for (const propertyId of ['prop_riverside-14', 'prop_riverside-small'])
    await app.deps.lettings.putAdvert({
      propertyId,
      landlordId: 'riverside-homes',
      advertisedOn: '2026-11-01',
      closesOn: '2026-11-09',
    });
  return { app, browser };
}

describe('the homes a household can choose', () => {
  it('links the page from the status page once the household is on the register', async () => {
    const { browser } = await aRegisteredHousehold();
    const status = await browser.get(`${base}/status`);
    expect(status.body).toContain(`href="${base}/homes"`);
  });

  it('lists the homes that fit with a button each, and says why the others do not fit', async () => {
    const { browser } = await aRegisteredHousehold();

    const page = await browser.get(`${base}/homes`);

    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('Homes you can choose');
    expect(page.body).toContain('Flat 3, 14 Weaver Court, Riverside');
    expect(page.body).toContain(`action="${base}/homes/prop_riverside-14/interest"`);
    expect(page.body).not.toContain(`action="${base}/homes/prop_riverside-small/interest"`);
    expect(page.body).toContain('Homes advertised that do not fit your household (1)');
    expect(page.body).toContain('2 Quay Street, Riverside has 1');
  });

  it('records interest with one button, without JavaScript, and shows it (post, redirect, get)', async () => {
    const { app, browser } = await aRegisteredHousehold();
    await browser.get(`${base}/homes`);

    const posted = await browser.post(`${base}/homes/prop_riverside-14/interest`);
    const page = await browser.get(posted.headers.location ?? '');

    expect(posted.status).toBe(303);
    expect(page.body).toContain(
      'We have recorded that you are interested in Flat 3, 14 Weaver Court, Riverside',
    );
    expect(page.body).toContain('You are interested');
    expect(page.body).not.toContain(`action="${base}/homes/prop_riverside-14/interest"`);
    expect(app.deps.lettings.bids).toEqual([
      expect.objectContaining({ propertyId: 'prop_riverside-14', applicationId }),
    ]);
  });

  it('refuses a home that does not fit with the reason, and a post without the CSRF token', async () => {
    const { app, browser } = await aRegisteredHousehold();
    await browser.get(`${base}/homes`);

    const unfit = await browser.post(`${base}/homes/prop_riverside-small/interest`);
    const forged = await browser.post(`${base}/homes/prop_riverside-14/interest`, { _csrf: 'forged' });

    expect(unfit.status).toBe(409);
    expect(errorSummaryOf(unfit.body)).toEqual([
      {
        href: '#home-prop_riverside-small',
        text: expect.stringContaining('This home does not fit your household'),
      },
    ]);
    // Back on the same page, with the homes still there to choose from.
    expect(unfit.body).toContain(`action="${base}/homes/prop_riverside-14/interest"`);
    expect(forged.status).toBe(403);
    expect(app.deps.lettings.bids).toEqual([]);
  });

  it('shows a Welsh applicant the homes, why the others do not fit, and the refusal, in Welsh', async () => {
    // Prepare
    const { browser } = await aRegisteredHousehold();

    // Act
    const page = await browser.get(`${base}/homes?lang=cy`);
    const unfit = await browser.post(`${base}/homes/prop_riverside-small/interest`);

    // Assess
    expect(titleOf(page.body)).toContain('Cartrefi y gallwch eu dewis');
    expect(page.body).toContain('Cartrefi sy’n cael eu hysbysebu nad ydynt yn addas i’ch aelwyd (1)');
    expect(page.body).toContain(
      'Mae angen 2 ystafell wely ar yr aelwyd; mae gan 2 Quay Street, Riverside 1.',
    );
    expect(page.body).not.toContain('The household needs');
    expect(errorSummaryOf(unfit.body)).toEqual([
      {
        href: '#home-prop_riverside-small',
        text: 'Dydy’r cartref hwn ddim yn addas i’ch aelwyd: Mae angen 2 ystafell wely ar yr aelwyd; mae gan 2 Quay Street, Riverside 1.',
      },
    ]);
  });

  it('answers another applicant with 404', async () => {
    const { app } = await aRegisteredHousehold();
    const stranger = app.browser();
    await signIn(app.deps, stranger, 'aisha.rahman@example.org');
    expect((await stranger.get(`${base}/homes`)).status).toBe(404);
  });
});
