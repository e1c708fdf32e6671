import { ZodError } from 'zod';
import type { Application } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { decisionIdFor } from '../../../shared/ids';
import { ConflictError, NotFoundError, type WaitKind } from '../../../shared/ports';
import { type Actor, decide, ForbiddenError } from '../../../shared/services/decisions';
import { signedAgreementKey } from '../../../shared/services/tenancy-documents';
import { type AwaitPersonInput, awaitPerson, closeCase, escalate } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { aPreparedAgreement } from '../../fixtures/lettings';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const neighbourId = 'app_fedcba9876543210fedcba9876543210';
/** Shaped like a Step Functions task token: a bearer secret that must never leave the wait store. */
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAeRk9pQ2x3V0pXbTR1ZmxqT3dUYnE5c2Q4Zz0=secret-tail-7f3a';

const applicant: Actor = { kind: 'applicant', subject: 'sub_gareth' };
const officer: Actor = {
  kind: 'officer',
  officerId: 'officer-ellis',
  landlordId: 'riverside-homes',
  roles: ['officer'],
};
const seniorOfficer: Actor = {
  kind: 'officer',
  officerId: 'officer-okafor',
  landlordId: 'riverside-homes',
  roles: ['officer', 'senior-officer'],
};

async function given(...applications: Application[]): Promise<MemoryDeps> {
  const deps = memoryDeps();
  for (const application of applications.length > 0 ? applications : [aCompleteApplication()]) {
    await deps.applications.create(application);
  }
  return deps;
}

function waitInput(overrides: Partial<AwaitPersonInput> = {}): AwaitPersonInput {
  return {
    applicationId,
    stage: Stage.Eligibility,
    kind: 'answers',
    waitingFor: WaitingFor.Applicant,
    taskToken,
    ...overrides,
  };
}

async function parked(deps: MemoryDeps, overrides: Partial<AwaitPersonInput> = {}): Promise<string> {
  const { decisionId } = await awaitPerson(deps, waitInput(overrides));
  return decisionId;
}

const statusOf = (deps: MemoryDeps, decisionId: string) => deps.waits.items.get(decisionId)?.status;

describe('awaitPerson', () => {
  it.each<[WaitKind, WaitingFor, string]>([
    ['answers', WaitingFor.Applicant, '2027-01-31T09:30:00.000Z'],
    ['response', WaitingFor.Applicant, '2026-11-09T09:30:00.000Z'],
    ['signature', WaitingFor.Applicant, '2026-11-16T09:30:00.000Z'],
    ['review', WaitingFor.Officer, '2026-11-12T09:30:00.000Z'],
    ['approval', WaitingFor.Officer, '2026-11-12T09:30:00.000Z'],
  ])('gives a %s wait the deadline the policy sets', async (kind, waitingFor, deadline) => {
    // Prepare
    const deps = await given();

    // Act
    const decisionId = await parked(deps, { kind, waitingFor });

    // Assess
    expect(deps.waits.items.get(decisionId)).toMatchObject({
      kind,
      waitingFor,
      deadline,
      createdAt: '2026-11-02T09:30:00.000Z',
      status: 'open',
    });
  });

  it('counts the deadline from when the wait is parked', async () => {
    // Prepare
    const deps = await given();
    deps.clock.advanceDays(5);

    // Act
    const decisionId = await parked(deps, { kind: 'review', waitingFor: WaitingFor.Officer });

    // Assess
    expect(deps.waits.items.get(decisionId)?.deadline).toBe('2026-11-17T09:30:00.000Z');
  });

  it('takes deadlines from the landlord’s own policy', async () => {
    // Prepare
    const deps = await given(
      aCompleteApplication({ landlordId: 'cwm-valley-homes', policyId: 'cwm-valley' }),
    );

    // Act
    const decisionId = await parked(deps, { kind: 'response' });

    // Assess
    expect(deps.waits.items.get(decisionId)?.deadline).toBe('2026-11-12T09:30:00.000Z');
  });

  it('names the wait by an id derived from the token that does not reveal it', async () => {
    // Prepare
    const deps = await given();

    // Act
    const decisionId = await parked(deps);

    // Assess
    expect(decisionId).toBe(decisionIdFor(taskToken));
    expect(decisionId).toMatch(/^dec_/);
    expect(decisionId).not.toContain(taskToken.slice(0, 12));
  });

  it('parks the same wait once when the step runs twice', async () => {
    // Prepare
    const deps = await given();
    const first = await parked(deps);

    // Act
    const second = await parked(deps);

    // Assess
    expect(second).toBe(first);
    expect(deps.waits.items.size).toBe(1);
    expect(deps.notifier.sent).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'waiting')).toHaveLength(1);
  });

  it('does not reopen a wait that was decided before the step ran again', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps);
    await decide(deps, { decisionId, actor: applicant, body: { decision: 'submitted' } });

    // Act
    await parked(deps);

    // Assess
    expect(statusOf(deps, decisionId)).toBe('decided');
  });

  it('moves the application to the stage whose answers it waits for', async () => {
    // Prepare
    const deps = await given();

    // Act
    await parked(deps, { stage: Stage.Household });

    // Assess
    expect((await deps.applications.get(applicationId))?.stage).toBe(Stage.Household);
  });

  it('tells the applicant, or the officers of the landlord, that they are waited for', async () => {
    // Prepare
    const deps = await given();

    // Act
    const answers = await parked(deps);
    const review = await parked(deps, {
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      taskToken: `${taskToken}-review`,
    });

    // Assess
    expect(deps.notifier.sent).toEqual([
      {
        to: { applicationId },
        template: 'wait-answers',
        values: { stage: 'Can you apply?', deadline: '2027-01-31', decisionId: answers },
      },
      {
        to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
        template: 'wait-review',
        values: { stage: 'Can you apply?', deadline: '2026-11-12', decisionId: review },
      },
    ]);
  });

  it('keeps the task token out of every notification and audit event', async () => {
    // Prepare
    const deps = await given();
    const kinds: WaitKind[] = ['answers', 'review', 'attention', 'approval', 'response', 'signature'];

    // Act
    for (const kind of kinds) {
      await parked(deps, {
        kind,
        waitingFor: kind === 'attention' ? WaitingFor.SeniorOfficer : WaitingFor.Applicant,
        taskToken: `${taskToken}-${kind}`,
        ...(kind === 'attention' ? { error: { Error: 'ThrottlingException', Cause: 'Rate exceeded' } } : {}),
      });
    }

    // Assess
    expect(deps.notifier.sent).toHaveLength(kinds.length);
    expect(deps.audit.events).toHaveLength(kinds.length);
    expect(JSON.stringify(deps.notifier.sent)).not.toContain(taskToken);
    expect(JSON.stringify(deps.audit.events)).not.toContain(taskToken);
  });

  it('keeps only the error name of an attention wait, not its cause', async () => {
    // Prepare
    const deps = await given();

    // Act
    const decisionId = await parked(deps, {
      kind: 'attention',
      waitingFor: WaitingFor.Officer,
      error: { Error: 'ValidationException', Cause: 'Gareth Pritchard, 12 Mill Lane' },
    });

    // Assess
    const wait = deps.waits.items.get(decisionId);
    expect(wait?.problem).toBe('ValidationException');
    expect(JSON.stringify(wait)).not.toContain('Mill Lane');
  });

  it('answers NotFoundError for an unknown application and parks nothing', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const run = awaitPerson(deps, waitInput());

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(deps.waits.items.size).toBe(0);
  });
});

describe('escalate', () => {
  it('tells the landlord’s senior officers and records the escalation', async () => {
    // Prepare
    const deps = await given();

    // Act
    const result = await escalate(deps, { applicationId, stage: Stage.Qualification, kind: 'answers' });

    // Assess
    expect(result).toEqual({ escalated: true });
    expect(deps.notifier.sent).toEqual([
      {
        to: { role: WaitingFor.SeniorOfficer, landlordId: 'riverside-homes' },
        template: 'escalation',
        values: { stage: 'Do you qualify for the register?', kind: 'answers' },
      },
    ]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        applicationId,
        type: 'escalated',
        stage: Stage.Qualification,
        facts: { kind: 'answers' },
      }),
    ]);
  });
});

describe('closeCase', () => {
  it('closes the application with the officer’s reason and the review route', async () => {
    // Prepare
    const deps = await given();

    // Act
    const result = await closeCase(deps, {
      applicationId,
      stage: Stage.Verification,
      reason: 'The passport belongs to someone else',
    });

    // Assess
    expect(result).toEqual({ outcome: 'closed' });
    const application = await deps.applications.get(applicationId);
    expect(application?.status).toBe('closed');
    expect(application?.decisions.at(-1)).toMatchObject({
      stage: Stage.Verification,
      decidedBy: 'officer',
      reasons: [{ rule: 'officer.close', text: 'The passport belongs to someone else' }],
      review: { withinDays: 21, route: expect.stringContaining('Riverside Council') },
    });
    expect(deps.audit.events).toEqual([expect.objectContaining({ type: 'closed', actor: 'officer' })]);
    expect(deps.notifier.sent).toEqual([
      expect.objectContaining({ to: { applicationId }, template: 'closed' }),
    ]);
  });

  it('dates each document’s deletion from its kind’s retention (UK GDPR Art. 5(1)(e))', async () => {
    // Prepare
    const [passport] = aCompleteApplication().documents;
    if (!passport) throw new Error('the fixture has no passport');
    const payslip = { ...passport, documentId: 'doc_payslip1', kind: 'payslip' as const };
    const deps = await given(aCompleteApplication({ documents: [passport, payslip] }));
    const closedAt = deps.clock.now().getTime();
    const daysLater = (days: number) => new Date(closedAt + days * 24 * 60 * 60 * 1000).toISOString();

    // Act
    await closeCase(deps, { applicationId, stage: Stage.Verification, reason: 'Withdrawn by phone' });

    // Assess
    const documents = (await deps.applications.get(applicationId))?.documents;
    expect(documents?.map((document) => [document.kind, document.deleteAfter])).toEqual([
      ['passport', daysLater(30)],
      ['payslip', daysLater(90)],
    ]);
  });

  it('closes a closed case once', async () => {
    // Prepare
    const deps = await given();
    await closeCase(deps, { applicationId, stage: Stage.Verification, reason: 'Withdrawn by phone' });

    // Act
    await closeCase(deps, { applicationId, stage: Stage.Verification, reason: 'Withdrawn by phone' });

    // Assess
    expect((await deps.applications.get(applicationId))?.decisions).toHaveLength(1);
    expect(deps.notifier.sent).toHaveLength(1);
  });
});

describe('decide', () => {
  it('resumes the workflow with the applicant’s answer and who gave it', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps);

    // Act
    const result = await decide(deps, { decisionId, actor: applicant, body: { decision: 'submitted' } });

    // Assess
    expect(result).toEqual({ decisionId, decision: { decision: 'submitted' } });
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'submitted', decidedBy: 'applicant' } },
    ]);
    expect(deps.waits.items.get(decisionId)).toMatchObject({
      status: 'decided',
      decision: { decision: 'submitted' },
    });
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'decided',
      actor: 'applicant',
      facts: { kind: 'answers', decision: 'submitted', decisionId },
    });
    expect(JSON.stringify(deps.audit.events)).not.toContain(taskToken);
  });

  it('resumes the workflow with an officer’s review decision', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'review', waitingFor: WaitingFor.Officer });

    // Act
    await decide(deps, {
      decisionId,
      actor: officer,
      body: { decision: 'proceed', reason: 'Saw the share code' },
    });

    // Assess
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'proceed', reason: 'Saw the share code', decidedBy: 'officer' } },
    ]);
    // The officer's decision is on the record, with their reason (UK GDPR Art. 22: a person decided).
    const recorded = (await deps.applications.get(applicationId))?.decisions.at(-1);
    expect(recorded).toMatchObject({
      decidedBy: 'officer',
      reasons: [expect.objectContaining({ rule: 'officer.review', text: 'Saw the share code' })],
    });
  });

  it('answers NotFoundError for an unknown decision id', async () => {
    // Prepare
    const deps = await given();

    // Act
    const run = decide(deps, {
      decisionId: 'dec_unknown',
      actor: applicant,
      body: { decision: 'submitted' },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
  });

  it('answers another applicant’s wait exactly like a missing one', async () => {
    // Prepare
    const deps = await given(
      aCompleteApplication(),
      aCompleteApplication({ applicationId: neighbourId, ownerId: 'sub_neighbour' }),
    );
    const decisionId = await parked(deps);

    // Act
    const run = decide(deps, {
      decisionId,
      actor: { kind: 'applicant', subject: 'sub_neighbour' },
      body: { decision: 'submitted' },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(statusOf(deps, decisionId)).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
  });

  it('answers an officer of another landlord like a missing wait', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'review', waitingFor: WaitingFor.Officer });

    // Act
    const run = decide(deps, {
      decisionId,
      actor: { ...seniorOfficer, landlordId: 'cwm-valley-homes' },
      body: { decision: 'proceed', reason: 'Looks fine to me' },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(statusOf(deps, decisionId)).toBe('open');
  });

  it('forbids an applicant from answering an officer’s wait on their own application', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'review', waitingFor: WaitingFor.Officer });

    // Act
    const run = decide(deps, {
      decisionId,
      actor: applicant,
      body: { decision: 'proceed', reason: 'I am eligible' },
    });

    // Assess
    await expect(run).rejects.toThrow(ForbiddenError);
    expect(statusOf(deps, decisionId)).toBe('open');
  });

  it('forbids an officer from answering for the applicant', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps);

    // Act
    const run = decide(deps, { decisionId, actor: officer, body: { decision: 'submitted' } });

    // Assess
    await expect(run).rejects.toThrow(ForbiddenError);
  });

  it('keeps a senior officer’s wait for the senior-officer role', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'attention', waitingFor: WaitingFor.SeniorOfficer });
    const body = { decision: 'retry', reason: 'The OCR service is back' };

    // Act
    const byOfficer = decide(deps, { decisionId, actor: officer, body });
    await expect(byOfficer).rejects.toThrow(ForbiddenError);
    await decide(deps, { decisionId, actor: seniorOfficer, body });

    // Assess
    expect(deps.workflow.resumed).toEqual([{ taskToken, output: { ...body, decidedBy: 'officer' } }]);
  });

  it('rejects a body the wait does not accept and leaves the wait open', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'review', waitingFor: WaitingFor.Officer });

    // Act
    const run = decide(deps, { decisionId, actor: officer, body: { decision: 'maybe', reason: 'ok' } });

    // Assess
    await expect(run).rejects.toThrow(ZodError);
    expect(statusOf(deps, decisionId)).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
  });

  it('resumes the workflow once when the same decision is posted twice', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'response' });
    const body = { decision: 'refuse', reason: 'The stairs are too steep for my mother' };
    const first = await decide(deps, { decisionId, actor: applicant, body });

    // Act
    const second = await decide(deps, { decisionId, actor: applicant, body });

    // Assess
    expect(second).toEqual(first);
    expect(deps.workflow.resumed).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'decided')).toHaveLength(1);
  });

  it('treats a stored decision whose keys came back in another order as the same decision', async () => {
    // Prepare: DynamoDB does not keep the order of a map's keys (DynamoDB Local returned them reordered).
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'response' });
    await decide(deps, {
      decisionId,
      actor: applicant,
      body: { decision: 'refuse', reason: 'Too far from work' },
    });
    const stored = deps.waits.items.get(decisionId);
    if (stored) stored.decision = { reason: 'Too far from work', decision: 'refuse' };

    // Act
    const again = await decide(deps, {
      decisionId,
      actor: applicant,
      body: { decision: 'refuse', reason: 'Too far from work' },
    });

    // Assess
    expect(again.decision).toEqual({ decision: 'refuse', reason: 'Too far from work' });
    expect(deps.workflow.resumed).toHaveLength(1);
  });

  it('refuses a different decision once the wait is decided', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps, { kind: 'response' });
    await decide(deps, { decisionId, actor: applicant, body: { decision: 'accept' } });

    // Act
    const run = decide(deps, {
      decisionId,
      actor: applicant,
      body: { decision: 'refuse', reason: 'Changed my mind' },
    });

    // Assess
    await expect(run).rejects.toThrow(ConflictError);
    expect(deps.workflow.resumed).toHaveLength(1);
    expect(deps.waits.items.get(decisionId)?.decision).toEqual({ decision: 'accept' });
  });

  it('gives the wait back when the workflow cannot be resumed, so a retry succeeds', async () => {
    // Prepare
    const deps = await given();
    const decisionId = await parked(deps);
    deps.workflow.failNext = true;
    const failed = decide(deps, { decisionId, actor: applicant, body: { decision: 'submitted' } });
    await expect(failed).rejects.toThrow('ThrottlingException');
    expect(statusOf(deps, decisionId)).toBe('open');

    // Act
    await decide(deps, { decisionId, actor: applicant, body: { decision: 'submitted' } });

    // Assess
    expect(statusOf(deps, decisionId)).toBe('decided');
    expect(deps.workflow.resumed).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'decided')).toHaveLength(1);
  });

  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])(
    'closes a wait the workflow no longer waits on (%s) and answers with a conflict that says what to do',
    async (error) => {
      // Prepare
      const deps = await given();
      const decisionId = await parked(deps);
      deps.workflow.failNextWith = error;

      // Act
      const run = decide(deps, { decisionId, actor: applicant, body: { decision: 'submitted' } });

      // Assess
      await expect(run).rejects.toThrow(/no longer waiting/);
      await expect(run).rejects.toBeInstanceOf(ConflictError);
      expect(statusOf(deps, decisionId)).toBe('decided');
      expect(await deps.waits.listOpen(applicationId)).toHaveLength(0);
    },
  );

  describe('a signature wait', () => {
    async function awaitingSignature() {
      const deps = memoryDeps();
      const { offerId, tenancyId, termsSha256 } = await aPreparedAgreement(deps);
      const decisionId = await parked(deps, {
        stage: Stage.TenancySigning,
        kind: 'signature',
        waitingFor: WaitingFor.Applicant,
        offerId,
      });
      return { deps, decisionId, tenancyId, termsSha256 };
    }

    it('records the tenant’s signature before resuming the workflow, and leaves the PDF to the signing stage', async () => {
      // Prepare
      const { deps, decisionId, tenancyId, termsSha256 } = await awaitingSignature();
      const signatureAtResume: unknown[] = [];
      const resume = deps.workflow.resume.bind(deps.workflow);
      jest.spyOn(deps.workflow, 'resume').mockImplementation(async (token, output) => {
        signatureAtResume.push(deps.lettings.tenancies.get(tenancyId)?.tenantSignature);
        await resume(token, output);
      });
      const sign = jest.spyOn(deps.signer, 'sign');

      // Act
      await decide(deps, { decisionId, actor: applicant, body: { decision: 'signed', termsSha256 } });

      // Assess
      expect(signatureAtResume).toEqual([
        { termsSha256, at: '2026-11-02T09:30:00.000Z', identity: 'applicant-session' },
      ]);
      expect(deps.workflow.resumed).toEqual([
        { taskToken, output: { decision: 'signed', termsSha256, decidedBy: 'applicant' } },
      ]);
      expect(sign).not.toHaveBeenCalled();
      expect(deps.lettings.tenancies.get(tenancyId)?.status).toBe('awaiting-signature');
      expect(deps.documents.promoted.has(signedAgreementKey(tenancyId))).toBe(false);
    });

    it('refuses a signature on other terms and leaves the wait open', async () => {
      // Prepare
      const { deps, decisionId, tenancyId } = await awaitingSignature();

      // Act
      const run = decide(deps, {
        decisionId,
        actor: applicant,
        body: { decision: 'signed', termsSha256: 'b'.repeat(64) },
      });

      // Assess
      await expect(run).rejects.toThrow(ConflictError);
      expect(deps.lettings.tenancies.get(tenancyId)?.tenantSignature).toBeUndefined();
      expect(statusOf(deps, decisionId)).toBe('open');
      expect(deps.workflow.resumed).toEqual([]);
    });
  });
});
