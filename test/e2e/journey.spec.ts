import { expect, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import {
  aboutYou,
  circumstances,
  continueWith,
  homeAndMoney,
  household,
  sendDocument,
  signIn,
} from './journey-steps.js';
import {
  expectAccessible as axe,
  DEMO_OFFICER,
  expectNoSidewaysScroll,
  PASSPORT_PHOTO,
  reloadUntilVisible,
  signInCode,
  uniqueEmail,
  ZOFIAS_PAYSLIP,
} from './support.js';

/** Every page this spec visits: axe, and nothing scrolling sideways (WCAG 2.2 reflow at the phone's 320 px). */
async function expectAccessible(page: Page) {
  await expectNoSidewaysScroll(page);
  await axe(page);
}

/**
 * The whole journey in a phone-sized Chromium (320 px): an applicant signs in with a one-time code, answers one
 * question at a time, photographs their passport, sends the answers; an officer, in a second browser context,
 * approves the offer; the applicant accepts, signs, downloads the signed agreement and sees the key as a QR code.
 * axe checks every page visited, error states included.
 */

test('an applicant on a phone goes from "can I apply?" to the keys, with an officer approving the offer', async ({
  page,
  browser,
}) => {
  // Every question of the journey, each page checked by axe, then the offer, the signing and the key.
  test.setTimeout(300_000);
  await signIn(page, uniqueEmail('gareth'), expectAccessible);
  await aboutYou(page, expectAccessible);
  await household(page, expectAccessible);
  await homeAndMoney(page, expectAccessible);
  await circumstances(page, expectAccessible);
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  expect(applicationId).toMatch(/^app_/);

  // The passport photo: which document and file kind, then the form that posts straight to storage.
  await sendDocument(page, 'Passport', 'A photo (.jpg or .jpeg)', PASSPORT_PHOTO, expectAccessible);
  await reloadUntilVisible(page, () =>
    page.getByRole('heading', { name: 'Is this what your document says?' }),
  );
  await expect(page.getByText('PRITCHARD')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, this is right' }).click();

  await expect(page.getByRole('heading', { name: 'Check your answers before sending them' })).toBeVisible();
  await expect(page.getByText('12 Mill Lane, RV1 4AB')).toBeVisible();
  await expect(page.getByText('£250.00')).toBeVisible();
  await expectAccessible(page);
  // Changing an answer comes back here; "no" to rent owed leaves out how much.
  await page.getByRole('link', { name: 'Change owe rent to a former landlord' }).click();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await continueWith(page);
  await expect(page.getByRole('heading', { name: 'Check your answers before sending them' })).toBeVisible();
  await expect(page.getByText('£250.00')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page.getByRole('heading', { name: 'What we decided, and why' })).toBeVisible();
  await expectAccessible(page);

  // The officer, in a browser of their own, finds the case in the queue and approves the offer.
  const officerContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const officer = await officerContext.newPage();
  await officer.goto('/officer');
  await expect(officer.getByRole('heading', { name: 'Sign in to the lettings console' })).toBeVisible();
  await officer.getByRole('button', { name: 'Sign in' }).click();
  await expect(officer.getByRole('link', { name: 'Enter your work email address' })).toBeVisible();
  await expectAccessible(officer);
  await officer.getByLabel('Work email address').fill(DEMO_OFFICER.email);
  await officer.getByRole('textbox', { name: 'Password' }).fill(DEMO_OFFICER.password);
  await officer.getByRole('button', { name: 'Sign in' }).click();
  await expect(officer.getByRole('heading', { name: 'Your queue' })).toBeVisible();
  await reloadUntilVisible(officer, () => officer.getByRole('link', { name: applicationId }));
  await expectAccessible(officer);
  await officer.getByRole('link', { name: applicationId }).click();
  await expect(officer.getByRole('heading', { name: 'Gareth Pritchard' })).toBeVisible();
  await expectAccessible(officer);
  // If the passport could not be matched to the answers, the officer checks it first.
  const review = officer.getByRole('heading', { name: 'Review the documents and details' });
  if (await review.isVisible()) {
    await officer.getByRole('radio', { name: 'The details are right: carry on' }).check();
    await officer.getByLabel('Your reason', { exact: true }).fill('Passport checked against the answers');
    await officer.getByRole('button', { name: 'Record decision' }).click();
  }
  await reloadUntilVisible(officer, () =>
    officer.getByRole('heading', { name: 'Approve or reject this offer' }),
  );
  await officer.getByRole('radio', { name: 'Approve the offer' }).check();
  await officer.getByRole('button', { name: 'Record decision' }).click();
  await expect(officer.getByRole('link', { name: 'Give a reason of at least 3 characters' })).toBeVisible();
  await expectAccessible(officer);
  await officer.getByRole('radio', { name: 'Approve the offer' }).check();
  await officer
    .getByLabel('Your reason', { exact: true })
    .fill('Right size, band B, earliest effective date');
  await officer.getByRole('button', { name: 'Record decision' }).click();
  await expect(officer.getByRole('heading', { name: 'Approve or reject this offer' })).toHaveCount(0);
  await officerContext.close();

  // Back to the applicant: the homes advertised for choice-based lettings, then the offer, the agreement, the key.
  await page.goto(`/applications/${applicationId}/status`);
  await page.getByRole('link', { name: 'See the homes you can choose' }).click();
  await expect(page.getByRole('heading', { name: 'Homes you can choose' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /^I am interested in this home\W+2 Kingfisher Walk/ }).click();
  await expect(page.getByText('We have recorded that you are interested in 2 Kingfisher Walk')).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/applications/${applicationId}/status`);
  await reloadUntilVisible(page, () => page.getByRole('link', { name: 'See the home and answer the offer' }));
  await expectAccessible(page);
  await page.getByRole('link', { name: 'See the home and answer the offer' }).click();
  await expect(page.getByRole('heading', { name: 'Why we offered you this home' })).toBeVisible();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByRole('link', { name: 'Select yes if you want this home' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Yes, I accept this home' }).check();
  await page.getByRole('button', { name: 'Send my answer' }).click();

  await reloadUntilVisible(page, () => page.getByRole('link', { name: 'Read and sign it' }));
  await page.getByRole('link', { name: 'Read and sign it' }).click();
  await expect(page.getByRole('heading', { name: 'Read and sign your agreement' })).toBeVisible();
  await expect(page.getByText('This is an assured tenancy under the Housing Act 1988')).toBeVisible();
  await page.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByRole('link', { name: 'Tick the box to sign the agreement' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /have read this agreement and agree/ }).check();
  await page.getByRole('button', { name: 'Sign' }).click();

  await reloadUntilVisible(page, () => page.getByRole('link', { name: 'Show your key' }), 90_000);
  await expectAccessible(page);
  const pdf = await page.request.get(`/applications/${applicationId}/tenancy.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // Two signatures: the tenant's and the landlord's countersignature, each a CMS signature in the file.
  expect(bytes.toString('latin1').match(/\/ByteRange\s*\[/g)?.length).toBe(2);

  await page.getByRole('link', { name: 'Show your key' }).click();
  const qr = page.getByRole('img', { name: 'Your digital key, as a QR code' });
  await expect(qr).toBeVisible();
  await expectAccessible(page);
  // The QR code on the screen decodes to the signed credential (a compact JWS: header.payload.signature).
  const { data, info } = await sharp(await qr.screenshot())
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
  expect(decoded?.data).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
});

test('an officer checks a payslip beside what was read from it, and asks the applicant for another', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signIn(page, uniqueEmail('gareth-payslip'));
  await aboutYou(page);
  await household(page);
  await homeAndMoney(page);
  await circumstances(page);
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  await sendDocument(page, 'Passport', 'A photo (.jpg or .jpeg)', PASSPORT_PHOTO);
  await reloadUntilVisible(page, () =>
    page.getByRole('heading', { name: 'Is this what your document says?' }),
  );
  await page.getByRole('button', { name: 'Yes, this is right' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending them' })).toBeVisible();

  // A payslip that is someone else's: read, and the applicant told at once what does not match.
  await page.goto(`/applications/${applicationId}/documents/new`);
  await sendDocument(page, 'Payslip', 'A picture (.png)', ZOFIAS_PAYSLIP);
  await reloadUntilVisible(page, () =>
    page.getByRole('heading', { name: 'Your payslip does not match your answers' }),
  );
  await expect(page.getByText('Your payslip is in the name of Zofia Wisniewska')).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/applications/${applicationId}/check-answers`);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await expect(page.getByRole('heading', { name: 'What we decided, and why' })).toBeVisible();

  // The officer sees the payslip beside what was read from it, and asks for another.
  const officerContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const officer = await officerContext.newPage();
  await officer.goto('/officer');
  await officer.getByLabel('Work email address').fill(DEMO_OFFICER.email);
  await officer.getByRole('textbox', { name: 'Password' }).fill(DEMO_OFFICER.password);
  await officer.getByRole('button', { name: 'Sign in' }).click();
  await expect(officer.getByRole('heading', { name: 'Your queue' })).toBeVisible();
  await officer.goto(`/officer/applications/${applicationId}`);
  await reloadUntilVisible(officer, () =>
    officer.getByRole('heading', { name: 'Review the documents and details' }),
  );
  await expect(officer.getByRole('heading', { name: 'Documents to check' })).toBeVisible();
  const payslipImage = officer.getByRole('img', { name: 'The Payslip the applicant uploaded' });
  await payslipImage.scrollIntoViewIfNeeded();
  await expect(payslipImage).toBeVisible();
  // The image really came: served to the officer, not blocked or missing.
  expect(
    await payslipImage.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
  ).toBeGreaterThan(100);
  await expectAccessible(officer);
  await officer.getByRole('radio', { name: 'Ask the applicant for another document' }).check();
  await officer.getByLabel('Your reason', { exact: true }).fill('This payslip is not in your name.');
  await officer.getByRole('button', { name: 'Record decision' }).click();
  await expect(officer.getByRole('link', { name: 'Choose the document to ask for again' })).toBeVisible();
  await expectAccessible(officer);
  await officer.getByRole('radio', { name: 'Ask the applicant for another document' }).check();
  await officer
    .getByLabel('Which document to ask for again (only when you ask for another)')
    .selectOption({ index: 2 });
  await officer.getByLabel('Your reason', { exact: true }).fill('This payslip is not in your name.');
  await officer.getByRole('button', { name: 'Record decision' }).click();
  await expect(officer.getByRole('heading', { name: 'Review the documents and details' })).toHaveCount(0);
  await officerContext.close();

  // The applicant is told what the officer asked for, and the upload page has the payslip chosen already.
  await reloadUntilVisible(page, () =>
    page.getByText('An officer checked your payslip and asked for another').first(),
  );
  await expectAccessible(page);
  await page.goto(`/applications/${applicationId}/documents/new`);
  await expect(page.getByRole('radio', { name: 'Payslip', exact: true })).toBeChecked();
});

test('signing in refuses a wrong code and explains why', async ({ page }) => {
  const email = uniqueEmail('wrong-code');
  await page.goto('/sign-in');
  await page.getByLabel('What is your email address?').fill('not an email');
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('link', { name: 'Enter an email address in the right format' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  const code = await signInCode(page.request, email);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Check your email').fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: /The code is wrong or has expired/ })).toBeVisible();
  await expectAccessible(page);
});
