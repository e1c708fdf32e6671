import { Stage } from '../../../shared/domain/stage';
import { qualification } from '../../../shared/services/application-stages';
import { closeCaseAndWriteLetters } from '../../../shared/services/letter-pdf';
import { aCompleteApplication } from '../../fixtures/applications';
import type { MemoryDeps } from '../../support/memory';
import { aWebApp, signIn, titleOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

/** Gareth's application, referred at Qualification (income over the cap) and closed by an officer. */
async function closedApplicationOf(deps: MemoryDeps, ownerId: string) {
  const application = aCompleteApplication({ ownerId });
  await deps.applications.create({
    ...application,
    profile: { ...application.profile, income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 } },
  });
  await qualification(deps, { applicationId });
  await closeCaseAndWriteLetters(deps, {
    applicationId,
    stage: Stage.Qualification,
    reason: 'Payslips confirm the household earns £84,000 a year.',
  });
}

describe('decision letters on the web', () => {
  it('links the letter and its PDF from the status page', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await closedApplicationOf(app.deps, subject);

    // Act
    const status = await browser.get(`${base}/status`);

    // Assess
    expect(status.status).toBe(200);
    expect(status.body).toContain(`href="${base}/letters/1"`);
    expect(status.body).toContain(`href="${base}/letters/1.pdf"`);
    expect(status.body).not.toContain(`href="${base}/letters/0"`);
  });

  it('shows the letter as a page: grounds with clauses, next steps and the review route', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await closedApplicationOf(app.deps, subject);

    // Act
    const page = await browser.get(`${base}/letters/1`);

    // Assess
    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('You do not qualify to join the housing register');
    expect(page.body).toContain('Riverside Homes');
    expect(page.body).toContain('Gareth Pritchard');
    expect(page.body).toContain('2 November 2026');
    expect(page.body).toContain('(Housing Act 1996 s160ZA(7)');
    expect(page.body).toContain('Payslips confirm the household earns £84,000 a year.');
    expect(page.body).toContain('Ask by 23 November 2026, 21 days');
    expect(page.body).toContain('Housing Act 1996 s166A(9)');
    expect(page.body).toContain(`href="${base}/letters/1.pdf"`);
  });

  it('shows the letter in Welsh on a Welsh page, the officer’s words as written', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await closedApplicationOf(app.deps, subject);

    // Act
    const page = await browser.get(`${base}/letters/1?lang=cy`);

    // Assess
    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('Dydych chi ddim yn gallu ymuno â’r gofrestr tai');
    expect(page.body).toContain('<article class="doorstep-letter" aria-labelledby="letter-title" lang="cy">');
    expect(page.body).toContain('Ar ran Riverside Council: y gofrestr tai');
    expect(page.body).toContain('2 Tachwedd 2026');
    expect(page.body).toContain('Pam y gwnaethon ni benderfynu hyn');
    expect(page.body).toContain('Rheswm y swyddog: Payslips confirm the household earns £84,000 a year.');
    expect(page.body).toContain('Gofynnwch erbyn 23 Tachwedd 2026, 21 diwrnod');
    expect(page.body).not.toContain('Why we decided this');
  });

  it('serves the stored PDF to its owner', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await closedApplicationOf(app.deps, subject);

    // Act
    const response = await browser.get(`${base}/letters/1.pdf`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(response.body, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers another applicant 404 for the page and the PDF', async () => {
    // Prepare
    const app = aWebApp();
    await closedApplicationOf(app.deps, 'sub_gareth_elsewhere');
    const browser = app.browser();
    await signIn(app.deps, browser, 'someone.else@example.org');

    // Act
    const page = await browser.get(`${base}/letters/1`);
    const pdf = await browser.get(`${base}/letters/1.pdf`);

    // Assess
    expect(page.status).toBe(404);
    expect(pdf.status).toBe(404);
    expect(pdf.headers['content-type']).not.toBe('application/pdf');
  });

  it('answers 404 for a referral, a letter that does not exist and a malformed number', async () => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await closedApplicationOf(app.deps, subject);

    // Act and assess
    for (const letter of ['0', '9', '0.pdf', '1.txt', '-1', '1000']) {
      expect((await browser.get(`${base}/letters/${letter}`)).status).toBe(404);
    }
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await aWebApp().browser().get(`${base}/letters/1`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
  });
});
