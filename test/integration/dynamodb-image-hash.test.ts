import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoApplicationStore } from '../../shared/adapters/aws/dynamodb';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * Perceptual image hashes claimed per application (issue 7, "image reused across applicants") against a real
 * DynamoDB Local: the first claimant keeps a hash, enforced by the table's condition, not read-then-write.
 */
const TABLE = 'doorstep-image-hash-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const applicationId = () => `app_${hex(12)}`;
const imageHash = () => hex(8);
const store = () => new DynamoApplicationStore(dynamo.db, TABLE);

describe('claimImageHash', () => {
  it('gives a hash to the first application and keeps it there; the first claiming again gets itself', async () => {
    const hash = imageHash();
    const [first, second] = [applicationId(), applicationId()];

    expect(await store().claimImageHash(hash, first)).toBe(first);
    expect(await store().claimImageHash(hash, second)).toBe(first);
    expect(await store().claimImageHash(hash, first)).toBe(first);
    const { Item } = await dynamo.db.send(
      new GetCommand({ TableName: TABLE, Key: { pk: `PHASH#${hash}`, sk: 'PHASH' } }),
    );
    expect(Item).toEqual({ pk: `PHASH#${hash}`, sk: 'PHASH', applicationId: first });
  });

  it('lets exactly one of several simultaneous claims of one hash win, and tells every claimant who', async () => {
    const hash = imageHash();
    const claimants = Array.from({ length: 6 }, applicationId);

    const holders = await Promise.all(claimants.map((id) => store().claimImageHash(hash, id)));

    expect(new Set(holders).size).toBe(1);
    expect(claimants).toContain(holders[0]);
  });

  it('keeps image hashes apart from document numbers with the same text', async () => {
    const value = imageHash();
    const [one, two] = [applicationId(), applicationId()];

    expect(await store().claimDocumentNumber(value, one)).toBe(one);
    expect(await store().claimImageHash(value, two)).toBe(two);
  });
});
