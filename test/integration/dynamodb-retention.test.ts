import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoApplicationStore, DynamoAuditLog } from '../../shared/adapters/aws/dynamodb';
import type { DocumentRecord } from '../../shared/domain/application';
import type { DeletionEntry } from '../../shared/domain/retention';
import { sha256Hex } from '../../shared/ids';
import { documentKey } from '../../shared/services/documents';
import { sweepRetention } from '../../shared/services/retention';
import { aCompleteApplication } from '../fixtures/applications';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { ManualClock, MemoryDocuments } from '../support/memory';

/**
 * The due-for-deletion index and the number claims it releases, against a real DynamoDB Local: the range
 * query, the conditional delete and the sweep over the real adapter are the database's, not a fake's.
 */

const TABLE = 'doorstep-retention-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const applicationId = () => `app_${hex(16)}`;
const store = () => new DynamoApplicationStore(dynamo.db, TABLE);
/** The index is one partition every test shares: each looks only at its own applications' entries. */
const mine = (entries: DeletionEntry[], ...ids: string[]) =>
  entries.filter((entry) => ids.includes(entry.applicationId));

describe('the due-for-deletion index in DynamoDB', () => {
  it('answers what is due at or before an instant, earliest first, in one query of its partition', async () => {
    // Prepare
    const [one, two] = [applicationId(), applicationId()];
    const entries: DeletionEntry[] = [
      { applicationId: two, documentId: 'doc_b', deleteAfter: '2027-01-05T09:00:00.000Z' },
      { applicationId: one, documentId: 'doc_a', deleteAfter: '2027-01-01T09:00:00.000Z' },
      { applicationId: one, documentId: 'evisa-share-code', deleteAfter: '2027-01-01T09:00:00.000Z' },
      { applicationId: one, documentId: 'doc_c', deleteAfter: '2027-03-31T09:00:00.000Z' },
    ];

    // Act
    await store().scheduleDeletions(entries);

    // Assess
    const at = async (instant: string) => mine(await store().listDueForDeletion(instant), one, two);
    expect(await at('2026-12-31T23:59:59.999Z')).toEqual([]);
    // Due exactly at its instant, not a millisecond before.
    expect(await at('2027-01-01T08:59:59.999Z')).toEqual([]);
    expect(await at('2027-01-01T09:00:00.000Z')).toEqual([entries[1], entries[2]]);
    expect(await at('2027-01-05T09:00:00.000Z')).toEqual([entries[1], entries[2], entries[0]]);
    expect(await at('2027-12-31T00:00:00.000Z')).toHaveLength(4);
    const { Item } = await dynamo.db.send(
      new GetCommand({
        TableName: TABLE,
        Key: { pk: 'PURGE', sk: `2027-01-01T09:00:00.000Z#${one}#doc_a` },
      }),
    );
    expect(Item).toEqual({ pk: 'PURGE', sk: `2027-01-01T09:00:00.000Z#${one}#doc_a`, ...entries[1] });
  });

  it('keeps one entry when the same entry is written again, and forgets it when taken out', async () => {
    // Prepare
    const id = applicationId();
    const entry = { applicationId: id, documentId: 'doc_a', deleteAfter: '2027-02-01T00:00:00.000Z' };

    // Act
    await store().scheduleDeletions([entry]);
    await store().scheduleDeletions([entry]);
    const listed = mine(await store().listDueForDeletion('2027-02-02T00:00:00.000Z'), id);
    await store().unscheduleDeletion(entry);
    await store().unscheduleDeletion(entry);

    // Assess
    expect(listed).toEqual([entry]);
    expect(mine(await store().listDueForDeletion('2027-02-02T00:00:00.000Z'), id)).toEqual([]);
    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
        ExpressionAttributeValues: { ':pk': 'PURGE', ':day': '2027-02-01' },
      }),
    );
    expect(Items?.filter((item) => item.applicationId === id)).toEqual([]);
  });

  it('gives up a photo’s hash only for the application that holds it', async () => {
    const [hash, holder, other] = [hex(8), applicationId(), applicationId()];
    await store().claimImageHash(hash, holder);

    await store().releaseImageHash(hash, other);
    expect(await store().claimImageHash(hash, other)).toBe(holder);
    await store().releaseImageHash(hash, holder);

    expect(await store().claimImageHash(hash, other)).toBe(other);
  });

  describe('releaseDocumentNumber', () => {
    const fingerprint = () => sha256Hex(`passport|GBR|${hex(5)}`);

    it('gives up the holder’s own claim, so another application may claim the number', async () => {
      const [number, holder, next] = [fingerprint(), applicationId(), applicationId()];
      await store().claimDocumentNumber(number, holder);

      await store().releaseDocumentNumber(number, holder);

      expect(await store().claimDocumentNumber(number, next)).toBe(next);
    });

    it('never touches another application’s claim, and is a no-op for a number nobody holds', async () => {
      const [number, holder, other] = [fingerprint(), applicationId(), applicationId()];
      await store().claimDocumentNumber(number, holder);

      await store().releaseDocumentNumber(number, other);
      await store().releaseDocumentNumber(fingerprint(), other);

      expect(await store().claimDocumentNumber(number, other)).toBe(holder);
    });
  });

  it('is swept over the real table: due documents deleted, the rest kept, a second run a no-op', async () => {
    // Prepare: applications closed a month ago, each with a passport (30 days) and a payslip (90 days)
    const clock = new ManualClock(new Date('2027-06-01T03:00:00.000Z'));
    const documents = new MemoryDocuments();
    const deps = { applications: store(), audit: new DynamoAuditLog(dynamo.db, TABLE), documents, clock };
    const closedAt = '2027-04-30T12:00:00.000Z';
    const ids = Array.from({ length: 20 }, applicationId);
    for (const id of ids) {
      const dated = (document: DocumentRecord, days: number): DocumentRecord => ({
        ...document,
        status: 'read',
        readFields: { documentNumber: { value: hex(4), confidence: 1 } },
        deleteAfter: new Date(Date.parse(closedAt) + days * 86_400_000).toISOString(),
      });
      const [passport] = aCompleteApplication().documents;
      if (!passport) throw new Error('the fixture has no passport');
      const application = aCompleteApplication({
        applicationId: id,
        status: 'closed',
        documents: [
          dated(passport, 30),
          dated({ ...passport, documentId: 'doc_payslip1', kind: 'payslip' }, 90),
        ],
      });
      await store().create(application);
      for (const document of application.documents) {
        await documents.put(documentKey(id, document.documentId), new Uint8Array([1]), 'image/jpeg');
      }
      await store().scheduleDeletions(
        application.documents.map((document) => ({
          applicationId: id,
          documentId: document.documentId,
          deleteAfter: document.deleteAfter ?? '',
        })),
      );
    }

    // Act
    const first = await sweepRetention(deps);
    const second = await sweepRetention(deps);

    // Assess (other tests' entries share the partition, so only this test's are counted)
    expect(first.failed).toEqual([]);
    expect(first.deleted).toBeGreaterThanOrEqual(ids.length);
    expect(second).toEqual({ deleted: 0, alreadyGone: 0, rescheduled: 0, failed: [] });
    for (const id of ids) {
      const application = await store().get(id);
      expect(application?.documents.map((document) => document.status)).toEqual(['deleted', 'read']);
      expect(application?.documents[0]?.readFields).toBeUndefined();
      expect(await documents.read(documentKey(id, 'doc_passport1'))).toBeUndefined();
      expect(await documents.read(documentKey(id, 'doc_payslip1'))).toBeDefined();
    }
    expect(mine(await store().listDueForDeletion('2027-12-31T00:00:00.000Z'), ...ids)).toHaveLength(
      ids.length,
    );
  }, 60_000);
});
