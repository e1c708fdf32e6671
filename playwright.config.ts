import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests (issue 5): the whole journey in Debian's Chromium against `npm start`'s own code, on a port and
 * data folder of their own, with axe checking every page. Loopback only.
 */
const PORT = Number(process.env.E2E_PORT ?? 3199);

export default defineConfig({
  testDir: 'test/e2e',
  // One runtime, one journey at a time: the tests share its demo stock.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root Chromium needs --no-sandbox; the rest keep it off the (closed) network (DESIGN.md §5).
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    // The smallest phone the journey supports (WCAG 2.2 reflow: 320 CSS pixels).
    ...devices['Desktop Chrome'],
    viewport: { width: 320, height: 640 },
    trace: 'off',
  },
  webServer: {
    command:
      "node -e \"require('node:fs').rmSync('.doorstep/e2e/data',{recursive:true,force:true})\" && npx tsx local/start.ts",
    url: `http://127.0.0.1:${PORT}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(PORT), DOORSTEP_DATA_DIR: '.doorstep/e2e', LOG_LEVEL: 'WARN' },
  },
});
