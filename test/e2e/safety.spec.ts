import { expect, test } from '@playwright/test';
import { signIn } from './journey-steps.js';
import { expectAccessible, signInCode, uniqueEmail } from './support.js';

/**
 * Leaving and staying safe (issue 9) in a phone-sized Chromium against `npm start`: safe-contact preferences
 * (with an error state), the quick exit by pressing Shift three times, and withdrawing with its confirmation.
 * axe checks every page.
 */

test('an applicant says how to contact them safely, leaves quickly, comes back and withdraws', async ({
  page,
}) => {
  const email = uniqueEmail('gareth');
  await signIn(page, email);
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  expect(applicationId).toMatch(/^app_/);

  // Safe contact: a missing answer first, then the whole answer.
  await page.goto(`/applications/${applicationId}/contact-safety`);
  await expect(page.getByRole('heading', { name: 'How we can contact you safely' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Exit this page/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Text message' }).check();
  await page.getByRole('button', { name: 'Save how we can contact you' }).click();
  await expect(
    page.getByRole('link', { name: 'Say whether we can post letters to your address' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /^Evenings/ }).check();
  await page.getByRole('radio', { name: 'No, someone I live with may open my post' }).check();
  await page.getByRole('radio', { name: 'No' }).last().check();
  await page.getByRole('button', { name: 'Save how we can contact you' }).click();
  await expect(page.getByText('We will only contact you in the ways you chose')).toBeVisible();
  await expectAccessible(page);

  // The quick exit: Shift three times goes to /exit, which signs out and sends the browser to the neutral site
  // (whose address does not resolve here: the network is closed).
  const exit = page.waitForResponse((response) => new URL(response.url()).pathname === '/exit');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  const left = await exit;
  expect(left.status()).toBe(303);
  expect(left.headers().location).toBe('https://www.bbc.co.uk/weather');
  const after = await page.request.get(`/applications/${applicationId}/status`, { maxRedirects: 0 });
  expect([after.status(), after.headers().location]).toEqual([303, '/sign-in']);

  // Back in, in a new tab (the first one is on its way to the neutral site, which cannot load here: the network is
  // closed), and withdraw from the status page.
  const tab = await page.context().newPage();
  await tab.goto('/sign-in');
  await tab.getByLabel('What is your email address?').fill(email);
  await tab.getByRole('button', { name: 'Send me a code' }).click();
  await tab.getByLabel('Check your email').fill(await signInCode(tab.request, email));
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.goto(`/applications/${applicationId}/status`);
  await tab.getByRole('link', { name: 'Withdraw your application' }).click();
  await expect(tab.getByRole('heading', { name: 'Withdraw your application' })).toBeVisible();
  await expectAccessible(tab);
  await tab.getByLabel('Why are you withdrawing? (optional)').fill('We have found somewhere to live');
  await tab.getByRole('button', { name: 'Withdraw my application' }).click();
  await expect(tab.getByRole('heading', { name: 'Application withdrawn' })).toBeVisible();
  await expectAccessible(tab);
});
