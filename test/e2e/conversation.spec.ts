import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  aboutYou,
  type Check,
  circumstances,
  continueWith,
  homeAndMoney,
  household,
  sendDocument,
  signIn,
} from './journey-steps.js';
import {
  expectAccessible,
  expectAccessibleAsRendered,
  expectNoSidewaysScroll,
  PASSPORT_PHOTO,
  reloadUntilVisible,
  signInCode,
  uniqueEmail,
} from './support.js';

/**
 * The conversation (issue 9) on the smallest phone (320 px): without JavaScript, every question a page of its
 * own, through to the answers sent, resumed on a second device with a one-time code; with JavaScript, the same
 * questions continuing in place with the answers so far above them. Every page checked by axe, errors included,
 * and none scrolls sideways.
 */

/** axe on the page as this browser rendered it (scripts off), and no sideways scrolling. */
const renderedCheck =
  (browser: Browser): Check =>
  async (page) => {
    await expectNoSidewaysScroll(page);
    await expectAccessibleAsRendered(page, browser);
  };

const liveCheck: Check = async (page) => {
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
};

/** Signs in again on another device: the one-time code, then straight back to the next unanswered question. */
async function resume(page: Page, email: string, check: Check) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in to carry on' }).click();
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.getByLabel('Check your email').fill('12345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'The code is 6 digits, like 123456' })).toBeVisible();
  await check(page);
  await page.getByLabel('Check your email').fill(await signInCode(page.request, email));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an applicant answers every question to the answers sent, and carries on from a second device with a one-time code', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const check = renderedCheck(browser);
    const email = uniqueEmail('nojs');
    await signIn(page, email, check);
    await aboutYou(page, check);
    await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();

    // A second device: a browser of its own (no cookies from the first), JavaScript off too.
    const second = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: false });
    try {
      const phone = await second.newPage();
      await resume(phone, email, check);
      await expect(phone.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
      await household(phone, check);
      await homeAndMoney(phone, check);
      await circumstances(phone, check);

      await sendDocument(phone, 'Passport', 'A photo (.jpg or .jpeg)', PASSPORT_PHOTO, check);
      await reloadUntilVisible(phone, () =>
        phone.getByRole('heading', { name: 'Is this what your document says?' }),
      );
      await check(phone);
      await phone.getByRole('button', { name: 'Yes, this is right' }).click();

      await expect(
        phone.getByRole('heading', { name: 'Check your answers before sending them' }),
      ).toBeVisible();
      await expect(phone.getByText('12 Mill Lane, RV1 4AB')).toBeVisible();
      await check(phone);
      await phone.getByRole('button', { name: 'Accept and send' }).click();

      // Submitted: the status page says what happens next.
      await expect(phone.getByRole('heading', { name: 'What happens next' })).toBeVisible();
      await expect(phone.getByRole('heading', { name: 'What we decided, and why' })).toBeVisible();
      await check(phone);

      // The applicant's other pages, each at 320 px without JavaScript: help, privacy, safe contact, consents,
      // what we hold, withdrawing.
      const base = new URL(phone.url()).pathname.replace(/\/status$/, '');
      for (const path of [
        '/help',
        '/privacy',
        `${base}/contact-safety`,
        `${base}/consents`,
        `${base}/your-data`,
        `${base}/withdraw`,
      ]) {
        const response = await phone.goto(path);
        expect(response?.status(), path).toBe(200);
        await check(phone);
      }
    } finally {
      await second.close();
    }
  });
});

test.describe('with JavaScript', () => {
  test('the questions continue in place, with the answers so far above, focus on the question, and Back working', async ({
    page,
  }) => {
    await signIn(page, uniqueEmail('chat'), liveCheck);
    await expect(page.getByRole('heading', { name: 'What is your name?' })).toBeVisible();
    await liveCheck(page);
    const firstUrl = page.url();

    // An error: the GOV.UK error summary, focused, in place.
    await continueWith(page);
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter your first name' })).toBeVisible();
    // GOV.UK's error summary takes focus itself (its box, around the alert), as on a page load.
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    expect(page.url()).toBe(firstUrl);
    await liveCheck(page);

    // An answer: the next question replaces this one in place, the answer stays above, focus on the question.
    await page.getByLabel('First name').fill('Gareth');
    await page.getByLabel('Last name').fill('Pritchard');
    await page.evaluate('window.doorstepSamePage = true');
    await continueWith(page);
    const question = page.getByRole('heading', { name: 'What is your date of birth?' });
    await expect(question).toBeVisible();
    await expect(question).toBeFocused();
    await expect(page).toHaveURL(/\/questions\/date-of-birth$/);
    await expect(page).toHaveTitle(/^What is your date of birth\?/);
    // The header's language switch leads to this question in Welsh, not the one before.
    await expect(page.getByRole('link', { name: 'Cymraeg' })).toHaveAttribute(
      'href',
      /\/questions\/date-of-birth/,
    );
    // No page load: what the page remembered is still there.
    expect(await page.evaluate('window.doorstepSamePage')).toBe(true);
    const transcript = page.getByRole('region', { name: 'Your answers so far' });
    await expect(transcript.getByRole('term')).toHaveText(['What is your name?']);
    await expect(transcript.getByRole('definition')).toHaveText(['First name: Gareth; Last name: Pritchard']);
    await expect(
      page.getByRole('status').filter({ hasText: 'Next question: What is your date of birth?' }),
    ).toHaveCount(1);
    await liveCheck(page);

    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('7');
    await page.getByLabel('Year').fill('1988');
    await continueWith(page);
    await expect(page.getByRole('group', { name: 'What is your sex?' })).toBeVisible();
    await expect(transcript.getByRole('definition')).toHaveText([
      'First name: Gareth; Last name: Pritchard',
      '2/7/1988',
    ]);
    await liveCheck(page);

    // Back goes to the question before, with its answer kept; Forward returns.
    await page.goBack();
    await expect(page).toHaveURL(/\/questions\/date-of-birth$/);
    await expect(page.getByRole('heading', { name: 'What is your date of birth?' })).toBeVisible();
    await expect(page.getByLabel('Year')).toHaveValue('1988');
    await page.goForward();
    await expect(page.getByRole('group', { name: 'What is your sex?' })).toBeVisible();

    // The answers were saved by the server: a fresh load of the first question shows them.
    await page.goto(firstUrl);
    await expect(page.getByLabel('First name')).toHaveValue('Gareth');
  });
});
