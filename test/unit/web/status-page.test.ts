import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { syncRegister } from '../../../shared/services/register-index';
import { aCompleteApplication } from '../../fixtures/applications';
import { aLettingsLogRecord } from '../../support/authorisation';
import { aWebApp, signIn } from './browser';

/** The status page says what happens next (issue 9): who the application waits for, for how long, and the wait for a home. */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

/** Text of the page without tags, with spaces collapsed, so a sentence split over elements reads whole. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, '’')
    .replace(/\s+/g, ' ');

/** Gareth's household, band B from 2026-01-10, needing 2 bedrooms, with `ahead` two-bedroom households ahead in band A. */
async function registered(options: { twoBedroomLets: number; ahead?: number }) {
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
  for (let index = 0; index < (options.ahead ?? 0); index++) {
    await app.deps.applications.putRegistered({
      applicationId: `app_ahead${index}`,
      landlordId: 'riverside-homes',
      band: 'A',
      effectiveDate: '2026-06-01',
      bedroomNeed: 2,
      householdSize: 2,
    });
  }
  // A later household in the same band, and a one-bedroom household: neither is ahead for a two-bedroom home.
  await app.deps.applications.putRegistered({
    applicationId: 'app_later',
    landlordId: 'riverside-homes',
    band: 'B',
    effectiveDate: '2026-03-01',
    bedroomNeed: 2,
    householdSize: 3,
  });
  await app.deps.applications.putRegistered({
    applicationId: 'app_single',
    landlordId: 'riverside-homes',
    band: 'A',
    effectiveDate: '2025-01-01',
    bedroomNeed: 1,
    householdSize: 1,
  });
  for (let index = 0; index < options.twoBedroomLets; index++) {
    const month = String(1 + (index % 10)).padStart(2, '0');
    await app.deps.lettings.putLettingsLog({
      ...aLettingsLogRecord('riverside-homes', `ten_let${index}`, `app_let${index}`),
      letDate: `2026-${month}-15`,
    });
  }
  return { app, browser };
}

describe('what happens next, on the status page', () => {
  it('shows a registered household its place in the band and an estimated wait as a range, with how it is estimated', async () => {
    // Prepare: 10 two-bedroom lets in the year, 2 households ahead.
    const { browser } = await registered({ twoBedroomLets: 10, ahead: 2 });

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('What happens next');
    expect(text).toContain('Waiting for A home that fits your household');
    expect(text).toContain('You are number 1 of 2 households in band B.');
    expect(text).toContain('2 households needing 2 bedrooms are ahead of you, in your band or a higher one.');
    expect(text).toMatch(/Our estimate: between \d+ and \d+ months \. This is not a promise\./);
    expect(text).toContain('In the last 12 months, 10 homes with 2 bedrooms were let.');
    expect(text).toContain('How we estimate this');
  });

  it('says honestly that there are not enough recent lets to estimate when few homes that size were let', async () => {
    // Prepare
    const { browser } = await registered({ twoBedroomLets: 1 });

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    const text = textOf(page.body);
    expect(text).toContain('There are not enough recent lets to estimate your wait.');
    expect(text).toContain(
      'In the last 12 months, 1 home with 2 bedrooms was let through Doorstep; we need at least 5',
    );
    expect(text).not.toContain('Our estimate');
    expect(text).toContain('No households needing 2 bedrooms are ahead of you');
  });

  it('says an officer is checking the offer, and how many days officers have, from the policy', async () => {
    // Prepare
    const { app, browser } = await registered({ twoBedroomLets: 0 });
    const application = app.deps.applications.items.get(applicationId);
    if (application)
      app.deps.applications.items.set(applicationId, {
        ...application,
        status: 'offered',
        stage: Stage.OfficerApproval,
      });
    await app.deps.waits.park({
      decisionId: 'dec_approval',
      taskToken: 'token-never-shown',
      applicationId,
      landlordId: 'riverside-homes',
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      deadline: '2026-11-12T09:30:00.000Z',
      createdAt: '2026-11-02T09:30:00.000Z',
      status: 'open',
    });

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    const text = textOf(page.body);
    expect(text).toContain('Waiting for A lettings officer');
    expect(text).toContain('An officer is checking the offer of a home to you before we send it.');
    expect(text).toContain('Officers have 10 days to do this: by 12 November 2026.');
    expect(text).not.toContain('Our estimate');
    expect(page.body).not.toContain('token-never-shown');
  });

  it('says a review the household asked for is with an officer, and by when, instead of the wait for a home', async () => {
    // Prepare
    const { app, browser } = await registered({ twoBedroomLets: 10 });
    const application = app.deps.applications.items.get(applicationId);
    if (application)
      app.deps.applications.items.set(applicationId, {
        ...application,
        reviewRequests: [
          {
            decision: 0,
            reason: 'My band should be higher.',
            requestedAt: '2026-11-02T09:30:00.000Z',
            dueBy: '2026-12-28',
          },
        ],
      });

    // Act
    const page = await browser.get(`${base}/status`);

    // Assess
    const text = textOf(page.body);
    expect(text).toContain('Waiting for A lettings officer who did not make the decision');
    expect(text).toContain('Reviews are decided within 56 days of asking: by 28 December 2026.');
  });
});
