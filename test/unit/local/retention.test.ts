import { startRetentionSweeps } from '../../../local/retention';
import { documentKey } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';

describe('the local runtime’s retention sweeps', () => {
  it('sweeps once at start, then on its interval, and stops cleanly', async () => {
    // Prepare: a passport due for deletion yesterday
    const deps = memoryDeps();
    const [passport] = aCompleteApplication().documents;
    if (!passport) throw new Error('the fixture has no passport');
    const deleteAfter = new Date(deps.clock.now().getTime() - 86_400_000).toISOString();
    await deps.applications.create(
      aCompleteApplication({ status: 'closed', documents: [{ ...passport, deleteAfter }] }),
    );
    await deps.documents.put(
      documentKey(applicationId, passport.documentId),
      new Uint8Array([1]),
      'image/jpeg',
    );
    await deps.applications.scheduleDeletions([
      { applicationId, documentId: passport.documentId, deleteAfter },
    ]);
    const lines: string[] = [];

    // Act
    const sweeps = startRetentionSweeps(
      () => deps,
      (line) => lines.push(line),
      20,
    );
    const later = await sweeps.runNow();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await sweeps.stop();

    // Assess: the start's sweep deleted it; the ones after found nothing to do
    expect(later).toEqual({ deleted: 0, alreadyGone: 0, rescheduled: 0, failed: [] });
    expect(lines).toEqual(['retention: deleted 1 document or share code']);
    expect((await deps.applications.get(applicationId))?.documents[0]?.status).toBe('deleted');
    expect(await deps.documents.read(documentKey(applicationId, passport.documentId))).toBeUndefined();
  });

  it('logs a failed sweep without its message, and keeps running', async () => {
    // Prepare
    const deps = memoryDeps();
    deps.applications.listDueForDeletion = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'TimeoutError' });
    };
    const lines: string[] = [];

    // Act
    const sweeps = startRetentionSweeps(
      () => deps,
      (line) => lines.push(line),
      60_000,
    );
    await sweeps.runNow();
    await sweeps.stop();

    // Assess
    expect(lines).toEqual([
      'retention: the sweep failed (TimeoutError); it runs again within the hour',
      'retention: the sweep failed (TimeoutError); it runs again within the hour',
    ]);
  });
});
