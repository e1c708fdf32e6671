// Prints the totals of every test runner's JSON report as one plain line: `tests: N passed, N failed`.
// A runner whose report is missing counts as a failure, so a run that executed nothing is visible.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'reports';
let passed = 0;
let failed = 0;
const missing = [];

const jest = join(dir, 'jest.json');
if (existsSync(jest)) {
  const report = JSON.parse(readFileSync(jest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to run (syntax error, failed beforeAll) has no failed tests but must not pass silently.
  failed += report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
} else {
  missing.push('jest');
}

const playwright = join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const { stats, errors } = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += stats.expected + stats.flaky;
  // A skipped browser test is not a pass: Doorstep has none, so one showing up must be seen.
  failed += stats.unexpected + stats.skipped;
  // An error outside any test (the web server did not start, a config error) fails the run.
  failed += (errors ?? []).length;
} else {
  missing.push('playwright');
}

if (missing.length > 0) {
  failed += missing.length;
  console.log(`missing reports: ${missing.join(', ')}`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
