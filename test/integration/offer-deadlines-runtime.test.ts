/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Runtime, startRuntime } from '../../local/runtime';
import type { Application } from '../../shared/domain/application';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import type { PendingWait } from '../../shared/ports';
import { decide } from '../../shared/services/decisions';
import { lettingExecutionName } from '../../shared/services/letting-stages';
import { syncRegister } from '../../shared/services/register-index';
import { aCompleteApplication, aHome } from '../fixtures/applications';

/**
 * An offer's deadlines in the synthesised Letting workflow, run by the local engine with an injected clock
 * (issue 8): the timer step sets each wait's timeout, the wait times out for real, the household is reminded,
 * no answer by the deadline is a refusal, and the home's next household on the shortlist is offered it in a
 * Letting of its own, waiting for an officer's approval. The clock jumps between runs of the runtime: a restart
 * re-arms each execution at its stage, through the timer step.
 */
jest.setTimeout(120_000);

const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-deadlines-'));
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How long before a deadline the runtime restarts: more than a restart takes, so the wait's own timer fires. */
const MARGIN = 8000;
/** Real time plus an offset the test moves: the runtime's clock. */
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
let runtime: Runtime;
const lines: string[] = [];
const start = () => startRuntime({ dataDir, clock, log: (line) => lines.push(line), retryIntervalMs: 5 });

afterAll(async () => {
  await runtime?.stop();
});

function registered(applicationId: string, band: 'A' | 'B', effectiveDate: string): Application {
  return aCompleteApplication({
    applicationId,
    stage: Stage.Registered,
    status: 'registered',
    registration: { band, effectiveDate, bedroomNeed: 2 },
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() - started > 20_000) throw new Error(`Waited 20 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const openWait = (applicationId: string, kind: PendingWait['kind'], waitingFor?: WaitingFor) =>
  until(`${applicationId}'s ${kind} wait`, async () =>
    (await runtime.deps.waits.listOpen(applicationId)).find(
      (wait) =>
        wait.kind === kind && wait.status === 'open' && (!waitingFor || wait.waitingFor === waitingFor),
    ),
  );

it('reminds, lapses an unanswered offer as a refusal, and offers the home to the next household', async () => {
  // Prepare: two registered households (the Khans in band A first, the Owens in band B) and one home.
  runtime = await start();
  const khans = 'app_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
  const owens = 'app_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
  for (const application of [registered(khans, 'A', '2026-06-01'), registered(owens, 'B', '2025-03-02')]) {
    await runtime.deps.applications.create(application);
    await syncRegister(runtime.deps.applications, application);
  }
  const home = aHome({ propertyId: 'prop_deadline-home', doorId: 'door-deadline' });
  await runtime.deps.lettings.putHome(home);
  const officer = {
    kind: 'officer' as const,
    officerId: 'officer-ellis',
    landlordId: home.landlordId,
    roles: ['officer' as const],
  };

  // Act 1: an officer offers the home to the Khans, and approves the proposal.
  await runtime.engine.startLetting(khans, lettingExecutionName(khans, home.propertyId), home.propertyId);
  const approval = await openWait(khans, 'approval');
  await decide(runtime.deps, {
    decisionId: approval.decisionId,
    actor: officer,
    body: { decision: 'approve', reason: 'The Khans are first on the shortlist' },
  });
  const response = await openWait(khans, 'response');
  const offer = await runtime.deps.lettings.getOffer(response.offerId ?? '');
  const respondBy = Date.parse(offer?.respondBy ?? '');
  expect(response.deadline).toBe(offer?.respondBy);

  // Act 2: a few seconds before the first reminder (72 hours before the deadline), the runtime restarts (it
  // takes a second or two); the wait's timer fires for real and the reminder goes.
  await runtime.stop();
  offset = respondBy - 72 * HOUR - MARGIN - Date.now();
  runtime = await start();
  const reminders = () => lines.filter((line) => line.includes('offer-reminder'));
  await until('the first reminder', async () => (reminders().length > 0 ? true : undefined));
  // The outbox as `npm start` prints it: one reminder, to the household by email, with the hours left.
  const reminded = reminders();
  expect(reminded).toEqual([
    expect.stringMatching(new RegExp(`^outbox → ${khans} \\[email\\]: offer-reminder .*hoursLeft=72`)),
  ]);
  const stillWaiting = await openWait(khans, 'response');
  expect(stillWaiting.deadline).toBe(offer?.respondBy);

  // Act 3: a few seconds before the last reminder (24 hours before the deadline); it goes when its timer fires.
  // (Not at the deadline itself: a reminder that would arrive after the deadline is rightly dropped, and a slow
  // restart on a busy machine would then look like a missing reminder.)
  await runtime.stop();
  offset = respondBy - 24 * HOUR - MARGIN - Date.now();
  runtime = await start();
  await until('the last reminder', async () => (reminders().length === 2 ? true : undefined));

  // Act 4: a few seconds before the deadline; nobody answers.
  await runtime.stop();
  offset = respondBy - MARGIN - Date.now();
  runtime = await start();

  // Assess: the offer lapsed as a refusal, the home is free, and the Owens' offer of it waits for approval.
  const next = await openWait(owens, 'approval', WaitingFor.Officer);
  const lapsed = await runtime.deps.lettings.getOffer(offer?.offerId ?? '');
  expect(lapsed).toMatchObject({ status: 'refused', lapsed: true, remindersSent: 2 });
  expect((await runtime.deps.applications.get(khans))?.status).toBe('registered');
  expect(await runtime.deps.lettings.getOffer(next.offerId ?? '')).toMatchObject({
    applicationId: owens,
    propertyId: home.propertyId,
    status: 'awaiting-approval',
  });
  expect((await runtime.deps.lettings.getHome(home.propertyId))?.status).toBe('available');
  const audit = (await runtime.deps.audit.list(khans)).map((event) => event.type);
  expect(audit).toEqual(expect.arrayContaining(['offer-approved', 'offer-lapsed']));

  // Act 5: nobody approves the Owens' offer in the policy's days; it goes to a senior officer.
  await runtime.stop();
  offset = Date.parse(next.deadline) - MARGIN - Date.now();
  runtime = await start();
  const senior = await openWait(owens, 'approval', WaitingFor.SeniorOfficer);
  expect(senior.decisionId).not.toBe(next.decisionId);
  expect((await runtime.deps.waits.get(next.decisionId))?.status).toBe('decided');
  const queue = await runtime.deps.waits.listQueue(home.landlordId);
  expect(queue.filter((entry) => entry.applicationId === owens).map((entry) => entry.waitingFor)).toEqual([
    WaitingFor.SeniorOfficer,
  ]);
  expect((await runtime.deps.audit.list(owens)).map((event) => event.type)).toContain('escalated');
  expect(Date.parse(senior.deadline) - clock.now().getTime()).toBeGreaterThan(4 * DAY);
});
