import { assessAffordability } from '../shared/domain/affordability.js';
import type {
  Circumstances,
  CurrentHome,
  HouseholdMember,
  ImmigrationStatus,
  Income,
  LocalConnection,
} from '../shared/domain/application.js';
import { allocationBedroomNeed } from '../shared/domain/bedrooms.js';
import { addDays } from '../shared/domain/dates.js';
import { assessEligibility } from '../shared/domain/eligibility.js';
import type { Property } from '../shared/domain/letting.js';
import type { Policy } from '../shared/domain/policy.js';
import { assessQualification } from '../shared/domain/qualification.js';
import { register } from '../shared/domain/registration.js';
import { policyFor } from '../shared/policies.js';
import { mulberry32 } from '../test/fixtures/seeded-random.js';

/**
 * `npm run bench:assessment`: the pure assessment rules on a generated population (issue 6). A seeded generator
 * makes 100,000 households (the same ones every run); each assessment runs eligibility, qualification, the
 * allocation bedroom standard and registration (band), then the size criteria, under-occupancy and affordability
 * of a home, through the public domain functions. Prints assessments per second on one core (Node runs them on
 * one thread), median of the timed passes after a warm-up. Target: over 50,000 a second. Figures, not assertions.
 */
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
const SEED = 20_261_102;
const DECIDED_AT = '2026-11-02T09:30:00.000Z';
const ON = DECIDED_AT.slice(0, 10);

interface Case {
  policy: Policy;
  household: HouseholdMember[];
  immigrationStatus: ImmigrationStatus;
  localConnection: LocalConnection;
  income: Income;
  circumstances: Circumstances;
  currentHome: CurrentHome;
  home: Pick<Property, 'weeklyRent' | 'bedrooms'>;
}

function population(count: number): Case[] {
  const random = mulberry32(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const policies = [policyFor('riverside-council'), policyFor('cwm-valley')];
  const statuses: ImmigrationStatus[] = [
    'british-or-irish',
    'british-or-irish',
    'british-or-irish',
    'eu-settled-status',
    'eu-pre-settled-status',
    'indefinite-leave',
    'refugee-or-humanitarian-protection',
    'limited-leave',
    'no-current-permission',
    'not-sure',
  ];
  const born = (years: number) => addDays(ON, -(years * 365 + int(0, 364)));
  const member = (
    relationship: HouseholdMember['relationship'],
    years: number,
    n: number,
    extra: Partial<HouseholdMember> = {},
  ): HouseholdMember => ({
    memberId: `m${n}`,
    relationship,
    firstName: `Person${n}`,
    lastName: 'Bench',
    dateOfBirth: born(years),
    sex: chance(0.5) ? 'female' : 'male',
    unborn: false,
    needsOwnRoomForDisability: chance(0.03),
    ...(chance(0.02) ? { needsOvernightCarer: true } : {}),
    ...extra,
  });

  const cases: Case[] = [];
  for (let i = 0; i < count; i += 1) {
    const household: HouseholdMember[] = [member('applicant', int(17, 85), 1)];
    if (chance(0.5)) household.push(member('partner', int(18, 85), 2));
    // Mostly small households, a long tail up to the maximum of 20.
    const others = chance(0.02) ? int(5, 20 - household.length) : int(0, 4);
    for (let k = 0; k < others; k += 1) {
      const n = household.length + 1;
      const roll = random();
      if (roll < 0.75) {
        household.push(member('child', int(0, 22), n, chance(0.05) ? { awayStudent: true } : {}));
      } else if (roll < 0.9) {
        household.push(member('other-adult', int(16, 90), n));
      } else if (roll < 0.95) {
        household.push(member('lodger', int(18, 70), n));
      } else {
        const due = addDays(ON, int(1, 250));
        household.push(member('child', 0, n, { unborn: true, dateOfBirth: due, dueDate: due }));
      }
    }
    const support = pick<Income['housingSupport'] | undefined>([
      undefined,
      'none',
      'universal-credit',
      'universal-credit',
      'housing-benefit',
    ]);
    cases.push({
      policy: pick(policies),
      household,
      immigrationStatus: pick(statuses),
      localConnection: {
        yearsInArea: int(0, 30),
        worksInArea: chance(0.3),
        closeFamilyInArea: chance(0.2),
        armedForces: chance(0.03),
        fleeingDomesticAbuse: chance(0.03),
        careLeaver: chance(0.02),
        rightToMove: chance(0.02),
      },
      income: {
        monthlyEarnings: chance(0.4) ? 0 : int(20_000, 600_000),
        monthlyBenefits: int(0, 150_000),
        savings: int(0, 3_000_000),
        ...(support ? { housingSupport: support } : {}),
      },
      circumstances: {
        ownsProperty: chance(0.03),
        formerTenancyArrears: chance(0.1) ? int(1, 300_000) : 0,
        arrearsRepaymentPlanKept: chance(0.5),
        unacceptableBehaviour: chance(0.01),
        homelessnessDuty: pick(['none', 'none', 'none', 'none', 'prevention', 'relief', 'main'] as const),
        disrepair: chance(0.1),
        medicalNeed: pick(['none', 'none', 'none', 'moderate', 'urgent'] as const),
        hardshipMove: chance(0.05),
        fosterCarer: chance(0.02),
      },
      currentHome: {
        postcode: 'RV1 4AB',
        addressLine: '1 Bench Street',
        bedrooms: int(0, 5),
        tenure: pick([
          'private-rent',
          'social-rent',
          'living-with-family',
          'owner',
          'temporary-accommodation',
          'no-home',
        ] as const),
      },
      home: { bedrooms: int(1, 5), weeklyRent: int(7_000, 25_000) },
    });
  }
  return cases;
}

/** The rules of one assessment, each through its public function; each returns a number so none is optimised away. */
const rules: Array<[string, (item: Case) => number]> = [
  [
    'eligibility (s160ZA / s160A)',
    (item) =>
      assessEligibility({
        immigrationStatus: item.immigrationStatus,
        policy: item.policy,
        decidedAt: DECIDED_AT,
      }).reasons.length,
  ],
  [
    'qualification (s160ZA(7) / s160A(7))',
    (item) =>
      assessQualification({
        applicant: applicantOf(item),
        localConnection: item.localConnection,
        income: item.income,
        circumstances: item.circumstances,
        policy: item.policy,
        decidedAt: DECIDED_AT,
      }).reasons.length,
  ],
  [
    'allocation bedroom standard + registration (band)',
    (item) =>
      register({
        need: allocationBedroomNeed({ household: item.household, on: ON, policy: item.policy }),
        currentHome: item.currentHome,
        circumstances: item.circumstances,
        localConnection: item.localConnection,
        policy: item.policy,
        decidedAt: DECIDED_AT,
      }).registration.bedroomNeed,
  ],
  [
    'size criteria + under-occupancy + affordability of a home',
    (item) =>
      assessAffordability({
        household: item.household,
        income: item.income,
        fosterCarer: item.circumstances.fosterCarer,
        home: item.home,
        policy: item.policy,
        on: ON,
      }).monthlyRentAfterHelp,
  ],
];

function applicantOf(item: Case): HouseholdMember {
  const applicant = item.household[0];
  if (!applicant) throw new Error('A generated household has no applicant');
  return applicant;
}

/** One household's whole assessment: every rule above. */
function assess(item: Case): number {
  let sum = 0;
  for (const [, rule] of rules) sum += rule(item);
  return sum;
}

/** Runs `work` over every case `passes` times after a warm-up; returns the per-pass rates, sorted. */
function measure(
  cases: readonly Case[],
  work: (item: Case) => number,
  passes: number,
): { rates: number[]; cpuRates: number[]; checksum: number } {
  let checksum = 0;
  for (const item of cases) checksum += work(item); // warm-up: let the JIT settle
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const item of cases) checksum += work(item);
    const used = process.cpuUsage(cpu);
    rates.push(cases.length / ((performance.now() - started) / 1000));
    // CPU time is what this process got of a core, whatever else the shared machine ran meanwhile (it also
    // counts V8's helper threads, so it errs low).
    cpuRates.push(cases.length / ((used.user + used.system) / 1e6));
  }
  return { rates: rates.sort((a, b) => a - b), cpuRates: cpuRates.sort((a, b) => a - b), checksum };
}

function main(): void {
  const started = performance.now();
  const cases = population(HOUSEHOLDS);
  const generated = performance.now() - started;
  const members = cases.reduce((sum, item) => sum + item.household.length, 0);
  const round = (n: number) => Math.round(n).toLocaleString('en-GB');
  const median = (rates: readonly number[]) => rates[Math.floor(rates.length / 2)] ?? 0;

  console.log(
    `Generated ${round(cases.length)} households (${round(members)} people, seed ${SEED}) in ${round(generated)} ms`,
  );
  console.log(`Node ${process.version}, one thread; median of ${PASSES} timed passes after a warm-up\n`);
  const whole = measure(cases, assess, PASSES);
  console.log('| measure | per second (median) | min | max | µs each |\n|---|---:|---:|---:|---:|');
  console.log(
    `| **whole assessment** | **${round(median(whole.rates))}** | ${round(whole.rates[0] ?? 0)} | ${round(whole.rates.at(-1) ?? 0)} | ${(1e6 / median(whole.rates)).toFixed(1)} |`,
  );
  console.log(
    `| whole assessment per CPU-second (the machine's other work left out) | ${round(median(whole.cpuRates))} | ${round(whole.cpuRates[0] ?? 0)} | ${round(whole.cpuRates.at(-1) ?? 0)} | ${(1e6 / median(whole.cpuRates)).toFixed(1)} |`,
  );
  let checksum = whole.checksum;
  for (const [name, rule] of rules) {
    const alone = measure(cases, rule, Math.max(1, Math.floor(PASSES / 2)));
    checksum += alone.checksum;
    console.log(
      `| ${name} | ${round(median(alone.rates))} | ${round(alone.rates[0] ?? 0)} | ${round(alone.rates.at(-1) ?? 0)} | ${(1e6 / median(alone.rates)).toFixed(1)} |`,
    );
  }
  console.log(`\nTarget: over 50,000 whole assessments a second. (checksum ${checksum})`);
}

main();
