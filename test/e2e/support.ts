import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA, as axe tags it: every level-A and level-AA rule up to 2.2. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Every page a test visits goes through axe; a violation fails the test with the rule and the element. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe found WCAG 2.2 AA violations on ${page.url()}`).toEqual([]);
}

/**
 * For a page shown without JavaScript (where axe cannot run): the same HTML, scripts removed, served at the
 * same address to a browser that can run axe, with the same viewport and the real stylesheets.
 */
export async function expectAccessibleAsRendered(page: Page, browser: Browser): Promise<void> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const checker = await context.newPage();
    await checker.route(page.url(), (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await checker.goto(page.url());
    await expectAccessible(checker);
  } finally {
    await context.close();
  }
}

/** WCAG 2.2 reflow (1.4.10): at 320 CSS pixels nothing needs scrolling sideways; a failure names what sticks out. */
export async function expectNoSidewaysScroll(page: Page) {
  // Strings, since these tests type-check without the DOM's types.
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  const wide =
    overflow > 0
      ? await page.evaluate(`[...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(-3)
          .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' "' + element.textContent.trim().slice(0, 40) + '"')`)
      : [];
  expect(
    overflow,
    `${page.url()} scrolls sideways at ${page.viewportSize()?.width} px: ${JSON.stringify(wide)}`,
  ).toBeLessThanOrEqual(0);
}

/** The latest one-time code the local outbox holds for an address (the outbox stands in for email). */
export async function signInCode(request: APIRequestContext, email: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const response = await request.get('/local/outbox');
      const { messages } = (await response.json()) as {
        messages: Array<{ to: { email?: string }; template: string; values: { code?: string } }>;
      };
      // Newest first: a second sign-in (another device) reads its own code, not the one used before.
      code = messages.find((message) => message.template === 'sign-in-code' && message.to.email === email)
        ?.values.code;
      return code;
    })
    .toBeTruthy();
  return code as string;
}

/** A unique applicant per test, so reruns against one runtime never meet an earlier journey. */
export const uniqueEmail = (who: string) =>
  `${who}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

/** The demo applicant's passport photo (invented data, made by test/fixtures/passports/generate.ts). */
export const PASSPORT_PHOTO = join(__dirname, '..', 'fixtures', 'passports', 'gareth-phone.jpg');
export const passportBytes = () => readFileSync(PASSPORT_PHOTO);
/** A payslip that is not the demo applicant's (test/fixtures/documents, generated in code). */
export const ZOFIAS_PAYSLIP = join(__dirname, '..', 'fixtures', 'documents', 'zofia-payslip-clean.png');

export const DEMO_OFFICER = { email: 'officer@riverside.example', password: 'doorstep-officer' };

/** Reloads until a locator appears: the workflow moves on its own between a person's steps. */
export async function reloadUntilVisible(
  page: Page,
  selector: () => ReturnType<Page['getByRole']>,
  timeout = 60_000,
) {
  await expect(async () => {
    await page.reload();
    await expect(selector()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout, intervals: [500, 1_000] });
}
