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
  ZOFIAS_PAYSLIP,
} from './support.js';

/**
 * The whole journey in a phone-sized Chromium (320 px): an applicant signs in with a one-time code, answers one
 * question at a time, photographs their passport, sends the answers; an officer, in a second browser context,
 * approves the offer; the applicant accepts, signs, downloads the signed agreement and sees the key as a QR code.
 * axe checks every page visited, error states included.
 */

type Check = (page: Page) => Promise<void>;

/** The upload page: which document and file kind, then the form that posts straight to storage. */
async function sendDocument(page: Page, kind: string, format: string, file: string) {
  await expect(page.getByRole('heading', { name: 'Send a document' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByRole('radio', { name: format }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Upload the photo or scan').setInputFiles(file);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send this file' }).click();
}

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

/** An ISO date's day, month and year as a person types them. */
const typed = (date: Date) => [
  String(date.getUTCDate()),
  String(date.getUTCMonth() + 1),
  String(date.getUTCFullYear()),
];

/**
 * The household, one person at a time: who they are, their details, then the needs that can apply to them; a
 * baby on the way is added and removed again; a child's details are changed; then the applicant's own needs.
 */
async function household(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
  await check(page);
  const people = [
    {
      relationship: 'My partner',
      heading: 'Tell us about your partner',
      first: 'Nia',
      last: 'Pritchard',
      dob: ['21', '1', '1990'],
      sex: 'Female',
    },
    {
      relationship: 'My child',
      heading: 'Tell us about your child',
      first: 'Cerys',
      last: 'Pritchard',
      dob: ['9', '5', '2014'],
      sex: 'Female',
    },
    {
      relationship: 'My child',
      heading: 'Tell us about your child',
      first: 'Elin',
      last: 'Pritchard',
      dob: ['30', '11', '2019'],
      sex: 'Female',
    },
  ];
  for (const [index, person] of people.entries()) {
    const first = index === 0;
    await page.getByRole('link', { name: 'Add someone who will live with you' }).click();
    await expect(page.getByRole('heading', { name: 'Who are you adding to your household?' })).toBeVisible();
    if (first) {
      await continueWith(page);
      await expect(page.getByRole('link', { name: 'Select who you are adding' })).toBeVisible();
      await check(page);
    }
    await page.getByRole('radio', { name: person.relationship }).check();
    await continueWith(page);
    await expect(page.getByRole('heading', { name: person.heading })).toBeVisible();
    if (first) await check(page);
    await page.getByLabel('First name').fill(person.first);
    await page.getByLabel('Last name').fill(person.last);
    await page.getByLabel('Day').fill(person.dob[0] as string);
    await page.getByLabel('Month').fill(person.dob[1] as string);
    await page.getByLabel('Year').fill(person.dob[2] as string);
    await page.getByRole('radio', { name: person.sex, exact: true }).check();
    await page.getByRole('button', { name: 'Add to your household' }).click();
    await expect(
      page.getByRole('heading', { name: `Do any of these apply to ${person.first}?` }),
    ).toBeVisible();
    if (first) {
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect(
        page.getByRole('link', {
          name: `Select which of these apply to ${person.first}, or ‘None of these’`,
        }),
      ).toBeVisible();
      await check(page);
    }
    await page.getByRole('checkbox', { name: 'None of these' }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('term').filter({ hasText: `${person.first} ${person.last}` })).toBeVisible();
  }

  // A baby on the way is asked for a due date, not a date of birth; then removed again.
  await page.getByRole('link', { name: 'Add someone who will live with you' }).click();
  await page.getByRole('radio', { name: 'A baby we are expecting' }).check();
  await continueWith(page);
  await expect(page.getByRole('heading', { name: 'Tell us about the baby you are expecting' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'When is the baby due?' })).toBeVisible();
  await check(page);
  const [day, month, year] = typed(new Date(Date.now() + 60 * 24 * 60 * 60 * 1000));
  await page.getByLabel('Day').fill(day as string);
  await page.getByLabel('Month').fill(month as string);
  await page.getByLabel('Year').fill(year as string);
  await page.getByRole('radio', { name: 'A girl' }).check();
  await page.getByRole('button', { name: 'Add to your household' }).click();
  await expect(
    page.getByRole('definition').filter({ hasText: 'A baby you are expecting, due' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Remove Baby Pritchard' }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Baby Pritchard' })).toHaveCount(0);

  // Changing someone walks the same pages with their answers.
  await page.getByRole('link', { name: 'Change Elin Pritchard' }).click();
  await expect(page.getByRole('radio', { name: 'My child' })).toBeChecked();
  await continueWith(page);
  await expect(page.getByLabel('First name')).toHaveValue('Elin');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('checkbox', { name: 'None of these' })).toBeChecked();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await page.getByRole('button', { name: 'That is everyone, continue' }).click();
}

async function homeAndMoney(page: Page) {
  await expect(page.getByRole('heading', { name: 'How long have you lived in the area?' })).toBeVisible();
  await page.getByLabel('How many whole years have you lived in the area?').fill('6');
  await page.getByRole('checkbox', { name: 'I work in the area' }).check();
  await expectAccessible(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'What is your household’s income?' })).toBeVisible();
  await page.getByLabel('Earnings each month, after tax').fill('2,100');
  await page.getByLabel('Benefits and pensions each month').fill('350');
  await page.getByLabel('Savings and other money you have now').fill('1200');
  await page.getByRole('radio', { name: 'Yes, the housing part of Universal Credit' }).check();
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

/** One radio question: its heading, axe, the answer, Continue. */
async function answerRadio(page: Page, question: string, answer: string) {
  await expect(page.getByRole('heading', { name: question })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: answer, exact: true }).check();
  await continueWith(page);
}

/** The circumstances, one plain question at a time; how much rent is owed is asked only after yes. */
async function circumstances(page: Page) {
  await answerRadio(page, 'Do you, or anyone who will live with you, own a home?', 'No');

  const arrears = 'Do you owe rent to a landlord you used to rent from?';
  await expect(page.getByRole('heading', { name: arrears })).toBeVisible();
  await continueWith(page);
  await expect(
    page.getByRole('link', { name: 'Select yes if you owe rent to a former landlord' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await answerRadio(page, arrears, 'Yes');

  await expect(page.getByRole('heading', { name: 'The rent you owe a former landlord' })).toBeVisible();
  await page.getByLabel('How much do you owe?').fill('250');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expectAccessible(page);
  await continueWith(page);

  await answerRadio(
    page,
    'Has a court found you, or anyone who will live with you, responsible for serious anti-social behaviour?',
    'No',
  );
  await answerRadio(
    page,
    'Has a council told you it has a duty to help you because you are homeless?',
    'No, or I do not know',
  );
  await answerRadio(page, 'Is your home in serious disrepair, or unsafe to live in?', 'No');
  await answerRadio(page, 'Do you need to move because of someone’s health or disability?', 'No');
  await answerRadio(page, 'Do you need to move to this area to avoid hardship?', 'No');
  await answerRadio(page, 'Are you an approved foster carer?', 'No');
}

test('an applicant on a phone goes from "can I apply?" to the keys, with an officer approving the offer', async ({
  page,
  browser,
}) => {
  // Every question of the journey, each page checked by axe, then the offer, the signing and the key.
  test.setTimeout(300_000);
  await signIn(page, uniqueEmail('gareth'));
  await aboutYou(page);
  await household(page);
  await homeAndMoney(page);
  await circumstances(page);
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  expect(applicationId).toMatch(/^app_/);

  // The passport photo: which document and file kind, then the form that posts straight to storage.
  await sendDocument(page, 'Passport', 'A photo (.jpg or .jpeg)', PASSPORT_PHOTO);
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
