import { expect, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import {
  DEMO_OFFICER,
  expectAccessible,
  expectAccessibleAsRendered,
  PASSPORT_PHOTO,
  reloadUntilVisible,
  signInCode,
  uniqueEmail,
} from './support.js';

/**
 * The whole journey in a phone-sized Chromium (320 px): an applicant signs in with a one-time code, answers one
 * question at a time, photographs their passport, sends the answers; an officer, in a second browser context,
 * approves the offer; the applicant accepts, signs, downloads the signed agreement and sees the key as a QR code.
 * axe checks every page visited, error states included.
 */

type Check = (page: Page) => Promise<void>;

async function continueWith(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs in through the journey's own pages; the code comes from the local outbox. */
async function signIn(page: Page, email: string, check: Check = expectAccessible) {
  await page.goto('/');
  await check(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { name: 'What is your email address?' })).toBeVisible();
  await check(page);
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await check(page);
  await page.getByLabel('Check your email').fill(await signInCode(page.request, email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('radio', { name: 'Riverside Homes' }).check();
  await check(page);
  await page.getByRole('button', { name: 'Start your application' }).click();
}

/** The applicant's own questions: name (with a mistake first), date of birth, sex, contact, immigration status. */
async function aboutYou(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'What is your name?' })).toBeVisible();
  await check(page);
  await continueWith(page);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter your first name' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await check(page);
  await page.getByLabel('First name').fill('Gareth');
  await page.getByLabel('Last name').fill('Pritchard');
  await continueWith(page);

  await expect(page.getByRole('group', { name: 'What is your date of birth?' })).toBeVisible();
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('1988');
  await continueWith(page);
  await expect(page.getByRole('link', { name: 'Your date of birth must be a real date' })).toBeVisible();
  await check(page);
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('7');
  await continueWith(page);

  await page.getByRole('radio', { name: 'Male', exact: true }).check();
  await check(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'How can we contact you?' })).toBeVisible();
  await check(page);
  await continueWith(page);

  await page.getByRole('radio', { name: 'British or Irish citizen' }).check();
  await check(page);
  await continueWith(page);
}

async function household(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
  await check(page);
  const people = [
    { relationship: 'My partner', first: 'Nia', last: 'Pritchard', dob: ['21', '1', '1990'], sex: 'Female' },
    { relationship: 'My child', first: 'Cerys', last: 'Pritchard', dob: ['9', '5', '2014'], sex: 'Female' },
    { relationship: 'My child', first: 'Elin', last: 'Pritchard', dob: ['30', '11', '2019'], sex: 'Female' },
  ];
  for (const [index, person] of people.entries()) {
    await page.getByRole('link', { name: 'Add someone who will live with you' }).click();
    if (index === 0) {
      await page.getByRole('button', { name: 'Add to your household' }).click();
      await expect(page.getByRole('link', { name: 'Select how they are related to you' })).toBeVisible();
      await check(page);
    }
    await page.getByRole('radio', { name: person.relationship }).check();
    await page.getByLabel('First name').fill(person.first);
    await page.getByLabel('Last name').fill(person.last);
    await page.getByLabel('Day').fill(person.dob[0] as string);
    await page.getByLabel('Month').fill(person.dob[1] as string);
    await page.getByLabel('Year').fill(person.dob[2] as string);
    await page.getByRole('radio', { name: person.sex, exact: true }).check();
    await page.getByRole('button', { name: 'Add to your household' }).click();
    await expect(page.getByRole('term').filter({ hasText: `${person.first} ${person.last}` })).toBeVisible();
  }
  await page.getByRole('button', { name: 'That is everyone, continue' }).click();
}

async function homeAndMoney(page: Page) {
  await expect(page.getByRole('heading', { name: 'How long have you lived in the area?' })).toBeVisible();
  await page.getByLabel('How many whole years have you lived in the area?').fill('6');
  await expectAccessible(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'What is your household’s income?' })).toBeVisible();
  await page.getByLabel('Earnings each month, after tax').fill('2,100');
  await page.getByLabel('Benefits and pensions each month').fill('350');
  await page.getByLabel('Savings and other money you have now').fill('1200');
  await expectAccessible(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'Where do you live now?' })).toBeVisible();
  await page.getByLabel('Address').fill('12 Mill Lane');
  await page.getByLabel('Postcode').fill('rv1 4ab');
  await page.getByLabel('How many bedrooms does it have?').fill('1');
  await page.getByRole('radio', { name: 'I rent from a private landlord' }).check();
  await expectAccessible(page);
  await continueWith(page);
}

test('an applicant on a phone goes from "can I apply?" to the keys, with an officer approving the offer', async ({
  page,
  browser,
}) => {
  await signIn(page, uniqueEmail('gareth'));
  await aboutYou(page);
  await household(page);
  await homeAndMoney(page);
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  expect(applicationId).toMatch(/^app_/);

  // The passport photo: which document and file kind, then the form that posts straight to storage.
  await expect(
    page.getByRole('heading', { name: 'Send a photo of your passport or driving licence' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Passport' }).check();
  await page.getByRole('radio', { name: 'A photo (.jpg or .jpeg)' }).check();
  await continueWith(page);
  await page.getByLabel('Upload the photo or scan').setInputFiles(PASSPORT_PHOTO);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send this file' }).click();
  await reloadUntilVisible(page, () =>
    page.getByRole('heading', { name: 'Is this what your document says?' }),
  );
  await expect(page.getByText('PRITCHARD')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, this is right' }).click();

  await expect(page.getByRole('heading', { name: 'Check your answers before sending them' })).toBeVisible();
  await expect(page.getByText('12 Mill Lane, RV1 4AB')).toBeVisible();
  await expectAccessible(page);
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
    await officer.getByLabel('Your reason').fill('Passport checked against the answers');
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
  await officer.getByLabel('Your reason').fill('Right size, band B, earliest effective date');
  await officer.getByRole('button', { name: 'Record decision' }).click();
  await expect(officer.getByRole('heading', { name: 'Approve or reject this offer' })).toHaveCount(0);
  await officerContext.close();

  // Back to the applicant: the offer, the agreement, the key.
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

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first steps work: sign in, start, answer, with errors shown', async ({ page, browser }) => {
    // axe runs inside the page, so each page is checked as it was rendered here, in a browser that may run axe.
    const check = (rendered: Page) => expectAccessibleAsRendered(rendered, browser);
    await signIn(page, uniqueEmail('nojs'), check);
    await aboutYou(page, check);
    await household(page, check);
    await expect(page.getByRole('heading', { name: 'How long have you lived in the area?' })).toBeVisible();
    await check(page);
  });
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
