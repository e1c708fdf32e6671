import { ZodError } from 'zod';
import type { DocumentRecord } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import { documents } from '../../../shared/services/application-stages';
import { type Actor, decide } from '../../../shared/services/decisions';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAeRk9pQ2x3V0pXbTR1ZmxqT3dUYnE5c2Q4Zz0=another-document';
const ellis: Actor = {
  kind: 'officer',
  officerId: 'officer-ellis',
  landlordId: 'riverside-homes',
  roles: ['officer'],
};

/** Gareth's read payslip, which an officer checking his documents may ask him to replace. */
const payslip: DocumentRecord = {
  documentId: 'doc_payslip1',
  kind: 'payslip',
  contentType: 'image/jpeg',
  sizeBytes: 900_000,
  status: 'read',
  declaredAt: '2026-11-01T10:06:00.000Z',
  readFields: { netPay: { value: '205000', confidence: 0.7 } },
};

/** Gareth's application with his passport and payslip, and an officer's review waiting at `stage`. */
async function reviewWaiting(stage: Stage): Promise<{ deps: MemoryDeps; decisionId: string }> {
  const deps = memoryDeps();
  const application = aCompleteApplication();
  await deps.applications.create({ ...application, documents: [...application.documents, payslip] });
  const { decisionId } = await awaitPerson(deps, {
    applicationId,
    stage,
    kind: 'review',
    waitingFor: WaitingFor.Officer,
    taskToken,
  });
  return { deps, decisionId };
}

const stored = async (deps: MemoryDeps) => {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('missing');
  return application;
};

describe('an officer asking for another document', () => {
  it('sets the document aside with the reason the applicant reads, and sends the workflow back to Documents', async () => {
    // Prepare
    const { deps, decisionId } = await reviewWaiting(Stage.Verification);

    // Act
    await decide(deps, {
      decisionId,
      actor: ellis,
      body: {
        decision: 'another',
        documentId: 'doc_payslip1',
        reason: 'The net pay is cut off at the edge.',
      },
    });

    // Assess
    const document = (await stored(deps)).documents.find((each) => each.documentId === 'doc_payslip1');
    expect(document).toMatchObject({
      status: 'rejected',
      problem: 'An officer checked your payslip and asked for another: The net pay is cut off at the edge.',
      replacementAskedAt: '2026-11-02T09:30:00.000Z',
    });
    expect(deps.workflow.resumed).toEqual([
      {
        taskToken,
        output: {
          decision: 'another',
          documentId: 'doc_payslip1',
          reason: 'The net pay is cut off at the edge.',
          decidedBy: 'officer',
        },
      },
    ]);
  });

  it('makes the Documents stage wait for a new one, and go on once one proving the same has arrived', async () => {
    // Prepare
    const { deps, decisionId } = await reviewWaiting(Stage.Verification);
    await decide(deps, {
      decisionId,
      actor: ellis,
      body: { decision: 'another', documentId: 'doc_payslip1', reason: 'Blurred.' },
    });

    // Act
    const waiting = await documents(deps, { applicationId });
    const application = await stored(deps);
    await deps.applications.save({
      ...application,
      documents: [
        ...application.documents,
        {
          ...payslip,
          documentId: 'doc_payslip2',
          declaredAt: '2026-11-02T10:00:00.000Z',
          status: 'uploaded',
        },
      ],
    });
    const after = await documents(deps, { applicationId });

    // Assess
    expect(waiting.outcome).toBe('needs-answers');
    expect(after.outcome).toBe('recorded');
  });

  it('is refused, and the wait stays open, at a stage that does not check documents', async () => {
    // Prepare
    const { deps, decisionId } = await reviewWaiting(Stage.Eligibility);

    // Act
    const asking = decide(deps, {
      decisionId,
      actor: ellis,
      body: { decision: 'another', documentId: 'doc_payslip1', reason: 'Blurred.' },
    });

    // Assess
    await expect(asking).rejects.toThrow(JourneyStateError);
    expect(deps.waits.items.get(decisionId)?.status).toBe('open');
    expect((await stored(deps)).documents.find((each) => each.documentId === 'doc_payslip1')?.status).toBe(
      'read',
    );
    expect(deps.workflow.resumed).toEqual([]);
  });

  it.each([
    ['a document not on the application', { documentId: 'doc_someoneElses1' }, NotFoundError],
    ['no document named', {}, ZodError],
  ])('is refused for %s, writing nothing', async (_what, extra, kind) => {
    // Prepare
    const { deps, decisionId } = await reviewWaiting(Stage.Documents);

    // Act
    const asking = decide(deps, {
      decisionId,
      actor: ellis,
      body: { decision: 'another', reason: 'Blurred.', ...extra },
    });

    // Assess
    await expect(asking).rejects.toThrow(kind);
    expect(deps.waits.items.get(decisionId)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
  });
});
