import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { DynamoApplicationStore, DynamoWaitStore, documentClient } from '../shared/adapters/aws/dynamodb.js';
import { keys } from '../shared/adapters/aws/keys.js';
import { createJourneyTable } from '../shared/adapters/aws/table.js';
import { sortQueue } from '../shared/domain/queue.js';
import { Stage, WaitingFor } from '../shared/domain/stage.js';
import type { PendingWait, WaitKind } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { officerQueue } from '../shared/services/officer-view.js';
import { aCompleteApplication } from '../test/fixtures/applications.js';
import { mulberry32 } from '../test/fixtures/seeded-random.js';
import { memoryDeps } from '../test/support/memory.js';
import { Browser, FakeOfficerIdentity } from '../test/unit/web/browser.js';
import { createWebHandler } from '../web/app.js';
import { createRenderer, repositoryViews } from '../web/render.js';

/**
 * `npm run bench:console-queue`: the officers' console queue page with 10,000 open cases (issue 8). DynamoDB
 * Local (in memory) gets 10,000 open officer waits of one landlord, each with its application, parked through
 * the wait store as the workflow parks them (the wait and its queue entry in one transaction), and 2,000 of
 * another landlord as noise. Then the page is asked for as an officer's browser asks for it: the web handler
 * (sign-in check, queue read, sorting into views, a page of applications read, HTML rendered), several passes
 * each. Prints median and p95 ms and the page's size; never asserts (the machine is shared and noisy).
 */
const OPEN_CASES = 10_000;
const NOISE_CASES = 2_000;
const PASSES = 21;
const CONCURRENCY = 24;
const SEED = 20261129;
const NOW = new Date('2026-11-29T09:30:00.000Z');

const random = mulberry32(SEED);

/** What officers wait on, roughly as a lettings team sees it: mostly documents to check, then offers. */
const MIX: Array<{ kind: WaitKind; stage: Stage; share: number }> = [
  { kind: 'review', stage: Stage.Verification, share: 0.3 },
  { kind: 'review', stage: Stage.Documents, share: 0.15 },
  { kind: 'approval', stage: Stage.OfficerApproval, share: 0.3 },
  { kind: 'review', stage: Stage.Registered, share: 0.05 },
  { kind: 'attention', stage: Stage.Keys, share: 0.2 },
];

function pickKind(): { kind: WaitKind; stage: Stage } {
  let roll = random();
  for (const each of MIX) {
    roll -= each.share;
    if (roll < 0) return each;
  }
  return MIX[0] as (typeof MIX)[number];
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await run(item);
      }
    }),
  );
}

/** A case of a landlord: its application, and one open wait on an officer due from 3 days ago to 10 ahead. */
function aCase(landlordId: string, index: number): { applicationId: string; wait: PendingWait } {
  const applicationId = `app_${landlordId === 'riverside-homes' ? 'a' : 'b'}${index.toString(16).padStart(31, '0')}`;
  const { kind, stage } = pickKind();
  const deadline = new Date(NOW.getTime() + Math.round((random() * 13 - 3) * 86_400_000)).toISOString();
  return {
    applicationId,
    wait: {
      decisionId: `dec_${applicationId.slice(4)}`,
      taskToken: `bench-token-${applicationId}`,
      applicationId,
      landlordId,
      stage,
      kind,
      waitingFor: random() < 0.1 ? WaitingFor.SeniorOfficer : WaitingFor.Officer,
      deadline,
      createdAt: new Date(Date.parse(deadline) - 10 * 86_400_000).toISOString(),
      status: 'open',
      ...(kind === 'attention' ? { problem: 'States.TaskFailed' } : {}),
    },
  };
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (min ${at(0).toFixed(1)}, max ${at(1).toFixed(1)})`;
}

async function main(): Promise<void> {
  const table = 'doorstep-bench';
  const local = await startDynamoDbLocal();
  try {
    await createJourneyTable(local.client, table);
    const db = documentClient(local.client);
    const applications = new DynamoApplicationStore(db, table);
    const waits = new DynamoWaitStore(db, table);

    const cases = [
      ...Array.from({ length: OPEN_CASES }, (_, index) => aCase('riverside-homes', index)),
      ...Array.from({ length: NOISE_CASES }, (_, index) => aCase('cwm-valley-homes', index)),
    ];
    const filling = performance.now();
    await inBatches(cases, async ({ applicationId, wait }) => {
      await applications.create(
        aCompleteApplication({
          applicationId,
          landlordId: wait.landlordId,
          ...(wait.landlordId === 'cwm-valley-homes' ? { policyId: 'cwm-valley' } : {}),
          stage: wait.stage,
        }),
      );
      await waits.park(wait);
    });
    console.log(
      `Parked ${OPEN_CASES} open officer waits for riverside-homes and ${NOISE_CASES} for cwm-valley-homes, each with its application, in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );

    // The web handler as `npm start` wires it, over DynamoDB Local's stores and a clock fixed at NOW.
    const root = join(__dirname, '..');
    const deps = {
      ...memoryDeps(NOW),
      applications,
      waits,
    } as unknown as Deps;
    const officers = new FakeOfficerIdentity([
      {
        email: 'ellis@riverside-homes.example',
        password: 'bench passphrase, never used',
        token: 'id-token-ellis',
        claims: {
          sub: 'officer-ellis',
          email: 'ellis@riverside-homes.example',
          'custom:landlordId': 'riverside-homes',
          'cognito:groups': ['officer'],
        },
      },
    ]);
    const handler = createWebHandler({
      deps: () => deps,
      officers: () => officers,
      render: createRenderer(repositoryViews(root)),
      assets: {
        govukDir: join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
        staticDir: join(root, 'web', 'static'),
      },
      csrfKey: 'csrf-key-for-the-bench-only',
    });
    const browser = new Browser(handler);
    browser.jar.set('doorstep_officer', 'id-token-ellis');

    const queue = await officerQueue(deps, { landlordId: 'riverside-homes' });
    console.log(
      `Counts: ${Object.entries(queue.counts)
        .map(([view, n]) => `${view} ${n}`)
        .join(', ')}; ${queue.page.pages} pages of ${queue.page.size}`,
    );

    const time = async (run: () => Promise<unknown>) => {
      await run(); // warm-up, not counted
      const times: number[] = [];
      for (let pass = 0; pass < PASSES; pass += 1) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      return times;
    };

    // DynamoDB Local is a JVM: its first reads of the partition run cold, so warm it up before timing anything.
    for (let warm = 0; warm < 5; warm += 1) await browser.get('/officer');
    console.log(
      `\nThe queue page, ${PASSES} passes each (after one warm-up), as the officer's browser asks:`,
    );
    for (const path of ['/officer', '/officer?show=near-deadline', '/officer?show=approvals&page=40']) {
      let bytes = 0;
      let status = 0;
      const times = await time(async () => {
        const response = await browser.get(path);
        bytes = Buffer.byteLength(response.body);
        status = response.status;
      });
      console.log(`  GET ${path.padEnd(34)} ${status} ${summary(times)}, ${(bytes / 1024).toFixed(1)} KiB`);
    }

    // Where the time goes: the queue index read alone, and the service (read, sort, a page of applications).
    console.log('\nParts of it:');
    // DynamoDB Local's share: the same query pages, no checking of the entries, no sorting.
    const rawQuery = async () => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.queuePartition('riverside-homes') },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        start = page.LastEvaluatedKey;
      } while (start);
    };
    console.log(`  DynamoDB Local query pages alone           ${summary(await time(rawQuery))}`);
    console.log(
      `  listQueue (query pages + checking 10,000) ${summary(await time(() => waits.listQueue('riverside-homes')))}`,
    );
    const entries = await waits.listQueue('riverside-homes');
    console.log(
      `  sortQueue alone (10,000 in memory)         ${summary(await time(async () => sortQueue({ waits: entries, reviews: [] }, 'all', NOW)))}`,
    );
    console.log(
      `  officerQueue (+ sort, 50 applications)    ${summary(
        await time(() => officerQueue(deps, { landlordId: 'riverside-homes' })),
      )}`,
    );
    const empty = Buffer.byteLength((await browser.get('/officer?show=reviews')).body);
    const full = Buffer.byteLength((await browser.get('/officer')).body);
    console.log(
      `\nA row is about ${((full - empty) / 50).toFixed(0)} bytes: all ${OPEN_CASES} on one page would be about ${((((full - empty) / 50) * OPEN_CASES) / 1024 / 1024).toFixed(1)} MiB of HTML, hence 50 a page.`,
    );
  } finally {
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
