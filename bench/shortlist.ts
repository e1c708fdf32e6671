import type { Property } from '../shared/domain/letting.js';
import { type ShortlistCandidate, shortlistHome } from '../shared/domain/shortlist.js';
import { policyFor } from '../shared/policies.js';
import { mulberry32 } from '../test/fixtures/seeded-random.js';
import { MemoryApplications } from '../test/support/memory.js';

/**
 * `npm run bench:shortlist`: the time to shortlist one home against 50,000 registered households (issue 8's
 * target: under 200 ms locally). The households are generated from a fixed seed, so every run ranks the same
 * register. Prints figures (median, min, max of the passes), never asserts: this machine is shared and noisy.
 *
 *   pure        shortlistHome over the register already in memory (rank, filter, explain every skip)
 *   memory      the memory store's listRegister (a copy of every entry, as a store returns) then shortlistHome
 */
const HOUSEHOLDS = 50_000;
const PASSES = 15;
const SEED = 20261129;
const ON = '2026-11-29';

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const isoDay = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A register shaped like a real one: most households in the lower bands, most needing one or two bedrooms. */
function household(index: number): ShortlistCandidate {
  const size = pick([1, 1, 1, 2, 2, 3, 3, 4, 5, 6]);
  return {
    applicationId: `app_${String(index).padStart(16, '0')}`,
    landlordId: 'riverside-homes',
    band: pick(['A', 'B', 'B', 'C', 'C', 'C', 'D', 'D', 'D', 'D'] as const),
    effectiveDate: isoDay('2016-01-01', between(0, 3_800)),
    bedroomNeed: Math.max(1, Math.ceil(size / 2)),
    householdSize: size,
    applicantDateOfBirth: isoDay('1940-01-01', between(0, 23_000)),
    localConnectionYears: between(0, 30),
    ...(random() < 0.1 ? { accessibilityNeeds: [pick(['step-free', 'wheelchair-standard'] as const)] } : {}),
    ...(random() < 0.2 ? { hasPets: true } : {}),
  };
}

const register = Array.from({ length: HOUSEHOLDS }, (_, index) => household(index));
const home: Property = {
  propertyId: 'prop_riverside-bench',
  landlordId: 'riverside-homes',
  address: 'Flat 2, 8 Weaver Court, Riverside',
  postcode: 'RV2 7QT',
  bedrooms: 2,
  bedSpaces: 4,
  weeklyRent: 11_250,
  doorId: 'door-weaver-8-2',
  availableFrom: ON,
  status: 'available',
  accessibility: ['step-free'],
  floor: 0,
  petsAllowed: false,
  localLettings: { localConnectionYears: 2 },
};
const context = { policy: policyFor('riverside-council'), on: ON };

async function time(passes: number, run: () => unknown | Promise<unknown>): Promise<number[]> {
  await run(); // warm-up, not counted
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const figures = (times: number[]) =>
  `${times[Math.floor(times.length / 2)]?.toFixed(1)} ms | ${times[0]?.toFixed(1)} ms | ${times.at(-1)?.toFixed(1)} ms`;

async function main(): Promise<void> {
  const store = new MemoryApplications();
  for (const entry of register) await store.putRegistered(entry);

  const result = shortlistHome(home, register, context);
  console.log(
    `${HOUSEHOLDS.toLocaleString('en-GB')} registered households (seed ${SEED}); one 2-bedroom, 4-bed-space, step-free, no-pets home with a 2-year local connection rule: ${result.shortlist.length.toLocaleString('en-GB')} listed, ${result.skipped.length.toLocaleString('en-GB')} skipped with reasons`,
  );
  console.log(`Node ${process.version}, ${PASSES} passes after a warm-up`);
  console.log('| measure | median | min | max |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| shortlistHome (pure) | ${figures(await time(PASSES, () => shortlistHome(home, register, context)))} |`,
  );
  console.log(
    `| memory store listRegister + shortlistHome | ${figures(
      await time(PASSES, async () =>
        shortlistHome(home, await store.listRegister('riverside-homes'), context),
      ),
    )} |`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
