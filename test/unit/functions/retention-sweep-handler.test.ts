import { createHandler, SweepIncomplete } from '../../../functions/retention-sweep/handler';
import { documentKey } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const PASSPORT_NUMBER = '925076473';
/** The event an EventBridge schedule sends: nothing in it is read. */
const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };

function captureLogs(): () => string {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return () => lines.join('');
}

async function aPassportDue(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  const [passport] = aCompleteApplication().documents;
  if (!passport) throw new Error('the fixture has no passport');
  const deleteAfter = new Date(deps.clock.now().getTime() - 60_000).toISOString();
  const document = {
    ...passport,
    status: 'read' as const,
    readFields: { documentNumber: { value: PASSPORT_NUMBER, confidence: 1 } },
    deleteAfter,
  };
  await deps.applications.create(aCompleteApplication({ status: 'closed', documents: [document] }));
  await deps.documents.put(
    documentKey(applicationId, passport.documentId),
    new Uint8Array([1]),
    'image/jpeg',
  );
  await deps.applications.scheduleDeletions([
    { applicationId, documentId: passport.documentId, deleteAfter },
  ]);
  return deps;
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the retention-sweep function', () => {
  it('sweeps on its schedule and logs the counts, never what was deleted', async () => {
    // Prepare
    const logs = captureLogs();
    const deps = await aPassportDue();

    // Act
    const result = await createHandler(() => deps)(scheduled, aLambdaContext('doorstep-retention-sweep'));

    // Assess
    expect(result).toEqual({ deleted: 1, alreadyGone: 0, rescheduled: 0 });
    expect(logs()).toContain('retention sweep done');
    expect(logs()).not.toContain(PASSPORT_NUMBER);
  });

  it('fails the invocation when a deletion failed, naming only pseudonymous ids, so the failure is seen', async () => {
    // Prepare
    const logs = captureLogs();
    const deps = await aPassportDue();
    deps.documents.delete = async () => {
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    };

    // Act
    const run = createHandler(() => deps)(scheduled, aLambdaContext('doorstep-retention-sweep'));

    // Assess
    await expect(run).rejects.toBeInstanceOf(SweepIncomplete);
    expect(logs()).toContain('"documentId":"doc_passport1"');
    expect(logs()).not.toContain(PASSPORT_NUMBER);
    expect((await deps.applications.get(applicationId))?.documents[0]?.status).toBe('read');
  });
});
