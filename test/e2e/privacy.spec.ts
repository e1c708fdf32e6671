import { expect, test } from '@playwright/test';
import { signIn } from './journey-steps.js';
import { expectAccessible, reloadUntilVisible, uniqueEmail } from './support.js';

/**
 * Privacy (issue 9) in a phone-sized Chromium against `npm start`: the notice from the start page, consents
 * given and withdrawn, and "What we hold about you" with its JSON and a PDF made by the local Letters workflow.
 * axe checks every page.
 */

test('an applicant reads the privacy notice, chooses what else we may do, and downloads what we hold', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Read how we use your information' }).click();
  await expect(page.getByRole('heading', { name: 'How we use your information' })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, uniqueEmail('gareth'));
  const applicationId = /\/applications\/(app_[A-Za-z0-9]+)\//.exec(page.url())?.[1] as string;
  expect(applicationId).toMatch(/^app_/);

  await page.goto(`/applications/${applicationId}/consents`);
  await expect(page.getByRole('heading', { name: 'What you agree we may do' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Send me text messages about my application' }).check();
  await page.getByRole('button', { name: 'Save your choices' }).click();
  await expect(page.getByText('Your choices are saved')).toBeVisible();
  await expect(
    page.getByRole('checkbox', { name: 'Send me text messages about my application' }),
  ).toBeChecked();
  await expectAccessible(page);

  await page.goto(`/applications/${applicationId}/your-data`);
  await expect(page.getByRole('heading', { name: 'What we hold about you', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your consents' })).toBeVisible();
  await expectAccessible(page);
  const json = await page.request.get(`/applications/${applicationId}/your-data.json`);
  expect(json.headers()['content-disposition']).toContain('attachment');
  expect((await json.json()).consents[0]).toMatchObject({ use: 'text-messages', given: true, via: 'web' });

  await page.getByRole('button', { name: 'Make a PDF copy' }).click();
  await reloadUntilVisible(page, () => page.getByRole('link', { name: 'Download your PDF copy' }));
  await expectAccessible(page);
  const pdf = await page.request.get(`/applications/${applicationId}/your-data.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
