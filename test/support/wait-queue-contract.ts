import { randomBytes } from 'node:crypto';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import type { PendingWait, WaitStore } from '../../shared/ports';

/**
 * The officers' queue as every WaitStore must keep it: run against DynamoDB Local (test/integration) and
 * against the in-memory fake (test/unit), so the fake the service tests rely on keeps the table's rules.
 * Each test uses a landlord of its own, so tests can share one table.
 */
export function describeWaitQueue(store: () => WaitStore): void {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const aLandlord = () => `landlord-${hex(6)}`;

  function aWait(overrides: Partial<PendingWait> & Pick<PendingWait, 'landlordId'>): PendingWait {
    return {
      decisionId: `dec_${hex(16)}`,
      taskToken: `AQCEAAAAKgAAAAMAAAAAAAAAAc2VjcmV0LXRva2Vu=${hex(16)}`,
      applicationId: `app_${hex(16)}`,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      deadline: '2026-11-30T09:00:00.000Z',
      createdAt: '2026-11-23T09:00:00.000Z',
      status: 'open',
      ...overrides,
    };
  }

  describe('the officers’ queue', () => {
    it('lists the waits for officers and senior officers, soonest deadline first', async () => {
      // Prepare
      const landlordId = aLandlord();
      const later = aWait({ landlordId, deadline: '2026-12-04T09:00:00.000Z' });
      const soonest = aWait({
        landlordId,
        kind: 'review',
        stage: Stage.Verification,
        deadline: '2026-11-25T17:00:00.000Z',
      });
      const escalated = aWait({
        landlordId,
        kind: 'attention',
        stage: Stage.Documents,
        waitingFor: WaitingFor.SeniorOfficer,
        problem: 'States.TaskFailed',
        deadline: '2026-11-28T09:00:00.000Z',
      });
      for (const wait of [later, soonest, escalated]) await store().park(wait);

      // Act
      const queue = await store().listQueue(landlordId);

      // Assess
      expect(queue.map((entry) => entry.decisionId)).toEqual([
        soonest.decisionId,
        escalated.decisionId,
        later.decisionId,
      ]);
      const { taskToken: _secret, ...shown } = escalated;
      expect(queue[1]).toEqual(shown);
    });

    it('lists only the landlord’s own waits', async () => {
      // Prepare
      const landlordId = aLandlord();
      const own = aWait({ landlordId });
      const another = aWait({ landlordId: aLandlord() });
      await store().park(own);
      await store().park(another);

      // Act
      const queue = await store().listQueue(landlordId);

      // Assess
      expect(queue.map((entry) => entry.decisionId)).toEqual([own.decisionId]);
      expect(await store().listQueue(aLandlord())).toEqual([]);
    });

    it('never lists a wait for the applicant', async () => {
      // Prepare
      const landlordId = aLandlord();
      const answers = aWait({
        landlordId,
        kind: 'answers',
        stage: Stage.Household,
        waitingFor: WaitingFor.Applicant,
      });
      const response = aWait({
        landlordId,
        kind: 'response',
        stage: Stage.ApplicantResponse,
        waitingFor: WaitingFor.Applicant,
      });
      await store().park(answers);
      await store().park(response);

      // Act
      const queue = await store().listQueue(landlordId);

      // Assess
      expect(queue).toEqual([]);
      expect(await store().claim(answers.decisionId)).toEqual({ ...answers, status: 'deciding' });
      await store().complete(answers.decisionId, { decision: 'submitted' });
      expect(await store().listQueue(landlordId)).toEqual([]);
    });

    it('keeps a claimed wait on the queue, shown as being decided, until it is decided', async () => {
      // Prepare
      const landlordId = aLandlord();
      const wait = aWait({ landlordId });
      const other = aWait({ landlordId, deadline: '2026-12-01T09:00:00.000Z' });
      await store().park(wait);
      await store().park(other);

      // Act
      await store().claim(wait.decisionId);
      const whileDeciding = await store().listQueue(landlordId);
      await store().release(wait.decisionId);
      const released = await store().listQueue(landlordId);
      await store().claim(wait.decisionId);
      await store().complete(wait.decisionId, { decision: 'approve' });
      const decided = await store().listQueue(landlordId);

      // Assess
      expect(whileDeciding.map((entry) => [entry.decisionId, entry.status])).toEqual([
        [wait.decisionId, 'deciding'],
        [other.decisionId, 'open'],
      ]);
      expect(released.map((entry) => [entry.decisionId, entry.status])).toEqual([
        [wait.decisionId, 'open'],
        [other.decisionId, 'open'],
      ]);
      expect(decided.map((entry) => entry.decisionId)).toEqual([other.decisionId]);
      expect((await store().get(wait.decisionId))?.status).toBe('decided');
    });

    it('gives one entry for a wait parked twice, as first parked', async () => {
      // Prepare
      const landlordId = aLandlord();
      const wait = aWait({ landlordId });
      await store().park(wait);

      // Act
      const again = await store().park({ ...wait, deadline: '2026-11-26T09:00:00.000Z' });

      // Assess
      expect(again).toBe(false);
      const queue = await store().listQueue(landlordId);
      expect(queue.map((entry) => [entry.decisionId, entry.deadline])).toEqual([
        [wait.decisionId, wait.deadline],
      ]);
    });

    it('does not put a decided wait back on the queue when it is parked again', async () => {
      // Prepare
      const landlordId = aLandlord();
      const wait = aWait({ landlordId });
      await store().park(wait);
      await store().claim(wait.decisionId);
      await store().complete(wait.decisionId, { decision: 'approve' });

      // Act
      const again = await store().park(wait);

      // Assess
      expect(again).toBe(false);
      expect(await store().listQueue(landlordId)).toEqual([]);
    });

    it('never gives out a task token', async () => {
      // Prepare
      const landlordId = aLandlord();
      const open = aWait({ landlordId });
      const claimed = aWait({ landlordId, kind: 'review', stage: Stage.Verification });
      await store().park(open);
      await store().park(claimed);
      await store().claim(claimed.decisionId);

      // Act
      const queue = await store().listQueue(landlordId);

      // Assess
      expect(queue).toHaveLength(2);
      for (const entry of queue) expect(entry).not.toHaveProperty('taskToken');
      const listed = JSON.stringify(queue);
      expect(listed).not.toContain(open.taskToken);
      expect(listed).not.toContain(claimed.taskToken);
    });
  });
}
