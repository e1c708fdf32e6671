import { CouncilRequestError } from '../../../shared/services/council-events';
import {
  EXPORT_LEASE_SECONDS,
  exportStatus,
  runQueuedExports,
  startExport,
} from '../../../shared/services/council-exports';
import { createNomination, withdrawNomination } from '../../../shared/services/nominations';
import { ahmedFamily, darrenCole } from '../../fixtures/nominations';
import { MemoryCouncilExports } from '../../support/council-events';
import { memoryDeps } from '../../support/memory';

/**
 * A council's CSV export of its nominations (issue 10): queued by the request, run by the worker, fetched by a
 * short-lived link; only the council's own nominations, and none of the household's personal data.
 */

const riverside = { councilId: 'riverside-council' };
const northbridge = { councilId: 'northbridge-council' };

function setUp() {
  const deps = memoryDeps(new Date('2026-11-02T09:30:00.000Z'));
  return { ...deps, councilExports: new MemoryCouncilExports() };
}

describe('council exports', () => {
  it('queues an export, and the worker writes the council’s nominations as CSV without personal data', async () => {
    // Prepare
    const deps = setUp();
    const kept = await createNomination(deps, riverside, ahmedFamily);
    const withdrawn = await createNomination(deps, riverside, darrenCole);
    await withdrawNomination(deps, riverside, withdrawn.nominationId, {});
    await createNomination(deps, northbridge, { ...ahmedFamily, councilReference: 'NB/OTHER/1' }).catch(
      () => undefined,
    );

    // Act
    const queued = await startExport(deps, riverside.councilId);
    const before = await exportStatus(deps, riverside.councilId, queued.exportId);
    const ran = await runQueuedExports(deps);
    const done = await exportStatus(deps, riverside.councilId, queued.exportId);

    // Assess
    expect(before).toEqual(expect.objectContaining({ status: 'queued' }));
    expect(before.download).toBeUndefined();
    expect(ran).toBe(1);
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        rows: 2,
        download: {
          url: `memory://documents/exports/riverside-council/${queued.exportId}.csv?expires=2026-11-02T09:35:00.000Z&filename=${queued.exportId}.csv`,
          expiresAt: '2026-11-02T09:35:00.000Z',
        },
      }),
    );
    const csv = new TextDecoder().decode(
      deps.documents.promoted.get(`exports/riverside-council/${queued.exportId}.csv`)?.bytes,
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'council_reference,nomination_id,landlord,nominated_on,decision_due_by,status,decision,decided_on,decided_late,outcome,bedrooms',
    );
    expect(lines.slice(1).sort()).toEqual(
      [
        `${ahmedFamily.councilReference},${kept.nominationId},riverside-homes,2026-11-02,2026-11-16,invited,,,,open,`,
        `${darrenCole.councilReference},${withdrawn.nominationId},${withdrawn.landlordId},2026-11-02,${withdrawn.decisionDueBy},withdrawn,,,,withdrawn,`,
      ].sort(),
    );
    expect(csv).not.toMatch(/Samira|Ahmed|Darren|Cole|@example|\+447/);
    expect(csv).not.toContain('NB/OTHER/1');
  });

  it('answers another council’s export, or a made-up id, with a 404', async () => {
    const deps = setUp();
    const queued = await startExport(deps, riverside.councilId);

    await expect(exportStatus(deps, northbridge.councilId, queued.exportId)).rejects.toEqual(
      new CouncilRequestError(404, 'There is no export with that id for your council'),
    );
    await expect(exportStatus(deps, riverside.councilId, 'exp_../../etc')).rejects.toBeInstanceOf(
      CouncilRequestError,
    );
  });

  it('runs a job once, however many workers look at the queue', async () => {
    const deps = setUp();
    await startExport(deps, riverside.councilId);

    const runs = await Promise.all([runQueuedExports(deps), runQueuedExports(deps)]);

    expect(runs.sort()).toEqual([0, 1]);
  });

  it('marks a job failed, saying what to do, when the file cannot be written', async () => {
    const deps = setUp();
    deps.documents.put = async () => {
      throw new Error('disk full');
    };
    const queued = await startExport(deps, riverside.councilId);

    await runQueuedExports(deps);

    expect(await exportStatus(deps, riverside.councilId, queued.exportId)).toEqual(
      expect.objectContaining({
        status: 'failed',
        failure: 'The export could not be made; start another, and tell us if it fails again',
      }),
    );
  });

  it('takes again a job whose worker died, once its lease has run out, so the council’s export completes', async () => {
    // Prepare: a worker takes the job and dies before writing anything (its function timed out).
    const deps = setUp();
    const queued = await startExport(deps, riverside.councilId);
    const dying = {
      ...deps,
      documents: {
        ...deps.documents,
        put: () => new Promise<never>(() => undefined),
      },
    };
    void runQueuedExports(dying);
    await new Promise((resolve) => setImmediate(resolve));
    const stuck = deps.councilExports.jobs.get(`${riverside.councilId}/${queued.exportId}`);

    // Act: the next runs, while the lease holds and after it ran out.
    const whileHeld = await runQueuedExports(deps);
    deps.clock.advanceSeconds(EXPORT_LEASE_SECONDS + 1);
    const afterLease = await runQueuedExports(deps);

    // Assess
    expect(stuck).toMatchObject({
      status: 'running',
      attempts: 1,
      leaseUntil: '2026-11-02T09:35:00.000Z',
    });
    expect(whileHeld).toBe(0);
    expect(afterLease).toBe(1);
    expect(await exportStatus(deps, riverside.councilId, queued.exportId)).toMatchObject({
      status: 'done',
      rows: 0,
    });
    expect(deps.councilExports.jobs.get(`${riverside.councilId}/${queued.exportId}`)).toMatchObject({
      attempts: 2,
    });
  });

  it('fails a job that has killed its worker three times, rather than taking it for ever', async () => {
    const deps = setUp();
    const queued = await startExport(deps, riverside.councilId);
    const key = `${riverside.councilId}/${queued.exportId}`;
    const job = deps.councilExports.jobs.get(key);
    if (!job) throw new Error('no job');
    deps.councilExports.jobs.set(key, {
      ...job,
      status: 'running',
      attempts: 3,
      leaseUntil: '2026-11-02T09:00:00.000Z',
    });

    expect(await runQueuedExports(deps)).toBe(1);

    expect(await exportStatus(deps, riverside.councilId, queued.exportId)).toEqual(
      expect.objectContaining({
        status: 'failed',
        failure: 'The export could not be made; start another, and tell us if it fails again',
      }),
    );
    expect(deps.documents.promoted.size).toBe(0);
    expect(await runQueuedExports(deps)).toBe(0);
  });
});
