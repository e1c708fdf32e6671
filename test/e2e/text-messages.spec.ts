import { type APIRequestContext, expect, test } from '@playwright/test';
import { signIn } from './journey-steps.js';
import { expectAccessible, uniqueEmail } from './support.js';

/**
 * Answering by text (issue 9) in a phone-sized Chromium against `npm start`: linking a mobile from the status
 * page (with an error state), answering the questions by text on the simulated phone at /local/sms up to the
 * household, adding a child by text (kept on the phone's link in DynamoDB Local between texts), and signing in
 * with a code sent by text. axe checks every page of the journey.
 */

/** A mobile of Ofcom's drama range no other test run uses. */
const aMobile = () => `07700 900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

/** The newest 6-digit code texted to the simulated phone. */
async function codeTexted(request: APIRequestContext, phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const thread = await (await request.get(`/local/sms?phone=${encodeURIComponent(phone)}`)).text();
      code = [...thread.matchAll(/<pre>(\d{6}) is your/g)].at(-1)?.[1];
      return code;
    })
    .toBeTruthy();
  return code as string;
}

test('an applicant links their mobile, answers by text, and signs in with a code sent by text', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const phone = aMobile();
  await signIn(page, uniqueEmail('gareth'));
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;

  // Linking, from the status page: a wrong number first.
  await page.goto(`/applications/${applicationId}/status`);
  await page.getByRole('link', { name: 'Answer your questions by text message' }).click();
  await expect(page.getByRole('heading', { name: 'Answer by text message' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('UK mobile number').fill('020 7946 0000');
  await page.getByRole('button', { name: 'Text me a code' }).click();
  await expect(page.getByRole('link', { name: 'Enter a UK mobile number, like 07700 900982' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('UK mobile number').fill(phone);
  await page.getByRole('button', { name: 'Text me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your phone' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Check your phone').fill(await codeTexted(page.request, phone));
  await page.getByRole('button', { name: 'Start answering by text' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/status$`));

  // The phone: the first question arrives; two replies answer it, and the next one comes.
  await page.goto(`/local/sms?phone=${encodeURIComponent(phone)}`);
  await expect(page.getByText('What is your name? (1 of 2)')).toBeVisible();
  for (const reply of ['Gareth', 'Pritchard']) {
    await page.getByLabel('Reply').fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();
  }
  await expect(page.getByText(/Thank you\.\s+What is your date of birth\?/)).toBeVisible();

  // On to the household by text: a child added, their needs asked, then no one else; the web page shows them.
  const reply = async (text: string) => {
    await page.getByLabel('Reply').fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
  };
  /** The number of "None of these" in the newest text, as a person reads it off their phone. */
  const noneOfThese = async () =>
    [...(await page.locator('body').innerText()).matchAll(/^(\d+) None of these$/gm)].at(-1)?.[1] ?? '';
  for (const text of ['2 7 1988', '2', 'gareth.sms@example.org', 'SKIP', '1']) await reply(text);
  await expect(page.getByText('Will anyone live with you?').last()).toBeVisible();
  for (const text of ['1', '2', 'Osian', 'Pritchard', '9 5 2014', '2']) await reply(text);
  await expect(page.getByText(/Do any of these apply to Osian\?/).last()).toBeVisible();
  await reply(await noneOfThese());
  await expect(page.getByText(/You have added Osian\./).last()).toBeVisible();
  await reply('2');
  await expect(page.getByText(/Do any of these apply to you\?/).last()).toBeVisible();
  await page.goto(`/applications/${applicationId}/questions/household`);
  await expect(page.getByRole('term').filter({ hasText: 'Osian Pritchard' })).toBeVisible();
  await expectAccessible(page);

  // Signing in on another device with a code sent by text: the same applicant, at their application.
  const other = await browser.newContext({ viewport: { width: 320, height: 640 } });
  try {
    const phonePage = await other.newPage();
    await phonePage.goto('/sign-in');
    await phonePage.getByLabel('Or get a code by text message to your UK mobile').fill(phone);
    await phonePage.getByRole('button', { name: 'Text me a code' }).click();
    await expect(phonePage.getByRole('heading', { name: 'Check your phone' })).toBeVisible();
    await expectAccessible(phonePage);
    await phonePage.getByLabel('Check your phone').fill(await codeTexted(phonePage.request, phone));
    await phonePage.getByRole('button', { name: 'Sign in' }).click();
    await phonePage.goto(`/applications/${applicationId}/status`);
    await expect(phonePage.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(phonePage).toHaveURL(new RegExp(`/applications/${applicationId}/status$`));
  } finally {
    await other.close();
  }
});
