import type { Decision } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { aCompleteApplication } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, signIn } from './browser';

const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;
const referral: Decision = {
  stage: Stage.Qualification,
  outcome: 'refer',
  reasons: [
    { rule: 'qualification.residence', clause: 'Housing Act 1996 s160ZA(7)', text: 'One year, not two.' },
  ],
  inputs: {},
  policyVersion: 'riverside-council@2026-04',
  decidedBy: 'system',
  decidedAt: '2026-11-02T09:30:00.000Z',
  next: 'An officer will check.',
  review: { route: 'Ask Riverside Council to review this decision.', withinDays: 21 },
};

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
