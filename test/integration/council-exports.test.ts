import { DynamoCouncilExportStore } from '../../shared/adapters/aws/dynamodb-council-events';
import type { CouncilExport } from '../../shared/domain/council-exports';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * Council export jobs on DynamoDB Local: a worker takes a queued job under a lease, and a job whose worker died
 * (running, its lease run out) is on the worker's index again and taken again; a finished one leaves it.
 */

const TABLE = 'doorstep-council-exports-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

let councils = 0;
const aCouncil = () => `council-exports-${Date.now().toString(36)}-${++councils}`;
const at = (iso: string) => new Date(iso);

describe('council export jobs on DynamoDB Local', () => {
  it('takes a queued job under a lease, and again only once the lease has run out', async () => {
    // Prepare
    const store = new DynamoCouncilExportStore(dynamo.db, TABLE);
    const councilId = aCouncil();
    const job: CouncilExport = {
      exportId: `exp_${'a'.repeat(32)}`,
      councilId,
      status: 'queued',
      createdAt: '2026-11-02T09:30:00.000Z',
    };
    await store.put(job);
    const mine = (refs: Array<{ councilId: string }>) => refs.filter((ref) => ref.councilId === councilId);

    // Act
    const queued = mine(await store.listRunnable(at('2026-11-02T09:30:01.000Z'), 100));
    const first = await store.claim(
      councilId,
      job.exportId,
      at('2026-11-02T09:30:01.000Z'),
      at('2026-11-02T09:35:01.000Z'),
    );
    const second = await store.claim(
      councilId,
      job.exportId,
      at('2026-11-02T09:31:00.000Z'),
      at('2026-11-02T09:36:00.000Z'),
    );
    const whileHeld = mine(await store.listRunnable(at('2026-11-02T09:35:00.000Z'), 100));
    const afterLease = mine(await store.listRunnable(at('2026-11-02T09:35:02.000Z'), 100));
    const retaken = await store.claim(
      councilId,
      job.exportId,
      at('2026-11-02T09:35:02.000Z'),
      at('2026-11-02T09:40:02.000Z'),
    );
    await store.put({
      ...job,
      status: 'done',
      rows: 0,
      key: 'exports/x.csv',
      completedAt: '2026-11-02T09:35:03.000Z',
    });
    const finished = mine(await store.listRunnable(at('2026-11-02T10:00:00.000Z'), 100));
    const afterDone = await store.claim(
      councilId,
      job.exportId,
      at('2026-11-02T10:00:00.000Z'),
      at('2026-11-02T10:05:00.000Z'),
    );

    // Assess
    expect(queued).toEqual([{ councilId, exportId: job.exportId }]);
    expect(first).toMatchObject({ status: 'running', attempts: 1, leaseUntil: '2026-11-02T09:35:01.000Z' });
    expect(second).toBeUndefined();
    expect(whileHeld).toEqual([]);
    expect(afterLease).toEqual([{ councilId, exportId: job.exportId }]);
    expect(retaken).toMatchObject({ status: 'running', attempts: 2, startedAt: '2026-11-02T09:35:02.000Z' });
    expect(finished).toEqual([]);
    expect(afterDone).toBeUndefined();
    expect(await store.get(councilId, job.exportId)).toMatchObject({ status: 'done', rows: 0 });
  });
});
