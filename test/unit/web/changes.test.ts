import type { CurrentHome } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import {
  eligibility,
  household as householdStage,
  qualification,
  registration,
} from '../../../shared/services/application-stages';
import { aCompleteApplication } from '../../fixtures/applications';
import type { MemoryDeps } from '../../support/memory';
import { aWebApp, type Browser, csrfTokenOf, fieldErrorOf, signIn, titleOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

/**
 * Gareth's household, owned by whoever signed in, living in a one-bedroom private let: answers sent, and with
 * `registered` put on Riverside's register by the Application stages, then 30 days pass.
 */
async function gareths(deps: MemoryDeps, ownerId: string, options: { registered: boolean }) {
  const complete = aCompleteApplication({ ownerId });
  const currentHome: CurrentHome = {
    postcode: 'RV1 4AB',
    addressLine: '12 Mill Lane',
    bedrooms: 1,
    tenure: 'private-rent',
  };
  await deps.applications.create({ ...complete, profile: { ...complete.profile, currentHome } });
  if (options.registered) {
    for (const stage of [eligibility, qualification, householdStage, registration]) {
      await stage(deps, { applicationId });
    }
  } else {
    await eligibility(deps, { applicationId });
  }
  deps.clock.advanceDays(30);
}

async function signedInAs(options: { registered: boolean; owner?: 'gareth' | 'someone else' }) {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  await gareths(app.deps, options.owner === 'someone else' ? 'sub_someone_else' : subject, options);
  // A month on, the first session has expired: Gareth signs in again.
  await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  return { deps: app.deps, browser };
}

const stored = async (deps: MemoryDeps) => {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('the application was not stored');
  return application;
};

/** Owain, born ten days before the change is told. */
const owain = {
  firstName: 'Owain',
  lastName: 'Pritchard',
  'dateOfBirth-day': '10',
  'dateOfBirth-month': '11',
  'dateOfBirth-year': '2026',
  sex: 'male',
};

/** The hidden fields a page's form sends back (the CSRF token aside): what the page carries forward. */
function hiddenFieldsOf(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .map(([, name, value]) => [name ?? '', value ?? ''])
      .filter(([name]) => name !== '_csrf'),
  );
}

/** The income form as a person fills it in: pounds, as typed. */
const income = (monthlyEarnings: string) => ({
  monthlyEarnings,
  monthlyBenefits: '0',
  savings: '0',
  housingSupport: 'none',
});

async function openIncome(browser: Browser) {
  await browser.get(`${base}/status`);
  await browser.get(`${base}/changes`);
  return browser.get(`${base}/changes/income`);
}

/** Gareth, registered, has given Owain's details on the change pages and is on Owain's needs page. */
async function owainsNeedsPage() {
  const { deps, browser } = await signedInAs({ registered: true });
  await browser.get(`${base}/changes/household/add/child`);
  const details = await browser.post(`${base}/changes/household/add/child`, owain);
  return { deps, browser, details, before: await stored(deps) };
}

describe('telling us about a change after registration (issue 6)', () => {
  it('links "Tell us about a change" from a registered household’s status page, and lists what can change', async () => {
    // Prepare
    const { browser } = await signedInAs({ registered: true });

    // Act
    const status = await browser.get(`${base}/status`);
    const changes = await browser.get(`${base}/changes`);

    // Assess
    expect(status.body).toContain(`href="${base}/changes"`);
    expect(status.body).toContain('Tell us about a change');
    expect(changes.status).toBe(200);
    expect(titleOf(changes.body)).toMatch(/^Tell us about a change/);
    expect(changes.body).toContain(`href="${base}/changes/income"`);
    expect(changes.body).toContain(`href="${base}/changes/current-home"`);
    expect(changes.body).toContain(`href="${base}/changes/medical-need"`);
    expect(changes.body).toContain(`action="${base}/changes/household/m2/remove"`);
    expect(changes.body).toContain(`href="${base}/changes/household/add"`);
  });

  it('lists the changes about the applicant: contact details, immigration status and local connection', async () => {
    // Prepare
    const { browser } = await signedInAs({ registered: true });

    // Act
    const changes = await browser.get(`${base}/changes`);

    // Assess
    for (const prompt of ['contact', 'immigration-status', 'local-connection']) {
      expect(changes.body).toContain(`href="${base}/changes/${prompt}"`);
    }
    // Gareth is British: proof of status is never asked of him, nor offered.
    expect(changes.body).not.toContain(`href="${base}/changes/immigration-evidence"`);
    expect((await browser.get(`${base}/changes/immigration-evidence`)).status).toBe(404);
  });

  it('new contact details are written, shown back, and need no new decision', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = (await stored(deps)).decisions.length;
    const page = await browser.get(`${base}/changes/contact`);

    // Act
    const posted = await browser.post(`${base}/changes/contact`, {
      email: 'gareth.new@example.org',
      phone: '07700 900 982',
    });

    // Assess
    expect(page.status).toBe(200);
    expect(posted.status).toBe(303);
    const application = await stored(deps);
    expect(application.profile.contact).toEqual({ email: 'gareth.new@example.org', phone: '07700 900 982' });
    expect(application.decisions).toHaveLength(before);
  });

  it('a new immigration status is reassessed for eligibility, then asks for proof where the status needs it', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = (await stored(deps)).decisions.length;
    await browser.get(`${base}/changes/immigration-status`);

    // Act
    const posted = await browser.post(`${base}/changes/immigration-status`, {
      immigrationStatus: 'limited-leave',
    });

    // Assess
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`${base}/changes/immigration-evidence`);
    const application = await stored(deps);
    expect(application.profile.immigrationStatus).toBe('limited-leave');
    expect(application.decisions).toHaveLength(before + 1);
    expect(application.decisions.at(-1)).toMatchObject({ stage: Stage.Eligibility, outcome: 'refer' });
    expect((await browser.get(`${base}/changes/immigration-evidence`)).status).toBe(200);
  });

  it('fewer years in the area is reassessed for qualification', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const page = await browser.get(`${base}/changes/local-connection`);
    expect(page.status).toBe(200);

    // Act
    const posted = await browser.post(`${base}/changes/local-connection`, { yearsInArea: '0' });

    // Assess
    expect(posted.status).toBe(303);
    const application = await stored(deps);
    expect(application.profile.localConnection?.yearsInArea).toBe(0);
    expect(application.decisions.at(-1)).toMatchObject({ stage: Stage.Qualification, outcome: 'refer' });
  });

  it('a change of income is reassessed, and the new decision shows on the status page with its reasons', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = (await stored(deps)).decisions.length;
    const page = await openIncome(browser);
    expect(page.status).toBe(200);

    // Act: £7,000 a month is £84,000 a year, over Riverside's £60,000 cap.
    const posted = await browser.post(`${base}/changes/income`, income('7000'));
    const status = await browser.get(`${base}/status`);

    // Assess
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`${base}/status`);
    const application = await stored(deps);
    expect(application.profile.income).toMatchObject({ monthlyEarnings: 700_000, monthlyBenefits: 0 });
    expect(application.decisions).toHaveLength(before + 1);
    expect(application.decisions.at(-1)).toMatchObject({ outcome: 'refer', decidedBy: 'system' });
    expect(status.body).toContain('You told us your income or savings changed, so');
    expect(status.body).toContain('You stay on the housing register');
  });

  it('a circumstance answered again is written into the circumstances the API takes whole', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    await browser.get(`${base}/changes/medical-need`);

    // Act
    const posted = await browser.post(`${base}/changes/medical-need`, { medicalNeed: 'urgent' });

    // Assess
    expect(posted.status).toBe(303);
    const application = await stored(deps);
    expect(application.profile.circumstances?.medicalNeed).toBe('urgent');
    expect(application.decisions.at(-1)?.reasons[0]?.text).toMatch(/^You told us your circumstances changed/);
  });

  it('someone who moves out is taken off the household', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    await browser.get(`${base}/changes`);

    // Act
    const posted = await browser.post(`${base}/changes/household/m3/remove`);

    // Assess
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`${base}/status`);
    const members = (await stored(deps)).profile.household.map((member) => member.firstName);
    expect(members).toEqual(['Gareth', 'Nia', 'Elin']);
  });

  it('a baby born is added to the household, and the bedroom need is assessed again', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    await browser.get(`${base}/changes`);
    await browser.get(`${base}/changes/household/add`);

    // Act
    const kind = await browser.post(`${base}/changes/household/add`, { kind: 'child' });
    await browser.get(`${base}/changes/household/add/child`);
    const details = await browser.post(`${base}/changes/household/add/child`, owain);
    const needs = await browser.post(`${base}/changes/household/add/child`, {
      ...hiddenFieldsOf(details.body),
      needs: 'none',
    });
    const status = await browser.get(`${base}/status`);

    // Assess
    expect(kind.headers.location).toBe(`${base}/changes/household/add/child`);
    expect(titleOf(details.body)).toContain('Do any of these apply to Owain?');
    expect(needs.status).toBe(303);
    expect(needs.headers.location).toBe(`${base}/status`);
    const application = await stored(deps);
    expect(application.profile.household.at(-1)).toMatchObject({
      memberId: 'm5',
      firstName: 'Owain',
      needsOwnRoomForDisability: false,
      needsOvernightCarer: false,
    });
    expect(application.registration?.bedroomNeed).toBe(3);
    expect(status.body).toContain('You told us the people in your household changed, so');
  });

  it('asks a new member’s needs before writing anything, and writes them with the member in one change', async () => {
    // Prepare
    const { deps, browser, details, before } = await owainsNeedsPage();

    // Act
    const needs = await browser.post(`${base}/changes/household/add/child`, {
      ...hiddenFieldsOf(details.body),
      needs: 'needsOwnRoomForDisability',
    });

    // Assess
    expect(before.profile.household.map((member) => member.firstName)).not.toContain('Owain');
    expect(needs.status).toBe(303);
    const after = await stored(deps);
    expect(after.profile.household.at(-1)).toMatchObject({
      firstName: 'Owain',
      needsOwnRoomForDisability: true,
    });
    expect(after.decisions.length).toBe(before.decisions.length + 1);
  });

  it('asks again for the needs when none is chosen, keeping the details, and writes nothing', async () => {
    // Prepare
    const { deps, browser, details, before } = await owainsNeedsPage();

    // Act
    const needs = await browser.post(`${base}/changes/household/add/child`, hiddenFieldsOf(details.body));

    // Assess
    expect(needs.status).toBe(400);
    expect(fieldErrorOf(needs.body, 'needs')).toBeDefined();
    expect(hiddenFieldsOf(needs.body)).toMatchObject({ firstName: 'Owain', 'dateOfBirth-year': '2026' });
    expect(await stored(deps)).toEqual(before);
  });

  it('refuses details altered on the way to the needs page (400), and writes nothing', async () => {
    // Prepare
    const { deps, browser, details, before } = await owainsNeedsPage();

    // Act
    const needs = await browser.post(`${base}/changes/household/add/child`, {
      ...hiddenFieldsOf(details.body),
      'dateOfBirth-month': '13',
      needs: 'none',
    });

    // Assess
    expect(needs.status).toBe(400);
    expect(await stored(deps)).toEqual(before);
  });

  it('a second partner is refused beside the field, and nothing is written', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = await stored(deps);
    await browser.get(`${base}/changes/household/add`);

    // Act
    const posted = await browser.post(`${base}/changes/household/add`, { kind: 'partner' });

    // Assess
    expect(posted.status).toBe(400);
    expect(fieldErrorOf(posted.body, 'kind')).toBe('You have already added a partner');
    expect(await stored(deps)).toEqual(before);
  });

  it('a change with a bad value is 400 with the error beside the field, and nothing is written', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = await stored(deps);
    await openIncome(browser);

    // Act
    const posted = await browser.post(`${base}/changes/income`, income('lots'));

    // Assess
    expect(posted.status).toBe(400);
    expect(fieldErrorOf(posted.body, 'monthlyEarnings')).toBeDefined();
    expect(await stored(deps)).toEqual(before);
  });

  it('another applicant’s application is not found', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true, owner: 'someone else' });
    const before = await stored(deps);
    const token = csrfTokenOf((await browser.get('/')).body);

    // Act
    const page = await browser.get(`${base}/changes/income`);
    const posted = await browser.post(`${base}/changes/income`, { ...income('7000'), _csrf: token });

    // Assess
    expect(page.status).toBe(404);
    expect(posted.status).toBe(404);
    expect(await stored(deps)).toEqual(before);
  });

  it('before registration there is no change link, and the change pages say what to do instead (409)', async () => {
    // Prepare: answers sent, the stages still deciding.
    const { deps, browser } = await signedInAs({ registered: false });
    const before = await stored(deps);

    // Act
    const status = await browser.get(`${base}/status`);
    const posted = await browser.post(`${base}/changes/income`, income('7000'));
    const changes = await browser.get(`${base}/changes`);

    // Assess
    expect(status.body).not.toContain(`${base}/changes`);
    expect(changes.status).toBe(409);
    expect(changes.body).toContain('tell the lettings team');
    expect(posted.status).toBe(409);
    expect(await stored(deps)).toEqual(before);
  });

  it('a closed application has no change link, and its change pages say it is closed (409)', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    await deps.applications.save({ ...(await stored(deps)), status: 'closed' });

    // Act
    const status = await browser.get(`${base}/status`);
    const changes = await browser.get(`${base}/changes/current-home`);

    // Assess
    expect(status.body).not.toContain(`${base}/changes`);
    expect(changes.status).toBe(409);
    expect(changes.body).toContain('This application is closed');
  });

  it('"yes, I owe rent" asks how much before anything is written', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    await browser.get(`${base}/changes/former-arrears`);

    // Act
    const yes = await browser.post(`${base}/changes/former-arrears`, { owesFormerLandlord: 'yes' });
    await browser.get(`${base}/changes/arrears-details`);
    const details = await browser.post(`${base}/changes/arrears-details`, {
      formerTenancyArrears: '450',
      arrearsRepaymentPlanKept: 'yes',
    });

    // Assess
    expect(yes.headers.location).toBe(`${base}/changes/arrears-details`);
    expect(details.headers.location).toBe(`${base}/status`);
    expect((await stored(deps)).profile.circumstances).toMatchObject({
      formerTenancyArrears: 45_000,
      arrearsRepaymentPlanKept: true,
    });
  });

  it('refuses a change posted without its CSRF token (403), and writes nothing', async () => {
    // Prepare
    const { deps, browser } = await signedInAs({ registered: true });
    const before = await stored(deps);
    await openIncome(browser);

    // Act
    const posted = await browser.post(`${base}/changes/income`, { ...income('7000'), _csrf: '' });

    // Assess
    expect(posted.status).toBe(403);
    expect(await stored(deps)).toEqual(before);
  });
});
