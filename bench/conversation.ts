import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import {
  DynamoApplicationStore,
  DynamoAuditLog,
  DynamoLettingStore,
  DynamoOutboxNotifier,
  DynamoSessionStore,
  DynamoWaitStore,
  documentClient,
} from '../shared/adapters/aws/dynamodb.js';
import { createJourneyTable } from '../shared/adapters/aws/table.js';
import type { Notification } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { memoryDeps } from '../test/support/memory.js';
import { Browser, errorSummaryOf } from '../test/unit/web/browser.js';
import { createWebHandler } from '../web/app.js';
import { createRenderer, repositoryViews } from '../web/render.js';

/**
 * `npm run bench:conversation`: the applicant's conversation (issue 9) as the web serves it. Two figures:
 *
 * 1. Server time per prompt: the web handler (createWebHandler, as in AWS and `npm start`) over DynamoDB Local's
 *    stores, answering every question from the first to the identity document (the upload, which goes to
 *    storage, is not a prompt the server answers). A prompt's time is what a person waits on after pressing
 *    Continue: the answer's POST (checked, saved) and the GET of the next question it redirects to (read,
 *    rendered). One journey warms up first (the JVM and Node's JIT); the rest are counted.
 * 2. The first page's weight: every byte a browser with an empty cache fetches for the start page (HTML,
 *    stylesheets, scripts and the modules they import, icons), each gzip-compressed as a browser would get it;
 *    and all of it up to the first question (sign in, the code, the landlord, then the question: assets once).
 *
 * Targets: p95 under 50 ms a prompt locally; under 100 KB before the first question. Figures, never assertions.
 */
const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 21);
const NOW = new Date('2026-11-29T09:30:00.000Z');

/** A household of one, answering as plainly as the questions allow. */
const ANSWERS: Record<string, Record<string, string>> = {
  name: { firstName: 'Gareth', lastName: 'Pritchard' },
  'date-of-birth': { 'dateOfBirth-day': '2', 'dateOfBirth-month': '7', 'dateOfBirth-year': '1988' },
  sex: { sex: 'male' },
  contact: { email: 'bench@example.org', phone: '07700 900982' },
  'immigration-status': { immigrationStatus: 'british-or-irish' },
  household: { needs: 'none' },
  'local-connection': { yearsInArea: '6', links: 'worksInArea' },
  income: { monthlyEarnings: '2100', monthlyBenefits: '0', savings: '1200', housingSupport: 'none' },
  'current-home': { tenure: 'private-rent', addressLine: '12 Mill Lane', postcode: 'RV1 4AB', bedrooms: '1' },
  'owns-property': { ownsProperty: 'no' },
  'former-arrears': { owesFormerLandlord: 'no' },
  behaviour: { unacceptableBehaviour: 'no' },
  'homelessness-duty': { homelessnessDuty: 'none' },
  disrepair: { disrepair: 'no' },
  'medical-need': { medicalNeed: 'none' },
  'hardship-move': { hardshipMove: 'no' },
  'foster-carer': { fosterCarer: 'no' },
};

function percentiles(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: at(1), n: sorted.length };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function main(): Promise<void> {
  const table = 'doorstep-bench';
  const local = await startDynamoDbLocal();
  try {
    await createJourneyTable(local.client, table);
    const db = documentClient(local.client);
    // Each DynamoDB call and its time, so the figures say how much of a prompt is the database's.
    const calls = { count: 0, ms: 0 };
    const send = db.send.bind(db) as (command: unknown) => Promise<unknown>;
    (db as unknown as { send: typeof send }).send = async (command) => {
      const started = performance.now();
      try {
        return await send(command);
      } finally {
        calls.count += 1;
        calls.ms += performance.now() - started;
      }
    };
    const outbox = new DynamoOutboxNotifier(db, table, { now: () => NOW });
    // The codes go to the outbox table as in `npm start`; the bench keeps the last one to type it in.
    let lastCode = '';
    const notifier = {
      async send(notification: Notification) {
        if (notification.values.code) lastCode = notification.values.code;
        await outbox.send(notification);
      },
    };
    const deps = {
      ...memoryDeps(NOW),
      applications: new DynamoApplicationStore(db, table),
      lettings: new DynamoLettingStore(db, table),
      waits: new DynamoWaitStore(db, table),
      audit: new DynamoAuditLog(db, table),
      sessions: new DynamoSessionStore(db, table),
      notifier,
    } as unknown as Deps;
    const root = join(__dirname, '..');
    const handler = createWebHandler({
      deps: () => deps,
      officers: () => {
        throw new Error('No officer pages in this bench');
      },
      render: createRenderer(repositoryViews(root)),
      assets: {
        govukDir: join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
        staticDir: join(root, 'web', 'static'),
      },
      csrfKey: 'csrf-key-for-the-bench-only',
    });

    const weight = await pageWeight(new Browser(handler), () => lastCode);

    const posts: number[] = [];
    const gets: number[] = [];
    const waits: number[] = [];
    const perPrompt = new Map<string, number[]>();
    const timedGet = async (browser: Browser, path: string) => {
      const started = performance.now();
      const shown = await browser.get(path);
      const ms = performance.now() - started;
      if (shown.status !== 200) throw new Error(`GET ${path} answered ${shown.status}`);
      return ms;
    };
    const counted = { calls: 0, ms: 0 };
    for (let journey = 0; journey < JOURNEYS; journey += 1) {
      const browser = new Browser(handler);
      let page = await signInAndStart(browser, `bench.${journey}@example.org`, () => lastCode);
      const before = { ...calls };
      const journeyGets: number[] = [await timedGet(browser, page)];
      const journeyPosts: number[] = [];
      for (;;) {
        const prompt = /\/questions\/([a-z-]+)$|\/(household)$/.exec(page)?.slice(1).find(Boolean);
        if (!prompt) break;
        const answers = ANSWERS[prompt];
        if (!answers) throw new Error(`The bench has no answer for the prompt ${prompt}`);
        const action = prompt === 'household' ? page.replace(/\/household$/, '/questions/household') : page;
        const started = performance.now();
        const answered = await browser.post(action, answers);
        const posted = performance.now() - started;
        if (answered.status !== 303) {
          const errors = errorSummaryOf(answered.body).map((error) => error.text);
          throw new Error(`POST ${action} answered ${answered.status}: ${errors.join('; ')}`);
        }
        journeyPosts.push(posted);
        if (journey > 0) perPrompt.set(prompt, [...(perPrompt.get(prompt) ?? []), posted]);
        page = answered.headers.location ?? '';
        // The page the answer leads to: the next question, or at the end the identity document's upload page.
        journeyGets.push(await timedGet(browser, page));
      }
      if (!page.endsWith('/documents/new'))
        throw new Error(`The questions ended at ${page}, not the identity document`);
      if (journey === 0) continue;
      counted.calls += calls.count - before.count;
      counted.ms += calls.ms - before.ms;
      posts.push(...journeyPosts);
      gets.push(...journeyGets.slice(0, -1));
      // What a person waits for after pressing Continue: the answer's POST, then the next page's GET.
      waits.push(...journeyPosts.map((post, index) => post + (journeyGets[index + 1] ?? 0)));
    }
    const askedPerJourney = posts.length / (JOURNEYS - 1);

    console.log(
      `\nDoorstep conversation bench: ${JOURNEYS - 1} journeys counted (1 warm-up), ${askedPerJourney} prompts each, DynamoDB Local in memory, Node ${process.version}\n`,
    );
    console.log('| server time per prompt (ms) | p50 | p95 | max | n |');
    console.log('|---|---:|---:|---:|---:|');
    const row = (name: string, times: number[]) => {
      const { p50, p95, max, n } = percentiles(times);
      console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} | ${n} |`);
    };
    row('GET a question (read, render)', gets);
    row('POST an answer (check, save, next)', posts);
    row('**a prompt: POST + the next page’s GET** (target p95 < 50)', waits);
    console.log(
      `\nDynamoDB Local: ${(counted.calls / posts.length).toFixed(1)} calls a prompt (session and application read side by side, then the answer saved with its audit row), ${(counted.ms / posts.length).toFixed(1)} ms of calls (summed, though some overlap) against a prompt's ${(waits.reduce((a, b) => a + b, 0) / waits.length).toFixed(1)} ms mean. Load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')} on ${cpus().length} cores: a busy machine's figures.`,
    );
    console.log('\nPOST by prompt (p50 / p95 ms):');
    for (const [prompt, times] of perPrompt) {
      const { p50, p95 } = percentiles(times);
      console.log(`  ${prompt.padEnd(20)} ${p50.toFixed(1)} / ${p95.toFixed(1)}`);
    }

    console.log(
      '\nPage weight, gzip-compressed as a browser gets it (target < 100 KB before the first question):',
    );
    for (const { path, raw, gzipped } of weight.firstPage) {
      console.log(`  ${path.padEnd(40)} ${kb(raw).padStart(9)} raw ${kb(gzipped).padStart(9)} gzip`);
    }
    console.log(
      `  ${'**the start page, empty cache**'.padEnd(40)} ${kb(sum(weight.firstPage, 'raw')).padStart(9)} raw ${kb(sum(weight.firstPage, 'gzipped')).padStart(9)} gzip`,
    );
    console.log(
      `  ${'**everything up to the first question**'.padEnd(40)} ${kb(sum(weight.toFirstQuestion, 'raw')).padStart(9)} raw ${kb(sum(weight.toFirstQuestion, 'gzipped')).padStart(9)} gzip (${weight.toFirstQuestion.length} responses: ${weight.pages} pages, the assets once)`,
    );
    console.log(
      '  Not fetched: GOV.UK Frontend’s fonts (doorstep.css sets a system font stack, so no @font-face is used) and its images (no crown, no header logo).',
    );
  } finally {
    await local.stop();
  }
}

const sum = (items: ReadonlyArray<{ raw: number; gzipped: number }>, key: 'raw' | 'gzipped') =>
  items.reduce((total, item) => total + item[key], 0);

/** Signs in with a one-time code through the pages, chooses Riverside Homes, and returns the first question's path. */
async function signInAndStart(browser: Browser, email: string, code: () => string): Promise<string> {
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email });
  await browser.get('/sign-in/code');
  await browser.post('/sign-in/code', { code: code() });
  await browser.get('/');
  const started = await browser.post('/applications', { landlordId: 'riverside-homes' });
  const first = started.headers.location;
  if (started.status !== 303 || !first) throw new Error(`Starting an application answered ${started.status}`);
  return first;
}

interface Transfer {
  path: string;
  raw: number;
  gzipped: number;
}

/**
 * What a browser fetches for a page, its cache holding what earlier pages fetched: the HTML, then every
 * stylesheet, icon and script it links, and every module those scripts import (statically, and dynamically
 * where the page has what the script looks for: a question's form).
 */
async function fetchWithAssets(
  browser: Browser,
  path: string,
  cache: Map<string, string>,
): Promise<Transfer[]> {
  const page = await browser.get(path);
  const transfers: Transfer[] = [measure(path, page.body)];
  const queue = [...page.body.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="(\/assets\/[^"]+)"/g)].map(
    (match) => match[1] as string,
  );
  const visited = new Set<string>();
  while (queue.length > 0) {
    const asset = queue.shift() as string;
    if (visited.has(asset)) continue;
    visited.add(asset);
    let text = cache.get(asset);
    if (text === undefined) {
      const response = await browser.send('GET', asset);
      if (response.status !== 200) continue;
      const type = response.headers['content-type'] ?? '';
      const textual = type.startsWith('text/') || type.includes('svg') || type.includes('json');
      const bytes = Buffer.from(response.body, textual ? 'utf8' : 'base64');
      transfers.push(measureBytes(asset, bytes));
      text = textual ? bytes.toString('utf8') : '';
      cache.set(asset, text);
    }
    if (!asset.endsWith('.js')) continue;
    // `import … from './x.js'` always; `import('./x.js')` only where the page has a question's form.
    for (const match of text.matchAll(
      /\bimport\s*(?:[^'"()]*?\bfrom\s*)?\(?\s*['"]\.\/([a-z0-9.-]+\.js)['"]/g,
    )) {
      if (match[0].includes('(') && !/<form[^>]*action="[^"]*\/questions\//.test(page.body)) continue;
      queue.push(`/assets/${match[1]}`);
    }
  }
  return transfers;
}

const measure = (path: string, text: string) => measureBytes(path, Buffer.from(text, 'utf8'));

function measureBytes(path: string, bytes: Buffer): Transfer {
  // Images and fonts are compressed already: a server sends them as they are.
  const compressible = !/\.(png|ico|woff2?)$/.test(path);
  return { path, raw: bytes.length, gzipped: compressible ? gzipSync(bytes).length : bytes.length };
}

async function pageWeight(browser: Browser, code: () => string) {
  const cache = new Map<string, string>();
  const firstPage = await fetchWithAssets(browser, '/', cache);
  const toFirstQuestion = [...firstPage];
  let pages = 1;
  const email = 'page.weight@example.org';
  // Each page a person passes through on the way: the sign-in pages and the landlord, then the first question.
  for (const step of ['/sign-in', '/sign-in/code'] as const) {
    if (step === '/sign-in/code') await browser.post('/sign-in', { email });
    toFirstQuestion.push(...(await fetchWithAssets(browser, step, cache)));
    pages += 1;
  }
  await browser.post('/sign-in/code', { code: code() });
  toFirstQuestion.push(...(await fetchWithAssets(browser, '/', cache)));
  pages += 1;
  const started = await browser.post('/applications', { landlordId: 'riverside-homes' });
  toFirstQuestion.push(...(await fetchWithAssets(browser, started.headers.location ?? '/', cache)));
  pages += 1;
  return { firstPage, toFirstQuestion, pages };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
