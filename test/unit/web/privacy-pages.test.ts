import { hasConsent } from '../../../shared/domain/consents';
import { writeDataCopy } from '../../../shared/services/your-data-pdf';
import { aCompleteApplication } from '../../fixtures/applications';
import { pdfText } from '../../support/pdf-text';
import { aWebApp, ellisIdentity, errorSummaryOf, signIn, titleOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

async function garethSignedIn() {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  await app.deps.applications.create(aCompleteApplication({ ownerId: subject }));
  return { app, browser, subject };
}

const checkboxOf = (html: string, value: string) =>
  new RegExp(`<input[^>]*name="given"[^>]*value="${value}"[^>]*>`).exec(html)?.[0] ?? '';

describe('the privacy notice', () => {
  it('is a page anyone can read: the controller, what and why, sharing, how long, rights and the ICO', async () => {
    const browser = aWebApp().browser();

    const page = await browser.get('/privacy');

    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('How we use your information');
    for (const text of [
      'Riverside Homes',
      'Cwm Valley Homes',
      'data controller',
      'Article 6(1)(e)',
      'Article 9(2)(g)',
      'Housing Act 1996 sections 159 and 170',
      'Payslip',
      '90 days',
      '30 days',
      'Information Commissioner',
      'Privacy notice, version 2026-11',
    ])
      expect(page.body).toContain(text);
  });

  it('is summarised on the start page, before the first question, with a link to the whole notice', async () => {
    const browser = aWebApp().browser();

    const page = await browser.get('/');

    expect(page.body).toContain('href="/privacy"');
    expect(page.body).toMatch(/We use your answers to decide/);
  });
});

describe('the status page', () => {
  it('links what we hold, the consents and the privacy notice', async () => {
    const { browser } = await garethSignedIn();

    const page = await browser.get(`${base}/status`);

    expect(page.body).toContain(`href="${base}/your-data"`);
    expect(page.body).toContain(`href="${base}/consents"`);
    expect(page.body).toContain('href="/privacy"');
  });
});

describe('the consents page', () => {
  it('shows each use unticked until given, and saves a choice with a success banner', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    const before = await browser.get(`${base}/consents`);

    // Act
    const saved = await browser.post(`${base}/consents`, { given: ['text-messages', 'homes-by-email'] });
    const after = await browser.get(saved.headers.location ?? '');

    // Assess
    expect(before.status).toBe(200);
    expect(checkboxOf(before.body, 'text-messages')).not.toContain('checked');
    expect(saved.status).toBe(303);
    expect(after.body).toContain('Your choices are saved');
    expect(checkboxOf(after.body, 'text-messages')).toContain('checked');
    expect(checkboxOf(after.body, 'service-improvement')).not.toContain('checked');
    expect(after.body).toContain('on this website');
    const application = await app.deps.applications.get(applicationId);
    expect(application && hasConsent(application, 'text-messages')).toBe(true);
  });

  it('withdraws a consent when it is unticked, keeping when it was given', async () => {
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/consents`);
    await browser.post(`${base}/consents`, { given: 'text-messages' });
    await browser.get(`${base}/consents`);

    await browser.post(`${base}/consents`, {});

    const application = await app.deps.applications.get(applicationId);
    expect(application && hasConsent(application, 'text-messages')).toBe(false);
    expect(application?.consents?.map((record) => record.given)).toEqual([true, false]);
    expect(app.deps.audit.events.map((event) => event.type)).toEqual(['consent-given', 'consent-withdrawn']);
  });

  it('refuses a use it does not know with an error summary, keeping the choices as they were', async () => {
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/consents`);

    const page = await browser.post(`${base}/consents`, { given: ['text-messages', 'sell-my-data'] });

    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.body)).toEqual([{ href: '#given', text: 'Choose only from the uses listed' }]);
    expect((await app.deps.applications.get(applicationId))?.consents).toBeUndefined();
  });

  it('asks in Welsh when the applicant chose Welsh: consent must be informed', async () => {
    const { browser } = await garethSignedIn();
    await browser.get(`${base}/consents?lang=cy`);
    await browser.post(`${base}/consents`, { given: 'text-messages' });

    const page = await browser.get(`${base}/consents?saved=1`);

    expect(page.body).toContain('Anfon negeseuon testun ataf am fy nghais');
    expect(page.body).toContain('Mae eich dewisiadau wedi’u cadw');
    expect(page.body).toContain('ar y wefan hon');
    expect(page.body).not.toContain('Send me text messages about my application');
  });

  it('refuses a post without the form’s CSRF token', async () => {
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/consents`);

    const page = await browser.post(`${base}/consents`, { _csrf: 'forged', given: 'text-messages' });

    expect(page.status).toBe(403);
    expect((await app.deps.applications.get(applicationId))?.consents).toBeUndefined();
  });
});

describe('what we hold about you', () => {
  it('lists every section in plain English, with the answers, and links the downloads', async () => {
    const { browser } = await garethSignedIn();

    const page = await browser.get(`${base}/your-data`);

    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('What we hold about you');
    for (const text of [
      'Your answers',
      'Your household',
      'Your documents and what we read from them',
      'Decisions and the reasons for them',
      'Your consents',
      'Messages we sent you',
      'Our record of what happened',
      'What this copy leaves out, and why',
      'gareth.pritchard@example.org',
      '12 Mill Lane',
      '£2,100',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toContain(`href="${base}/your-data.json"`);
    expect(page.body).toContain(`action="${base}/your-data.pdf"`);
  });

  it('downloads the copy as a JSON attachment, never cached', async () => {
    const { browser } = await garethSignedIn();

    const response = await browser.get(`${base}/your-data.json`);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="your-data-${applicationId}.json"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(response.body);
    expect(data).toMatchObject({
      format: 'doorstep-your-data/1',
      controller: { name: 'Riverside Homes' },
      application: { applicationId },
      answers: { contact: { email: 'gareth.pritchard@example.org' } },
    });
  });

  it('makes a PDF when asked: the page says it is being made, then links it, and it downloads', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/your-data`);

    // Act
    const asked = await browser.post(`${base}/your-data.pdf`);
    const making = await browser.get(`${base}/your-data`);
    await writeDataCopy(app.deps, { applicationId });
    const made = await browser.get(`${base}/your-data`);
    const pdf = await browser.get(`${base}/your-data.pdf`);

    // Assess
    expect(asked.status).toBe(303);
    expect(app.deps.workflow.letters).toHaveLength(1);
    expect(making.body).toContain('We are making your PDF copy');
    expect(making.body).not.toContain(`href="${base}/your-data.pdf"`);
    expect(made.body).toContain(`href="${base}/your-data.pdf"`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="your-data-${applicationId}.pdf"`);
    expect((await pdfText(Buffer.from(pdf.body, 'base64'))).text).toContain('gareth.pritchard@example.org');
  });

  it('is in Welsh when the applicant chose Welsh, with what they typed kept as they typed it', async () => {
    // Prepare
    const { app, browser } = await garethSignedIn();
    await browser.get(`${base}/your-data?lang=cy`);
    await browser.post(`${base}/your-data.pdf`);
    await writeDataCopy(app.deps, { applicationId });

    // Act
    const page = await browser.get(`${base}/your-data`);

    // Assess
    expect(page.status).toBe(200);
    expect(titleOf(page.body)).toContain('Beth sydd gennym amdanoch chi');
    for (const text of [
      '<h1 class="govuk-heading-l">Beth sydd gennym amdanoch chi</h1>',
      'Dyma bopeth sydd gan Riverside Homes amdanoch chi',
      'Lawrlwytho eich copi PDF',
      'Gwneud copi PDF newydd',
      '>Eich atebion<',
      '>Eich aelwyd<',
      '>Penderfyniadau a’r rhesymau drostyn nhw<',
      '>Beth mae’r copi hwn yn ei adael allan, a pham<',
      'rhentu gan landlord preifat',
      'Tachwedd 2026',
      'gareth.pritchard@example.org',
      '12 Mill Lane',
      '£2,100',
    ])
      expect(page.body).toContain(text);
    // The page's own scripts carry their English keys beside the Welsh, so headings are matched whole.
    for (const english of [
      '>Your answers<',
      '>What this copy leaves out, and why<',
      'Download your PDF copy',
      'private-rent',
      'November',
    ])
      expect(page.body).not.toContain(english);
  });

  it('answers a PDF not made yet with the page-not-found page', async () => {
    const { browser } = await garethSignedIn();

    const response = await browser.get(`${base}/your-data.pdf`);

    expect(response.status).toBe(404);
  });
});

describe('the console’s privacy pages', () => {
  async function ellisAndGareth() {
    const app = aWebApp({ officers: ellisIdentity() });
    const applicant = app.browser();
    const subject = await signIn(app.deps, applicant, 'gareth.pritchard@example.org');
    await app.deps.applications.create(aCompleteApplication({ ownerId: subject }));
    const officer = app.browser();
    officer.jar.set('doorstep_officer', 'id-token-ellis');
    return { app, officer };
  }

  it('records consents the applicant gave by phone, as given by an officer, naming the officer in the audit log', async () => {
    const { app, officer } = await ellisAndGareth();
    await officer.get(`/officer${base}/consents`);

    const saved = await officer.post(`/officer${base}/consents`, { given: 'text-messages' });
    const after = await officer.get(saved.headers.location ?? '');

    expect(saved.status).toBe(303);
    expect(after.body).toContain('by an officer, for you');
    expect((await app.deps.applications.get(applicationId))?.consents).toEqual([
      expect.objectContaining({
        use: 'text-messages',
        given: true,
        via: 'officer',
        officerId: 'officer-ellis',
      }),
    ]);
    expect(app.deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'consent-given',
        actor: 'officer',
        facts: expect.objectContaining({ officerId: 'officer-ellis' }),
      }),
    ]);
  });

  it('shows the officer what is held about the applicant, without the applicant’s download buttons', async () => {
    const { officer } = await ellisAndGareth();

    const page = await officer.get(`/officer${base}/your-data`);

    expect(page.status).toBe(200);
    expect(page.body).toContain('What we hold about the applicant');
    expect(page.body).toContain('gareth.pritchard@example.org');
    expect(page.body).not.toContain(`action="${base}/your-data.pdf"`);
  });
});
