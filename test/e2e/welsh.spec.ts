import { expect, test } from '@playwright/test';
import { translate } from '../../shared/i18n/index.js';
import { aboutYou, circumstances, homeAndMoney, household, sendDocument, signIn } from './journey-steps.js';
import { expectAccessible, PASSPORT_PHOTO, reloadUntilVisible, signInCode, uniqueEmail } from './support.js';

/** A page's words in Welsh: the catalogue's Welsh for each English text the steps look for. */
const cy = (english: string) => translate('cy', english);

/**
 * The first part of the journey in Welsh (issue 9), in a phone-sized Chromium, axe on every page, an error state
 * included: the language chosen with the switch in the header, kept from page to page, and switched back and
 * forth half way without losing the page or an answer; then the status page and the privacy notice.
 */

test('an applicant applies in Welsh from the start, and can switch language half way', async ({ page }) => {
  const email = uniqueEmail('sian');
  await page.goto('/');
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { name: 'Gwneud cais am gartref cymdeithasol' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Dechrau nawr' }).click();
  await expect(page.getByRole('heading', { name: 'Beth yw eich cyfeiriad e-bost?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Beth yw eich cyfeiriad e-bost?').fill(email);
  await page.getByRole('button', { name: 'Anfon cod ataf', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Edrychwch ar eich e-bost' })).toBeVisible();
  await page.getByLabel('Edrychwch ar eich e-bost').fill(await signInCode(page.request, email));
  await page.getByRole('button', { name: 'Mewngofnodi', exact: true }).click();
  await page.getByRole('radio', { name: 'Riverside Homes' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dechrau eich cais' }).click();

  // An answer left out: the error summary, the message by the field and the page title, all in Welsh.
  await expect(page.getByRole('heading', { name: 'Beth yw eich enw?' })).toBeVisible();
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(page.getByRole('heading', { name: 'Mae problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rhowch eich enw cyntaf' })).toBeVisible();
  await expect(page).toHaveTitle(/^Gwall: Beth yw eich enw\?/);
  await expectAccessible(page);
  await page.getByLabel('Enw cyntaf').fill('Siân');
  await page.getByLabel('Cyfenw').fill('Evans');
  await page.getByRole('button', { name: 'Parhau' }).click();

  await expect(page.getByRole('group', { name: 'Beth yw eich dyddiad geni?' })).toBeVisible();
  await page.getByLabel('Diwrnod').fill('31');
  await page.getByLabel('Mis').fill('2');
  await page.getByLabel('Blwyddyn').fill('1991');
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(
    page.getByRole('link', { name: 'Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Diwrnod').fill('14');
  await page.getByRole('button', { name: 'Parhau' }).click();

  await page.getByRole('radio', { name: 'Benyw', exact: true }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Parhau' }).click();

  // Half way, to English and back: the same page each time, and the answers given are still there.
  await expect(page.getByRole('heading', { name: 'Sut gallwn ni gysylltu â chi?' })).toBeVisible();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(page.getByRole('heading', { name: 'How can we contact you?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Female', exact: true })).toBeChecked();
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('radio', { name: 'Benyw', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Parhau' }).click();

  await expect(page.getByRole('heading', { name: 'Sut gallwn ni gysylltu â chi?' })).toBeVisible();
  await page.getByLabel('Cyfeiriad e-bost').fill('not an email');
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(
    page.getByRole('link', { name: 'Rhowch gyfeiriad e-bost yn y ffurf gywir, fel enw@enghraifft.com' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Cyfeiriad e-bost').fill(email);
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(page.getByRole('heading', { name: 'Beth yw eich statws mewnfudo?' })).toBeVisible();
  await expectAccessible(page);

  // Saved for later: the status page, with its task list and what happens next, and the privacy notice.
  await page.getByRole('link', { name: 'Cadw a dod yn ôl nes ymlaen' }).click();
  await expect(page.getByRole('heading', { name: 'Allwch chi wneud cais?', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Beth sy’n digwydd nesaf' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { name: 'Sut rydym yn defnyddio eich gwybodaeth' })).toBeVisible();
  await expectAccessible(page);
});

test('an applicant answers every question in Welsh, sends the passport and the answers, and reads the decision in Welsh', async ({
  page,
}) => {
  // The same steps as the English journey (journey-steps.ts), looking for each page's Welsh: every question,
  // the household, the upload, checking and sending, with axe on every page and its error states.
  test.setTimeout(300_000);
  await page.goto('/?lang=cy');
  await signIn(page, uniqueEmail('gareth-cy'), expectAccessible, cy);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await aboutYou(page, expectAccessible, cy);
  await household(page, expectAccessible, cy);
  await homeAndMoney(page, expectAccessible, cy);
  await circumstances(page, expectAccessible, cy);

  await sendDocument(page, 'Passport', 'A photo (.jpg or .jpeg)', PASSPORT_PHOTO, expectAccessible, cy);
  await reloadUntilVisible(page, () =>
    page.getByRole('heading', { name: cy('Is this what your document says?') }),
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: cy('Yes, this is right') }).click();

  await expect(
    page.getByRole('heading', { name: cy('Check your answers before sending them') }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: cy('Accept and send') }).click();
  await expect(page.getByRole('heading', { name: cy('What we decided, and why') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expectAccessible(page);
  // The decisions' reasons are Welsh too: none of the English a reason begins with is left on the page.
  const main = await page.locator('main').innerText();
  expect(main).not.toMatch(/\b(You are|You have|Your household|We have decided)\b/);
});
