import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible } from './support.js';

/**
 * The senior officer signs in to the console as officers do in AWS, where the user pool requires an
 * authenticator app: the password, then the app's code. The test is the app: it reads the key the local
 * identity provider made on first start (the runtime's data folder is `.doorstep/e2e`, playwright.config.ts)
 * and works the code out itself (RFC 6238: SHA-1, 30-second steps, 6 digits). axe checks every page.
 */

const SENIOR = { email: 'senior@riverside.example', password: 'doorstep-senior' };
const KEYS_FILE = join(__dirname, '..', '..', '.doorstep', 'e2e', 'keys', 'officer-totp.json');
const CODE_LABEL = 'Enter the 6-digit code from your authenticator app';

/** The senior officer's authenticator app, from the key the runtime wrote. */
function seniorsApp(): TOTP {
  const keys = JSON.parse(readFileSync(KEYS_FILE, 'utf8')) as Record<string, string | undefined>;
  const key = keys[SENIOR.email];
  if (!key) throw new Error(`The runtime wrote no app key for ${SENIOR.email} in ${KEYS_FILE}`);
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key) });
}

/** A code the app shows at no step from a minute ago to a minute ahead, so the provider cannot take it. */
function aWrongCode(app: TOTP): string {
  const now = Date.now();
  const shown = new Set([-2, -1, 0, 1, 2].map((step) => app.generate({ timestamp: now + step * 30_000 })));
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((code) => !shown.has(code)) ?? '';
}

test('the senior officer signs in with a password and their authenticator app’s code, a wrong one first', async ({
  page,
}) => {
  const app = seniorsApp();

  await page.goto('/officer');
  await expect(page.getByRole('heading', { name: 'Sign in to the lettings console' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Work email address').fill(SENIOR.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(SENIOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The right password leads to the code, with the sign-in's session in a cookie, never in the address.
  await expect(page.getByRole('heading', { name: CODE_LABEL })).toBeVisible();
  await expect(page).toHaveURL(/\/officer\/sign-in\/code$/);
  const pending = (await page.context().cookies()).find(
    (cookie) => cookie.name === 'doorstep_officer_sign_in',
  );
  expect(pending).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/officer/sign-in',
  });
  await expectAccessible(page);

  await page.getByLabel(CODE_LABEL).fill(aWrongCode(app));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: /^That code did not work/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(CODE_LABEL).fill(app.generate());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your queue' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${SENIOR.email}`)).toBeVisible();
  await expectAccessible(page);
  const cookies = (await page.context().cookies()).map((cookie) => cookie.name);
  expect(cookies).toContain('doorstep_officer');
  expect(cookies).not.toContain('doorstep_officer_sign_in');
});
