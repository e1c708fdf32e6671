import { aCompleteApplication, referral } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, FakeOfficerIdentity, fieldErrorOf, signIn } from './browser';

const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

async function garethWithAReferral() {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, email);
  await app.deps.applications.create(
    aCompleteApplication({
      ownerId: subject,
      decisions: [referral],
      conversation: { answered: ['check-answers'] },
    }),
  );
  await browser.get('/sign-in');
  return { ...app, browser };
}

describe('asking for a review from the journey', () => {
  it('links each decision open to review to its page, with the last day', async () => {
    // Prepare
    const { browser } = await garethWithAReferral();

    // Act
    const status = await browser.get(`${base}/status`);

    // Assess
    expect(status.body).toContain(`href="${base}/decisions/0/review"`);
    expect(status.body).toContain('23 November 2026');
  });

  it('records the reason, goes back to the status page, and says the review was asked for', async () => {
    // Prepare
    const { browser, deps } = await garethWithAReferral();
    await browser.get(`${base}/decisions/0/review`);

    // Act
    const response = await browser.post(`${base}/decisions/0/review`, {
      reason: 'I have lived here since 2023: my council tax bills show it.',
    });
    const status = await browser.get(`${base}/status`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${base}/status`);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toHaveLength(1);
    expect(status.body).toContain('You asked for a review of this decision on 2 November 2026');
    expect(status.body).not.toContain(`href="${base}/decisions/0/review"`);
  });

  it('asks again for an empty reason, beside the field, and records nothing', async () => {
    // Prepare
    const { browser, deps } = await garethWithAReferral();
    await browser.get(`${base}/decisions/0/review`);

    // Act
    const response = await browser.post(`${base}/decisions/0/review`, { reason: ' ' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#reason', text: 'Tell us why you think the decision is wrong, in a few words' },
    ]);
    expect(deps.applications.items.get(applicationId)?.reviewRequests).toBeUndefined();
  });

  it('answers 404 for a decision with no review route or none at all', async () => {
    // Prepare
    const { browser } = await garethWithAReferral();

    // Act
    const missing = await browser.get(`${base}/decisions/5/review`);

    // Assess
    expect(missing.status).toBe(404);
  });
});

describe('an officer deciding a review in the console', () => {
  const ellis = new FakeOfficerIdentity([
    {
      email: 'ellis@riverside-homes.example',
      password: 'correct horse battery staple',
      token: 'id-token-ellis',
      claims: {
        sub: 'officer-ellis',
        'custom:landlordId': 'riverside-homes',
        'cognito:groups': ['officer'],
      },
    },
  ]);
  const casePath = `/officer/applications/${applicationId}`;

  /** Gareth has asked for a review of his referral; Ellis, of his landlord, is signed in to the console. */
  async function reviewAskedFor() {
    const app = aWebApp({ officers: ellis });
    const gareth = app.browser();
    const subject = await signIn(app.deps, gareth, email);
    await app.deps.applications.create(
      aCompleteApplication({
        ownerId: subject,
        decisions: [referral],
        conversation: { answered: ['check-answers'] },
      }),
    );
    await gareth.get(`${base}/decisions/0/review`);
    await gareth.post(`${base}/decisions/0/review`, { reason: 'I have worked in Riverside since 2022.' });
    const officer = app.browser();
    officer.jar.set('doorstep_officer', 'id-token-ellis');
    return { ...app, gareth, officer };
  }

  it('lists the review on the queue, due by the scheme’s period, and shows the household’s reason on the case', async () => {
    // Prepare
    const { officer } = await reviewAskedFor();

    // Act
    const queue = await officer.get('/officer');
    const casePage = await officer.get(casePath);

    // Assess
    expect(queue.body).toContain('Reviews households asked for (1)');
    expect(queue.body).toContain(`href="${casePath}#reviews-heading"`);
    expect(queue.body).toContain('28 December 2026');
    expect(casePage.body).toContain('I have worked in Riverside since 2022.');
    expect(casePage.body).toContain(`action="${casePath}/reviews/0"`);
  });

  it('records that the decision stands, takes it off the queue, and tells the household why', async () => {
    // Prepare
    const { officer, gareth, deps } = await reviewAskedFor();
    await officer.get(casePath);

    // Act
    const response = await officer.post(`${casePath}/reviews/0`, {
      result: 'upheld',
      reason: 'Your employer is outside the council’s area, so the residence rule is not met.',
    });
    const queue = await officer.get('/officer');
    const status = await gareth.get(`${base}/status`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(casePath);
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]?.outcome).toMatchObject({
      result: 'upheld',
      decidedBy: 'officer-ellis',
    });
    expect(queue.body).not.toContain('Reviews households asked for');
    expect(status.body).toContain('the decision stays the same');
    expect(status.body).toContain('Your employer is outside the council’s area');
  });

  it('asks again beside each field, keeping what was typed, and records nothing', async () => {
    // Prepare
    const { officer, deps } = await reviewAskedFor();
    await officer.get(casePath);

    // Act
    const response = await officer.post(`${casePath}/reviews/0`, { reason: 'Half a thought' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#review-result-0', text: 'Select whether the decision stands or was changed' },
    ]);
    expect(fieldErrorOf(response.body, 'review-result-0')).toContain('Select whether the decision stands');
    expect(response.body).toContain('Half a thought</textarea>');
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]?.outcome).toBeUndefined();
  });

  it('refuses “changed” until the new decision is made, saying so beside the choice', async () => {
    // Prepare
    const { officer, deps } = await reviewAskedFor();
    await officer.get(casePath);

    // Act
    const response = await officer.post(`${casePath}/reviews/0`, {
      result: 'changed',
      reason: 'Work in the area counts.',
    });

    // Assess
    expect(response.status).toBe(409);
    expect(fieldErrorOf(response.body, 'review-result-0')).toContain('Make the new decision first');
    expect(deps.applications.items.get(applicationId)?.reviewRequests?.[0]?.outcome).toBeUndefined();
  });

  it('answers a decision with no review, or no decision at all, like a missing page', async () => {
    // Prepare
    const { officer } = await reviewAskedFor();

    // Act
    await officer.get(casePath);
    const noReview = await officer.post(`${casePath}/reviews/5`, { result: 'upheld', reason: 'Stands.' });
    await officer.get(casePath);
    const notANumber = await officer.post(`${casePath}/reviews/x`, { result: 'upheld', reason: 'Stands.' });

    // Assess
    expect(noReview.status).toBe(404);
    expect(notANumber.status).toBe(404);
  });
});
