import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/aws/dynamodb';
import { DynamoNominationStore } from '../../shared/adapters/aws/dynamodb-nominations';
import { keys } from '../../shared/adapters/aws/keys';
import { CreateNominationBody, type Nomination } from '../../shared/domain/nominations';
import { ConflictError } from '../../shared/ports';
import { ahmedFamily } from '../fixtures/nominations';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * Nominations in the journey table, against a real DynamoDB Local: created once with their index entries in one
 * transaction, saved only from the version read, listed by council newest first a page at a time (a query on
 * gsi1, never a scan), found by invited subject, and on the landlord's queue until decided or withdrawn.
 */

const TABLE = 'doorstep-nominations-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);
const store = () => new DynamoNominationStore(dynamo.db, TABLE);
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

function aNomination(overrides: Partial<Nomination> = {}): Nomination {
  return {
    nominationId: `nom_${randomBytes(16).toString('hex')}`,
    councilId: 'riverside-council',
    landlordId: 'riverside-homes',
    councilReference: 'HPR/2026/00417',
    household: CreateNominationBody.parse(ahmedFamily).household,
    agreement: {
      title: 'Riverside nomination agreement 2026',
      councilName: 'Riverside Council',
      decisionDays: 14,
    },
    decisionDueBy: '2026-11-16',
    invitedSubjects: [`sub_${randomBytes(8).toString('hex')}`],
    createdAt: '2026-11-02T09:30:00.000Z',
    updatedAt: '2026-11-02T09:30:00.000Z',
    version: 0,
    ...overrides,
  };
}

describe('DynamoNominationStore', () => {
  it('creates a nomination once and reads it back as it was written', async () => {
    const nomination = aNomination();
    await store().create(nomination);
    await expect(store().create(nomination)).rejects.toThrow(ConflictError);
    await expect(store().get(nomination.nominationId)).resolves.toEqual(nomination);
    await expect(store().get('nom_00000000000000000000000000000000')).resolves.toBeUndefined();
  });

  it('saves only from the version read, so a racing write is a conflict', async () => {
    const nomination = aNomination();
    await store().create(nomination);
    const saved = await store().save({ ...nomination, invitedAt: '2026-11-02T09:30:01.000Z' });
    expect(saved.version).toBe(1);
    await expect(store().save({ ...nomination, claimedAt: '2026-11-02T10:00:00.000Z' })).rejects.toThrow(
      ConflictError,
    );
    await expect(store().get(nomination.nominationId)).resolves.toMatchObject({
      version: 1,
      invitedAt: '2026-11-02T09:30:01.000Z',
    });
  });

  it('lists a council’s nominations newest first, a page at a time, and no other council’s', async () => {
    const council = unique('council');
    const written: Nomination[] = [];
    for (let n = 0; n < 7; n += 1) {
      const nomination = aNomination({ councilId: council, createdAt: `2026-11-0${n + 1}T09:00:00.000Z` });
      await store().create(nomination);
      written.push(nomination);
    }
    await store().create(aNomination({ councilId: unique('other') }));

    const ids: string[] = [];
    let after: Awaited<ReturnType<DynamoNominationStore['listByCouncil']>>['next'];
    let pages = 0;
    do {
      const page = await store().listByCouncil(council, { limit: 3, ...(after ? { after } : {}) });
      ids.push(...page.nominations.map((nomination) => nomination.nominationId));
      after = page.next;
      pages += 1;
    } while (after);

    expect(ids).toEqual(written.map((nomination) => nomination.nominationId).reverse());
    // 3 + 3 + 1: the last page says there is no next, rather than answering an empty fourth.
    expect(pages).toBe(3);
  });

  it('finds the nominations that invite a subject, by an invitation item holding no personal data', async () => {
    const subject = `sub_${randomBytes(8).toString('hex')}`;
    const first = aNomination({ invitedSubjects: [subject], createdAt: '2026-11-01T09:00:00.000Z' });
    const second = aNomination({
      invitedSubjects: ['sub_other', subject],
      createdAt: '2026-11-03T09:00:00.000Z',
    });
    await store().create(second);
    await store().create(first);

    const found = await store().listInvited(subject);

    expect(found.map((nomination) => nomination.nominationId)).toEqual([
      first.nominationId,
      second.nominationId,
    ]);
    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.invitationPartition(subject) },
      }),
    );
    expect(JSON.stringify(Items)).not.toMatch(/samira|Ahmed|900417/i);
  });

  it('keeps an undecided nomination on its landlord’s queue, soonest due first, until decided or withdrawn', async () => {
    const landlordId = unique('landlord');
    const later = aNomination({ landlordId, decisionDueBy: '2026-11-30' });
    const sooner = aNomination({ landlordId, decisionDueBy: '2026-11-10' });
    const withdrawn = aNomination({ landlordId, decisionDueBy: '2026-11-20' });
    for (const nomination of [later, sooner, withdrawn]) await store().create(nomination);
    await store().save({
      ...withdrawn,
      withdrawal: { withdrawnAt: '2026-11-03T09:00:00.000Z', by: 'council' },
    });
    await store().save({
      ...later,
      decision: {
        outcome: 'accepted',
        reasons: [{ rule: 'nomination-agreement', clause: 'clause 5.1', text: 'Accepted' }],
        decidedAt: '2026-11-04T09:00:00.000Z',
        decidedBy: 'off_1',
        late: false,
      },
    });

    const queue = await store().listAwaitingDecision(landlordId);

    expect(queue.map((nomination) => nomination.nominationId)).toEqual([sooner.nominationId]);
    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.nominationQueuePartition(landlordId) },
      }),
    );
    // The decided and withdrawn ones' entries went in the same write that recorded it.
    expect(Items).toHaveLength(1);
  });

  it('sends only the calls the functions’ grant allows (infra/constructs/grants.ts: no batch reads, no scans)', async () => {
    // Prepare: every command the adapter sends, by name.
    const sent: string[] = [];
    const db = documentClient(dynamo.local.client);
    db.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const recorded = new DynamoNominationStore(db, TABLE);
    const landlordId = unique('landlord');
    const subject = `sub_${randomBytes(8).toString('hex')}`;
    const nomination = aNomination({ landlordId, invitedSubjects: [subject] });

    // Act: every method.
    await recorded.create(nomination);
    const read = await recorded.get(nomination.nominationId);
    if (!read) throw new Error('not stored');
    await recorded.save({ ...read, withdrawal: { withdrawnAt: '2026-11-03T09:00:00.000Z', by: 'council' } });
    await recorded.listByCouncil(nomination.councilId, { limit: 2 });
    await recorded.listInvited(subject);
    await recorded.listAwaitingDecision(landlordId);

    // Assess: item reads and writes, queries and transactions of them only.
    const allowed = [
      'GetItemCommand',
      'PutItemCommand',
      'UpdateItemCommand',
      'DeleteItemCommand',
      'QueryCommand',
      'TransactWriteItemsCommand',
    ];
    expect([...new Set(sent)].filter((name) => !allowed.includes(name))).toEqual([]);
  });
});
