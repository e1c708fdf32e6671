import { BRP_REFUSAL } from '../../../shared/domain/immigration-evidence';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, fieldErrorOf, inputValueOf, signIn, titleOf } from './browser';

const email = 'amira.haddad@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

/** The page's HTML with entities read back, to compare messages as an applicant reads them. */
const decoded = (html: string | undefined) =>
  html
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Amira, signed in, with her own details and contact given, and the immigration status chosen. */
async function signedInWithStatus(immigrationStatus: 'limited-leave' | 'british-or-irish') {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, email);
  await app.deps.applications.create(
    anApplication({
      ownerId: subject,
      profile: { household: household('singleAdult'), immigrationStatus },
      conversation: { answered: ['contact'] },
    }),
  );
  await browser.get('/sign-in');
  return { ...app, browser };
}

describe('the immigration evidence page', () => {
  it('follows the immigration status for someone who is not British or Irish', async () => {
    // Prepare
    const { browser } = await signedInWithStatus('limited-leave');

    // Act
    const response = await browser.post(`${base}/questions/immigration-status`, {
      immigrationStatus: 'limited-leave',
    });
    const page = await browser.get(`${base}/questions/immigration-evidence`);

    // Assess
    expect(response.headers.location).toBe(`${base}/questions/immigration-evidence`);
    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toBe('How can you prove your immigration status? – Doorstep');
    expect(page.body).toContain('A biometric residence permit (BRP)');
    expect(inputValueOf(page.body, 'shareCode')).toBe('');
  });

  it('is never shown to a British or Irish citizen: the page sends them on', async () => {
    // Prepare
    const { browser } = await signedInWithStatus('british-or-irish');

    // Act
    const response = await browser.get(`${base}/questions/immigration-evidence`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${base}/household`);
  });

  it('records a share code for an officer’s check and goes on to the household', async () => {
    // Prepare
    const { browser, deps } = await signedInWithStatus('limited-leave');

    // Act
    const response = await browser.post(`${base}/questions/immigration-evidence`, {
      evidence: 'share-code',
      shareCode: 'w12 3ab-c45',
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '6',
      'dateOfBirth-year': '1991',
    });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${base}/household`);
    expect(deps.applications.items.get(applicationId)?.profile.immigrationEvidence).toEqual({
      kind: 'share-code',
      shareCode: 'W123ABC45',
      dateOfBirth: '1991-06-14',
    });
  });

  it('refuses a biometric residence permit with the reason, and writes nothing', async () => {
    // Prepare
    const { browser, deps } = await signedInWithStatus('limited-leave');

    // Act
    const response = await browser.post(`${base}/questions/immigration-evidence`, { evidence: 'brp' });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: How can you prove your immigration status? – Doorstep');
    expect(errorSummaryOf(response.body).map((error) => decoded(error.text))).toEqual([BRP_REFUSAL]);
    expect(decoded(fieldErrorOf(response.body, 'evidence'))).toBe(BRP_REFUSAL);
    expect(deps.applications.items.get(applicationId)?.version).toBe(0);
  });

  it('asks again for a share code that is too short, keeping what was typed', async () => {
    // Prepare
    const { browser } = await signedInWithStatus('limited-leave');

    // Act
    const response = await browser.post(`${base}/questions/immigration-evidence`, {
      evidence: 'share-code',
      shareCode: 'W12 3AB',
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '6',
      'dateOfBirth-year': '1991',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#shareCode', text: 'A share code is 9 letters and numbers, like W12 3AB C45' },
    ]);
    expect(inputValueOf(response.body, 'shareCode')).toBe('W12 3AB');
  });

  it('shows the share code on Check your answers, with a link to change it', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, email);
    const complete = aCompleteApplication();
    await app.deps.applications.create(
      aCompleteApplication({
        ownerId: subject,
        profile: {
          ...complete.profile,
          immigrationStatus: 'limited-leave',
          immigrationEvidence: { kind: 'share-code', shareCode: 'W123ABC45', dateOfBirth: '1988-07-02' },
        },
      }),
    );

    // Act
    const response = await browser.get(`${base}/check-answers`);

    // Assess
    expect(response.body).toContain('Share code W12 3AB C45, date of birth 2 July 1988');
    expect(response.body).toContain(`href="${base}/questions/immigration-evidence?change=1"`);
  });
});
